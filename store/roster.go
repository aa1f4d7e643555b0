package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tether-recovery/tether/model"
)

// The roster's two queries read the index contacts_roster (schema6): the
// counts from it alone, and only people with a rhythm can be due, and not
// while their last reach-out's local day is within it (the model decides
// the rest, with a row read for each such person).
const (
	rosterCountQuery = `SELECT count(*), coalesce(sum(any_time), 0) FROM contacts WHERE archived = 0`

	rosterMayBeDueQuery = `SELECT id, name, nickname, circle, phone, email,
		preferred, importance, cadence_days, any_time, last_at_unix, last_at_offset
		FROM contacts WHERE archived = 0 AND cadence_days > 0 AND (last_at_unix IS NULL OR
		last_at_unix + last_at_offset < ? - (cadence_days - 1) * 86400)`
)

// Roster is Today's view of the network (see model.Roster): the active
// supporters counted, and of those with a rhythm, the ones due on today,
// read in one transaction without their notes, tags or reach-outs. The
// last reach-out is the one schema 5 keeps on each contact's row, so this
// reads one short row per person with a rhythm and never the log.
func (s *Store) Roster(ctx context.Context, today model.Date) (model.Roster, error) {
	var r model.Roster
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, rosterCountQuery).Scan(&r.Active, &r.AnyTime); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, rosterMayBeDueQuery, today.Time().Unix())
		if err != nil {
			return err
		}
		defer rows.Close()
		var mayBeDue []model.Contact
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
			mayBeDue = append(mayBeDue, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		r.Due = model.DueContacts(mayBeDue, today)
		return nil
	})
	if err != nil {
		return model.Roster{}, fmt.Errorf("read who is due: %w", err)
	}
	return r, nil
}
