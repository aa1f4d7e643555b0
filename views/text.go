package views

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cells is how many terminal cells a line of text takes, as
// ansi.StringWidth counts them. Most of what a frame measures is printable
// ASCII and SGR styling, counted here byte by byte; at anything else it
// hands over to ansi.StringWidth, whose grapheme parsing was a quarter of
// drawing the contact list. FuzzCells holds the two to the same answer.
func cells(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f:
			n++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// A CSI sequence: parameter bytes, then intermediate bytes,
			// then one final byte; it takes no cell.
			j := i + 2
			for j < len(s) && s[j] >= 0x30 && s[j] < 0x40 {
				j++
			}
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x30 {
				j++
			}
			if j >= len(s) || s[j] < 0x40 || s[j] >= 0x7f {
				return ansi.StringWidth(s)
			}
			i = j
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// truncate cuts text to at most w terminal cells, ending in "…" when cut.
// It counts cells, not bytes or runes, so wide CJK characters and emoji keep
// columns aligned.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if cells(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad truncates or right-pads s to exactly w cells.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := cells(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = cells(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// oneLine flattens typed text for a single-line display.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
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
		if cells(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
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
	return ansi.Wrap(s, w, "")
}

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
		rw = max(rw, cells(r))
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
		b.WriteString(strings.Repeat(" ", max(0, lw-cells(l))))
		b.WriteString(sep)
		b.WriteString(r)
		b.WriteString(strings.Repeat(" ", max(0, rw-cells(r))))
	}
	return b.String()
}
