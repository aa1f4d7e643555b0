package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDateValid(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2024-03-09", day(2024, 3, 9)},
		{"2024-02-29", day(2024, 2, 29)}, // leap year
		{"2000-02-29", day(2000, 2, 29)}, // divisible by 400: leap
		{"2024-3-9", day(2024, 3, 9)},    // single-digit month and day
		{"2024-03-9", day(2024, 3, 9)},
		{"2024-3-09", day(2024, 3, 9)},
		{"2024/03/09", day(2024, 3, 9)},
		{"2024.03.09", day(2024, 3, 9)},
		{"2024/3/9", day(2024, 3, 9)},
		{"  2024-03-09\t", day(2024, 3, 9)},
		{"2024-03-09\n", day(2024, 3, 9)},
		{"2024-01-01", day(2024, 1, 1)},
		{"2024-12-31", day(2024, 12, 31)},
		{"2023-02-28", day(2023, 2, 28)},
		{"2024-04-30", day(2024, 4, 30)},
		{"1900-01-01", day(1900, 1, 1)},
		{"9999-12-31", day(9999, 12, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDateEmptyIsZero(t *testing.T) {
	for _, in := range []string{"", " ", "\t\n", "\u3000"} {
		got, err := ParseDate(in)
		if err != nil {
			t.Errorf("ParseDate(%q) error: %v", in, err)
		}
		if !got.IsZero() {
			t.Errorf("ParseDate(%q) = %#v, want the zero Date", in, got)
		}
	}
}

func TestParseDateInvalid(t *testing.T) {
	tests := []struct {
		in string
		// mention is text the error must contain so the person knows what
		// to fix; empty means any readable message will do.
		mention string
	}{
		{"2023-02-29", "29"},    // not a leap year
		{"1900-02-29", "29"},    // century, not a leap year
		{"2024-02-30", "30"},    //
		{"2024-04-31", "31"},    // April has 30 days
		{"2024-06-31", "31"},    //
		{"2024-01-32", "32"},    //
		{"2024-01-00", "0"},     //
		{"2024-13-01", "13"},    //
		{"2024-00-10", "month"}, //
		{"1800-01-01", "1800"},  //
		{"0024-01-01", "24"},    //
		{"10000-01-01", "10000"},
		{"09-03-2024", ""}, // day-month-year
		{"yesterday", "2024-03-09"},
		{"today", ""},
		{"2024-03-09x", ""},
		{"2024-03-09 x", ""},
		{"2024-03-09T10:00", ""},
		{"2024-03-09\nnotes", ""},
		{"2024-03-09\r\nnotes", ""},
		{"-2024-01-01", ""},
		{"+2024-01-01", ""},
		{"2024-+3-09", ""},
		{"2024-03--9", ""},
		{"2024- 3- 9", ""},
		{"2024-03", ""},
		{"2024", ""},
		{"2024-03-09-01", ""},
		{"20240309", ""},
		{"2024-0x3-09", ""},
		{"2024-0_3-09", ""},
		{"2024-1e1-01", ""},
		{"２０２４-03-09", ""}, // fullwidth digits
		{"99999999999999999999-01-01", ""},
		{"2024-99999999999999999999-01", ""},
		{"---", ""},
		{"--", ""},
		{"-", ""},
		{".", ""},
		{"//", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, got)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) returned %#v with its error, want the zero Date", tt.in, got)
			}
			msg := err.Error()
			assertNoDebris(t, tt.in, msg)
			if len(strings.Fields(msg)) < 4 {
				t.Errorf("ParseDate(%q) error %q is not a readable sentence", tt.in, msg)
			}
			if tt.mention != "" && !strings.Contains(msg, tt.mention) {
				t.Errorf("ParseDate(%q) error %q does not mention %q", tt.in, msg, tt.mention)
			}
		})
	}
}

func TestParseDateFormatErrorsWrapErrDateFormat(t *testing.T) {
	for _, in := range []string{"yesterday", "2024-03-09x", "1800-01-01", "2024-13-01", "-2024-01-01"} {
		if _, err := ParseDate(in); !errors.Is(err, ErrDateFormat) {
			t.Errorf("ParseDate(%q) error %v does not wrap ErrDateFormat", in, err)
		}
	}
}

func TestParseDateImpossibleDayNamesTheMonth(t *testing.T) {
	_, err := ParseDate("2024-04-31")
	if err == nil || !strings.Contains(err.Error(), "April") {
		t.Errorf("ParseDate(2024-04-31) error = %v, want it to name April", err)
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{}, ""},
		{day(2024, 3, 9), "2024-03-09"},
		{day(2024, 12, 31), "2024-12-31"},
		{day(1900, 1, 1), "1900-01-01"},
		{day(9999, 12, 31), "9999-12-31"},
		{day(2024, 2, 29), "2024-02-29"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
		if tt.d.IsZero() {
			continue
		}
		back, err := ParseDate(tt.want)
		if err != nil || back != tt.d {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.want, back, err, tt.d)
		}
	}
}

func TestDateHuman(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{}, ""},
		{day(2024, 3, 9), "9 Mar 2024"},
		{day(2024, 2, 29), "29 Feb 2024"},
		{day(1999, 12, 31), "31 Dec 1999"},
		{day(2025, 1, 1), "1 Jan 2025"},
	}
	for _, tt := range tests {
		if got := tt.d.Human(); got != tt.want {
			t.Errorf("%#v.Human() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDateIsZero(t *testing.T) {
	if !(Date{}).IsZero() {
		t.Error("Date{}.IsZero() = false")
	}
	if day(2024, 1, 1).IsZero() {
		t.Error("2024-01-01 IsZero() = true")
	}
}

func TestDateAddDays(t *testing.T) {
	tests := []struct {
		from Date
		n    int
		want Date
	}{
		{day(2024, 3, 9), 0, day(2024, 3, 9)},
		{day(2024, 1, 31), 1, day(2024, 2, 1)},   // month end
		{day(2024, 4, 30), 1, day(2024, 5, 1)},   // 30-day month
		{day(2024, 2, 28), 1, day(2024, 2, 29)},  // into leap day
		{day(2024, 2, 29), 1, day(2024, 3, 1)},   // out of leap day
		{day(2023, 2, 28), 1, day(2023, 3, 1)},   // no leap day
		{day(2024, 3, 1), -1, day(2024, 2, 29)},  // back onto leap day
		{day(2023, 3, 1), -1, day(2023, 2, 28)},  //
		{day(2024, 12, 31), 1, day(2025, 1, 1)},  // year end
		{day(2025, 1, 1), -1, day(2024, 12, 31)}, //
		{day(2024, 1, 1), 366, day(2025, 1, 1)},  // a leap year is 366 days
		{day(2023, 1, 1), 365, day(2024, 1, 1)},  //
		{day(2025, 3, 1), -365, day(2024, 3, 1)}, //
		{day(2024, 2, 29), 365, day(2025, 2, 28)},
		{day(2024, 2, 29), 1461, day(2028, 2, 29)}, // four years later
		{day(1900, 2, 28), 1, day(1900, 3, 1)},     // 1900 was not a leap year
		{day(2000, 2, 28), 1, day(2000, 2, 29)},    // 2000 was
		{day(2024, 3, 9), -30, day(2024, 2, 8)},
	}
	for _, tt := range tests {
		if got := tt.from.AddDays(tt.n); got != tt.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestDateDaysSince(t *testing.T) {
	tests := []struct {
		d, earlier Date
		want       int
	}{
		{day(2024, 3, 9), day(2024, 3, 9), 0},
		{day(2024, 3, 10), day(2024, 3, 9), 1},
		{day(2024, 3, 9), day(2024, 3, 10), -1},
		{day(2024, 3, 1), day(2024, 2, 28), 2},  // across the leap day
		{day(2023, 3, 1), day(2023, 2, 28), 1},  // no leap day
		{day(2025, 1, 1), day(2024, 12, 31), 1}, // across new year
		{day(2025, 1, 5), day(2024, 12, 29), 7}, //
		{day(2025, 1, 1), day(2024, 1, 1), 366}, // a leap year
		{day(2024, 1, 1), day(2023, 1, 1), 365}, //
		{day(2024, 3, 31), day(2024, 3, 30), 1}, // EU clocks change on this night
		{day(2024, 3, 11), day(2024, 3, 10), 1}, // US clocks change on this day
		{day(2024, 11, 4), day(2024, 11, 3), 1}, // US clocks fall back
		{day(2500, 1, 1), day(2000, 1, 1), 182622},
		{day(9999, 12, 31), day(1900, 1, 1), civilDays(9999, 12, 31) - civilDays(1900, 1, 1)},
		{day(1900, 1, 1), day(9999, 12, 31), civilDays(1900, 1, 1) - civilDays(9999, 12, 31)},
	}
	for _, tt := range tests {
		if got := tt.d.DaysSince(tt.earlier); got != tt.want {
			t.Errorf("%v.DaysSince(%v) = %d, want %d", tt.d, tt.earlier, got, tt.want)
		}
	}
}

// TestDateArithmeticAgreesWithOracle walks day by day across four years
// (one leap day, several year ends) and checks AddDays, DaysSince, Before and
// After against an independent calendar computation.
func TestDateArithmeticAgreesWithOracle(t *testing.T) {
	start := day(2023, 11, 15)
	d := start
	for i := 0; i < 4*366; i++ {
		if got, want := d.DaysSince(start), civil(d)-civil(start); got != want || got != i {
			t.Fatalf("%v.DaysSince(%v) = %d, want %d (step %d)", d, start, got, want, i)
		}
		if back := d.AddDays(-i); back != start {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d, -i, back, start)
		}
		next := d.AddDays(1)
		if civil(next) != civil(d)+1 {
			t.Fatalf("%v.AddDays(1) = %v, not the next day", d, next)
		}
		if !d.Before(next) || d.After(next) || !next.After(d) || next.Before(d) {
			t.Fatalf("Before/After disagree for %v and %v", d, next)
		}
		if d.Before(d) || d.After(d) {
			t.Fatalf("%v is before or after itself", d)
		}
		d = next
	}
}

func TestDateBeforeAfter(t *testing.T) {
	a, b := day(2024, 12, 31), day(2025, 1, 1)
	if !a.Before(b) || a.After(b) || !b.After(a) || b.Before(a) {
		t.Errorf("Before/After wrong across a year end")
	}
}

func TestDateOfKeepsLocalDay(t *testing.T) {
	est := time.FixedZone("EST", -5*60*60)
	kiribati := time.FixedZone("LINT", 14*60*60)
	tests := []struct {
		name   string
		t      time.Time
		want   Date
		utcDay Date // the other day the same instant falls on in UTC
	}{
		// 23:30 in New York is already the next day in UTC.
		{"late evening west of UTC", time.Date(2024, 3, 9, 23, 30, 0, 0, est), day(2024, 3, 9), day(2024, 3, 10)},
		// 00:30 at UTC+14 is still the previous day in UTC.
		{"just after midnight east of UTC", time.Date(2024, 1, 1, 0, 30, 0, 0, kiribati), day(2024, 1, 1), day(2023, 12, 31)},
		{"UTC", time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC), day(2024, 2, 29), Date{}},
		{"last nanosecond of the year", time.Date(2024, 12, 31, 23, 59, 59, 999999999, est), day(2024, 12, 31), day(2025, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DateOf(tt.t); got != tt.want {
				t.Errorf("DateOf(%v) = %v, want %v", tt.t, got, tt.want)
			}
			if tt.utcDay != (Date{}) && DateOf(tt.t.UTC()) != tt.utcDay {
				t.Fatalf("setup: %v is not %v in UTC", tt.t, tt.utcDay)
			}
		})
	}
}

// TestDaysSinceIgnoresDST simulates a spring-forward night with fixed zones,
// so it needs no time-zone database: from 23:30 EST to 23:30 EDT the next day
// is only 23 hours, but it is one calendar day.
func TestDaysSinceIgnoresDST(t *testing.T) {
	est := time.FixedZone("EST", -5*60*60)
	edt := time.FixedZone("EDT", -4*60*60)
	before := time.Date(2024, 3, 9, 23, 30, 0, 0, est)
	after := time.Date(2024, 3, 10, 23, 30, 0, 0, edt)
	if h := after.Sub(before).Hours(); h != 23 {
		t.Fatalf("setup: %v hours apart, want 23", h)
	}
	if got := DateOf(after).DaysSince(DateOf(before)); got != 1 {
		t.Errorf("DaysSince across spring-forward = %d, want 1", got)
	}
	// Fall back: 25 hours, still one day.
	before = time.Date(2024, 11, 2, 0, 30, 0, 0, edt)
	after = time.Date(2024, 11, 3, 0, 30, 0, 0, est)
	if got := DateOf(after).DaysSince(DateOf(before)); got != 1 {
		t.Errorf("DaysSince across fall-back = %d, want 1", got)
	}
}

func TestDaysSinceIgnoresDSTInRealZone(t *testing.T) {
	for _, name := range []string{"America/New_York", "Europe/London", "Australia/Lord_Howe"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("skipping %s: %v", name, err)
			continue
		}
		// Walk every local noon and midnight of 2024; each step is one day
		// even on the days with 23 or 25 hours.
		start := time.Date(2024, 1, 1, 0, 0, 0, 0, loc)
		for i := 0; i < 366; i++ {
			for _, hour := range []int{0, 12, 23} {
				tm := time.Date(2024, 1, 1+i, hour, 30, 0, 0, loc)
				if got := DateOf(tm).DaysSince(DateOf(start)); got != i {
					t.Fatalf("%s: %v is %d days after 2024-01-01, want %d", name, tm, got, i)
				}
			}
		}
	}
}

func TestDateTimeIsUTCMidnight(t *testing.T) {
	got := day(2024, 3, 9).Time()
	want := time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC)
	if !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Time() = %v, want %v", got, want)
	}
}

func TestClock(t *testing.T) {
	est := time.FixedZone("EST", -5*60*60)
	at := time.Date(2024, 3, 9, 23, 30, 0, 0, est)
	c := FixedClock{T: at}
	if !c.Now().Equal(at) {
		t.Errorf("FixedClock.Now() = %v, want %v", c.Now(), at)
	}
	if got := Today(c); got != day(2024, 3, 9) {
		t.Errorf("Today(23:30 EST) = %v, want 2024-03-09 (the local day)", got)
	}
	before := time.Now()
	now := SystemClock{}.Now()
	after := time.Now()
	if now.Before(before) || now.After(after) {
		t.Errorf("SystemClock.Now() = %v, not between %v and %v", now, before, after)
	}
	var _ Clock = SystemClock{}
	var _ Clock = FixedClock{}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"", " ", "2024-03-09", "2024-02-29", "2023-02-29", "2024-3-9", "2024/03/09",
		"2024.03.09", "1900-01-01", "9999-12-31", "1800-01-01", "-2024-01-01",
		"+2024-01-01", "2024-13-01", "2024-00-10", "2024-04-31", "yesterday",
		"2024-03-09x", "2024-03-09\nx", "2024-+3-09", "2024- 3- 9", "99999999999999999999-1-1",
		"0-0-0", "--", "2024-03-09 ", "٢٠٢٤-٠٣-٠٩", "\x00", "2024-03-09\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %#v with error %v", s, d, err)
			}
			if err.Error() == "" {
				t.Fatalf("ParseDate(%q): empty error message", s)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) = zero Date without error for non-blank text", s)
			}
			return
		}
		if d.Year < 1900 || d.Year > 9999 {
			t.Fatalf("ParseDate(%q) = %v: year out of range", s, d)
		}
		if DateOf(d.Time()) != d {
			t.Fatalf("ParseDate(%q) = %#v, not a real calendar day", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", s, d, d.String(), back, err)
		}
	})
}
