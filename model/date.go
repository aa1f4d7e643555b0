package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no time zone: "known since",
// the day someone agreed to be called at any time, a check-in's day. Keeping
// it apart from time.Time avoids days shifting when a person travels or the
// clocks change.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String prints the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time is midnight UTC of the day; used only for day arithmetic, where UTC
// has no daylight-saving jumps.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays moves the date by n days (negative moves back).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysSince counts whole days from earlier to d (negative if earlier is later).
func (d Date) DaysSince(earlier Date) int {
	// Unix seconds, not Time.Sub: a time.Duration saturates at about 292
	// years, well inside the years a Date can hold.
	return int((d.Time().Unix() - earlier.Time().Unix()) / (24 * 60 * 60))
}

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.Time().After(o.Time()) }

// Human prints the date the way a person reads it: "9 Mar 2024".
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 Jan 2006")
}

// ErrDateFormat is returned for text that is not a YYYY-MM-DD date.
var ErrDateFormat = errors.New("use year-month-day, like 2024-03-09")

// ParseDate reads YYYY-MM-DD (also accepting / or . as separators). Empty
// text is the zero Date. The error is a sentence a person can act on.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	s = strings.NewReplacer("/", "-", ".", "-").Replace(s)
	var y, m, d int
	var rest string
	n, _ := fmt.Sscanf(s, "%d-%d-%d%s", &y, &m, &d, &rest)
	// Sscanf stops quietly at a line break and accepts signs and spaces
	// inside the text, so only digits and the separators are allowed.
	notDate := func(r rune) bool { return r != '-' && (r < '0' || r > '9') }
	if n != 3 || strings.ContainsFunc(s, notDate) || strings.Count(s, "-") != 2 || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		return Date{}, ErrDateFormat
	}
	if y < 1900 || y > 9999 {
		return Date{}, fmt.Errorf("the year %d looks mistyped: %w", y, ErrDateFormat)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("there is no month %d: %w", m, ErrDateFormat)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return Date{}, fmt.Errorf("%s has no day %d", time.Month(m), d)
	}
	return Date{y, time.Month(m), d}, nil
}
