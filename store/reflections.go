package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tether-recovery/tether/model"
)

const insertReflectionSQL = `INSERT INTO reflections (
	week, supported, confidence, craving_bother, created_at, updated_at
) VALUES (?, ?, ?, ?, ?, ?)`

const insertAnswerSQL = `INSERT INTO reflection_answers (week, position, prompt, answer) VALUES (?, ?, ?, ?)`

// The two reads of one week: its ratings, then its answers in the order
// they were asked. Each is one seek into its table's primary key.
const (
	reflectionByWeekSQL = `SELECT supported, confidence, craving_bother, updated_at
		FROM reflections WHERE week = ?`
	answersOfWeekSQL = `SELECT prompt, answer FROM reflection_answers WHERE week = ? ORDER BY position`
)

// Reflection reads one week's reflection, its answers in the order they were
// asked, each with its prompt as it was asked; ok is false when the week has
// none saved.
func (s *Store) Reflection(ctx context.Context, w model.Week) (r model.Reflection, ok bool, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		var err error
		r, ok, err = readReflection(ctx, tx, w)
		return err
	})
	if err != nil {
		return model.Reflection{}, false, fmt.Errorf("read the reflection for %s: %w", w, err)
	}
	return r, ok, nil
}

// SaveReflection normalizes and validates r (a week up to this one, by the
// store's clock), then stores it as its week's reflection: the ratings and
// every answer, replacing whatever the week held before, in one transaction.
// A form's autosave is a whole-state write, so a week is never left half
// written, and answers dropped from r are gone. A refusal is a
// model.Problems a form can show beside its fields, and nothing is written.
// It returns the reflection as stored, with its UpdatedAt. r.UpdatedAt is
// the version it replaces (zero for a week that had none when it was read);
// if the week's reflection is another, the save is refused with a
// *model.ChangedError holding it.
func (s *Store) SaveReflection(ctx context.Context, r model.Reflection) (model.Reflection, error) {
	now := s.now()
	r, p := checkReflection(r, model.DateOf(now))
	if len(p) > 0 {
		return model.Reflection{}, p
	}
	var saved model.Reflection
	err := s.write(ctx, func(tx *sql.Tx) error {
		stored, ok, err := readReflection(ctx, tx, r.Week)
		if err != nil {
			return err
		}
		if ok && !stored.UpdatedAt.Equal(r.UpdatedAt) {
			return &model.ChangedError{What: "your reflection for " + r.Week.String(), Theirs: stored}
		}
		_, err = tx.ExecContext(ctx, insertReflectionSQL+` ON CONFLICT (week) DO UPDATE SET
			supported = excluded.supported, confidence = excluded.confidence,
			craving_bother = excluded.craving_bother, updated_at = excluded.updated_at`,
			reflectionArgs(r, now, now)...)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM reflection_answers WHERE week = ?`, r.Week.String()); err != nil {
			return err
		}
		for i, a := range r.Answers {
			if _, err := tx.ExecContext(ctx, insertAnswerSQL, r.Week.String(), i, a.Prompt, a.Text); err != nil {
				return fmt.Errorf("answer %d: %w", i+1, err)
			}
		}
		if saved, ok, err = readReflection(ctx, tx, r.Week); err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return model.Reflection{}, savingWhat(err, "save the reflection for %s", r.Week)
	}
	return saved, nil
}

// AddReflections inserts many reflections in one transaction, as an import
// or a sample journal does: all of them, or (when any is invalid, two share
// a week, a week already has a reflection, or a write fails) none. Each
// refused one is named in the error as a *ReflectionError. As with
// AddCheckIns, the batch is checked against the model's rules but not
// against the clock. A reflection's UpdatedAt is kept when set (and is then
// its creation time too), so an imported history keeps its dates; else it
// is now.
func (s *Store) AddReflections(ctx context.Context, rs []model.Reflection) error {
	if len(rs) == 0 {
		return nil
	}
	norm, bad := checkReflections(rs, model.Date{})
	if len(bad) > 0 {
		return fmt.Errorf("add reflections: nothing was saved: %w", errors.Join(bad...))
	}

	now := s.now()
	err := s.writeRows(ctx, len(norm), func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, insertReflectionSQL+` ON CONFLICT (week) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		ans, err := tx.PrepareContext(ctx, insertAnswerSQL)
		if err != nil {
			return err
		}
		defer ans.Close()
		for i, r := range norm {
			at := r.UpdatedAt
			if at.IsZero() {
				at = now
			}
			res, err := ins.ExecContext(ctx, reflectionArgs(r, at, at)...)
			if err != nil {
				return fmt.Errorf("reflection #%d (%s): %w", i+1, r.Week, err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return errOr(err, &ReflectionError{Index: i, Week: r.Week, Problems: model.Problems{
					model.FieldWeek: "That week already has a reflection in the journal."}})
			}
			for pos, a := range r.Answers {
				if _, err := ans.ExecContext(ctx, r.Week.String(), pos, a.Prompt, a.Text); err != nil {
					return fmt.Errorf("reflection #%d (%s): answer %d: %w", i+1, r.Week, pos+1, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add reflections: nothing was saved: %w", err)
	}
	return nil
}

// checkReflections normalizes and validates a batch of reflections from
// elsewhere: the model's rules but not the clock, and one reflection a
// week. Each refused one is a *ReflectionError.
func checkReflections(rs []model.Reflection, today model.Date) ([]model.Reflection, []error) {
	norm := make([]model.Reflection, len(rs))
	var bad []error
	seen := make(map[model.Week]int, len(rs))
	for i, r := range rs {
		r, p := checkReflection(r, today)
		if !r.UpdatedAt.IsZero() && (r.UpdatedAt.Year() < 1900 || r.UpdatedAt.Year() > 9999) {
			p["updated"] = "The year is out of range."
		}
		if first, dup := seen[r.Week]; dup {
			p[model.FieldWeek] = fmt.Sprintf("This week is also reflection #%d; a week has one reflection.", first+1)
		} else {
			seen[r.Week] = i
		}
		if len(p) > 0 {
			bad = append(bad, &ReflectionError{Index: i, Week: r.Week, Problems: p})
		}
		norm[i] = r
	}
	return norm, bad
}

// reflectionHeadersSQL lists weeks (its callers add the range and the
// order: newest first walks the primary key of reflections backwards, no
// sort), with two short seeks into the week's answers: how many are
// answered, and the first answered one.
// "Answered" is decided in SQL the way model.Reflection decides it (not
// blank once unicode.IsSpace is trimmed): ?1 is blankRunes. Only that one
// answer's text is read out, for its first line.
const reflectionHeadersSQL = `SELECT r.week, r.updated_at,
	(SELECT count(*) FROM reflection_answers a WHERE a.week = r.week AND ` + answeredSQL + `),
	(SELECT a.answer FROM reflection_answers a WHERE a.week = r.week AND ` + answeredSQL + `
	   ORDER BY a.position LIMIT 1)
	FROM reflections r`

// The list of weeks in whole, newest first; and a stretch of it, the
// weeks before ?2 newest first, or after it oldest first, ?3 of them:
// each one range of the key.
const (
	allHeadersSQL   = reflectionHeadersSQL + ` ORDER BY r.week DESC`
	olderHeadersSQL = reflectionHeadersSQL + ` WHERE r.week < ?2 ORDER BY r.week DESC LIMIT ?3`
	newerHeadersSQL = reflectionHeadersSQL + ` WHERE r.week > ?2 ORDER BY r.week LIMIT ?3`
)

// answeredSQL is "a.answer is not blank". An empty answer is blank (stored
// answers are normalized, so one blank in ASCII is stored empty); one whose
// first character is not a space is not; only what is left, an answer that
// starts with a space (an indent, or a space of another script), is trimmed
// to find out. trim copies the text, and most answers never need it.
const answeredSQL = `a.answer <> '' AND (instr(?1, substr(a.answer, 1, 1)) = 0 OR trim(a.answer, ?1) <> '')`

// ReflectionHeaders lists every week with a saved reflection, newest first,
// with what the list of past weeks shows: the first line written that week
// (the first non-empty line of the first answered prompt), how many prompts
// were answered, and when it was last saved.
func (s *Store) ReflectionHeaders(ctx context.Context) ([]model.ReflectionHeader, error) {
	var out []model.ReflectionHeader
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryHeaders(ctx, tx, allHeadersSQL, blankRunes)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list the weeks reflected on: %w", err)
	}
	return out, nil
}

// ReflectionHeadersFrom is a stretch of ReflectionHeaders' list, limit
// weeks long, newest first: the weeks before from (older), or after it;
// from the newest (older) or the oldest when from is zero. The list of
// past weeks reads a screenful at a time, however many weeks there are.
func (s *Store) ReflectionHeadersFrom(ctx context.Context, from model.Week, older bool, limit int) ([]model.ReflectionHeader, error) {
	query, bound := olderHeadersSQL, "9999-W99"
	if !older {
		query, bound = newerHeadersSQL, ""
	}
	if !from.IsZero() {
		bound = from.String()
	}
	var out []model.ReflectionHeader
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryHeaders(ctx, tx, query, blankRunes, bound, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list the weeks reflected on from %s: %w", from, err)
	}
	if !older {
		slices.Reverse(out)
	}
	return out, nil
}

// queryHeaders reads reflectionHeadersSQL's rows.
func queryHeaders(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.ReflectionHeader, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.ReflectionHeader
	for rows.Next() {
		var h model.ReflectionHeader
		var week, updated string
		var first sql.NullString
		if err := rows.Scan(&week, &updated, &h.Answered, &first); err != nil {
			return nil, err
		}
		if h.Week, err = parseWeek(week); err != nil {
			return nil, err
		}
		if h.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
			return nil, fmt.Errorf("reflection %s: updated_at: %w", week, err)
		}
		h.FirstLine = model.Reflection{Answers: []model.Answer{{Text: first.String}}}.FirstLine()
		out = append(out, h)
	}
	return out, rows.Err()
}

// blankRunes are the characters unicode.IsSpace (and so strings.TrimSpace,
// which model.Reflection uses to tell a blank answer) counts as blank space:
// exactly the Unicode White_Space property.
var blankRunes = func() string {
	var b strings.Builder
	for _, r := range unicode.White_Space.R16 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			b.WriteRune(c)
		}
	}
	for _, r := range unicode.White_Space.R32 {
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			b.WriteRune(c)
		}
	}
	return b.String()
}()

// checkReflection normalizes and validates r; today bounds its week unless
// zero. model.Validate keeps weeks to the years 1900 to 9999, the ones the
// schema's 'YYYY-Www' holds.
func checkReflection(r model.Reflection, today model.Date) (model.Reflection, model.Problems) {
	r = r.Normalize()
	return r, r.Validate(today)
}

func reflectionArgs(r model.Reflection, created, updated time.Time) []any {
	return []any{
		r.Week.String(), rating(r.Supported), rating(r.Confidence), rating(r.CravingBother),
		stamp(created), stamp(updated),
	}
}

// rating is an unanswered rating (0 in the model) as NULL.
func rating(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func readReflection(ctx context.Context, tx *sql.Tx, w model.Week) (model.Reflection, bool, error) {
	var supported, confidence, bother sql.NullInt64
	var updated string
	err := tx.QueryRowContext(ctx, reflectionByWeekSQL, w.String()).Scan(&supported, &confidence, &bother, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Reflection{}, false, nil
	}
	if err != nil {
		return model.Reflection{}, false, err
	}
	r := model.Reflection{
		Week:      w,
		Supported: int(supported.Int64), Confidence: int(confidence.Int64), CravingBother: int(bother.Int64),
	}
	if r.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
		return model.Reflection{}, false, fmt.Errorf("updated_at: %w", err)
	}
	rows, err := tx.QueryContext(ctx, answersOfWeekSQL, w.String())
	if err != nil {
		return model.Reflection{}, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var a model.Answer
		if err := rows.Scan(&a.Prompt, &a.Text); err != nil {
			return model.Reflection{}, false, err
		}
		r.Answers = append(r.Answers, a)
	}
	return r, true, rows.Err()
}

// parseWeek reads a stored week. The schema keeps weeks in YYYY-Www form,
// so model.ParseWeek's checks are all it needs; the error names the text.
func parseWeek(s string) (model.Week, error) {
	w, err := model.ParseWeek(s)
	if err != nil {
		return model.Week{}, fmt.Errorf("stored week %q: %w", s, err)
	}
	return w, nil
}
