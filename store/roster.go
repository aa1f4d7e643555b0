package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The roster's queries read indexes only, but for the few shown: the
// counts from contacts_roster (schema 6); who is due, with all that ranks
// them, from contacts_whonext (schema 7). Only people with a rhythm can be
// due, and only once their last reach-out's local day is a whole rhythm
// before today: rosterDue is exactly the due (model.DueStatus), ?1 being
// today's midnight in Unix time, less the people snoozed past today (?2,
// today's date; an empty snoozed_until sorts before every day).
const (
	rosterCountQuery = `SELECT count(*), coalesce(sum(any_time), 0) FROM contacts WHERE archived = 0`

	rosterDue = `archived = 0 AND cadence_days > 0 AND (last_at_unix IS NULL OR
		last_at_unix + last_at_offset < ?1 - (cadence_days - 1) * 86400) AND snoozed_until <= ?2`

	// rosterRankQuery is what model.WhoNext weighs, of everyone due.
	rosterRankQuery = `SELECT id, name, circle, importance, cadence_days, any_time, last_at_unix, last_at_offset
		FROM contacts WHERE ` + rosterDue

	// rosterShownQuery is the rest of what a who-next line shows and
	// logging needs, for the few shown (?1 is a JSON list of their ids).
	rosterShownQuery = `SELECT id, nickname, phone, email, preferred FROM contacts
		WHERE id IN (SELECT value FROM json_each(?1))`

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
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, rosterCountQuery).Scan(&r.Active, &r.AnyTime); err != nil {
			return err
		}
		var err error
		if r.Due, r.Quiet, err = rankDue(ctx, tx, today, nil); err != nil {
			return err
		}
		r.DueCount = len(r.Due)
		if first > 0 && len(r.Due) > first {
			r.Due = r.Due[:first]
		}
		return shownDetails(ctx, tx, r.Due)
	})
	if err != nil {
		return model.Roster{}, fmt.Errorf("read who is due: %w", err)
	}
	return r, nil
}

// rankDue is everyone due on today whose search_key holds every one of
// words (folded; none for everyone), in who-next order (model.WhoNext),
// with what ranks them; and the circles gone quiet, which that weighs.
func rankDue(ctx context.Context, tx *sql.Tx, today model.Date, words []string) ([]model.Contact, map[model.Circle]bool, error) {
	latest, err := circlesLatest(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	quiet := model.QuietCircles(latest, today)
	cond, args := holdsEvery("search_key", words, 3)
	rows, err := tx.QueryContext(ctx, rosterRankQuery+` AND `+cond, append([]any{today.Time().Unix(), today.String()}, args...)...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var due []model.Contact
	for rows.Next() {
		var c model.Contact
		var circle string
		var lastUnix, lastOffset sql.NullInt64
		if err := rows.Scan(&c.ID, &c.Name, &circle, &c.Importance, &c.CadenceDays, &c.AnyTime, &lastUnix, &lastOffset); err != nil {
			return nil, nil, err
		}
		c.Circle = model.Circle(circle)
		if lastUnix.Valid {
			c.LastContact = localTime(lastUnix.Int64, lastOffset.Int64)
		}
		due = append(due, c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	return model.WhoNext(due, today, quiet), quiet, nil
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

// shownDetails fills in the few who-next people shown with what their
// line shows and logging needs: nickname, phone, email, preferred way.
func shownDetails(ctx context.Context, tx *sql.Tx, shown []model.Contact) error {
	if len(shown) == 0 {
		return nil
	}
	at := make(map[int64]int, len(shown))
	ids := make([]string, len(shown))
	for i, c := range shown {
		at[c.ID] = i
		ids[i] = strconv.FormatInt(c.ID, 10)
	}
	rows, err := tx.QueryContext(ctx, rosterShownQuery, "["+strings.Join(ids, ",")+"]")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var nickname, phone, email, preferred string
		if err := rows.Scan(&id, &nickname, &phone, &email, &preferred); err != nil {
			return err
		}
		c := &shown[at[id]]
		c.Nickname, c.Phone, c.Email, c.Preferred = nickname, phone, email, model.Channel(preferred)
	}
	return rows.Err()
}
