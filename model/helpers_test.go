package model

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// day builds a Date tersely for tables.
func day(y int, m int, d int) Date { return Date{y, time.Month(m), d} }

// civilDays is an independent oracle for day arithmetic: the number of days
// from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard
// Hinnant's days_from_civil), valid for y >= 0.
func civilDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civil(d Date) int { return civilDays(d.Year, int(d.Month), d.Day) }

// assertSentence checks that a message meant for a person reads as a
// sentence: capitalised, ending in a full stop or question mark, and free of
// Go's formatting debris.
func assertSentence(t *testing.T, what, msg string) {
	t.Helper()
	if msg == "" {
		t.Errorf("%s: empty message", what)
		return
	}
	first, _ := utf8.DecodeRuneInString(msg)
	if !unicode.IsUpper(first) {
		t.Errorf("%s: message %q does not start with a capital letter", what, msg)
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") {
		t.Errorf("%s: message %q does not end like a sentence", what, msg)
	}
	assertNoDebris(t, what, msg)
}

// assertNoDebris checks that a message shows nothing of Go's internals.
func assertNoDebris(t *testing.T, what, msg string) {
	t.Helper()
	for _, junk := range []string{"%!", "strconv", "unexpected", "expected integer", "EOF", "<nil>", "panic", "runtime"} {
		if strings.Contains(msg, junk) {
			t.Errorf("%s: message %q contains %q", what, msg, junk)
		}
	}
}

// hasAnyControl reports a Unicode control character anywhere in s.
func hasAnyControl(s string) bool { return strings.ContainsFunc(s, unicode.IsControl) }
