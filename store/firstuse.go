package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tether-recovery/tether/model"
)

// firstUseSQL is the earliest day the journal holds anything: its first
// check-in, its first reach-out (both from their day indexes' first
// entry) or the day its first contact was added (the lowest id, read by
// rowid). An import of years of history counts from that history.
const firstUseSQL = `SELECT min(d) FROM (
	SELECT min(day) AS d FROM check_ins
	UNION ALL SELECT min(day) FROM reach_outs
	UNION ALL SELECT substr(created_at, 1, 10) FROM (SELECT created_at FROM contacts ORDER BY id LIMIT 1))`

// FirstUse is the first day the journal was used (see firstUseSQL); the
// zero Date for a journal with nothing in it. Today's check-up reminder
// waits for some weeks of use (model.CheckupReminder).
func (s *Store) FirstUse(ctx context.Context) (model.Date, error) {
	var day sql.NullString
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, firstUseSQL).Scan(&day)
	})
	if err != nil {
		return model.Date{}, fmt.Errorf("read when the journal was first used: %w", err)
	}
	if !day.Valid {
		return model.Date{}, nil
	}
	d, err := parseDay(day.String)
	if err != nil {
		return model.Date{}, fmt.Errorf("read when the journal was first used: %w", err)
	}
	return d, nil
}
