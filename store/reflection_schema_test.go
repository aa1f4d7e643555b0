package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// TestReflectionSchemaRefuses: rows written around the store still keep
// one reflection a week, real weeks, ratings on the scale and answers that
// belong to a week.
func TestReflectionSchemaRefuses(t *testing.T) {
	s := openStore(t)
	ok := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Errorf("%s %v: %v", q, args, err)
		}
	}
	bad := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err == nil {
			t.Errorf("%s %v was accepted", q, args)
		}
	}
	const ref = `INSERT INTO reflections (week, supported, confidence, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`
	ok(ref, "2026-W10", 1, 10)
	ok(ref, "2020-W53", nil, nil)
	ok(ref, "1900-W01", nil, nil)
	bad(ref, "2026-W10", 5, 5) // the same week twice
	for _, week := range []string{"2021-W53", "2026-W54", "2026-W00", "2026-W1", "2026-w11", "26-W11", "1899-W10", "2026-W11 ", "2026-03-09"} {
		bad(ref, week, nil, nil)
	}
	bad(ref, "2026-W09", 0, nil)
	bad(ref, "2026-W09", 11, nil)
	bad(ref, "2026-W09", nil, -1)
	bad(ref, "2026-W09", "seven", nil) // STRICT

	const ans = `INSERT INTO reflection_answers (week, position, prompt, answer) VALUES (?, ?, ?, ?)`
	ok(ans, "2026-W10", 0, "Who?", "Zo")
	ok(ans, "2026-W10", 1, "Where?", "")
	bad(ans, "2026-W10", 1, "Again?", "x")  // the same position twice
	bad(ans, "2026-W08", 0, "Who?", "x")    // no such week
	bad(ans, "2026-W10", -1, "Who?", "x")   // positions count from 0
	bad(ans, "2026-W10", 2, "", "x")        // a prompt has words
	bad(ans, "2026-W10", 3, "Who?", nil)    // a blank answer is '', never NULL
	bad(ans, "2026-W10", "two", "Who?", "") // STRICT
	ok(`DELETE FROM reflections WHERE week = '2026-W10'`)
	if n := countRows(t, s, "reflection_answers"); n != 0 {
		t.Errorf("%d answers outlived their week", n)
	}
}

// TestSchemaAcceptsReflectionLimits: everything the model allows fits the
// schema (a longer limit in the model needs a migration).
func TestSchemaAcceptsReflectionLimits(t *testing.T) {
	s := openStore(t)
	r := model.Reflection{Week: lastWeek, Supported: 1, Confidence: model.MaxRating, CravingBother: model.MaxRating}
	for i := range model.MaxPrompts {
		r.Answers = append(r.Answers, model.Answer{
			Prompt: strings.Repeat("é", model.MaxPromptLen-3) + fmt.Sprintf("%03d", i),
			Text:   strings.Repeat("👩‍👩‍👧", model.MaxAnswerLen),
		})
	}
	saved := saveReflection(t, s, r)
	if got, _, _ := s.Reflection(context.Background(), lastWeek); !sameReflection(got, saved) || len(got.Answers) != model.MaxPrompts {
		t.Error("the largest reflection did not read back whole")
	}
}

// TestReflectionQueriesUseKeys: a week is one seek into each table's
// primary key, and the list of weeks walks the key of reflections in order
// (no sort) with two seeks into the week's answers.
func TestReflectionQueriesUseKeys(t *testing.T) {
	s := openStore(t)
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string
	}{
		{"a week's ratings", reflectionByWeekSQL, []any{"2026-W10"}, []string{
			"SEARCH reflections USING PRIMARY KEY (week=?)",
		}},
		{"a week's answers", answersOfWeekSQL, []any{"2026-W10"}, []string{
			"SEARCH reflection_answers USING PRIMARY KEY (week=?)",
		}},
		{"the weeks", allHeadersSQL, []any{blankRunes}, []string{
			"SCAN r",
			"CORRELATED SCALAR SUBQUERY 1 | SEARCH a USING PRIMARY KEY (week=?)",
			"CORRELATED SCALAR SUBQUERY 2 | SEARCH a USING PRIMARY KEY (week=?)",
		}},
		{"the weeks before one", olderHeadersSQL, []any{blankRunes, "2026-W10", 30}, []string{
			"SEARCH r USING PRIMARY KEY (week<?)",
			"CORRELATED SCALAR SUBQUERY 1 | SEARCH a USING PRIMARY KEY (week=?)",
		}},
		{"the weeks after one", newerHeadersSQL, []any{blankRunes, "2026-W10", 30}, []string{
			"SEARCH r USING PRIMARY KEY (week>?)",
			"CORRELATED SCALAR SUBQUERY 1 | SEARCH a USING PRIMARY KEY (week=?)",
		}},
	}
	for _, tt := range tests {
		plan := queryPlan(t, s, tt.query, tt.args...)
		for _, want := range tt.want {
			if !strings.Contains(plan, want) {
				t.Errorf("%s: plan %s\nlacks %s", tt.name, plan, want)
			}
		}
		for _, never := range []string{"SCAN a", "SCAN reflection", "TEMP B-TREE", "AUTOMATIC"} {
			if strings.Contains(plan, never) {
				t.Errorf("%s: plan %s\nhas %s", tt.name, plan, never)
			}
		}
	}
}
