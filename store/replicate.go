package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// Replicate multiplies the journal, for the sample journals ten and a
// hundred times the size of a decade (store/sample's xl and xxl), which
// measure that nothing a person feels grows with the journal. It makes
// times-1 more copies of every person ("Maria Santos 2", …), each with a
// copy of every reach-out of the first at the same moments; and of the
// check-ins, reflections and check-ups, one span of history further back
// each time (the days the check-ins and check-ups cover, in whole weeks,
// so weeks stay weeks), back to 1900 (earliestDay). Plans are not copied.
// One transaction, in SQL, so that the triggers keep every summary and
// the search index as any write does; the contact keys only Go can make
// are written for the copies after.
func (s *Store) Replicate(ctx context.Context, times int) error {
	if times < 2 {
		return nil
	}
	err := s.writeBig(ctx, bigWriteCache, func(tx *sql.Tx) error {
		var n, checkups int64
		var first, last sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM contacts), (SELECT coalesce(max(id), 0) FROM checkups)`).
			Scan(&n, &checkups); err != nil {
			return err
		}
		// The history's span: check-ins and check-ups both.
		if err := tx.QueryRowContext(ctx, `SELECT min(day), max(day) FROM (SELECT day FROM check_ins UNION ALL SELECT day FROM checkups)`).
			Scan(&first, &last); err != nil {
			return err
		}
		span := 0
		if first.Valid {
			a, err1 := model.ParseDate(first.String)
			b, err2 := model.ParseDate(last.String)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("the check-ins' days: %v %v", err1, err2)
			}
			span = (b.DaysSince(a)/7 + 1) * 7
		}
		weeks, err := reflectionWeeks(ctx, tx)
		if err != nil {
			return err
		}
		if span == 0 && len(weeks) > 0 {
			return errors.New("reflections, but no check-in or check-up to measure the history's span by")
		}
		for k := 1; k < times; k++ {
			back := fmt.Sprintf("'-%d days'", k*span)
			copies := []struct {
				table, where string
				set          map[string]string
			}{
				{"contacts", "id <= " + fmt.Sprint(n), map[string]string{
					"id": fmt.Sprintf("id + %d", int64(k)*n), "uid": newUIDSQL,
					"name": fmt.Sprintf("name || ' %d'", k+1), "name_key": fmt.Sprintf("name_key || ' %d'", k+1),
					"last_at_unix": "NULL", "last_at_offset": "NULL",
				}},
				{"contact_tags", "contact_id <= " + fmt.Sprint(n), map[string]string{
					"contact_id": fmt.Sprintf("contact_id + %d", int64(k)*n),
				}},
				{"reach_outs", "contact_id <= " + fmt.Sprint(n), map[string]string{
					"id": "NULL", "uid": newUIDSQL, "contact_id": fmt.Sprintf("contact_id + %d", int64(k)*n),
				}},
				{"check_ins", "day >= '" + first.String + "' AND date(day, " + back + ") >= '" + earliestDay + "'",
					map[string]string{"day": "date(day, " + back + ")"}},
				{"checkups", "id <= " + fmt.Sprint(checkups) + " AND date(day, " + back + ") >= '" + earliestDay + "'",
					map[string]string{"id": "NULL", "day": "date(day, " + back + ")"}},
			}
			for _, c := range copies {
				if c.table == "check_ins" || c.table == "checkups" {
					if !first.Valid {
						continue
					}
				}
				if err := copyRows(ctx, tx, c.table, c.where, c.set); err != nil {
					return fmt.Errorf("copy %d of %s: %w", k+1, c.table, err)
				}
			}
			if err := copyReflections(ctx, tx, weeks, k*span/7); err != nil {
				return fmt.Errorf("copy %d of the reflections: %w", k+1, err)
			}
		}
		// The copies' names differ from the first's ("Maria Santos 2"),
		// and so do the keys made of them (schemas 12 and 15), which only
		// Go can make.
		if err := refreshContactKeys(ctx, tx, n); err != nil {
			return err
		}
		return refreshNameWords(ctx, tx, n)
	})
	if err != nil {
		return fmt.Errorf("replicate the journal: %w", err)
	}
	return nil
}

// earliestDay is the first day the journal's tables take (their checks):
// history copied further back than that is left out, so a hundred copies
// of a decade keep their people and reach-outs but only the check-ins and
// reflections since 1900.
const earliestDay = "1900-01-01"

// copyRows copies the rows of table that match where, each column as it
// is or as set says.
func copyRows(ctx context.Context, tx *sql.Tx, table, where string, set map[string]string) error {
	cols, err := columnsOf(ctx, tx, table)
	if err != nil {
		return err
	}
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = c
		if e, ok := set[c]; ok {
			exprs[i] = e
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) SELECT `+
		strings.Join(exprs, ", ")+` FROM `+table+` WHERE `+where)
	return err
}

// columnsOf lists a table's columns in order.
func columnsOf(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// reflectionWeeks are the weeks the journal has a reflection of, before
// any copy.
func reflectionWeeks(ctx context.Context, tx *sql.Tx) ([]model.Week, error) {
	rows, err := tx.QueryContext(ctx, `SELECT week FROM reflections ORDER BY week`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Week
	for rows.Next() {
		var w model.Week
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, err
		}
		if err := w.UnmarshalText([]byte(text)); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// copyReflections copies each of weeks' reflection and answers to the
// week back weeks earlier.
func copyReflections(ctx context.Context, tx *sql.Tx, weeks []model.Week, back int) error {
	for _, table := range []string{"reflections", "reflection_answers"} {
		cols, err := columnsOf(ctx, tx, table)
		if err != nil {
			return err
		}
		exprs := make([]string, len(cols))
		for i, c := range cols {
			exprs[i] = c
			if c == "week" {
				exprs[i] = "?"
			}
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO `+table+` (`+strings.Join(cols, ", ")+`) SELECT `+
			strings.Join(exprs, ", ")+` FROM `+table+` WHERE week = ?`)
		if err != nil {
			return err
		}
		for _, w := range weeks {
			to := model.WeekOf(w.Monday().AddDays(-7 * back))
			if to.Monday().String() < earliestDay {
				continue
			}
			if _, err := stmt.ExecContext(ctx, to.String(), w.String()); err != nil {
				stmt.Close()
				return err
			}
		}
		stmt.Close()
	}
	return nil
}
