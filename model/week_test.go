package model

import (
	"strings"
	"testing"
	"time"
)

// isoWeekOracle computes the ISO week of d without the time package's
// ISOWeek: the week belongs to the year of its Thursday, and counts from
// the Thursday that is that year's first.
func isoWeekOracle(d Date) Week {
	days := civil(d)
	wd := ((days+3)%7 + 7) % 7 // 0 = Monday; 1970-01-01 was a Thursday
	thu := days - wd + 3
	// The Thursday's year: the one whose 1 January is on or before it.
	y := d.Year + 1
	for civilDays(y, 1, 1) > thu {
		y--
	}
	return Week{y, (thu-civilDays(y, 1, 1))/7 + 1}
}

func TestWeekOfNearNewYear(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want Week
	}{
		{"Sunday 3 Jan 2027 is the last day of 2026-W53", day(2027, 1, 3), Week{2026, 53}},
		{"Monday 4 Jan 2027 starts 2027-W01", day(2027, 1, 4), Week{2027, 1}},
		{"Friday 1 Jan 2027 is still in 2026-W53", day(2027, 1, 1), Week{2026, 53}},
		{"Monday 28 Dec 2026 starts 2026-W53", day(2026, 12, 28), Week{2026, 53}},
		{"Sunday 27 Dec 2026 ends 2026-W52", day(2026, 12, 27), Week{2026, 52}},
		{"Monday 30 Dec 2024 is already 2025-W01", day(2024, 12, 30), Week{2025, 1}},
		{"Tuesday 31 Dec 2024 is 2025-W01", day(2024, 12, 31), Week{2025, 1}},
		{"Sunday 29 Dec 2024 ends 2024-W52", day(2024, 12, 29), Week{2024, 52}},
		{"Sunday 1 Jan 2023 is 2022-W52", day(2023, 1, 1), Week{2022, 52}},
		{"Monday 2 Jan 2023 starts 2023-W01", day(2023, 1, 2), Week{2023, 1}},
		{"Monday 28 Dec 2020 starts 2020-W53", day(2020, 12, 28), Week{2020, 53}},
		{"Sunday 3 Jan 2021 ends 2020-W53", day(2021, 1, 3), Week{2020, 53}},
		{"Monday 4 Jan 2021 starts 2021-W01", day(2021, 1, 4), Week{2021, 1}},
		{"Friday 31 Dec 2021 is 2021-W52", day(2021, 12, 31), Week{2021, 52}},
		{"Thursday 1 Jan 2026 is 2026-W01", day(2026, 1, 1), Week{2026, 1}},
		{"Monday 16 Nov 2026 starts 2026-W47", day(2026, 11, 16), Week{2026, 47}},
		{"Sunday 22 Nov 2026 ends 2026-W47", day(2026, 11, 22), Week{2026, 47}},
		{"leap day 2024", day(2024, 2, 29), Week{2024, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WeekOf(tt.d); got != tt.want {
				t.Errorf("WeekOf(%v) = %v, want %v", tt.d, got, tt.want)
			}
			if got := isoWeekOracle(tt.d); got != tt.want {
				t.Fatalf("setup: oracle says %v for %v, table says %v", got, tt.d, tt.want)
			}
			if !tt.want.Contains(tt.d) {
				t.Errorf("%v.Contains(%v) = false", tt.want, tt.d)
			}
		})
	}
}

func TestWeekBounds(t *testing.T) {
	tests := []struct {
		w              Week
		monday, sunday Date
	}{
		{Week{2020, 53}, day(2020, 12, 28), day(2021, 1, 3)},
		{Week{2026, 53}, day(2026, 12, 28), day(2027, 1, 3)},
		{Week{2027, 1}, day(2027, 1, 4), day(2027, 1, 10)},
		{Week{2025, 1}, day(2024, 12, 30), day(2025, 1, 5)},
		{Week{2022, 52}, day(2022, 12, 26), day(2023, 1, 1)},
		{Week{2023, 1}, day(2023, 1, 2), day(2023, 1, 8)},
		{Week{2026, 1}, day(2025, 12, 29), day(2026, 1, 4)},
		{Week{2026, 47}, day(2026, 11, 16), day(2026, 11, 22)},
		{Week{2015, 53}, day(2015, 12, 28), day(2016, 1, 3)},
		{Week{1900, 1}, day(1900, 1, 1), day(1900, 1, 7)},
	}
	for _, tt := range tests {
		t.Run(tt.w.String(), func(t *testing.T) {
			if got := tt.w.Monday(); got != tt.monday {
				t.Errorf("%v.Monday() = %v, want %v", tt.w, got, tt.monday)
			}
			if got := tt.w.Sunday(); got != tt.sunday {
				t.Errorf("%v.Sunday() = %v, want %v", tt.w, got, tt.sunday)
			}
			if !tt.w.Contains(tt.monday) || !tt.w.Contains(tt.sunday) {
				t.Errorf("%v does not contain its own Monday and Sunday", tt.w)
			}
			if tt.w.Contains(tt.monday.AddDays(-1)) || tt.w.Contains(tt.sunday.AddDays(1)) {
				t.Errorf("%v contains a day of the weeks beside it", tt.w)
			}
			if got, err := ParseWeek(tt.w.String()); err != nil || got != tt.w {
				t.Errorf("ParseWeek(%q) = %v, %v", tt.w.String(), got, err)
			}
		})
	}
}

// TestWeekEveryDay walks every day of 2015–2035 against the oracle and
// checks that the week's methods agree with each other.
func TestWeekEveryDay(t *testing.T) {
	from, to := day(2015, 1, 1), day(2035, 12, 31)
	var prev Week
	weeks := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		w := WeekOf(d)
		if want := isoWeekOracle(d); w != want {
			t.Fatalf("WeekOf(%v) = %v, oracle %v", d, w, want)
		}
		mon, sun := w.Monday(), w.Sunday()
		if d.Before(mon) || d.After(sun) {
			t.Fatalf("%v: Monday %v, Sunday %v do not hold it", d, mon, sun)
		}
		if mon.Time().Weekday() != time.Monday || sun.Time().Weekday() != time.Sunday {
			t.Fatalf("%v: Monday %v is a %v, Sunday %v is a %v", w, mon, mon.Time().Weekday(), sun, sun.Time().Weekday())
		}
		if sun.DaysSince(mon) != 6 {
			t.Fatalf("%v: %d days from Monday to Sunday", w, sun.DaysSince(mon))
		}
		if !w.Contains(d) {
			t.Fatalf("%v.Contains(%v) = false", w, d)
		}
		if w.Next().Prev() != w || w.Prev().Next() != w {
			t.Fatalf("%v: Next().Prev() = %v, Prev().Next() = %v", w, w.Next().Prev(), w.Prev().Next())
		}
		if w.Next().Monday() != sun.AddDays(1) || w.Prev().Sunday() != mon.AddDays(-1) {
			t.Fatalf("%v: Next and Prev are not the weeks beside it", w)
		}
		if !w.Before(w.Next()) || !w.Prev().Before(w) || w.Before(w) || w.Next().Before(w) {
			t.Fatalf("%v: Before disagrees with Next and Prev", w)
		}
		if got, err := ParseWeek(w.String()); err != nil || got != w {
			t.Fatalf("ParseWeek(%q) = %v, %v", w.String(), got, err)
		}
		if w.Num < 1 || w.Num > 53 {
			t.Fatalf("%v: week number out of range", w)
		}
		if w != prev {
			if !prev.IsZero() && (prev.Next() != w || mon != d) {
				t.Fatalf("%v follows %v on %v", w, prev, d)
			}
			if w.Year >= 2015 && w.Year <= 2035 {
				weeks++
			}
			prev = w
		}
	}
	// 21 ISO years of 52 weeks, plus the four with a week 53 (2015-W01
	// began on 29 Dec 2014; Monday 31 Dec 2035 is already 2036-W01).
	if want := 21*52 + 4; weeks != want {
		t.Errorf("counted %d weeks in 2015–2035, want %d", weeks, want)
	}
}

func TestWeek53(t *testing.T) {
	has := map[int]bool{2015: true, 2020: true, 2026: true, 2032: true}
	for y := 2015; y <= 2035; y++ {
		_, err := ParseWeek(Week{y, 53}.String())
		if has[y] != (err == nil) {
			t.Errorf("%d-W53: error %v, want a week 53: %v", y, err, has[y])
		}
		if has[y] {
			// The week after week 53 is week 1 of the next year.
			if got := (Week{y, 53}).Next(); got != (Week{y + 1, 1}) {
				t.Errorf("%d-W53.Next() = %v", y, got)
			}
		} else if got := (Week{y, 52}).Next(); got != (Week{y + 1, 1}) {
			t.Errorf("%d-W52.Next() = %v", y, got)
		}
	}
}

func TestWeekString(t *testing.T) {
	tests := []struct {
		w    Week
		want string
	}{
		{Week{2026, 47}, "2026-W47"},
		{Week{2027, 1}, "2027-W01"},
		{Week{2020, 53}, "2020-W53"},
		{Week{1900, 9}, "1900-W09"},
	}
	for _, tt := range tests {
		if got := tt.w.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestWeekHuman(t *testing.T) {
	tests := []struct {
		name string
		w    Week
		want string
	}{
		{"same month", Week{2026, 47}, "16–22 Nov 2026"},
		{"same month, single-digit days", Week{2026, 2}, "5–11 Jan 2026"},
		{"across months", Week{2026, 49}, "30 Nov – 6 Dec 2026"},
		{"across months, into March of a leap year", Week{2024, 9}, "26 Feb – 3 Mar 2024"},
		{"across years", Week{2026, 53}, "28 Dec 2026 – 3 Jan 2027"},
		{"week 1 starting in December", Week{2025, 1}, "30 Dec 2024 – 5 Jan 2025"},
		{"last week ending on New Year's Day", Week{2022, 52}, "26 Dec 2022 – 1 Jan 2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Human(); got != tt.want {
				t.Errorf("%v.Human() = %q, want %q", tt.w, got, tt.want)
			}
		})
	}
}

func TestWeekIsZero(t *testing.T) {
	if !(Week{}).IsZero() {
		t.Error("Week{}.IsZero() = false")
	}
	if (Week{2026, 1}).IsZero() {
		t.Error("2026-W01 is zero")
	}
}

func TestParseWeek(t *testing.T) {
	tests := []struct {
		in   string
		want Week
	}{
		{"2026-W47", Week{2026, 47}},
		{"2026-w05", Week{2026, 5}},
		{"  2026-W47\n", Week{2026, 47}},
		{"2020-W53", Week{2020, 53}},
		{"2026-W53", Week{2026, 53}},
		{"2027-W01", Week{2027, 1}},
		{"1900-W01", Week{1900, 1}},
	}
	for _, tt := range tests {
		got, err := ParseWeek(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseWeek(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseWeekRejects(t *testing.T) {
	tests := []struct {
		in   string
		hint string // what the message must mention
	}{
		{"", "2026-W47"},
		{"   ", "2026-W47"},
		{"2026-47", "2026-W47"},
		{"2026-W0", "2026-W47"},
		{"2026-W00", "2026-W47"},
		{"2026-W54", "2026-W47"},
		{"2026-W99", "2026-W47"},
		{"26-W01", "2026-W47"},
		{"2026-W1", "2026-W47"},
		{"2026-W001", "2026-W47"},
		{"2026W47", "2026-W47"},
		{"2026-W47x", "2026-W47"},
		{"2026-W+1", "2026-W47"},
		{"2026-W-1", "2026-W47"},
		{"2026-W 1", "2026-W47"},
		{"+202-W01", "2026-W47"},
		{"1899-W52", "2026-W47"},
		{"0000-W01", "2026-W47"},
		{"２０２６-W01", "2026-W47"},
		{"2026-W47-W47", "2026-W47"},
		{"2026-12-01", "2026-W47"},
		{"2021-W53", "2021 has no week 53"},
		{"2027-W53", "2027 has no week 53"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			w, err := ParseWeek(tt.in)
			if err == nil {
				t.Fatalf("ParseWeek(%q) = %v, want an error", tt.in, w)
			}
			if !w.IsZero() {
				t.Errorf("ParseWeek(%q) returned %v with its error", tt.in, w)
			}
			msg := err.Error()
			assertNoDebris(t, tt.in, msg)
			if !strings.Contains(msg, tt.hint) {
				t.Errorf("ParseWeek(%q): message %q does not mention %q", tt.in, msg, tt.hint)
			}
		})
	}
}

func FuzzParseWeek(f *testing.F) {
	for _, s := range []string{
		"", "2026-W47", "2026-w05", " 2026-W47 ", "2020-W53", "2021-W53", "2026-47",
		"2026-W0", "2026-W54", "26-W01", "2026-W1", "2026-W+1", "+202-W01", "9999-W52",
		"9999-W53", "1900-W01", "1899-W52", "2026-W\x00", "２０２６-W01", "2026-Ｗ01",
		"-W", "2026-W47\n2026-W48", "ǅǅǅǅ-W01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWeek(s)
		if err != nil {
			if !w.IsZero() {
				t.Fatalf("ParseWeek(%q) = %v with error %v", s, w, err)
			}
			if err.Error() == "" {
				t.Fatalf("ParseWeek(%q): empty error message", s)
			}
			return
		}
		if w.Year < 1900 || w.Year > 9999 || w.Num < 1 || w.Num > 53 {
			t.Fatalf("ParseWeek(%q) = %#v: out of range", s, w)
		}
		if WeekOf(w.Monday()) != w {
			t.Fatalf("ParseWeek(%q) = %v, a week that does not exist", s, w)
		}
		if got := w.String(); got != strings.ToUpper(strings.TrimSpace(s)) {
			t.Fatalf("ParseWeek(%q) = %v, which prints as %q", s, w, got)
		}
		back, err := ParseWeek(w.String())
		if err != nil || back != w {
			t.Fatalf("ParseWeek(%q) = %v, but ParseWeek(%q) = %v, %v", s, w, w.String(), back, err)
		}
	})
}
