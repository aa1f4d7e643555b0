package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The roster's queries read indexes and kept counts only, but for the few
// shown: the active people counted from circle_people (schema 11) and the
// any-time ones from contacts_any_time; each circle's latest reach-out, for
// the circles gone quiet, a seek of contacts_circle_last per circle; who is
// due, with all that ranks them, from contacts_due (schema 14). Only people
// with a rhythm can be due, and only once the day they fall due (dueOn) is
// today or before: rosterDue is exactly the due (model.DueStatus, less the
// snoozed), ?1 being today as days since 1970. everyGroup names every
// circle, call-any-time and rating, so that SQLite seeks each group's due
// range of contacts_due rather than walking every person with a rhythm.
const (
	rosterCountQuery = `SELECT (SELECT coalesce(sum(n), 0) FROM circle_people), (` + anyTimeCountSQL + `)`

	rosterDue = `c.archived = 0 AND c.cadence_days > 0 AND ` + dueOn + ` <= ?1`

	// dueColumns are what model.WhoNext weighs of someone due.
	dueColumns = `c.id, c.name, c.circle, c.importance, c.cadence_days, c.any_time, c.last_at_unix, c.last_at_offset`

	// isDueQuery says whether the person ?2 is due.
	isDueQuery = `SELECT count(*) FROM contacts c WHERE c.id = ?2 AND ` + rosterDue

	// rosterShownQuery is the rest of what a who-next line shows and
	// logging needs, for the few shown (?1 is a JSON list of their ids).
	rosterShownQuery = `SELECT id, nickname, phone, email, preferred FROM contacts
		WHERE id IN (SELECT value FROM json_each(?1))`

	// rosterCirclesQuery is each circle's latest reach-out among its
	// active people (NULL when none of them was ever reached).
	rosterCirclesQuery = `SELECT p.circle, (SELECT last_at_unix FROM contacts
		WHERE archived = 0 AND circle = p.circle ORDER BY last_at_unix DESC LIMIT 1) FROM circle_people p`

	// rosterGroupCountsQuery counts the due of each group of ?2 (a JSON
	// list of [circle, any_time, importance]), up to ?3 a group: a row
	// a group, with its place in the list.
	rosterGroupCountsQuery = `SELECT g.key, (SELECT count(*) FROM (SELECT 1 FROM contacts c INDEXED BY contacts_due
		WHERE ` + rosterDue + ` AND c.circle = g.value ->> 0 AND c.any_time = g.value ->> 1 AND c.importance = g.value ->> 2
		LIMIT ?3)) FROM json_each(?2) g`

	// rosterGroupsQuery is the due of the groups of ?2, as
	// rosterGroupCountsQuery has them.
	rosterGroupsQuery = `SELECT ` + dueColumns + ` FROM json_each(?2) g CROSS JOIN contacts c INDEXED BY contacts_due
		WHERE ` + rosterDue + ` AND c.circle = g.value ->> 0 AND c.any_time = g.value ->> 1 AND c.importance = g.value ->> 2`
)

var (
	everyGroup = `c.circle IN ('` + strings.Join(circleNames(), `', '`) + `') AND c.any_time IN (0, 1) AND c.importance IN (0, 1, 2, 3, 4, 5)`

	// rosterAllDueQuery is everyone due.
	rosterAllDueQuery = `SELECT ` + dueColumns + ` FROM contacts c INDEXED BY contacts_due WHERE ` + rosterDue + ` AND ` + everyGroup
)

// rosterDueCount counts everyone due: a range of contacts_due_day.
const rosterDueCount = `SELECT count(*) FROM contacts c INDEXED BY contacts_due_day WHERE ` + rosterDue

// circleNames are model.Circles as the contacts table spells them.
func circleNames() []string {
	names := make([]string, len(model.Circles))
	for i, c := range model.Circles {
		names[i] = string(c)
	}
	return names
}

// Roster is Today's view of the network (see model.Roster): the active
// supporters counted, and of those with a rhythm, the ones due on today,
// read in one transaction without their notes, tags or reach-outs. The
// last reach-out is the one schema 5 keeps on each contact's row, so this
// never reads the log.
//
// first, when above 0, keeps only the first that many of the due, and
// counts the rest (DueCount): what one screen shows. Then only the people
// who can be among those first are read and ranked (see firstDue), and
// only the ones shown are looked up, however many are due.
func (s *Store) Roster(ctx context.Context, today model.Date, first int) (model.Roster, error) {
	var r model.Roster
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, rosterCountQuery).Scan(&r.Active, &r.AnyTime); err != nil {
			return err
		}
		latest, err := circlesLatest(ctx, tx)
		if err != nil {
			return err
		}
		r.Quiet = model.QuietCircles(latest, today)
		if r.Due, r.DueCount, err = firstDue(ctx, tx, today, r.Quiet, first); err != nil {
			return err
		}
		return shownDetails(ctx, tx, r.Due)
	})
	if err != nil {
		return model.Roster{}, fmt.Errorf("read who is due: %w", err)
	}
	return r, nil
}

// firstDue is the first first of the people due on today in who-next
// order (model.WhoNext, with the circles gone quiet), all of them when
// first is 0 or less, and how many are due in all.
//
// model.Points is fixed by a person's circle, call-any-time and rating
// (their group) but for the lateness, which adds 0 to 4. So with the
// groups in the order of their least points, the group in which the count
// of the due reaches first bounds the points of the first-th person from
// below: everyone of a group whose most points are under that bound comes
// after them. The groups' counts are capped at first and read from the
// index, in that order until the bound is found (a few seeks), and only
// the due of the groups that reach the bound are read and ranked by
// model.WhoNext itself: ties at the cut fall as the model has them.
//
// How many are due in all is counted in an index too, a step for each
// person due (about 1 ms for 14,000, 3 in a new process): it cannot be
// kept, since who is due changes with the day.
func firstDue(ctx context.Context, tx *sql.Tx, today model.Date, quiet map[model.Circle]bool, first int) ([]model.Contact, int, error) {
	day := today.Time().Unix() / 86400
	count := -1
	if first > 0 {
		if err := tx.QueryRowContext(ctx, rosterDueCount, day).Scan(&count); err != nil {
			return nil, 0, err
		}
	}
	if first <= 0 || count <= 2*first {
		// Everyone due is shown, or nearly: finding the bound would
		// cost more than reading the rest.
		due, err := readDue(ctx, tx, rosterAllDueQuery, day)
		if err != nil {
			return nil, 0, err
		}
		due = model.WhoNext(due, today, quiet)
		if first <= 0 {
			return due, len(due), nil
		}
		return due[:min(first, len(due))], len(due), nil
	}
	groups := dueGroups(today, quiet)
	bound, err := pointsBound(ctx, tx, day, groups, first)
	if err != nil {
		return nil, 0, err
	}
	var reach []dueGroup
	for _, g := range groups {
		if g.most >= bound {
			reach = append(reach, g)
		}
	}
	due, err := readDue(ctx, tx, rosterGroupsQuery, day, groupList(reach))
	if err != nil {
		return nil, 0, err
	}
	due = model.WhoNext(due, today, quiet)
	return due[:min(first, len(due))], count, nil
}

// dueGroup is the people of one circle (its place in model.Circles),
// call-any-time (0 or 1) and rating, as contacts_due holds them, and the
// least and most points (model.Points) any of them can have when due.
type dueGroup struct {
	circle, anyTime, importance int
	least, most                 float64
}

// dueGroups are all the groups, by their least points, most first.
func dueGroups(today model.Date, quiet map[model.Circle]bool) []dueGroup {
	groups := make([]dueGroup, 0, len(model.Circles)*2*6)
	for circle := range model.Circles {
		for anyTime := range 2 {
			for importance := range 6 {
				c := model.Contact{Circle: model.Circles[circle], AnyTime: anyTime == 1, Importance: importance}
				least := model.Points(c, today, quiet) // no rhythm: nothing for lateness
				// A daily rhythm two days late is as late as can be.
				c.CadenceDays, c.LastContact = 1, today.AddDays(-3).Time()
				groups = append(groups, dueGroup{circle, anyTime, importance, least, model.Points(c, today, quiet)})
			}
		}
	}
	slices.SortStableFunc(groups, func(a, b dueGroup) int { return cmp.Compare(b.least, a.least) })
	return groups
}

// groupList is groups as the queries take them: a JSON list of
// [circle, any_time, importance].
func groupList(groups []dueGroup) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, g := range groups {
		if i > 0 {
			b.WriteByte(',')
		}
		// Circle names are plain ASCII words: nothing to escape.
		fmt.Fprintf(&b, `["%s",%d,%d]`, model.Circles[g.circle], g.anyTime, g.importance)
	}
	b.WriteByte(']')
	return b.String()
}

// pointsBound is the least points of the group (of groups, most points
// first) in which the count of the due reaches first: the first-th person
// due has at least that many. The counts come in the order of groups as
// SQLite reads json_each, which is the list's; should they not, more are
// read until every group before the bound is counted.
func pointsBound(ctx context.Context, tx *sql.Tx, day int64, groups []dueGroup, first int) (float64, error) {
	rows, err := tx.QueryContext(ctx, rosterGroupCountsQuery, day, groupList(groups), first)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	counts := make([]int, len(groups))
	counted := make([]bool, len(groups))
	next, sum := 0, 0
	for rows.Next() {
		var at, n int
		if err := rows.Scan(&at, &n); err != nil {
			return 0, err
		}
		counts[at], counted[at] = n, true
		for ; next < len(groups) && counted[next]; next++ {
			if sum += counts[next]; sum >= first {
				return groups[next].least, nil
			}
		}
	}
	// Fewer due than first (they were counted in the same transaction,
	// so only if the caller asked for more): every group can hold them.
	return math.Inf(-1), rows.Err()
}

// readDue reads the due people of a query whose columns are
// rosterAllDueQuery's.
func readDue(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.Contact, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Scanned into one set of variables, not a new contact a row: what
	// Scan is handed lives on the heap, and a contact is half a kilobyte.
	var due []model.Contact
	var c model.Contact
	var circle string
	var lastUnix, lastOffset sql.NullInt64
	dest := []any{&c.ID, &c.Name, &circle, &c.Importance, &c.CadenceDays, &c.AnyTime, &lastUnix, &lastOffset}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		c.Circle, c.LastContact = model.Circle(circle), time.Time{}
		if lastUnix.Valid {
			c.LastContact = localTime(lastUnix.Int64, lastOffset.Int64)
		}
		due = append(due, c)
	}
	return due, rows.Err()
}

// rankDue is everyone due on today whose search_key holds every one of
// words (folded; none for everyone), in who-next order (model.WhoNext).
func rankDue(ctx context.Context, tx *sql.Tx, today model.Date, words []string) ([]model.Contact, error) {
	latest, err := circlesLatest(ctx, tx)
	if err != nil {
		return nil, err
	}
	cond, args := holdsEvery("c.search_key", words, 2)
	due, err := readDue(ctx, tx, rosterAllDueQuery+` AND `+cond, append([]any{today.Time().Unix() / 86400}, args...)...)
	if err != nil {
		return nil, err
	}
	return model.WhoNext(due, today, model.QuietCircles(latest, today)), nil
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
