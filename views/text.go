package views

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cells is how many terminal cells a line of text takes, as
// ansi.StringWidth counts them. Most of what a frame measures is printable
// ASCII, SGR styling and common letters and symbols, counted here one by one; at
// anything else it hands over to ansi.StringWidth, whose grapheme parsing
// was a quarter of drawing the contact list. FuzzCells holds the two to
// the same answer.
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
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			w := cellsOf(r)
			if w == 0 {
				return ansi.StringWidth(s)
			}
			n += w
			i += size - 1
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// runeCells are the runes beyond ASCII that names and frames are mostly
// made of, with the cells each takes: accented Latin, Greek and Cyrillic
// letters, dashes, quotes, "·", "…", "›", arrows, box drawing and the
// sparkline's blocks take one; kana, CJK ideographs and Hangul syllables
// two. Each starts its own grapheme whatever follows it but a rune not
// listed here, so cells can count them one by one. A rune that joins with
// its neighbours (a combining accent, a variation selector, a zero-width
// joiner, a trailing Hangul jamo) is not listed and sends the line to
// ansi.StringWidth whole. TestRuneCellsCountAsAnsiDoes checks every one.
var runeCells = [...]struct {
	lo, hi rune
	cells  int
}{
	{0x00A0, 0x00AC, 1}, {0x00AE, 0x024F, 1}, // Latin-1 and Latin Extended, without the soft hyphen
	{0x0370, 0x0482, 1}, {0x048A, 0x04FF, 1}, // Greek and Cyrillic, without Cyrillic's combining marks
	{0x1E00, 0x1EFF, 1},                      // Latin Extended Additional (Vietnamese)
	{0x2010, 0x2027, 1}, {0x2030, 0x205E, 1}, // general punctuation, without spaces and controls
	{0x2190, 0x21FF, 1},                      // arrows
	{0x2500, 0x25FC, 1},                      // box drawing, blocks, shapes (not the emoji-wide squares)
	{0x3041, 0x3096, 2}, {0x309B, 0x30FF, 2}, // kana, without the combining sound marks
	{0x4E00, 0x9FFF, 2}, // CJK ideographs
	{0xAC00, 0xD7A3, 2}, // Hangul syllables
}

// cellsOf is how many cells r takes by runeCells, or 0 when it is not
// listed there.
func cellsOf(r rune) int {
	for _, rc := range runeCells {
		if r >= rc.lo && r <= rc.hi {
			return rc.cells
		}
	}
	return 0
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
