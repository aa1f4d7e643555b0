package term

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// vscreen is just enough of a terminal to check what the display writes:
// cursor moves, erasing in the line and the screen, colours (kept per cell
// as the sequences in force), characters of one or two cells, and the
// wait to wrap at the right edge. What the display never writes (scrolling,
// insert modes) it does not know; writing past the edge is an error, since
// the display must never make the terminal wrap.
type vscreen struct {
	// byRune measures each rune on its own, as xterm and VTE do, instead
	// of each grapheme, as tmux and the screens' own cells do: emoji with
	// modifiers, selectors and joiners then take other widths.
	byRune   bool
	w, h     int
	cells    [][]vcell
	row, col int
	wrapNext bool
	style    string
	err      error
}

type vcell struct{ text, style string }

// wideTail marks the second cell of a character two cells wide.
const wideTail = "\x00"

func newVScreen(w, h int) *vscreen {
	v := &vscreen{w: w, h: h}
	v.cells = make([][]vcell, h)
	for r := range v.cells {
		v.cells[r] = make([]vcell, w)
		v.eraseCells(r, 0, w)
	}
	return v
}

func (v *vscreen) eraseCells(r, from, to int) {
	for c := from; c < to; c++ {
		v.cells[r][c] = vcell{text: " ", style: v.style}
	}
}

func (v *vscreen) fail(format string, args ...any) {
	if v.err == nil {
		v.err = fmt.Errorf(format, args...)
	}
}

func (v *vscreen) write(s string) {
	p := ansi.NewParser()
	var state byte
	for len(s) > 0 {
		decode := ansi.DecodeSequence[string]
		if v.byRune {
			decode = ansi.DecodeSequenceWc[string]
		}
		seq, width, n, next := decode(s, state, p)
		state = next
		s = s[n:]
		switch {
		case strings.HasPrefix(seq, "\x1b["):
			v.csi(seq, p)
		case seq == "" || seq[0] < 0x20 || seq[0] == 0x7f:
			v.fail("unexpected control %q", seq)
		default:
			v.print(seq, width)
		}
	}
}

func (v *vscreen) csi(seq string, p *ansi.Parser) {
	param := func(i, def int) int {
		n, _ := p.Param(i, def)
		return n
	}
	switch ansi.Cmd(p.Command()).Final() {
	case 'H':
		v.row, v.col, v.wrapNext = param(0, 1)-1, param(1, 1)-1, false
		if v.row < 0 || v.row >= v.h || v.col < 0 || v.col >= v.w {
			v.fail("cursor moved off the screen: %q", seq)
			v.row, v.col = min(max(v.row, 0), v.h-1), min(max(v.col, 0), v.w-1)
		}
	case 'C':
		v.col, v.wrapNext = min(v.col+param(0, 1), v.w-1), false
	case 'K':
		switch param(0, 0) {
		case 0:
			v.eraseCells(v.row, v.col, v.w)
		case 2:
			v.eraseCells(v.row, 0, v.w)
		default:
			v.fail("unexpected erase %q", seq)
		}
	case 'J':
		if param(0, 0) != 2 {
			v.fail("unexpected erase %q", seq)
		}
		for r := range v.cells {
			v.eraseCells(r, 0, v.w)
		}
	case 'm':
		if seq == "\x1b[m" || seq == "\x1b[0m" {
			v.style = ""
		} else {
			v.style += seq
		}
	case 'h', 'l': // modes: the cursor, the alternate screen, paste
	default:
		v.fail("unexpected sequence %q", seq)
	}
}

func (v *vscreen) print(g string, width int) {
	if width == 0 {
		// Joins the character before, as terminals do.
		if c := v.col - 1; c >= 0 && !v.wrapNext {
			v.cells[v.row][c].text += g
		} else if v.wrapNext {
			v.cells[v.row][v.col].text += g
		}
		return
	}
	if v.wrapNext || v.col+width > v.w {
		v.fail("wrote %q past the right edge on row %d", g, v.row+1)
		return
	}
	row := v.cells[v.row]
	// Half of a wide character overwritten leaves a blank in the other half.
	if row[v.col].text == wideTail && v.col > 0 {
		row[v.col-1] = vcell{text: " ", style: row[v.col-1].style}
	}
	end := v.col + width
	if end < v.w && row[end].text == wideTail {
		row[end] = vcell{text: " ", style: row[end].style}
	}
	row[v.col] = vcell{text: g, style: v.style}
	if width == 2 {
		row[v.col+1] = vcell{text: wideTail, style: v.style}
	}
	v.col = end
	if v.col == v.w {
		v.col, v.wrapNext = v.w-1, true
	}
}

// text is what a person reads, line by line, without trailing blanks.
func (v *vscreen) text() string {
	lines := make([]string, v.h)
	for r, row := range v.cells {
		var b strings.Builder
		for _, c := range row {
			if c.text != wideTail {
				b.WriteString(c.text)
			}
		}
		lines[r] = strings.TrimRight(b.String(), " ")
	}
	return strings.Join(lines, "\n")
}

// differs names the first cell where two screens differ, or "" when they
// show the same.
func (v *vscreen) differs(o *vscreen) string {
	for r := range v.cells {
		for c := range v.cells[r] {
			if a, b := v.cells[r][c], o.cells[r][c]; a != b {
				return fmt.Sprintf("row %d column %d: %q in %q, want %q in %q", r+1, c+1, a.text, a.style, b.text, b.style)
			}
		}
	}
	return ""
}
