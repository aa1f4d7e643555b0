package model

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestInstrumentInfo(t *testing.T) {
	tests := []struct {
		id                 Instrument
		items, scale       int
		every              int
		min, max           float64
		credit, scoreLabel string
	}{
		{BARC10, 10, 6, 30, 10, 60, "Vilsaint, Kelly, Bergman, Groshkova, Best & White (2017)", "10–60, higher is more recovery capital"},
		{MSPSS, 12, 7, 91, 1, 7, "Zimet et al. (1988)", "1–7 on average, higher is more support felt"},
	}
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			info, ok := tt.id.Info()
			if !ok || info.ID != tt.id {
				t.Fatalf("Info() = %+v, %v", info, ok)
			}
			if len(info.Items) != tt.items || len(info.Scale) != tt.scale {
				t.Errorf("%d items on a %d-point scale, want %d on %d", len(info.Items), len(info.Scale), tt.items, tt.scale)
			}
			if info.EveryDays != tt.every || info.Min != tt.min || info.Max != tt.max {
				t.Errorf("every %d days, %v–%v; want %d, %v–%v", info.EveryDays, info.Min, info.Max, tt.every, tt.min, tt.max)
			}
			if !strings.Contains(info.Credit, tt.credit) {
				t.Errorf("Credit %q does not credit %q", info.Credit, tt.credit)
			}
			if info.ScoreLabel != tt.scoreLabel {
				t.Errorf("ScoreLabel = %q, want %q", info.ScoreLabel, tt.scoreLabel)
			}
			if !strings.Contains(info.About, "self-reflection") || !strings.Contains(info.About, "not a diagnosis") {
				t.Errorf("About %q must say it is for self-reflection, not a diagnosis", info.About)
			}
			if info.Name == "" {
				t.Errorf("no name")
			}
			seen := map[string]bool{}
			for i, it := range info.Items {
				if seen[it.Text] {
					t.Errorf("item %d repeats %q", i+1, it.Text)
				}
				seen[it.Text] = true
				assertSentence(t, "item", it.Text)
			}
			for _, s := range info.Scale {
				if s == "" {
					t.Errorf("blank scale point in %q", info.Scale)
				}
			}
		})
	}
	if _, ok := Instrument("phq9").Info(); ok {
		t.Errorf("an unknown instrument has info")
	}
	if !slices.Equal(Instruments, []Instrument{BARC10, MSPSS}) {
		t.Errorf("Instruments = %v", Instruments)
	}
}

// TestMSPSSSubscales: the items of each subscale are the authors' (1, 2, 5
// and 10 a significant other; 3, 4, 8 and 11 family; 6, 7, 9 and 12
// friends), since scoring depends on it.
func TestMSPSSSubscales(t *testing.T) {
	info, _ := MSPSS.Info()
	want := map[string][]int{
		SubscaleSignificantOther: {1, 2, 5, 10},
		SubscaleFamily:           {3, 4, 8, 11},
		SubscaleFriends:          {6, 7, 9, 12},
	}
	got := map[string][]int{}
	for i, it := range info.Items {
		got[it.Subscale] = append(got[it.Subscale], i+1)
	}
	for k, items := range want {
		if !slices.Equal(got[k], items) {
			t.Errorf("%s: items %v, want %v", k, got[k], items)
		}
	}
	if len(got) != 3 {
		t.Errorf("subscales %v, want three", got)
	}
	if s := info.Subscales(); !slices.Equal(s, []string{SubscaleSignificantOther, SubscaleFamily, SubscaleFriends}) {
		t.Errorf("Subscales() = %q", s)
	}
	barc, _ := BARC10.Info()
	if s := barc.Subscales(); s != nil {
		t.Errorf("BARC-10 Subscales() = %q, want none", s)
	}
}

func TestInfoIsACopy(t *testing.T) {
	info, _ := BARC10.Info()
	info.Items[0].Text = "changed"
	info.Scale[0] = "changed"
	again, _ := BARC10.Info()
	if again.Items[0].Text == "changed" || again.Scale[0] == "changed" {
		t.Errorf("editing Info's result changed the instrument")
	}
}

// repeat is n answers of v.
func repeat(v, n int) []int { return slices.Repeat([]int{v}, n) }

func TestScoreBARC10(t *testing.T) {
	tests := []struct {
		name    string
		answers []int
		want    float64
	}{
		{"all strongly disagree", repeat(1, 10), 10},
		{"all strongly agree", repeat(6, 10), 60},
		{"all somewhat agree", repeat(4, 10), 40},
		// 6+5+4+3+2+1+6+5+4+3 = 39
		{"mixed", []int{6, 5, 4, 3, 2, 1, 6, 5, 4, 3}, 39},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total, subs := Checkup{Instrument: BARC10, Answers: tt.answers}.Score()
			if total != tt.want || subs != nil {
				t.Errorf("Score = %v, %v; want %v, none", total, subs, tt.want)
			}
		})
	}
}

func TestScoreMSPSS(t *testing.T) {
	tests := []struct {
		name      string
		answers   []int
		total     float64
		so, fa, f float64
	}{
		{"all very strongly disagree", repeat(1, 12), 1, 1, 1, 1},
		{"all very strongly agree", repeat(7, 12), 7, 7, 7, 7},
		{"all neutral", repeat(4, 12), 4, 4, 4, 4},
		// Significant other, items 1 2 5 10: 7+6+5+7 = 25, 6.25.
		// Family, items 3 4 8 11: 3+2+1+2 = 8, 2.
		// Friends, items 6 7 9 12: 4+4+6+5 = 19, 4.75.
		// Total: 52 / 12 = 4.333…
		{"mixed", []int{7, 6, 3, 2, 5, 4, 4, 1, 6, 7, 2, 5}, 52.0 / 12, 6.25, 2, 4.75},
		// Only friends high: 7s on 6 7 9 12, 1s elsewhere: (4*7+8)/12 = 3.
		{"friends only", []int{1, 1, 1, 1, 1, 7, 7, 1, 7, 1, 1, 7}, 3, 1, 1, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total, subs := Checkup{Instrument: MSPSS, Answers: tt.answers}.Score()
			if math.Abs(total-tt.total) > 1e-9 {
				t.Errorf("total = %v, want %v", total, tt.total)
			}
			want := map[string]float64{SubscaleSignificantOther: tt.so, SubscaleFamily: tt.fa, SubscaleFriends: tt.f}
			if len(subs) != len(want) {
				t.Errorf("subscales = %v, want %v", subs, want)
			}
			for k, v := range want {
				if math.Abs(subs[k]-v) > 1e-9 {
					t.Errorf("%s = %v, want %v", k, subs[k], v)
				}
			}
		})
	}
}

func TestScoreOfAnswersThatDoNotFit(t *testing.T) {
	for _, c := range []Checkup{
		{Instrument: BARC10, Answers: repeat(3, 9)},
		{Instrument: BARC10, Answers: repeat(3, 11)},
		{Instrument: BARC10, Answers: append(repeat(3, 9), 7)},
		{Instrument: MSPSS, Answers: append(repeat(3, 11), 0)},
		{Instrument: MSPSS},
		{Instrument: "phq9", Answers: repeat(1, 9)},
	} {
		if total, subs := c.Score(); total != 0 || subs != nil {
			t.Errorf("%s %v: Score = %v, %v; want 0, none", c.Instrument, c.Answers, total, subs)
		}
	}
}

func TestCheckupValidate(t *testing.T) {
	today := day(2026, 11, 21)
	ok := func(i Instrument, n int) Checkup { return Checkup{Instrument: i, Day: today, Answers: repeat(2, n)} }
	with := func(c Checkup, f func(*Checkup)) Checkup { f(&c); return c }
	tests := []struct {
		name string
		c    Checkup
		want []string // problem fields
	}{
		{"BARC-10 fine", ok(BARC10, 10), nil},
		{"MSPSS fine", ok(MSPSS, 12), nil},
		{"every end of the scale", Checkup{Instrument: MSPSS, Day: today, Answers: []int{1, 7, 1, 7, 1, 7, 1, 7, 1, 7, 1, 7}}, nil},
		{"back-dated", with(ok(BARC10, 10), func(c *Checkup) { c.Day = day(2025, 1, 1) }), nil},
		{"unknown instrument", Checkup{Instrument: "phq9", Day: today, Answers: repeat(1, 9)}, []string{FieldInstrument}},
		{"no instrument", Checkup{Day: today}, []string{FieldInstrument}},
		{"no day", with(ok(BARC10, 10), func(c *Checkup) { c.Day = Date{} }), []string{FieldDay}},
		{"not a real day", with(ok(BARC10, 10), func(c *Checkup) { c.Day = day(2026, 2, 30) }), []string{FieldDay}},
		{"tomorrow", with(ok(BARC10, 10), func(c *Checkup) { c.Day = today.AddDays(1) }), []string{FieldDay}},
		{"no answers", Checkup{Instrument: BARC10, Day: today}, []string{FieldAnswers, "item0", "item1", "item2", "item3", "item4", "item5", "item6", "item7", "item8", "item9"}},
		{"one short", ok(BARC10, 9), []string{FieldAnswers, "item9"}},
		{"one too many", ok(BARC10, 11), []string{FieldAnswers}},
		{"a statement left blank", with(ok(MSPSS, 12), func(c *Checkup) { c.Answers[4] = 0 }), []string{"item4"}},
		{"above the scale", with(ok(BARC10, 10), func(c *Checkup) { c.Answers[9] = 7 }), []string{"item9"}},
		{"below the scale", with(ok(MSPSS, 12), func(c *Checkup) { c.Answers[0] = -1 }), []string{"item0"}},
		{"7 is fine on MSPSS", with(ok(MSPSS, 12), func(c *Checkup) { c.Answers[0] = 7 }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.c.Validate(today)
			if got := problemFields(p); !slices.Equal(got, tt.want) {
				t.Fatalf("problems = %v, want %v (%v)", got, tt.want, p)
			}
			for f, msg := range p {
				assertSentence(t, f, msg)
			}
			if len(tt.want) == 0 {
				if total, _ := tt.c.Score(); total == 0 {
					t.Errorf("a valid check-up scores 0")
				}
			}
		})
	}
	// Without a today, the day is not checked against it.
	future := Checkup{Instrument: BARC10, Day: day(2030, 1, 1), Answers: repeat(3, 10)}
	if p := future.Validate(Date{}); len(p) != 0 {
		t.Errorf("zero today: %v", p)
	}
	// The message names the statement as people count, from 1.
	p := Checkup{Instrument: BARC10, Day: today, Answers: append(repeat(3, 9), 0)}.Validate(today)
	if !strings.Contains(p["item9"], "Statement 10") {
		t.Errorf("item9: %q does not name statement 10", p["item9"])
	}
}

func TestCheckupDue(t *testing.T) {
	today := day(2026, 11, 21)
	tests := []struct {
		name string
		i    Instrument
		last Date
		want bool
	}{
		{"BARC-10 never taken", BARC10, Date{}, true},
		{"BARC-10 today", BARC10, today, false},
		{"BARC-10 29 days ago", BARC10, today.AddDays(-29), false},
		{"BARC-10 30 days ago", BARC10, today.AddDays(-30), true},
		{"BARC-10 a year ago", BARC10, today.AddDays(-365), true},
		{"MSPSS never taken", MSPSS, Date{}, true},
		{"MSPSS 90 days ago", MSPSS, today.AddDays(-90), false},
		{"MSPSS 91 days ago", MSPSS, today.AddDays(-91), true},
		{"taken on a day after today", BARC10, today.AddDays(40), false},
		{"unknown instrument", "phq9", Date{}, false},
	}
	for _, tt := range tests {
		if got := CheckupDue(tt.i, tt.last, today); got != tt.want {
			t.Errorf("%s: CheckupDue = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCheckupReminder(t *testing.T) {
	today := day(2026, 11, 21)
	ago := today.AddDays
	type last = map[Instrument]Date
	tests := []struct {
		name     string
		last     last
		firstUse Date
		want     Instrument // "" is none
	}{
		{"a new journal", nil, Date{}, ""},
		{"used since today", nil, today, ""},
		{"27 days of use", nil, ago(-27), ""},
		{"28 days of use: the first", nil, ago(-28), BARC10},
		{"a decade, never taken", nil, ago(-3650), BARC10},
		{"BARC-10 just taken: MSPSS waits", last{BARC10: today}, ago(-400), ""},
		{"BARC-10 27 days ago: MSPSS still waits", last{BARC10: ago(-27)}, ago(-400), ""},
		{"BARC-10 28 days ago: MSPSS's turn", last{BARC10: ago(-28)}, ago(-400), MSPSS},
		{"both taken, BARC-10 at its interval", last{BARC10: ago(-30), MSPSS: ago(-20)}, ago(-400), BARC10},
		{"both taken, neither due", last{BARC10: ago(-29), MSPSS: ago(-90)}, ago(-400), ""},
		{"MSPSS at its interval", last{BARC10: ago(-3), MSPSS: ago(-91)}, ago(-400), MSPSS},
		{"taken after today (a clock set back)", last{BARC10: ago(40)}, ago(-400), ""},
	}
	for _, tt := range tests {
		got, ok := CheckupReminder(tt.last, tt.firstUse, today)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: CheckupReminder = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}
