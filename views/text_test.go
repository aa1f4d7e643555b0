package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
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

// cells counts as ansi.StringWidth does, whatever the text: plain, styled,
// wide, or a broken escape sequence.
func FuzzCells(f *testing.F) {
	for _, seed := range []string{
		"", "Maria Santos", "\x1b[1;38;5;141mToday\x1b[0m · 3", "王芳 family", "🌻 Zoë",
		"\x1b[1;2", "\x1b[ 1m", "\x1b[1 ;m", "\x1b", "\x1b]8;;x\x07link\x1b]8;;\x07", "a\tb", "a\nb",
		"\x1b[38;2;183;164;255m› José\x1b[m", "\x1b[\x7fm", "\x1b[?25l",
		"José · 3d …", "▁▂▃▅▇ mood", "鈴木 健", "한국어", "かな\u3099", "Иван", "Nguyễn", "e\u0301", "↔\ufe0f", "a\u200db", "─\u0301", "ß\u00ad",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cells(s), ansi.StringWidth(s); got != want {
			t.Fatalf("cells(%q) = %d; ansi.StringWidth says %d", s, got, want)
		}
	})
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

// Every rune cells counts by itself takes the cells runeCells says alone,
// after a letter, before one, and beside each of the others, as
// ansi.StringWidth says.
func TestRuneCellsCountAsAnsiDoes(t *testing.T) {
	var all []rune
	for _, rc := range runeCells {
		for r := rc.lo; r <= rc.hi; r++ {
			all = append(all, r)
		}
	}
	for i, r := range all {
		for _, s := range []string{string(r), "a" + string(r) + "b", "\x1b[1m" + string(r) + "\x1b[0m"} {
			if got, want := cells(s), ansi.StringWidth(s); got != want {
				t.Fatalf("cells(%q) = %d; ansi.StringWidth says %d", s, got, want)
			}
		}
		// Each next to a spread of the others (all pairs would be a billion).
		for j := i % 7; j < len(all); j += 1009 {
			s := string(r) + string(all[j])
			if got, want := cells(s), ansi.StringWidth(s); got != want {
				t.Fatalf("cells(%q) = %d; ansi.StringWidth says %d", s, got, want)
			}
		}
	}
}
