package model

import (
	"errors"
	"testing"
)

func TestParseCadence(t *testing.T) {
	valid := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"  ", 0},
		{"0", 0},
		{"7", 7},
		{"7d", 7},
		{"7D", 7},
		{"2w", 14},
		{"2W", 14},
		{" 2 w ", 14},
		{"10 d", 10},
		{"0w", 0},
		{"3650", 3650},
		{"3650d", 3650},
		{"521w", 3647},
	}
	for _, tt := range valid {
		got, err := ParseCadence(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseCadence(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"-1", "3651", "522w", "weekly", "w", "d", "7x", "1w2", "2ww", "1.5w", "seven", "99999999999999999999"} {
		got, err := ParseCadence(in)
		if err == nil {
			t.Errorf("ParseCadence(%q) = %d, want an error", in, got)
			continue
		}
		if !errors.Is(err, ErrCadenceFormat) || got != 0 {
			t.Errorf("ParseCadence(%q) = %d, %v; want 0 and ErrCadenceFormat", in, got, err)
		}
		assertNoDebris(t, in, err.Error())
	}
}

func TestFormatCadenceRoundTrips(t *testing.T) {
	for _, tt := range []struct {
		days int
		want string
	}{{-1, ""}, {0, ""}, {1, "1"}, {7, "1w"}, {10, "10"}, {14, "2w"}, {3650, "3650"}} {
		if got := FormatCadence(tt.days); got != tt.want {
			t.Errorf("FormatCadence(%d) = %q, want %q", tt.days, got, tt.want)
		}
	}
	for days := 0; days <= MaxCadence; days++ {
		back, err := ParseCadence(FormatCadence(days))
		if err != nil || back != days {
			t.Fatalf("ParseCadence(FormatCadence(%d) = %q) = %d, %v", days, FormatCadence(days), back, err)
		}
	}
}

func FuzzParseCadence(f *testing.F) {
	for _, s := range []string{"", "7", "2w", "7d", "-1", "3651", "522w", "w", "+7", " 2 W ", "٧", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseCadence(s)
		if err != nil {
			if n != 0 {
				t.Fatalf("ParseCadence(%q) = %d with error %v", s, n, err)
			}
			return
		}
		if n < 0 || n > MaxCadence {
			t.Fatalf("ParseCadence(%q) = %d, outside 0..%d", s, n, MaxCadence)
		}
		if back, err := ParseCadence(FormatCadence(n)); err != nil || back != n {
			t.Fatalf("ParseCadence(%q) = %d, but FormatCadence gives %q which reads back as %d, %v", s, n, FormatCadence(n), back, err)
		}
	})
}
