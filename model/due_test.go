package model

import (
	"fmt"
	"testing"
	"time"
)

func TestOverdueGrace(t *testing.T) {
	tests := []struct{ cadence, want int }{
		{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 2}, {7, 3}, {14, 7}, {30, 15}, {365, 182}, {3650, 1825},
	}
	for _, tt := range tests {
		if got := OverdueGrace(tt.cadence); got != tt.want {
			t.Errorf("OverdueGrace(%d) = %d, want %d", tt.cadence, got, tt.want)
		}
	}
}

func TestDueStatus(t *testing.T) {
	today := day(2024, 3, 9)
	ago := func(n int) Date { return today.AddDays(-n) }
	tests := []struct {
		name    string
		cadence int
		last    Date
		today   Date // zero means the 2024-03-09 above
		want    DueInfo
	}{
		{"no rhythm, never contacted", 0, Date{}, Date{}, DueInfo{NoRhythm, -1, 0}},
		{"no rhythm still counts days", 0, ago(10), Date{}, DueInfo{NoRhythm, 10, 0}},
		{"no rhythm, contacted today", 0, today, Date{}, DueInfo{NoRhythm, 0, 0}},
		{"negative cadence is no rhythm", -3, ago(5), Date{}, DueInfo{NoRhythm, 5, 0}},
		{"no rhythm, contact in the future", 0, today.AddDays(4), Date{}, DueInfo{NoRhythm, 0, 0}},

		{"never contacted is due, not overdue", 7, Date{}, Date{}, DueInfo{DueNow, -1, 0}},
		{"never contacted, daily", 1, Date{}, Date{}, DueInfo{DueNow, -1, 0}},

		{"weekly, contacted today", 7, today, Date{}, DueInfo{NotDue, 0, 0}},
		{"weekly, a day short", 7, ago(6), Date{}, DueInfo{NotDue, 6, 0}},
		{"weekly, due on the day", 7, ago(7), Date{}, DueInfo{DueNow, 7, 0}},
		{"weekly, 2 days late", 7, ago(9), Date{}, DueInfo{DueNow, 9, 2}},
		{"weekly, 3 days late is overdue", 7, ago(10), Date{}, DueInfo{Overdue, 10, 3}},
		{"weekly, long overdue", 7, ago(100), Date{}, DueInfo{Overdue, 100, 93}},

		{"daily, today", 1, today, Date{}, DueInfo{NotDue, 0, 0}},
		{"daily, due", 1, ago(1), Date{}, DueInfo{DueNow, 1, 0}},
		{"daily, a day late is overdue", 1, ago(2), Date{}, DueInfo{Overdue, 2, 1}},

		{"every 2 days, a day late is overdue", 2, ago(3), Date{}, DueInfo{Overdue, 3, 1}},

		{"monthly, not due", 30, ago(29), Date{}, DueInfo{NotDue, 29, 0}},
		{"monthly, due", 30, ago(30), Date{}, DueInfo{DueNow, 30, 0}},
		{"monthly, 14 days late", 30, ago(44), Date{}, DueInfo{DueNow, 44, 14}},
		{"monthly, 15 days late is overdue", 30, ago(45), Date{}, DueInfo{Overdue, 45, 15}},

		{"longest rhythm", 3650, ago(3650), Date{}, DueInfo{DueNow, 3650, 0}},

		{"across new year", 7, day(2024, 12, 26), day(2025, 1, 2), DueInfo{DueNow, 7, 0}},
		{"across new year, overdue", 7, day(2024, 12, 20), day(2025, 1, 2), DueInfo{Overdue, 13, 6}},
		{"across a leap day", 7, day(2024, 2, 23), day(2024, 3, 1), DueInfo{DueNow, 7, 0}},
		{"same dates without a leap day", 7, day(2023, 2, 23), day(2023, 3, 1), DueInfo{NotDue, 6, 0}},

		{"clock skew: last contact tomorrow", 7, today.AddDays(1), Date{}, DueInfo{NotDue, 0, 0}},
		{"clock skew: last contact next year", 1, today.AddDays(400), Date{}, DueInfo{NotDue, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := tt.today
			if now.IsZero() {
				now = today
			}
			got := DueStatus(tt.cadence, tt.last, now)
			if got != tt.want {
				t.Errorf("DueStatus(%d, %v, %v) = %+v, want %+v", tt.cadence, tt.last, now, got, tt.want)
			}
		})
	}
}

// TestDueStatusInvariants checks the rule over a grid of rhythms and gaps.
func TestDueStatusInvariants(t *testing.T) {
	today := day(2024, 3, 9)
	for cadence := 1; cadence <= 60; cadence++ {
		prev := NotDue
		for since := 0; since <= 200; since++ {
			got := DueStatus(cadence, today.AddDays(-since), today)
			if got.DaysSince != since {
				t.Fatalf("cadence %d, %d days: DaysSince = %d", cadence, since, got.DaysSince)
			}
			var want DueState
			switch late := since - cadence; {
			case late < 0:
				want = NotDue
			case late < OverdueGrace(cadence):
				want = DueNow
			default:
				want = Overdue
			}
			if got.State != want {
				t.Fatalf("cadence %d, %d days: state %v, want %v", cadence, since, got.State, want)
			}
			if got.State < prev {
				t.Fatalf("cadence %d: state went from %v back to %v at %d days", cadence, prev, got.State, since)
			}
			prev = got.State
			if got.State == NotDue && got.DaysLate != 0 {
				t.Fatalf("cadence %d, %d days: not due but %d days late", cadence, since, got.DaysLate)
			}
			if got.State != NotDue && got.DaysLate != since-cadence {
				t.Fatalf("cadence %d, %d days: DaysLate = %d, want %d", cadence, since, got.DaysLate, since-cadence)
			}
		}
	}
}

func TestDueStateOrder(t *testing.T) {
	if !(NoRhythm < NotDue && NotDue < DueNow && DueNow < Overdue) {
		t.Error("due states are not ordered from calm to most urgent")
	}
	if NoRhythm != 0 {
		t.Error("the zero DueState should be NoRhythm")
	}
}

func TestCadenceLabel(t *testing.T) {
	tests := []struct {
		days int
		want string
	}{
		{-5, "no set rhythm"},
		{0, "no set rhythm"},
		{1, "every day"},
		{2, "every 2 days"},
		{3, "every 3 days"},
		{7, "every week"},
		{10, "every 10 days"},
		{14, "every 2 weeks"},
		{21, "every 3 weeks"},
		{28, "every 4 weeks"},
		{30, "every 30 days"},
		{365, "every 365 days"},
		{3650, "every 3650 days"},
	}
	for _, tt := range tests {
		if got := CadenceLabel(tt.days); got != tt.want {
			t.Errorf("CadenceLabel(%d) = %q, want %q", tt.days, got, tt.want)
		}
	}
}

func ExampleDueStatus() {
	today := Date{2024, time.March, 9}
	names := map[DueState]string{NoRhythm: "no rhythm", NotDue: "not due", DueNow: "due", Overdue: "overdue"}
	for _, c := range []struct {
		who     string
		cadence int
		last    Date
	}{
		{"Sam (sponsor)", 7, Date{2024, time.March, 8}},
		{"Aisha (sister)", 7, Date{2024, time.March, 2}},
		{"Tuesday SMART meeting", 7, Date{2024, time.February, 20}},
		{"Dr Okafor", 30, Date{}},
		{"Old school friend", 0, Date{2023, time.December, 25}},
	} {
		d := DueStatus(c.cadence, c.last, today)
		fmt.Printf("%-22s %-15s %-9s days since %d\n", c.who, CadenceLabel(c.cadence), names[d.State], d.DaysSince)
	}
	// Output:
	// Sam (sponsor)          every week      not due   days since 1
	// Aisha (sister)         every week      due       days since 7
	// Tuesday SMART meeting  every week      overdue   days since 18
	// Dr Okafor              every 30 days   due       days since -1
	// Old school friend      no set rhythm   no rhythm days since 75
}

func TestDueWords(t *testing.T) {
	tests := []struct {
		d    DueInfo
		want string
	}{
		{DueInfo{State: NoRhythm, DaysSince: 3}, ""},
		{DueInfo{State: NotDue, DaysSince: 3}, ""},
		{DueInfo{State: DueNow, DaysSince: -1}, "not reached yet"},
		{DueInfo{State: DueNow, DaysSince: 7}, "due today"},
		{DueInfo{State: DueNow, DaysSince: 8, DaysLate: 1}, "due, 1 day late"},
		{DueInfo{State: Overdue, DaysSince: 10, DaysLate: 3}, "overdue 3 days"},
		{DueInfo{State: Overdue, DaysSince: 2, DaysLate: 1}, "overdue 1 day"},
	}
	for _, tt := range tests {
		if got := tt.d.Words(); got != tt.want {
			t.Errorf("%+v.Words() = %q, want %q", tt.d, got, tt.want)
		}
	}
}
