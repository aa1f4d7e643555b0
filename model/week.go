package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week: weeks start on Monday, and week 1 is the week
// holding the year's first Thursday. So 2026 has a week 53, and 2027-W01
// starts on Monday 4 January 2027.
type Week struct {
	Year int // the ISO year, which near New Year can differ from the date's
	Num  int // 1–53
}

// WeekOf is the ISO week a day belongs to.
func WeekOf(d Date) Week {
	y, w := d.Time().ISOWeek()
	return Week{y, w}
}

// Monday is the first day of the week.
func (w Week) Monday() Date {
	// 4 January is always in week 1; step back to its Monday, then forward.
	jan4 := Date{w.Year, time.January, 4}
	offset := (int(jan4.Time().Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(-offset + 7*(w.Num-1))
}

// Sunday is the last day of the week.
func (w Week) Sunday() Date { return w.Monday().AddDays(6) }

// Contains reports whether d falls in the week.
func (w Week) Contains(d Date) bool { return WeekOf(d) == w }

// Next and Prev step one week.
func (w Week) Next() Week { return WeekOf(w.Monday().AddDays(7)) }

// Prev is the week before.
func (w Week) Prev() Week { return WeekOf(w.Monday().AddDays(-7)) }

// Before reports whether w is an earlier week than o.
func (w Week) Before(o Week) bool {
	return w.Year < o.Year || (w.Year == o.Year && w.Num < o.Num)
}

// IsZero reports whether the week is unset.
func (w Week) IsZero() bool { return w == Week{} }

// String prints the week as YYYY-Www, e.g. 2026-W47.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Human prints the week's days: "16–22 Nov 2026", "28 Dec 2026 – 3 Jan 2027".
func (w Week) Human() string {
	a, b := w.Monday(), w.Sunday()
	switch {
	case a.Year != b.Year:
		return a.Time().Format("2 Jan 2006") + " – " + b.Time().Format("2 Jan 2006")
	case a.Month != b.Month:
		return a.Time().Format("2 Jan") + " – " + b.Time().Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d–%s", a.Day, b.Time().Format("2 Jan 2006"))
}

// ParseWeek reads YYYY-Www (also lower-case w). Week 53 is accepted only in
// years that have one.
func ParseWeek(s string) (Week, error) {
	s = strings.TrimSpace(s)
	ys, ws, ok := strings.Cut(strings.ToUpper(s), "-W")
	if !ok || len(ys) != 4 || len(ws) != 2 {
		return Week{}, fmt.Errorf("%q is not a week; write it like 2026-W47", s)
	}
	// Only ASCII digits: Atoi also takes a sign, so "2026-W+1" would pass.
	notDigit := func(r rune) bool { return r < '0' || r > '9' }
	y, err1 := strconv.Atoi(ys)
	n, err2 := strconv.Atoi(ws)
	if err1 != nil || err2 != nil || strings.ContainsFunc(ys+ws, notDigit) || y < 1900 || y > 9999 || n < 1 || n > 53 {
		return Week{}, fmt.Errorf("%q is not a week; write it like 2026-W47", s)
	}
	w := Week{y, n}
	if WeekOf(w.Monday()) != w {
		return Week{}, fmt.Errorf("%d has no week %d", y, n)
	}
	return w, nil
}
