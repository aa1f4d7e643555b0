package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The roster's queries read the index contacts_roster (schema6): the
// counts from it alone, and only people with a rhythm can be due, and only
// once their last reach-out's local day is a whole rhythm before today:
// rosterDue is exactly the due (model.DueStatus), ?1 being today's
// midnight in Unix time, less the people snoozed past today (?2, today's
// date: ” sorts before every day).
const (
	rosterCountQuery = `SELECT count(*), coalesce(sum(any_time), 0) FROM contacts WHERE archived = 0`

	rosterDue = `archived = 0 AND cadence_days > 0 AND (last_at_unix IS NULL OR
		last_at_unix + last_at_offset < ?1 - (cadence_days - 1) * 86400) AND snoozed_until <= ?2`

	rosterColumns = `id, name, nickname, circle, phone, email,
		preferred, importance, cadence_days, any_time, last_at_unix, last_at_offset`

	rosterDueQuery = `SELECT ` + rosterColumns + ` FROM contacts WHERE ` + rosterDue

	// rosterCirclesQuery is each circle's latest reach-out, for the
	// circles gone quiet.
	rosterCirclesQuery = `SELECT circle, max(last_at_unix) FROM contacts WHERE archived = 0 GROUP BY circle`
)

// Roster is Today's view of the network (see model.Roster): the active
// supporters counted, and of those with a rhythm, the ones due on today,
// read in one transaction without their notes, tags or reach-outs. The
// last reach-out is the one schema 5 keeps on each contact's row, so this
// reads one short row per person with a rhythm and never the log.
//
// first, when above 0, keeps only the first that many of the due, and
// counts the rest (DueCount): what one screen shows. Ranking by who
// matters (model.WhoNext) weighs every one of the due, so all of them are
// read: one short row each.
func (s *Store) Roster(ctx context.Context, today model.Date, first int) (model.Roster, error) {
	var r model.Roster
	midnight := today.Time().Unix()
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, rosterCountQuery).Scan(&r.Active, &r.AnyTime); err != nil {
			return err
		}
		latest, err := circlesLatest(ctx, tx)
		if err != nil {
			return err
		}
		r.Quiet = model.QuietCircles(latest, today)
		rows, err := tx.QueryContext(ctx, rosterDueQuery, midnight, today.String())
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
		r.Due = model.WhoNext(due, today, r.Quiet)
		r.DueCount = len(r.Due)
		if first > 0 && len(r.Due) > first {
			r.Due = r.Due[:first]
		}
		return nil
	})
	if err != nil {
		return model.Roster{}, fmt.Errorf("read who is due: %w", err)
	}
	return r, nil
}

// circlesLatest is each circle's latest reach-out among the active people
// (zero for a circle nobody in it was ever reached in).
func circlesLatest(ctx context.Context, tx *sql.Tx) (map[model.Circle]time.Time, error) {
	rows, err := tx.QueryContext(ctx, rosterCirclesQuery)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	latest := map[model.Circle]time.Time{}
	for rows.Next() {
		var circle string
		var last sql.NullInt64
		if err := rows.Scan(&circle, &last); err != nil {
			return nil, err
		}
		latest[model.Circle(circle)] = time.Time{}
		if last.Valid {
			latest[model.Circle(circle)] = time.Unix(last.Int64, 0)
		}
	}
	return latest, rows.Err()
}
