package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// Roster reads less than Contacts but must tell the same story: the same
// people due, in the same order, with the same last contact and the fields
// a due line shows, and the same counts, on days where some are due, some
// overdue and some never reached.
func TestRosterAgreesWithTheWholeList(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	if err := sample.Write(ctx, path, sample.Small, today); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// A new person with a rhythm and no reach-out yet is due too.
	if _, err := st.SaveContact(ctx, model.Contact{Name: "Noor Haddad", CadenceDays: 7, Phone: "+44 20 7946 0000"}); err != nil {
		t.Fatal(err)
	}
	// Weekly people last reached either side of the rhythm's edge, in zones
	// far from UTC: the last minute of the day a week ago (due) and the
	// first minute of the day after (not yet).
	for i, at := range []time.Time{
		time.Date(today.Year, today.Month, today.Day-7, 23, 59, 0, 0, time.FixedZone("", 14*3600)),
		time.Date(today.Year, today.Month, today.Day-6, 0, 0, 0, 0, time.FixedZone("", -11*3600)),
		time.Date(today.Year, today.Month, today.Day-7, 0, 0, 0, 0, time.FixedZone("", -11*3600)),
		time.Date(today.Year, today.Month, today.Day-6, 23, 59, 0, 0, time.FixedZone("", 14*3600)),
	} {
		c, err := st.SaveContact(ctx, model.Contact{Name: fmt.Sprintf("Edge %d", i), CadenceDays: 7})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: at}); err != nil {
			t.Fatal(err)
		}
	}
	for _, day := range []model.Date{today, today.AddDays(10), today.AddDays(90)} {
		r, err := st.Roster(ctx, day, 0)
		if err != nil {
			t.Fatal(err)
		}
		all, err := st.Contacts(ctx, false, day)
		if err != nil {
			t.Fatal(err)
		}
		anyTime := 0
		for _, c := range all {
			if c.AnyTime {
				anyTime++
			}
		}
		if r.Active != len(all) || r.AnyTime != anyTime {
			t.Errorf("%s: roster counts %d active, %d any time; the list has %d, %d", day, r.Active, r.AnyTime, len(all), anyTime)
		}
		want := model.WhoNext(all, day, model.QuietCircles(model.LatestByCircle(all), day))
		if len(want) == 0 || len(r.Due) != len(want) {
			t.Fatalf("%s: roster has %d due, the list %d", day, len(r.Due), len(want))
		}
		for i, c := range r.Due {
			w := want[i]
			if c.ID != w.ID || c.Name != w.Name || c.Nickname != w.Nickname || c.Circle != w.Circle ||
				c.Phone != w.Phone || c.Email != w.Email || c.Preferred != w.Preferred ||
				c.Importance != w.Importance || c.CadenceDays != w.CadenceDays || c.AnyTime != w.AnyTime ||
				!c.LastContact.Equal(w.LastContact) || c.LastContact.Format("-07:00") != w.LastContact.Format("-07:00") ||
				c.Due(day) != w.Due(day) {
				t.Errorf("%s: due %d is %+v; the list says %+v", day, i, c, w)
			}
		}
	}
}

// Roster's first screenful, of which only the groups that can reach it
// are read (see firstDue), is exactly the start of the whole due list as
// model.WhoNext orders it, and DueCount counts all of it: for every
// length from one to more than are due (and none or less, for all),
// across rhythms, ratings, circles gone quiet, people who can be called
// any time, names that fold alike (José, JOSE), people never reached,
// instants near midnight in zones far from UTC, people put aside until
// before, on or after the day, resting rhythms, archived people, and on
// several days.
func TestRosterFirstIsTheWholeListsStart(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "tether.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(7, 11))
	names := []string{"José", "JOSE", "jose", "Zoë", "Zoe", "王芳", "Ærø", "Amir", "amir", "Ngozi"}
	// Few rhythms and few days, so that many people are equally late and
	// the order's later keys decide every cut.
	cadences := []int{0, 1, 2, 3, 7, 14}
	for i := range 200 {
		c, err := st.SaveContact(ctx, model.Contact{
			Name:        names[rng.IntN(len(names))],
			CadenceDays: cadences[rng.IntN(len(cadences))],
			Importance:  rng.IntN(6),
			Circle:      model.Circles[rng.IntN(len(model.Circles))],
			AnyTime:     rng.IntN(4) == 0,
		})
		if err != nil {
			t.Fatal(err)
		}
		for range rng.IntN(3) { // some never reached
			zone := time.FixedZone("", (rng.IntN(26)-11)*3600)
			back := rng.IntN(24)
			if slices.Index(model.Circles, c.Circle) < 4 {
				back = 15 + rng.IntN(9) // circles gone quiet
			}
			day := today.AddDays(-back)
			at := time.Date(day.Year, day.Month, day.Day, []int{0, 12, 23}[rng.IntN(3)], rng.IntN(60), 0, 0, zone)
			if _, err := st.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: at}); err != nil {
				t.Fatal(err)
			}
		}
		switch {
		case i%9 == 0:
			if err := st.SetArchived(ctx, c.ID, true); err != nil {
				t.Fatal(err)
			}
		case i%7 == 0 && c.CadenceDays > 0: // "not now", until one of the days read or either side
			if err := st.Snooze(ctx, c.ID, today.AddDays(rng.IntN(12))); err != nil {
				t.Fatal(err)
			}
		case i%17 == 0: // "let this rest"
			if err := st.SetResting(ctx, c.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, day := range []model.Date{today, today.AddDays(2), today.AddDays(9)} {
		whole, err := st.Roster(ctx, day, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Due) < 40 || whole.DueCount != len(whole.Due) {
			t.Fatalf("%s: %d due, counted %d; want a long list, counted whole", day, len(whole.Due), whole.DueCount)
		}
		all, err := st.Contacts(ctx, false, day)
		if err != nil {
			t.Fatal(err)
		}
		quiet := model.QuietCircles(model.LatestByCircle(all), day)
		if len(quiet) == 0 || len(quiet) == len(model.Circles) {
			t.Fatalf("%s: quiet circles %v; want some quiet and some not", day, quiet)
		}
		if got, want := dueIDs(whole.Due), dueIDs(model.WhoNext(all, day, quiet)); got != want {
			t.Fatalf("%s: SQL ranks the due\n%s\nmodel.WhoNext ranks them\n%s", day, got, want)
		}
		for first := -1; first <= len(whole.Due)+1; first++ {
			r, err := st.Roster(ctx, day, first)
			if err != nil {
				t.Fatal(err)
			}
			want := whole.Due
			if first > 0 {
				want = want[:min(first, len(want))]
			}
			if r.DueCount != whole.DueCount || r.Active != whole.Active || r.AnyTime != whole.AnyTime || len(r.Due) != len(want) {
				t.Fatalf("%s, first %d: %d due of %d (active %d); want %d of %d (active %d)",
					day, first, len(r.Due), r.DueCount, r.Active, len(want), whole.DueCount, whole.Active)
			}
			for i := range want {
				if r.Due[i].ID != want[i].ID || !r.Due[i].LastContact.Equal(want[i].LastContact) {
					t.Fatalf("%s, first %d: due %d is %d %q (%v); the whole list has %d %q (%v)", day, first, i,
						r.Due[i].ID, r.Due[i].Name, r.Due[i].Due(day), want[i].ID, want[i].Name, want[i].Due(day))
				}
			}
		}
	}
}

func dueIDs(cs []model.Contact) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%d ", c.ID)
	}
	return b.String()
}
