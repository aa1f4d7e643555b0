package views

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/views/term"
)

// truncate cuts text to at most w terminal cells, ending in "…" when cut.
// It counts cells, not bytes or runes, so wide CJK characters and emoji keep
// columns aligned.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if term.Cells(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad truncates or right-pads s to exactly w cells.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := term.Cells(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = term.Cells(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// oneLine flattens stored text for a single-line display, without
// anything a terminal would act on (model.PrintableLine): a journal may
// have been written by another program. The frame is guarded as a whole
// too (term.Guard).
func oneLine(s string) string {
	return strings.Join(strings.Fields(model.PrintableLine(s)), " ")
}

// clip keeps at most h lines of s, each cut to w cells, so a child can never
// push the tab bar or help line off a small screen.
func clip(s string, w, h int) string {
	if h <= 0 || w <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if term.Cells(l) > w {
			// Never cut silently: "…" says there is more.
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// wrap breaks text into lines of at most w cells, keeping the person's own
// line breaks.
func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(strings.ReplaceAll(s, "\t", tabSpaces), w, "")
}

// tabSpaces stands for a tab in a person's notes: on the terminal a tab
// jumps to the next stop (up to 8 columns) without clearing what it
// passes, and it measures as no cells, so it would shift and stain a pane.
const tabSpaces = "    "

// firstLines keeps at most h lines of s, without measuring them.
func firstLines(s string, h int) string {
	end := 0
	for range h {
		i := strings.IndexByte(s[end:], '\n')
		if i < 0 {
			return s
		}
		end += i + 1
	}
	return s[:max(0, end-1)]
}

// beside sets left and right side by side, at least h lines, with sep
// between them on every line: left padded to lw cells and right to its
// widest line, as lipgloss.JoinHorizontal lays out blocks of those widths,
// without its wrapping and its measuring every line again (a third of
// drawing Contacts). Lines must already fit their widths.
func beside(left string, lw int, sep, right string, h int) string {
	ls, rs := strings.Split(left, "\n"), strings.Split(right, "\n")
	n := max(h, len(ls), len(rs))
	rw := 0
	for _, r := range rs {
		rw = max(rw, term.Cells(r))
	}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte('\n')
		}
		l, r := "", ""
		if i < len(ls) {
			l = ls[i]
		}
		if i < len(rs) {
			r = rs[i]
		}
		b.WriteString(l)
		b.WriteString(strings.Repeat(" ", max(0, lw-term.Cells(l))))
		b.WriteString(sep)
		b.WriteString(r)
		b.WriteString(strings.Repeat(" ", max(0, rw-term.Cells(r))))
	}
	return b.String()
}

// phoneRun finds what reads as a phone number: digits with the spaces,
// brackets, dots and dashes people write between them, from a digit (or
// + or an opening bracket) to a digit.
var phoneRun = regexp.MustCompile(`[+(]?\d[\d ().\-]*\d`)

// wrapKeepingNumbers wraps s to w cells like wrap, but never inside a phone
// number: "+44 7700 900003" moves to the next line whole rather than
// leaving "+44 7700" behind, which on a crisis card reads as a number.
// (A number wider than w still breaks: there is no other way to show it.)
func wrapKeepingNumbers(s string, w int) string {
	joined := phoneRun.ReplaceAllStringFunc(s, func(n string) string {
		return strings.ReplaceAll(n, " ", nbsp)
	})
	return strings.ReplaceAll(wrap(joined, w), nbsp, " ")
}

// nbsp is a no-break space: wrap never breaks a line at one.
const nbsp = "\u00a0"
