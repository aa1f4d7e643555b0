package term

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Cells counts as screenWidth does, whatever the text: plain, styled,
// wide, or a broken escape sequence.
func FuzzCells(f *testing.F) {
	for _, seed := range []string{
		"", "Maria Santos", "\x1b[1;38;5;141mToday\x1b[0m · 3", "王芳 family", "🌻 Zoë",
		"\x1b[1;2", "\x1b[ 1m", "\x1b[1 ;m", "\x1b", "\x1b]8;;x\x07link\x1b]8;;\x07", "a\tb", "a\nb",
		"\x1b[38;2;183;164;255m› José\x1b[m", "\x1b[\x7fm", "\x1b[?25l",
		"José · 3d …", "▁▂▃▅▇ mood", "鈴木 健", "한국어", "かな\u3099", "Иван", "Nguyễn", "e\u0301", "↔\ufe0f", "a\u200db", "─\u0301", "ß\u00ad", "\t\U0001F3FD", " \U0001F3FD",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Cells(s), screenWidth(s); got != want {
			t.Fatalf("Cells(%q) = %d; screenWidth says %d", s, got, want)
		}
		if cut := cutToCells(s, 5); screenWidth(cut) > 5 {
			t.Fatalf("cutToCells(%q, 5) = %q, %d cells", s, cut, screenWidth(cut))
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

// A rune that extends the ASCII character before it (a lone skin tone
// after a space) is drawn by terminals as a character of its own: the
// frame is measured and cut so, and never made to wrap.
func TestALoneSkinToneIsMeasuredAsTerminalsDrawIt(t *testing.T) {
	const s = " \U0001F3FD"
	if got := Cells(s); got != 3 {
		t.Errorf("Cells(%q) = %d, want 3", s, got)
	}
	if got := fitFrame("\t\U0001F3FD", 1, 6); len(got) != 1 || got[0] != " " {
		t.Errorf("fitFrame at one cell = %q, want a blank", got)
	}
}
