package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// readingCommands only read the journal: they must never create, migrate
// or leave a file beside it.
var readingCommands = [][]string{
	{"due"},
	{"due", "--json"},
	{"sos"},
	{"contact", "list"},
	{"contact", "list", "--json"},
	{"export", "--format", "json"},
	{"export", "--format", "vcf"},
}

func folderState(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var state []string
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		state = append(state, e.Name()+" "+hex.EncodeToString(sum[:]))
	}
	slices.Sort(state)
	return state
}

// TestReadingCommandsLeaveTheFolderAsItWas: on a journal, each reading
// command succeeds and leaves the folder's files, and their bytes, as they
// were: no -wal or -shm left behind.
func TestReadingCommandsLeaveTheFolderAsItWas(t *testing.T) {
	t.Parallel()
	db := journal(t)
	addPeople(t, db,
		person{model.Contact{Name: "Overdue Olu", Phone: "+1 555 0100", CadenceDays: 7, AnyTime: true}, 30},
	)
	before := folderState(t, filepath.Dir(db))
	for _, args := range readingCommands {
		code, out, errs := cli(db, args...)
		if code != 0 || errs != "" {
			t.Errorf("tether %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
		}
		if args[0] != "sos" && args[0] != "export" && !strings.Contains(out, "Olu") {
			t.Errorf("tether %s printed %q; want Olu", strings.Join(args, " "), out)
		}
		if got := folderState(t, filepath.Dir(db)); !slices.Equal(got, before) {
			t.Errorf("tether %s: the folder is now %v, was %v", strings.Join(args, " "), got, before)
		}
	}
}

// TestReadingCommandsMakeNoJournal: where there is no journal, or only an
// empty file, no reading command (nor backup) makes one, or anything else.
func TestReadingCommandsMakeNoJournal(t *testing.T) {
	t.Parallel()
	commands := append(slices.Clone(readingCommands), []string{"backup"})
	for _, empty := range []bool{false, true} {
		dir := t.TempDir()
		db := filepath.Join(dir, "tether.db")
		if empty {
			if err := os.WriteFile(db, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		before := folderState(t, dir)
		for _, args := range commands {
			code, _, errs := cli(db, args...)
			what := "tether " + strings.Join(args, " ")
			if empty {
				what += " on an empty file"
				// sos still prints the general card; the others refuse.
				if (code == 0) != (args[0] == "sos") || !strings.Contains(errs, "empty, so it is not a Tether journal") {
					t.Errorf("%s: exit %d, stderr %q", what, code, errs)
				}
			}
			if got := folderState(t, dir); !slices.Equal(got, before) {
				t.Errorf("%s: the folder is now %v, was %v", what, got, before)
			}
		}
	}
	missing := filepath.Join(t.TempDir(), "nowhere", "tether.db")
	for _, args := range commands {
		cli(missing, args...)
		if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
			t.Fatalf("tether %s made the folder of a missing journal", strings.Join(args, " "))
		}
	}
}
