package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The kinds of record a removal marker names (table removed, schema 9).
const (
	removedReachOut = "reach_out"
	removedPlan     = "plan"
	removedCheckIn  = "check_in"
)

// removeOne deletes the one row deleteSQL names (its RETURNING gives the
// row's uid, or its day for a check-in) and leaves a marker of it, in the
// caller's transaction: a removal made here travels to another copy of
// the journal instead of the record coming back from it. ErrNotFound when
// there is no such row.
func removeOne(ctx context.Context, tx *sql.Tx, kind, deleteSQL string, now time.Time, args ...any) error {
	var ref string
	err := tx.QueryRowContext(ctx, deleteSQL, args...).Scan(&ref)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return markRemoved(ctx, tx, kind, ref, now)
}

// markRemoved records that the record kind/ref was removed at now.
func markRemoved(ctx context.Context, tx *sql.Tx, kind, ref string, now time.Time) error {
	if ref == "" {
		return nil // a journal's record from before uids: nothing names it elsewhere
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO removed (kind, ref, removed_at) VALUES (?, ?, ?)
		ON CONFLICT (kind, ref) DO UPDATE SET removed_at = excluded.removed_at`, kind, ref, stamp(now))
	return err
}

// Removals are the markers of the records removed, oldest first.
func (s *Store) Removals(ctx context.Context) ([]model.Removal, error) {
	var out []model.Removal
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT kind, ref, removed_at FROM removed ORDER BY removed_at, kind, ref`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r model.Removal
			var at string
			if err := rows.Scan(&r.Kind, &r.Ref, &at); err != nil {
				return err
			}
			if r.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
				return fmt.Errorf("removal of %s %s: %w", r.Kind, r.Ref, err)
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read what was removed: %w", err)
	}
	return out, nil
}
