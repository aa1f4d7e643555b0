package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
)

// importFile writes text to a file in a folder of its own and imports it.
func importFile(t *testing.T, db, name, text string) (code int, stdout, stderr string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	journaltest.WriteFile(t, file, text)
	return cli(db, "import", file)
}

const exportHead = `{"format": "tether-journal", "version": 1, "exported_at": "2026-03-09T21:00:00+01:00",`

// A file holding what the app refuses is refused by import too, by name,
// and nothing is imported: a reach-out dated 9999 (which would keep its
// person out of "due" for good), a check-in of a day to come, a setting
// this Tether has no such thing as, and a setting in the wrong shape, said
// in words.
func TestImportKeepsTheAppsRules(t *testing.T) {
	contact := `"contacts": [{"id": 1, "name": "María Santos", "circle": "sponsor"}]`
	tests := []struct {
		name, file, says string
	}{
		{"reach-out in 9999", exportHead + contact + `, "reach_outs": [{"contact_id": 1, "at": "9999-12-31T12:00:00Z", "channel": "call", "direction": "mine"}]}`,
			"reach-out #1: at: That is in the future; log reach-outs once they happen (the reach-out with María Santos)"},
		{"check-in tomorrow", exportHead + `"check_ins": [{"day": "2026-03-10", "mood": 3}]}`,
			"check-in #1 (2026-03-10): day: That day hasn't happened yet"},
		{"unknown setting", exportHead + `"settings": {"colour_scheme": "calm"}}`,
			`setting "colour_scheme": this Tether has no such setting`},
		{"own number in words", exportHead + `"settings": {"own_numbers": "[{\"label\": \"Mum\", \"number\": \"\"}]"}}`,
			"setting own_numbers (your own crisis numbers): Your number 1 has no number to call"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := journal(t)
			code, out, errs := importFile(t, db, "export.json", tt.file)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
			journaltest.OneLineErr(t, errs, tt.says)
			if strings.Contains(errs, "own_number0") {
				t.Errorf("stderr names an internal key: %s", errs)
			}
			if exists(db) {
				if out := mustCLI(t, db, "contact", "list"); !strings.HasPrefix(out, "No contacts yet.") {
					t.Errorf("a refused import added %q", out)
				}
			}
		})
	}
}

// A vCard file larger than the limit is refused, saying the limit, without
// being read; Tether JSON has no limit (it is read a record at a time), so a
// file as large that is not JSON is refused for what it holds.
func TestImportSaysItsSizeLimit(t *testing.T) {
	sparse := func(name string, size int64) string {
		file := filepath.Join(t.TempDir(), name)
		f, err := os.Create(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		f.Close()
		return file
	}
	code, _, errs := cli(journal(t), "import", sparse("huge.vcf", maxVCardBytes+1))
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "this vCard file is larger than 256 MB, more than any address book holds; nothing was imported")
	code, _, errs = cli(journal(t), "import", sparse("huge.json", maxVCardBytes+1))
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "this file is not valid JSON: something is amiss at line 1, column 1; nothing was imported")
}
