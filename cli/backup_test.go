package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/store"
)

func TestBackupBesideTheJournal(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	dir := filepath.Dir(db)
	out := mustCLI(t, db, "backup")
	first := filepath.Join(dir, "tether-backup-2026-03-09.db")
	if !strings.HasPrefix(out, "Backed up your journal to "+first+" (") || !strings.HasSuffix(out, "The copy was checked and is complete.\n") {
		t.Fatalf("stdout %q", out)
	}
	out = mustCLI(t, db, "backup")
	second := filepath.Join(dir, "tether-backup-2026-03-09-2.db")
	if !strings.Contains(out, second) {
		t.Fatalf("second backup: %q", out)
	}
	for _, p := range []string{first, second} {
		if mode(t, p) != 0o600 {
			t.Fatalf("%s mode %v", p, mode(t, p))
		}
		if _, err := store.CheckJournalFile(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	// The backup holds the journal: its export is the journal's.
	want := mustCLI(t, db, "export", "--format", "json")
	if got := mustCLI(t, first, "export", "--format", "json"); got != want {
		t.Fatal("the backup's export differs from the journal's")
	}
}

func TestBackupRefusals(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	taken := filepath.Join(t.TempDir(), "taken.db")
	journaltest.WriteFile(t, taken, "my precious file")
	code, _, errs := cli(db, "backup", taken)
	if code != 1 || read(t, taken) != "my precious file" {
		t.Fatalf("backup over a file: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "already exists; a backup never replaces a file")

	none := journal(t)
	code, _, errs = cli(none, "backup")
	if code != 1 || exists(none) {
		t.Fatalf("no journal: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "no journal")

	if code, _, errs := cli(db, "backup", "a.db", "b.db"); code != 2 || !strings.Contains(errs, "at most one file") {
		t.Fatalf("two files: exit %d, %q", code, errs)
	}
}

func TestRestoreKeepsTheOldJournalBesideIt(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	mustCLI(t, db, "backup", backup)
	before := mustCLI(t, db, "export", "--format", "json")
	mustCLI(t, db, "contact", "add", "--name", "After The Backup")
	after := mustCLI(t, db, "export", "--format", "json")

	out := mustCLI(t, db, "restore", backup)
	kept := db + ".before-restore-20260309-213000"
	if !strings.HasPrefix(out, "Restored your journal from "+backup+" (") ||
		!strings.HasSuffix(out, "The journal it replaced is kept at "+kept+".\n") {
		t.Fatalf("stdout %q", out)
	}
	if got := mustCLI(t, db, "export", "--format", "json"); got != before {
		t.Fatal("the restored journal is not the backup")
	}
	if got := mustCLI(t, kept, "export", "--format", "json"); got != after {
		t.Fatal("the journal kept aside is not the one replaced")
	}
	if mode(t, db) != 0o600 || !exists(backup) {
		t.Fatal("restored journal not private, or the backup was moved")
	}
}

func TestRestoreRefusals(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	mustCLI(t, db, "backup", backup)
	junk := filepath.Join(dir, "junk.db")
	journaltest.WriteFile(t, junk, "not a journal at all, not even close")
	before := journaltest.Sum(t, db)

	for _, tt := range []struct{ file, says string }{
		{junk, "not a Tether journal"},
		{filepath.Join(dir, "missing.db"), "no such file"},
		{db, "is the journal itself"},
	} {
		code, _, errs := cli(db, "restore", tt.file)
		if code != 1 {
			t.Fatalf("%s: exit %d", tt.file, code)
		}
		journaltest.OneLineErr(t, errs, tt.says)
		if journaltest.Sum(t, db) != before {
			t.Fatalf("%s: the journal changed", tt.file)
		}
	}

	// While Tether has the journal open (here, in this process), it is
	// not replaced.
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := cli(db, "restore", backup)
	st.Close()
	if code != 1 {
		t.Fatalf("journal in use: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "close Tether first")
	if journaltest.Sum(t, db) != before {
		t.Fatal("a refused restore changed the journal")
	}
	if es, _ := os.ReadDir(filepath.Dir(db)); len(es) != 1 {
		t.Fatalf("files left beside the journal: %v", es)
	}

	for _, args := range [][]string{{"restore"}, {"restore", "a.db", "b.db"}} {
		if code, _, errs := cli(db, args...); code != 2 || !strings.Contains(errs, "name the backup") {
			t.Fatalf("%v: exit %d, %q", args, code, errs)
		}
	}
}
