package store

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

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
	// ErrOlderJournal: OpenForReading found a journal of an older schema,
	// which only opening it for writing (the app) updates.
	ErrOlderJournal = errors.New("journal written by an older Tether")
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
	With     string // the contact's name, when known
	Problems model.Problems
}

func (e *ReachOutError) Error() string {
	if e.With != "" {
		return fmt.Sprintf("reach-out #%d: %s (the reach-out with %s)", e.Index+1, e.Problems.Error(), e.With)
	}
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

// problemWords is the model's problems as a person reads them: the
// sentences alone (each already names what it is about: "Your number 2 has
// no number to call"), without the field keys that Problems.Error shows.
func problemWords(p model.Problems) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	msgs := make([]string, len(keys))
	for i, k := range keys {
		msgs[i] = strings.TrimSuffix(p[k], ".")
	}
	return strings.Join(msgs, "; ")
}

// openFailed words an error met while opening: a damaged file, or a disk
// with no room for the journal's working files, gets a sentence that says
// what to do; anything else SQLite says is put in words by inWords.
func openFailed(path string, err error) error {
	if d := damaged(path, err); d != nil {
		return d
	}
	if full, refused := noRoom(err); full || refused {
		return &wordsError{kind: ErrDiskFull, cause: err, msg: fmt.Sprintf(
			"open journal %s: there is no room on the disk for the journal's working files (is it full?); "+
				"the file was not changed. Free some space and try again", path)}
	}
	return inWords("open journal "+path, "the file was not changed", err)
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

// wordsError is an SQLite error put in words: its text is a sentence for a
// person, without SQLite's numbers or names; errors.Is still finds its kind
// (ErrDiskFull, ErrReadOnly, ErrInUse...), and errors.As SQLite's own
// error.
type wordsError struct {
	msg   string
	kind  error
	cause error
	busy  bool // another connection held the journal (see Busy)
}

func (e *wordsError) Error() string { return e.msg }

// Busy reports that the journal was held by another window's or command's
// save for longer than this one would wait: trying again soon is the cure.
// The app asks for it by this method, not by importing the store.
func (e *wordsError) Busy() bool      { return e.busy }
func (e *wordsError) Unwrap() []error { return []error{e.kind, e.cause} }

// ErrJournalFailed: SQLite failed in a way that has no sentence of its own
// (a bug, or a file changed under Tether's feet); the message still says
// it in words.
var ErrJournalFailed = errors.New("the journal could not do what was asked")

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

// sentence is the one place an SQLite error becomes words: what happened,
// in a person's terms, then outcome (what it means for their journal:
// "nothing was saved"), and what to do. ok is false for an error that is
// not SQLite's.
func sentence(err error, outcome string) (msg string, kind error, ok bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return "", nil, false
	}
	if full, refused := noRoom(err); full {
		return "the disk is full, so " + outcome + " (free some space and try again)", ErrDiskFull, true
	} else if refused {
		return "the journal could not be written to the disk (is it full?), so " + outcome, ErrDiskFull, true
	}
	switch code := se.Code(); {
	case code == sqlite3.SQLITE_READONLY_DBMOVED:
		return "the journal was replaced while this was writing (another Tether is restoring this journal), so " +
			outcome + "; run the command again once the restore is done", ErrInUse, true
	case code&0xff == sqlite3.SQLITE_READONLY:
		return "the journal is read-only (check the permissions of the file and its folder), so " + outcome, ErrUnwritable, true
	case code&0xff == sqlite3.SQLITE_BUSY, code&0xff == sqlite3.SQLITE_LOCKED:
		return "another Tether is saving or restoring this journal and did not finish in time, so " +
			outcome + "; try again in a moment", ErrInUse, true
	case code&0xff == sqlite3.SQLITE_CORRUPT, code&0xff == sqlite3.SQLITE_NOTADB:
		return "the journal is damaged, so " + outcome + "; 'tether restore BACKUP' puts a backup in its place", ErrDamaged, true
	case code&0xff == sqlite3.SQLITE_CANTOPEN:
		return "the journal's file, or a working file beside it, could not be opened (check the folder and its permissions), so " +
			outcome, ErrUnreadable, true
	case code&0xff == sqlite3.SQLITE_PERM, code&0xff == sqlite3.SQLITE_AUTH:
		return "the system did not allow the journal to be used (check its permissions), so " + outcome, ErrUnreadable, true
	case code&0xff == sqlite3.SQLITE_IOERR:
		return "the disk reported an error reading or writing the journal, so " + outcome +
			"; check the disk, then try again", ErrUnreadable, true
	case code&0xff == sqlite3.SQLITE_NOMEM:
		return "the computer ran out of memory, so " + outcome + "; close some programs and try again", ErrJournalFailed, true
	case code&0xff == sqlite3.SQLITE_INTERRUPT:
		return "it was stopped before it was done, so " + outcome, ErrJournalFailed, true
	}
	return "the journal refused it (" + plainSQLite(se) + "), so " + outcome, ErrJournalFailed, true
}

// sqliteCodes are the numbers and names SQLite puts after its message:
// "database is locked (5) (SQLITE_BUSY)".
var sqliteCodes = regexp.MustCompile(`(\s*\((\d+|SQLITE_[A-Z_]+)\))+$`)

// plainSQLite is SQLite's own message without its numbers and names, for
// the errors no sentence covers (a trigger's or a constraint's words).
func plainSQLite(se *sqlite.Error) string {
	return printable(sqliteCodes.ReplaceAllString(se.Error(), ""))
}

// worded is err with its SQLite error put in words (see sentence), in the
// text around it ("check-up #2 (mspss, 2026-03-04): the disk is full, so
// nothing was saved"), or nil when err holds no SQLite error.
func worded(err error, outcome string) *wordsError {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	msg, kind, _ := sentence(err, outcome)
	if text, raw := err.Error(), se.Error(); text != raw && strings.Contains(text, raw) {
		msg = strings.Replace(text, raw, msg, 1)
	}
	return &wordsError{msg: msg, kind: kind, cause: err, busy: isBusy(err)}
}

// inWords is an error met while doing something ("back up to FILE") as one
// sentence: SQLite's errors in words (see sentence), any other error after
// doing as it is.
func inWords(doing, outcome string, err error) error {
	if err == nil {
		return nil
	}
	if we := worded(err, outcome); we != nil {
		we.msg = doing + ": " + we.msg
		return we
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// savingWhat wraps a save's error with what was being saved, except a
// *model.ChangedError, which already names the record and goes to an
// editor whole.
func savingWhat(err error, format string, args ...any) error {
	var changed *model.ChangedError
	if err == nil || errors.As(err, &changed) {
		return err
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// saveFailed words a write transaction's failure. Every write runs in one
// transaction that SQLite undoes when it fails, so a save that failed
// changed nothing, and the sentence says so; errors that are not SQLite's
// (a refusal of the model's rules) pass unchanged (nil stays nil).
func saveFailed(err error) error {
	if we := worded(err, "nothing was saved"); we != nil {
		return we
	}
	return err
}

// Words is the last guard before an error reaches a person: an SQLite error
// that no sentence of the store's has put in words yet is replaced, inside
// the text around it, by its sentence (nothing was changed by a failed
// statement: every write is one transaction). Other errors come back as
// they are.
func Words(err error) error {
	var done *wordsError
	if errors.As(err, &done) {
		return err
	}
	if we := worded(err, "nothing was changed"); we != nil {
		return we
	}
	return err
}

// isBusy reports SQLite's "database is locked": another connection holds
// a lock this one could not wait for.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}
