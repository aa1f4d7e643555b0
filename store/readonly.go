package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// How a reader connects, in the order OpenReadOnly tries them.
type readMode int

const (
	// readQueryOnly connects read-write but with query_only set, so that
	// nothing can be written through it. A WAL journal needs a -wal and a
	// -shm for any reader; a connection that may write removes them when
	// it is the last one to close, so a reader leaves the folder as it
	// found it (a read-only connection cannot, and left both behind). A
	// log left by a crash is checkpointed into the file on that close, as
	// any Tether would: the journal's contents are the same.
	readQueryOnly readMode = iota
	// readOnly opens the file read-only: for a journal the person cannot
	// write (its mode, another owner's) whose folder still takes a -shm.
	readOnly
	// readImmutable reads the file alone, with no locks and nothing beside
	// it: only when no log holds data, so the file is the whole journal.
	readImmutable
)

// roDSN opens the journal for reading only. There is no journal_mode
// pragma (a reader must not change it) and no _txlock (reads begin
// deferred). In WAL mode a reader is not blocked by a writer; busy_timeout
// covers the short moments it may still wait, as when another connection
// is recovering the log.
func roDSN(path string, mode readMode) string {
	q := "?_pragma=busy_timeout(10000)&_pragma=query_only(1)"
	switch mode {
	case readOnly:
		q = "?mode=ro&_pragma=busy_timeout(10000)&_pragma=query_only(1)"
	case readImmutable:
		q = "?mode=ro&immutable=1&_pragma=query_only(1)"
	}
	return "file:" + escapePath(path) + q
}

// OpenReadOnly opens an existing journal for reading only, for `tether
// sos`: no migration, no chmod, nothing written to the journal, nothing
// left beside it, and it works while another Tether holds the journal open
// and is saving. Every method that writes fails with ErrReadOnly. Like
// Open it refuses, with a sentence a person can act on and without
// changing the file, what is not a Tether journal, was written by a newer
// Tether, or has a schema Tether did not make; where there is no journal
// (no file, an empty one, or an SQLite file nothing was written to) the
// error is ErrNoJournal, and none is made. A journal of an older schema is
// read as it is: methods that need a later table fail (OpenForReading
// refuses it instead).
//
// When the journal cannot be opened the usual way (the disk is full, so
// SQLite cannot make its -shm; the folder is read-only) and no log beside
// it holds data, it is read as unchanging, and Unchanging says why.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open journal: no file given; pass one with --db")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", path, err)
	}
	if err := checkReadable(abs); err != nil {
		return nil, err
	}
	first := readQueryOnly
	var firstErr error
	if writable(filepath.Dir(abs)) != nil {
		// SQLite could not remove what it made beside the journal.
		first = readOnly
	}
	if writable(abs) != nil && logIsEmpty(abs) {
		// A file this person cannot write: SQLite would open it read-only
		// and leave the -wal and -shm it made, unable to remove them. No
		// log holds data, so the file is the whole journal.
		first = readImmutable
	}
	if n, ok := freeBytes(filepath.Dir(abs)); ok && n < readerRoom && logIsEmpty(abs) {
		// SQLite would make a -wal, then fail to size the -shm, and leave
		// both behind: read the file as it is, and say why.
		first, firstErr = readImmutable, refuse(ErrDiskFull, nil, "the disk is full")
	}
	for mode := first; mode <= readImmutable; mode++ {
		if mode == readImmutable && !logIsEmpty(abs) {
			break
		}
		s, err := connectReadOnly(ctx, abs, mode)
		if err == nil {
			if mode == readImmutable {
				s.unchanging = unchangingReason(abs, firstErr)
			}
			return s, nil
		}
		if verdict(err) || ctx.Err() != nil {
			return nil, err
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, firstErr
}

// readerRoom is the room a reader of a WAL journal needs beside it: the
// 32 KiB -shm SQLite maps, with some to spare.
const readerRoom = 64 << 10

// OpenForReading is OpenReadOnly for the commands that read a journal and
// print it (due, contact list, export): it also refuses a journal of an
// older schema, which they cannot read whole, rather than update it, since
// a command that only reads must not write; opening the app once updates it.
func OpenForReading(ctx context.Context, path string) (*Store, error) {
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		s.Close()
		return nil, refuse(ErrUnreadable, nil, "open journal %s: its schema version cannot be read", s.path)
	}
	if v < latestVersion() {
		s.Close()
		return nil, refuse(ErrOlderJournal, nil,
			"open journal %s: this journal was made by an older Tether; open the app once (run tether) to update it, then try again", s.path)
	}
	return s, nil
}

// Unchanging says, in a few words ("the disk is full"), why the journal
// could not be opened the usual way and was read as an unchanging file
// (see OpenReadOnly); "" when it was opened the usual way.
func (s *Store) Unchanging() string { return s.unchanging }

// unchangingReason words the failure that made OpenReadOnly read the file
// as unchanging.
func unchangingReason(path string, err error) string {
	var se *sqlite.Error
	full, refused := noRoom(err)
	switch {
	case full || refused || errors.Is(err, ErrDiskFull) || errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	case writable(filepath.Dir(path)) != nil:
		return "its folder cannot be written"
	case writable(path) != nil:
		return "it is read-only"
	case errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_READONLY:
		return "it is read-only"
	}
	return "its working files could not be made beside it"
}

// verdict: the journal was judged (not ours, too new, foreign schema, none
// there), so another way of connecting would only be judged the same.
func verdict(err error) bool {
	for _, kind := range []error{ErrNoJournal, ErrNotJournal, ErrForeignDatabase, ErrNewerJournal, ErrForeignSchema, ErrIsDirectory, ErrDamaged} {
		if errors.Is(err, kind) {
			return true
		}
	}
	return false
}

// logIsEmpty: no -wal beside the journal holds data, so the file alone is
// the whole journal. A writer that opens it meanwhile writes to its log,
// not to the file, until a checkpoint of at least one whole transaction.
func logIsEmpty(path string) bool {
	fi, err := os.Lstat(path + "-wal")
	return errors.Is(err, fs.ErrNotExist) || err == nil && fi.Mode().IsRegular() && fi.Size() == 0
}

func connectReadOnly(ctx context.Context, abs string, mode readMode) (*Store, error) {
	db, err := sql.Open("sqlite", roDSN(abs, mode))
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", abs, err)
	}
	s := &Store{Now: time.Now, db: db, path: abs, readOnly: true}
	if err := s.startReadOnly(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// startReadOnly connects and judges the journal as start does, now that
// SQLite has read the log too; it migrates nothing.
func (s *Store) startReadOnly(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		if d := damaged(s.path, err); d != nil {
			return d
		}
		return refuse(ErrUnreadable, err, "open journal %s: it cannot be read", s.path)
	}
	id, err := s.readIdentity(ctx)
	if err != nil {
		if d := damaged(s.path, err); d != nil {
			return d
		}
		return refuse(ErrUnreadable, err, "open journal %s: its schema version cannot be read", s.path)
	}
	if err := judge(s.path, id); err != nil {
		return err
	}
	if id.appID == 0 && id.version == 0 {
		return noJournal(s.path)
	}
	s.schema = int(id.version)
	return checkSchema(ctx, s.db, s.path, "open journal "+s.path)
}

// checkReadable is checkExisting for a reader: it inspects the file with
// plain reads, refuses what is not a journal before SQLite is let near it,
// and never creates anything.
func checkReadable(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return noJournal(path)
	case err != nil:
		return refuse(ErrUnreadable, err, "open journal %s: cannot reach the file", path)
	case fi.IsDir():
		return refuse(ErrIsDirectory, nil,
			"open journal %s: this is a directory; pass a file path with --db, such as %s",
			path, filepath.Join(path, "tether.db"))
	case !fi.Mode().IsRegular():
		return refuse(ErrNotJournal, nil,
			"open journal %s: this is not a regular file, so it is not a Tether journal; it was not changed", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return refuse(ErrUnreadable, err, "open journal %s: the file cannot be read", path)
	}
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	f.Close()
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		// Not "no journal": there is a file, and it is not a journal yet.
		return refuse(ErrNotJournal, nil,
			"open journal %s: the file is empty, so it is not a Tether journal; it was left unchanged", path)
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return refuse(ErrUnreadable, err, "open journal %s: the header cannot be read", path)
	case n < len(hdr) || string(hdr[:len(sqliteMagic)]) != sqliteMagic:
		return refuse(ErrNotJournal, nil,
			"open journal %s: it is not a Tether journal (not an SQLite database); the file was not changed", path)
	}
	id := headerIdentity(hdr)
	if id.appID == 0 && id.version == 0 {
		// A journal whose header still lags its log, or an SQLite file
		// nobody has used: look inside, as Open does.
		if id, err = probe(path); err != nil {
			return refuse(ErrNotJournal, err,
				"open journal %s: it looks like an SQLite database but cannot be read; the file was not changed", path)
		}
		if id.appID == 0 && id.version == 0 && id.objects == 0 {
			return noJournal(path)
		}
	}
	return judge(path, id)
}

// headerIdentity reads the identity from a file's first 100 bytes.
func headerIdentity(hdr []byte) identity {
	return identity{
		version: int32(binary.BigEndian.Uint32(hdr[60:64])),
		appID:   binary.BigEndian.Uint32(hdr[68:72]),
		objects: -1,
	}
}

func noJournal(path string) error {
	return refuse(ErrNoJournal, nil, "there is no journal yet at %s", path)
}
