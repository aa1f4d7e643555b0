package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// checkupColumns is the order scanCheckups reads.
const checkupColumns = `id, instrument, day, answers, created_at`

const insertCheckupSQL = `INSERT INTO checkups (instrument, day, answers, created_at) VALUES (?, ?, ?, ?)`

// SaveCheckup stores a completed questionnaire as its instrument's answer
// for its day: a day holds one of each instrument, so a second save of the
// same instrument on the same day replaces the first (same ID; answers and
// CreatedAt are the new ones). A zero Day is today by the store's clock.
// The check-up is checked with its Validate as of today; a refusal is that
// model.Problems, and nothing is written. It returns the check-up as
// stored, with its ID and CreatedAt.
func (s *Store) SaveCheckup(ctx context.Context, c model.Checkup) (model.Checkup, error) {
	now := s.now()
	today := model.DateOf(now)
	if c.Day.IsZero() {
		c.Day = today
	}
	if p := c.Validate(today); len(p) > 0 {
		return model.Checkup{}, p
	}
	var saved model.Checkup
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, insertCheckupSQL+` ON CONFLICT (instrument, day) DO UPDATE SET
			answers = excluded.answers, created_at = excluded.created_at`, checkupArgs(c, now)...)
		if err != nil {
			return err
		}
		list, err := queryCheckups(ctx, tx, `SELECT `+checkupColumns+` FROM checkups
			WHERE instrument = ? AND day = ?`, string(c.Instrument), c.Day.String())
		if err != nil {
			return err
		}
		if len(list) != 1 {
			return ErrNotFound
		}
		saved = list[0]
		return nil
	})
	if err != nil {
		return model.Checkup{}, fmt.Errorf("save the %s check-up for %s: %w", c.Instrument, c.Day, err)
	}
	return saved, nil
}

// Checkups lists every check-up of one instrument, oldest day first: the
// trend line. An instrument never taken (or unknown) gives an empty list.
func (s *Store) Checkups(ctx context.Context, i model.Instrument) ([]model.Checkup, error) {
	var out []model.Checkup
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryCheckups(ctx, tx, `SELECT `+checkupColumns+` FROM checkups
			WHERE instrument = ? ORDER BY day`, string(i))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the %s check-ups: %w", i, err)
	}
	return out, nil
}

// lastCheckupsSQL reads the last day of each instrument from the unique
// index alone, already grouped by instrument: no table rows and no sort
// (a journal holds a few dozen check-ups a decade).
const lastCheckupsSQL = `SELECT instrument, max(day) FROM checkups GROUP BY instrument`

// LastCheckups maps each instrument taken at least once to the last day it
// was taken, for Today's reminder (model.CheckupDue); an instrument never
// taken is absent.
func (s *Store) LastCheckups(ctx context.Context) (map[model.Instrument]model.Date, error) {
	out := map[model.Instrument]model.Date{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, lastCheckupsSQL)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var instrument, day string
			if err := rows.Scan(&instrument, &day); err != nil {
				return err
			}
			d, err := parseDay(day)
			if err != nil {
				return err
			}
			out[model.Instrument(instrument)] = d
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read when the check-ups were last taken: %w", err)
	}
	return out, nil
}

// AddCheckups inserts many check-ups in one transaction, as a sample
// journal does: all of them, or (when any is invalid, two share an
// instrument and a day, the journal already has one for that instrument
// and day, or a write fails) none. Each refused one is named in the error
// as a *CheckupError. As with AddCheckIns, the batch is checked against the
// model's rules but not against the clock. IDs are ignored; a check-up's
// CreatedAt is kept when set, else it is now.
func (s *Store) AddCheckups(ctx context.Context, cs []model.Checkup) error {
	if len(cs) == 0 {
		return nil
	}
	var bad []error
	type key struct {
		i model.Instrument
		d model.Date
	}
	seen := make(map[key]int, len(cs))
	for i, c := range cs {
		p := c.Validate(model.Date{})
		if p == nil {
			p = model.Problems{}
		}
		if c.Day.IsZero() {
			p[model.FieldDay] = "A check-up needs its day."
		}
		if !c.CreatedAt.IsZero() && (c.CreatedAt.Year() < 1900 || c.CreatedAt.Year() > 9999) {
			p["created"] = "The year is out of range."
		}
		if first, dup := seen[key{c.Instrument, c.Day}]; dup {
			p[model.FieldDay] = fmt.Sprintf("This is also check-up #%d; a day has one of each instrument.", first+1)
		} else {
			seen[key{c.Instrument, c.Day}] = i
		}
		if len(p) > 0 {
			bad = append(bad, &CheckupError{Index: i, Instrument: c.Instrument, Day: c.Day, Problems: p})
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("add check-ups: nothing was saved: %w", errors.Join(bad...))
	}
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, insertCheckupSQL+` ON CONFLICT (instrument, day) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, c := range cs {
			at := c.CreatedAt
			if at.IsZero() {
				at = now
			}
			res, err := ins.ExecContext(ctx, checkupArgs(c, at)...)
			if err != nil {
				return fmt.Errorf("check-up #%d (%s, %s): %w", i+1, c.Instrument, c.Day, err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errOr(err, &CheckupError{Index: i, Instrument: c.Instrument, Day: c.Day, Problems: model.Problems{
					model.FieldDay: "That day already has this check-up in the journal."}})
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add check-ups: nothing was saved: %w", err)
	}
	return nil
}

func checkupArgs(c model.Checkup, created time.Time) []any {
	return []any{string(c.Instrument), c.Day.String(), answersText(c.Answers), stamp(created)}
}

// answersText is the stored form of the answers: "[4,5,3]". Written by
// hand, as json.Marshal would, but never "null" for no answers.
func answersText(answers []int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, a := range answers {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(a))
	}
	b.WriteByte(']')
	return b.String()
}

func queryCheckups(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.Checkup, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Checkup
	for rows.Next() {
		var c model.Checkup
		var instrument, day, answers, created string
		if err := rows.Scan(&c.ID, &instrument, &day, &answers, &created); err != nil {
			return nil, err
		}
		c.Instrument = model.Instrument(instrument)
		if c.Day, err = parseDay(day); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(answers), &c.Answers); err != nil {
			return nil, fmt.Errorf("check-up %d: answers: %w", c.ID, err)
		}
		if c.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
			return nil, fmt.Errorf("check-up %d: created_at: %w", c.ID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
