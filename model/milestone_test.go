package model

import "testing"

func TestMilestone(t *testing.T) {
	start := Date{2024, 8, 31}
	tests := []struct {
		today Date
		want  string
	}{
		{start, ""},
		{start.AddDays(1), "1 day"},
		{start.AddDays(7), "1 week"},
		{start.AddDays(30), "30 days"},
		{start.AddDays(60), "60 days"},
		{start.AddDays(90), "90 days"},
		{start.AddDays(91), ""},
		{Date{2025, 2, 28}, "6 months"}, // 31 August and six months: February's last day
		{Date{2025, 8, 31}, "1 year"},
		{Date{2026, 8, 31}, "2 years"},
		{Date{2026, 9, 1}, ""},
		{start.AddDays(-1), ""}, // before the start
	}
	for _, tt := range tests {
		got, ok := Milestone(start, tt.today)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Milestone(%v, %v) = %q, %v; want %q", start, tt.today, got, ok, tt.want)
		}
	}
	// A leap day start: its years land on 28 February.
	if got, _ := Milestone(Date{2024, 2, 29}, Date{2025, 2, 28}); got != "1 year" {
		t.Errorf("a leap-day start's first year: %q", got)
	}
	if got, _ := Milestone(Date{2024, 2, 29}, Date{2028, 2, 29}); got != "4 years" {
		t.Errorf("a leap-day start's fourth year: %q", got)
	}
	if _, ok := Milestone(Date{}, start); ok {
		t.Error("a milestone without a start")
	}
}

func TestStretchesOf(t *testing.T) {
	today := Date{2026, 3, 31}
	start := Date{2026, 1, 1}
	lapses := []Date{{2026, 2, 1}, {2026, 2, 2}, {2026, 3, 1}}
	s := StretchesOf(start, lapses, today)
	// 1 Jan to 31 Jan: 31 days; none between 1 and 2 Feb; 3 Feb to 28 Feb:
	// 26; 2 Mar to 30 Mar: 29, the current (31 Mar is still going), as
	// many as days in recovery from 2 Mar; 30 days since the last use.
	if len(s.Before) != 3 || s.Before[0] != 31 || s.Before[1] != 0 || s.Before[2] != 26 || s.Current != 29 || s.SinceLast != 30 || s.Longest != 31 {
		t.Errorf("StretchesOf = %+v", s)
	}
	if s := StretchesOf(start, nil, today); s.Current != -1 || s.SinceLast != -1 || len(s.Before) != 0 {
		t.Errorf("no lapses: %+v", s)
	}
	if s := StretchesOf(Date{}, lapses, today); len(s.Before) != 2 || s.Current != 29 || s.Longest != 29 {
		t.Errorf("no start: %+v", s)
	}
	if s := StretchesOf(start, []Date{today}, today); s.Current != 0 || s.SinceLast != 0 || s.Longest != 89 {
		t.Errorf("a use today: %+v", s)
	}
	// A recovery date set the day after the last use: the current stretch
	// and the days in recovery are one number.
	restart := Date{2026, 3, 2}
	days, _ := DaysInRecovery(restart, today)
	if s := StretchesOf(Date{}, lapses, today); s.Current != days {
		t.Errorf("current stretch %d, days in recovery from the day after %d", s.Current, days)
	}
}
