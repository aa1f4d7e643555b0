package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// testdata/release6.db is the small sample journal as the release before
// schema 7 wrote it (tether demo --save, schema 6): what every person who
// updates Tether has on disk.
const release6 = "testdata/release6.db"

// TestReleaseSixJournalReadsBeforeTheAppUpdatesIt: the crisis card (tether
// sos) reads a journal of the release before, as it is, before any app has
// updated it: its any-time people, professionals, settings and plan.
func TestReleaseSixJournalReadsBeforeTheAppUpdatesIt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	copyJournal(t, release6, path)
	before := hashFile(t, path)
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	people, err := s.AnyTimeContacts(ctx)
	if err != nil || len(people) == 0 {
		t.Fatalf("AnyTimeContacts on a schema 6 journal: %d, %v", len(people), err)
	}
	if _, err := s.Professionals(ctx); err != nil {
		t.Fatalf("Professionals on a schema 6 journal: %v", err)
	}
	if st, err := s.Settings(ctx); err != nil || st.Region == "" {
		t.Fatalf("Settings on a schema 6 journal: %+v, %v", st, err)
	}
	if plan, err := s.SafetyPlan(ctx); err != nil || plan.Empty() {
		t.Fatalf("SafetyPlan on a schema 6 journal: %+v, %v", plan, err)
	}
	s.Close()
	if hashFile(t, path) != before {
		t.Error("reading the journal changed it")
	}
}

// TestReleaseSixJournalMigrates: opened by this Tether, the journal of the
// release before is updated to schema 7 with everything kept, and the new
// fields start empty: nobody snoozed, resting, or with a birthday.
func TestReleaseSixJournalMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	copyJournal(t, release6, path)
	old, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := old.Export(ctx, model.Date{}, model.Date{})
	old.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Fatalf("user_version %d after opening; want %d", v, latestVersion())
	}
	got, err := s.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Contacts) != len(want.Contacts) || len(got.ReachOuts) != len(want.ReachOuts) ||
		len(got.CheckIns) != len(want.CheckIns) || len(got.Reflections) != len(want.Reflections) ||
		len(got.Checkups) != len(want.Checkups) || len(got.Settings) != len(want.Settings) {
		t.Fatalf("after migrating: %d contacts, %d reach-outs, %d check-ins, %d reflections, %d check-ups, %d settings; before: %d, %d, %d, %d, %d, %d",
			len(got.Contacts), len(got.ReachOuts), len(got.CheckIns), len(got.Reflections), len(got.Checkups), len(got.Settings),
			len(want.Contacts), len(want.ReachOuts), len(want.CheckIns), len(want.Reflections), len(want.Checkups), len(want.Settings))
	}
	for i, c := range got.Contacts {
		w := want.Contacts[i]
		if c.Name != w.Name || c.CadenceDays != w.CadenceDays || c.Notes != w.Notes || !c.UpdatedAt.Equal(w.UpdatedAt) {
			t.Errorf("contact %d: %+v; before %+v", i, c, w)
		}
		if c.RestCadence != 0 || !c.SnoozedUntil.IsZero() || !c.Birthday.IsZero() || !c.RecoveryDate.IsZero() {
			t.Errorf("contact %s starts with schema 7's fields set: %+v", c.Name, c)
		}
	}
	r, err := s.Roster(ctx, model.Today(model.SystemClock{}), 5)
	if err != nil || r.Active == 0 {
		t.Fatalf("Roster after migrating: %+v, %v", r, err)
	}
}

// copyJournal copies a journal file to path, private as Tether keeps it.
func copyJournal(t *testing.T, from, path string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
