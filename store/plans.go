package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tether-recovery/tether/model"
)

// planColumns is the order scanPlans reads, from planned_reach_outs p
// joined to contacts c.
const planColumns = `p.id, p.contact_id, c.name, p.day, p.at_time, p.channel, p.note, p.created_at,
	p.updated_at, p.uid`

// SavePlan adds a planned reach-out (ID 0), or moves or edits the one with
// its ID. It is checked as of the store's clock (a day not before today)
// and refused with a model.Problems, nothing written, otherwise. It
// returns the plan as stored, with the person's name.
func (s *Store) SavePlan(ctx context.Context, p model.Plan) (model.Plan, error) {
	now := s.now()
	p = p.Normalize()
	if pr := p.Validate(model.DateOf(now)); len(pr) > 0 {
		return model.Plan{}, pr
	}
	var saved model.Plan
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM contacts WHERE id = ? AND archived = 0`, p.ContactID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return model.Problems{model.FieldPlanContact: "That person is not in your network; choose who you mean to reach."}
		}
		if err != nil {
			return err
		}
		id := p.ID
		if id == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO planned_reach_outs
				(contact_id, day, at_time, channel, note, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, `+newUID+`)`,
				p.ContactID, p.Day.String(), p.Time, string(p.Channel), p.Note, stamp(now), stamp(now), p.UID)
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE planned_reach_outs SET
				contact_id = ?, day = ?, at_time = ?, channel = ?, note = ?, updated_at = ? WHERE id = ?`,
				p.ContactID, p.Day.String(), p.Time, string(p.Channel), p.Note, stamp(now), id)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errOr(err, ErrNotFound)
			}
		}
		list, err := queryPlans(ctx, tx, `SELECT `+planColumns+`
			FROM planned_reach_outs p JOIN contacts c ON c.id = p.contact_id WHERE p.id = ?`, id)
		if err != nil {
			return err
		}
		if len(list) != 1 {
			return ErrNotFound
		}
		saved = list[0]
		return nil
	})
	var problems model.Problems
	switch {
	case errors.As(err, &problems):
		return model.Plan{}, problems
	case err != nil:
		return model.Plan{}, fmt.Errorf("save the plan: %w", err)
	}
	return saved, nil
}

// DropPlan removes a planned reach-out; ErrNotFound if there is none.
func (s *Store) DropPlan(ctx context.Context, id int64) error {
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		return removeOne(ctx, tx, removedPlan, `DELETE FROM planned_reach_outs WHERE id = ? RETURNING uid`, now, id)
	})
	if err != nil {
		return fmt.Errorf("drop the plan: %w", err)
	}
	return nil
}

// PlanDone turns a planned reach-out into a logged one, at the moment at
// (when it was done), with the plan's channel and note: the reach-out is
// added and the plan removed in one transaction. It returns the reach-out
// as stored.
func (s *Store) PlanDone(ctx context.Context, id int64, at time.Time) (model.ReachOut, error) {
	now := s.now()
	var saved model.ReachOut
	err := s.write(ctx, func(tx *sql.Tx) error {
		list, err := queryPlans(ctx, tx, `SELECT `+planColumns+`
			FROM planned_reach_outs p JOIN contacts c ON c.id = p.contact_id WHERE p.id = ?`, id)
		if err != nil {
			return err
		}
		if len(list) != 1 {
			return ErrNotFound
		}
		p := list[0]
		r, problems := checkReachOut(model.ReachOut{ContactID: p.ContactID, At: at, Channel: p.Channel,
			Direction: model.DirectionMine, Note: p.Note}, now)
		if len(problems) > 0 {
			return problems
		}
		if saved, err = saveReachOut(ctx, tx, r, now); err != nil {
			return err
		}
		// Done, the plan is gone: in every copy of the journal.
		return removeOne(ctx, tx, removedPlan, `DELETE FROM planned_reach_outs WHERE id = ? RETURNING uid`, now, id)
	})
	var problems model.Problems
	switch {
	case errors.As(err, &problems):
		return model.ReachOut{}, problems
	case err != nil:
		return model.ReachOut{}, fmt.Errorf("log the planned reach-out: %w", err)
	}
	return saved, nil
}

// plansBetweenSQL is the plans of the days ?1 to ?2 of people in the
// network, a range of planned_reach_outs_day with each person's row
// looked up. The CROSS JOIN keeps the plans the outer loop: knowing
// nothing of the tables' sizes, and seeing archived = 0 on contacts,
// SQLite would walk every active person and seek their plans (3 ms on
// 30,000 people, for `tether due` and Today's first read).
const plansBetweenSQL = `SELECT ` + planColumns + `
	FROM planned_reach_outs p CROSS JOIN contacts c ON c.id = p.contact_id
	WHERE p.day BETWEEN ?1 AND ?2 AND c.archived = 0
	ORDER BY p.day, p.at_time, p.id`

// PlansBetween lists the reach-outs planned for the days from..to (either
// may be zero: no bound), by day, then time (those without a time first),
// then as they were planned; only for people in the network (archived
// people's plans wait until they are restored).
func (s *Store) PlansBetween(ctx context.Context, from, to model.Date) ([]model.Plan, error) {
	lo, hi := "0000-00-00", "9999-99-99"
	if !from.IsZero() {
		lo = from.String()
	}
	if !to.IsZero() {
		hi = to.String()
	}
	var out []model.Plan
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryPlans(ctx, tx, s.forSchema(plansBetweenSQL), lo, hi)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read planned reach-outs: %w", err)
	}
	return out, nil
}

func queryPlans(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.Plan, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Plan
	for rows.Next() {
		var p model.Plan
		var day, channel, created, updated string
		if err := rows.Scan(&p.ID, &p.ContactID, &p.ContactName, &day, &p.Time, &channel, &p.Note, &created,
			&updated, &p.UID); err != nil {
			return nil, err
		}
		if p.Day, err = model.ParseDate(day); err != nil {
			return nil, fmt.Errorf("plan %d: day: %w", p.ID, err)
		}
		if p.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
			return nil, fmt.Errorf("plan %d: created_at: %w", p.ID, err)
		}
		if p.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
			return nil, fmt.Errorf("plan %d: updated_at: %w", p.ID, err)
		}
		p.Channel = model.Channel(channel)
		out = append(out, p)
	}
	return out, rows.Err()
}

// Snooze puts someone aside ("not now") until the day until, when they are
// back in who-next; a zero until brings them back now. Like archiving, it
// is a change to the person: a form open on them elsewhere is told.
func (s *Store) Snooze(ctx context.Context, id int64, until model.Date) error {
	if err := s.writeOne(ctx, `UPDATE contacts SET snoozed_until = ?, updated_at = ? WHERE id = ?`,
		until.String(), stamp(s.now()), id); err != nil {
		return fmt.Errorf("snooze contact %d: %w", id, err)
	}
	return nil
}

// SetResting puts someone's rhythm to rest ("let this rest": they stay in
// the network and are never due), keeping it so that resuming (resting
// false) gives it back. Someone without a rhythm has nothing to rest, and
// someone not resting nothing to resume: both are left as they are.
func (s *Store) SetResting(ctx context.Context, id int64, resting bool) error {
	q := `UPDATE contacts SET cadence_days = rest_cadence, rest_cadence = 0, updated_at = ?
		WHERE id = ? AND rest_cadence > 0`
	if resting {
		q = `UPDATE contacts SET rest_cadence = cadence_days, cadence_days = 0, snoozed_until = '', updated_at = ?
			WHERE id = ? AND cadence_days > 0`
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM contacts WHERE id = ?`, id).Scan(&one); err != nil {
			return errOr(ignoreNoRows(err), ErrNotFound)
		}
		_, err := tx.ExecContext(ctx, q, stamp(s.now()), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("rest contact %d: %w", id, err)
	}
	return nil
}

// ignoreNoRows is err, or nil for sql.ErrNoRows.
func ignoreNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// AddPlans adds many plans in one transaction, as a sample journal does:
// all or none, each checked by the model's rules but not against the
// clock (the journal's day may not be the store's).
func (s *Store) AddPlans(ctx context.Context, ps []model.Plan) error {
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i, p := range ps {
			p = p.Normalize()
			if pr := p.Validate(model.Date{}); len(pr) > 0 {
				return fmt.Errorf("plan %d: %w", i+1, pr)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO planned_reach_outs
				(contact_id, day, at_time, channel, note, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, `+newUID+`)`,
				p.ContactID, p.Day.String(), p.Time, string(p.Channel), p.Note, stamp(now), stamp(now), p.UID); err != nil {
				return fmt.Errorf("plan %d: %w", i+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add plans: %w", err)
	}
	return nil
}
