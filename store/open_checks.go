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

// Everything in this file runs before SQLite opens the journal for real.
// SQLite in WAL mode rewrites a file's header and leaves -wal and -shm files
// beside it the moment it connects, so a file we are going to refuse (a
// newer journal, another program's database, a text file passed by mistake)
// is inspected with plain reads, and is left byte for byte as it was.

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// identity is what decides whether a file is ours: the header's application
// id and user_version, and (for files that are not visibly ours) whether it
// holds any table, index, view or trigger.
type identity struct {
	appID   uint32
	version int32
	objects int // -1 when not looked at
}

// prepareFile makes sure path is a file SQLite may open as our journal:
// either a new empty file it created (with its folder, if missing), or an
// existing Tether journal this version can read, or an SQLite file with no
// schema and no owner. It reports whether it created the folder.
func prepareFile(path string) (createdDir bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return false, refuse(ErrIsDirectory, nil,
			"open journal %s: this is a directory; pass a file path with --db, such as %s",
			path, filepath.Join(path, "tether.db"))
	case err == nil && !fi.Mode().IsRegular():
		return false, refuse(ErrNotJournal, nil,
			"open journal %s: this is not a regular file, so it is not a Tether journal; it was not changed", path)
	case err == nil:
		return false, checkExisting(path)
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return createFile(path)
	default:
		return false, refuse(ErrUnwritable, err, "open journal %s: cannot reach the file", path)
	}
}

// createFile creates the folder (0700) and an empty journal file (0600)
// ourselves, so the modes never depend on the umask and SQLite never
// creates anything with looser ones.
func createFile(path string) (createdDir bool, err error) {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); err != nil {
		createdDir = true
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, refuse(ErrUnwritable, err, "open journal %s: the folder %s cannot be created", path, dir)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		// Another Tether created it between our stat and now: judge theirs.
		return createdDir, checkExisting(path)
	}
	if err != nil {
		return createdDir, refuse(ErrUnwritable, err, "open journal %s: the folder %s is not writable", path, dir)
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil && !ignorableChmod(err) {
		return createdDir, fmt.Errorf("open journal %s: make it private: %w", path, err)
	}
	return createdDir, f.Close()
}

// checkExisting inspects an existing file without letting SQLite near it.
func checkExisting(path string) error {
	// Opening it read-write ourselves is the honest writability test:
	// permission bits, ACLs, read-only mounts and immutable flags all answer.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return refuse(ErrUnwritable, err, "open journal %s: the file is not writable", path)
	}
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	f.Close()
	switch {
	case n == 0 && errors.Is(err, io.EOF):
		// An empty file (perhaps one we created before a crash) is new.
		return checkFolder(path)
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("open journal %s: read the header: %w", path, err)
	case n < len(hdr) || string(hdr[:len(sqliteMagic)]) != sqliteMagic:
		return refuse(ErrNotJournal, nil,
			"open journal %s: it is not a Tether journal (not an SQLite database); the file was not changed", path)
	}
	id := identity{
		version: int32(binary.BigEndian.Uint32(hdr[60:64])),
		appID:   binary.BigEndian.Uint32(hdr[68:72]),
		objects: -1,
	}
	if id.appID == 0 && id.version == 0 {
		// Possibly an SQLite file nobody has used yet: look inside, without
		// writing anything, before adopting it.
		if id, err = probe(path); err != nil {
			return refuse(ErrNotJournal, err,
				"open journal %s: it looks like an SQLite database but cannot be read; the file was not changed", path)
		}
	}
	if err := judge(path, id); err != nil {
		return err
	}
	if id.appID == applicationID && hdr[18] != walFormat {
		// Connecting switches a rollback-mode file to WAL, which rewrites
		// its header: a file whose schema is refused must be refused
		// before that. (A WAL journal is checked once connected, in start,
		// where the log is read too.)
		if err := probeSchema(path); err != nil {
			return err
		}
	}
	return checkFolder(path)
}

// walFormat is the header's file format version (bytes 18 and 19) of a
// database in WAL mode; 1 is rollback mode.
const walFormat = 2

// probeSchema checks a file's schema through a read-only connection, as
// probe reads its identity.
func probeSchema(path string) error {
	q := "?mode=ro&immutable=1"
	if exists(path + "-wal") {
		q = "?mode=ro"
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+q)
	if err != nil {
		return fmt.Errorf("open journal %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return checkSchema(context.Background(), db, path, "open journal "+path)
}

// judge turns an identity into a refusal, or nil when the file is ours (at
// a version we know) or is an SQLite file with nothing in it and no owner.
func judge(path string, id identity) error {
	switch {
	case id.appID == applicationID && int(id.version) > latestVersion():
		return refuse(ErrNewerJournal, nil,
			"open journal %s: it was written by a newer Tether (schema %d; this one knows %d). Update Tether to open it; the file was not changed.",
			path, id.version, latestVersion())
	case id.appID == applicationID:
		return nil
	case id.appID == 0 && id.version == 0 && id.objects == 0:
		// Nobody has claimed or used it yet. A file another program has
		// stamped with its own application id is refused even when empty.
		return nil
	default:
		return refuse(ErrForeignDatabase, nil,
			"open journal %s: it is another program's SQLite database, not a Tether journal; the file was not changed", path)
	}
}

// checkFolder makes sure SQLite will be able to create the -wal and -shm
// files beside the journal; without it the failure comes later, as an
// obscure "unable to open database file".
func checkFolder(path string) error {
	dir := filepath.Dir(path)
	if err := writable(dir); err != nil {
		return refuse(ErrUnwritable, err, "open journal %s: the folder %s is not writable", path, dir)
	}
	return nil
}

// probe reads the identity through SQLite itself, read-only. Without a -wal
// file the main file is the whole database, and immutable=1 makes SQLite
// read it with no locks and no -shm; with one, SQLite must read the log
// (and may leave a -shm beside it, which is harmless and never removed).
func probe(path string) (identity, error) {
	// Another Tether may be creating this journal at this very moment
	// (two windows opened together on a new journal): its log is being
	// written or recovered, and a read meets "database is locked". That
	// is a wait, not a file that cannot be read.
	deadline := time.Now().Add(probePatience)
	for {
		id, err := probeOnce(path)
		if !isBusy(err) || time.Now().After(deadline) {
			return id, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// probePatience is how long probe waits for a journal another Tether is
// creating: far longer than creating one takes.
const probePatience = 3 * time.Second

func probeOnce(path string) (identity, error) {
	walExisted := exists(path + "-wal")
	q := "?mode=ro&immutable=1"
	if walExisted {
		q = "?mode=ro"
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+q)
	if err != nil {
		return identity{}, err
	}
	// Nothing beside the journal is ever removed here: a -wal or -shm that
	// appears meanwhile may belong to another window creating this journal
	// right now, and deleting it would lose that window's writes.
	defer db.Close()
	db.SetMaxOpenConns(1)
	return queryIdentity(context.Background(), db)
}

// readIdentity is probe's question asked on the real connection, after
// Open: in WAL mode the file header can lag behind the log.
func (s *Store) readIdentity(ctx context.Context) (identity, error) {
	return queryIdentity(ctx, s.db)
}

func queryIdentity(ctx context.Context, db *sql.DB) (identity, error) {
	// SQLite reports both header fields as signed 32-bit numbers; another
	// program's application id may well have the top bit set.
	var appID, version int64
	var objects int
	err := db.QueryRowContext(ctx,
		`SELECT (SELECT application_id FROM pragma_application_id),
		        (SELECT user_version FROM pragma_user_version),
		        (SELECT count(*) FROM sqlite_schema)`).
		Scan(&appID, &version, &objects)
	return identity{appID: uint32(appID), version: int32(version), objects: objects}, err
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
