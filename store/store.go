// Package store keeps Tether's journal: one SQLite file that holds the whole
// of a person's network and history. It opens (and refuses) journal files
// safely, migrates their schema, and answers the questions the views ask
// with model types, one method per question, every write in a transaction.
//
// A journal should be opened once per process: SQLite's POSIX locks belong
// to the process, and the file checks Open makes before connecting would
// release the locks of a second Store on the same file.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// Store is an open journal. It is safe for concurrent use.
type Store struct {
	// Now stamps created_at and updated_at; time.Now unless a test pins it.
	Now func() time.Time

	// WriteWait, when above zero, is how long a save waits for another
	// window's (or command's) save to finish before it gives up with an
	// error whose Busy method says so; otherwise it waits busy_timeout
	// (10 s). The app sets a short one: it says at once that another
	// window is saving and tries again itself, rather than freeze.
	WriteWait time.Duration

	db       *sql.DB
	path     string
	readOnly bool // opened by OpenReadOnly: every write is refused with ErrReadOnly
	// unchanging is why OpenReadOnly read the file as unchanging (immutable)
	// rather than the usual way, in words; "" when it did not.
	unchanging string

	// schema is the journal's schema version: the latest once Open has
	// migrated it, possibly older for a reader (see forSchema).
	schema int

	watchMu sync.Mutex
	watch   *sql.Conn // pinned for DataVersion; see watch.go
	closed  bool      // Close has begun: DataVersion pins no new connection

	// keys is a list's search keys in name order, for its filter (see
	// listkeys.go).
	keysMu sync.Mutex
	keys   *listKeys
}

// DefaultPath is where the journal lives unless the person chooses another
// file: $XDG_DATA_HOME/tether/tether.db, or ~/.local/share/tether/tether.db.
// The XDG base directory spec says a relative XDG_DATA_HOME is invalid and
// must be ignored, so it is.
func DefaultPath() (string, error) {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the journal: no home folder (%w); choose a file with --db", err)
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "tether", "tether.db"), nil
}

// dsn builds the connection string. The pragmas ride in the DSN so that every
// connection the pool opens gets them (db.Exec would reach only one);
// _txlock=immediate makes write transactions take the write lock at BEGIN,
// so a second Tether window waits (busy_timeout) instead of failing at once
// when its read turns into a write. The "file:" prefix and the escaped path
// keep '?', '#' and '%' in a folder name from being read as URI syntax.
// cache_size is 512 KiB a connection, not SQLite's 2 MB: the queries are
// indexed and the file is in the OS's cache anyway, and a window should
// stay small (issue 7: peak RSS under 20 MB on a decade of data).
// temp_store is memory: a statement that fires triggers keeps a statement
// journal of the pages it changes, and in a temporary file those were a
// write call each, 30% of an import's time (an xl import 256 → 213 s, its
// peak memory 35 → 38 MB).
func dsn(path string) string {
	return "file:" + escapePath(path) +
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
		"&_pragma=foreign_keys(1)&_pragma=cache_size(-512)&_pragma=busy_timeout(10000)&_pragma=temp_store(2)&_txlock=immediate"
}

// busyTimeout is the DSN's busy_timeout.
const busyTimeout = 10 * time.Second

func escapePath(path string) string { return (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() }

// Open opens the journal at path, creating it (and its folder) when missing
// and updating its schema when it was written by an older Tether. A file that
// is not a Tether journal, or is one from a newer Tether, is refused with an
// error whose text is one sentence a person can act on, and is not changed.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open journal: no file given; pass one with --db")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", path, err)
	}
	createdDir, err := prepareFile(abs)
	if err != nil {
		return nil, err
	}
	// The default folder, or one we made, is private; a folder the person
	// chose (their home, /tmp) is theirs to set, and is left alone.
	tightenDir := createdDir || filepath.Base(filepath.Dir(abs)) == "tether"
	if err := makePrivate(abs, tightenDir); err != nil {
		return nil, err
	}

	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", abs, err)
	}
	// A window needs few connections: the pinned one that watches for
	// changes and one for its reads and writes, taken in turn (each is a
	// millisecond or two). Each connection keeps its own page cache and
	// schema, so a third cost 0.8 MB at peak and bought no speed that the
	// speed harness could see.
	db.SetMaxOpenConns(2)
	s := &Store{Now: time.Now, db: db, path: abs}
	// A journal being created by another window at this very moment is
	// switching to WAL, and SQLite answers "busy" at once for that, whatever
	// the busy timeout: wait a little and try again.
	for attempt := 0; ; attempt++ {
		err = s.start(ctx)
		if err == nil || !isBusy(err) || attempt == 40 {
			break
		}
		select {
		case <-ctx.Done():
			db.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// start connects, confirms the journal is ours now that SQLite has read the
// log too, and migrates.
func (s *Store) start(ctx context.Context) error {
	s.schema = latestVersion()
	if err := s.db.PingContext(ctx); err != nil {
		return openFailed(s.path, err)
	}
	id, err := s.readIdentity(ctx)
	if err != nil {
		return openFailed(s.path, err)
	}
	if err := judge(s.path, id); err != nil {
		return err
	}
	// Before the migrations, which would build on whatever is there. A
	// journal in WAL mode (every journal Tether made) has not been written
	// by connecting; one in rollback mode was checked before connecting
	// (checkExisting), since switching it to WAL rewrites its header.
	if id.appID == applicationID {
		if err := checkSchema(ctx, s.db, s.path, "open journal "+s.path); err != nil {
			return err
		}
	}
	// A journal already at this schema needs no migration, and checking
	// that inside migrate's write transactions would make every start
	// (tether due runs in each new shell) wait on a window that is saving.
	// migrate reads the version again under the write lock otherwise.
	if int(id.version) == latestVersion() {
		return makePrivate(s.path, false)
	}
	if err := s.migrate(ctx); err != nil {
		return openFailed(s.path, err)
	}
	// SQLite has created -wal and -shm by now (with the journal's mode, but
	// make sure).
	return makePrivate(s.path, false)
}

// closeWait bounds how long Close waits for reads and writes under way: a
// write may wait out the busy timeout (10 s) for another window first.
const closeWait = 15 * time.Second

// Close closes the journal, once any read or write under way has ended.
// SQLite checkpoints the log into the file and removes it when the last
// connection closes; database/sql closes a busy connection only when its
// work ends, so a Close that returned at once would let the process end
// first, leaving the log beside the journal (a window quit during a
// refresh did).
func (s *Store) Close() error { return s.CloseSaying(closeWait, nil) }

// CloseSaying is Close for a person who is watching: when a read or write
// is still under way after patience (a save waiting for another window to
// finish its own), say is called once, so the person is told why Tether
// has not ended yet instead of waiting in silence.
func (s *Store) CloseSaying(patience time.Duration, say func()) error {
	s.watchMu.Lock()
	s.closed = true
	if s.watch != nil {
		s.watch.Close()
		s.watch = nil
	}
	s.watchMu.Unlock()
	err := s.db.Close()
	start := time.Now()
	deadline := start.Add(closeWait)
	for s.db.Stats().OpenConnections > 0 {
		if say != nil && time.Since(start) >= patience {
			say()
			say = nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("close journal %s: a read or write still under way after %v", s.path, closeWait)
		}
		time.Sleep(time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("close journal %s: %w", s.path, err)
	}
	return nil
}

// Path is the journal's absolute path.
func (s *Store) Path() string { return s.path }

func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// write runs fn in one transaction (BEGIN IMMEDIATE, from the DSN): all of
// it is committed, or none; a disk with no room is said in words.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if s.WriteWait > 0 {
		return s.writeWaiting(ctx, s.WriteWait, fn)
	}
	return saveFailed(inTx(ctx, s.db.BeginTx, fn))
}

// inTx runs fn in a transaction begun by begin, committed when fn succeeds.
func inTx(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(*sql.Tx) error) error {
	tx, err := begin(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// bigWriteCache is the page cache, in KiB, of a connection that writes
// much of the journal in one transaction (a sample journal's copies, a
// program's batch). With the 512 KiB the app's connections keep, the
// triggers and indexes such a write updates read the same pages from the
// file again and again. It is bounded, whatever the size of what is
// written.
const bigWriteCache = 64 << 10

// importCache is bigWriteCache for an import, which a person runs and
// waits on: its peak memory stays near a window's. On the xl sample (a
// busy 2-core machine): 512 KiB imported in 358 s at 31 MB; 16 MiB in 244
// s at 65 MB; 64 MiB in 198 s at 173 MB, the same whatever the file's size.
const importCache = 16 << 10

// writeBig runs fn in a transaction on a connection of its own with a
// page cache of cache KiB, which is closed afterwards, so the memory goes
// with it and the pool keeps its small caches.
func (s *Store) writeBig(ctx context.Context, cache int, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return saveFailed(err)
	}
	defer conn.Close()
	defer conn.Raw(func(any) error { return driver.ErrBadConn }) // not back to the pool
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", cache)); err != nil {
		return saveFailed(err)
	}
	return saveFailed(inTx(ctx, conn.BeginTx, fn))
}

// manyRows is how many rows one write adds (a sample journal's reach-outs,
// a batch from a program) from which it is written as writeBig writes:
// with the app's small cache, writing the large sample's 50,000
// reach-outs read the pages of their indexes back from the file again and
// again (a third of the time the large sample took to write).
const manyRows = 1000

// writeRows is write for a transaction that adds n rows.
func (s *Store) writeRows(ctx context.Context, n int, fn func(*sql.Tx) error) error {
	if n >= manyRows {
		return s.writeBig(ctx, bigWriteCache, fn)
	}
	return s.write(ctx, fn)
}

// writeWaiting is write on a connection of its own whose busy_timeout is
// wait for this one transaction, then back to the DSN's.
func (s *Store) writeWaiting(ctx context.Context, wait time.Duration, fn func(*sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return saveFailed(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", wait.Milliseconds())); err != nil {
		return saveFailed(err)
	}
	err = inTx(ctx, conn.BeginTx, fn)
	if _, reset := conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeout.Milliseconds())); reset != nil {
		// A connection left with the short wait must not go back to the
		// pool, where a command's long write could pick it up.
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	return saveFailed(err)
}

// read runs fn in a read-only transaction: a consistent snapshot across
// several queries (contacts, then their tags) without taking the write lock.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// makePrivate sets the journal and its -wal and -shm to 0600, and the folder
// to 0700 when tightenDir, on every open: a journal copied in from elsewhere
// or chmodded by hand becomes private again.
func makePrivate(path string, tightenDir bool) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, 0o600); err != nil && !ignorableChmod(err) {
			return fmt.Errorf("open journal %s: make %s private: %w", path, p, err)
		}
	}
	if tightenDir {
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o700); err != nil && !ignorableChmod(err) {
			return fmt.Errorf("open journal %s: make the folder %s private: %w", path, dir, err)
		}
	}
	return nil
}

// ignorableChmod: a -wal that is not there yet, or a file system without
// Unix modes (FAT on a USB stick refuses chmod) must not stop the journal
// from opening; there is nothing more private we could do there.
func ignorableChmod(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission)
}
