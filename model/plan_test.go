package model

import (
	"errors"
	"testing"
)

func TestParsePlanWhen(t *testing.T) {
	today := Date{2026, 12, 3} // a Thursday
	tests := []struct {
		in    string
		day   Date
		clock string
		bad   bool
	}{
		{"today", today, "", false},
		{"tomorrow", today.AddDays(1), "", false},
		{"Tomorrow 6pm", today.AddDays(1), "18:00", false},
		{"monday", Date{2026, 12, 7}, "", false},
		{"mon 18:30", Date{2026, 12, 7}, "18:30", false},
		{"thursday", Date{2026, 12, 10}, "", false}, // said on a Thursday: next week's
		{"fri 9:05am", Date{2026, 12, 4}, "09:05", false},
		{"2026-12-24", Date{2026, 12, 24}, "", false},
		{"2026-12-24 12am", Date{2026, 12, 24}, "00:00", false},
		{"21:40", today, "21:40", false},
		{"6pm", today, "18:00", false},
		{"12pm", today, "12:00", false},
		{"", Date{}, "", true},
		{"someday", Date{}, "", true},
		{"mo", Date{}, "", true},
		{"tomorrow 6", Date{}, "", true},
		{"tomorrow 25:00", Date{}, "", true},
		{"tomorrow 13pm", Date{}, "", true},
		{"tomorrow 6:5", Date{}, "", true},
		{"next monday at 6", Date{}, "", true},
		{"-1:00", Date{}, "", true}, // found by FuzzParsePlanWhen: Atoi takes a sign
		{"tomorrow 6:+5", Date{}, "", true},
		{"+6pm", Date{}, "", true},
	}
	for _, tt := range tests {
		day, clock, err := ParsePlanWhen(tt.in, today)
		if (err != nil) != tt.bad || day != tt.day || clock != tt.clock {
			t.Errorf("ParsePlanWhen(%q) = %v, %q, %v; want %v, %q, bad %v", tt.in, day, clock, err, tt.day, tt.clock, tt.bad)
		}
		if err != nil && !errors.Is(err, ErrPlanWhen) {
			t.Errorf("ParsePlanWhen(%q): %v is not ErrPlanWhen", tt.in, err)
		}
	}
}

func TestPlannedReachOutValidate(t *testing.T) {
	today := Date{2026, 12, 3}
	ok := Plan{ContactID: 1, Day: today, Channel: ChannelCall}
	if p := ok.Validate(today); len(p) > 0 {
		t.Fatalf("a plan for today refused: %v", p)
	}
	tests := []struct {
		name  string
		edit  func(*Plan)
		field string
	}{
		{"nobody", func(p *Plan) { p.ContactID = 0 }, FieldPlanContact},
		{"no day", func(p *Plan) { p.Day = Date{} }, FieldPlanWhen},
		{"a day gone", func(p *Plan) { p.Day = today.AddDays(-1) }, FieldPlanWhen},
		{"not a time", func(p *Plan) { p.Time = "6pm" }, FieldPlanWhen},
		{"not a channel", func(p *Plan) { p.Channel = "pigeon" }, FieldChannel},
	}
	for _, tt := range tests {
		p := ok
		tt.edit(&p)
		if got := p.Validate(today); got[tt.field] == "" {
			t.Errorf("%s: no problem under %s: %v", tt.name, tt.field, got)
		}
	}
	if got := (Plan{Day: today.AddDays(1), Time: "18:00"}).When(today); got != "tomorrow at 18:00" {
		t.Errorf("When = %q", got)
	}
	if got := (Plan{Day: Date{2026, 12, 7}}).When(today); got != "Monday 7 December" {
		t.Errorf("When = %q", got)
	}
}

// FuzzParsePlanWhen: whatever is typed, a plan's day is read or refused
// with ErrPlanWhen, never a panic; what is read is a real day and a time
// Validate takes.
func FuzzParsePlanWhen(f *testing.F) {
	for _, s := range []string{"today", "tomorrow 6pm", "mon 18:30", "2026-12-24 12am", "21:40", "6:5", "fri 9:05am"} {
		f.Add(s)
	}
	today := Date{2026, 12, 3}
	f.Fuzz(func(t *testing.T, s string) {
		day, clock, err := ParsePlanWhen(s, today)
		if err != nil {
			if !errors.Is(err, ErrPlanWhen) && !errors.Is(err, ErrDateFormat) {
				t.Fatalf("ParsePlanWhen(%q): %v", s, err)
			}
			return
		}
		p := Plan{ContactID: 1, Day: day, Time: clock, Channel: ChannelCall}
		if pr := p.Validate(Date{}); len(pr) > 0 {
			t.Fatalf("ParsePlanWhen(%q) = %v %q, which Validate refuses: %v", s, day, clock, pr)
		}
	})
}
