package store

import (
	"context"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

func ptr[T any](v T) *T { return &v }

// fullCheckIn answers every question.
func fullCheckIn(day model.Date) model.CheckIn {
	return model.CheckIn{
		Day: day, Mood: 4, Difficulty: model.DifficultyQuestionable,
		Craving: ptr(3), Risky: ptr(false), Meetings: ptr(2), SleepHours: ptr(6.5),
		Hungry: true, Tired: true, Used: ptr(false),
		Gratitude: "  Tea on the back step, before anyone was up. ☕ ",
		Note:      "\n Rough morning.\n\tBetter after the meeting.  \n",
	}
}

func countCheckIns(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM check_ins`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSaveCheckInRoundTrip(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	in := fullCheckIn(testToday)
	saved, err := s.SaveCheckIn(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := in.Normalize()
	want.UpdatedAt = fixedNow
	if !saved.UpdatedAt.Equal(fixedNow) {
		t.Errorf("UpdatedAt %v", saved.UpdatedAt)
	}
	saved.UpdatedAt = fixedNow
	if !reflect.DeepEqual(saved, want) {
		t.Errorf("saved\n %+v\nwant\n %+v", saved, want)
	}
	if saved.Gratitude != "Tea on the back step, before anyone was up. ☕" || saved.Note != "Rough morning.\n\tBetter after the meeting." {
		t.Errorf("text %q / %q", saved.Gratitude, saved.Note)
	}
	got, ok, err := s.CheckIn(ctx, testToday)
	if err != nil || !ok {
		t.Fatalf("CheckIn = %v, %v", ok, err)
	}
	got.UpdatedAt = fixedNow
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n %+v\nwant\n %+v", got, want)
	}
	if _, ok, err := s.CheckIn(ctx, testToday.AddDays(-1)); ok || err != nil {
		t.Errorf("a day without a check-in: ok %v, %v", ok, err)
	}
}

// TestOneCheckInPerDay: saving a day again edits it (created_at kept), and
// the schema itself refuses a second row for a day.
func TestOneCheckInPerDay(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	first, err := s.SaveCheckIn(ctx, fullCheckIn(testToday))
	if err != nil {
		t.Fatal(err)
	}
	later := fixedNow.Add(time.Hour)
	s.Now = func() time.Time { return later }
	second, err := s.SaveCheckIn(ctx, model.CheckIn{Day: testToday, Mood: 2, Lonely: true, UpdatedAt: first.UpdatedAt})
	if err != nil {
		t.Fatal(err)
	}
	// The second save is the whole day now: answers left blank are blank.
	if second.Mood != 2 || !second.Lonely || second.Craving != nil || second.Hungry || second.Gratitude != "" || !second.UpdatedAt.Equal(later) {
		t.Errorf("second save %+v", second)
	}
	if n := countCheckIns(t, s); n != 1 {
		t.Errorf("%d rows for one day", n)
	}
	var created string
	s.db.QueryRow(`SELECT created_at FROM check_ins`).Scan(&created)
	if created != stamp(fixedNow) {
		t.Errorf("created_at %s; want the first save's %s", created, stamp(fixedNow))
	}
	_, err = s.db.Exec(`INSERT INTO check_ins (day, mood, created_at, updated_at) VALUES (?, 3, 'x', 'x')`, testToday.String())
	if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
		t.Errorf("a raw duplicate day: %v; want a UNIQUE failure", err)
	}
}

func TestSaveCheckInRefuses(t *testing.T) {
	tests := []struct {
		name  string
		in    model.CheckIn
		field string
	}{
		{"nothing answered", model.CheckIn{Day: testToday, Gratitude: "  ", Note: "\n"}, model.FieldAnswers},
		{"tomorrow", model.CheckIn{Day: testToday.AddDays(1), Mood: 3}, model.FieldDay},
		{"no day", model.CheckIn{Mood: 3}, model.FieldDay},
		{"30 February", model.CheckIn{Day: model.Date{Year: 2024, Month: 2, Day: 30}, Mood: 3}, model.FieldDay},
		{"mood 6", model.CheckIn{Day: testToday, Mood: 6}, model.FieldMood},
		{"craving 11", model.CheckIn{Day: testToday, Craving: ptr(11)}, model.FieldCraving},
		{"negative meetings", model.CheckIn{Day: testToday, Meetings: ptr(-1)}, model.FieldMeetings},
		{"NaN sleep", model.CheckIn{Day: testToday, SleepHours: ptr(math.NaN())}, model.FieldSleep},
		{"25 hours of sleep", model.CheckIn{Day: testToday, SleepHours: ptr(25.0)}, model.FieldSleep},
		{"unknown difficulty", model.CheckIn{Day: testToday, Difficulty: "meh"}, model.FieldDifficulty},
		{"line break in gratitude", model.CheckIn{Day: testToday, Gratitude: "one\ntwo"}, model.FieldGratitude},
		{"bad bytes in the note", model.CheckIn{Day: testToday, Note: "caf\xe9"}, model.FieldCheckNote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			ctx := context.Background()
			yesterday, err := s.SaveCheckIn(ctx, fullCheckIn(testToday.AddDays(-1)))
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.SaveCheckIn(ctx, tt.in)
			var p model.Problems
			if !errors.As(err, &p) || p[tt.field] == "" {
				t.Errorf("error %v; want model.Problems about %s", err, tt.field)
			}
			if n := countCheckIns(t, s); n != 1 {
				t.Errorf("%d check-ins stored; want only yesterday's", n)
			}
			// The same answers as an edit of a stored day leave it as it was.
			if tt.field != model.FieldDay {
				edit := tt.in
				edit.Day = yesterday.Day
				if _, err := s.SaveCheckIn(ctx, edit); err == nil {
					t.Error("the refused answers were accepted for yesterday")
				}
			}
			if got, _, _ := s.CheckIn(ctx, yesterday.Day); !reflect.DeepEqual(got, yesterday) {
				t.Errorf("yesterday changed: %+v", got)
			}
		})
	}
}

// TestUnansweredIsNotZero: nil and 0 are different answers and come back
// as they went in; a craving of 0 alone is enough to save a day.
func TestUnansweredIsNotZero(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	zero := model.CheckIn{Day: testToday, Craving: ptr(0), Risky: ptr(false), Meetings: ptr(0), SleepHours: ptr(0.0), Used: ptr(false)}
	blank := model.CheckIn{Day: testToday.AddDays(-1), Mood: 3}
	for _, c := range []model.CheckIn{zero, blank} {
		if _, err := s.SaveCheckIn(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.CheckIns(ctx, testToday.AddDays(-1), testToday)
	if err != nil || len(got) != 2 {
		t.Fatalf("CheckIns = %v, %v", got, err)
	}
	b, z := got[0], got[1]
	if b.Craving != nil || b.Risky != nil || b.Meetings != nil || b.SleepHours != nil || b.Used != nil {
		t.Errorf("unanswered came back answered: %+v", b)
	}
	if z.Craving == nil || *z.Craving != 0 || z.Risky == nil || *z.Risky || z.Meetings == nil || *z.Meetings != 0 ||
		z.SleepHours == nil || *z.SleepHours != 0 || z.Used == nil || *z.Used || z.Mood != 0 {
		t.Errorf("zero answers came back as %+v", z)
	}
	var moodNull bool
	s.db.QueryRow(`SELECT mood IS NULL FROM check_ins WHERE day = ?`, testToday.String()).Scan(&moodNull)
	if !moodNull {
		t.Error("an unanswered mood is not stored as NULL")
	}
}

func TestCheckInsAndDays(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	var days []model.Date
	for _, ago := range []int{0, 1, 2, 4, 7, 400} {
		d := testToday.AddDays(-ago)
		if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: d, Mood: 1 + ago%5}); err != nil {
			t.Fatal(err)
		}
		days = append([]model.Date{d}, days...)
	}
	got, err := s.CheckInDays(ctx)
	if err != nil || !slices.Equal(got, days) {
		t.Errorf("CheckInDays = %v, %v; want %v", got, err, days)
	}
	if n := model.Streak(got, testToday); n != 3 {
		t.Errorf("streak %d", n)
	}
	week, err := s.CheckIns(ctx, testToday.AddDays(-7), testToday.AddDays(-1))
	if err != nil {
		t.Fatal(err)
	}
	var wd []model.Date
	for _, c := range week {
		wd = append(wd, c.Day)
	}
	if want := days[1:5]; !slices.Equal(wd, want) {
		t.Errorf("CheckIns(week) days %v; want %v", wd, want)
	}
	if all, _ := s.CheckIns(ctx, model.Date{}, model.Date{}); len(all) != len(days) {
		t.Errorf("open range: %d", len(all))
	}
	empty := openStore(t)
	if d, err := empty.CheckInDays(ctx); d != nil || err != nil {
		t.Errorf("no check-ins: %v, %v", d, err)
	}
}

func TestStreakDaysReadsOnlyTheCurrentRun(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if run, ever, err := s.StreakDays(ctx, testToday); run != nil || ever || err != nil {
		t.Fatalf("empty journal: %v, %v, %v", run, ever, err)
	}
	save := func(agos ...int) {
		for _, ago := range agos {
			if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: testToday.AddDays(-ago), Mood: 3}); err != nil {
				t.Fatal(err)
			}
		}
	}
	save(5, 6, 400)
	// A run that ended days ago is no streak, but the journal has check-ins.
	if run, ever, err := s.StreakDays(ctx, testToday); len(run) != 0 || !ever || err != nil {
		t.Fatalf("old run: %v, %v, %v", run, ever, err)
	}
	save(1, 2, 3, 4)
	// Not checked in today yet: the run ending yesterday still counts.
	run, _, err := s.StreakDays(ctx, testToday)
	if err != nil || len(run) != 6 || run[0] != testToday.AddDays(-1) || run[5] != testToday.AddDays(-6) {
		t.Fatalf("run to yesterday: %v, %v", run, err)
	}
	save(0)
	run, _, _ = s.StreakDays(ctx, testToday)
	if len(run) != 7 || model.Streak(run, testToday) != 7 {
		t.Fatalf("run to today: %v", run)
	}
	// A check-in on a day ahead (saved before the clock was set back)
	// neither counts nor breaks the run.
	ahead := func(st *Store) {
		st.Now = func() time.Time { return testToday.AddDays(5).Time().Add(12 * time.Hour) }
		if _, err := st.SaveCheckIn(ctx, model.CheckIn{Day: testToday.AddDays(3), Mood: 3}); err != nil {
			t.Fatal(err)
		}
	}
	ahead(s)
	if run, _, _ = s.StreakDays(ctx, testToday); len(run) != 7 {
		t.Fatalf("with a day ahead: %v", run)
	}
	fresh := openStore(t)
	ahead(fresh)
	if run, ever, _ := fresh.StreakDays(ctx, testToday); len(run) != 0 || !ever {
		t.Fatalf("only a day ahead: %v, %v", run, ever)
	}
}

func TestAddCheckInsAllOrNothing(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	var batch []model.CheckIn
	for i := range 40 {
		batch = append(batch, model.CheckIn{Day: testToday.AddDays(-i - 1), Mood: 1 + i%5})
	}
	refused := func(edit func([]model.CheckIn), index int, field string) {
		t.Helper()
		bad := slices.Clone(batch)
		edit(bad)
		err := s.AddCheckIns(ctx, bad)
		var ce *CheckInError
		if !errors.As(err, &ce) || ce.Index != index || ce.Problems[field] == "" {
			t.Errorf("error %v; want a *CheckInError for #%d about %s", err, index+1, field)
		}
		if n := countCheckIns(t, s); n != 0 {
			t.Fatalf("%d check-ins written by a refused batch", n)
		}
	}
	refused(func(b []model.CheckIn) { b[5] = model.CheckIn{Day: b[5].Day} }, 5, model.FieldAnswers)
	refused(func(b []model.CheckIn) { b[9].Day = b[3].Day }, 9, model.FieldDay)

	if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: batch[20].Day, Mood: 5}); err != nil {
		t.Fatal(err)
	}
	err := s.AddCheckIns(ctx, batch)
	var ce *CheckInError
	if !errors.As(err, &ce) || ce.Index != 20 || !strings.Contains(err.Error(), "already has a check-in") {
		t.Errorf("a day already in the journal: %v", err)
	}
	if n := countCheckIns(t, s); n != 1 {
		t.Fatalf("%d check-ins; the refused batch wrote some", n)
	}
	if c, _, _ := s.CheckIn(ctx, batch[20].Day); c.Mood != 5 {
		t.Error("the stored day was overwritten")
	}

	batch = slices.Delete(batch, 20, 21)
	when := time.Date(2026, 1, 2, 21, 15, 0, 0, time.UTC)
	batch[0].UpdatedAt = when
	if err := s.AddCheckIns(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := countCheckIns(t, s); n != 40 {
		t.Errorf("%d check-ins; want 40", n)
	}
	if c, _, _ := s.CheckIn(ctx, batch[0].Day); !c.UpdatedAt.Equal(when) {
		t.Errorf("UpdatedAt %v; want %v kept", c.UpdatedAt, when)
	}
	if c, _, _ := s.CheckIn(ctx, batch[1].Day); !c.UpdatedAt.Equal(fixedNow) {
		t.Errorf("UpdatedAt %v; want now", c.UpdatedAt)
	}
}

func TestParseDay(t *testing.T) {
	for _, s := range []string{"2026-03-09", "1900-01-01", "9999-12-31", "2024-02-29"} {
		d, err := parseDay(s)
		if err != nil || d.String() != s {
			t.Errorf("parseDay(%q) = %v, %v", s, d, err)
		}
	}
	// Anything else is model.ParseDate's to judge, which is lenient.
	if d, err := parseDay("2026-3-9"); err != nil || d.String() != "2026-03-09" {
		t.Errorf("parseDay(2026-3-9) = %v, %v", d, err)
	}
	for _, s := range []string{"", "2023-02-29", "2026-13-01", "2026-00-10", "1899-12-31", "20260309xx", "abcd-ef-gh"} {
		if d, err := parseDay(s); err == nil {
			t.Errorf("parseDay(%q) = %v; want an error", s, d)
		}
	}
}

// FuzzSaveCheckInRoundTrip: whatever SaveCheckIn accepts reads back exactly
// as it returned it; whatever it refuses is a model.Problems and leaves the
// day as it was.
func FuzzSaveCheckInRoundTrip(f *testing.F) {
	f.Add(0, 4, 3, 2, 6.5, uint8(0b1010), "Tea on the step. ☕", "Rough morning.\nBetter later.")
	f.Add(1, 0, 0, 0, 0.0, uint8(0), "", "")
	f.Add(-1, 0, -1, -1, -1.0, uint8(0), "", "")
	f.Add(3, 5, 10, 20, 24.0, uint8(0xff), "عائشة 👩‍👩‍👧", "\t\r\n")
	f.Add(2, 6, 11, 21, 24.5, uint8(1), "one\ntwo", "nul\x00")
	f.Add(5, 1, -2, 3, math.Inf(1), uint8(2), "caf\xe9", "\u202Eevil")
	f.Add(7, 2, 4, 1, 7.25, uint8(4), strings.Repeat("界", model.MaxLineLen+1), "x")
	s := openStore(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, ago, mood, craving, meetings int, sleep float64, flags uint8, gratitude, note string) {
		in := model.CheckIn{
			Day: testToday.AddDays(-(ago % 1000)), Mood: mood, Gratitude: gratitude, Note: note,
			Hungry: flags&1 != 0, Angry: flags&2 != 0, Lonely: flags&4 != 0, Tired: flags&8 != 0,
		}
		// Negative numbers stand for "not answered".
		if craving >= 0 || flags&16 != 0 {
			in.Craving = &craving
		}
		if meetings >= 0 {
			in.Meetings = &meetings
		}
		if sleep >= 0 || math.IsNaN(sleep) {
			in.SleepHours = &sleep
		}
		if flags&32 != 0 {
			in.Used, in.Risky = ptr(flags&64 != 0), ptr(flags&128 != 0)
		}
		before, had, _ := s.CheckIn(ctx, in.Day)
		saved, err := s.SaveCheckIn(ctx, in)
		if err != nil {
			var p model.Problems
			if !errors.As(err, &p) {
				t.Fatalf("refused without Problems: %v", err)
			}
			after, has, _ := s.CheckIn(ctx, in.Day)
			if has != had || !reflect.DeepEqual(after, before) {
				t.Fatalf("a refused check-in changed the day: %+v -> %+v", before, after)
			}
			return
		}
		want := in.Normalize()
		want.UpdatedAt = saved.UpdatedAt
		if !reflect.DeepEqual(saved, want) {
			t.Fatalf("saved %+v; want %+v", saved, want)
		}
		got, ok, err := s.CheckIn(ctx, in.Day)
		if err != nil || !ok || !reflect.DeepEqual(got, saved) {
			t.Fatalf("read back %+v, %v, %v; saved %+v", got, ok, err, saved)
		}
	})
}

func TestRecoveryStart(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if d, err := s.RecoveryStart(ctx); !d.IsZero() || err != nil {
		t.Errorf("unset: %v, %v", d, err)
	}
	for _, d := range []model.Date{testToday.AddDays(-428), testToday} {
		if err := s.SetRecoveryStart(ctx, d); err != nil {
			t.Fatal(err)
		}
		if got, err := s.RecoveryStart(ctx); got != d || err != nil {
			t.Errorf("after setting %v: %v, %v", d, got, err)
		}
	}
	for _, bad := range []model.Date{testToday.AddDays(1), {Year: 2025, Month: 2, Day: 29}, {Year: 1850, Month: 1, Day: 1}, {Year: 2025, Month: 13, Day: 1}} {
		err := s.SetRecoveryStart(ctx, bad)
		var p model.Problems
		if !errors.As(err, &p) || p[FieldRecoveryStart] == "" {
			t.Errorf("SetRecoveryStart(%v) = %v; want model.Problems about %s", bad, err, FieldRecoveryStart)
		}
	}
	if got, _ := s.RecoveryStart(ctx); got != testToday {
		t.Errorf("a refused date changed it to %v", got)
	}
	if err := s.SetRecoveryStart(ctx, model.Date{}); err != nil {
		t.Fatal(err)
	}
	if d, err := s.RecoveryStart(ctx); !d.IsZero() || err != nil {
		t.Errorf("after clearing: %v, %v", d, err)
	}
	if _, ok, _ := s.Setting(ctx, "recovery_start"); ok {
		t.Error("clearing left the setting behind")
	}
	if err := s.SetRecoveryStart(ctx, model.Date{}); err != nil {
		t.Errorf("clearing twice: %v", err)
	}
	if err := s.SetSetting(ctx, "recovery_start", "last spring"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecoveryStart(ctx); err == nil || strings.Contains(err.Error(), "last spring") || !strings.Contains(err.Error(), "set it again") {
		t.Errorf("a hand-edited value: %v", err)
	}
}
