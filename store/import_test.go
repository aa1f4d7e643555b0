package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

func exportAll(t *testing.T, s *Store) journalfile.Export {
	t.Helper()
	e, err := s.Export(context.Background(), model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// sameExport compares two exports entry by entry, instants as instants,
// ignoring when each was made and the check-ups' IDs (each journal's
// own).
func sameExport(t *testing.T, a, b journalfile.Export) {
	t.Helper()
	if len(a.Contacts) != len(b.Contacts) || len(a.ReachOuts) != len(b.ReachOuts) ||
		len(a.CheckIns) != len(b.CheckIns) || len(a.Reflections) != len(b.Reflections) || len(a.Checkups) != len(b.Checkups) {
		t.Fatalf("sizes differ: %d/%d/%d/%d/%d and %d/%d/%d/%d/%d",
			len(a.Contacts), len(a.ReachOuts), len(a.CheckIns), len(a.Reflections), len(a.Checkups),
			len(b.Contacts), len(b.ReachOuts), len(b.CheckIns), len(b.Reflections), len(b.Checkups))
	}
	for i := range a.Contacts {
		if !equalContacts(a.Contacts[i], b.Contacts[i]) {
			t.Fatalf("contact %d:\n%+v\n%+v", i, a.Contacts[i], b.Contacts[i])
		}
	}
	for i := range a.ReachOuts {
		if !sameReachOut(a.ReachOuts[i], b.ReachOuts[i]) {
			t.Fatalf("reach-out %d:\n%+v\n%+v", i, a.ReachOuts[i], b.ReachOuts[i])
		}
	}
	for i := range a.CheckIns {
		x, y := a.CheckIns[i], b.CheckIns[i]
		if !x.UpdatedAt.Equal(y.UpdatedAt) {
			t.Fatalf("check-in %d: updated %v and %v", i, x.UpdatedAt, y.UpdatedAt)
		}
		x.UpdatedAt, y.UpdatedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(x, y) {
			t.Fatalf("check-in %d:\n%+v\n%+v", i, x, y)
		}
	}
	for i := range a.Reflections {
		if !sameReflection(a.Reflections[i], b.Reflections[i]) {
			t.Fatalf("reflection %d:\n%+v\n%+v", i, a.Reflections[i], b.Reflections[i])
		}
	}
	for i := range a.Checkups {
		x, y := a.Checkups[i], b.Checkups[i]
		if x.Instrument != y.Instrument || x.Day != y.Day || !reflect.DeepEqual(x.Answers, y.Answers) || !x.CreatedAt.Equal(y.CreatedAt) {
			t.Fatalf("check-up %d:\n%+v\n%+v", i, x, y)
		}
	}
	if !reflect.DeepEqual(a.Settings, b.Settings) {
		t.Fatalf("settings: %q and %q", a.Settings, b.Settings)
	}
}

func TestImportIntoAnEmptyJournalGivesTheSameJournal(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	fill(t, src)
	e := exportAll(t, src)

	dst := openStore(t)
	dst.Now = func() time.Time { return fixedNow.Add(time.Hour) }
	rep, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	want := ImportReport{Contacts: 3, ReachOuts: 4, CheckIns: 3, Reflections: 3, Checkups: 4, Settings: 2}
	if !reflect.DeepEqual(rep, want) {
		t.Fatalf("report %+v, want %+v", rep, want)
	}
	sameExport(t, e, exportAll(t, dst))
	checkLastKept(t, dst, "after import")
	// The derived facts follow the history.
	c, err := dst.Contact(ctx, 2)
	if err != nil || c.Name != "Sam Okafor" || c.LastContact.IsZero() {
		t.Fatalf("Sam after import: %+v, %v", c, err)
	}
}

// Importing what the journal already holds adds nothing: the same file
// twice, or a file whose people are already there. (A file from another
// copy of the journal is merged by uid instead: see merge_test.go.)
func TestImportSkipsWhatTheJournalHolds(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	fill(t, src)
	e := withoutIdentities(exportAll(t, src))
	dst := openStore(t)
	if _, err := dst.Import(ctx, e, false); err != nil {
		t.Fatal(err)
	}
	before := exportAll(t, dst)
	rep, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Contacts+rep.ReachOuts+rep.CheckIns+rep.Reflections+rep.Checkups+rep.Settings != 0 {
		t.Fatalf("second import added entries: %+v", rep)
	}
	for kind, n := range map[string]int{KindContact: 3, KindReachOut: 4, KindCheckIn: 3, KindReflection: 3, KindCheckup: 4, KindSetting: 2} {
		if got := rep.SkippedOf(kind); got != n {
			t.Errorf("skipped %d of kind %s, want %d", got, kind, n)
		}
	}
	if rep.Skipped[0] != (Skipped{KindContact, "Zoë Martín", "already in the journal (same name and phone)"}) {
		t.Errorf("first skip: %+v", rep.Skipped[0])
	}
	// Kind by kind, in the order of the file: the check-ups after the
	// reflections, before the settings.
	firstCheckup := 3 + 4 + 3 + 3
	if got := rep.Skipped[firstCheckup]; got != (Skipped{KindCheckup, "BARC-10 recovery capital on 2026-03-01",
		"already in the journal (the same questionnaire on the same day)"}) {
		t.Errorf("first check-up skip: %+v", got)
	}
	if got := rep.Skipped[firstCheckup+4]; got.Kind != KindSetting {
		t.Errorf("after the check-ups: %+v", got)
	}
	sameExport(t, before, exportAll(t, dst))
}

// The duplicate rule: same name ignoring case and accents, and the same
// phone digits or email, or neither has either. The history of a skipped
// contact attaches to the one in the journal.
func TestImportDuplicateRule(t *testing.T) {
	ctx := context.Background()
	dst := openStore(t)
	maria, err := dst.SaveContact(ctx, model.Contact{Name: "María Santos", Phone: "+1 (555) 0100"})
	if err != nil {
		t.Fatal(err)
	}
	lee, err := dst.SaveContact(ctx, model.Contact{Name: "Lee", Email: "Lee@Example.org"})
	if err != nil {
		t.Fatal(err)
	}
	jo := addContact(t, dst, "Jo")
	at := time.Date(2026, time.March, 1, 18, 0, 0, 0, time.UTC)
	logAt(t, dst, jo, at)

	e := journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion,
		Contacts: []model.Contact{
			{ID: 10, Name: "MARIA santos", Phone: "1-555-0100"},                  // same phone digits
			{ID: 11, Name: "Maria Santos", Phone: "+1 555 0199"},                 // another Maria
			{ID: 12, Name: "lee", Email: "lee@example.org"},                      // same email
			{ID: 13, Name: "Jo"},                                                 // neither has either
			{ID: 14, Name: "Jo", Phone: "07700 900123"},                          // this Jo has a phone
			{ID: 15, Name: "Lee", Phone: "555 0100", Email: "other@example.org"}, // another Lee
		},
		ReachOuts: []model.ReachOut{
			{ContactID: 10, At: at.Add(time.Hour), Channel: model.ChannelCall},
			{ContactID: 13, At: at, Channel: model.ChannelCall}, // Jo's, already there
			{ContactID: 13, At: at, Channel: model.ChannelText}, // another channel: new
			{ContactID: 14, At: at, Channel: model.ChannelCall}, // the other Jo's
		},
	}
	rep, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Contacts != 3 || rep.ReachOuts != 3 || rep.SkippedOf(KindContact) != 3 || rep.SkippedOf(KindReachOut) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	wantWhy := []string{"same name and phone", "same name and email", "same name, and neither has a phone or email"}
	for i, why := range wantWhy {
		if !strings.Contains(rep.Skipped[i].Reason, why) {
			t.Errorf("skip %d: %+v, want %q", i, rep.Skipped[i], why)
		}
	}
	if r := rep.Skipped[3]; r.Kind != KindReachOut || r.What != "Jo, 2026-03-01 18:00 (call)" {
		t.Errorf("reach-out skip: %+v", r)
	}
	hist, err := historyOf(dst, ctx, maria.ID, 0)
	if err != nil || len(hist) != 1 {
		t.Fatalf("María's history: %v, %v", hist, err)
	}
	hist, _ = historyOf(dst, ctx, jo, 0)
	if len(hist) != 2 {
		t.Fatalf("Jo's history has %d entries, want 2", len(hist))
	}
	if n := len(exportAll(t, dst).Contacts); n != 6 {
		t.Fatalf("%d contacts, want 6", n)
	}
	_ = lee
}

// Settings go only into a journal with nothing in it.
func TestImportSettingsOnlyIntoAnEmptyJournal(t *testing.T) {
	ctx := context.Background()
	dst := openStore(t)
	addContact(t, dst, "Someone")
	e := journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion,
		Settings: map[string]string{recoveryStartKey: "2024-01-02", regionKey: "IE"}}
	rep, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Settings != 0 || rep.SkippedOf(KindSetting) != 2 || rep.Skipped[0].What != "recovery_start" {
		t.Fatalf("report: %+v", rep)
	}
	if d, _ := dst.RecoveryStart(ctx); !d.IsZero() {
		t.Fatalf("recovery start set to %v in a journal in use", d)
	}

	empty := openStore(t)
	if rep, err = empty.Import(ctx, e, false); err != nil || rep.Settings != 2 {
		t.Fatalf("into an empty journal: %+v, %v", rep, err)
	}
	if v, ok, _ := empty.Setting(ctx, regionKey); !ok || v != "IE" {
		t.Fatalf("region not carried: %q %v", v, ok)
	}
}

// A file with anything wrong in it changes nothing, and the error is one
// line naming the first problem.
func TestImportRefusesABadFileWhole(t *testing.T) {
	ctx := context.Background()
	good := func() journalfile.Export {
		src := openStore(t)
		fill(t, src)
		return exportAll(t, src)
	}
	tests := []struct {
		name  string
		spoil func(*journalfile.Export)
		says  string
	}{
		{"newer", func(e *journalfile.Export) { e.Version = journalfile.ExportVersion + 1 }, "newer Tether"},
		{"foreign", func(e *journalfile.Export) { e.Format = "recipes" }, "not a Tether export"},
		{"no version", func(e *journalfile.Export) { e.Version = 0 }, "no valid version"},
		{"bad contact", func(e *journalfile.Export) { e.Contacts[2].Phone = "call me\x1b[2J" }, `contact #3 "Old Friend": phone`},
		{"same id", func(e *journalfile.Export) { e.Contacts[1].ID = e.Contacts[0].ID }, "same id"},
		{"unknown contact", func(e *journalfile.Export) { e.ReachOuts[3].ContactID = 99 }, "reach-out #4: contact: Its contact (id 99) is not in the file"},
		{"bad reach-out", func(e *journalfile.Export) { e.ReachOuts[0].Channel = "pigeon" }, "reach-out #1: channel"},
		{"two check-ins a day", func(e *journalfile.Export) { e.CheckIns[1].Day = e.CheckIns[0].Day }, "check-in #2"},
		{"bad check-in", func(e *journalfile.Export) { e.CheckIns[2].Mood = 9 }, "check-in #3 (2026-03-08): mood"},
		{"bad reflection", func(e *journalfile.Export) { e.Reflections[0].Supported = 11 }, "reflection #1 (2026-W08)"},
		{"bad check-up", func(e *journalfile.Export) { e.Checkups[2].Answers[4] = 8 }, "check-up #3 (barc10, 2026-03-08): item4: Statement 5"},
		{"too few answers", func(e *journalfile.Export) { e.Checkups[0].Answers = e.Checkups[0].Answers[:3] }, "check-up #1 (barc10, 2026-03-01): answers: The BARC-10 recovery capital has 10 statements; 3 answers were given"},
		{"unknown instrument", func(e *journalfile.Export) { e.Checkups[1].Instrument = "phq9" }, "check-up #2 (phq9, 2026-03-04): instrument"},
		{"check-up without a day", func(e *journalfile.Export) { e.Checkups[1].Day = model.Date{} }, "check-up #2"},
		{"two of one instrument a day", func(e *journalfile.Export) { e.Checkups[2].Day = e.Checkups[0].Day }, "check-up #3 (barc10, 2026-03-01): day: This is also check-up #1"},
		{"check-up taken long ago", func(e *journalfile.Export) { e.Checkups[0].CreatedAt = time.Date(1066, 10, 14, 9, 0, 0, 0, time.UTC) }, "check-up #1 (barc10, 2026-03-01): created"},
		{"bad setting", func(e *journalfile.Export) { e.Settings[recoveryStartKey] = "soon" }, "recovery_start"},
		{"bad prompts", func(e *journalfile.Export) { e.Settings[promptsKey] = "[]" }, "setting prompts"},
		{"two problems", func(e *journalfile.Export) { e.CheckIns[2].Mood = 9; e.ReachOuts[0].Channel = "pigeon" }, "(and 1 more problem)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := openStore(t)
			addContact(t, dst, "Already Here")
			before := exportAll(t, dst)
			e := good()
			tt.spoil(&e)
			for _, dry := range []bool{false, true} {
				rep, err := dst.Import(ctx, e, dry)
				if err == nil || !strings.Contains(err.Error(), tt.says) || strings.ContainsAny(err.Error(), "\n\x1b") {
					t.Fatalf("dry %v: err %v, want one line saying %q", dry, err, tt.says)
				}
				if !reflect.DeepEqual(rep, ImportReport{}) {
					t.Fatalf("a refused import reported %+v", rep)
				}
			}
			sameExport(t, before, exportAll(t, dst))
		})
	}

	var ce *ContactError
	e := good()
	e.Contacts[0].Name = ""
	_, err := openStore(t).Import(ctx, e, false)
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.As(err, &ce) || ce.Index != 0 {
		t.Fatalf("errors.As cannot reach the problem: %v", err)
	}
}

// A write that fails half-way (here a CHECK the model does not know
// about) leaves nothing behind either.
func TestImportFailingMidwayWritesNothing(t *testing.T) {
	ctx := context.Background()
	dst := openStore(t)
	mustExec(t, dst.db, `CREATE TRIGGER no_texts BEFORE INSERT ON reach_outs WHEN NEW.channel = 'text'
		BEGIN SELECT RAISE(ABORT, 'no texts today'); END`)
	src := openStore(t)
	fill(t, src)
	_, err := dst.Import(ctx, exportAll(t, src), false)
	if err == nil || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("err %v", err)
	}
	if n := countAll(t, dst); n != 0 {
		t.Fatalf("%d contacts and tags left behind", n)
	}

	// The same when the last thing written, a check-up, fails.
	dst = openStore(t)
	mustExec(t, dst.db, `CREATE TRIGGER no_support BEFORE INSERT ON checkups WHEN NEW.instrument = 'mspss'
		BEGIN SELECT RAISE(ABORT, 'not today'); END`)
	_, err = dst.Import(ctx, exportAll(t, src), false)
	if err == nil || !strings.Contains(err.Error(), "nothing was imported") || !strings.Contains(err.Error(), "check-up #2 (mspss, 2026-03-04)") {
		t.Fatalf("err %v", err)
	}
	if n := countAll(t, dst) + countRows(t, dst, "check_ins") + countRows(t, dst, "checkups"); n != 0 {
		t.Fatalf("%d rows left behind", n)
	}
}

// Check-ups join a journal in use: one the journal already has for its
// instrument and day is skipped and reported, and the journal keeps its
// own answers; the rest are added with the time they were taken (now, for
// a file that does not say). A file from before check-ups were exported
// holds none, and imports as it did.
func TestImportCheckupsIntoAJournalInUse(t *testing.T) {
	ctx := context.Background()
	dst := openStore(t)
	dst.Now = func() time.Time { return fixedNow.Add(time.Hour) }
	mine := model.Checkup{Instrument: model.BARC10, Day: march(8), Answers: []int{6, 6, 6, 6, 6, 6, 6, 6, 6, 6}}
	if _, err := dst.SaveCheckup(ctx, mine); err != nil {
		t.Fatal(err)
	}
	file := fixtureCheckups()
	file[1].CreatedAt = time.Time{}
	file[0].ID, file[3].ID = 41, 42 // another journal's ids mean nothing here
	e := journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion, Checkups: file}
	rep, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	want := ImportReport{Checkups: 3, Skipped: []Skipped{{KindCheckup, "BARC-10 recovery capital on 2026-03-08",
		"already in the journal (the same questionnaire on the same day)"}}}
	if !reflect.DeepEqual(rep, want) {
		t.Fatalf("report %+v, want %+v", rep, want)
	}
	got := exportAll(t, dst).Checkups
	if len(got) != 4 {
		t.Fatalf("check-ups: %+v", got)
	}
	if got[2].Instrument != model.BARC10 || !reflect.DeepEqual(got[2].Answers, mine.Answers) {
		t.Errorf("the journal's own 8 March BARC-10 changed: %+v", got[2])
	}
	if !got[0].CreatedAt.Equal(fixedNow.Add(time.Hour)) || !got[1].CreatedAt.Equal(file[2].CreatedAt) ||
		!got[3].CreatedAt.Equal(file[0].CreatedAt) {
		t.Errorf("times taken: %v, %v, %v", got[0].CreatedAt, got[1].CreatedAt, got[3].CreatedAt)
	}
	for _, c := range got {
		if c.ID == 41 || c.ID == 42 {
			t.Errorf("a file's id was kept: %+v", c)
		}
	}

	// An export from before check-ups: none to add, nothing skipped.
	src := openStore(t)
	fill(t, src)
	old := exportAll(t, src)
	old.Checkups = nil
	fresh := openStore(t)
	rep, err = fresh.Import(ctx, old, false)
	if err != nil || rep.Checkups != 0 || rep.SkippedOf(KindCheckup) != 0 || rep.CheckIns != 3 {
		t.Fatalf("an export without check-ups: %+v, %v", rep, err)
	}
	if n := countRows(t, fresh, "checkups"); n != 0 {
		t.Fatalf("%d check-ups from a file with none", n)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	fill(t, src)
	e := exportAll(t, src)
	path := filepath.Join(t.TempDir(), "journal.db")
	dst := openAt(t, path)
	addContact(t, dst, "Sam Okafor")
	dst.Close()
	before := hashFile(t, path)

	dst = openAt(t, path)
	dry, err := dst.Import(ctx, e, true)
	if err != nil {
		t.Fatal(err)
	}
	if !dry.DryRun || dry.Contacts != 2 || dry.SkippedOf(KindContact) != 1 || dry.ReachOuts != 4 || dry.Checkups != 4 {
		t.Fatalf("dry run report: %+v", dry)
	}
	dst.Close()
	if hashFile(t, path) != before {
		t.Fatal("a dry run changed the journal")
	}

	dst = openAt(t, path)
	real, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	real.DryRun = true
	if !reflect.DeepEqual(real, dry) {
		t.Fatalf("the dry run said %+v, the import did %+v", dry, real)
	}
}

// Contacts from a vCard file: a card repeated in the file is one person,
// and ids are ignored.
func TestImportContacts(t *testing.T) {
	ctx := context.Background()
	dst := openStore(t)
	addContact(t, dst, "Ngozi Eze")
	cs := []model.Contact{
		{ID: 7, Name: "Ngozi Eze"},
		{ID: 7, Name: "Tomás Ruiz", Phone: "+34 600 000 001", Tags: []string{"climbing"}},
		{Name: "tomas ruiz", Phone: "+34600000001"},
		{Name: "Ana"},
	}
	rep, err := dst.ImportContacts(ctx, cs, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Contacts != 2 || len(rep.Skipped) != 2 ||
		rep.Skipped[0].Reason != "already in the journal (same name, and neither has a phone or email)" ||
		rep.Skipped[1].Reason != "in the file more than once (same name and phone)" {
		t.Fatalf("report: %+v", rep)
	}
	list := exportAll(t, dst).Contacts
	if len(list) != 3 || list[1].Name != "Tomás Ruiz" || list[1].Tags[0] != "climbing" {
		t.Fatalf("contacts: %+v", list)
	}

	before := countAll(t, dst)
	_, err = dst.ImportContacts(ctx, []model.Contact{{Name: "Fine"}, {Name: "Bad", Email: "not an email"}}, false)
	if err == nil || !strings.Contains(err.Error(), `contact #2 "Bad": email`) {
		t.Fatalf("err %v", err)
	}
	if countAll(t, dst) != before {
		t.Fatal("a refused batch wrote contacts")
	}
	dry, err := dst.ImportContacts(ctx, []model.Contact{{Name: "New"}}, true)
	if err != nil || dry.Contacts != 1 || countAll(t, dst) != before {
		t.Fatalf("dry run: %+v, %v", dry, err)
	}
}

// Namesakes with nothing else to tell them apart are paired in order: the
// file's first with the journal's first, and so on; the file's extra ones
// are new people. Their histories stay theirs.
func TestImportPairsNamesakes(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	a, b := addContact(t, src, "Alex"), addContact(t, src, "Alex")
	at := time.Date(2026, time.March, 1, 18, 0, 0, 0, time.UTC)
	logAt(t, src, a, at)
	logAt(t, src, b, at.Add(time.Hour))
	e := exportAll(t, src)

	dst := openStore(t)
	first := addContact(t, dst, "alex")
	logAt(t, dst, first, at)
	rep, err := dst.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Contacts != 1 || rep.ReachOuts != 1 || rep.SkippedOf(KindContact) != 1 || rep.SkippedOf(KindReachOut) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	got := exportAll(t, dst)
	if len(got.Contacts) != 2 || len(got.ReachOuts) != 2 || got.ReachOuts[0].ContactID != first || got.ReachOuts[1].ContactID == first {
		t.Fatalf("after import: %+v", got.ReachOuts)
	}
	// Again: both Alexes are there now, and nothing is added.
	rep, err = dst.Import(ctx, e, false)
	if err != nil || rep.Contacts != 0 || rep.ReachOuts != 0 {
		t.Fatalf("second import: %+v, %v", rep, err)
	}
}

// withoutIdentities is e as a Tether before uids wrote it.
func withoutIdentities(e journalfile.Export) journalfile.Export {
	e.Journal, e.Plans, e.Removed = "", nil, nil
	for i := range e.Contacts {
		e.Contacts[i].UID = ""
	}
	for i := range e.ReachOuts {
		e.ReachOuts[i].UID, e.ReachOuts[i].UpdatedAt = "", time.Time{}
	}
	return e
}
