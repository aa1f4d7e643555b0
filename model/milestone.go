package model

import (
	"fmt"
	"time"
)

// Milestone names the milestone of recovery that lands today, counted from
// the recovery start date: 1 day, 1 week, 30, 60 and 90 days, 6 months,
// and each year. ok is false on any other day (and when no start is set,
// or it lies ahead). A recorded use never moves the start: the days lived
// in recovery stay lived.
func Milestone(start, today Date) (words string, ok bool) {
	n, ok := DaysInRecovery(start, today)
	if !ok || n == 0 {
		return "", false
	}
	switch n {
	case 1:
		return "1 day", true
	case 7:
		return "1 week", true
	case 30, 60, 90:
		return fmt.Sprintf("%d days", n), true
	}
	if sixMonths := addMonths(start, 6); today == sixMonths {
		return "6 months", true
	}
	for y := 1; y <= today.Year-start.Year; y++ {
		if today == addMonths(start, 12*y) {
			if y == 1 {
				return "1 year", true
			}
			return fmt.Sprintf("%d years", y), true
		}
	}
	return "", false
}

// addMonths is the same day n months on; a day the month lacks (31 August
// and six months) is the month's last.
func addMonths(d Date, n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.Year(), first.Month(), min(d.Day, last)}
}

// Stretches are the runs of days without a recorded use, as a person
// reads them after a lapse, so that a use never turns months into zero:
// the runs before each recorded use (from the recovery start, when it is
// set and earlier, to the first; then between one and the next), the
// current one, and the longest of them all. Every run counts whole days
// lived without a recorded use, the way days in recovery are counted: the
// day in progress is not yet one, so a run that starts the day after a use
// reads the same as a recovery date set on that day.
type Stretches struct {
	Before           []int
	Current, Longest int
	// SinceLast is the days since the last recorded use (1 the day after);
	// -1 when none was ever recorded.
	SinceLast int
}

// StretchesOf works out the stretches up to today from the days a use was
// recorded (sorted, without repeats: LapseDays) and the recovery start
// (zero when unset). A day of use belongs to no stretch.
func StretchesOf(start Date, lapses []Date, today Date) Stretches {
	s := Stretches{Current: -1, SinceLast: -1}
	var last Date
	for _, l := range lapses {
		if l.After(today) {
			break
		}
		switch {
		case !last.IsZero():
			s.Before = append(s.Before, l.DaysSince(last)-1)
		case !start.IsZero() && start.Before(l):
			s.Before = append(s.Before, l.DaysSince(start))
		}
		last = l
	}
	if last.IsZero() {
		return s
	}
	s.SinceLast = today.DaysSince(last)
	s.Current = max(0, s.SinceLast-1)
	s.Longest = s.Current
	for _, n := range s.Before {
		s.Longest = max(s.Longest, n)
	}
	return s
}
