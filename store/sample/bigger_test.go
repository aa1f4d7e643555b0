package sample

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

func TestParseTheBiggerSizes(t *testing.T) {
	for in, want := range map[string]Size{"xl": XL, "XXL": XXL} {
		if got, err := ParseSize(in); got != want || err != nil {
			t.Errorf("ParseSize(%q) = %q, %v", in, got, err)
		}
	}
}

// The bigger samples are the large one replicated (store.Replicate): here
// the small one three times, checked as a person would see it: three of
// each person, each with the first one's reach-outs; check-ins and
// reflections three spans of history back, one per day and week; every
// kept summary (each person's last reach-out, the search index) as a
// recount finds it.
func TestReplicateMakesWholeCopies(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	if err := Write(ctx, path, Small, today); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, err := st.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Replicate(ctx, 3); err != nil {
		t.Fatal(err)
	}
	after, err := st.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []struct {
		what          string
		before, after int
	}{
		{"people", len(before.Contacts), len(after.Contacts)},
		{"reach-outs", len(before.ReachOuts), len(after.ReachOuts)},
		{"check-ins", len(before.CheckIns), len(after.CheckIns)},
		{"reflections", len(before.Reflections), len(after.Reflections)},
		{"check-ups", len(before.Checkups), len(after.Checkups)},
	} {
		if n.after != 3*n.before || n.before == 0 {
			t.Errorf("%s: %d, then %d; want three times", n.what, n.before, n.after)
		}
	}
	if len(after.Plans) != len(before.Plans) {
		t.Errorf("plans: %d, then %d; want as they were", len(before.Plans), len(after.Plans))
	}
	uids, days, weeks := map[string]bool{}, map[model.Date]bool{}, map[model.Week]bool{}
	for _, c := range after.Contacts {
		uids[c.UID] = true
	}
	for _, r := range after.ReachOuts {
		uids[r.UID] = true
	}
	for _, c := range after.CheckIns {
		days[c.Day] = true
		if !c.Day.Before(today) {
			t.Errorf("a check-in on %s, today or later", c.Day)
		}
	}
	for _, r := range after.Reflections {
		weeks[r.Week] = true
	}
	if len(uids) != len(after.Contacts)+len(after.ReachOuts) || len(days) != len(after.CheckIns) || len(weeks) != len(after.Reflections) {
		t.Errorf("not every copy is its own: %d uids, %d days, %d weeks", len(uids), len(days), len(weeks))
	}

	// Each copy of a person has the first one's reach-outs, and the
	// contact list's last reach-out (a kept summary) as a recount has it.
	last := map[int64]model.ReachOut{}
	count := map[int64]int{}
	for _, r := range after.ReachOuts {
		count[r.ContactID]++
		if r.At.After(last[r.ContactID].At) {
			last[r.ContactID] = r
		}
	}
	cs, err := st.Contacts(ctx, false, today)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]model.Contact{}
	for _, c := range cs {
		byName[c.Name] = c
		if !c.LastContact.Equal(last[c.ID].At) {
			t.Errorf("%s: last reach-out %v; a recount finds %v", c.Name, c.LastContact, last[c.ID].At)
		}
	}
	for _, c := range cs {
		if strings.HasSuffix(c.Name, " 2") || strings.HasSuffix(c.Name, " 3") {
			continue
		}
		for _, k := range []string{" 2", " 3"} {
			twin, ok := byName[c.Name+k]
			if !ok || count[twin.ID] != count[c.ID] || twin.Circle != c.Circle {
				t.Errorf("%s%s: %v, %d reach-outs; the first has %d", c.Name, k, ok, count[twin.ID], count[c.ID])
			}
		}
	}
	hits, err := st.Search(ctx, before.Contacts[0].Name+" 3", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Errorf("search finds no %q", before.Contacts[0].Name+" 3")
	}
}
