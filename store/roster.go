package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tether-recovery/tether/model"
)

// The roster's queries read the index contacts_roster (schema6): the
// counts from it alone, and only people with a rhythm can be due, and only
// once their last reach-out's local day is a whole rhythm before today:
// rosterDue is exactly the due (model.DueStatus), ?1 being today's
// midnight in Unix time.
const (
	rosterCountQuery = `SELECT count(*), coalesce(sum(any_time), 0) FROM contacts WHERE archived = 0`

	rosterDue = `archived = 0 AND cadence_days > 0 AND (last_at_unix IS NULL OR
		last_at_unix + last_at_offset < ?1 - (cadence_days - 1) * 86400)`

	rosterColumns = `id, name, nickname, circle, phone, email,
		preferred, importance, cadence_days, any_time, last_at_unix, last_at_offset`

	rosterDueQuery      = `SELECT ` + rosterColumns + ` FROM contacts WHERE ` + rosterDue
	rosterDueCountQuery = `SELECT count(*) FROM contacts WHERE ` + rosterDue

	// rosterFirstDueQuery is the first ?2 of the due in model.DueContacts'
	// order: overdue first (days late at least the grace, max(1, rhythm/2);
	// never reached is due, not overdue), the most days late, the most
	// important, by folded name (name_key), the first added. lastDay is a
	// reach-out's local day counted from 1970, floored for instants before
	// it; ?1 / 86400 is today's.
	rosterFirstDueQuery = `SELECT ` + rosterColumns + ` FROM contacts WHERE ` + rosterDue + `
		ORDER BY
			CASE WHEN last_at_unix IS NULL THEN 0
				WHEN ?1 / 86400 - ` + lastDay + ` - cadence_days >= max(1, cadence_days / 2) THEN 1 ELSE 0 END DESC,
			CASE WHEN last_at_unix IS NULL THEN 0 ELSE ?1 / 86400 - ` + lastDay + ` - cadence_days END DESC,
			importance DESC, name_key, id
		LIMIT ?2`
	lastDay = `((last_at_unix + last_at_offset) - ((last_at_unix + last_at_offset) % 86400 + 86400) % 86400) / 86400`
)

// Roster is Today's view of the network (see model.Roster): the active
// supporters counted, and of those with a rhythm, the ones due on today,
// read in one transaction without their notes, tags or reach-outs. The
// last reach-out is the one schema 5 keeps on each contact's row, so this
// reads one short row per person with a rhythm and never the log.
//
// first, when above 0, reads only the first that many of the due, and
// counts the rest (DueCount): what one screen shows, so that the first
// screen reads no more on a decade of data than on a new journal. The
// order is the same as the whole list's (TestRosterFirstIsTheWholeListsStart).
func (s *Store) Roster(ctx context.Context, today model.Date, first int) (model.Roster, error) {
	var r model.Roster
	midnight := today.Time().Unix()
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, rosterCountQuery).Scan(&r.Active, &r.AnyTime); err != nil {
			return err
		}
		query, args := rosterDueQuery, []any{midnight}
		if first > 0 {
			if err := tx.QueryRowContext(ctx, rosterDueCountQuery, midnight).Scan(&r.DueCount); err != nil {
				return err
			}
			query, args = rosterFirstDueQuery, []any{midnight, first}
		}
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var due []model.Contact
		for rows.Next() {
			var c model.Contact
			var circle, preferred string
			var lastUnix, lastOffset sql.NullInt64
			if err := rows.Scan(&c.ID, &c.Name, &c.Nickname, &circle, &c.Phone, &c.Email,
				&preferred, &c.Importance, &c.CadenceDays, &c.AnyTime, &lastUnix, &lastOffset); err != nil {
				return err
			}
			c.Circle, c.Preferred = model.Circle(circle), model.Channel(preferred)
			if lastUnix.Valid {
				c.LastContact = localTime(lastUnix.Int64, lastOffset.Int64)
			}
			due = append(due, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		r.Due = model.DueContacts(due, today)
		if first <= 0 {
			r.DueCount = len(r.Due)
		}
		return nil
	})
	if err != nil {
		return model.Roster{}, fmt.Errorf("read who is due: %w", err)
	}
	return r, nil
}
