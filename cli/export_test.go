package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// smallJournal is the demo's sample journal, as of the pinned today.
func smallJournal(t *testing.T) string {
	t.Helper()
	db := journal(t)
	if err := sample.Write(context.Background(), db, sample.Small, testDay); err != nil {
		t.Fatal(err)
	}
	return db
}

// The whole of a decade's journal goes out as JSON and comes back in,
// byte for byte: export, import into a new journal, export again.
func TestExportImportRoundTripOfTheLargeJournal(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes the large sample journal")
	}
	db := journal(t)
	if err := sample.Write(context.Background(), db, sample.Large, testDay); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	start := time.Now()
	out := mustCLI(t, db, "export", "--format", "json", "-o", first)
	t.Logf("export: %v", time.Since(start))
	if out != "Wrote 500 contacts, 50,000 reach-outs, 3,650 check-ins, 520 reflections and 32 check-ups to "+first+".\n" {
		t.Fatalf("stdout %q", out)
	}
	if m := mode(t, first); m != 0o600 {
		t.Fatalf("export mode %v", m)
	}

	fresh := filepath.Join(dir, "fresh", "tether.db")
	start = time.Now()
	out = mustCLI(t, fresh, "import", first)
	t.Logf("import: %v", time.Since(start))
	if out != "Imported 500 contacts, 50,000 reach-outs, 3,650 check-ins, 520 reflections, 32 check-ups, 5 settings and 2 plans.\n" {
		t.Fatalf("import said %q", out)
	}
	second := filepath.Join(dir, "second.json")
	mustCLI(t, fresh, "export", "--format", "json", "--output", second)
	a, b := withoutJournal(read(t, first)), withoutJournal(read(t, second))
	if !strings.Contains(a, `"exported_at": "2026-03-09T21:30:00+01:00"`) {
		t.Fatalf("exported_at is not the pinned clock: %.300s", a)
	}
	if a != b {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("the second export differs at byte %d:\n%.200q\n%.200q", i, a[max(0, i-100):], b[max(0, i-100):])
	}
	// The two years of check-ups are in it, each as it was taken.
	ex, err := journalfile.DecodeExport(strings.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Checkups) != sample.LargeBARC10+sample.LargeMSPSS {
		t.Fatalf("%d check-ups in the export", len(ex.Checkups))
	}
	for i, c := range ex.Checkups {
		if c.CreatedAt.IsZero() || i > 0 && c.Day.Before(ex.Checkups[i-1].Day) {
			t.Fatalf("check-up %d: %+v", i, c)
		}
	}

	// Importing it again adds nothing, and says why.
	out = mustCLI(t, fresh, "import", first)
	if !strings.HasPrefix(out, "Imported 0 contacts, 0 reach-outs, 0 check-ins, 0 reflections, 0 check-ups and 0 settings; skipped 54,702: 500 contacts, 50,000 reach-outs, 3,650 check-ins, 520 reflections and 32 check-ups.\n") ||
		!strings.Contains(out, "  50,000 reach-outs already in the journal, the same or newer: ") ||
		!strings.Contains(out, "and 49,995 more\n") ||
		!strings.Contains(out, "  32 check-ups already in the journal (the same questionnaire on the same day): BARC-10 recovery capital on ") ||
		!strings.Contains(out, "and 27 more\n") {
		t.Fatalf("second import said:\n%s", out)
	}
}

// withoutCheckups is a JSON export as Tether wrote it before check-ups
// were exported: the same file, without its last key.
// withoutJournal drops the uid of the journal that wrote an export: each
// copy of a journal has its own, and the rest is what a round trip keeps.
func withoutJournal(export string) string {
	return journalKey.ReplaceAllString(export, "")
}

var journalKey = regexp.MustCompile(`,\n  "journal": "[0-9a-f]{32}"|,\n  "seen": \{[^}]*\}|,\n  "settings_changed": \{[^}]*\}`)

// withoutIdentities is an export as a Tether before uids wrote it: no
// uid on a contact or reach-out, no reach-out's updated_at beside it.
func withoutIdentities(export string) string {
	return identityKeys.ReplaceAllString(withoutJournal(export), "")
}

var identityKeys = regexp.MustCompile(`,\n      "uid": "[0-9a-f]{32}"(,\n      "updated_at": "[^"]*")?`)

func withoutCheckups(t *testing.T, export string) string {
	t.Helper()
	i := strings.LastIndex(export, ",\n  \"check_ups\": [")
	if i < 0 {
		t.Fatalf("the export does not end with its check-ups:\n%.300s", export[max(0, len(export)-300):])
	}
	return export[:i] + "\n}\n"
}

// A file exported before check-ups were (no "check_ups" key) still
// imports, whole, and exports again as the same file with an empty list.
func TestImportAnExportFromBeforeCheckups(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	journaltest.WriteFile(t, old, withoutIdentities(withoutCheckups(t, mustCLI(t, db, "export", "--format", "json"))))

	fresh := filepath.Join(dir, "fresh", "tether.db")
	out := mustCLI(t, fresh, "import", old)
	if out != "Imported 24 contacts, 164 reach-outs, 56 check-ins, 8 reflections, 0 check-ups and 5 settings.\n" {
		t.Fatalf("import said %q", out)
	}
	again := withoutIdentities(mustCLI(t, fresh, "export", "--format", "json"))
	if want := strings.TrimSuffix(read(t, old), "\n}\n") + ",\n  \"check_ups\": []\n}\n"; again != want {
		t.Fatalf("the export after importing an old file:\n%.300s\nwant the old file with an empty check_ups:\n%.300s",
			again[max(0, len(again)-300):], want[max(0, len(want)-300):])
	}

	// The check-ups come across later, from a file that has them; the
	// rest is already there.
	current := filepath.Join(dir, "current.json")
	mustCLI(t, db, "export", "--format", "json", "-o", current)
	out = mustCLI(t, fresh, "import", current)
	if !strings.HasPrefix(out, "Imported 0 contacts, 0 reach-outs, 0 check-ins, 0 reflections, 7 check-ups, 0 settings and 2 plans; skipped ") ||
		strings.Contains(out, "check-ups already") {
		t.Fatalf("import of the current file said:\n%s", out)
	}
	// The same but for the uids the first import gave: the people found
	// by name keep theirs, the file's history has its own.
	if again := mustCLI(t, fresh, "export", "--format", "json"); withoutIdentities(again) != withoutIdentities(read(t, current)) {
		t.Fatal("after both imports the journal does not export as the original")
	}
}

func TestExportFormatsAndFiles(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	dir := t.TempDir()

	// JSON to stdout is the same as to a file.
	file := filepath.Join(dir, "journal.json")
	mustCLI(t, db, "export", "--format", "json", "-o", file)
	if stdout := mustCLI(t, db, "export", "--format", "json"); stdout != read(t, file) {
		t.Fatal("JSON on stdout differs from the file")
	}

	// An existing file is not replaced without --force.
	before := read(t, file)
	os.WriteFile(file, []byte("keep me"), 0o644)
	code, _, errs := cli(db, "export", "--format", "md", "-o", file)
	if code != 1 || read(t, file) != "keep me" {
		t.Fatalf("overwrote without --force: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "already exists; nothing was written. Choose another name, or add --force")
	mustCLI(t, db, "export", "--format", "json", "-o", file, "--force")
	if read(t, file) != before || mode(t, file) != 0o600 {
		t.Fatalf("--force: mode %v", mode(t, file))
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("temporary files left: %v", es)
	}

	// Markdown: the last 7 days by default, a week, or from and to.
	md := mustCLI(t, db, "export", "--format", "md")
	if !strings.HasPrefix(md, "# Summary") || !strings.Contains(md, "## Reach-outs") {
		t.Fatalf("md:\n%s", md)
	}
	week := mustCLI(t, db, "export", "--format", "markdown", "--week", "2026-W10")
	if !strings.HasPrefix(week, "# Summary") || week == md {
		t.Fatalf("md --week:\n%s", week)
	}
	same := mustCLI(t, db, "export", "--format", "md", "--from", "2026-03-02", "--to", "2026-03-08")
	if same != week {
		t.Fatal("--week 2026-W10 and --from 2026-03-02 --to 2026-03-08 differ")
	}
	// Check-ups only when the period has one: the last BARC-10 was taken
	// 33 days ago, the last MSPSS 88.
	if strings.Contains(md, "## Check-ups") {
		t.Fatalf("md of a week without check-ups:\n%s", md)
	}
	month := mustCLI(t, db, "export", "--format", "md", "--from", testDay.AddDays(-40).String())
	if !strings.Contains(month, "\n## Check-ups\n\nQuestionnaires taken for self-reflection, not a diagnosis.\n\n- "+
		testDay.AddDays(-33).Human()+", BARC-10 recovery capital: ") || strings.Contains(month, "MSPSS") {
		t.Fatalf("md of 40 days:\n%s", month)
	}

	// CSV: one file per table into a folder, or one table.
	csvDir := filepath.Join(dir, "csv")
	out := mustCLI(t, db, "export", "--format", "csv", "-o", csvDir)
	if !strings.HasPrefix(out, "Wrote contacts.csv, reach_outs.csv, check_ins.csv, reflections.csv and check_ups.csv (24 contacts, 164 reach-outs, 56 check-ins, 8 reflections and 7 check-ups) to ") {
		t.Fatalf("stdout %q", out)
	}
	for _, tb := range journalfile.CSVTables {
		p := filepath.Join(csvDir, tb+".csv")
		if mode(t, p) != 0o600 {
			t.Fatalf("%s mode %v", p, mode(t, p))
		}
	}
	if mode(t, csvDir) != 0o700 {
		t.Fatalf("csv folder mode %v", mode(t, csvDir))
	}
	checkups := read(t, filepath.Join(csvDir, "check_ups.csv"))
	if !strings.HasPrefix(checkups, "instrument,day,score,significant_other,family,friends,item_1,") ||
		strings.Count(checkups, "\r\n") != 1+7 || strings.Count(checkups, "\r\nbarc10,") != 5 {
		t.Fatalf("check_ups.csv:\n%s", checkups)
	}
	contacts := mustCLI(t, db, "export", "--format", "csv", "--table", "contacts")
	if contacts != read(t, filepath.Join(csvDir, "contacts.csv")) || !strings.HasPrefix(contacts, "id,name,") {
		t.Fatalf("--table contacts:\n%.200s", contacts)
	}
	code, _, errs = cli(db, "export", "--format", "csv", "-o", csvDir)
	if code != 1 {
		t.Fatalf("csv over existing files: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "contacts.csv already exists; nothing was written")
	mustCLI(t, db, "export", "--format", "csv", "-o", csvDir, "--force")

	// A period keeps its days.
	jsonWeek := mustCLI(t, db, "export", "--format", "json", "--week", "2026-W10")
	ex, err := journalfile.DecodeExport(strings.NewReader(jsonWeek))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ex.ReachOuts {
		if d := r.Day(); d.Before(model.Date{Year: 2026, Month: 3, Day: 2}) || d.After(model.Date{Year: 2026, Month: 3, Day: 8}) {
			t.Fatalf("reach-out of %s in week 10", d)
		}
	}
	if len(ex.ReachOuts) == 0 || len(ex.Contacts) != 24 || ex.From.String() != "2026-03-02" {
		t.Fatalf("week export: %d reach-outs, %d contacts, from %s", len(ex.ReachOuts), len(ex.Contacts), ex.From)
	}
}

// vCards go out for the active contacts and come back in as contacts.
func TestExportVCardsAndImportThem(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	var active []model.Contact
	withStore(t, db, func(st *store.Store) {
		active, _ = st.Contacts(context.Background(), false, testDay)
	})
	file := filepath.Join(t.TempDir(), "contacts.vcf")
	out := mustCLI(t, db, "export", "--format", "vcf", "-o", file)
	if out != "Wrote "+model.Plural(len(active), "contact")+" to "+file+".\n" || mode(t, file) != 0o600 {
		t.Fatalf("stdout %q", out)
	}
	other := journal(t)
	out = mustCLI(t, other, "import", file)
	if out != "Imported "+model.Plural(len(active), "contact")+".\n" {
		t.Fatalf("import said %q", out)
	}
	var back []model.Contact
	withStore(t, other, func(st *store.Store) {
		back, _ = st.Contacts(context.Background(), false, testDay)
	})
	if len(back) != len(active) {
		t.Fatalf("%d contacts came back of %d", len(back), len(active))
	}
	for i := range back {
		if back[i].Name != active[i].Name || back[i].Phone != active[i].Phone || back[i].Email != active[i].Email {
			t.Fatalf("contact %d: %+v, was %+v", i, back[i], active[i])
		}
	}
	// Again: everyone is already there.
	out = mustCLI(t, other, "import", file)
	if !strings.HasPrefix(out, "Imported 0 contacts; skipped "+model.Thousands(len(active))+": ") {
		t.Fatalf("second import said %q", out)
	}
}

const goodCards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ngozi Eze\r\nTEL;TYPE=CELL:+44 20 7946 0018\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nNOTE:a card with nothing to name it by\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Tomás Ruiz\r\nEMAIL:tomas@example.org\r\nCATEGORIES:climbing\r\nEND:VCARD\r\n"

func TestImportVCardSkipsCardsItCannotRead(t *testing.T) {
	t.Parallel()
	db := journal(t)
	file := filepath.Join(t.TempDir(), "phone.vcf")
	journaltest.WriteFile(t, file, goodCards)
	code, out, errs := cli(db, "import", file)
	if code != 0 || out != "Imported 2 contacts.\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !strings.HasPrefix(errs, "tether: warning: "+file+": ") || strings.Count(errs, "\n") != 1 {
		t.Fatalf("warnings: %q", errs)
	}
}

// A file that is refused leaves the journal exactly as it was, byte for
// byte; so does a dry run.
func TestImportRefusalsAndDryRunChangeNothing(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	mustCLI(t, db, "export", "--format", "json", "-o", good)
	target := journal(t)
	mustCLI(t, target, "contact", "add", "--name", "Already Here")

	newer := strings.Replace(read(t, good), `"version": 1,`, `"version": 2,`, 1)
	badRecord := strings.Replace(read(t, good), `"mood": 4`, `"mood": 9`, 1)
	files := []struct{ name, text, says string }{
		{"junk.json", "{ this is not json", "nothing was imported"},
		{"newer.json", newer, "newer"},
		{"bad-record.json", badRecord, "mood"},
		{"bad-check-up.json", strings.Replace(read(t, good), `"instrument": "mspss"`, `"instrument": "phq9"`, 1), `instrument "phq9" is not one Tether knows (barc10, mspss)`},
		{"two-check-ups.json", twoBARC10s(t, read(t, good)), "check-up barc10 on 2025-10-10: the check-up at position 2 is the same instrument on the same day; a day has one of each"},
		{"empty.vcf", "", "no vCard"},
		{"notes.vcf", "just some notes\n", "no vCard"},
		{"notes.txt", "just some notes\n", "neither a vCard file"},
		{"cards.vcf", "BEGIN:VCARD\r\nN:;;;;\r\nEND:VCARD\r\n", "none of its cards could be read"},
	}
	before := journaltest.Sum(t, target)
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join(dir, f.name)
			journaltest.WriteFile(t, path, f.text)
			code, out, errs := cli(target, "import", path)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			last := errs[strings.LastIndex(strings.TrimRight(errs, "\n"), "\n")+1:]
			if !strings.Contains(last, f.says) || !strings.HasPrefix(last, "tether: import "+path+": ") {
				t.Fatalf("stderr %q, want a last line saying %q", errs, f.says)
			}
			if journaltest.Sum(t, target) != before {
				t.Fatal("a refused import changed the journal")
			}
		})
	}

	dry := mustCLI(t, target, "import", "--dry-run", good)
	if !strings.HasPrefix(dry, "Would import 24 contacts, ") || !strings.HasSuffix(dry, "Dry run: nothing was written.\n") ||
		// Another copy of a journal: its settings merge one by one.
		!strings.Contains(dry, ", 5 settings and 2 plans.\n") {
		t.Fatalf("dry run said:\n%s", dry)
	}
	if journaltest.Sum(t, target) != before {
		t.Fatal("a dry run changed the journal")
	}
	// A dry run into a journal that does not exist yet makes none.
	none := filepath.Join(dir, "none", "tether.db")
	if out := mustCLI(t, none, "import", good, "--dry-run"); !strings.HasPrefix(out, "Would import 24 contacts") ||
		!strings.Contains(out, ", 5 settings and 2 plans.\n") || exists(filepath.Dir(none)) {
		t.Fatalf("dry run without a journal: %q", out)
	}
	// For real, it does what the dry run said it would.
	real := mustCLI(t, target, "import", good)
	want := strings.Replace(strings.TrimSuffix(dry, "Dry run: nothing was written.\n"), "Would import", "Imported", 1)
	if real != want {
		t.Fatalf("import said:\n%s\nthe dry run:\n%s", real, dry)
	}
}

// twoBARC10s gives an export's second BARC-10 the day of its first.
func twoBARC10s(t *testing.T, export string) string {
	t.Helper()
	ex, err := journalfile.DecodeExport(strings.NewReader(export))
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, c := range ex.Checkups {
		if c.Instrument == model.BARC10 {
			days = append(days, c.Day.String())
		}
	}
	if len(days) < 2 {
		t.Fatalf("fewer than two BARC-10s: %+v", ex.Checkups)
	}
	out := strings.Replace(export, `"instrument": "barc10",`+"\n      "+`"day": "`+days[1]+`"`,
		`"instrument": "barc10",`+"\n      "+`"day": "`+days[0]+`"`, 1)
	if out == export {
		t.Fatal("no day was changed")
	}
	return out
}

func TestExportImportUsage(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"export"}, "choose a format"},
		{[]string{"export", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"export", "--format", "json", "out.json"}, `unexpected "out.json"`},
		{[]string{"export", "--format", "md", "--week", "2026-W10", "--from", "2026-03-01"}, "either --week or --from"},
		{[]string{"export", "--format", "md", "--week", "2026-W60"}, "--week"},
		{[]string{"export", "--format", "md", "--from", "2026-03-08", "--to", "2026-03-01"}, "ends (2026-03-01) before it starts"},
		{[]string{"export", "--format", "md", "--from", "March"}, "--from"},
		{[]string{"export", "--format", "json", "--table", "contacts"}, "--table is for --format csv"},
		{[]string{"export", "--format", "csv", "--table", "people"}, `no table "people"`},
		{[]string{"export", "--format", "csv"}, "one file per table"},
		{[]string{"export", "--format", "vcf", "--week", "2026-W10"}, "vcf holds contacts only"},
		{[]string{"import"}, "name one file"},
		{[]string{"import", "a.json", "b.json"}, "name one file"},
		{[]string{"import", "--dry-run=sure", "a.json"}, "invalid boolean"},
	}
	for _, tt := range tests {
		code, _, errs := cli(db, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.says) || !strings.Contains(errs, "Run 'tether "+tt.args[0]+" --help'") {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errs)
		}
	}
	// Failures, not usage: exit 1.
	none := journal(t)
	for _, args := range [][]string{
		{"export", "--format", "json"},                                  // no journal yet
		{"export", "--format", "json", "-o", "/nonexistent/dir/x.json"}, // no such folder
	} {
		code, _, errs := cli(none, args...)
		if code != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	code, _, errs := cli(db, "import", filepath.Join(t.TempDir(), "missing.json"))
	if code != 1 {
		t.Fatalf("missing file: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "no such file")
}

// A card's birthday and anniversary come in as the person's birthday and
// recovery date; one after today is left out with a warning, the card kept.
func TestImportVCardDates(t *testing.T) {
	t.Parallel()
	db := journal(t)
	file := filepath.Join(t.TempDir(), "phone.vcf")
	journaltest.WriteFile(t, file, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Denise Okafor\r\nBDAY:1970-12-31\r\nANNIVERSARY:20140115\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nBDAY:--0229\r\nANNIVERSARY:29990101\r\nEND:VCARD\r\n")
	code, out, errs := cli(db, "import", file)
	if code != 0 || out != "Imported 2 contacts.\n" || !strings.Contains(errs, "Sam Lee: the anniversary 2999-01-01 is after today, so it was left out") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	list := mustCLI(t, db, "contact", "list", "--json")
	for _, want := range []string{`"birthday": "1970-12-31"`, `"recovery_date": "2014-01-15"`, `"birthday": "02-29"`} {
		if !strings.Contains(list, want) {
			t.Errorf("contact list --json lacks %s:\n%s", want, list)
		}
	}
	if strings.Contains(list, "2999") {
		t.Error("a recovery date after today was kept")
	}
}
