package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// openCopy opens a copy of a journal file, so checking a backup never
// changes it.
func openCopy(t *testing.T, path string) *Store {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return openAt(t, cp)
}

func TestBackupIsAWholeCheckedPrivateCopy(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	fill(t, s)
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")

	// An entry still being written when the backup starts is not in it;
	// everything committed is.
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(insertContactSQL, insertArgs(model.Contact{Name: "Half Written", Circle: "other", Stance: "unknown"}, fixedNow, fixedNow)...); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()

	if got := listDir(t, dir); len(got) != 1 {
		t.Fatalf("backup left files beside it: %v", got)
	}
	if m := mode(t, path); m != 0o600 {
		t.Fatalf("backup mode %v", m)
	}
	info, err := CheckJournalFile(ctx, path)
	if err != nil || info.Version != latestVersion() || info.Size == 0 {
		t.Fatalf("check: %+v, %v", info, err)
	}
	sameExport(t, exportAll(t, s), exportAll(t, openCopy(t, path)))

	before := hashFile(t, path)
	err = s.Backup(ctx, path)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("backup over an existing file: %v", err)
	}
	if hashFile(t, path) != before {
		t.Fatal("a refused backup changed the file")
	}

	err = s.Backup(ctx, filepath.Join(dir, "missing", "backup.db"))
	if err == nil || !strings.Contains(err.Error(), "cannot create the file") {
		t.Fatalf("backup into a missing folder: %v", err)
	}
}

// badFiles makes one file of each kind CheckJournalFile refuses.
func badFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}

	files["missing"] = filepath.Join(dir, "missing.db")
	files["directory"] = dir
	text := filepath.Join(dir, "notes.txt")
	writeFile(t, text, []byte("my notes, not a journal\n"))
	files["text"] = text
	empty := filepath.Join(dir, "empty.db")
	writeFile(t, empty, nil)
	files["empty"] = empty

	foreign := filepath.Join(dir, "foreign.db")
	db := plainDB(t, foreign)
	mustExec(t, db, "CREATE TABLE recipes (name TEXT)")
	db.Close()
	files["foreign"] = foreign

	newer := filepath.Join(dir, "newer.db")
	s := openAt(t, newer)
	s.Close()
	db = plainDB(t, newer)
	mustExec(t, db, "PRAGMA user_version = 99", "PRAGMA journal_mode = DELETE")
	db.Close()
	files["newer"] = newer

	// A journal with a page of its contacts overwritten.
	damaged := filepath.Join(dir, "damaged.db")
	s = openAt(t, damaged)
	for i := range 200 {
		addContact(t, s, strings.Repeat("x", 150)+string(rune('a'+i%26)))
	}
	s.Close()
	b, err := os.ReadFile(damaged)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 * 3; i < 4096*3+600; i++ {
		b[i] = 0x5a
	}
	writeFile(t, damaged, b)
	files["damaged"] = damaged

	inUse := filepath.Join(dir, "in-use.db")
	s = openAt(t, inUse)
	addContact(t, s, "Someone")
	b, err = os.ReadFile(inUse + "-wal")
	if err != nil || len(b) == 0 {
		t.Fatalf("no -wal to copy: %v", err)
	}
	s.Close()
	writeFile(t, inUse+"-wal", b)
	files["in use"] = inUse
	return files
}

func TestCheckJournalFileRefusesAndTouchesNothing(t *testing.T) {
	files := badFiles(t)
	want := map[string]string{
		"missing":   "no such file",
		"directory": "is a directory",
		"text":      "not an SQLite database",
		"empty":     "is empty",
		"foreign":   "without Tether's mark",
		"newer":     "newer Tether",
		"damaged":   "damaged",
		"in use":    "open in another program, or was not closed cleanly",
	}
	for name, path := range files {
		t.Run(name, func(t *testing.T) {
			var before string
			var dirBefore []string
			if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
				before = hashFile(t, path)
				dirBefore = listDir(t, filepath.Dir(path))
			}
			_, err := CheckJournalFile(context.Background(), path)
			if err == nil || !strings.Contains(err.Error(), want[name]) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err %v, want one line saying %q", err, want[name])
			}
			if before != "" {
				if hashFile(t, path) != before {
					t.Fatal("the check changed the file")
				}
				if got := listDir(t, filepath.Dir(path)); !equalStrings(got, dirBefore) {
					t.Fatalf("the check left files: %v, was %v", got, dirBefore)
				}
			}
		})
	}
}

func equalStrings(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

var restoreTime = time.Date(2026, time.March, 9, 22, 15, 30, 0, time.UTC)

func TestRestoreSwapsInACopyAndKeepsTheOldJournal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	journal := filepath.Join(dir, "tether", "tether.db")
	s := openAt(t, journal)
	fill(t, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	backedUp := exportAll(t, s)
	addContact(t, s, "Added After The Backup")
	current := exportAll(t, s)
	s.Close()
	os.Chmod(backup, 0o400) // a backup kept read-only is fine to restore from
	backupHash := hashFile(t, backup)

	kept, err := Restore(ctx, journal, backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if want := journal + ".before-restore-20260309-221530"; kept != want {
		t.Fatalf("kept at %q, want %q", kept, want)
	}
	if got := listDir(t, filepath.Dir(journal)); !equalStrings(got, []string{"tether.db", "tether.db.before-restore-20260309-221530"}) {
		t.Fatalf("journal folder holds %v", got)
	}
	if hashFile(t, backup) != backupHash {
		t.Fatal("restore changed the backup")
	}
	if m := mode(t, journal); m != 0o600 {
		t.Fatalf("restored journal mode %v", m)
	}
	sameExport(t, backedUp, exportAll(t, openCopy(t, journal)))
	sameExport(t, current, exportAll(t, openCopy(t, kept)))

	// A second restore in the same second keeps both earlier journals.
	kept2, err := Restore(ctx, journal, backup, restoreTime)
	if err != nil || kept2 != kept+"-2" {
		t.Fatalf("second restore kept at %q, %v", kept2, err)
	}
}

func TestRestoreIntoANewJournal(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	fill(t, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(t.TempDir(), "new", "tether.db")
	kept, err := Restore(ctx, journal, backup, restoreTime)
	if err != nil || kept != "" {
		t.Fatalf("kept %q, %v", kept, err)
	}
	if m := mode(t, filepath.Dir(journal)); m != 0o700 {
		t.Fatalf("new folder mode %v", m)
	}
	sameExport(t, exportAll(t, s), exportAll(t, openAt(t, journal)))
}

func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	fill(t, src)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := src.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	files := badFiles(t)

	t.Run("bad backups", func(t *testing.T) {
		for name, path := range files {
			journal := filepath.Join(t.TempDir(), "tether.db")
			openAt(t, journal).Close()
			before := hashFile(t, journal)
			if _, err := Restore(ctx, journal, path, restoreTime); err == nil {
				t.Fatalf("%s: restored", name)
			}
			if hashFile(t, journal) != before || len(listDir(t, filepath.Dir(journal))) != 1 {
				t.Fatalf("%s: a refused restore changed the journal's folder", name)
			}
		}
	})
	t.Run("the journal itself", func(t *testing.T) {
		_, err := Restore(ctx, backup, backup, restoreTime)
		if err == nil || !strings.Contains(err.Error(), "is the journal itself") {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("a journal path that is not a journal", func(t *testing.T) {
		for _, name := range []string{"text", "foreign", "newer", "directory"} {
			before := ""
			if name != "directory" {
				before = hashFile(t, files[name])
			}
			_, err := Restore(ctx, files[name], backup, restoreTime)
			if err == nil || !strings.Contains(err.Error(), "restore:") {
				t.Fatalf("%s: err %v", name, err)
			}
			if before != "" && hashFile(t, files[name]) != before {
				t.Fatalf("%s: changed", name)
			}
		}
	})
	t.Run("open in another window", func(t *testing.T) {
		journal := filepath.Join(t.TempDir(), "tether.db")
		s := openAt(t, journal)
		addContact(t, s, "Still Here")
		_, err := Restore(ctx, journal, backup, restoreTime)
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "close Tether first") {
			t.Fatalf("err %v", err)
		}
		// The window carries on as if nothing happened.
		addContact(t, s, "Added After")
		if n := countRowsOf(t, s.db, "contacts"); n != 2 {
			t.Fatalf("%d contacts", n)
		}
		if got := listDir(t, filepath.Dir(journal)); len(got) != 3 {
			t.Fatalf("journal folder holds %v", got)
		}
	})
}

func countRowsOf(t *testing.T, db *sql.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// '?', '#' and '%' in a folder name are part of the name, for the backup
// and for the journal a restore takes over.
func TestBackupAndRestoreWithURISyntaxInPaths(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "my journal? #1 100% mine")
	journal := filepath.Join(dir, "tether.db")
	s := openAt(t, journal)
	fill(t, s)
	backup := filepath.Join(dir, "backup? #2.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	want := exportAll(t, s)
	s.Close()
	kept, err := Restore(ctx, journal, backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	got := listDir(t, dir)
	if !equalStrings(got, []string{"backup? #2.db", "tether.db", filepath.Base(kept)}) {
		t.Fatalf("folder holds %v", got)
	}
	sameExport(t, want, exportAll(t, openCopy(t, journal)))
}
