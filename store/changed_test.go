package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// editable is one kind of record a person edits in a form, as two windows
// see it: read it, change it (mark tells the two windows' edits apart),
// save it, and say what a window's edit left.
type editable struct {
	name string
	read func(s *Store) any
	edit func(record any, mark string) any
	save func(s *Store, record any) (any, error)
	mark func(record any) string // the mark of the edit the record holds
}

func editables(t *testing.T) []editable {
	ctx := context.Background()
	must := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	return []editable{{
		name: "contact",
		read: func(s *Store) any { return must(s.Contact(ctx, 1)) },
		edit: func(r any, mark string) any { c := r.(model.Contact); c.Notes = mark; return c },
		save: func(s *Store, r any) (any, error) { return s.SaveContact(ctx, r.(model.Contact)) },
		mark: func(r any) string { return r.(model.Contact).Notes },
	}, {
		name: "check-in",
		read: func(s *Store) any { c, _, err := s.CheckIn(ctx, testToday); return must(c, err) },
		edit: func(r any, mark string) any { c := r.(model.CheckIn); c.Note = mark; return c },
		save: func(s *Store, r any) (any, error) { return s.SaveCheckIn(ctx, r.(model.CheckIn)) },
		mark: func(r any) string { return r.(model.CheckIn).Note },
	}, {
		name: "reflection",
		read: func(s *Store) any { r, _, err := s.Reflection(ctx, lastWeek); return must(r, err) },
		edit: func(r any, mark string) any {
			x := r.(model.Reflection)
			x.Answers = append([]model.Answer(nil), x.Answers...)
			x.Answers[0].Text = mark
			return x
		},
		save: func(s *Store, r any) (any, error) { return s.SaveReflection(ctx, r.(model.Reflection)) },
		mark: func(r any) string { return r.(model.Reflection).Answers[0].Text },
	}, {
		name: "safety plan",
		read: func(s *Store) any { return must(s.SafetyPlan(ctx)) },
		edit: func(r any, mark string) any { p := r.(model.SafetyPlan); p.OnMyOwn = []string{mark}; return p },
		save: func(s *Store, r any) (any, error) { return s.SaveSafetyPlan(ctx, r.(model.SafetyPlan)) },
		mark: func(r any) string { return r.(model.SafetyPlan).OnMyOwn[0] },
	}, {
		name: "settings",
		read: func(s *Store) any { return must(s.Settings(ctx)) },
		edit: func(r any, mark string) any {
			st := r.(model.Settings)
			st.OwnNumbers = []model.OwnNumber{{Label: mark, Number: "111"}}
			return st
		},
		save: func(s *Store, r any) (any, error) { return s.SaveSettings(ctx, r.(model.Settings)) },
		mark: func(r any) string { return r.(model.Settings).OwnNumbers[0].Label },
	}}
}

// twoWindows opens one journal twice, each with a clock of its own, with a
// contact, today's check-in, last week's reflection, a plan and settings
// already saved.
func twoWindows(t *testing.T) (a, b *Store) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	a, b = openAt(t, path), openAt(t, path)
	a.Now = func() time.Time { return fixedNow.Add(time.Minute) }
	b.Now = func() time.Time { return fixedNow.Add(2 * time.Minute) }
	first := openAt(t, path)
	if _, err := first.SaveContact(ctx, fullContact()); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SaveCheckIn(ctx, fullCheckIn(testToday)); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SaveReflection(ctx, fullReflection(lastWeek)); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SaveSafetyPlan(ctx, fullPlan()); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SaveSettings(ctx, fullSettings()); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// TestASaveKnowsWhatItOverwrites: two windows open the same record; the
// first to save wins, the second is refused with the first's version and
// writes nothing; saved again over that version ("keep mine"), it lands.
func TestASaveKnowsWhatItOverwrites(t *testing.T) {
	for _, e := range editables(t) {
		t.Run(e.name, func(t *testing.T) {
			a, b := twoWindows(t)
			inA, inB := e.read(a), e.read(b)
			savedA, err := e.save(a, e.edit(inA, "written in window A"))
			if err != nil {
				t.Fatalf("the first save: %v", err)
			}
			_, err = e.save(b, e.edit(inB, "written in window B"))
			var changed *model.ChangedError
			if !errors.As(err, &changed) {
				t.Fatalf("the second save over an older version = %v; want a *model.ChangedError", err)
			}
			if got := e.mark(changed.Theirs); got != "written in window A" {
				t.Errorf("theirs holds %q; want window A's edit", got)
			}
			if !reflect.DeepEqual(reflect.TypeOf(changed.Theirs), reflect.TypeOf(inB)) {
				t.Errorf("theirs is a %T; want a %T", changed.Theirs, inB)
			}
			if got := e.mark(e.read(a)); got != "written in window A" {
				t.Errorf("after the refused save the journal holds %q; want window A's edit", got)
			}
			// "Keep mine": the draft saved over the version it was shown.
			mine := e.edit(changed.Theirs, "written in window B")
			if _, err := e.save(b, mine); err != nil {
				t.Fatalf("keep mine: %v", err)
			}
			if got := e.mark(e.read(a)); got != "written in window B" {
				t.Errorf("after keep mine the journal holds %q", got)
			}
			// And window A, which has not read since, is now the one asked.
			if _, err := e.save(a, e.edit(savedA, "again in A")); !errors.As(err, &changed) {
				t.Errorf("window A saving over its own older version = %v; want a *model.ChangedError", err)
			}
		})
	}
}

// TestOtherChangesCountAsChanges: archiving someone, or setting the
// recovery start date from Today, is a change a form open elsewhere must
// not undo.
func TestOtherChangesCountAsChanges(t *testing.T) {
	ctx := context.Background()
	a, b := twoWindows(t)
	c, _ := b.Contact(ctx, 1)
	if err := a.SetArchived(ctx, 1, true); err != nil {
		t.Fatal(err)
	}
	c.Notes = "edited in B"
	var changed *model.ChangedError
	if _, err := b.SaveContact(ctx, c); !errors.As(err, &changed) || !changed.Theirs.(model.Contact).Archived {
		t.Errorf("saving over an archived contact = %v; want a *model.ChangedError holding the archived contact", err)
	}
	st, _ := b.Settings(ctx)
	if err := a.SetRecoveryStart(ctx, testToday.AddDays(-3)); err != nil {
		t.Fatal(err)
	}
	st.Region = "US"
	if _, err := b.SaveSettings(ctx, st); !errors.As(err, &changed) || changed.Theirs.(model.Settings).RecoveryStart != testToday.AddDays(-3) {
		t.Errorf("saving settings over a new recovery start date = %v; want a *model.ChangedError holding it", err)
	}
}

// TestLoggingAReachOutIsNotAnEdit: a reach-out logged in another window
// changes who is due, not the person's details: their form still saves.
func TestLoggingAReachOutIsNotAnEdit(t *testing.T) {
	ctx := context.Background()
	a, b := twoWindows(t)
	c, _ := b.Contact(ctx, 1)
	if _, err := a.SaveReachOut(ctx, model.ReachOut{ContactID: 1, At: fixedNow, Channel: model.ChannelCall, Direction: model.DirectionMine}); err != nil {
		t.Fatal(err)
	}
	c.Notes = "edited in B"
	if _, err := b.SaveContact(ctx, c); err != nil {
		t.Errorf("saving a contact after a reach-out was logged elsewhere: %v", err)
	}
}
