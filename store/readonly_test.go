package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// filledJournal is a closed journal with an any-time person, settings and a
// safety plan, as a person's would be.
func filledJournal(t *testing.T) string {
	t.Helper()
	s, path := openToClose(t)
	if _, err := s.db.Exec(upsertSettingSQL, regionKey, "GB"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(upsertSettingSQL, safetyPlanKey, `{"warning_signs":["Not sleeping"]}`); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openReadOnly(t *testing.T, path string) *Store {
	t.Helper()
	s, err := OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatalf("OpenReadOnly(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// A read-only store reads everything the crisis card needs, and refuses
// every write without touching the file.
func TestOpenReadOnlyReadsAndRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filledJournal(t)
	before := hashFile(t, path)
	s := openReadOnly(t, path)

	people, err := s.AnyTimeContacts(ctx)
	if err != nil || len(people) != 1 || people[0].Name != fullContact().Name {
		t.Fatalf("AnyTimeContacts = %+v, %v", people, err)
	}
	if v, ok, err := s.Setting(ctx, regionKey); err != nil || !ok || v != "GB" {
		t.Fatalf("region = %q, %v, %v", v, ok, err)
	}
	if v, ok, err := s.Setting(ctx, safetyPlanKey); err != nil || !ok || !strings.Contains(v, "Not sleeping") {
		t.Fatalf("plan = %q, %v, %v", v, ok, err)
	}
	if list, err := s.Professionals(ctx); err != nil || len(list) != 0 {
		t.Fatalf("Professionals = %+v, %v", list, err)
	}

	writes := map[string]func() error{
		"SaveContact": func() error { _, err := s.SaveContact(ctx, model.Contact{Name: "New"}); return err },
		"SetSetting":  func() error { return s.SetSetting(ctx, regionKey, "US") },
		"SetArchived": func() error { return s.SetArchived(ctx, 1, true) },
		"Import": func() error {
			_, err := s.Import(ctx, journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion,
				Contacts: []model.Contact{{ID: 1, Name: "Imported"}}}, false)
			return err
		},
		"SaveReachOut": func() error {
			_, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: 1, At: fixedNow.Add(-time.Hour)})
			return err
		},
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s on a read-only journal: %v; want ErrReadOnly", name, err)
		}
	}
	// Past the store's own refusal, SQLite itself refuses.
	if _, err := s.db.Exec(`INSERT INTO settings (key, value) VALUES ('x', 'y')`); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Errorf("a raw insert: %v; want SQLite's read-only refusal", err)
	}
	s.Close()
	if after := hashFile(t, path); after != before {
		t.Error("the journal changed")
	}
	// What SQLite makes beside a WAL journal for its readers is gone.
	for _, side := range []string{"-wal", "-shm"} {
		if exists(path + side) {
			t.Errorf("the reader left %s beside the journal", side)
		}
	}
	if s := openAt(t, path); s == nil {
		t.Fatal("the journal does not open for writing after a reader")
	}
}

// An older journal is read as it is, not migrated.
func TestOpenReadOnlyDoesNotMigrate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 3)
	addOldContacts(t, old, []model.Contact{fullContact()})
	old.Close()
	before := hashFile(t, path)
	s := openReadOnly(t, path)
	if v := userVersion(t, s); v != 3 {
		t.Errorf("user_version %d; want 3, untouched", v)
	}
	if people, err := s.AnyTimeContacts(ctx); err != nil || len(people) != 1 {
		t.Errorf("AnyTimeContacts on schema 3: %+v, %v", people, err)
	}
	if people, err := s.CardPeople(ctx, model.SafetyPlan{AskForHelp: []string{"someone"}}); err != nil || len(people.People) != 1 {
		t.Errorf("CardPeople on schema 3: %+v, %v", people, err)
	}
	if _, err := s.Checkups(ctx, model.BARC10); err == nil {
		t.Error("Checkups read a table schema 3 does not have")
	}
	s.Close()
	if hashFile(t, path) != before {
		t.Error("the journal changed")
	}
}

// No journal: a clear error, ErrNoJournal, and nothing made.
func TestOpenReadOnlyWithoutAJournal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cases := map[string]func(path string){
		"no file": func(string) {},
		"an empty database": func(path string) {
			db := plainDB(t, path)
			mustExec(t, db, `CREATE TABLE x (y)`, `DROP TABLE x`)
			db.Close()
		},
	}
	for name, mk := range cases {
		sub := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.Mkdir(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(sub, "tether.db")
		mk(path)
		files := listDir(t, sub)
		s, err := OpenReadOnly(ctx, path)
		if err == nil {
			s.Close()
			t.Errorf("%s: OpenReadOnly succeeded", name)
			continue
		}
		if !errors.Is(err, ErrNoJournal) || err.Error() != "there is no journal yet at "+path {
			t.Errorf("%s: %v; want ErrNoJournal naming the path", name, err)
		}
		if got := listDir(t, sub); !slices.Equal(got, files) {
			t.Errorf("%s: the folder holds %v, was %v", name, got, files)
		}
	}
	// An empty file is a file, but not a journal: refused, and left empty.
	empty := filepath.Join(dir, "empty.db")
	writeFile(t, empty, nil)
	if _, err := OpenReadOnly(ctx, empty); !errors.Is(err, ErrNotJournal) || !strings.Contains(err.Error(), "the file is empty, so it is not a Tether journal; it was left unchanged") {
		t.Errorf("an empty file: %v; want ErrNotJournal in words", err)
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
		t.Errorf("the empty file is now %v, %v", fi, err)
	}
	// A missing folder is no journal either, and is not made.
	missing := filepath.Join(dir, "nowhere", "tether.db")
	if _, err := OpenReadOnly(ctx, missing); !errors.Is(err, ErrNoJournal) {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, os.ErrNotExist) {
		t.Error("the missing folder was made")
	}
	if _, err := OpenReadOnly(ctx, ""); err == nil {
		t.Error("an empty path was taken")
	}
}

// Every file Open refuses, OpenReadOnly refuses too, and leaves exactly as
// it was.
func TestOpenReadOnlyRefuses(t *testing.T) {
	ctx := context.Background()
	cases := append(refusedFiles(), refusedFile{
		name: "a directory",
		make: func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		},
		want: ErrIsDirectory,
	})
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "t.db")
			tt.make(t, path)
			var before string
			if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
				before = hashFile(t, path)
			}
			files := listDir(t, dir)
			s, err := OpenReadOnly(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("OpenReadOnly succeeded")
			}
			if !errors.Is(err, tt.want) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q; want errors.Is %v, one line saying %q", err, tt.want, tt.wantMsg)
			}
			if before != "" && hashFile(t, path) != before {
				t.Error("the file was changed")
			}
			if got := listDir(t, dir); !slices.Equal(got, files) {
				t.Errorf("folder holds %v, was %v", got, files)
			}
		})
	}
}

// A journal that was never checkpointed (its header does not yet name
// Tether; everything is in the -wal, as a window still open leaves it)
// reads through its log.
func TestOpenReadOnlyReadsThroughTheLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	w := openAt(t, path)
	if _, err := w.SaveContact(ctx, fullContact()); err != nil {
		t.Fatal(err)
	}
	if hdr, _ := os.ReadFile(path); len(hdr) >= 100 && string(hdr[68:72]) != "\x00\x00\x00\x00" {
		t.Skip("the header was already checkpointed; this test needs one that was not")
	}
	s := openReadOnly(t, path)
	if people, err := s.AnyTimeContacts(ctx); err != nil || len(people) != 1 {
		t.Fatalf("AnyTimeContacts = %+v, %v", people, err)
	}
}

// uncommitted is the contact a writer adds and never commits.
func uncommitted() model.Contact {
	c := fullContact()
	c.Name = "Uncommitted"
	return c
}

// holdEnv asks TestHoldWriteTransaction, run as a helper process, to hold
// a write transaction on the journal it names.
const holdEnv = "TETHER_TEST_HOLD_WRITE"

// TestHoldWriteTransaction is not a test on its own: run by
// holdWriteTransaction in another process, it opens the journal as Tether
// does, begins a write transaction (BEGIN IMMEDIATE), adds a contact it
// never commits, says "holding", and rolls back when its input closes.
func TestHoldWriteTransaction(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("a helper for TestOpenReadOnlyWhileAnotherProcessWrites")
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	tx, err := s.db.Begin()
	if err == nil {
		_, err = tx.Exec(insertContactSQL, insertArgs(uncommitted(), fixedNow, fixedNow)...)
	}
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("holding")
	bufio.NewReader(os.Stdin).ReadString('\n')
	tx.Rollback()
	s.Close()
	os.Exit(0)
}

// holdWriteTransaction starts the helper on path and returns once it holds
// its transaction; the transaction ends with the test.
func holdWriteTransaction(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldWriteTransaction$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "holding\n" {
		t.Fatalf("the helper did not take the write lock: %q, %v", line, err)
	}
}

// While another process holds a write transaction, a reader opens the
// journal and reads what was committed, without waiting for the writer.
func TestOpenReadOnlyWhileAnotherProcessWrites(t *testing.T) {
	path := filledJournal(t)
	holdWriteTransaction(t, path)

	// The writer really holds the lock: a second writer cannot begin.
	other := plainDB(t, "file:"+escapePath(path)+"?_pragma=busy_timeout(0)")
	defer other.Close()
	if _, err := other.Exec(`BEGIN IMMEDIATE`); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("a second writer began: %v", err)
	}

	// The deadline only bounds a broken run (busy_timeout is 10 s); a
	// reader in WAL mode does not wait at all.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, err := s.AnyTimeContacts(ctx)
	if err != nil || len(people) != 1 || people[0].Name != fullContact().Name {
		t.Fatalf("AnyTimeContacts = %+v, %v", people, err)
	}
	active, _, err := s.CountContacts(ctx)
	if err != nil || active != 1 {
		t.Fatalf("%d contacts, %v; want only the committed one", active, err)
	}
}

// The same with the writer in this process, on another connection: the
// in-process case of the tests of `tether sos`.
func TestOpenReadOnlyWhileAConnectionWrites(t *testing.T) {
	path := filledJournal(t)
	w := openAt(t, path)
	tx, err := w.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(insertContactSQL, insertArgs(uncommitted(), fixedNow, fixedNow)...); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s := openReadOnly(t, path)
	if active, _, err := s.CountContacts(ctx); err != nil || active != 1 {
		t.Fatalf("%d contacts, %v; want only the committed one", active, err)
	}
	var plain *sql.DB = s.db
	if _, err := plain.Exec(`DELETE FROM contacts`); err == nil {
		t.Fatal("a read-only store deleted")
	}
}

// OpenForReading refuses an older journal in words rather than migrating
// it, and leaves it, and its folder, as they were.
func TestOpenForReadingRefusesAnOlderJournal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tether.db")
	old := journalAtVersion(t, path, 4)
	old.Close()
	before, files := hashFile(t, path), listDir(t, dir)
	_, err := OpenForReading(context.Background(), path)
	if !errors.Is(err, ErrOlderJournal) || !strings.Contains(err.Error(), "this journal was made by an older Tether; open the app once") {
		t.Errorf("OpenForReading on schema 4: %v; want ErrOlderJournal in words", err)
	}
	if hashFile(t, path) != before || !slices.Equal(listDir(t, dir), files) {
		t.Error("the journal or its folder changed")
	}
	openAt(t, path).Close()
	s, err := OpenForReading(context.Background(), path)
	if err != nil {
		t.Fatalf("after the app updated it: %v", err)
	}
	s.Close()
}
