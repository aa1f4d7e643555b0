package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Birthday is a day of the year someone was born on, with the year when it
// is known (Year 0: not known; many people know a friend's birthday but
// not their age).
type Birthday struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports no birthday.
func (b Birthday) IsZero() bool { return b.Month == 0 }

// String is the stored and typed form: "1985-03-09", or "03-09" without
// the year; "" for none.
func (b Birthday) String() string {
	switch {
	case b.IsZero():
		return ""
	case b.Year == 0:
		return fmt.Sprintf("%02d-%02d", int(b.Month), b.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", b.Year, int(b.Month), b.Day)
}

// Human is the birthday in words: "9 March", "9 March 1985".
func (b Birthday) Human() string {
	if b.IsZero() {
		return ""
	}
	s := strconv.Itoa(b.Day) + " " + b.Month.String()
	if b.Year != 0 {
		s += " " + strconv.Itoa(b.Year)
	}
	return s
}

// ParseBirthday reads a birthday as typed or as a vCard writes it: "" (none),
// "03-09" or "--03-09" or "--0309" (no year), "1985-03-09" or "19850309".
// 29 February is a birthday with or without a year; a year must have it.
func ParseBirthday(s string) (Birthday, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Birthday{}, nil
	}
	bad := fmt.Errorf("a birthday is month-day (03-09) or year-month-day (1985-03-09): %w", ErrDateFormat)
	digits := strings.ReplaceAll(strings.TrimPrefix(s, "--"), "-", "")
	for _, r := range digits {
		if r < '0' || r > '9' {
			return Birthday{}, bad
		}
	}
	var b Birthday
	switch {
	case len(digits) == 4 && (strings.HasPrefix(s, "--") || strings.Count(s, "-") == 1 || !strings.Contains(s, "-")):
		m, _ := strconv.Atoi(digits[:2])
		b.Month, b.Day = time.Month(m), atoi(digits[2:])
	case len(digits) == 8 && !strings.HasPrefix(s, "--"):
		b.Year, b.Month, b.Day = atoi(digits[:4]), time.Month(atoi(digits[4:6])), atoi(digits[6:])
		if b.Year < 1900 || b.Year > 9999 {
			return Birthday{}, fmt.Errorf("the year %d looks mistyped: %w", b.Year, ErrDateFormat)
		}
	default:
		return Birthday{}, bad
	}
	if b.Month < 1 || b.Month > 12 {
		return Birthday{}, fmt.Errorf("there is no month %d: %w", int(b.Month), ErrDateFormat)
	}
	year := b.Year
	if year == 0 {
		year = 2000 // a leap year: 29 February is a day of the year
	}
	if t := time.Date(year, b.Month, b.Day, 0, 0, 0, 0, time.UTC); b.Day < 1 || t.Day() != b.Day {
		return Birthday{}, fmt.Errorf("%s has no day %d: %w", b.Month, b.Day, ErrDateFormat)
	}
	return b, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// In is the day the birthday falls on in a year: 29 February is kept on
// 28 February in other years.
func (b Birthday) In(year int) Date {
	d := Date{Year: year, Month: b.Month, Day: b.Day}
	if b.Month == time.February && b.Day == 29 && !isLeap(year) {
		d.Day = 28
	}
	return d
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// Next is the first day on or after from that the birthday falls on.
func (b Birthday) Next(from Date) Date {
	d := b.In(from.Year)
	if d.Before(from) {
		d = b.In(from.Year + 1)
	}
	return d
}

// Occasion is a reason to reach out in the days ahead: a birthday, or the
// anniversary of someone's recovery date.
type Occasion struct {
	Contact Contact
	On      Date
	What    string // "birthday", "turns 40", "3 years in recovery"
}

// Occasions are the birthdays and recovery anniversaries of the active
// people in the days from today to today+days-1, soonest first, then by
// name. A recovery date counts from its first anniversary; a birthday with
// its year says the age.
func Occasions(contacts []Contact, today Date, days int) []Occasion {
	last := today.AddDays(days - 1)
	var out []Occasion
	for _, c := range contacts {
		if c.Archived {
			continue
		}
		if !c.Birthday.IsZero() {
			if on := c.Birthday.Next(today); !on.After(last) {
				what := "birthday"
				if c.Birthday.Year != 0 && on.Year > c.Birthday.Year {
					what = fmt.Sprintf("birthday (%d)", on.Year-c.Birthday.Year)
				}
				out = append(out, Occasion{Contact: c, On: on, What: what})
			}
		}
		if r := c.RecoveryDate; !r.IsZero() {
			yearly := Birthday(r)
			if on := yearly.Next(today); !on.After(last) && on.Year > r.Year {
				n := on.Year - r.Year
				out = append(out, Occasion{Contact: c, On: on, What: fmt.Sprintf("%d %s in recovery", n, pluralWord(n, "year"))})
			}
		}
	}
	sortOccasions(out)
	return out
}

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func sortOccasions(os []Occasion) {
	slices.SortStableFunc(os, func(a, b Occasion) int {
		if c := a.On.Time().Compare(b.On.Time()); c != 0 {
			return c
		}
		return strings.Compare(a.Contact.SortKey(), b.Contact.SortKey())
	})
}
