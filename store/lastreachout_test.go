package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// checkLastKept compares every contact's kept last reach-out (schema 5's
// columns, which the triggers maintain) with the one found the long way,
// by reading reach_outs.
func checkLastKept(t *testing.T, s *Store, what string) {
	t.Helper()
	rows, err := s.db.Query(`SELECT c.id, c.last_at_unix, c.last_at_offset,
		(SELECT r.at_unix FROM reach_outs r WHERE r.contact_id = c.id ORDER BY r.at_unix DESC, r.id DESC LIMIT 1),
		(SELECT r.at_offset FROM reach_outs r WHERE r.contact_id = c.id ORDER BY r.at_unix DESC, r.id DESC LIMIT 1)
		FROM contacts c`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var kept, keptOff, want, wantOff *int64
		if err := rows.Scan(&id, &kept, &keptOff, &want, &wantOff); err != nil {
			t.Fatal(err)
		}
		if !samePtr(kept, want) || !samePtr(keptOff, wantOff) {
			t.Errorf("%s: contact %d keeps last %v%+v, the log says %v%+v", what, id, deref(kept), deref(keptOff), deref(want), deref(wantOff))
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("%s: no contacts to check", what)
	}
}

func samePtr(a, b *int64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func deref(p *int64) any {
	if p == nil {
		return "none"
	}
	return *p
}

// Every way a reach-out comes, changes and goes — a save, an edit of its
// time or of who it was with, a delete, a batch, an import — leaves each
// contact's kept last reach-out equal to the latest in the log, in the
// same transaction: random operations, checked after each one. (Imports:
// TestImportIntoAnEmptyJournalGivesTheSameJournal.)
func TestLastReachOutKeptThroughEveryChange(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var people []int64
	for _, name := range []string{"Maria Santos", "Sam Okafor", "王芳", "Chris Walsh"} {
		people = append(people, addContact(t, s, name))
	}
	zones := []*time.Location{time.UTC, time.FixedZone("east", 5*3600+1800), time.FixedZone("west", -8*3600)}
	at := func() time.Time {
		// Some instants repeat, so ties are broken by id as the reads do.
		return fixedNow.Add(-time.Duration(rng.IntN(40)) * 6 * time.Hour).In(zones[rng.IntN(len(zones))])
	}
	var logged []model.ReachOut
	for step := range 300 {
		switch op := rng.IntN(10); {
		case op < 4 || len(logged) == 0:
			r, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: people[rng.IntN(len(people))], At: at()})
			if err != nil {
				t.Fatal(err)
			}
			logged = append(logged, r)
		case op < 6:
			i := rng.IntN(len(logged))
			r := logged[i]
			r.At = at()
			if rng.IntN(2) == 0 {
				r.ContactID = people[rng.IntN(len(people))]
			}
			saved, err := s.SaveReachOut(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			logged[i] = saved
		case op < 8:
			i := rng.IntN(len(logged))
			if err := s.DeleteReachOut(ctx, logged[i].ID); err != nil {
				t.Fatal(err)
			}
			logged = append(logged[:i], logged[i+1:]...)
		default:
			batch := []model.ReachOut{
				{ContactID: people[rng.IntN(len(people))], At: at(), Channel: model.ChannelText, Direction: model.DirectionMine},
				{ContactID: people[rng.IntN(len(people))], At: at(), Channel: model.ChannelCall, Direction: model.DirectionTheirs},
			}
			if err := s.AddReachOuts(ctx, batch); err != nil {
				t.Fatal(err)
			}
			all, err := s.ReachOutsBetween(ctx, model.Date{}, model.Date{})
			if err != nil {
				t.Fatal(err)
			}
			logged = all
		}
		checkLastKept(t, s, fmt.Sprintf("step %d", step))
	}
}
