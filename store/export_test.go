package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// journalFixture is a small journal with something of every kind.
type journalFixture struct {
	zoe, sam, gone int64 // contact ids; gone is archived
}

// fill writes the fixture: reach-outs from 1 to 9 March 2026 (one late on
// the evening of 4 March in UTC-5, which is already 5 March in UTC),
// check-ins on 1, 4 and 8 March, reflections of the weeks around them,
// check-ups (a BARC-10 on 1 March, an MSPSS on 4 March, and both on 8
// March, saved MSPSS first), a recovery start date and a prompt set.
func fill(t *testing.T, s *Store) journalFixture {
	t.Helper()
	ctx := context.Background()
	var f journalFixture
	c, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	f.zoe = c.ID
	f.sam = addContact(t, s, "Sam Okafor")
	f.gone = addContact(t, s, "Old Friend")
	if err := s.SetArchived(ctx, f.gone, true); err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2026, time.March, d, 19, 5, 0, 0, time.UTC) }
	logAt(t, s, f.zoe, day(1))
	logAt(t, s, f.sam, time.Date(2026, time.March, 4, 23, 30, 0, 0, eastern))
	if _, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: f.sam, At: day(6), Channel: model.ChannelText,
		Direction: model.DirectionTheirs, Note: "Checked in on me 🌻", Helped: model.HelpedYes}); err != nil {
		t.Fatal(err)
	}
	logAt(t, s, f.gone, day(9).Add(-2*time.Hour))
	for _, d := range []int{1, 4, 8} {
		if _, err := s.SaveCheckIn(ctx, fullCheckIn(model.Date{Year: 2026, Month: time.March, Day: d})); err != nil {
			t.Fatal(err)
		}
	}
	// 2026-W09 is 23 Feb to 1 Mar; W10 is 2 to 8 Mar; W11 holds today.
	for _, w := range []string{"2026-W08", "2026-W09", "2026-W10"} {
		week, _ := model.ParseWeek(w)
		saveReflection(t, s, fullReflection(week))
	}
	if err := s.AddCheckups(ctx, fixtureCheckups()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRecoveryStart(ctx, model.Date{Year: 2025, Month: time.June, Day: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPrompts(ctx, []string{"Who & what helped?", "One step for next week?"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func march(d int) model.Date { return model.Date{Year: 2026, Month: time.March, Day: d} }

// fixtureCheckups are fill's check-ups, in the order it saves them; each
// taken in the evening of its day, 4 March's in UTC-5.
func fixtureCheckups() []model.Checkup {
	at := func(d int) time.Time { return time.Date(2026, time.March, d, 20, 15, 30, 500000000, time.UTC) }
	return []model.Checkup{
		{Instrument: model.MSPSS, Day: march(8), Answers: []int{6, 6, 5, 4, 7, 5, 5, 4, 6, 7, 3, 5}, CreatedAt: at(8).Add(time.Minute)},
		{Instrument: model.BARC10, Day: march(1), Answers: []int{4, 4, 3, 5, 5, 4, 3, 5, 2, 4}, CreatedAt: at(1)},
		{Instrument: model.MSPSS, Day: march(4), Answers: []int{5, 5, 4, 4, 5, 6, 6, 3, 6, 5, 4, 6},
			CreatedAt: time.Date(2026, time.March, 4, 22, 0, 0, 0, eastern)},
		{Instrument: model.BARC10, Day: march(8), Answers: []int{5, 5, 4, 5, 5, 5, 4, 6, 3, 5}, CreatedAt: at(8)},
	}
}

func TestExportEverything(t *testing.T) {
	s := openStore(t)
	f := fill(t, s)
	e, err := s.Export(context.Background(), model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if e.Format != journalfile.ExportFormat || e.Version != journalfile.ExportVersion || !e.ExportedAt.Equal(fixedNow) ||
		!e.From.IsZero() || !e.To.IsZero() {
		t.Fatalf("header: %q %d %v", e.Format, e.Version, e.ExportedAt)
	}
	if len(e.Contacts) != 3 || e.Contacts[0].ID != f.zoe || e.Contacts[2].ID != f.gone || !e.Contacts[2].Archived {
		t.Fatalf("contacts: %+v", e.Contacts)
	}
	want := fullContact().Normalize()
	got := e.Contacts[0]
	want.ID, want.CreatedAt, want.UpdatedAt = got.ID, got.CreatedAt, got.UpdatedAt
	if !equalContacts(got, want) {
		t.Fatalf("contact lost fields:\n got %+v\nwant %+v", got, want)
	}
	if !got.LastContact.IsZero() || got.Reached30 != 0 {
		t.Fatal("an export carries no derived facts")
	}
	if len(e.ReachOuts) != 4 || len(e.CheckIns) != 3 || len(e.Reflections) != 3 {
		t.Fatalf("%d reach-outs, %d check-ins, %d reflections", len(e.ReachOuts), len(e.CheckIns), len(e.Reflections))
	}
	if e.ReachOuts[2].Note != "Checked in on me 🌻" || e.ReachOuts[2].ContactName != "Sam Okafor" {
		t.Fatalf("reach-out: %+v", e.ReachOuts[2])
	}
	if got := e.Reflections[1]; got.Week.String() != "2026-W09" || len(got.Answers) != len(model.DefaultPrompts) ||
		got.Answers[0].Text != "Denise 💛\nand the Tuesday lot.\n  (Zo, mostly.)" {
		t.Fatalf("reflection: %+v", got)
	}
	if e.Settings[recoveryStartKey] != "2025-06-01" || e.Settings[promptsKey] != `["Who & what helped?","One step for next week?"]` {
		t.Fatalf("settings: %q", e.Settings)
	}
	// Check-ups by day, then instrument; answers and the time each was
	// taken as saved.
	saved := fixtureCheckups()
	wantOrder := []model.Checkup{saved[1], saved[2], saved[3], saved[0]}
	if len(e.Checkups) != len(wantOrder) {
		t.Fatalf("%d check-ups: %+v", len(e.Checkups), e.Checkups)
	}
	for i, want := range wantOrder {
		got := e.Checkups[i]
		if got.ID == 0 || got.Instrument != want.Instrument || got.Day != want.Day ||
			!reflect.DeepEqual(got.Answers, want.Answers) || !got.CreatedAt.Equal(want.CreatedAt) {
			t.Errorf("check-up %d: %+v, want %+v", i, got, want)
		}
	}
}

// A period takes reach-outs and check-ins by their local day, and the
// reflections of every week that overlaps it; contacts and settings always
// come whole.
func TestExportPeriod(t *testing.T) {
	s := openStore(t)
	fill(t, s)
	e, err := s.Export(context.Background(), march(2), march(4))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.ReachOuts) != 1 || e.ReachOuts[0].Day() != march(4) {
		t.Fatalf("reach-outs: %+v", e.ReachOuts)
	}
	if len(e.CheckIns) != 1 || e.CheckIns[0].Day != march(4) {
		t.Fatalf("check-ins: %+v", e.CheckIns)
	}
	if len(e.Reflections) != 1 || e.Reflections[0].Week.String() != "2026-W10" {
		t.Fatalf("reflections: %+v", e.Reflections)
	}
	if len(e.Checkups) != 1 || e.Checkups[0].Day != march(4) || e.Checkups[0].Instrument != model.MSPSS {
		t.Fatalf("check-ups: %+v", e.Checkups)
	}
	if len(e.Contacts) != 3 || len(e.Settings) != 2 || e.From != march(2) || e.To != march(4) {
		t.Fatalf("%d contacts, %d settings, period %s to %s", len(e.Contacts), len(e.Settings), e.From, e.To)
	}

	// 1 March, a Sunday, ends W09: the week overlaps a period from it.
	e, err = s.Export(context.Background(), march(1), model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Reflections) != 2 || len(e.ReachOuts) != 4 || len(e.CheckIns) != 3 || len(e.Checkups) != 4 {
		t.Fatalf("from 1 March: %d reflections, %d reach-outs, %d check-ins, %d check-ups",
			len(e.Reflections), len(e.ReachOuts), len(e.CheckIns), len(e.Checkups))
	}
	e, err = s.Export(context.Background(), model.Date{}, march(1))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Reflections) != 2 || len(e.ReachOuts) != 1 || len(e.CheckIns) != 1 || len(e.Checkups) != 1 {
		t.Fatalf("to 1 March: %d reflections, %d reach-outs, %d check-ins, %d check-ups",
			len(e.Reflections), len(e.ReachOuts), len(e.CheckIns), len(e.Checkups))
	}
	// 8 March alone holds both instruments, BARC-10 first.
	e, err = s.Export(context.Background(), march(8), march(8))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Checkups) != 2 || e.Checkups[0].Instrument != model.BARC10 || e.Checkups[1].Instrument != model.MSPSS {
		t.Fatalf("8 March: check-ups %+v", e.Checkups)
	}

	if _, err := s.Export(context.Background(), march(4), march(2)); err == nil {
		t.Fatal("a period that ends before it starts was accepted")
	}
}

func TestExportEmptyJournalHasEmptyLists(t *testing.T) {
	s := openStore(t)
	e, err := s.Export(context.Background(), model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if e.Contacts == nil || e.ReachOuts == nil || e.CheckIns == nil || e.Reflections == nil || e.Checkups == nil || e.Settings != nil {
		t.Fatalf("empty export: %+v", e)
	}
	if len(e.Contacts)+len(e.ReachOuts)+len(e.CheckIns)+len(e.Reflections)+len(e.Checkups) != 0 {
		t.Fatalf("empty journal exported entries: %+v", e)
	}
}

// A journal of the schema before check-ups, read as it is (as
// OpenReadOnly reads one), exports everything else and no check-ups.
func TestExportJournalBeforeCheckups(t *testing.T) {
	s := journalAtVersion(t, filepath.Join(t.TempDir(), "tether.db"), 3)
	t.Cleanup(func() { s.Close() })
	addOldContacts(t, s, []model.Contact{{Name: "Sam Okafor"}})
	e, err := s.Export(context.Background(), model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Contacts) != 1 || e.Checkups == nil || len(e.Checkups) != 0 {
		t.Fatalf("schema 3 export: %d contacts, check-ups %#v", len(e.Contacts), e.Checkups)
	}
}
