package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/tether-recovery/tether/model"
)

// reachOutColumns is the order scanReachOut reads, from reach_outs r joined
// to contacts c for the name: renaming a contact renames their history.
const reachOutColumns = `r.id, r.contact_id, c.name, r.at_unix, r.at_offset,
	r.channel, r.direction, r.note, r.helped, r.uid, r.updated_at`

const insertReachOutSQL = `INSERT INTO reach_outs (
	contact_id, at_unix, at_offset, day, channel, direction, note, helped,
	created_at, updated_at, uid
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ` + newUID + `)`

// SaveReachOut normalizes and validates r (no later than a few minutes from
// now), then inserts it (ID 0) or updates the reach-out with its ID
// (ErrNotFound if there is none). The contact must be in the journal,
// archived or not; a refusal is a model.Problems a form can show beside its
// fields, and nothing is written. It returns the reach-out as stored: its
// time to the second, in the offset it was logged with, and ContactName
// filled in.
func (s *Store) SaveReachOut(ctx context.Context, r model.ReachOut) (model.ReachOut, error) {
	now := s.now()
	r, p := checkReachOut(r, now)
	if len(p) > 0 {
		return model.ReachOut{}, p
	}
	var saved model.ReachOut
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		saved, err = saveReachOut(ctx, tx, r, now)
		return err
	})
	var problems model.Problems
	switch {
	case errors.As(err, &problems):
		return model.ReachOut{}, problems
	case err != nil && r.ID == 0:
		return model.ReachOut{}, fmt.Errorf("save new reach-out: %w", err)
	case err != nil:
		return model.ReachOut{}, fmt.Errorf("save reach-out %d: %w", r.ID, err)
	}
	return saved, nil
}

// saveReachOut is SaveReachOut's write, of a reach-out already checked,
// inside a transaction.
func saveReachOut(ctx context.Context, tx *sql.Tx, r model.ReachOut, now time.Time) (model.ReachOut, error) {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM contacts WHERE id = ?`, r.ContactID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return model.ReachOut{}, model.Problems{model.FieldContact: missingContact}
	}
	if err != nil {
		return model.ReachOut{}, err
	}
	id := r.ID
	if id == 0 {
		res, err := tx.ExecContext(ctx, insertReachOutSQL, reachOutArgs(r, now, now)...)
		if err != nil {
			return model.ReachOut{}, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return model.ReachOut{}, err
		}
	} else {
		unix, offset, day := instant(r.At)
		res, err := tx.ExecContext(ctx, `UPDATE reach_outs SET
			contact_id = ?, at_unix = ?, at_offset = ?, day = ?, channel = ?,
			direction = ?, note = ?, helped = ?, updated_at = ?
			WHERE id = ?`,
			r.ContactID, unix, offset, day, string(r.Channel), string(r.Direction),
			r.Note, string(r.Helped), stamp(now), r.ID)
		if err != nil {
			return model.ReachOut{}, err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return model.ReachOut{}, errOr(err, ErrNotFound)
		}
	}
	list, err := queryReachOuts(ctx, tx, `SELECT `+reachOutColumns+`
		FROM reach_outs r JOIN contacts c ON c.id = r.contact_id WHERE r.id = ?`, id)
	if err != nil {
		return model.ReachOut{}, err
	}
	if len(list) != 1 {
		return model.ReachOut{}, ErrNotFound
	}
	return list[0], nil
}

// missingContact is the message for a reach-out whose contact is not in
// the journal (contacts are never deleted, so the form held a stale id).
const missingContact = "That contact is not in the journal; choose who it was with."

// writeOne runs one statement that must change exactly one row, in a
// write transaction of its own: ErrNotFound when it changes none.
func (s *Store) writeOne(ctx context.Context, query string, args ...any) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errOr(err, ErrNotFound)
		}
		return nil
	})
}

// errOr returns err, or fallback when err is nil.
func errOr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}

// DeleteReachOut removes one reach-out logged by mistake; ErrNotFound if
// there is none with that id. Unlike contacts, a reach-out is a plain entry
// in a log, and a wrong one is better gone than archived.
func (s *Store) DeleteReachOut(ctx context.Context, id int64) error {
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		return removeOne(ctx, tx, removedReachOut, `DELETE FROM reach_outs WHERE id = ? RETURNING uid`, now, id)
	})
	if err != nil {
		return fmt.Errorf("delete reach-out %d: %w", id, err)
	}
	return nil
}

// ContactHistory is a person's reach-outs, newest first: at most limit
// of them, or all when limit is 0 or less; and how many fall on the local
// days today-29 to today (model.Contact.Reached30). What their details
// show, read in one transaction. No history (or no such person) gives an
// empty list and 0.
func (s *Store) ContactHistory(ctx context.Context, contactID int64, today model.Date, limit int) ([]model.ReachOut, int, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	var out []model.ReachOut
	var reached int
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, reached30("?5"), append(window30(today), contactID)...).Scan(&reached); err != nil {
			return err
		}
		var err error
		out, err = queryReachOuts(ctx, tx, `SELECT `+s.forSchema(reachOutColumns)+`
			FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
			WHERE r.contact_id = ? ORDER BY r.at_unix DESC, r.id DESC LIMIT ?`, contactID, limit)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read the reach-outs of contact %d: %w", contactID, err)
	}
	return out, reached, nil
}

// ReachOutsBetween lists the reach-outs on the local days from to to,
// inclusive, oldest first (by day, then by time): one range of the day
// index, joined to the contacts for their names. A zero from starts at the
// first entry; a zero to runs to the last.
func (s *Store) ReachOutsBetween(ctx context.Context, from, to model.Date) ([]model.ReachOut, error) {
	lo, hi := dayRange(from, to)
	var out []model.ReachOut
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryReachOuts(ctx, tx, s.forSchema(reachOutsBetweenSQL), lo, hi)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the reach-outs from %s to %s: %w", from, to, err)
	}
	return out, nil
}

const reachOutsBetweenSQL = `SELECT ` + reachOutColumns + `
	FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
	WHERE r.day BETWEEN ? AND ? ORDER BY r.day, r.at_unix, r.id`

// ReachOutsOnDays is ReachOutsBetween with at most perDay reach-outs of
// each day (its first, by time), and each day's count of them: what a
// screen of days shows, whatever the number logged on one of them. The
// first of each day are found in the day index alone, and only they are
// read whole; the counts come from the days' summary (reach_out_days).
func (s *Store) ReachOutsOnDays(ctx context.Context, from, to model.Date, perDay int) ([]model.ReachOut, map[model.Date]int, error) {
	lo, hi := dayRange(from, to)
	var out []model.ReachOut
	var counts map[model.Date]int
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if counts, err = dayCounts(ctx, tx, lo, hi); err != nil {
			return err
		}
		days := slices.SortedFunc(maps.Keys(counts), func(a, b model.Date) int { return a.Time().Compare(b.Time()) })
		query := s.forSchema(firstOfDaySQL)
		for _, d := range days {
			rs, err := queryReachOuts(ctx, tx, query, d.String(), perDay)
			if err != nil {
				return err
			}
			out = append(out, rs...)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read the reach-outs from %s to %s: %w", from, to, err)
	}
	return out, counts, nil
}

// firstOfDaySQL is the first ?2 reach-outs of day ?1, in
// reachOutsBetweenSQL's order: a range of the day index, which holds the
// time and id, read no further than the ?2nd however busy the day. (It was
// one query over every day asked for, numbering each day's reach-outs: it
// numbered all of them, and a day of xl's, ten times as busy as large's,
// took 1.4 ms to show instead of 0.4.)
const firstOfDaySQL = `SELECT ` + reachOutColumns + `
	FROM reach_outs r INDEXED BY reach_outs_day
	CROSS JOIN contacts c ON c.id = r.contact_id
	WHERE r.day = ?1 ORDER BY r.at_unix, r.id LIMIT ?2`

// dayRange turns an inclusive range of days into the stored text, an open
// end becoming the first or last day there can be.
func dayRange(from, to model.Date) (lo, hi string) {
	lo, hi = from.String(), to.String()
	if to.IsZero() {
		hi = "9999-12-31"
	}
	return lo, hi
}

// AddReachOuts inserts many reach-outs in one transaction, as an import or
// a sample journal does: all of them, or (when any is invalid or names a
// contact not in the journal, or a write fails) none. Each invalid one is
// named in the error as a *ReachOutError. IDs in rs are ignored. As with
// AddContacts, the batch is checked against the model's rules but not
// against the clock: a history from elsewhere is taken as it was written.
func (s *Store) AddReachOuts(ctx context.Context, rs []model.ReachOut) error {
	if len(rs) == 0 {
		return nil
	}
	norm := make([]model.ReachOut, len(rs))
	var bad []error
	for i, r := range rs {
		var p model.Problems
		if norm[i], p = checkReachOut(r, time.Time{}); len(p) > 0 {
			bad = append(bad, &ReachOutError{Index: i, Problems: p})
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("add reach-outs: nothing was saved: %w", errors.Join(bad...))
	}

	now := s.now()
	err := s.writeRows(ctx, len(norm), func(tx *sql.Tx) error {
		known, err := contactIDs(ctx, tx)
		if err != nil {
			return err
		}
		for i, r := range norm {
			if !known[r.ContactID] {
				bad = append(bad, &ReachOutError{Index: i, Problems: model.Problems{model.FieldContact: missingContact}})
			}
		}
		if len(bad) > 0 {
			return errors.Join(bad...)
		}
		ins, err := tx.PrepareContext(ctx, insertReachOutSQL)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, r := range norm {
			if _, err := ins.ExecContext(ctx, reachOutArgs(r, now, now)...); err != nil {
				return fmt.Errorf("reach-out #%d: %w", i+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add reach-outs: nothing was saved: %w", err)
	}
	return nil
}

// contactIDs is the set of every contact's id, archived or not.
func contactIDs(ctx context.Context, tx *sql.Tx) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM contacts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids[id] = true
	}
	return ids, rows.Err()
}

// checkReachOut normalizes and validates r (now bounds it in time unless
// zero), adding the one rule the store has of its own: the offset must fit
// the schema's ±18 hours, which every real time zone does.
func checkReachOut(r model.ReachOut, now time.Time) (model.ReachOut, model.Problems) {
	r = r.Normalize()
	p := r.Validate(now)
	if _, bad := p[model.FieldAt]; !bad && !r.At.IsZero() {
		if _, offset := r.At.Zone(); offset < -maxOffset || offset > maxOffset {
			p[model.FieldAt] = "That time is in a time zone more than 18 hours from UTC; check the time."
		}
	}
	return r, p
}

// instant is how a reach-out's time is stored: the UTC second for order, the
// offset it was logged in, and its local calendar day.
func instant(t time.Time) (unix int64, offset int, day string) {
	_, offset = t.Zone()
	return t.Unix(), offset, model.DateOf(t).String()
}

// localTime is a stored instant read back as the person lived it: the same
// wall clock as when it was logged, whatever the zone of the reader now.
func localTime(unix, offset int64) time.Time {
	z, ok := zones.Load(offset)
	if !ok {
		z, _ = zones.LoadOrStore(offset, time.FixedZone("", int(offset)))
	}
	return time.Unix(unix, 0).In(z.(*time.Location))
}

// zones holds one *time.Location per UTC offset seen: a journal has a
// handful, and a list of hundreds of contacts or reach-outs would otherwise
// make a zone for each.
var zones sync.Map // int64 offset -> *time.Location

func reachOutArgs(r model.ReachOut, created, updated time.Time) []any {
	unix, offset, day := instant(r.At)
	return []any{
		r.ContactID, unix, offset, day, string(r.Channel), string(r.Direction),
		r.Note, string(r.Helped), stamp(created), stamp(updated), r.UID,
	}
}

func queryReachOuts(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.ReachOut, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.ReachOut
	for rows.Next() {
		var r model.ReachOut
		var unix, offset int64
		var channel, direction, helped, updated string
		if err := rows.Scan(&r.ID, &r.ContactID, &r.ContactName, &unix, &offset,
			&channel, &direction, &r.Note, &helped, &r.UID, &updated); err != nil {
			return nil, err
		}
		var err error
		if r.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
			return nil, fmt.Errorf("reach-out %d: updated_at: %w", r.ID, err)
		}
		r.At = localTime(unix, offset)
		r.Channel, r.Direction, r.Helped = model.Channel(channel), model.Direction(direction), model.Helped(helped)
		out = append(out, r)
	}
	return out, rows.Err()
}

// lastContactsBeforeSQL finds each contact's latest reach-out on or before
// a local day in one query: per contact, one backward seek in
// reach_outs_contact from the last instant that can fall on the day (?1,
// the next midnight UTC plus maxOffset), skipping the few entries of the
// following hours whose local day is later (?2). Ties on the second go to
// the entry logged later, as LastContact's do.
const lastContactsBeforeSQL = `SELECT c.id, last.at_unix, last.at_offset
	FROM contacts c
	JOIN reach_outs last ON last.id = (
		SELECT r.id FROM reach_outs r
		WHERE r.contact_id = c.id AND r.at_unix < ?1 AND r.day <= ?2
		ORDER BY r.at_unix DESC, r.id DESC LIMIT 1)`

// LastContactsBefore maps each contact (archived too) reached on or before
// day, a local calendar day, to their latest reach-out up to the end of
// that day, in the local time it was logged, as Contact.LastContact gives
// it; contacts not reached by then are absent. The weekly summary asks it
// for the end of a week, to say who had faded by then.
func (s *Store) LastContactsBefore(ctx context.Context, day model.Date) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	if day.IsZero() {
		return out, nil
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, lastContactsBeforeSQL,
			day.AddDays(1).Time().Unix()+maxOffset, day.String())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, unix, offset int64
			if err := rows.Scan(&id, &unix, &offset); err != nil {
				return err
			}
			out[id] = localTime(unix, offset)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read who was reached by %s: %w", day, err)
	}
	return out, nil
}

// reachOutCountsSQL counts a range of local days from the kept daily
// counts (reach_out_days, schema 11: a few rows a day whatever the size of
// the log), already grouped in their key's order: no sort.
const reachOutCountsSQL = `SELECT day, sum(n) FROM reach_out_days WHERE day BETWEEN ? AND ? GROUP BY day`

// ReachOutCounts counts the reach-outs of each local day from to to,
// inclusive, for the Network view's calendar heatmap; a day without any is
// absent. A zero from starts at the first entry; a zero to runs to the
// last. It is one grouped query over the kept counts, not a list of
// reach-outs to count.
func (s *Store) ReachOutCounts(ctx context.Context, from, to model.Date) (map[model.Date]int, error) {
	lo, hi := dayRange(from, to)
	var out map[model.Date]int
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = dayCounts(ctx, tx, lo, hi)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("count the reach-outs from %s to %s: %w", from, to, err)
	}
	return out, nil
}

// dayCounts is ReachOutCounts' reading, for the stored days lo to hi.
func dayCounts(ctx context.Context, tx *sql.Tx, lo, hi string) (map[model.Date]int, error) {
	out := map[model.Date]int{}
	err := eachRow(ctx, tx, reachOutCountsSQL, []any{lo, hi}, func(rows *sql.Rows) error {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			return err
		}
		d, err := parseDay(day)
		if err != nil {
			return err
		}
		out[d] = n
		return nil
	})
	return out, err
}
