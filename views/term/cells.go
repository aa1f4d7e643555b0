package term

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Cells is how many terminal cells a line of text takes, as a terminal
// reads it (see screenWidth). Most of what a frame measures is printable
// ASCII, SGR styling and common letters and symbols, counted here one by
// one; at anything else it hands over to screenWidth, whose grapheme
// parsing was a quarter of drawing the contact list. FuzzCells holds the
// two to the same answer.
func Cells(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f:
			n++
		case c == 0x1b:
			n := csiLen(s[i:])
			if n == 0 {
				return screenWidth(s)
			}
			i += n - 1
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			w := cellsOf(r)
			if w == 0 {
				return screenWidth(s)
			}
			n += w
			i += size - 1
		default:
			return screenWidth(s)
		}
	}
	return n
}

// runeCells are the runes beyond ASCII that names and frames are mostly
// made of, with the cells each takes: accented Latin, Greek and Cyrillic
// letters, dashes, quotes, "·", "…", "›", arrows, box drawing and the
// sparkline's blocks take one; kana, CJK ideographs and Hangul syllables
// two. Each starts its own grapheme whatever follows it but a rune not
// listed here, so Cells can count them one by one. A rune that joins with
// its neighbours (a combining accent, a variation selector, a zero-width
// joiner, a trailing Hangul jamo) is not listed and sends the line to
// screenWidth whole. TestRuneCellsCountAsAnsiDoes checks every one.
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

// screenWidth is the cells s takes read as a terminal reads it: escape
// sequences, then each ASCII character on its own and each other grapheme
// whole (ansi.DecodeSequence). ansi.StringWidth reads an ASCII character
// and a rune that extends it as one grapheme, so a lone skin tone after a
// space counted 1 cell where tmux draws 3, and a line measured to fit
// made the terminal wrap.
func screenWidth(s string) int {
	n := 0
	var state byte
	for len(s) > 0 {
		if c := csiLen(s); c > 0 {
			s = s[c:] // as terminals read a CSI (DecodeSequence is stricter)
			continue
		}
		_, w, size, next := ansi.DecodeSequence(s, state, nil)
		n += w
		state, s = next, s[size:]
	}
	return n
}

// csiLen is the length of the CSI sequence s begins with (ESC [,
// parameter bytes, intermediate bytes, one final byte, as ECMA-48 has
// it), or 0 when it does not begin with a whole one. It takes no cell.
func csiLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	j := 2
	for j < len(s) && s[j] >= 0x30 && s[j] < 0x40 {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] < 0x30 {
		j++
	}
	if j >= len(s) || s[j] < 0x40 || s[j] >= 0x7f {
		return 0
	}
	return j + 1
}

// cutToCells is the beginning of s that takes at most max cells by
// screenWidth, with the escape sequences and joining characters that
// come before the first character that does not fit.
func cutToCells(s string, max int) string {
	n, i := 0, 0
	var state byte
	for i < len(s) {
		if c := csiLen(s[i:]); c > 0 {
			i += c
			continue
		}
		_, w, size, next := ansi.DecodeSequence(s[i:], state, nil)
		if w > 0 && n+w > max {
			break
		}
		n += w
		state, i = next, i+size
	}
	return s[:i]
}
