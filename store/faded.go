package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// fadedCountSQL counts who has faded by a day (?1): the sum of the
// changes up to it (see schema11).
const fadedCountSQL = `SELECT coalesce(sum(n), 0) FROM fade_changes WHERE day <= ?1`

// fadedFirstSQL finds those who faded longest ago by a day (?1), in the
// list's order, ?3 of them: active people with a silence that began by ?2
// (14 days before) and ends after ?1. Silences are indexed by the month
// they end, and in each month in the list's order (the day they began,
// then the most important, then by name and id); each month from ?1's
// to the log's last, and the silences not ended, gives its first ?3, a
// few steps each, and the first ?3 of them all are the list's.
const fadedFirstSQL = `WITH RECURSIVE
	months(m) AS (
		SELECT substr(?1, 1, 7)
		UNION ALL
		SELECT strftime('%Y-%m', m || '-01', '+1 month') FROM months
		WHERE m < (SELECT substr(max(day), 1, 7) FROM reach_outs)),
	ends(m) AS (SELECT m FROM months UNION ALL SELECT '9999-12')
	SELECT s.contact_id, s.from_day FROM ends CROSS JOIN silences s
	WHERE (s.contact_id, s.from_day) IN (SELECT x.contact_id, x.from_day FROM silences x
		WHERE substr(x.until_day, 1, 7) = ends.m AND x.archived = 0 AND x.from_day <= ?2 AND x.until_day > ?1
		ORDER BY x.from_day, x.importance DESC, x.name_key, x.contact_id LIMIT ?3)
	ORDER BY s.from_day, s.importance DESC, s.name_key, s.contact_id LIMIT ?3`

// fadedPeopleSQL reads the people of a stretch of the faded list (?1, a
// JSON array of [id, day] pairs: each person and the last day they were
// reached): what the lists show, and their latest reach-out of that day,
// as LastContact has it, from the log's index by person and day alone
// (the planner would rather walk all of the person's reach-outs in time
// order).
const fadedPeopleSQL = `SELECT c.id, c.name, c.nickname, c.circle, c.importance, c.stance,
	(SELECT r.at_unix FROM reach_outs r INDEXED BY reach_outs_contact_day
	 WHERE r.contact_id = j.id AND r.day = j.day ORDER BY r.at_unix DESC, r.id DESC LIMIT 1),
	(SELECT r.at_offset FROM reach_outs r INDEXED BY reach_outs_contact_day
	 WHERE r.contact_id = j.id AND r.day = j.day ORDER BY r.at_unix DESC, r.id DESC LIMIT 1)
	FROM (SELECT value ->> 0 AS id, value ->> 1 AS day FROM json_each(?1)) j
	JOIN contacts c ON c.id = j.id`

// Faded says who has faded by the local day ref, as model.HealthOver has
// it: active people reached on some day up to ref, but on none of the
// FadeDays up to it. It gives how many they are, and limit of them from
// offset in the order the lists show (longest gap first, then the most
// important, then by name and id), each with their last contact up to ref
// as LastContact, and with what the lists show of them (name, nickname,
// circle, importance, stance). The count is a sum over the days that
// changed it; the stretch a few seeks for each month since ref.
func (s *Store) Faded(ctx context.Context, ref model.Date, offset, limit int) ([]model.Contact, int, error) {
	var out []model.Contact
	var total int
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, fadedCountSQL, ref.String()).Scan(&total); err != nil {
			return err
		}
		if limit <= 0 || offset >= total {
			return nil
		}
		var err error
		out, err = fadedStretch(ctx, tx, ref, offset, limit)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read who had faded by %s: %w", ref, err)
	}
	return out, total, nil
}

// faded is one person faded by a day, and since when (the last day they
// were reached).
type faded struct {
	id   int64
	last string
}

// fadedStretch is Faded's list from offset, limit long.
func fadedStretch(ctx context.Context, tx *sql.Tx, ref model.Date, offset, limit int) ([]model.Contact, error) {
	rows, err := tx.QueryContext(ctx, fadedFirstSQL, ref.String(), ref.AddDays(-model.FadeDays).String(), offset+limit)
	if err != nil {
		return nil, err
	}
	var found []faded
	for rows.Next() {
		var f faded
		if err := rows.Scan(&f.id, &f.last); err != nil {
			rows.Close()
			return nil, err
		}
		found = append(found, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return fadedPeople(ctx, tx, found[min(offset, len(found)):])
}

// fadedPeople reads the people of a stretch of the list, in its order.
func fadedPeople(ctx context.Context, tx *sql.Tx, stretch []faded) ([]model.Contact, error) {
	at := make(map[int64]int, len(stretch))
	pairs := make([]string, len(stretch))
	for i, f := range stretch {
		at[f.id] = i
		pairs[i] = fmt.Sprintf("[%d,%q]", f.id, f.last)
	}
	rows, err := tx.QueryContext(ctx, fadedPeopleSQL, "["+strings.Join(pairs, ",")+"]")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]model.Contact, len(stretch))
	for rows.Next() {
		var c model.Contact
		var circle, stance string
		var unix, offset int64
		if err := rows.Scan(&c.ID, &c.Name, &c.Nickname, &circle, &c.Importance, &stance, &unix, &offset); err != nil {
			return nil, err
		}
		c.Circle, c.Stance = model.Circle(circle), model.Stance(stance)
		c.LastContact = localTime(unix, offset)
		out[at[c.ID]] = c
	}
	return out, rows.Err()
}

// joinIDs is ids as a JSON array, for json_each.
func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return "[" + strings.Join(parts, ",") + "]"
}
