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
)

// roDSN opens the journal for reading only. SQLite opens the file
// read-only, so nothing can write to it through this connection whatever
// is asked of it; there is no journal_mode pragma (the file says WAL, and a
// reader cannot change it) and no _txlock (reads begin deferred). In WAL
// mode a reader is not blocked by a writer; busy_timeout covers the short
// moments it may still wait, as when another connection is recovering the
// log.
func roDSN(path string, immutable bool) string {
	q := "?mode=ro&_pragma=busy_timeout(10000)&_pragma=query_only(1)"
	if immutable {
		q = "?mode=ro&immutable=1&_pragma=query_only(1)"
	}
	return "file:" + escapePath(path) + q
}

// OpenReadOnly opens an existing journal for reading only, for `tether
// sos`: no migration, no chmod, nothing written to the journal, and it
// works while another Tether holds the journal open and is saving. Every
// method that writes fails with ErrReadOnly. Like Open it refuses, with a
// sentence a person can act on and without changing the file, what is not
// a Tether journal or was written by a newer Tether; where there is no
// journal (no file, an empty one, or an SQLite file nothing was written
// to) the error is ErrNoJournal, and none is made. A journal of an older
// schema is read as it is: methods that need a later table fail.
//
// When no other connection has the journal open, SQLite (as for any WAL
// reader) leaves an empty -wal and a -shm beside it, with the journal's own
// permissions; the next Tether to close the journal removes them.
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
	s, err := connectReadOnly(ctx, abs, false)
	if err != nil && fallsBackToImmutable(abs) {
		// The folder cannot be written (read-only media, or another
		// owner's folder), so SQLite cannot make the -shm a reader needs;
		// and with no -wal there, no Tether can be writing either: the file
		// alone is the whole journal, safe to read as unchanging.
		s, err = connectReadOnly(ctx, abs, true)
	}
	return s, err
}

func connectReadOnly(ctx context.Context, abs string, immutable bool) (*Store, error) {
	db, err := sql.Open("sqlite", roDSN(abs, immutable))
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
	return nil
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
		return noJournal(path)
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

// fallsBackToImmutable: the journal's folder cannot be written and no log
// is beside the journal, so nobody can be writing to it (see OpenReadOnly).
func fallsBackToImmutable(path string) bool {
	if _, err := os.Lstat(path + "-wal"); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return writable(filepath.Dir(path)) != nil
}
