package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

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
}

// SafetyPlan reads the person's safety plan; a journal without one gives
// the empty plan (every part without lines), not an error.
func (s *Store) SafetyPlan(ctx context.Context) (model.SafetyPlan, error) {
	v, ok, err := s.Setting(ctx, safetyPlanKey)
	if err != nil {
		return model.SafetyPlan{}, fmt.Errorf("read the safety plan: %w", err)
	}
	if !ok {
		return model.SafetyPlan{}, nil
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
// removes the stored one. It is one write, in one transaction.
func (s *Store) SaveSafetyPlan(ctx context.Context, p model.SafetyPlan) error {
	p = p.Normalize()
	if problems := p.Validate(); len(problems) > 0 {
		return problems
	}
	var value string
	if !p.Empty() {
		var err error
		if value, err = encodePlan(p); err != nil {
			return fmt.Errorf("save the safety plan: %w", err)
		}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if value == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, safetyPlanKey)
			return err
		}
		_, err := tx.ExecContext(ctx, upsertSettingSQL, safetyPlanKey, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("save the safety plan: %w", err)
	}
	return nil
}

// decodePlan reads a stored plan. A member it does not know is ignored, so
// a plan that a later Tether extended still shows (on the crisis card above
// all) what this one knows of it.
func decodePlan(v string) (model.SafetyPlan, error) {
	var sp storedPlan
	if err := json.Unmarshal([]byte(v), &sp); err != nil {
		return model.SafetyPlan{}, err
	}
	return model.SafetyPlan{
		WarningSigns: sp.WarningSigns, OnMyOwn: sp.OnMyOwn, Distractions: sp.Distractions,
		AskForHelp: sp.AskForHelp, Professionals: sp.Professionals, SaferPlace: sp.SaferPlace,
	}, nil
}

func encodePlan(p model.SafetyPlan) (string, error) {
	return compactJSON(storedPlan{
		WarningSigns: p.WarningSigns, OnMyOwn: p.OnMyOwn, Distractions: p.Distractions,
		AskForHelp: p.AskForHelp, Professionals: p.Professionals, SaferPlace: p.SaferPlace,
	})
}
