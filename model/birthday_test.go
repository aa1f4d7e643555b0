package model

import (
	"errors"
	"testing"
	"time"
)

func TestParseBirthday(t *testing.T) {
	tests := []struct {
		in   string
		want Birthday
		bad  bool
	}{
		{"", Birthday{}, false},
		{"03-09", Birthday{Month: time.March, Day: 9}, false},
		{"--03-09", Birthday{Month: time.March, Day: 9}, false},
		{"--0309", Birthday{Month: time.March, Day: 9}, false},
		{"1985-03-09", Birthday{1985, time.March, 9}, false},
		{"19850309", Birthday{1985, time.March, 9}, false},
		{" 02-29 ", Birthday{Month: time.February, Day: 29}, false},
		{"2000-02-29", Birthday{2000, time.February, 29}, false},
		{"1999-02-29", Birthday{}, true},
		{"02-30", Birthday{}, true},
		{"13-01", Birthday{}, true},
		{"1850-01-01", Birthday{}, true},
		{"March 9", Birthday{}, true},
		{"03-09-1985", Birthday{}, true},
		{"--", Birthday{}, true},
	}
	for _, tt := range tests {
		got, err := ParseBirthday(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("ParseBirthday(%q) = %v, %v; want %v, bad %v", tt.in, got, err, tt.want, tt.bad)
		}
		if err != nil && !errors.Is(err, ErrDateFormat) {
			t.Errorf("ParseBirthday(%q): %v is not ErrDateFormat", tt.in, err)
		}
		if err == nil {
			if back, err := ParseBirthday(got.String()); err != nil || back != got {
				t.Errorf("%q does not read back: %v, %v", got.String(), back, err)
			}
		}
	}
}

func TestBirthdayNext(t *testing.T) {
	leap := Birthday{Month: time.February, Day: 29}
	tests := []struct {
		b    Birthday
		from Date
		want Date
	}{
		{Birthday{1985, time.March, 9}, day(2026, 3, 9), day(2026, 3, 9)},
		{Birthday{1985, time.March, 9}, day(2026, 3, 10), day(2027, 3, 9)},
		{leap, day(2026, 2, 1), day(2026, 2, 28)},
		{leap, day(2028, 2, 1), day(2028, 2, 29)},
		{leap, day(2026, 3, 1), day(2027, 2, 28)},
		{Birthday{Month: time.December, Day: 31}, day(2026, 12, 31), day(2026, 12, 31)},
	}
	for _, tt := range tests {
		if got := tt.b.Next(tt.from); got != tt.want {
			t.Errorf("%v.Next(%v) = %v; want %v", tt.b, tt.from, got, tt.want)
		}
	}
}

func TestOccasions(t *testing.T) {
	today := day(2026, 12, 28)
	cs := []Contact{
		{Name: "Year unknown", Birthday: Birthday{Month: time.December, Day: 30}},
		{Name: "Turns 40", Birthday: Birthday{1986, time.December, 28}},
		{Name: "New year", Birthday: Birthday{Month: time.January, Day: 2}},
		{Name: "Too far", Birthday: Birthday{Month: time.January, Day: 4}},
		{Name: "Sober 3 years", RecoveryDate: day(2023, 12, 29)},
		{Name: "Sober since today", RecoveryDate: day(2026, 12, 28)},
		{Name: "Archived", Birthday: Birthday{Month: time.December, Day: 29}, Archived: true},
	}
	got := Occasions(cs, today, 7)
	want := []struct{ name, what string }{
		{"Turns 40", "birthday (40)"},
		{"Sober 3 years", "3 years in recovery"},
		{"Year unknown", "birthday"},
		{"New year", "birthday"},
	}
	if len(got) != len(want) {
		t.Fatalf("Occasions = %+v; want %v", got, want)
	}
	for i, w := range want {
		if got[i].Contact.Name != w.name || got[i].What != w.what {
			t.Errorf("occasion %d = %s %q; want %s %q", i, got[i].Contact.Name, got[i].What, w.name, w.what)
		}
	}
	if got[3].On != day(2027, 1, 2) {
		t.Errorf("the new year's birthday falls on %v", got[3].On)
	}
}
