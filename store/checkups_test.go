package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// answersFor answers every item of an instrument with v (kept on its scale).
func answersFor(t testing.TB, i model.Instrument, v int) []int {
	t.Helper()
	info, ok := i.Info()
	if !ok {
		t.Fatalf("no instrument %q", i)
	}
	v = max(1, min(v, len(info.Scale)))
	out := make([]int, len(info.Items))
	for k := range out {
		out[k] = v
	}
	return out
}

func saveCheckup(t *testing.T, s *Store, c model.Checkup) model.Checkup {
	t.Helper()
	saved, err := s.SaveCheckup(context.Background(), c)
	if err != nil {
		t.Fatalf("save %s %s: %v", c.Instrument, c.Day, err)
	}
	return saved
}

func TestSaveCheckupRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	answers := answersFor(t, model.BARC10, 4)
	answers[0], answers[9] = 1, 6
	saved := saveCheckup(t, s, model.Checkup{Instrument: model.BARC10, Day: testToday.AddDays(-2), Answers: answers})
	want := model.Checkup{ID: saved.ID, Instrument: model.BARC10, Day: testToday.AddDays(-2), Answers: answers, CreatedAt: fixedNow.UTC()}
	if saved.ID == 0 || !reflect.DeepEqual(saved, want) {
		t.Fatalf("saved %+v; want %+v", saved, want)
	}
	list, err := s.Checkups(ctx, model.BARC10)
	if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], want) {
		t.Fatalf("Checkups = %+v, %v", list, err)
	}
	if list, err := s.Checkups(ctx, model.MSPSS); err != nil || len(list) != 0 {
		t.Fatalf("MSPSS never taken: %+v, %v", list, err)
	}
	// A zero day is today.
	if c := saveCheckup(t, s, model.Checkup{Instrument: model.MSPSS, Answers: answersFor(t, model.MSPSS, 5)}); c.Day != testToday {
		t.Errorf("a check-up without a day was saved for %v", c.Day)
	}
}

// One of each instrument a day: taking it again the same day replaces the
// answers (the same check-up, new answers and time); another instrument,
// or another day, is another check-up.
func TestSaveCheckupReplacesTheSameDay(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	day := testToday.AddDays(-1)
	first := saveCheckup(t, s, model.Checkup{Instrument: model.BARC10, Day: day, Answers: answersFor(t, model.BARC10, 2)})
	later := fixedNow.Add(time.Hour)
	s.Now = func() time.Time { return later }
	second := saveCheckup(t, s, model.Checkup{Instrument: model.BARC10, Day: day, Answers: answersFor(t, model.BARC10, 5)})
	if second.ID != first.ID || !reflect.DeepEqual(second.Answers, answersFor(t, model.BARC10, 5)) || !second.CreatedAt.Equal(later) {
		t.Fatalf("second save the same day: %+v (first %+v)", second, first)
	}
	other := saveCheckup(t, s, model.Checkup{Instrument: model.MSPSS, Day: day, Answers: answersFor(t, model.MSPSS, 6)})
	if other.ID == first.ID {
		t.Fatal("another instrument the same day replaced the first")
	}
	list, _ := s.Checkups(ctx, model.BARC10)
	if len(list) != 1 || !reflect.DeepEqual(list[0], second) {
		t.Fatalf("BARC-10 check-ups: %+v", list)
	}
	if n := countRows(t, s, "checkups"); n != 2 {
		t.Fatalf("%d rows; want 2", n)
	}
}

func TestCheckupsAscendingAndLast(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if last, err := s.LastCheckups(ctx); err != nil || len(last) != 0 {
		t.Fatalf("LastCheckups of a new journal: %v, %v", last, err)
	}
	// Saved out of order, across a year boundary.
	for _, ago := range []int{30, 400, 1, 95, 60} {
		saveCheckup(t, s, model.Checkup{Instrument: model.BARC10, Day: testToday.AddDays(-ago), Answers: answersFor(t, model.BARC10, 3)})
	}
	saveCheckup(t, s, model.Checkup{Instrument: model.MSPSS, Day: testToday.AddDays(-90), Answers: answersFor(t, model.MSPSS, 3)})
	list, err := s.Checkups(ctx, model.BARC10)
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, c := range list {
		days = append(days, c.Day.String())
	}
	want := []string{testToday.AddDays(-400).String(), testToday.AddDays(-95).String(), testToday.AddDays(-60).String(),
		testToday.AddDays(-30).String(), testToday.AddDays(-1).String()}
	if !reflect.DeepEqual(days, want) {
		t.Fatalf("days %v; want %v", days, want)
	}
	last, err := s.LastCheckups(ctx)
	wantLast := map[model.Instrument]model.Date{model.BARC10: testToday.AddDays(-1), model.MSPSS: testToday.AddDays(-90)}
	if err != nil || !reflect.DeepEqual(last, wantLast) {
		t.Fatalf("LastCheckups = %v, %v; want %v", last, err, wantLast)
	}
}

func TestSaveCheckupRefuses(t *testing.T) {
	s := openStore(t)
	short := answersFor(t, model.BARC10, 3)[:9]
	offScale := answersFor(t, model.MSPSS, 3)
	offScale[4] = 99
	zero := answersFor(t, model.BARC10, 3)
	zero[0] = 0
	for name, c := range map[string]model.Checkup{
		"tomorrow":           {Instrument: model.BARC10, Day: testToday.AddDays(1), Answers: answersFor(t, model.BARC10, 3)},
		"an item unanswered": {Instrument: model.BARC10, Day: testToday, Answers: short},
		"off the scale":      {Instrument: model.MSPSS, Day: testToday, Answers: offScale},
		"an answer of 0":     {Instrument: model.BARC10, Day: testToday, Answers: zero},
		"no answers":         {Instrument: model.MSPSS, Day: testToday},
		"unknown instrument": {Instrument: "phq9", Day: testToday, Answers: []int{1, 2, 3}},
	} {
		_, err := s.SaveCheckup(context.Background(), c)
		var p model.Problems
		if !errors.As(err, &p) || len(p) == 0 {
			t.Errorf("%s: SaveCheckup = %v; want model.Problems", name, err)
		}
	}
	if n := countRows(t, s, "checkups"); n != 0 {
		t.Errorf("refused check-ups left %d rows", n)
	}
}

// The schema refuses what the model would, should anything get past it;
// and it accepts every instrument the model bundles with a full set of
// answers, which keeps the migration's literal lists in step with the
// model.
func TestCheckupSchema(t *testing.T) {
	s := openStore(t)
	insert := func(instrument, day, answers string) error {
		_, err := s.db.Exec(insertCheckupSQL, instrument, day, answers, stamp(fixedNow))
		return err
	}
	for i, in := range model.Instruments {
		info, ok := in.Info()
		if !ok {
			t.Fatalf("%s has no info", in)
		}
		top := answersText(answersFor(t, in, len(info.Scale)))
		if err := insert(string(in), testToday.AddDays(-i).String(), top); err != nil {
			t.Errorf("schema refuses a full %s: %v", in, err)
		}
	}
	for name, row := range map[string][3]string{
		"unknown instrument": {"phq9", "2026-03-01", "[1,2,3,4,5,6,7,8,9]"},
		"not a day":          {"barc10", "2026-02-30", answersText(make([]int, 10))},
		"day with a time":    {"barc10", "2026-03-01 10:00", answersText(make([]int, 10))},
		"not JSON":           {"barc10", "2026-03-01", "1,2,3"},
		"not an array":       {"barc10", "2026-03-01", `{"a":1}`},
		"too few answers":    {"barc10", "2026-03-01", "[1,2,3]"},
		"too many for MSPSS": {"mspss", "2026-03-01", answersText(make([]int, 13))},
	} {
		if err := insert(row[0], row[1], row[2]); err == nil {
			t.Errorf("schema took %s: %q", name, row)
		}
	}
	// The key: one of each instrument a day.
	if err := insert("barc10", testToday.String(), answersText(answersFor(t, model.BARC10, 1))); err == nil {
		t.Error("schema took a second BARC-10 the same day")
	}
}

func TestAddCheckupsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	var batch []model.Checkup
	for m := range 24 {
		batch = append(batch, model.Checkup{Instrument: model.BARC10, Day: testToday.AddDays(-30 * (m + 1)),
			Answers: answersFor(t, model.BARC10, 1+m/5), CreatedAt: fixedNow.AddDate(0, 0, -30*(m+1))})
	}
	// A day twice, and one answer off the scale: nothing is saved, and
	// both are named.
	bad := append([]model.Checkup{}, batch...)
	bad = append(bad, model.Checkup{Instrument: model.BARC10, Day: batch[3].Day, Answers: answersFor(t, model.BARC10, 2)})
	off := answersFor(t, model.BARC10, 2)
	off[2] = 42
	bad[5].Answers = off
	err := s.AddCheckups(ctx, bad)
	var ce *CheckupError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "#6") || !strings.Contains(err.Error(), "#25") {
		t.Fatalf("AddCheckups = %v; want #6 and #25 named", err)
	}
	if n := countRows(t, s, "checkups"); n != 0 {
		t.Fatalf("a refused batch left %d rows", n)
	}
	if err := s.AddCheckups(ctx, batch); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Checkups(ctx, model.BARC10)
	if len(list) != 24 || !list[0].CreatedAt.Equal(batch[23].CreatedAt) || list[0].Day != batch[23].Day {
		t.Fatalf("%d check-ups; first %+v", len(list), list[0])
	}
	// A day the journal already has refuses the batch.
	again := []model.Checkup{{Instrument: model.MSPSS, Day: testToday, Answers: answersFor(t, model.MSPSS, 4)}, batch[0]}
	if err := s.AddCheckups(ctx, again); !errors.As(err, &ce) || ce.Index != 1 {
		t.Fatalf("AddCheckups over an existing day = %v", err)
	}
	if n := countRows(t, s, "checkups"); n != 24 {
		t.Fatalf("%d rows after a refused batch; want 24", n)
	}
}

func TestCheckupQueriesUseTheKey(t *testing.T) {
	s := openStore(t)
	for name, q := range map[string]struct {
		query string
		args  []any
		want  string
	}{
		"one instrument": {`SELECT ` + checkupColumns + ` FROM checkups WHERE instrument = ? ORDER BY day`, []any{"barc10"},
			"SEARCH checkups USING INDEX sqlite_autoindex_checkups_1 (instrument=?)"},
		"one day": {`SELECT ` + checkupColumns + ` FROM checkups WHERE instrument = ? AND day = ?`, []any{"barc10", "2026-03-01"},
			"SEARCH checkups USING INDEX sqlite_autoindex_checkups_1 (instrument=? AND day=?)"},
		"last of each": {lastCheckupsSQL, nil, "USING COVERING INDEX sqlite_autoindex_checkups_1"},
	} {
		plan := queryPlan(t, s, q.query, q.args...)
		if !strings.Contains(plan, q.want) || strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("%s: plan %s\nwant %s, no sort", name, plan, q.want)
		}
	}
}

func TestAnswersText(t *testing.T) {
	if got := fmt.Sprint(answersText([]int{4, 5, 3}), " ", answersText(nil)); got != "[4,5,3] []" {
		t.Errorf("answersText: %s", got)
	}
}
