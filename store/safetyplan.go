package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tether-recovery/tether/model"
)

// storedPlan is the safety plan as stored under safetyPlanKey: the six
// parts of model.SafetyPlan by names of the store's own, so renaming a
// field or a part's key in the model never changes what a journal means.
// A part with no lines is left out.
type storedPlan struct {
	WarningSigns  []string `json:"warning_signs,omitempty"`
	OnMyOwn       []string `json:"on_my_own,omitempty"`
	Distractions  []string `json:"distractions,omitempty"`
	AskForHelp    []string `json:"ask_for_help,omitempty"`
	Professionals []string `json:"professionals,omitempty"`
	SaferPlace    []string `json:"safer_place,omitempty"`
	// UpdatedAt is model.SafetyPlan's, as stamp writes it; a plan from
	// before it was kept has none.
	UpdatedAt string `json:"updated_at,omitempty"`
}

// SafetyPlan reads the person's safety plan; a journal without one gives
// the empty plan (every part without lines), not an error.
func (s *Store) SafetyPlan(ctx context.Context) (model.SafetyPlan, error) {
	var plan model.SafetyPlan
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		plan, err = readPlan(ctx, tx)
		return err
	})
	return plan, err
}

// readPlan is SafetyPlan inside a transaction.
func readPlan(ctx context.Context, tx *sql.Tx) (model.SafetyPlan, error) {
	var v string
	err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, safetyPlanKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return model.SafetyPlan{}, nil
	}
	if err != nil {
		return model.SafetyPlan{}, fmt.Errorf("read the safety plan: %w", err)
	}
	plan, err := decodePlan(v)
	if err != nil {
		// As with the other settings, the value stays out of the message.
		return model.SafetyPlan{}, fmt.Errorf("read the safety plan: the journal holds something that is not a safety plan; write it again")
	}
	return plan, nil
}

// SaveSafetyPlan replaces the safety plan with p, normalized (lines
// trimmed, empty ones dropped) and checked with its Validate; a refusal is
// that model.Problems, and nothing is written. A plan with nothing in it
// removes the stored one. It is one write, in one transaction. p.UpdatedAt
// is the version it replaces: if the plan was saved since (another window),
// nothing is written and the error is a *model.ChangedError holding the
// plan as it now is. It returns the plan as stored.
func (s *Store) SaveSafetyPlan(ctx context.Context, p model.SafetyPlan) (model.SafetyPlan, error) {
	p = p.Normalize()
	if problems := p.Validate(); len(problems) > 0 {
		return model.SafetyPlan{}, problems
	}
	saved := p
	saved.UpdatedAt = time.Time{}
	now := s.now()
	var value string
	if !p.Empty() {
		// As read back: the stored text's instant, without a monotonic clock.
		saved.UpdatedAt, _ = time.Parse(time.RFC3339Nano, stamp(now))
		var err error
		if value, err = encodePlan(saved); err != nil {
			return model.SafetyPlan{}, fmt.Errorf("save the safety plan: %w", err)
		}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		stored, err := readPlan(ctx, tx)
		if err != nil {
			return err
		}
		if !stored.UpdatedAt.Equal(p.UpdatedAt) {
			return &model.ChangedError{What: "your safety plan", Theirs: stored}
		}
		if value == "" {
			return s.unsetSetting(ctx, tx, safetyPlanKey, now)
		}
		return s.setSetting(ctx, tx, safetyPlanKey, value, now)
	})
	if err != nil {
		return model.SafetyPlan{}, savingWhat(err, "save the safety plan")
	}
	return saved, nil
}

// decodePlan reads a stored plan. A member it does not know is ignored, so
// a plan that a later Tether extended still shows (on the crisis card above
// all) what this one knows of it.
func decodePlan(v string) (model.SafetyPlan, error) {
	var sp storedPlan
	if err := json.Unmarshal([]byte(v), &sp); err != nil {
		return model.SafetyPlan{}, err
	}
	plan := model.SafetyPlan{
		WarningSigns: sp.WarningSigns, OnMyOwn: sp.OnMyOwn, Distractions: sp.Distractions,
		AskForHelp: sp.AskForHelp, Professionals: sp.Professionals, SaferPlace: sp.SaferPlace,
	}
	// A time that does not read is no version at all: the plan itself
	// must still reach the crisis card.
	plan.UpdatedAt, _ = time.Parse(time.RFC3339Nano, sp.UpdatedAt)
	return plan, nil
}

func encodePlan(p model.SafetyPlan) (string, error) {
	sp := storedPlan{
		WarningSigns: p.WarningSigns, OnMyOwn: p.OnMyOwn, Distractions: p.Distractions,
		AskForHelp: p.AskForHelp, Professionals: p.Professionals, SaferPlace: p.SaferPlace,
	}
	if !p.UpdatedAt.IsZero() {
		sp.UpdatedAt = stamp(p.UpdatedAt)
	}
	return compactJSON(sp)
}
