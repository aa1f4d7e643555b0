package views

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/views/term"
)

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

// beside lays blocks out as lipgloss.JoinHorizontal does, for lines that
// already fit their widths: styled, wide, and blocks of unequal heights.
func TestBesideLaysOutAsJoinHorizontal(t *testing.T) {
	sep := "\x1b[38;5;246m │ \x1b[0m"
	for _, tt := range []struct {
		left, right string
		lw, h       int
	}{
		{"Contacts · 3\n› \x1b[1mMaria\x1b[0m\n  王芳", "Maria Santos\nSponsor 🌻\n\nReach-outs", 14, 6},
		{"a", "b\nc\nd", 3, 3},
		{"a\nb\nc\nd", "x", 2, 4},
		{"", "", 5, 2},
	} {
		want := lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(tt.lw).Render(tt.left),
			strings.TrimSuffix(strings.Repeat(sep+"\n", tt.h), "\n"),
			tt.right)
		if got := beside(tt.left, tt.lw, sep, tt.right, tt.h); got != want {
			t.Errorf("beside(%q, %q):\n%q\nJoinHorizontal:\n%q", tt.left, tt.right, got, want)
		}
	}
}

// A tab in a person's notes is drawn as spaces: on the terminal it would
// jump to the next stop over cells it does not clear, and measure as none.
// (Any other tab is a space on the display: term's TestTabsAreDrawnAsSpaces.)
func TestWrapDrawsTabsAsSpaces(t *testing.T) {
	if got := wrap("Walks:\tMon", 40); got != "Walks:"+tabSpaces+"Mon" {
		t.Errorf("wrap = %q", got)
	}
}

func TestWrapKeepingNumbers(t *testing.T) {
	line := "Bea López (B) · +44 7700 900003 · prefers call · evenings"
	for w := 16; w <= 60; w++ {
		got := wrapKeepingNumbers(line, w)
		if !strings.Contains(strings.ReplaceAll(got, "\n", "|"), "+44 7700 900003") {
			t.Errorf("width %d broke the number:\n%s", w, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if term.Cells(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
		if strings.Contains(got, nbsp) {
			t.Errorf("width %d: a no-break space reached the screen", w)
		}
	}
	// Words and short numbers still wrap as words do.
	for _, tt := range []struct{ in, want string }{
		{"Lifeline · 13 11 14 · 24/7", "Lifeline ·\n13 11 14 ·\n24/7"},
		{"Call (312) 555-0147", "Call\n(312) 555-0147"},
		{"12 years in recovery", "12 years in\nrecovery"},
	} {
		got := wrapKeepingNumbers(tt.in, 14)
		if got = strings.ReplaceAll(got, " \n", "\n"); got != tt.want {
			t.Errorf("wrapKeepingNumbers(%q, 14) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
