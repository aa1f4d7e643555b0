package main

import (
	"slices"
	"testing"

	"github.com/tether-recovery/tether/store/sample"
)

func TestParseSizes(t *testing.T) {
	got, err := parseSizes("large, XL,xxl")
	if err != nil {
		t.Fatal(err)
	}
	if want := []sample.Size{sample.Large, sample.XL, sample.XXL}; !slices.Equal(got, want) {
		t.Errorf("parseSizes = %v, want %v", got, want)
	}
	for _, bad := range []string{"", "huge", "large,,xl", "xl,large,xl"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) took it; want an error", bad)
		}
	}
}

// Large keeps the names its rows had before there were sizes; every other
// size says itself, inside the program's own brackets when it has them.
func TestSized(t *testing.T) {
	for _, c := range []struct {
		program string
		size    sample.Size
		want    string
	}{
		{"tether", sample.Large, "tether"},
		{"tether", sample.XL, "tether (xl)"},
		{bubbleTeaRenderer, sample.Large, bubbleTeaRenderer},
		{bubbleTeaRenderer, sample.XXL, "tether (Bubble Tea renderer, xxl)"},
		{"tether (before)", sample.XL, "tether (before, xl)"},
	} {
		if got := sized(c.program, c.size); got != c.want {
			t.Errorf("sized(%q, %s) = %q, want %q", c.program, c.size, got, c.want)
		}
	}
}
