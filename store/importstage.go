package store

import (
	"context"
	"database/sql"
	"errors"
	"io"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// Staged is a Tether JSON file read and checked as a stream
// (journalfile.ReadExport) and kept, record by record, in a private
// scratch database until ImportStaged writes it into a journal: a file of
// any size is imported in the same memory. A file is read once (an
// encrypted one decrypted once), whatever the order of its keys: the
// journal's uid, which decides whether the file is merged, comes after the
// records in what Tether writes.
//
// The scratch database is SQLite's private temporary one: a file in the
// system's temporary folder, removed as soon as it is made (nothing is
// left behind, even by a process killed), with a small cache; what it
// holds is what the import will write into the journal.
type Staged struct {
	db    *sql.DB
	head  journalfile.Export
	names map[int64]string // the file's contacts' names, by the file's id
}

// FileError is a file StageExport refused for what it holds: the sentence
// of journalfile.ReadExport, a journalfile.NewerError among them (reached
// with errors.As).
type FileError struct{ Err error }

func (e *FileError) Error() string { return e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// stagedLists are the lists of a file, each a table of the scratch
// database.
var stagedLists = []string{journalfile.ListContacts, journalfile.ListReachOuts, journalfile.ListCheckIns,
	journalfile.ListReflections, journalfile.ListCheckups, journalfile.ListPlans, journalfile.ListRemoved}

// scratchError is a failure of the scratch database, not of the file.
type scratchError struct{ err error }

func (e scratchError) Error() string { return "set the file's entries aside: " + e.err.Error() }

func (e scratchError) Unwrap() error { return e.err }

// StageExport reads the Tether JSON file r whole, checks it as
// journalfile.DecodeExport does, and keeps its records for ImportStaged.
// The error is a *FileError when the file is refused (nothing of it is
// kept), a *journalfile.ReadError when r itself fails, or a failure of the
// scratch database. Close the Staged when done.
func StageExport(ctx context.Context, r io.Reader) (*Staged, error) {
	db, err := sql.Open("sqlite", "") // private and temporary
	if err != nil {
		return nil, scratchError{err}
	}
	// One connection: a second would be a database of its own.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	st := &Staged{db: db, names: map[int64]string{}}
	if err := st.read(ctx, r); err != nil {
		db.Close()
		var scratch scratchError
		var read *journalfile.ReadError
		if errors.As(err, &scratch) || errors.As(err, &read) || ctx.Err() != nil {
			return nil, err
		}
		return nil, &FileError{err}
	}
	return st, nil
}

func (st *Staged) read(ctx context.Context, r io.Reader) error {
	schema := []string{`PRAGMA journal_mode = OFF`, `PRAGMA synchronous = OFF`,
		`CREATE TABLE keys (kind TEXT NOT NULL, key TEXT NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID`}
	for _, list := range stagedLists {
		schema = append(schema, `CREATE TABLE `+list+` (pos INTEGER PRIMARY KEY, record BLOB NOT NULL)`)
	}
	for _, q := range schema {
		if _, err := st.db.ExecContext(ctx, q); err != nil {
			return scratchError{err}
		}
	}
	tx, err := st.db.BeginTx(ctx, nil)
	if err != nil {
		return scratchError{err}
	}
	defer tx.Rollback()
	insert := map[string]*sql.Stmt{}
	for _, list := range stagedLists {
		if insert[list], err = tx.PrepareContext(ctx, `INSERT INTO `+list+` (pos, record) VALUES (?, ?)`); err != nil {
			return scratchError{err}
		}
	}
	first, err := tx.PrepareContext(ctx, `INSERT INTO keys (kind, key, pos) VALUES (?, ?, ?)
		ON CONFLICT (kind, key) DO UPDATE SET pos = pos RETURNING pos`)
	if err != nil {
		return scratchError{err}
	}
	st.head, err = journalfile.ReadExport(r, scratchKeys{ctx, first}, func(rec journalfile.Record) error {
		if c, ok := rec.Value.(model.Contact); ok {
			st.names[c.ID] = c.Name
		}
		if _, err := insert[rec.List].ExecContext(ctx, rec.Pos, []byte(rec.JSON)); err != nil {
			return scratchError{err}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return scratchError{err}
	}
	return nil
}

// scratchKeys keeps the keys of a file's records (journalfile.Keys) in
// the scratch database, by its primary key: the first record to give a key
// keeps its place.
type scratchKeys struct {
	ctx   context.Context
	first *sql.Stmt
}

func (k scratchKeys) First(kind, key string, pos int) (int, error) {
	var first int
	if err := k.first.QueryRowContext(k.ctx, kind, key, pos).Scan(&first); err != nil {
		return 0, scratchError{err}
	}
	return first, nil
}

// Head is the file's export without its records: its format and version,
// when it was written, its settings, and the journal it comes from.
func (st *Staged) Head() journalfile.Export { return st.head }

// Contacts hands on the file's contacts, in its order.
func (st *Staged) Contacts(ctx context.Context, each func(model.Contact) error) error {
	return st.each(ctx, journalfile.ListContacts, func(_ int, v any) error { return each(v.(model.Contact)) })
}

// Close removes the scratch database.
func (st *Staged) Close() error { return st.db.Close() }

// each reads the records of a list back, in order, as ReadExport read them.
func (st *Staged) each(ctx context.Context, list string, fn func(pos int, v any) error) error {
	rows, err := st.db.QueryContext(ctx, `SELECT pos, record FROM `+list+` ORDER BY pos`)
	if err != nil {
		return scratchError{err}
	}
	defer rows.Close()
	for rows.Next() {
		var pos int
		var rec []byte
		if err := rows.Scan(&pos, &rec); err != nil {
			return scratchError{err}
		}
		v, err := journalfile.DecodeRecord(list, pos, rec, st.names)
		if err != nil {
			return scratchError{err}
		}
		if err := fn(pos, v); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return scratchError{err}
	}
	return nil
}

// ImportStaged imports a staged file into the journal, as Import does an
// Export (its rules, its report, its errors), in one transaction: each
// record is checked against the journal's rules (and clock) as it is
// written, and the first one at fault stops the writing; the rest are
// still checked, every problem is named in the *ImportError, and nothing
// is written.
func (s *Store) ImportStaged(ctx context.Context, st *Staged, dryRun bool) (ImportReport, error) {
	now := s.now()
	today := model.DateOf(now)
	bad := &problemList{}
	for _, err := range checkSettings(st.head.Settings) {
		bad.add(inSettings, err)
	}
	known := func(id int64) (string, bool) { name, ok := st.names[id]; return name, ok }
	plan := importPlan{
		contacts: stagedRecords(ctx, st, journalfile.ListContacts, bad, inContacts, func(i int, c model.Contact) (model.Contact, error) {
			norm, errs := checkContacts([]model.Contact{c})
			return norm[0], firstAt(errs, i)
		}),
		reachOuts: stagedRecords(ctx, st, journalfile.ListReachOuts, bad, inReachOuts, func(i int, r model.ReachOut) (model.ReachOut, error) {
			with, ok := known(r.ContactID)
			return checkFileReachOut(i, r, now, with, ok)
		}),
		checkIns: stagedRecords(ctx, st, journalfile.ListCheckIns, bad, inCheckIns, func(i int, c model.CheckIn) (model.CheckIn, error) {
			norm, errs := checkCheckIns([]model.CheckIn{c}, today)
			return norm[0], firstAt(errs, i)
		}),
		reflections: stagedRecords(ctx, st, journalfile.ListReflections, bad, inReflections, func(i int, r model.Reflection) (model.Reflection, error) {
			norm, errs := checkReflections([]model.Reflection{r}, today)
			return norm[0], firstAt(errs, i)
		}),
		checkups: stagedRecords(ctx, st, journalfile.ListCheckups, bad, inCheckups, func(i int, c model.Checkup) (model.Checkup, error) {
			norm, errs := checkCheckups([]model.Checkup{c}, today)
			return norm[0], firstAt(errs, i)
		}),
		plans: stagedRecords(ctx, st, journalfile.ListPlans, bad, inPlans, func(i int, p model.Plan) (model.Plan, error) {
			_, ok := known(p.ContactID)
			return checkFilePlan(i, p, ok)
		}),
		removed: func(yield func(int, model.Removal) error) error {
			return st.each(ctx, journalfile.ListRemoved, func(pos int, v any) error { return yield(pos-1, v.(model.Removal)) })
		},
		settings: st.head.Settings, journal: st.head.Journal, exportedAt: st.head.ExportedAt,
		seen: st.head.Seen, settingsAt: st.head.SettingsChanged, problems: bad,
	}
	return s.runImport(ctx, plan, dryRun)
}

// stagedRecords reads a staged list back for importTx, each record
// checked (check, given its index) and its problem, if any, noted in bad
// under kind instead of being handed on.
func stagedRecords[T any](ctx context.Context, st *Staged, list string, bad *problemList, kind int, check func(i int, r T) (T, error)) records[T] {
	return func(yield func(int, T) error) error {
		return st.each(ctx, list, func(pos int, v any) error {
			r, err := check(pos-1, v.(T))
			if err != nil {
				bad.add(kind, err)
				return nil
			}
			return yield(pos-1, r)
		})
	}
}

// firstAt is the problem a check of a single record found, if any, told
// as that of the record at index i of its file.
func firstAt(errs []error, i int) error {
	if len(errs) == 0 {
		return nil
	}
	switch e := errs[0].(type) {
	case *ContactError:
		e.Index = i
	case *CheckInError:
		e.Index = i
	case *ReflectionError:
		e.Index = i
	case *CheckupError:
		e.Index = i
	}
	return errs[0]
}

// The kinds of problem an *ImportError lists, in its order.
const (
	inContacts = iota
	inReachOuts
	inCheckIns
	inReflections
	inCheckups
	inSettings
	inPlans
	problemKinds
)

// maxListedProblems is how many problems of a kind an *ImportError lists;
// it counts the rest.
const maxListedProblems = 1000

// problemList gathers the problems found as a staged file is checked, by
// kind, each kind in the order of the file.
type problemList struct {
	kinds [problemKinds][]error
	n     int // all found, listed or not
}

func (p *problemList) add(kind int, err error) {
	p.n++
	if len(p.kinds[kind]) < maxListedProblems {
		p.kinds[kind] = append(p.kinds[kind], err)
	}
}

// any reports a problem found; a nil list has none (a file checked before
// it was written).
func (p *problemList) any() bool { return p != nil && p.n > 0 }

func (p *problemList) err() *ImportError {
	var all []error
	for _, k := range p.kinds {
		all = append(all, k...)
	}
	return &ImportError{Problems: all, More: p.n - len(all)}
}
