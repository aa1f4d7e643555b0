package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// tick is a clock shared by the copies of a journal in a test: every
// reading is a second after the last, so every change has its own time.
type tick struct{ t time.Time }

func (c *tick) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

// copies opens n journals on one ticking clock.
func copies(t *testing.T, n int) ([]*Store, *tick) {
	clock := &tick{t: fixedNow}
	out := make([]*Store, n)
	for i := range out {
		out[i] = openStore(t)
		out[i].Now = clock.now
	}
	return out, clock
}

// exchange merges from's export into to, and returns the report.
func exchange(t *testing.T, from, to *Store) ImportReport {
	t.Helper()
	ctx := context.Background()
	e, err := from.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := to.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// sameJournal compares two copies' exports, but for what is each copy's
// own: which copy wrote it and when, and the journal's local ids.
func sameJournal(t *testing.T, a, b *Store) {
	t.Helper()
	ea, eb := canonical(t, a), canonical(t, b)
	if !reflect.DeepEqual(ea, eb) {
		t.Fatalf("the copies differ:\n%+v\n%+v", ea, eb)
	}
}

func canonical(t *testing.T, s *Store) journalfile.Export {
	t.Helper()
	e, err := s.Export(context.Background(), model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	e.Journal, e.ExportedAt, e.Seen = "", time.Time{}, nil
	uidOf := map[int64]string{}
	for i := range e.Contacts {
		uidOf[e.Contacts[i].ID] = e.Contacts[i].UID
		e.Contacts[i].ID = 0
		e.Contacts[i].CreatedAt = e.Contacts[i].CreatedAt.UTC()
		e.Contacts[i].UpdatedAt = e.Contacts[i].UpdatedAt.UTC()
	}
	for i := range e.ReachOuts {
		// Its person by uid: the ids are each copy's own.
		e.ReachOuts[i].ContactName = uidOf[e.ReachOuts[i].ContactID] + " " + e.ReachOuts[i].ContactName
		e.ReachOuts[i].ID, e.ReachOuts[i].ContactID = 0, 0
		e.ReachOuts[i].UpdatedAt = e.ReachOuts[i].UpdatedAt.UTC()
	}
	for i := range e.Plans {
		e.Plans[i].ContactName = uidOf[e.Plans[i].ContactID] + " " + e.Plans[i].ContactName
		e.Plans[i].ID, e.Plans[i].ContactID = 0, 0
		e.Plans[i].CreatedAt, e.Plans[i].UpdatedAt = e.Plans[i].CreatedAt.UTC(), e.Plans[i].UpdatedAt.UTC()
	}
	for i := range e.Removed {
		e.Removed[i].At = e.Removed[i].At.UTC()
	}
	for i := range e.Checkups {
		e.Checkups[i].ID = 0 // each copy's own
		e.Checkups[i].CreatedAt = e.Checkups[i].CreatedAt.UTC()
	}
	sortBy(e.Contacts, func(c model.Contact) string { return c.UID })
	sortBy(e.ReachOuts, func(r model.ReachOut) string { return r.UID })
	sortBy(e.Plans, func(p model.Plan) string { return p.UID })
	for i := range e.CheckIns {
		e.CheckIns[i].UpdatedAt = e.CheckIns[i].UpdatedAt.UTC()
	}
	for i := range e.Reflections {
		e.Reflections[i].UpdatedAt = e.Reflections[i].UpdatedAt.UTC()
	}
	return e
}

func sortBy[T any](xs []T, key func(T) string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && key(xs[j]) < key(xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func byName(t *testing.T, s *Store, name string) []model.Contact {
	t.Helper()
	cs, err := s.Contacts(context.Background(), false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Contact
	for _, c := range cs {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

// The case that began it: a phone number changed on computer B, and B's
// reach-outs, come to A as the same person, not a second Denise.
func TestMergeTheChangedPhone(t *testing.T) {
	ctx := context.Background()
	j, _ := copies(t, 2)
	a, b := j[0], j[1]
	denise, err := a.SaveContact(ctx, model.Contact{Name: "Denise Okafor", Phone: "(312) 555-0147", Circle: model.CircleSponsor})
	if err != nil {
		t.Fatal(err)
	}
	logAt(t, a, denise.ID, fixedNow.Add(-48*time.Hour))
	exchange(t, a, b) // B begins as a copy of A
	onB := byName(t, b, "Denise Okafor")
	if len(onB) != 1 || onB[0].UID != denise.UID {
		t.Fatalf("B's Denise: %+v", onB)
	}
	onB[0].Phone = "(312) 555-0199"
	if _, err := b.SaveContact(ctx, onB[0]); err != nil {
		t.Fatal(err)
	}
	for i := range 54 {
		logAt(t, b, onB[0].ID, fixedNow.Add(-time.Duration(i+1)*time.Hour-30*time.Minute))
	}
	rep := exchange(t, b, a)
	if rep.Contacts != 0 || rep.Updated != 1 || rep.ReachOuts != 54 || len(rep.Conflicts) != 0 {
		t.Fatalf("report: %+v", rep)
	}
	onA := byName(t, a, "Denise Okafor")
	if len(onA) != 1 || onA[0].Phone != "(312) 555-0199" {
		t.Fatalf("A's Denise after the merge: %+v", onA)
	}
	history, err := historyOf(a, ctx, onA[0].ID, 0)
	if err != nil || len(history) != 55 {
		t.Fatalf("A's history of Denise: %d, %v", len(history), err)
	}
	exchange(t, a, b)
	sameJournal(t, a, b)
}

// The table of one record on two copies: new on one side, edited on
// both, removed on one and edited on the other.
func TestMergeTable(t *testing.T) {
	ctx := context.Background()
	type setup func(t *testing.T, a, b *Store, r model.ReachOut) // r: a reach-out both copies have
	for _, tt := range []struct {
		name      string
		change    setup
		wantNote  string // the note A holds after merging B, "" if the reach-out is gone
		conflicts int
	}{
		{"edited on B only", func(t *testing.T, a, b *Store, r model.ReachOut) {
			r.Note = "from B"
			mustSave(t, b, r)
		}, "from B", 0},
		{"edited on both, B later", func(t *testing.T, a, b *Store, r model.ReachOut) {
			r.Note = "from A"
			mustSave(t, a, r)
			r.Note = "from B"
			mustSave(t, b, r)
		}, "from B", 1},
		{"edited on both, A later", func(t *testing.T, a, b *Store, r model.ReachOut) {
			r.Note = "from B"
			mustSave(t, b, r)
			r.Note = "from A"
			mustSave(t, a, r)
		}, "from A", 1},
		{"removed on B", func(t *testing.T, a, b *Store, r model.ReachOut) {
			if err := b.DeleteReachOut(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}, "", 0},
		{"edited on A, then removed on B", func(t *testing.T, a, b *Store, r model.ReachOut) {
			r.Note = "from A"
			mustSave(t, a, r)
			if err := b.DeleteReachOut(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}, "", 0},
		{"removed on B, then edited on A", func(t *testing.T, a, b *Store, r model.ReachOut) {
			if err := b.DeleteReachOut(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
			r.Note = "from A"
			mustSave(t, a, r)
		}, "from A", 1},
		{"removed on A, edited on B before", func(t *testing.T, a, b *Store, r model.ReachOut) {
			r.Note = "from B"
			mustSave(t, b, r)
			if err := a.DeleteReachOut(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}, "", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j, _ := copies(t, 2)
			a, b := j[0], j[1]
			id := addContact(t, a, "Sam Cole")
			r := logAt(t, a, id, fixedNow.Add(-time.Hour))
			exchange(t, a, b)
			exchange(t, b, a) // both have met
			onB, err := b.ReachOutsBetween(ctx, model.Date{}, model.Date{})
			if err != nil || len(onB) != 1 || onB[0].UID != r.UID {
				t.Fatalf("B's copy: %+v, %v", onB, err)
			}
			tt.change(t, a, b, r)
			// B's own id for the reach-out, for changes made on B.
			rep := exchange(t, b, a)
			if len(rep.Conflicts) != tt.conflicts {
				t.Errorf("conflicts %+v, want %d", rep.Conflicts, tt.conflicts)
			}
			got, err := a.ReachOutsBetween(ctx, model.Date{}, model.Date{})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.wantNote == "" && len(got) != 0:
				t.Errorf("A still has %+v", got)
			case tt.wantNote != "" && (len(got) != 1 || got[0].Note != tt.wantNote):
				t.Errorf("A has %+v, want the note %q", got, tt.wantNote)
			}
			exchange(t, a, b)
			sameJournal(t, a, b)
		})
	}
}

func mustSave(t *testing.T, s *Store, r model.ReachOut) {
	t.Helper()
	// The same reach-out, by uid, in this copy.
	all, err := s.ReachOutsBetween(context.Background(), model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	for _, mine := range all {
		if mine.UID == r.UID {
			mine.Note = r.Note
			if _, err := s.SaveReachOut(context.Background(), mine); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no reach-out %s here", r.UID)
}

// Three copies, random changes on each, merged in random orders: once
// every copy has heard from every other, all three are the same journal.
func TestMergeConverges(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			j, _ := copies(t, 3)
			first := addContact(t, j[0], "Maria Santos")
			logAt(t, j[0], first, fixedNow.Add(-72*time.Hour))
			exchange(t, j[0], j[1])
			exchange(t, j[0], j[2])
			for round := range 4 {
				for k, s := range j {
					randomChange(t, ctx, rng, s, fmt.Sprintf("r%d c%d", round, k))
				}
				for range 3 {
					from, to := rng.IntN(3), rng.IntN(3)
					if from != to {
						exchange(t, j[from], j[to])
					}
				}
			}
			// Everyone hears from everyone, twice round.
			for range 2 {
				for from := range j {
					for to := range j {
						if from != to {
							exchange(t, j[from], j[to])
						}
					}
				}
			}
			sameJournal(t, j[0], j[1])
			sameJournal(t, j[1], j[2])
		})
	}
}

func randomChange(t *testing.T, ctx context.Context, rng *rand.Rand, s *Store, tag string) {
	t.Helper()
	cs, err := s.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := s.ReachOutsBetween(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	day := testToday.AddDays(-rng.IntN(5))
	switch rng.IntN(7) {
	case 0:
		addContact(t, s, "Person "+tag)
	case 1:
		c := cs[rng.IntN(len(cs))]
		c.Notes = "note " + tag
		if _, err := s.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	case 2:
		logAt(t, s, cs[rng.IntN(len(cs))].ID, fixedNow.Add(-time.Duration(rng.IntN(100)+1)*time.Hour))
	case 3:
		if len(rs) > 0 {
			r := rs[rng.IntN(len(rs))]
			r.Note = "edit " + tag
			if _, err := s.SaveReachOut(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
	case 4:
		if len(rs) > 0 {
			if err := s.DeleteReachOut(ctx, rs[rng.IntN(len(rs))].ID); err != nil {
				t.Fatal(err)
			}
		}
	case 5:
		c := model.CheckIn{Day: day, Mood: 1 + rng.IntN(5), Note: tag}
		if had, ok, err := s.CheckIn(ctx, day); err != nil {
			t.Fatal(err)
		} else if ok {
			c.UpdatedAt = had.UpdatedAt // an edit of the day, as the app makes it
		}
		if _, err := s.SaveCheckIn(ctx, c); err != nil {
			t.Fatal(err)
		}
	case 6:
		// The BARC-10 taken on a day, or taken again the same day.
		answers := make([]int, 10)
		for i := range answers {
			answers[i] = 1 + rng.IntN(6)
		}
		if _, err := s.SaveCheckup(ctx, model.Checkup{Instrument: model.BARC10, Day: day, Answers: answers}); err != nil {
			t.Fatal(err)
		}
	}
}

// Settings merge one by one: the newer value of each, a removal that
// travels, and the same value on both sides is no conflict.
func TestMergeSettings(t *testing.T) {
	ctx := context.Background()
	j, _ := copies(t, 2)
	a, b := j[0], j[1]
	if err := a.SetSetting(ctx, "region", "IE"); err != nil {
		t.Fatal(err)
	}
	if err := a.SetRecoveryStart(ctx, testToday.AddDays(-100)); err != nil {
		t.Fatal(err)
	}
	addContact(t, a, "Maria Santos")
	exchange(t, a, b)
	exchange(t, b, a)
	if v, _, _ := b.Setting(ctx, "region"); v != "IE" {
		t.Fatalf("B's region: %q", v)
	}
	// B moves to another region; A clears the recovery date.
	if err := b.SetSetting(ctx, "region", "GB"); err != nil {
		t.Fatal(err)
	}
	if err := a.SetRecoveryStart(ctx, model.Date{}); err != nil {
		t.Fatal(err)
	}
	rep := exchange(t, b, a)
	if v, _, _ := a.Setting(ctx, "region"); v != "GB" || len(rep.Conflicts) != 0 {
		t.Fatalf("A's region %q, conflicts %+v", v, rep.Conflicts)
	}
	exchange(t, a, b)
	if d, err := b.RecoveryStart(ctx); err != nil || !d.IsZero() {
		t.Fatalf("B's recovery start after A cleared it: %v, %v", d, err)
	}
	sameJournal(t, a, b)
}
