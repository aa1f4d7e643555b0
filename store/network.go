package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// The Network review's reads beside Health and Faded: each reads the few
// rows the review shows, from an index, never every person.

// circleMembersSQL is each circle's count of active people (kept in
// circle_people) and the names of the first ?1 of them by name, joined by
// a unit separator (a name holds no control character), from
// contacts_circle_names alone: a row a circle.
const circleMembersSQL = `SELECT p.circle, p.n,
	(SELECT group_concat(f.name, char(31)) FROM (SELECT name FROM contacts
		WHERE archived = 0 AND circle = p.circle ORDER BY name_key, id LIMIT ?1) f)
	FROM circle_people p`

// CircleMembers is each circle's active people as Network shows them
// (model.CircleMembersOf): how many, and the names and circle of the
// first of them by name. Every circle is there, empty ones too.
func (s *Store) CircleMembers(ctx context.Context, first int) (map[model.Circle]model.CircleMembers, error) {
	out := make(map[model.Circle]model.CircleMembers, len(model.Circles))
	for _, c := range model.Circles {
		out[c] = model.CircleMembers{}
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, circleMembersSQL, first)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var circle string
			var m model.CircleMembers
			var names sql.NullString
			if err := rows.Scan(&circle, &m.Count, &names); err != nil {
				return err
			}
			if first > 0 && names.Valid {
				for _, name := range strings.Split(names.String, "\x1f") {
					m.First = append(m.First, model.Contact{Name: name, Circle: model.Circle(circle)})
				}
			}
			out[model.Circle(circle)] = m
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the circles: %w", err)
	}
	return out, nil
}

// usingCountSQL counts the active people marked as supporting using, from
// their partial index.
const usingCountSQL = `SELECT count(*) FROM contacts WHERE archived = 0 AND stance = 'supports-using'`

// usingFirstSQL is the first ?3 of them by how often they were in touch
// on the days ?1 to ?2 (then by name and id): those in touch, summed from
// using_days, then, when they are fewer, the others by name from
// contacts_using. Then their names.
const usingFirstSQL = `WITH touch(id, n) AS (
		SELECT contact_id, sum(n) FROM using_days WHERE day BETWEEN ?1 AND ?2 GROUP BY contact_id),
	touched(id, n, key) AS (
		SELECT t.id, t.n, c.name_key FROM touch t CROSS JOIN contacts c ON c.id = t.id AND c.archived = 0
		ORDER BY t.n DESC, c.name_key, t.id LIMIT ?3),
	rest(id, n, key) AS (
		SELECT id, 0, name_key FROM contacts WHERE archived = 0 AND stance = 'supports-using'
		AND id NOT IN (SELECT id FROM touch) ORDER BY name_key, id LIMIT ?3 - (SELECT count(*) FROM touched)),
	first(id, n, key) AS (SELECT * FROM touched UNION ALL SELECT * FROM rest)
	SELECT c.id, c.name, c.nickname, c.circle FROM first f CROSS JOIN contacts c ON c.id = f.id
	ORDER BY f.n DESC, f.key, f.id`

// UsingPeople is the active people marked as supporting using, those most
// in touch from..to first, then by name (model.RiskyTies' order): how
// many they are, and the first of them, with what the review shows of
// them (name, nickname, circle).
func (s *Store) UsingPeople(ctx context.Context, from, to model.Date, first int) ([]model.Contact, int, error) {
	var out []model.Contact
	var total int
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, usingCountSQL).Scan(&total); err != nil || total == 0 || first <= 0 {
			return err
		}
		rows, err := tx.QueryContext(ctx, usingFirstSQL, from.String(), to.String(), first)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := model.Contact{Stance: model.StanceSupportsUsing}
			var circle string
			if err := rows.Scan(&c.ID, &c.Name, &c.Nickname, &circle); err != nil {
				return err
			}
			c.Circle = model.Circle(circle)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read the people who support using: %w", err)
	}
	return out, total, nil
}

// momentsWithSQL is the reach-outs of some people (?1, a JSON array of
// ids) on the days ?2 to ?3: who and when, from the log's index by person
// and day alone.
const momentsWithSQL = `SELECT r.id, r.contact_id, r.at_unix, r.at_offset FROM reach_outs r INDEXED BY reach_outs_contact_day
	WHERE r.contact_id IN (SELECT value FROM json_each(?1)) AND r.day BETWEEN ?2 AND ?3
	ORDER BY r.at_unix, r.id`

// MomentsWith lists the reach-outs with the people ids on the local days
// from..to, inclusive, oldest first, with who and when alone (ID,
// ContactID and At): what counts them and finds their days, read from an
// index rather than the log.
func (s *Store) MomentsWith(ctx context.Context, ids []int64, from, to model.Date) ([]model.ReachOut, error) {
	var out []model.ReachOut
	if len(ids) == 0 {
		return out, nil
	}
	lo, hi := dayRange(from, to)
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, momentsWithSQL, joinIDs(ids), lo, hi)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r model.ReachOut
			var unix, offset int64
			if err := rows.Scan(&r.ID, &r.ContactID, &unix, &offset); err != nil {
				return err
			}
			r.At = localTime(unix, offset)
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read when %d people were reached from %s to %s: %w", len(ids), from, to, err)
	}
	return out, nil
}

// RecentCheckups is the last n check-ups taken of an instrument, oldest
// first, as Checkups lists them all.
func (s *Store) RecentCheckups(ctx context.Context, i model.Instrument, n int) ([]model.Checkup, error) {
	var out []model.Checkup
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryCheckups(ctx, tx, `SELECT `+checkupColumns+` FROM checkups
			WHERE instrument = ? ORDER BY day DESC LIMIT ?`, string(i), n)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the last check-ups of %s: %w", i, err)
	}
	slices.Reverse(out)
	return out, nil
}
