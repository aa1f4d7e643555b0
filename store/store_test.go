package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

func TestOpenFreshJournalIsMigrated(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	id, err := s.readIdentity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.appID != applicationID || int(id.version) != latestVersion() || latestVersion() != 15 {
		t.Errorf("identity = %+v, want application id %#x and user_version %d", id, applicationID, latestVersion())
	}
	for _, table := range []string{"settings", "contacts", "contact_tags", "reach_outs", "check_ins", "reflections", "reflection_answers", "checkups"} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: n=%d err=%v", table, n, err)
		}
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	if !filepath.IsAbs(s.Path()) {
		t.Errorf("Path() = %q, want absolute", s.Path())
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "region", "GB"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Closing the last connection checkpoints and removes the log.
	if got := listDir(t, filepath.Dir(path)); !slices.Equal(got, []string{"tether.db"}) {
		t.Errorf("after Close the folder holds %v", got)
	}

	s = openAt(t, path)
	got, err := s.Contact(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !equalContacts(got, saved) {
		t.Errorf("after reopen:\n got %+v\nwant %+v", got, saved)
	}
	if v, ok, err := s.Setting(ctx, "region"); v != "GB" || !ok || err != nil {
		t.Errorf("Setting(region) = %q, %v, %v", v, ok, err)
	}
}

func TestPragmasReachEveryPooledConnection(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	// Hold one connection so the pool must open a second.
	first, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	for name, conn := range map[string]interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}{"first": first, "second": second} {
		var fk, sync, busy int
		var journal string
		if err := conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&journal); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || sync != 2 || busy != 10000 || journal != "wal" {
			t.Errorf("%s connection: foreign_keys=%d synchronous=%d busy_timeout=%d journal_mode=%s; want 1, 2 (FULL), 10000, wal",
				name, fk, sync, busy, journal)
		}
	}
}

func TestPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	ctx := context.Background()
	tests := []struct {
		name      string
		setup     func(t *testing.T, root string) string // returns the journal path
		wantDir   os.FileMode
		checkWAL  bool
		chmodBack bool // loosen the modes and reopen: they are tightened again
	}{
		{
			name:     "default-style tether folder we create",
			setup:    func(t *testing.T, root string) string { return filepath.Join(root, "data", "tether", "tether.db") },
			wantDir:  0o700,
			checkWAL: true,
		},
		{
			name: "existing tether folder loosened by hand",
			setup: func(t *testing.T, root string) string {
				dir := filepath.Join(root, "tether")
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				return filepath.Join(dir, "tether.db")
			},
			wantDir:   0o700,
			chmodBack: true,
		},
		{
			name: "a folder the person chose is left alone",
			setup: func(t *testing.T, root string) string {
				dir := filepath.Join(root, "Documents")
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				return filepath.Join(dir, "journal.db")
			},
			wantDir:   0o755,
			chmodBack: true,
		},
		{
			name: "a missing folder of another name that we create",
			setup: func(t *testing.T, root string) string {
				return filepath.Join(root, "new", "journal.db")
			},
			wantDir: 0o700,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.setup(t, t.TempDir())
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveContact(ctx, fullContact()); err != nil {
				t.Fatal(err)
			}
			check := func(when string) {
				if m := mode(t, path); m != 0o600 {
					t.Errorf("%s: file mode %o, want 600", when, m)
				}
				if m := mode(t, filepath.Dir(path)); m != tt.wantDir {
					t.Errorf("%s: folder mode %o, want %o", when, m, tt.wantDir)
				}
			}
			check("after create")
			if tt.checkWAL {
				for _, p := range []string{path + "-wal", path + "-shm"} {
					if m := mode(t, p); m != 0o600 {
						t.Errorf("%s mode %o, want 600", filepath.Base(p), m)
					}
				}
			}
			s.Close()
			if tt.chmodBack {
				os.Chmod(path, 0o644)
				if tt.wantDir == 0o700 {
					os.Chmod(filepath.Dir(path), 0o755)
				}
			}
			s, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			check("after reopen")
		})
	}
}

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	tests := []struct{ xdg, want string }{
		{"/srv/data", "/srv/data/tether/tether.db"},
		{"", filepath.Join(home, ".local/share/tether/tether.db")},
		{"relative/data", filepath.Join(home, ".local/share/tether/tether.db")},
	}
	for _, tt := range tests {
		t.Setenv("XDG_DATA_HOME", tt.xdg)
		got, err := DefaultPath()
		if err != nil || got != tt.want {
			t.Errorf("XDG_DATA_HOME=%q: DefaultPath() = %q, %v; want %q", tt.xdg, got, err, tt.want)
		}
	}
}

// TestOpenRefuses checks every file Open must not adopt: the refusal names
// the path in one line, and the file and its folder are left exactly as
// they were (no -wal or -shm beside it).
func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	for _, tt := range refusedFiles() {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "t.db")
			tt.make(t, path)
			before, files := hashFile(t, path), listDir(t, dir)

			s, err := Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v; want errors.Is %v", err, tt.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "open journal "+path+": ") || strings.Contains(msg, "\n") || !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message %q: want one line naming %s and saying %q", msg, path, tt.wantMsg)
			}
			if after := hashFile(t, path); after != before {
				t.Error("the file was changed")
			}
			if got := listDir(t, dir); !slices.Equal(got, files) {
				t.Errorf("folder holds %v, was %v", got, files)
			}
		})
	}
}

// refusedFile is a file Open (and OpenReadOnly) must refuse untouched,
// leaving nothing beside it.
type refusedFile struct {
	name    string
	make    func(t *testing.T, path string)
	want    error
	wantMsg string
}

// journalWithAContact writes a journal at path holding one contact, closed.
func journalWithAContact(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveContact(ctx, fullContact()); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func refusedFiles() []refusedFile {
	return []refusedFile{
		{
			name: "journal from a newer Tether",
			make: func(t *testing.T, path string) {
				journalWithAContact(t, path)
				db := plainDB(t, path)
				mustExec(t, db, `PRAGMA user_version = 99`, `PRAGMA wal_checkpoint(TRUNCATE)`)
				db.Close()
			},
			want:    ErrNewerJournal,
			wantMsg: fmt.Sprintf("it was written by a newer Tether (schema 99; this one knows %d). Update Tether to open it; the file was not changed.", latestVersion()),
		},
		{
			name: "random bytes",
			make: func(t *testing.T, path string) {
				b := make([]byte, 8192)
				r := rand.New(rand.NewPCG(1, 2))
				for i := range b {
					b[i] = byte(r.UintN(256))
				}
				writeFile(t, path, b)
			},
			want:    ErrNotJournal,
			wantMsg: "is not a Tether journal (not an SQLite database); the file was not changed",
		},
		{
			name: "short text file",
			make: func(t *testing.T, path string) {
				writeFile(t, path, []byte("milk, eggs, call Mum\n"))
			},
			want: ErrNotJournal,
		},
		{
			name: "long text file",
			make: func(t *testing.T, path string) {
				writeFile(t, path, []byte(strings.Repeat("Dear diary, today was a good day.\n", 100)))
			},
			want: ErrNotJournal,
		},
		{
			name: "SQLite magic but cut short",
			make: func(t *testing.T, path string) {
				writeFile(t, path, []byte(sqliteMagic+"truncated"))
			},
			want: ErrNotJournal,
		},
		{
			name: "journal cut short between its pages",
			make: func(t *testing.T, path string) {
				journalWithAContact(t, path)
				if err := os.Truncate(path, 3*4096+100); err != nil {
					t.Fatal(err)
				}
			},
			want:    ErrDamaged,
			wantMsg: "it is damaged and cannot be read; the file was not changed",
		},
		{
			name: "another program's database",
			make: func(t *testing.T, path string) {
				db := plainDB(t, path)
				mustExec(t, db, `CREATE TABLE recipes (name TEXT)`, `INSERT INTO recipes VALUES ('soup')`)
				db.Close()
			},
			want:    ErrForeignDatabase,
			wantMsg: "not a Tether journal; the file was not changed",
		},
		{
			name: "another program's database in WAL mode",
			make: func(t *testing.T, path string) {
				db := plainDB(t, path)
				mustExec(t, db, `PRAGMA journal_mode = WAL`, `CREATE TABLE recipes (name TEXT)`)
				db.Close()
			},
			want: ErrForeignDatabase,
		},
		{
			name: "another program's database, open right now",
			make: func(t *testing.T, path string) {
				// Its -wal and -shm exist while the other program runs; the
				// probe must read through them and leave them as they were.
				db := plainDB(t, path)
				mustExec(t, db, `PRAGMA journal_mode = WAL`, `CREATE TABLE recipes (name TEXT)`)
				t.Cleanup(func() { db.Close() })
			},
			want: ErrForeignDatabase,
		},
		{
			name: "another program's versioned database without tables",
			make: func(t *testing.T, path string) {
				db := plainDB(t, path)
				mustExec(t, db, `PRAGMA user_version = 3`)
				db.Close()
			},
			want: ErrForeignDatabase,
		},
		{
			name: "another program's application id",
			make: func(t *testing.T, path string) {
				db := plainDB(t, path)
				// 0xDEADBEEF; a table made and dropped so the header is written.
				mustExec(t, db, `PRAGMA application_id = -559038737`, `CREATE TABLE x (y)`, `DROP TABLE x`)
				db.Close()
			},
			want: ErrForeignDatabase,
		},
	}
}

func TestOpenRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrIsDirectory) || !strings.Contains(err.Error(), "pass a file path with --db") {
		t.Fatalf("Open(dir) = %v; want ErrIsDirectory with a hint", err)
	}
	if got := listDir(t, dir); len(got) != 0 {
		t.Errorf("the folder now holds %v", got)
	}
}

// TestOpenAdoptsEmptyFiles: an empty file, or an SQLite file nobody has put
// anything in yet, becomes a journal.
func TestOpenAdoptsEmptyFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"zero-length file", func(t *testing.T, path string) { writeFile(t, path, nil) }},
		{"empty SQLite file", func(t *testing.T, path string) {
			db := plainDB(t, path)
			mustExec(t, db, `CREATE TABLE scratch (x)`, `DROP TABLE scratch`)
			db.Close()
		}},
		{"empty SQLite file in WAL mode", func(t *testing.T, path string) {
			db := plainDB(t, path)
			mustExec(t, db, `PRAGMA journal_mode = WAL`)
			db.Close()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t.db")
			tt.make(t, path)
			s := openAt(t, path)
			if _, err := s.SaveContact(context.Background(), fullContact()); err != nil {
				t.Fatal(err)
			}
			id, err := s.readIdentity(context.Background())
			if err != nil || id.appID != applicationID || int(id.version) != latestVersion() {
				t.Errorf("identity %+v, %v", id, err)
			}
		})
	}
}

func TestOpenUnwritable(t *testing.T) {
	ctx := context.Background()
	t.Run("folder cannot be created", func(t *testing.T) {
		// A file where a folder should be: refused even for root.
		root := t.TempDir()
		writeFile(t, filepath.Join(root, "notes.txt"), []byte("x"))
		path := filepath.Join(root, "notes.txt", "tether", "tether.db")
		_, err := Open(ctx, path)
		if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), "cannot be created: not a directory") {
			t.Fatalf("Open = %v; want ErrUnwritable saying the folder cannot be created", err)
		}
	})
	t.Run("read-only folder", func(t *testing.T) {
		skipIfRoot(t)
		dir := filepath.Join(t.TempDir(), "locked")
		if err := os.Mkdir(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		_, err := Open(ctx, filepath.Join(dir, "tether.db"))
		if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), "is not writable: permission denied") {
			t.Fatalf("Open = %v; want ErrUnwritable, permission denied", err)
		}
	})
	t.Run("existing journal in a read-only folder", func(t *testing.T) {
		skipIfRoot(t)
		dir := filepath.Join(t.TempDir(), "locked")
		path := filepath.Join(dir, "tether.db")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		os.Chmod(dir, 0o500)
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		before := hashFile(t, path)
		_, err = Open(ctx, path)
		if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), "the folder "+dir+" is not writable") {
			t.Fatalf("Open = %v; want ErrUnwritable naming the folder", err)
		}
		if hashFile(t, path) != before {
			t.Error("the file was changed")
		}
	})
	t.Run("read-only file", func(t *testing.T) {
		skipIfRoot(t)
		path := filepath.Join(t.TempDir(), "tether.db")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		os.Chmod(path, 0o400)
		_, err = Open(ctx, path)
		if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), "the file is not writable: permission denied") {
			t.Fatalf("Open = %v; want ErrUnwritable, permission denied", err)
		}
	})
}

func skipIfRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop root, so this refusal cannot be provoked here")
	}
}

// TestPathWithURISyntax: '?', '#', '%' and spaces in a folder name must not
// be read as parts of the SQLite URI (which would open some other file).
func TestPathWithURISyntax(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "my journal? #1 100% mine")
	path := filepath.Join(dir, "tether.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := listDir(t, root); !slices.Equal(got, []string{filepath.Base(dir)}) {
		t.Errorf("the parent folder holds %v; SQLite opened a different file", got)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{"tether.db"}) {
		t.Errorf("the journal folder holds %v", got)
	}
	s = openAt(t, path)
	if got, err := s.Contact(ctx, saved.ID); err != nil || got.Name != saved.Name {
		t.Errorf("after reopen: %+v, %v", got, err)
	}
}

func TestEmptyPathRefused(t *testing.T) {
	if _, err := Open(context.Background(), ""); err == nil {
		t.Fatal("Open(\"\") succeeded")
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestOpenAfterCrash opens a copy of a journal taken while it was open, as a
// killed process leaves it: the schema and the contacts are still only in
// the -wal, and the file's own header does not yet say it is a journal.
func TestOpenAfterCrash(t *testing.T) {
	ctx := context.Background()
	live := filepath.Join(t.TempDir(), "tether.db")
	s, err := Open(ctx, live)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	crashed := filepath.Join(t.TempDir(), "tether.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(live + suffix)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, crashed+suffix, b)
	}
	s.Close()
	if hdr, _ := os.ReadFile(crashed); len(hdr) < 100 || string(hdr[68:72]) != "\x00\x00\x00\x00" {
		t.Fatal("the copied file's header already names Tether; this test needs one that does not")
	}

	s = openAt(t, crashed)
	got, err := s.Contact(ctx, saved.ID)
	if err != nil || got.Name != saved.Name {
		t.Fatalf("after the crash: %+v, %v", got, err)
	}
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
}

// TestWriteTransactionsLockAtBegin: a write transaction holds the write
// lock from BEGIN (_txlock=immediate), so a second window's write waits
// for it under busy_timeout instead of failing half way through.
func TestWriteTransactionsLockAtBegin(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	other := plainDB(t, "file:"+escapePath(s.Path())+"?_pragma=busy_timeout(0)")
	defer other.Close()
	if _, err := other.Exec(`BEGIN IMMEDIATE`); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Errorf("a second writer began while the first held its transaction: %v", err)
	}
}

// A journal cut short (a failing disk, an interrupted copy) is refused
// with a sentence that says what to do, and is not changed.
func TestTruncatedJournalIsDamagedAndUnchanged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "j.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		if _, err := s.SaveContact(ctx, model.Contact{Name: fmt.Sprintf("Person %d with a long enough name to fill pages", i)}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	if err := os.WriteFile(cut, full[:len(full)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	before := full[:len(full)/2]
	_, err = Open(ctx, cut)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "tether restore") {
		t.Fatalf("Open of a cut journal: %v", err)
	}
	after, _ := os.ReadFile(cut)
	if !bytes.Equal(before, after) {
		t.Fatal("the damaged journal was changed")
	}
}

// A window may quit while one of its reads is still running (a refresh
// after another window's write, say). Close waits for it, so that the last
// connection closes and folds the log into the file before the process
// ends; otherwise the log stays beside the journal, and a backup or a check
// refuses the file as "not closed cleanly".
func TestCloseWaitsForAReadUnderWay(t *testing.T) {
	ctx := context.Background()
	s, path := openToClose(t)
	if _, err := s.DataVersion(ctx); err != nil { // the watch's pinned connection too
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	read := make(chan error)
	go func() {
		read <- s.read(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM contacts`).Scan(&n); err != nil {
				return err
			}
			close(started)
			<-release
			return nil
		})
	}()
	<-started
	closed := make(chan error)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		close(release)
		t.Fatalf("Close returned (%v) while a read was under way", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if err := <-read; err != nil {
		t.Fatalf("the read under way: %v", err)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, filepath.Dir(path)); !slices.Equal(got, []string{"tether.db"}) {
		t.Errorf("after Close the folder holds %v", got)
	}
}

// The window's watch may look at the journal while it is being closed (its
// command outlives the app). It must not pin a connection Close has
// already passed: that one would never close, Close would wait for it in
// vain, and the log would stay beside the journal.
func TestCloseWhileTheWatchLooks(t *testing.T) {
	ctx := context.Background()
	for round := range 40 {
		s, path := openToClose(t)
		var lookers sync.WaitGroup
		for range 4 {
			lookers.Go(func() {
				for {
					if _, err := s.DataVersion(ctx); err != nil {
						return // closed
					}
				}
			})
		}
		if _, err := s.DataVersion(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		lookers.Wait()
		if got := listDir(t, filepath.Dir(path)); !slices.Equal(got, []string{"tether.db"}) {
			t.Fatalf("round %d: after Close the folder holds %v", round, got)
		}
	}
}

// TestCloseSaysWhyItWaits: a save still under way when the app ends (it
// waits for another window) is let finish, and the person is told once;
// a close with nothing under way says nothing.
func TestCloseSaysWhyItWaits(t *testing.T) {
	ctx := context.Background()
	s, _ := openToClose(t)
	started, release := make(chan struct{}), make(chan struct{})
	saved := make(chan error)
	go func() {
		saved <- s.write(ctx, func(tx *sql.Tx) error {
			close(started)
			<-release
			return nil // a write transaction, held open like a waiting save
		})
	}()
	<-started
	said := make(chan struct{}, 2)
	closed := make(chan error)
	go func() { closed <- s.CloseSaying(0, func() { said <- struct{}{} }) }()
	<-said // told while the save is still under way
	close(release)
	if err := <-saved; err != nil {
		t.Fatalf("the save under way: %v", err)
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if len(said) != 0 {
		t.Error("told more than once")
	}

	quiet, _ := openToClose(t)
	if err := quiet.CloseSaying(0, func() { t.Error("told although nothing was under way") }); err != nil {
		t.Fatal(err)
	}
}
