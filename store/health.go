package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tether-recovery/tether/model"
)

// healthSQL sums a window's rows of reach_out_days (?1 to ?2): a few rows
// a day, whatever the size of the journal. Circles are those reached by
// someone not marked as supporting using (a reach-out with no contact has
// none).
const healthSQL = `SELECT coalesce(sum(n), 0),
	coalesce(sum(n) FILTER (WHERE kind = 'use'), 0),
	count(DISTINCT day) FILTER (WHERE kind = 'support'),
	coalesce(group_concat(DISTINCT circle) FILTER (WHERE kind <> 'use' AND circle <> ''), '')
	FROM reach_out_days WHERE day BETWEEN ?1 AND ?2`

// weekPeopleSQL is a week's people (?1, its Monday), as kept.
const weekPeopleSQL = `SELECT coalesce((SELECT people FROM week_counts WHERE monday = ?1), 0)`

// windowPeopleSQL counts the people reached on the days ?1 to ?2: those
// last reached in them (last_days), and those reached after ?2 who were
// reached in them too, found one by one (their open silence begins after
// the window) — none, for a window that ends today.
const windowPeopleSQL = `SELECT (SELECT coalesce(sum(n), 0) FROM last_days WHERE day BETWEEN ?1 AND ?2)
	+ (SELECT count(*) FROM silences s WHERE substr(s.until_day, 1, 7) = '9999-12' AND s.archived IN (0, 1) AND s.from_day > ?2
	   AND EXISTS (SELECT 1 FROM reach_outs r WHERE r.contact_id = s.contact_id AND r.day BETWEEN ?1 AND ?2))`

// anyTimeCountSQL counts the active any-time people from their partial
// index (the planner would rather walk every active person in
// contacts_roster, which holds any_time too).
const anyTimeCountSQL = `SELECT count(*) FROM contacts INDEXED BY contacts_any_time WHERE archived = 0 AND any_time = 1`

// Health is the network's figures over the days from..to, inclusive, as
// model.HealthOver has them: reach-outs, people, circles, days with
// supportive contact, the share with people who support using, and the
// active any-time people. They are read from the summaries kept beside
// the log (schema 11), not from the log: a window costs the same on a
// decade of history and thousands of people as on a month. Who has faded
// is Faded's to say (Faded and FadedCount are left empty). A from after
// to is read the other way round.
func (s *Store) Health(ctx context.Context, from, to model.Date) (model.NetworkHealth, error) {
	if from.After(to) {
		from, to = to, from
	}
	h := model.NetworkHealth{From: from, To: to, Days: to.DaysSince(from) + 1}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var circles string
		if err := tx.QueryRowContext(ctx, healthSQL, from.String(), to.String()).
			Scan(&h.ReachOuts, &h.UseReachOuts, &h.SupportiveDays, &circles); err != nil {
			return err
		}
		h.Circles = circlesIn(circles)
		if h.ReachOuts > 0 {
			h.UseShare = float64(h.UseReachOuts) / float64(h.ReachOuts)
		}
		var people *sql.Row
		if w := model.WeekOf(from); w.Monday() == from && w.Sunday() == to {
			people = tx.QueryRowContext(ctx, weekPeopleSQL, from.String())
		} else {
			people = tx.QueryRowContext(ctx, windowPeopleSQL, from.String(), to.String())
		}
		if err := people.Scan(&h.People); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, anyTimeCountSQL).Scan(&h.AnyTime)
	})
	if err != nil {
		return model.NetworkHealth{}, fmt.Errorf("read the figures from %s to %s: %w", from, to, err)
	}
	return h, nil
}
