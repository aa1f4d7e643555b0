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
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/tether-recovery/tether/internal/wholefile"
)

// More refusals, for errors.Is (see errors.go).
var (
	// ErrDamaged: the file is a Tether journal whose pages fail SQLite's
	// integrity check.
	ErrDamaged = errors.New("journal damaged")
	// ErrInUse: another Tether (or another program) has the journal open,
	// so it cannot be replaced now.
	ErrInUse = errors.New("journal in use")
	// ErrIncomplete: the file has a -wal or -journal beside it, so the file
	// alone may not hold everything; it is in use, or was not closed.
	ErrIncomplete = errors.New("journal file incomplete without its log")
)

// JournalFile is a journal file that passed CheckJournalFile.
type JournalFile struct {
	Path    string // absolute
	Version int    // its schema version, at most this Tether's
	Size    int64  // bytes
}

// CheckJournalFile checks, without writing a byte or leaving a file beside
// it, that path is a whole Tether journal this Tether can read: a regular
// file, an SQLite database stamped as a Tether journal (not another
// program's, and not from a newer Tether), with no unfinished log beside it,
// whose pages pass PRAGMA integrity_check. It is the check a backup passes
// before it is reported, and a file passes before it is restored. The
// error is one sentence a person can act on.
func CheckJournalFile(ctx context.Context, path string) (JournalFile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return JournalFile{}, fmt.Errorf("check %s: %w", path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return JournalFile{}, refuse(ErrNotJournal, nil, "%s: there is no such file", abs)
	case err != nil:
		return JournalFile{}, refuse(ErrNotJournal, err, "%s: cannot read the file", abs)
	case fi.IsDir():
		return JournalFile{}, refuse(ErrIsDirectory, nil, "%s is a directory, not a journal file", abs)
	case !fi.Mode().IsRegular():
		return JournalFile{}, refuse(ErrNotJournal, nil, "%s is not a regular file, so it is not a Tether journal", abs)
	}
	id, err := readHeader(abs)
	if err != nil {
		return JournalFile{}, err
	}
	switch {
	case id.appID != applicationID:
		return JournalFile{}, refuse(ErrForeignDatabase, nil,
			"%s is not a Tether journal (an SQLite database without Tether's mark)", abs)
	case int(id.version) > latestVersion():
		return JournalFile{}, refuse(ErrNewerJournal, nil,
			"%s was written by a newer Tether (schema %d; this one knows %d); update Tether to use it",
			abs, id.version, latestVersion())
	case id.version < 1:
		return JournalFile{}, refuse(ErrForeignDatabase, nil, "%s is not a Tether journal (it has no schema)", abs)
	}
	for _, side := range []string{abs + "-wal", abs + "-journal"} {
		if sfi, err := os.Stat(side); err == nil && sfi.Size() > 0 {
			return JournalFile{}, refuse(ErrIncomplete, nil,
				"%s is open in another program, or was not closed cleanly (%s is beside it); close that program, or open the file once with tether --db, and try again",
				abs, filepath.Base(side))
		}
	}
	// immutable=1: no locks, no -shm, nothing written beside the file. Safe
	// because the file is not in use (no log beside it) and is only read.
	db, err := sql.Open("sqlite", "file:"+escapePath(abs)+"?mode=ro&immutable=1")
	if err != nil {
		return JournalFile{}, fmt.Errorf("check %s: %w", abs, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	result, err := integrity(ctx, db)
	if err != nil {
		return JournalFile{}, refuse(ErrDamaged, nil, "%s is damaged and cannot be read (%s)", abs, printable(err.Error()))
	}
	if result != "ok" {
		return JournalFile{}, refuse(ErrDamaged, nil, "%s is damaged: the integrity check says %q", abs, printable(result))
	}
	// The tables every Tether journal has, so a file stamped by hand is
	// not taken for one.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM settings)`).Scan(&n); err != nil {
		return JournalFile{}, refuse(ErrForeignDatabase, nil, "%s is not a Tether journal (its tables are missing)", abs)
	}
	// Last, as the costliest question after the pages: is every table,
	// index, trigger and view the one Tether makes for this version?
	if problem, err := schemaProblem(ctx, db, int(id.version)); err != nil || problem != "" {
		if err != nil {
			return JournalFile{}, refuse(ErrDamaged, nil, "%s cannot be read: its schema is unreadable", abs)
		}
		return JournalFile{}, refuse(ErrForeignSchema, nil, "%s: this journal %s; it was left unchanged", abs, problem)
	}
	return JournalFile{Path: abs, Version: int(id.version), Size: fi.Size()}, nil
}

// integrity runs PRAGMA integrity_check and returns its first line: "ok"
// when all is well.
func integrity(ctx context.Context, db *sql.DB) (string, error) {
	var first string
	err := db.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&first)
	return first, err
}

// readHeader reads a file's SQLite header, read-only.
func readHeader(path string) (identity, error) {
	f, err := os.Open(path)
	if err != nil {
		return identity{}, refuse(ErrNotJournal, err, "%s: cannot read the file", path)
	}
	defer f.Close()
	hdr := make([]byte, 100)
	if n, err := io.ReadFull(f, hdr); err != nil || string(hdr[:len(sqliteMagic)]) != sqliteMagic {
		if n == 0 {
			return identity{}, refuse(ErrNotJournal, nil, "%s is empty, not a Tether journal", path)
		}
		return identity{}, refuse(ErrNotJournal, nil, "%s is not a Tether journal (not an SQLite database)", path)
	}
	return identity{
		version: int32(binary.BigEndian.Uint32(hdr[60:64])),
		appID:   binary.BigEndian.Uint32(hdr[68:72]),
		objects: -1,
	}, nil
}

// Backup writes a consistent copy of the whole journal to path, a file that
// must not exist yet (an error wrapping fs.ErrExist says so, and nothing is
// touched), made private (0600). It uses VACUUM INTO, which reads one
// snapshot: entries committed before it starts are all in the copy, and a
// Tether window writing meanwhile neither waits nor is seen half-way. The
// copy is written under a temporary name beside path, checked as
// CheckJournalFile checks a file (and must be of this Tether's schema),
// flushed to the disk, and only then given its name: a backup killed
// half-way leaves nothing under path, and its temporary is removed by the
// next backup to path. A copy that fails is removed, and the error says why.
func (s *Store) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	exists := func() error {
		return &openError{kind: fs.ErrExist,
			msg: fmt.Sprintf("back up to %s: that file already exists; a backup never replaces a file, so choose a new name", abs)}
	}
	// A backup to this name that was killed left its temporary: remove it
	// now, even if this one goes no further.
	wholefile.CleanLeftovers(abs)
	if _, err := os.Lstat(abs); err == nil {
		return exists()
	}
	f, err := wholefile.Create(abs)
	if err != nil {
		return refuse(ErrUnwritable, err, "back up to %s: cannot create the file", abs)
	}
	tmp := f.Name()
	f.Close()
	placed := false
	defer func() {
		if !placed {
			wholefile.Remove(tmp)
		}
	}()
	// VACUUM INTO writes into an empty file, so the one made above (with
	// its mode) is the one filled.
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return inWords(fmt.Sprintf("back up to %s", abs), "nothing was written", err)
	}
	if err := syncFile(tmp); err != nil {
		return refuse(ErrUnwritable, err, "back up to %s: the copy could not be flushed to the disk, so nothing was written", abs)
	}
	got, err := CheckJournalFile(ctx, tmp)
	if err != nil {
		return fmt.Errorf("back up to %s: the copy failed its check, and was removed: %w", abs, err)
	}
	if got.Version != latestVersion() {
		return fmt.Errorf("back up to %s: the copy has schema %d, not %d, and was removed", abs, got.Version, latestVersion())
	}
	switch err := wholefile.Place(tmp, abs, false); {
	case errors.Is(err, fs.ErrExist):
		return exists()
	case err != nil:
		return refuse(ErrUnwritable, err, "back up to %s: the checked copy could not be given its name, so nothing was written", abs)
	}
	placed = true
	return nil
}

// syncFile flushes a file and its folder's entry to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir makes a file's creation or renaming durable. Not every system
// can sync a folder, and failing to is no reason to fail.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Restore replaces the journal at journal with a copy of the journal file
// from, and returns where the journal it replaced was kept (empty when
// there was none). from must pass CheckJournalFile; it is copied, never
// moved, and the copy is checked again before it goes in. The journal it
// replaces must be a Tether journal (or an empty file), and no other
// Tether may have it open: Restore takes it over first (switching it out of
// WAL mode, which SQLite allows only to the last connection, checkpoints
// its log into it), and refuses with ErrInUse when it cannot. That journal
// is kept whole beside the new one as journal.before-restore-YYYYMMDD-HHMMSS
// (now, in its own zone), and the new one is private (0600). At every
// moment the journal path names either the old journal or the new one.
func Restore(ctx context.Context, journal, from string, now time.Time) (kept string, err error) {
	jabs, err := filepath.Abs(journal)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if jabs, err = linkTarget(jabs); err != nil {
		return "", err
	}
	src, err := CheckJournalFile(ctx, from)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	srcInfo, err := os.Stat(src.Path)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	dir := filepath.Dir(jabs)
	cur, err := os.Stat(jabs)
	exists := err == nil
	switch {
	case exists && cur.IsDir():
		return "", refuse(ErrIsDirectory, nil, "restore: the journal path %s is a directory; pass a file path with --db", jabs)
	case exists && os.SameFile(cur, srcInfo):
		return "", fmt.Errorf("restore: %s is the journal itself; choose a backup to restore", src.Path)
	case exists && !cur.Mode().IsRegular():
		return "", refuse(ErrNotJournal, nil, "restore: the journal path %s is not a regular file; choose another with --db", jabs)
	case exists:
		if err := replaceable(jabs, cur.Size()); err != nil {
			return "", err
		}
		if cur.Size() > 0 {
			unlock, err := takeOver(ctx, jabs)
			if err != nil {
				return "", err
			}
			defer unlock()
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", refuse(ErrUnwritable, err, "restore: the folder %s cannot be created", dir)
		}
	default:
		return "", refuse(ErrUnwritable, err, "restore: cannot reach the journal %s", jabs)
	}

	cleanRestoreLeftovers(dir)
	tmp, err := copyToTemp(src.Path, dir)
	if err != nil {
		return "", fmt.Errorf("restore: copy %s into %s: %w", src.Path, dir, err)
	}
	placed := false
	defer func() {
		if !placed {
			os.Remove(tmp)
		}
	}()
	if _, err := CheckJournalFile(ctx, tmp); err != nil {
		return "", fmt.Errorf("restore: the copy of %s failed its check, so nothing was changed: %w", src.Path, err)
	}
	if exists {
		if kept, err = keepAside(jabs, now); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, jabs); err != nil {
		if kept != "" {
			// The journal was linked, not moved, unless linking is not
			// possible here; put it back if it was moved.
			if _, serr := os.Stat(jabs); errors.Is(serr, fs.ErrNotExist) {
				os.Rename(kept, jabs)
			}
		}
		return "", fmt.Errorf("restore: put the copy in place: %w", err)
	}
	placed = true
	syncDir(dir)
	return kept, nil
}

// restoreTempPattern names the copy a restore fills before renaming it
// over the journal; a hidden name, so that a restore killed half-way leaves
// nothing a person could take for a journal.
const restoreTempPattern = ".tether-restore-*.db"

// cleanRestoreLeftovers removes the copies of restores killed before
// their rename. It runs once the journal is held (or there is none to
// hold): the copy of a restore under way belongs to a process that holds
// the journal too, or waits for it.
func cleanRestoreLeftovers(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, restoreTempPattern))
	for _, name := range names {
		if fi, err := os.Lstat(name); err == nil && fi.Mode().IsRegular() {
			os.Remove(name)
		}
	}
}

// linkTarget is where a journal path that is a symbolic link points (a
// journal kept on another disk, linked into place): the journal there is
// the one replaced, and the link is kept. A link to nowhere yet is
// followed too, so the restored journal appears where the link says.
func linkTarget(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", refuse(ErrUnwritable, err, "restore: cannot read where the link %s points", path)
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = filepath.Clean(to)
	}
	return "", refuse(ErrNotJournal, nil, "restore: the journal path %s is a loop of links; choose the journal with --db", path)
}

// replaceable refuses to replace a file that is not a Tether journal this
// Tether knows: a slip of --db must not set a person's other file aside.
func replaceable(path string, size int64) error {
	if size == 0 {
		return nil
	}
	id, err := readHeader(path)
	if err != nil {
		return refuse(ErrNotJournal, nil,
			"restore: %s is not a Tether journal, so it was not replaced; move it away, or choose the journal with --db", path)
	}
	if id.appID == 0 && id.version == 0 {
		if id, err = probe(path); err != nil {
			return refuse(ErrNotJournal, err, "restore: %s cannot be read, so it was not replaced", path)
		}
	}
	if err := judge(path, id); err != nil {
		return fmt.Errorf("restore: %w; it was not replaced", err)
	}
	return nil
}

// takeOver makes sure no other connection has the journal open and keeps
// it so until unlock. In WAL mode even an exclusive transaction lets
// readers in, and an idle window holds no lock at all; but leaving WAL mode
// needs every other connection gone, so SQLite's refusal to switch is the
// test. The switch also checkpoints the log into the file and removes the
// -wal and -shm, so the journal set aside is one whole file. An exclusive
// transaction in rollback mode then keeps everyone out while the files are
// swapped.
func takeOver(ctx context.Context, path string) (unlock func(), err error) {
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?_pragma=busy_timeout(1000)")
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("restore: open %s: %w", path, err)
	}
	fail := func(err error) (func(), error) {
		conn.Close()
		db.Close()
		if err == nil || busy(err) {
			return nil, refuse(ErrInUse, nil,
				"restore: the journal %s is open in another Tether window or program; close Tether first, then restore", path)
		}
		return nil, fmt.Errorf("restore: cannot take over the journal %s (%s); if it is damaged, move it away yourself and restore again",
			path, printable(err.Error()))
	}
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		return fail(err)
	}
	if !strings.EqualFold(mode, "delete") {
		return fail(nil) // SQLite kept WAL mode: another connection has it
	}
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		return fail(err)
	}
	return func() {
		conn.ExecContext(context.Background(), `ROLLBACK`)
		conn.Close()
		db.Close()
	}, nil
}

// busy reports SQLite's "someone else has it" answers.
func busy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code() & 0xff
		return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
	}
	return false
}

// copyToTemp copies src into a new private file in dir, flushed to disk.
func copyToTemp(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, restoreTempPattern)
	if err != nil {
		return "", err
	}
	name := out.Name()
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Chmod(0o600)
		if ignorableChmod(err) {
			err = nil
		}
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// keepAside gives the journal a second name, path.before-restore-STAMP (-2,
// -3... if taken), and returns it. A hard link leaves the journal at its
// own name too until the new one replaces it in one rename; where links
// cannot be made, the journal is renamed.
func keepAside(path string, now time.Time) (string, error) {
	base := path + ".before-restore-" + now.Format("20060102-150405")
	for i := 1; i < 1000; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		err := os.Link(path, name)
		if err == nil {
			return name, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if _, serr := os.Lstat(name); serr == nil {
			continue
		}
		if rerr := os.Rename(path, name); rerr != nil {
			return "", fmt.Errorf("restore: keep the current journal as %s: %w", name, rerr)
		}
		return name, nil
	}
	return "", fmt.Errorf("restore: too many earlier restores beside %s; move some away", path)
}
