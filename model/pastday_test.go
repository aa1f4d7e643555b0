package model

import (
	"strings"
	"testing"
)

func TestParsePastDay(t *testing.T) {
	today := Date{2026, 12, 4} // a Friday
	for _, tt := range []struct {
		in   string
		want Date
		err  string
	}{
		{"today", today, ""},
		{" Yesterday ", Date{2026, 12, 3}, ""},
		{"last friday", Date{2026, 11, 27}, ""},
		{"friday", Date{2026, 11, 27}, ""},
		{"mon", Date{2026, 11, 30}, ""},
		{"last thu", Date{2026, 12, 3}, ""},
		{"3 days ago", Date{2026, 12, 1}, ""},
		{"2 weeks ago", Date{2026, 11, 20}, ""},
		{"2019-05-17", Date{2019, 5, 17}, ""},
		{"2026-w10", Date{2026, 3, 8}, ""},
		{"2026-W49", today, ""}, // this week: up to today
		{"2027-01-01", Date{}, "has not come yet"},
		{"2027-W02", Date{}, "has not come yet"},
		{"", Date{}, "say a day"},
		{"next friday", Date{}, "say a day"},
		{"-3 days ago", Date{}, "say a day"},
		{"3 months ago", Date{}, "say a day"},
		{"2026-02-30", Date{}, "say a day"},
	} {
		got, err := ParsePastDay(tt.in, today)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParsePastDay(%q) = %v, %v; want an error saying %q", tt.in, got, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParsePastDay(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParsePastDay(f *testing.F) {
	for _, s := range []string{"today", "last friday", "3 days ago", "2019-05-17", "2026-W10", "99999 weeks ago"} {
		f.Add(s)
	}
	today := Date{2026, 12, 4}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParsePastDay(s, today)
		if err == nil && (d.After(today) || !realDay(d)) {
			t.Fatalf("ParsePastDay(%q) = %v", s, d)
		}
	})
}
