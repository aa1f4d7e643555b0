package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/tether-recovery/tether/model"
)

// LogWithNewContact adds someone to the contacts and logs a reach-out with
// them, in one transaction: the log dialog's "someone new", for the person
// met at a meeting tonight. Either both are saved or neither is, so a
// cancelled or refused log never leaves a stray contact behind. Problems
// with either come back as model.Problems (the contact's name under
// model.FieldContact).
func (s *Store) LogWithNewContact(ctx context.Context, c model.Contact, r model.ReachOut) (model.ReachOut, error) {
	c.ID = 0
	c = c.Normalize()
	p := model.Problems{}
	cp := c.Validate(model.Date{})
	for _, k := range slices.Sorted(maps.Keys(cp)) {
		p[model.FieldContact] = cp[k]
	}
	if msg, ok := cp[model.FieldName]; ok {
		p[model.FieldContact] = msg // the name is what the person typed
	}
	now := s.now()
	r.ID, r.ContactID = 0, 0 // checked without a person (they are new): that problem is dropped
	r, rp := checkReachOut(r, now)
	for k, msg := range rp {
		if k != model.FieldContact {
			p[k] = msg
		}
	}
	if len(p) > 0 {
		return model.ReachOut{}, p
	}
	var saved model.ReachOut
	err := s.write(ctx, func(tx *sql.Tx) error {
		id, err := insertContact(ctx, tx, c, now, now)
		if err != nil {
			return err
		}
		if err := replaceTags(ctx, tx, id, c.Tags); err != nil {
			return err
		}
		r.ContactID = id
		saved, err = saveReachOut(ctx, tx, r, now)
		return err
	})
	var problems model.Problems
	switch {
	case errors.As(err, &problems):
		return model.ReachOut{}, problems
	case err != nil:
		return model.ReachOut{}, fmt.Errorf("add someone new and log a reach-out with them: %w", err)
	}
	return saved, nil
}
