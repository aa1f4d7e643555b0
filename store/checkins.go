package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tether-recovery/tether/model"
)

// checkInColumns is the order scanCheckIn reads.
const checkInColumns = `day, mood, difficulty, craving, risky, meetings, sleep_hours,
	hungry, angry, lonely, tired, used, gratitude, note, updated_at`

const insertCheckInSQL = `INSERT INTO check_ins (
	day, mood, difficulty, craving, risky, meetings, sleep_hours,
	hungry, angry, lonely, tired, used, gratitude, note, created_at, updated_at
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// SaveCheckIn normalizes and validates c (a past day or today, with at
// least one answer), then stores it as its day's check-in: the first save of
// a day adds it, every later one edits the same day, never a second row.
// c.UpdatedAt is the version it replaces (zero for a day that had none when
// it was read); if the day's check-in is another, the save is refused with
// a *model.ChangedError holding it. A
// refusal is a model.Problems a form can show beside its fields, and nothing
// is written. It returns the check-in as stored.
func (s *Store) SaveCheckIn(ctx context.Context, c model.CheckIn) (model.CheckIn, error) {
	now := s.now()
	c = c.Normalize()
	if p := c.Validate(model.DateOf(now)); len(p) > 0 {
		return model.CheckIn{}, p
	}
	var saved model.CheckIn
	err := s.write(ctx, func(tx *sql.Tx) error {
		stored, err := queryCheckIns(ctx, tx, `SELECT `+checkInColumns+` FROM check_ins WHERE day = ?`, c.Day.String())
		if err != nil {
			return err
		}
		if len(stored) == 1 && !stored[0].UpdatedAt.Equal(c.UpdatedAt) {
			return &model.ChangedError{What: "the check-in for " + c.Day.String(), Theirs: stored[0]}
		}
		_, err = tx.ExecContext(ctx, insertCheckInSQL+` ON CONFLICT (day) DO UPDATE SET
			mood = excluded.mood, difficulty = excluded.difficulty, craving = excluded.craving,
			risky = excluded.risky, meetings = excluded.meetings, sleep_hours = excluded.sleep_hours,
			hungry = excluded.hungry, angry = excluded.angry, lonely = excluded.lonely,
			tired = excluded.tired, used = excluded.used, gratitude = excluded.gratitude,
			note = excluded.note, updated_at = excluded.updated_at`,
			checkInArgs(c, now, now)...)
		if err != nil {
			return err
		}
		list, err := queryCheckIns(ctx, tx, `SELECT `+checkInColumns+` FROM check_ins WHERE day = ?`, c.Day.String())
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
		return model.CheckIn{}, savingWhat(err, "save the check-in for %s", c.Day)
	}
	return saved, nil
}

// CheckIn reads the check-in of one day; ok is false when that day has none.
func (s *Store) CheckIn(ctx context.Context, day model.Date) (c model.CheckIn, ok bool, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		list, err := queryCheckIns(ctx, tx, `SELECT `+checkInColumns+` FROM check_ins WHERE day = ?`, day.String())
		if len(list) == 1 {
			c, ok = list[0], true
		}
		return err
	})
	if err != nil {
		return model.CheckIn{}, false, fmt.Errorf("read the check-in for %s: %w", day, err)
	}
	return c, ok, nil
}

// CheckIns lists the check-ins of the days from to to, inclusive, in day
// order; days without one are simply absent. A zero from starts at the
// first; a zero to runs to the last.
func (s *Store) CheckIns(ctx context.Context, from, to model.Date) ([]model.CheckIn, error) {
	lo, hi := dayRange(from, to)
	var out []model.CheckIn
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryCheckIns(ctx, tx,
			`SELECT `+checkInColumns+` FROM check_ins WHERE day BETWEEN ? AND ? ORDER BY day`, lo, hi)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the check-ins from %s to %s: %w", from, to, err)
	}
	return out, nil
}

// checkInDaysSQL reads the primary key's index alone, never the rows with
// their notes: a decade of days is a few pages.
const checkInDaysSQL = `SELECT day FROM check_ins ORDER BY day`

// StreakDays reads the days of the current run of check-ins — the unbroken
// days ending today, or yesterday when today has none yet — newest first,
// and whether there was ever a check-in at all. It reads the index
// backwards and stops at the first gap, so start-up costs the length of
// the streak, not of the journal.
func (s *Store) StreakDays(ctx context.Context, today model.Date) (run []model.Date, ever bool, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT day FROM check_ins WHERE day <= ? ORDER BY day DESC`, today.String())
		if err != nil {
			return err
		}
		defer rows.Close()
		want := today
		var text string
		for rows.Next() {
			if err := rows.Scan(&text); err != nil {
				return err
			}
			d, err := parseDay(text)
			if err != nil {
				return err
			}
			if !ever && d != today {
				want = today.AddDays(-1)
			}
			ever = true
			if d != want {
				break
			}
			run = append(run, d)
			want = want.AddDays(-1)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, false, fmt.Errorf("read the days checked in: %w", err)
	}
	if !ever {
		// A journal whose only check-ins lie ahead (a clock set back)
		// still has check-ins.
		err = s.read(ctx, func(tx *sql.Tx) error {
			return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM check_ins)`).Scan(&ever)
		})
		if err != nil {
			return nil, false, fmt.Errorf("read the days checked in: %w", err)
		}
	}
	return run, ever, nil
}

// CheckInDays lists every day that has a check-in, oldest first: all the
// streak needs.
func (s *Store) CheckInDays(ctx context.Context) ([]model.Date, error) {
	var out []model.Date
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, checkInDaysSQL)
		if err != nil {
			return err
		}
		defer rows.Close()
		var text string
		for rows.Next() {
			if err := rows.Scan(&text); err != nil {
				return err
			}
			d, err := parseDay(text)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the days checked in: %w", err)
	}
	return out, nil
}

// AddCheckIns inserts many check-ins in one transaction, as an import or a
// sample journal does: all of them, or (when any is invalid, two share a
// day, a day already has a check-in, or a write fails) none. Each refused
// one is named in the error as a *CheckInError. As with AddContacts, the
// batch is checked against the model's rules but not against the clock. A
// check-in's UpdatedAt is kept when set (and is then its creation time too),
// so an imported history keeps its dates; else it is now.
func (s *Store) AddCheckIns(ctx context.Context, cs []model.CheckIn) error {
	if len(cs) == 0 {
		return nil
	}
	norm, bad := checkCheckIns(cs, model.Date{})
	if len(bad) > 0 {
		return fmt.Errorf("add check-ins: nothing was saved: %w", errors.Join(bad...))
	}

	now := s.now()
	err := s.writeRows(ctx, len(norm), func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, insertCheckInSQL+` ON CONFLICT (day) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, c := range norm {
			at := c.UpdatedAt
			if at.IsZero() {
				at = now
			}
			res, err := ins.ExecContext(ctx, checkInArgs(c, at, at)...)
			if err != nil {
				return fmt.Errorf("check-in #%d (%s): %w", i+1, c.Day, err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errOr(err, &CheckInError{Index: i, Day: c.Day, Problems: model.Problems{
					model.FieldDay: "That day already has a check-in in the journal."}})
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add check-ins: nothing was saved: %w", err)
	}
	return nil
}

// checkCheckIns normalizes and validates a batch of check-ins from
// elsewhere: the model's rules but not the clock, and one check-in a day.
// Each refused one is a *CheckInError.
func checkCheckIns(cs []model.CheckIn, today model.Date) ([]model.CheckIn, []error) {
	norm := make([]model.CheckIn, len(cs))
	var bad []error
	seen := make(map[model.Date]int, len(cs))
	for i, c := range cs {
		c = c.Normalize()
		p := c.Validate(today)
		if !c.UpdatedAt.IsZero() && (c.UpdatedAt.Year() < 1900 || c.UpdatedAt.Year() > 9999) {
			p["updated"] = "The year is out of range."
		}
		if first, dup := seen[c.Day]; dup && !c.Day.IsZero() {
			p[model.FieldDay] = fmt.Sprintf("This day is also check-in #%d; a day has one check-in.", first+1)
		} else {
			seen[c.Day] = i
		}
		if len(p) > 0 {
			bad = append(bad, &CheckInError{Index: i, Day: c.Day, Problems: p})
		}
		norm[i] = c
	}
	return norm, bad
}

func checkInArgs(c model.CheckIn, created, updated time.Time) []any {
	var mood any // NULL when not answered, as 0 is in the model
	if c.Mood != 0 {
		mood = c.Mood
	}
	return []any{
		c.Day.String(), mood, string(c.Difficulty), nullable(c.Craving), nullable(c.Risky),
		nullable(c.Meetings), nullable(c.SleepHours), c.Hungry, c.Angry, c.Lonely, c.Tired,
		nullable(c.Used), c.Gratitude, c.Note, stamp(created), stamp(updated),
	}
}

// nullable is an unanswered question (nil) as NULL, an answer as itself.
func nullable[T any](v *T) any {
	if v == nil {
		return nil
	}
	return *v
}

func queryCheckIns(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.CheckIn, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.CheckIn
	for rows.Next() {
		var c model.CheckIn
		var day, difficulty, updated string
		var mood, craving, risky, meetings, used sql.NullInt64
		var sleep sql.NullFloat64
		if err := rows.Scan(&day, &mood, &difficulty, &craving, &risky, &meetings, &sleep,
			&c.Hungry, &c.Angry, &c.Lonely, &c.Tired, &used, &c.Gratitude, &c.Note, &updated); err != nil {
			return nil, err
		}
		if c.Day, err = parseDay(day); err != nil {
			return nil, err
		}
		if c.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
			return nil, fmt.Errorf("check-in %s: updated_at: %w", day, err)
		}
		c.Mood = int(mood.Int64) // 0 when NULL: not answered
		c.Difficulty = model.Difficulty(difficulty)
		c.Craving, c.Meetings = intOrNil(craving), intOrNil(meetings)
		c.Risky, c.Used = boolOrNil(risky), boolOrNil(used)
		if sleep.Valid {
			c.SleepHours = &sleep.Float64
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func intOrNil(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	n := int(v.Int64)
	return &n
}

func boolOrNil(v sql.NullInt64) *bool {
	if !v.Valid {
		return nil
	}
	b := v.Int64 != 0
	return &b
}

// parseDay reads a stored day. The schema keeps days in YYYY-MM-DD form, so
// the common case is read by hand (model.ParseDate's general parsing would
// dominate reading a decade of days); anything else goes to ParseDate for
// its error.
func parseDay(s string) (model.Date, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		day := model.Date{Year: y, Month: time.Month(m), Day: d}
		// A day that time.Date would move (30 February) is not a real day.
		if ok1 && ok2 && ok3 && y >= 1900 && m >= 1 && m <= 12 && d >= 1 && model.DateOf(day.Time()) == day {
			return day, nil
		}
	}
	d, err := model.ParseDate(s)
	if err == nil && d.IsZero() {
		err = model.ErrDateFormat
	}
	if err != nil {
		return model.Date{}, fmt.Errorf("stored day %q: %w", s, err)
	}
	return d, nil
}

// parseOptionalDay is parseDay for a date that may be unset (empty text).
func parseOptionalDay(s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	return parseDay(s)
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// LapseDays are the days a check-in recorded a use, oldest first: what the
// stretches between lapses are counted from (model.StretchesOf).
func (s *Store) LapseDays(ctx context.Context) ([]model.Date, error) {
	var out []model.Date
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT day FROM check_ins WHERE used = 1 ORDER BY day`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var day string
			if err := rows.Scan(&day); err != nil {
				return err
			}
			d, err := model.ParseDate(day)
			if err != nil {
				return fmt.Errorf("check-in %q: %w", day, err)
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the days of recorded use: %w", err)
	}
	return out, nil
}

// DeleteCheckIn removes a day's check-in, entered by mistake; ErrNotFound
// when the day has none. The day's reach-outs are a log of their own and
// stay.
func (s *Store) DeleteCheckIn(ctx context.Context, day model.Date) error {
	now := s.now()
	err := s.write(ctx, func(tx *sql.Tx) error {
		return removeOne(ctx, tx, removedCheckIn, `DELETE FROM check_ins WHERE day = ? RETURNING day`, now, day.String())
	})
	if err != nil {
		return fmt.Errorf("remove the check-in of %s: %w", day, err)
	}
	return nil
}
