package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tether-recovery/tether/model"
)

// Setting reads one setting; ok is false when it was never set, so callers
// can tell "unset" from "set to empty".
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("read setting %q: %w", key, err)
	}
	return value, true, nil
}

// SetSetting stores a setting, replacing any earlier value. Settings live in
// the journal so that one file is the whole journal.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	if key == "" {
		return errors.New("save setting: the key is empty")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO settings (key, value) VALUES (?, ?)
			 ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("save setting %q: %w", key, err)
	}
	return nil
}

// The keys of the settings the store reads itself.
const recoveryStartKey = "recovery_start"

// FieldRecoveryStart is the key of the model.Problems SetRecoveryStart
// refuses a date with, so a form can show the message beside the field.
const FieldRecoveryStart = "recovery_start"

// RecoveryStart is the day the person counts their recovery from; the zero
// Date when they have not set one.
func (s *Store) RecoveryStart(ctx context.Context) (model.Date, error) {
	v, ok, err := s.Setting(ctx, recoveryStartKey)
	if err != nil || !ok {
		return model.Date{}, err
	}
	d, err := model.ParseDate(v)
	if err != nil {
		// The value stays out of the message: errors may be logged, and the
		// journal's contents never are.
		return model.Date{}, fmt.Errorf("read the recovery start date: the journal holds something that is not a date (%w); set it again", model.ErrDateFormat)
	}
	return d, nil
}

// SetRecoveryStart sets the day the person counts their recovery from, or
// clears it (the zero Date): some people count from a first day, some from
// their last lapse, some not at all, and all of them are right. A day after
// today (by the store's clock) or one that is not a real calendar day is
// refused with a model.Problems under FieldRecoveryStart.
func (s *Store) SetRecoveryStart(ctx context.Context, d model.Date) error {
	if d.IsZero() {
		err := s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, recoveryStartKey)
			return err
		})
		if err != nil {
			return fmt.Errorf("clear the recovery start date: %w", err)
		}
		return nil
	}
	if back, err := model.ParseDate(d.String()); err != nil || back != d {
		return model.Problems{FieldRecoveryStart: "That is not a real calendar day; use year-month-day, like 2024-03-09."}
	}
	if d.After(model.DateOf(s.now())) {
		return model.Problems{FieldRecoveryStart: "That day hasn't happened yet; choose today or a day gone by."}
	}
	return s.SetSetting(ctx, recoveryStartKey, d.String())
}
