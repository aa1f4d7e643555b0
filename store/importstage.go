package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	db   *sql.DB
	head journalfile.Export
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
	st := &Staged{db: db}
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
		`CREATE TABLE keys (kind TEXT NOT NULL, key TEXT NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID`,
		// The file's people by the file's id: their names, for the
		// records that name them, and the id an import gave them in the
		// journal (stagedContacts).
		`CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL, journal_id INTEGER)`,
		// Reach-outs and plans read before the file's contacts, checked at
		// the end (journalfile.Keys' Later).
		`CREATE TABLE later (seq INTEGER PRIMARY KEY, list TEXT NOT NULL, pos INTEGER NOT NULL, contact INTEGER NOT NULL, label TEXT NOT NULL)`}
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
	keys := scratchKeys{ctx: ctx}
	for _, q := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&keys.first, `INSERT INTO keys (kind, key, pos) VALUES (?, ?, ?)
			ON CONFLICT (kind, key) DO UPDATE SET pos = pos RETURNING pos`},
		{&keys.setName, `INSERT OR REPLACE INTO names (id, name) VALUES (?, ?)`},
		{&keys.name, nameByIDSQL},
		{&keys.later, `INSERT INTO later (list, pos, contact, label) VALUES (?, ?, ?, ?)`},
		{&keys.unnamed, `SELECT list, pos, contact, label FROM later WHERE contact NOT IN (SELECT id FROM names) ORDER BY seq`},
	} {
		if *q.stmt, err = tx.PrepareContext(ctx, q.sql); err != nil {
			return scratchError{err}
		}
	}
	st.head, err = journalfile.ReadExport(r, keys, func(rec journalfile.Record) error {
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
// the scratch database, by its primary key (the first record to give a key
// keeps its place), the names of its people by id, and the records that
// name one before the people are read.
type scratchKeys struct {
	ctx                                  context.Context
	first, setName, name, later, unnamed *sql.Stmt
}

func (k scratchKeys) First(kind, key string, pos int) (int, error) {
	var first int
	if err := k.first.QueryRowContext(k.ctx, kind, key, pos).Scan(&first); err != nil {
		return 0, scratchError{err}
	}
	return first, nil
}

func (k scratchKeys) SetName(id int64, name string) error {
	if _, err := k.setName.ExecContext(k.ctx, id, name); err != nil {
		return scratchError{err}
	}
	return nil
}

func (k scratchKeys) Name(id int64) (string, bool, error) {
	return scratchName(k.ctx, k.name, id)
}

func (k scratchKeys) Later(list string, pos int, id int64, label string) error {
	if _, err := k.later.ExecContext(k.ctx, list, pos, id, label); err != nil {
		return scratchError{err}
	}
	return nil
}

func (k scratchKeys) Unnamed(each func(list string, pos int, id int64, label string)) error {
	rows, err := k.unnamed.QueryContext(k.ctx)
	if err != nil {
		return scratchError{err}
	}
	defer rows.Close()
	for rows.Next() {
		var list, label string
		var pos int
		var id int64
		if err := rows.Scan(&list, &pos, &id, &label); err != nil {
			return scratchError{err}
		}
		each(list, pos, id, label)
	}
	if err := rows.Err(); err != nil {
		return scratchError{err}
	}
	return nil
}

// nameByIDSQL is the name of the file's person with id ?.
const nameByIDSQL = `SELECT name FROM names WHERE id = ?`

// scratchName is the name of the file's person with id, through stmt.
func scratchName(ctx context.Context, stmt *sql.Stmt, id int64) (string, bool, error) {
	var name string
	switch err := stmt.QueryRowContext(ctx, id).Scan(&name); {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, scratchError{err}
	}
	return name, true, nil
}

// Head is the file's export without its records: its format and version,
// when it was written, its settings, and the journal it comes from.
func (st *Staged) Head() journalfile.Export { return st.head }

// Contacts hands on the file's contacts, in its order.
func (st *Staged) Contacts(ctx context.Context, each func(model.Contact) error) error {
	return st.each(ctx, journalfile.ListContacts, func(_ int, v any, _ bool) error { return each(v.(model.Contact)) })
}

// Close removes the scratch database.
func (st *Staged) Close() error { return st.db.Close() }

// stagedPage is how many records each reads from the scratch database at
// a time: between two reads the connection is free for what is done with
// them (stagedContacts keeps ids there).
var stagedPage = 500

// each reads the records of a list back, in order, as ReadExport read them,
// a page at a time. A reach-out or plan has its contact's name, and named
// says whether the file has that contact at all.
func (st *Staged) each(ctx context.Context, list string, fn func(pos int, v any, named bool) error) error {
	var name *sql.Stmt
	if list == journalfile.ListReachOuts || list == journalfile.ListPlans {
		var err error
		if name, err = st.db.PrepareContext(ctx, nameByIDSQL); err != nil {
			return scratchError{err}
		}
		defer name.Close()
	}
	type record struct {
		pos int
		rec []byte
	}
	page := make([]record, 0, stagedPage)
	for last := 0; ; {
		page = page[:0]
		rows, err := st.db.QueryContext(ctx, `SELECT pos, record FROM `+list+` WHERE pos > ? ORDER BY pos LIMIT ?`, last, stagedPage)
		if err != nil {
			return scratchError{err}
		}
		for rows.Next() {
			var r record
			if err := rows.Scan(&r.pos, &r.rec); err != nil {
				rows.Close()
				return scratchError{err}
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return scratchError{err}
		}
		for _, r := range page {
			v, err := journalfile.DecodeRecord(list, r.pos, r.rec)
			if err != nil {
				return scratchError{err}
			}
			named := true
			switch x := v.(type) {
			case model.ReachOut:
				x.ContactName, named, err = scratchName(ctx, name, x.ContactID)
				v = x
			case model.Plan:
				x.ContactName, named, err = scratchName(ctx, name, x.ContactID)
				v = x
			}
			if err != nil {
				return err
			}
			if err := fn(r.pos, v, named); err != nil {
				return err
			}
		}
		if len(page) < stagedPage {
			return nil
		}
		last = page[len(page)-1].pos
	}
}

// ImportStaged imports a staged file into the journal, as Import does an
// Export (its rules, its report, its errors), in one transaction: each
// record is checked against the journal's rules (and clock) as it is
// written, and the first one at fault stops the writing; the rest are
// still checked, every problem is named in the *ImportError, and nothing
// is written.
func (s *Store) ImportStaged(ctx context.Context, st *Staged, dryRun bool) (ImportReport, error) {
	ids, err := st.ids(ctx)
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: nothing was imported: %w", err)
	}
	defer ids.close()
	now := s.now()
	today := model.DateOf(now)
	bad := &problemList{}
	for _, err := range checkSettings(st.head.Settings) {
		bad.add(inSettings, err)
	}
	plan := importPlan{
		contacts: stagedRecords(ctx, st, journalfile.ListContacts, bad, inContacts, func(i int, c model.Contact, _ bool) (model.Contact, error) {
			norm, errs := checkContacts([]model.Contact{c})
			return norm[0], firstAt(errs, i)
		}),
		reachOuts: stagedRecords(ctx, st, journalfile.ListReachOuts, bad, inReachOuts, func(i int, r model.ReachOut, named bool) (model.ReachOut, error) {
			return checkFileReachOut(i, r, now, r.ContactName, named)
		}),
		checkIns: stagedRecords(ctx, st, journalfile.ListCheckIns, bad, inCheckIns, func(i int, c model.CheckIn, _ bool) (model.CheckIn, error) {
			norm, errs := checkCheckIns([]model.CheckIn{c}, today)
			return norm[0], firstAt(errs, i)
		}),
		reflections: stagedRecords(ctx, st, journalfile.ListReflections, bad, inReflections, func(i int, r model.Reflection, _ bool) (model.Reflection, error) {
			norm, errs := checkReflections([]model.Reflection{r}, today)
			return norm[0], firstAt(errs, i)
		}),
		checkups: stagedRecords(ctx, st, journalfile.ListCheckups, bad, inCheckups, func(i int, c model.Checkup, _ bool) (model.Checkup, error) {
			norm, errs := checkCheckups([]model.Checkup{c}, today)
			return norm[0], firstAt(errs, i)
		}),
		plans: stagedRecords(ctx, st, journalfile.ListPlans, bad, inPlans, func(i int, p model.Plan, named bool) (model.Plan, error) {
			return checkFilePlan(i, p, named)
		}),
		removed: func(yield func(int, model.Removal) error) error {
			return st.each(ctx, journalfile.ListRemoved, func(pos int, v any, _ bool) error { return yield(pos-1, v.(model.Removal)) })
		},
		settings: st.head.Settings, journal: st.head.Journal, exportedAt: st.head.ExportedAt,
		seen: st.head.Seen, settingsAt: st.head.SettingsChanged, problems: bad, ids: ids,
	}
	return s.runImport(ctx, plan, dryRun)
}

// stagedIDs are the fileIDs of a staged import, in the scratch
// database's names.
type stagedIDs struct {
	ctx       context.Context
	put, look *sql.Stmt
}

// ids are the journal's ids of the file's people for one import, none
// given yet (a staged file may be imported again, as after a dry run).
func (st *Staged) ids(ctx context.Context) (*stagedIDs, error) {
	if _, err := st.db.ExecContext(ctx, `UPDATE names SET journal_id = NULL`); err != nil {
		return nil, scratchError{err}
	}
	ids := &stagedIDs{ctx: ctx}
	var err error
	if ids.put, err = st.db.PrepareContext(ctx, `UPDATE names SET journal_id = ? WHERE id = ?`); err != nil {
		return nil, scratchError{err}
	}
	if ids.look, err = st.db.PrepareContext(ctx, `SELECT coalesce(journal_id, 0) FROM names WHERE id = ?`); err != nil {
		ids.put.Close()
		return nil, scratchError{err}
	}
	return ids, nil
}

func (ids *stagedIDs) set(fileID, journalID int64) error {
	if _, err := ids.put.ExecContext(ids.ctx, journalID, fileID); err != nil {
		return scratchError{err}
	}
	return nil
}

func (ids *stagedIDs) get(fileID int64) (int64, error) {
	var id int64
	switch err := ids.look.QueryRowContext(ids.ctx, fileID).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, scratchError{err}
	}
	return id, nil
}

func (ids *stagedIDs) close() {
	ids.put.Close()
	ids.look.Close()
}

// stagedRecords reads a staged list back for importTx, each record
// checked (check, given its index) and its problem, if any, noted in bad
// under kind instead of being handed on.
func stagedRecords[T any](ctx context.Context, st *Staged, list string, bad *problemList, kind int, check func(i int, r T, named bool) (T, error)) records[T] {
	return func(yield func(int, T) error) error {
		return st.each(ctx, list, func(pos int, v any, named bool) error {
			r, err := check(pos-1, v.(T), named)
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
