package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// TestFiguresReadIndexes: what Reflection's week and the Network review
// read never walks the log, the people or the silences whole: each query
// seeks its rows in a key or an index.
func TestFiguresReadIndexes(t *testing.T) {
	s := openStore(t)
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string
	}{
		{"a window's figures", healthSQL, []any{"2026-01-01", "2026-01-07"}, []string{
			"SEARCH reach_out_days USING PRIMARY KEY (day>? AND day<?)"}},
		{"a week's people", weekPeopleSQL, []any{"2026-01-05"}, []string{
			"SEARCH week_counts USING PRIMARY KEY (monday=?)"}},
		{"a window's people", windowPeopleSQL, []any{"2026-01-01", "2026-03-09"}, []string{
			"SEARCH last_days USING PRIMARY KEY (day>? AND day<?)",
			"SEARCH s USING COVERING INDEX silences_by_end (<expr>=? AND archived=? AND from_day>?)",
			"SEARCH r EXISTS USING COVERING INDEX reach_outs_contact_day (contact_id=? AND day>? AND day<?)"}},
		{"the any-time people", anyTimeCountSQL, nil, []string{
			"SEARCH contacts USING COVERING INDEX contacts_any_time (archived=?)"}},
		{"how many have faded", fadedCountSQL, []any{"2026-01-01"}, []string{
			"SEARCH fade_changes USING PRIMARY KEY (day<?)"}},
		{"who faded first", fadedFirstSQL, []any{"2026-01-01", "2025-12-18", 5}, []string{
			"SCAN ends | SEARCH s USING PRIMARY KEY (contact_id=? AND from_day=?)",
			"CORRELATED LIST SUBQUERY 8 | SEARCH x USING COVERING INDEX silences_by_end (<expr>=? AND archived=? AND from_day<?)"}},
		{"their names and last contact", fadedPeopleSQL, []any{`[[1,"2026-01-01"]]`}, []string{
			"SEARCH c USING INTEGER PRIMARY KEY (rowid=?)",
			"SEARCH r USING COVERING INDEX reach_outs_contact_day (contact_id=? AND day=?)"}},
		{"the circles", circleMembersSQL, []any{5}, []string{
			"SCAN p",
			"SEARCH contacts USING COVERING INDEX contacts_circle_names (archived=? AND circle=?)"}},
		{"the people who support using", usingFirstSQL, []any{"2026-01-01", "2026-03-09", 5}, []string{
			"SEARCH using_days USING PRIMARY KEY (day>? AND day<?)",
			"SEARCH c USING INTEGER PRIMARY KEY (rowid=?)",
			"SEARCH contacts USING COVERING INDEX contacts_using (archived=?)"}},
		{"the quiet word's window", quietWindowSQL, []any{"2026-01-01", "2026-01-14", "theirs"}, []string{
			"SEARCH reach_out_days USING PRIMARY KEY (day>? AND day<?)",
			"SEARCH reach_outs USING COVERING INDEX reach_outs_day (day>? AND day<?)"}},
		{"the quiet word's weeks before", quietBeforeSQL, []any{"2025-11-06", "2025-12-31"}, []string{
			"SEARCH reach_out_days USING PRIMARY KEY (day>? AND day<?)"}},
		{"the week's supportive days", supportiveDaysSQL, []any{"2026-01-05", "2026-01-07"}, []string{
			"SEARCH reach_out_days USING PRIMARY KEY (day>? AND day<?)"}},
		{"the first of a day", firstOfDaySQL, []any{"2026-01-01", 20}, []string{
			"SEARCH r USING INDEX reach_outs_day (day=?)",
			"SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"each day's count", reachOutCountsSQL, []any{"2026-01-01", "2026-01-14"}, []string{
			"SEARCH reach_out_days USING PRIMARY KEY (day>? AND day<?)"}},
		{"when they were in touch", momentsWithSQL, []any{"[1,2]", "2026-01-01", "2026-03-09"}, []string{
			"SEARCH r USING COVERING INDEX reach_outs_contact_day (contact_id=? AND day>? AND day<?)"}},
	}
	for _, tt := range tests {
		plan := queryPlan(t, s, tt.query, tt.args...)
		for _, want := range tt.want {
			if !strings.Contains(plan, want) {
				t.Errorf("%s: plan %s\nlacks %s", tt.name, plan, want)
			}
		}
		for _, never := range []string{"SCAN contacts", "SCAN reach_outs", "SCAN silences", "SCAN s ", "SCAN r ", "SCAN u ", "AUTOMATIC"} {
			if strings.Contains(plan+" ", never) {
				t.Errorf("%s: plan %s\nhas %s", tt.name, plan, never)
			}
		}
	}
}

// The kinds of person the summaries count are the model's: someone
// marked as supporting using counted apart, supportive contact as
// Contact.IsSupportive has it (schema 11 writes the circles out).
func TestSummaryKindsFollowTheModel(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	day := testToday
	want := map[string]string{}
	for _, circle := range model.Circles {
		for _, stance := range model.Stances {
			c, err := s.SaveContact(ctx, model.Contact{Name: fmt.Sprintf("%s %s", circle, stance), Circle: circle, Stance: stance})
			if err != nil {
				t.Fatal(err)
			}
			logAt(t, s, c.ID, time.Date(day.Year, day.Month, day.Day, 12, 0, 0, 0, time.UTC))
			kind := "other"
			switch {
			case stance == model.StanceSupportsUsing:
				kind = "use"
			case c.IsSupportive():
				kind = "support"
			}
			want[day.String()] = string(circle) + " " + kind
			day = day.AddDays(-1)
		}
	}
	rows, err := s.db.Query(`SELECT day, circle, kind FROM reach_out_days`)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range scanAll(t, rows) {
		if got := r[1] + " " + r[2]; want[r[0]] != got {
			t.Errorf("%s: kept as %s; the model says %s", r[0], got, want[r[0]])
		}
		delete(want, r[0])
	}
	if len(want) > 0 {
		t.Errorf("not kept: %v", want)
	}
}
