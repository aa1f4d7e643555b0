package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
	before := from.AddDays(-model.QuietBefore)
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
		rows, err := tx.QueryContext(ctx, `SELECT r.direction, c.circle, c.stance
			FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
			WHERE r.day BETWEEN ? AND ?`, from.String(), today.String())
		if err != nil {
			return err
		}
		defer rows.Close()
		seen := map[model.Circle]bool{}
		for rows.Next() {
			var direction, circle, stance string
			if err := rows.Scan(&direction, &circle, &stance); err != nil {
				return err
			}
			if model.Direction(direction) == model.DirectionTheirs {
				f.Theirs++
			} else {
				f.Mine++
			}
			if c := model.Circle(circle); model.Stance(stance) != model.StanceSupportsUsing && !seen[c] {
				seen[c] = true
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range model.Circles {
			if seen[c] {
				f.Circles = append(f.Circles, c)
			}
		}
		return tx.QueryRowContext(ctx, `SELECT count(DISTINCT c.circle)
			FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
			WHERE r.day BETWEEN ? AND ? AND c.stance <> ?`,
			before.String(), from.AddDays(-1).String(), string(model.StanceSupportsUsing)).Scan(&f.CirclesBefore)
	})
	if err != nil {
		return model.QuietFacts{}, fmt.Errorf("read how the network has been lately: %w", err)
	}
	return f, nil
}
