package views

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/tether-recovery/tether/views/term"
)

// assertNothingCut fails when screen, drawn width cells wide, shows text
// cut without a word of warning, or a label cut at all (see cutLines).
func assertNothingCut(t *testing.T, screen string, width int, labels ...string) {
	t.Helper()
	for _, problem := range cutLines(screen, width, labels) {
		t.Errorf("at %d columns, %s", width, problem)
	}
	if t.Failed() {
		t.Logf("the screen:\n%s", screen)
	}
}

// cutLines says which lines of screen are cut. A line is cut when
//
//   - it is wider than the screen: the terminal would cut it, silently
//     (every screen is clipped to its width with "…" where it does not
//     fit, see clip, so nothing of Tether's own is cut without a word of
//     warning); or
//   - it shows one of labels only in part, ending mid-word at the end of
//     the line or before "…" ("BARC-10 r…" for "BARC-10 recovery
//     capital"): a label is shortened or wrapped, never cut, even with an
//     ellipsis. A part that ends between two words of the label (its
//     first word alone, say) is a shorter label, not a cut one.
//
// Styling is ignored, and widths are terminal cells (wide runes count two).
func cutLines(screen string, width int, labels []string) []string {
	var problems []string
	for i, line := range strings.Split(ansi.Strip(screen), "\n") {
		trimmed := strings.TrimRight(line, " ")
		if term.Cells(trimmed) > width {
			problems = append(problems, fmt.Sprintf("line %d is wider than the screen, so the terminal cuts it: %q", i+1, trimmed))
		}
		for _, label := range labels {
			if part, ok := partOf(trimmed, label); ok {
				problems = append(problems, fmt.Sprintf("line %d shows %q of the label %q: %q", i+1, part, label, trimmed))
			}
		}
	}
	return problems
}

// partOf finds label cut mid-word in line: a beginning of it, at least
// two runes long, that ends where the line ends or where "…" follows, and
// stops inside one of the label's words.
func partOf(line, label string) (string, bool) {
	runes := []rune(label)
	for n := len(runes) - 1; n >= 2; n-- {
		if !isWordRune(runes[n-1]) || !isWordRune(runes[n]) {
			continue // ends between words: a shorter label, not a cut one
		}
		part := string(runes[:n])
		for _, end := range []string{"…", ""} {
			at := strings.LastIndex(line, part+end)
			if at < 0 || end == "" && at+len(part) != len(line) {
				continue
			}
			if at > 0 {
				// The part must start a word: "Moody" at the end of a
				// line is no cut "Mood".
				if prev, _ := utf8.DecodeLastRuneInString(line[:at]); isWordRune(prev) {
					continue
				}
			}
			return part + end, true
		}
	}
	return "", false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// The checker itself: what it calls cut and what it leaves alone.
func TestCutLines(t *testing.T) {
	labels := []string{"BARC-10 recovery capital", "MSPSS perceived support", "Can call any time"}
	tests := []struct {
		name   string
		screen string
		width  int
		cut    bool
	}{
		{"a label cut with an ellipsis", "BARC-10 r…▄▅▅▆  52.0", 40, true},
		{"a label cut mid-word with one", "MSPSS per…", 40, true},
		{"a label cut by the edge", "Health  Can call any ti", 23, true},
		{"a line clipped with an ellipsis", "Timeline · 8 Nov 2026 – 21 Nov 2026 · [ ] older, newer · / go to a day · v one…", 80, false},
		{"a label cut mid-word at a line's end", "  and the MSPSS percei", 40, true},
		{"a styled label cut", "\x1b[1mMSPSS perc\x1b[m…", 40, true},
		{"the whole label", "BARC-10 recovery capital  ▄▅▅▆", 40, false},
		{"a shorter label: its first word", "BARC-10   ▄▅▅▆  52.0 on 9 Nov 2026", 40, false},
		{"a label's first words at a line's end", "Wrapped text naming BARC-10 recovery", 40, false},
		{"a line wider than the screen", "Fellowship / recovery group 47 · Agnieszka Mazur, Anjali, Bridg", 62, true},
		{"a line wider than the screen, wide runes", "Partner 5 · 张伟, 陈芳", 20, true},
		{"a line that fits the screen exactly", "Fellowship / recovery group 47 · Agnieszka Mazur, Anjali, Bridg", 63, false},
		{"text cut at the edge with an ellipsis", "Fellowship / recovery group 47 · Agnieszka Mazur, Anjali, Brid…", 63, false},
		{"a rule that fills the width", strings.Repeat("─", 40), 40, false},
		{"a line ending short of the edge", "Knowing who they are helps;", 40, false},
		{"a line padded to the edge", "Circles" + strings.Repeat(" ", 33), 40, false},
		{"a word that only begins like a label", "Moody", 40, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cutLines(tt.screen, tt.width, append(labels, "Mood"))
			if (len(got) > 0) != tt.cut {
				t.Errorf("cutLines(%q, %d) = %q; want cut %v", tt.screen, tt.width, got, tt.cut)
			}
		})
	}
}
