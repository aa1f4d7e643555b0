package model

import (
	"encoding/json"
	"testing"
)

func TestDateText(t *testing.T) {
	tests := []struct {
		d    Date
		text string
	}{
		{Date{}, ""},
		{day(2024, 3, 9), "2024-03-09"},
		{day(1900, 1, 1), "1900-01-01"},
		{day(2024, 2, 29), "2024-02-29"},
	}
	for _, tt := range tests {
		b, err := tt.d.MarshalText()
		if err != nil || string(b) != tt.text {
			t.Errorf("%#v.MarshalText() = %q, %v; want %q", tt.d, b, err, tt.text)
		}
		var back Date
		if err := back.UnmarshalText([]byte(tt.text)); err != nil || back != tt.d {
			t.Errorf("UnmarshalText(%q) = %#v, %v; want %#v", tt.text, back, err, tt.d)
		}
	}
	for _, bad := range []Date{day(2023, 2, 29), {2024, 13, 1}, {-1, 1, 1}} {
		if b, err := bad.MarshalText(); err == nil {
			t.Errorf("%#v.MarshalText() = %q, want an error", bad, b)
		}
	}
	d := day(2020, 1, 1)
	if err := d.UnmarshalText([]byte("9 March")); err == nil || d != day(2020, 1, 1) {
		t.Errorf("UnmarshalText of text that is no date = %v and changed the date to %v", err, d)
	}
}

func TestWeekText(t *testing.T) {
	tests := []struct {
		w    Week
		text string
	}{
		{Week{}, ""},
		{Week{2026, 47}, "2026-W47"},
		{Week{2026, 53}, "2026-W53"},
	}
	for _, tt := range tests {
		b, err := tt.w.MarshalText()
		if err != nil || string(b) != tt.text {
			t.Errorf("%#v.MarshalText() = %q, %v; want %q", tt.w, b, err, tt.text)
		}
		var back Week
		if err := back.UnmarshalText([]byte(tt.text)); err != nil || back != tt.w {
			t.Errorf("UnmarshalText(%q) = %#v, %v; want %#v", tt.text, back, err, tt.w)
		}
	}
	for _, bad := range []Week{{2025, 53}, {2026, 0}, {1800, 5}} {
		if b, err := bad.MarshalText(); err == nil {
			t.Errorf("%#v.MarshalText() = %q, want an error", bad, b)
		}
	}
	var w Week
	if err := w.UnmarshalText([]byte("2026-47")); err == nil {
		t.Errorf("UnmarshalText(2026-47) = %v, want an error", w)
	}
}

func TestDateWeekJSON(t *testing.T) {
	type row struct {
		Day   Date          `json:"day"`
		Since Date          `json:"since"`
		Week  Week          `json:"week"`
		ByDay map[Date]int  `json:"by_day"`
		Weeks map[Week]bool `json:"weeks"`
	}
	in := row{Day: day(2026, 11, 16), Week: Week{2026, 47}, ByDay: map[Date]int{day(2026, 11, 16): 2}, Weeks: map[Week]bool{{2026, 47}: true}}
	b, err := json.Marshal(in)
	want := `{"day":"2026-11-16","since":"","week":"2026-W47","by_day":{"2026-11-16":2},"weeks":{"2026-W47":true}}`
	if err != nil || string(b) != want {
		t.Fatalf("json.Marshal = %s, %v; want %s", b, err, want)
	}
	var out row
	if err := json.Unmarshal(b, &out); err != nil || out.Day != in.Day || out.Since != in.Since || out.Week != in.Week || out.ByDay[in.Day] != 2 || !out.Weeks[in.Week] {
		t.Errorf("json.Unmarshal = %+v, %v; want %+v", out, err, in)
	}
}
