package views

import "testing"

func TestFirstLines(t *testing.T) {
	for _, tt := range []struct {
		in   string
		h    int
		want string
	}{
		{"a\nb\nc", 2, "a\nb"},
		{"a\nb\nc", 3, "a\nb\nc"},
		{"a\nb\nc", 9, "a\nb\nc"},
		{"a\n\n", 2, "a\n"},
		{"a\nb", 1, "a"},
		{"a\nb", 0, ""},
		{"", 3, ""},
	} {
		if got := firstLines(tt.in, tt.h); got != tt.want {
			t.Errorf("firstLines(%q, %d) = %q, want %q", tt.in, tt.h, got, tt.want)
		}
	}
}
