package store

import (
	"context"
	"database/sql"
	"encoding/json"
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

	// rosterAllDueQuery is what model.WhoNext weighs, of everyone due.
	rosterAllDueQuery = `SELECT id, name, circle, importance, cadence_days, any_time, last_at_unix, last_at_offset
		FROM contacts WHERE ` + rosterDue

	// rosterDueCount counts everyone due.
	rosterDueCount = `SELECT count(*) FROM contacts WHERE ` + rosterDue

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
// counts the rest (DueCount): what one screen shows. Then SQL ranks the
// due as model.WhoNext does (rosterRankQuery) from the index alone, and
// only the few shown, and those tied with the last of them, are looked
// up, however many are due.
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
		if first <= 0 {
			// Everyone due: read from the index that holds all WhoNext
			// weighs, and ranked by the model itself.
			due, err := readDue(ctx, tx, rosterAllDueQuery, midnight, today.String())
			if err != nil {
				return err
			}
			r.Due = model.WhoNext(due, today, r.Quiet)
			r.DueCount = len(r.Due)
			return shownDetails(ctx, tx, r.Due)
		}
		if err := tx.QueryRowContext(ctx, rosterDueCount, midnight, today.String()).Scan(&r.DueCount); err != nil {
			return err
		}
		quiet := []string{}
		for c := range r.Quiet {
			quiet = append(quiet, string(c))
		}
		circles, err := json.Marshal(quiet)
		if err != nil {
			return err
		}
		if r.Due, err = readDue(ctx, tx, rosterRankQuery, midnight, today.String(), string(circles), first, midnight/86400); err != nil {
			return err
		}
		return shownDetails(ctx, tx, r.Due)
	})
	if err != nil {
		return model.Roster{}, fmt.Errorf("read who is due: %w", err)
	}
	return r, nil
}

// readDue reads the due people of a query whose columns are
// rosterAllDueQuery's.
func readDue(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.Contact, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var due []model.Contact
	for rows.Next() {
		var c model.Contact
		var circle string
		var lastUnix, lastOffset sql.NullInt64
		if err := rows.Scan(&c.ID, &c.Name, &circle, &c.Importance, &c.CadenceDays, &c.AnyTime, &lastUnix, &lastOffset); err != nil {
			return nil, err
		}
		c.Circle = model.Circle(circle)
		if lastUnix.Valid {
			c.LastContact = localTime(lastUnix.Int64, lastOffset.Int64)
		}
		due = append(due, c)
	}
	return due, rows.Err()
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
	due, err := readDue(ctx, tx, rosterAllDueQuery+` AND `+cond, append([]any{today.Time().Unix(), today.String()}, args...)...)
	if err != nil {
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

// rosterRankQuery is model.WhoNext in SQL, cut to its first ?4 (at
// least 1): everyone due, ranked by model.Points, then by the most days
// late, then by name and by id. ?1 and ?2 are rosterDue's, ?3 the circles
// gone quiet (a JSON list), ?5 today as days since 1970. The points and
// days late come from the index (ranked); the ?4th of them is the cut,
// and only the people at or above it are looked up for their name's
// order. The points are summed in the model's order, so that the same
// doubles come out and ties fall alike.
var rosterRankQuery = `WITH ranked AS MATERIALIZED (
		SELECT id, ` + rosterPoints + ` AS points, late FROM (
			SELECT id, circle, importance, cadence_days, any_time, last_at_unix,
				CASE WHEN last_at_unix IS NULL THEN 0 ELSE max(0, ?5 - ` + localDayNumber + `) - cadence_days END AS late
			FROM contacts INDEXED BY contacts_whonext WHERE ` + rosterDue + `)),
	cut AS (SELECT points, late FROM ranked ORDER BY points DESC, late DESC LIMIT 1 OFFSET ?4 - 1)
	SELECT c.id, c.name, c.circle, c.importance, c.cadence_days, c.any_time, c.last_at_unix, c.last_at_offset
	FROM ranked r CROSS JOIN contacts c ON c.id = r.id
	WHERE NOT EXISTS (SELECT 1 FROM cut) OR r.points > (SELECT points FROM cut)
		OR (r.points = (SELECT points FROM cut) AND r.late >= (SELECT late FROM cut))
	ORDER BY r.points DESC, r.late DESC, c.name_key, c.id LIMIT ?4`

// localDayNumber is the local day of a contact's last reach-out as days
// since 1970, rounded down for instants before it (SQLite's division
// rounds towards zero).
const localDayNumber = `((last_at_unix + last_at_offset) - (((last_at_unix + last_at_offset) % 86400) + 86400) % 86400) / 86400`

// rosterPoints is model.Points of a due row of rosterRankQuery's inner
// select: twice the rating (2 when unrated), the circle's weight, two
// points for each rhythm late up to two (for someone reached before), and
// two for a circle gone quiet.
var rosterPoints = `(2 * CASE importance WHEN 0 THEN 2 ELSE importance END + ` + circleWeights() + `)
	+ CASE WHEN last_at_unix IS NULL THEN 0.0 ELSE 2 * min(2.0, max(0.0, late * 1.0 / cadence_days)) END
	+ CASE WHEN circle IN (SELECT value FROM json_each(?3)) THEN 2 ELSE 0 END`

// circleWeights is the weight model.Points gives each circle, with and
// without a call at any hour, read from the model itself so the two cannot
// disagree: the points of someone rated 1, with no rhythm, less the
// rating's 2.
func circleWeights() string {
	weight := func(c model.Circle, anyTime bool) int {
		return int(model.Points(model.Contact{Circle: c, AnyTime: anyTime, Importance: 1}, model.Date{}, nil)) - 2
	}
	var b strings.Builder
	b.WriteString("CASE")
	for _, c := range model.Circles {
		fmt.Fprintf(&b, " WHEN circle = '%s' THEN CASE WHEN any_time = 1 THEN %d ELSE %d END", c, weight(c, true), weight(c, false))
	}
	fmt.Fprintf(&b, " ELSE CASE WHEN any_time = 1 THEN %d ELSE %d END END", weight("", true), weight("", false))
	return b.String()
}
