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
	removedSetting  = "setting"
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
		var err error
		out, err = queryRemovals(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read what was removed: %w", err)
	}
	return out, nil
}

func queryRemovals(ctx context.Context, tx *sql.Tx) ([]model.Removal, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kind, ref, removed_at FROM removed ORDER BY removed_at, kind, ref`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Removal
	for rows.Next() {
		var r model.Removal
		var at string
		if err := rows.Scan(&r.Kind, &r.Ref, &at); err != nil {
			return nil, err
		}
		if r.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("removal of %s %s: %w", r.Kind, r.Ref, err)
		}
		if r.Kind == removedSetting && localSetting(r.Ref) {
			continue // this copy's own, as in readSettings
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// readIdentities is what an export carries for another copy of the journal
// to merge it by (schema 9): the journal's uid, its plans, and the markers
// of what it removed.
func readIdentities(ctx context.Context, tx *sql.Tx) (journal string, plans []model.Plan, removed []model.Removal, seen map[string]time.Time, err error) {
	if err = tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, journalUIDKey).Scan(&journal); err != nil {
		return "", nil, nil, nil, fmt.Errorf("the journal's uid: %w", err)
	}
	if plans, err = queryPlans(ctx, tx, `SELECT `+planColumns+`
		FROM planned_reach_outs p JOIN contacts c ON c.id = p.contact_id ORDER BY p.day, p.at_time, p.id`); err != nil {
		return "", nil, nil, nil, fmt.Errorf("plans: %w", err)
	}
	if removed, err = queryRemovals(ctx, tx); err != nil {
		return "", nil, nil, nil, fmt.Errorf("removals: %w", err)
	}
	if seen, err = readSeen(ctx, tx); err != nil {
		return "", nil, nil, nil, fmt.Errorf("the copies merged: %w", err)
	}
	return journal, plans, removed, seen, nil
}

// settingStamps is when each of settings last changed (schema 9); a
// setting kept since before then has none.
func settingStamps(ctx context.Context, tx *sql.Tx, settings map[string]string) (map[string]time.Time, error) {
	rows, err := tx.QueryContext(ctx, `SELECT key, updated_at FROM settings WHERE updated_at <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out map[string]time.Time
	for rows.Next() {
		var key, at string
		if err := rows.Scan(&key, &at); err != nil {
			return nil, err
		}
		if _, exported := settings[key]; !exported {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			return nil, fmt.Errorf("%s: updated_at: %w", key, err)
		}
		if out == nil {
			out = map[string]time.Time{}
		}
		out[key] = t
	}
	return out, rows.Err()
}
