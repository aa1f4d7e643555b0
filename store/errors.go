package store

import (
	"errors"
	"fmt"
	"io/fs"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/tether-recovery/tether/model"
)

// Sentinel errors, for errors.Is. The errors Open returns carry a sentence a
// person can act on; these say which kind of refusal it was, so main can pick
// an exit code or a hint without parsing text.
var (
	// ErrNotFound: no contact (or other record) with that id.
	ErrNotFound = errors.New("not found")
	// ErrNewerJournal: the journal was written by a newer Tether, whose
	// schema this one does not know; it is refused untouched.
	ErrNewerJournal = errors.New("journal written by a newer Tether")
	// ErrNotJournal: the file is not an SQLite database at all.
	ErrNotJournal = errors.New("not an SQLite database")
	// ErrForeignDatabase: an SQLite database that belongs to another program.
	ErrForeignDatabase = errors.New("SQLite database of another program")
	// ErrIsDirectory: the journal path names a directory.
	ErrIsDirectory = errors.New("journal path is a directory")
	// ErrUnwritable: the file or its folder cannot be written (or created).
	ErrUnwritable = errors.New("journal not writable")
	// ErrNoJournal: OpenReadOnly found no journal at the path (no file, an
	// empty one, or an SQLite file nothing was ever written to); it makes
	// none.
	ErrNoJournal = errors.New("no journal yet")
	// ErrUnreadable: the journal file, or the way to it, cannot be read.
	ErrUnreadable = errors.New("journal not readable")
	// ErrReadOnly: a write to a journal opened with OpenReadOnly.
	ErrReadOnly = errors.New("the journal is open for reading only")
	// ErrDiskFull: the disk had no room for a save (or would not let the
	// journal grow); the transaction was undone, so nothing was changed.
	ErrDiskFull = errors.New("the disk is full")
)

// openError is a refusal from Open. Its text is exactly one sentence for a
// person (so it can go straight to stderr or the footer), while errors.Is
// still finds both the kind (a sentinel above) and the cause (fs errors).
type openError struct {
	msg   string
	kind  error
	cause error
}

func (e *openError) Error() string {
	if e.cause != nil {
		return e.msg + ": " + reason(e.cause)
	}
	return e.msg
}

func (e *openError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

func refuse(kind error, cause error, format string, args ...any) error {
	return &openError{msg: fmt.Sprintf(format, args...), kind: kind, cause: cause}
}

// reason is the short cause of a file-system error ("permission denied"):
// the path is already in our own sentence, and *fs.PathError would repeat it.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ContactError says which contact of a batch (AddContacts) was refused and
// why. Index is the position in the slice given (from 0); the message counts
// from 1, the way a person counts rows of a file.
type ContactError struct {
	Index    int
	Name     string
	Problems model.Problems
}

func (e *ContactError) Error() string {
	return fmt.Sprintf("contact #%d %q: %s", e.Index+1, e.Name, e.Problems.Error())
}

// Unwrap lets errors.As reach the model.Problems, as with SaveContact.
func (e *ContactError) Unwrap() error { return e.Problems }

// ReachOutError says which reach-out of a batch (AddReachOuts) was refused
// and why; Index counts from 0, the message from 1.
type ReachOutError struct {
	Index    int
	Problems model.Problems
}

func (e *ReachOutError) Error() string {
	return fmt.Sprintf("reach-out #%d: %s", e.Index+1, e.Problems.Error())
}

// Unwrap lets errors.As reach the model.Problems.
func (e *ReachOutError) Unwrap() error { return e.Problems }

// CheckInError says which check-in of a batch (AddCheckIns) was refused and
// why; Index counts from 0, the message from 1 and names the day.
type CheckInError struct {
	Index    int
	Day      model.Date
	Problems model.Problems
}

func (e *CheckInError) Error() string {
	return fmt.Sprintf("check-in #%d (%s): %s", e.Index+1, e.Day, e.Problems.Error())
}

// Unwrap lets errors.As reach the model.Problems.
func (e *CheckInError) Unwrap() error { return e.Problems }

// ReflectionError says which reflection of a batch (AddReflections) was
// refused and why; Index counts from 0, the message from 1 and names the
// week.
type ReflectionError struct {
	Index    int
	Week     model.Week
	Problems model.Problems
}

func (e *ReflectionError) Error() string {
	return fmt.Sprintf("reflection #%d (%s): %s", e.Index+1, e.Week, e.Problems.Error())
}

// Unwrap lets errors.As reach the model.Problems.
func (e *ReflectionError) Unwrap() error { return e.Problems }

// CheckupError says which check-up of a batch (AddCheckups) was refused and
// why; Index counts from 0, the message from 1 and names the instrument and
// the day.
type CheckupError struct {
	Index      int
	Instrument model.Instrument
	Day        model.Date
	Problems   model.Problems
}

func (e *CheckupError) Error() string {
	return fmt.Sprintf("check-up #%d (%s, %s): %s", e.Index+1, e.Instrument, e.Day, e.Problems.Error())
}

// Unwrap lets errors.As reach the model.Problems.
func (e *CheckupError) Unwrap() error { return e.Problems }

// openFailed words an error met while opening: a damaged file, or a disk
// with no room for the journal's working files, gets a sentence that says
// what to do; anything else keeps SQLite's words.
func openFailed(path string, err error) error {
	if d := damaged(path, err); d != nil {
		return d
	}
	if full, refused := noRoom(err); full || refused {
		return &diskFullError{cause: err, msg: fmt.Sprintf(
			"open journal %s: there is no room on the disk for the journal's working files (is it full?); "+
				"the file was not changed. Free some space and try again", path)}
	}
	return fmt.Errorf("open journal %s: %w", path, err)
}

// damaged is the sentence for a journal SQLite found damaged (cut short,
// overwritten), or nil when err says something else.
func damaged(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_CORRUPT || se.Code()&0xff == sqlite3.SQLITE_NOTADB) {
		return fmt.Errorf("open journal %s: it is damaged and cannot be read; the file was not changed. "+
			"'tether restore BACKUP' puts a backup in its place: %w", path, ErrDamaged)
	}
	return nil
}

// diskFullError is a save, or an open, that found no room on the disk. Its
// text is a sentence for a person, without SQLite's numbers; errors.Is
// still finds ErrDiskFull, and errors.As SQLite's own error.
type diskFullError struct {
	msg   string
	cause error
}

func (e *diskFullError) Error() string   { return e.msg }
func (e *diskFullError) Unwrap() []error { return []error{ErrDiskFull, e.cause} }

// noRoom sorts SQLite's answers to a write the disk refused. A full disk
// (ENOSPC) is SQLITE_FULL. Any other refused write SQLite calls an I/O
// error, so refused also covers IOERR_WRITE (a file size limit, a quota,
// some file systems when full, a failing disk) and IOERR_SHMSIZE (no room
// to grow the -shm working file, met when opening).
func noRoom(err error) (full, refused bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false, false
	}
	switch se.Code() {
	case sqlite3.SQLITE_FULL:
		return true, false
	case sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_SHMSIZE:
		return false, true
	}
	return false, false
}

// saveFailed words a write transaction's failure. Every write runs in one
// transaction that SQLite undoes when it fails, so a save the disk refused
// changed nothing, and the sentence says so; other errors pass unchanged
// (nil stays nil).
func saveFailed(err error) error {
	switch full, refused := noRoom(err); {
	case full:
		return &diskFullError{cause: err, msg: "the disk is full, so nothing was saved (free some space and try again)"}
	case refused:
		return &diskFullError{cause: err, msg: "the journal could not be written to the disk (is it full?), so nothing was saved"}
	}
	return err
}

// isBusy reports SQLite's "database is locked": another connection holds
// a lock this one could not wait for.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}
