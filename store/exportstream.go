package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// exportPage is how many records WriteExport reads at a time: all it holds
// of a list. A variable so that tests can cross many pages.
var exportPage = 1000

// WriteExport writes the journal, or the period from to to, to w as Tether
// JSON: the bytes Export and journalfile.EncodeExport write, but read a
// page of records at a time, each page after the last in the export's
// order, all in one read transaction (a consistent snapshot even while
// another window writes). A journal of any size is exported in the same
// memory. It returns how many records of each list it wrote. An error
// leaves what was written short of a whole file: a file is written under
// a temporary name first (see cli's writeNewFile, wholefile).
func (s *Store) WriteExport(ctx context.Context, w io.Writer, from, to model.Date) (journalfile.Counts, error) {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return journalfile.Counts{}, fmt.Errorf("export: the period ends (%s) before it starts (%s)", to, from)
	}
	var n journalfile.Counts
	err := s.read(ctx, func(tx *sql.Tx) error {
		parts, err := s.exportParts(ctx, tx, from, to)
		if err != nil {
			return err
		}
		n, err = journalfile.WriteExport(w, parts)
		return err
	})
	if err != nil {
		return journalfile.Counts{}, fmt.Errorf("export the journal: %w", err)
	}
	return n, nil
}

// exportParts is the journal as journalfile.ExportParts: the head read at
// once, each list read a page at a time as it is written, within tx.
// What is read and in what order is Export's (see there).
func (s *Store) exportParts(ctx context.Context, tx *sql.Tx, from, to model.Date) (journalfile.ExportParts, error) {
	p := journalfile.ExportParts{ExportedAt: s.now(), From: from, To: to}
	lo, hi := dayRange(from, to)
	wlo, whi := weekRange(from, to)
	var err error
	if p.Settings, err = readSettings(ctx, tx); err != nil {
		return p, fmt.Errorf("settings: %w", err)
	}
	p.Contacts = paged("contacts", func(last *model.Contact) ([]model.Contact, error) {
		after := int64(0)
		if last != nil {
			after = last.ID
		}
		return queryContacts(ctx, tx, false,
			s.forSchema(`SELECT `+contactColumns+` FROM contacts WHERE id > ? ORDER BY id LIMIT ?`), []any{after, exportPage},
			`SELECT contact_id, tag FROM contact_tags
			 WHERE contact_id IN (SELECT id FROM contacts WHERE id > ? ORDER BY id LIMIT ?)
			 ORDER BY contact_id, position`, after, exportPage)
	})
	p.ReachOuts = paged("reach-outs", func(last *model.ReachOut) ([]model.ReachOut, error) {
		// The next page seeks past the last row in the order of
		// reach_outs_day (day, at_unix, then id); the first starts at lo.
		day, unix, id := lo, int64(math.MinInt64), int64(math.MinInt64)
		if last != nil {
			day, unix, id = model.DateOf(last.At).String(), last.At.Unix(), last.ID
		}
		return queryReachOuts(ctx, tx, s.forSchema(`SELECT `+reachOutColumns+`
			FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
			WHERE (r.day, r.at_unix, r.id) > (?, ?, ?) AND r.day <= ?
			ORDER BY r.day, r.at_unix, r.id LIMIT ?`), day, unix, id, hi, exportPage)
	})
	p.CheckIns = paged("check-ins", func(last *model.CheckIn) ([]model.CheckIn, error) {
		if last == nil {
			return queryCheckIns(ctx, tx, `SELECT `+checkInColumns+` FROM check_ins
				WHERE day BETWEEN ? AND ? ORDER BY day LIMIT ?`, lo, hi, exportPage)
		}
		return queryCheckIns(ctx, tx, `SELECT `+checkInColumns+` FROM check_ins
			WHERE day > ? AND day <= ? ORDER BY day LIMIT ?`, last.Day.String(), hi, exportPage)
	})
	p.Reflections = paged("reflections", func(last *model.Reflection) ([]model.Reflection, error) {
		from := wlo
		if last != nil {
			from = last.Week.String()
		}
		return queryReflections(ctx, tx, from, whi, last != nil, exportPage)
	})
	var hasCheckups bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema
		WHERE type = 'table' AND name = 'checkups')`).Scan(&hasCheckups); err != nil {
		return p, fmt.Errorf("check-ups: %w", err)
	}
	if hasCheckups { // a journal of a schema before them (read as it is) has none
		p.Checkups = paged("check-ups", func(last *model.Checkup) ([]model.Checkup, error) {
			day, instrument := lo, "" // an instrument is never ""
			if last != nil {
				day, instrument = last.Day.String(), string(last.Instrument)
			}
			return queryCheckups(ctx, tx, `SELECT `+checkupColumns+` FROM checkups
				WHERE (day, instrument) > (?, ?) AND day <= ?
				ORDER BY day, instrument LIMIT ?`, day, instrument, hi, exportPage)
		})
	}
	if s.schema != 0 && s.schema < 9 {
		return p, nil // no uids, plans or removals yet
	}
	if err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, journalUIDKey).Scan(&p.Journal); err != nil {
		return p, fmt.Errorf("the journal's uid: %w", err)
	}
	p.Plans = paged("plans", func(last *model.Plan) ([]model.Plan, error) {
		day, at, id := "", "", int64(math.MinInt64)
		if last != nil {
			day, at, id = last.Day.String(), last.Time, last.ID
		}
		return queryPlans(ctx, tx, s.forSchema(`SELECT `+planColumns+`
			FROM planned_reach_outs p JOIN contacts c ON c.id = p.contact_id
			WHERE (p.day, p.at_time, p.id) > (?, ?, ?)
			ORDER BY p.day, p.at_time, p.id LIMIT ?`), day, at, id, exportPage)
	})
	// The markers of what was removed are read whole, as the merge reads
	// them: one a record removed, not a record of the history.
	removed, err := queryRemovals(ctx, tx)
	if err != nil {
		return p, fmt.Errorf("removals: %w", err)
	}
	p.Removed = func(yield func(model.Removal) error) error {
		for _, r := range removed {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
	if p.Seen, err = readSeen(ctx, tx); err != nil {
		return p, fmt.Errorf("the copies merged: %w", err)
	}
	if p.SettingsChanged, err = settingStamps(ctx, tx, p.Settings); err != nil {
		return p, fmt.Errorf("settings: %w", err)
	}
	return p, nil
}

// paged is a list read a page at a time: page reads the exportPage records
// after last (nil for the first page), and a short page is the last.
func paged[T any](what string, page func(last *T) ([]T, error)) journalfile.Each[T] {
	return func(yield func(T) error) error {
		var last *T
		for {
			rows, err := page(last)
			if err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			for _, r := range rows {
				if err := yield(r); err != nil {
					return err
				}
			}
			if len(rows) < exportPage {
				return nil
			}
			last = &rows[len(rows)-1]
		}
	}
}
