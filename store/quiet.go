package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// quietDismissedKey holds the day the quiet-network word was put aside
// ("not today"), as YYYY-MM-DD. Bookkeeping, never exported.
const quietDismissedKey = "quiet_dismissed"

// DismissQuiet puts the quiet-network word aside for day.
func (s *Store) DismissQuiet(ctx context.Context, day model.Date) error {
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		return s.setSetting(ctx, tx, quietDismissedKey, day.String(), now)
	})
	if err != nil {
		return fmt.Errorf("put the quiet-network word aside: %w", err)
	}
	return nil
}

// QuietFacts reads what model.QuietSigns weighs, up to today: the last
// day the person reached out themselves, and the reach-outs of the last
// model.QuietWindow days and the circles before them. LonelyDays is left
// to the caller, who has the check-ins already (model.LonelyRun).
func (s *Store) QuietFacts(ctx context.Context, today model.Date) (model.QuietFacts, error) {
	var f model.QuietFacts
	from := today.AddDays(1 - model.QuietWindow)
	earlier := from.AddDays(-model.QuietBefore)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var dismissed string
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, quietDismissedKey).Scan(&dismissed)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			// A day that cannot be read is as good as none: the word shows.
			f.Dismissed, _ = model.ParseDate(dismissed)
		}
		var last string
		err = tx.QueryRowContext(ctx, `SELECT day FROM reach_outs WHERE day <= ? AND direction <> ?
			ORDER BY day DESC LIMIT 1`, today.String(), string(model.DirectionTheirs)).Scan(&last)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			if f.LastMine, err = model.ParseDate(last); err != nil {
				return err
			}
		}
		window, before := quietWindowSQL, quietBeforeSQL
		if s.schema != 0 && s.schema < 11 {
			window, before = quietWindowScanSQL, quietBeforeScanSQL
		}
		var all int
		var circles string
		if err := tx.QueryRowContext(ctx, window, from.String(), today.String(), string(model.DirectionTheirs)).
			Scan(&all, &f.Theirs, &circles); err != nil {
			return err
		}
		f.Mine, f.Circles = all-f.Theirs, circlesIn(circles)
		return tx.QueryRowContext(ctx, before, earlier.String(), from.AddDays(-1).String()).Scan(&f.CirclesBefore)
	})
	if err != nil {
		return model.QuietFacts{}, fmt.Errorf("read how the network has been lately: %w", err)
	}
	return f, nil
}

// The quiet-network word's figures, from the summaries kept beside the
// log (schema 11): a window's reach-outs and the circles reached in it
// are a few rows a day of reach_out_days, however many people and years
// the journal holds; only the reach-outs from others are counted from the
// log, through the index of its days, which holds their direction.
// Circles are those reached by someone not marked as supporting using.
const (
	quietWindowSQL = `SELECT
		(SELECT coalesce(sum(n), 0) FROM reach_out_days WHERE day BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM reach_outs INDEXED BY reach_outs_day WHERE day BETWEEN ?1 AND ?2 AND direction = ?3),
		(SELECT coalesce(group_concat(DISTINCT circle) FILTER (WHERE kind <> 'use' AND circle <> ''), '')
		 FROM reach_out_days WHERE day BETWEEN ?1 AND ?2)`
	quietBeforeSQL = `SELECT count(DISTINCT circle) FILTER (WHERE kind <> 'use' AND circle <> '')
		FROM reach_out_days WHERE day BETWEEN ?1 AND ?2`
)

// The same figures read from the log, for a journal of an older schema
// opened read-only (it has no summaries, and is not updated to have them).
const (
	quietWindowScanSQL = `SELECT count(*), count(*) FILTER (WHERE r.direction = ?3),
		coalesce(group_concat(DISTINCT c.circle) FILTER (WHERE c.stance <> 'supports-using'), '')
		FROM reach_outs r JOIN contacts c ON c.id = r.contact_id WHERE r.day BETWEEN ?1 AND ?2`
	quietBeforeScanSQL = `SELECT count(DISTINCT c.circle) FILTER (WHERE c.stance <> 'supports-using')
		FROM reach_outs r JOIN contacts c ON c.id = r.contact_id WHERE r.day BETWEEN ?1 AND ?2`
)

// circlesIn are the circles of a group_concat of circle names, in
// model.Circles' order.
func circlesIn(concat string) []model.Circle {
	names := strings.Split(concat, ",")
	var out []model.Circle
	for _, c := range model.Circles {
		if slices.Contains(names, string(c)) {
			out = append(out, c)
		}
	}
	return out
}
