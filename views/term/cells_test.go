package term

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Cells counts as ansi.StringWidth does, whatever the text: plain, styled,
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
		if got, want := Cells(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Cells(%q) = %d; ansi.StringWidth says %d", s, got, want)
		}
	})
}

// Every rune Cells counts by itself takes the cells runeCells says alone,
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
			if got, want := Cells(s), ansi.StringWidth(s); got != want {
				t.Fatalf("Cells(%q) = %d; ansi.StringWidth says %d", s, got, want)
			}
		}
		// Each next to a spread of the others (all pairs would be a billion).
		for j := i % 7; j < len(all); j += 1009 {
			s := string(r) + string(all[j])
			if got, want := Cells(s), ansi.StringWidth(s); got != want {
				t.Fatalf("Cells(%q) = %d; ansi.StringWidth says %d", s, got, want)
			}
		}
	}
}
