package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

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
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		return s.setSetting(ctx, tx, key, value, now)
	})
	if err != nil {
		return fmt.Errorf("save setting %q: %w", key, err)
	}
	return nil
}

const upsertSettingSQL = `INSERT INTO settings (key, value) VALUES (?, ?)
	ON CONFLICT (key) DO UPDATE SET value = excluded.value`

// upsertStampedSQL is upsertSettingSQL from schema 9: a setting keeps the
// time its value last changed (a save of the same value is no change).
const upsertStampedSQL = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
	ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
	WHERE value IS NOT excluded.value`

// setSetting stores one setting in tx, changed at now.
func (s *Store) setSetting(ctx context.Context, tx *sql.Tx, key, value string, now time.Time) error {
	var err error
	if s.schema != 0 && s.schema < 9 {
		_, err = tx.ExecContext(ctx, upsertSettingSQL, key, value)
	} else {
		_, err = tx.ExecContext(ctx, upsertStampedSQL, key, value, stamp(now))
	}
	return err
}

// unsetSetting removes one setting in tx, leaving a marker that the
// removal was made at now (so it travels to another copy).
func (s *Store) unsetSetting(ctx context.Context, tx *sql.Tx, key string, now time.Time) error {
	if s.schema != 0 && s.schema < 9 {
		_, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
		return err
	}
	err := removeOne(ctx, tx, removedSetting, `DELETE FROM settings WHERE key = ? RETURNING key`, now, key)
	if errors.Is(err, ErrNotFound) {
		return nil // already unset
	}
	return err
}

// The keys of the settings the store reads itself.
const (
	recoveryStartKey = "recovery_start"
	promptsKey       = "prompts" // a JSON array of strings
)

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
	now := s.now()
	if msg := recoveryStartProblem(d, model.DateOf(now)); msg != "" {
		return model.Problems{FieldRecoveryStart: msg}
	}
	// The date is one of the settings: the Settings screen of another
	// window must see that they changed (see SaveSettings).
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if d.IsZero() {
			err = s.unsetSetting(ctx, tx, recoveryStartKey, now)
		} else {
			err = s.setSetting(ctx, tx, recoveryStartKey, d.String(), now)
		}
		if err != nil {
			return err
		}
		return settingsChanged(ctx, tx, now)
	})
	if err != nil {
		if d.IsZero() {
			return fmt.Errorf("clear the recovery start date: %w", err)
		}
		return fmt.Errorf("set the recovery start date: %w", err)
	}
	return nil
}

// Prompts is the person's current set of reflection prompts, in order:
// model.DefaultPrompts (a copy) until they set their own. It is what a week
// not yet begun offers; a saved week keeps the prompts it was asked with.
func (s *Store) Prompts(ctx context.Context) ([]string, error) {
	v, ok, err := s.Setting(ctx, promptsKey)
	if err != nil {
		return nil, err
	}
	if !ok {
		return slices.Clone(model.DefaultPrompts), nil
	}
	var stored []string
	if err := json.Unmarshal([]byte(v), &stored); err == nil {
		if set, p := checkPrompts(stored); len(p) == 0 {
			return set, nil
		}
	}
	// As with the recovery start date, the value stays out of the message.
	return nil, errors.New("read the reflection prompts: the journal holds something that is not a list of prompts; set them again")
}

// SetPrompts replaces the prompt set with prompts, each trimmed, in their
// order: adding, editing, reordering and removing prompts all come down to
// this. An empty set, more than model.MaxPrompts, a prompt that fails
// model.PromptProblem or repeats another (ignoring case and accents) is
// refused with a model.Problems, under model.FieldPrompt for the set as a
// whole or model.FieldPrompt plus the prompt's index from 0 ("prompt3" for
// the fourth), and nothing changes. Weeks already written keep the prompts
// they were asked with: this writes one setting and nothing else.
func (s *Store) SetPrompts(ctx context.Context, prompts []string) error {
	set, p := checkPrompts(prompts)
	if len(p) > 0 {
		return p
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // readable in the sqlite3 shell: "&", not "\u0026"
	if err := enc.Encode(set); err != nil {
		return fmt.Errorf("save the reflection prompts: %w", err)
	}
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		return s.setSetting(ctx, tx, promptsKey, strings.TrimSuffix(b.String(), "\n"), now)
	})
	if err != nil {
		return fmt.Errorf("save the reflection prompts: %w", err)
	}
	return nil
}

// checkPrompts trims a prompt set and says what is wrong with it, if
// anything.
func checkPrompts(prompts []string) ([]string, model.Problems) {
	p := model.Problems{}
	set := make([]string, len(prompts))
	seen := make(map[string]int, len(prompts))
	for i, q := range prompts {
		q = strings.TrimSpace(q)
		set[i] = q
		field := fmt.Sprintf("%s%d", model.FieldPrompt, i)
		if msg := model.PromptProblem(q); msg != "" {
			p[field] = msg
			continue
		}
		key := model.Fold(q)
		if first, dup := seen[key]; dup {
			p[field] = fmt.Sprintf("This is the same as prompt %d; keep one of them.", first+1)
		} else {
			seen[key] = i
		}
	}
	switch {
	case len(set) == 0:
		p[model.FieldPrompt] = "Keep at least one prompt; a week needs something to answer."
	case len(set) > model.MaxPrompts:
		p[model.FieldPrompt] = fmt.Sprintf("A set holds at most %d prompts; this one has %d.", model.MaxPrompts, len(set))
	}
	return set, p
}
