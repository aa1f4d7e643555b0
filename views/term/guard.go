package term

import (
	"strings"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// Guard is a frame with nothing in it that a terminal would act on but
// colours: every escape sequence other than SGR (ESC [ … m, which is all
// Lip Gloss writes) is removed whole, and so are other control characters
// but line breaks, bidirectional controls and invisible format characters
// (model.UnsafeRune, model.Invisible). The screens clean stored text where
// they show it; this is the last line, so that a name written into the
// journal by another program can never set the terminal's title, write
// its clipboard or clear it, whatever screen shows it. A frame with
// nothing to remove is returned as it is.
func Guard(frame string) string {
	if clean(frame) {
		return frame
	}
	frame = strings.ToValidUTF8(frame, "\uFFFD")
	var b strings.Builder
	b.Grow(len(frame))
	for i := 0; i < len(frame); {
		if frame[i] == 0x1b {
			n, keep := escapeAt(frame, i)
			if keep {
				b.WriteString(frame[i : i+n])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(frame[i:])
		if r == '\n' || !model.UnsafeRune(r) && !model.Invisible(r) {
			b.WriteString(frame[i : i+size])
		}
		i += size
	}
	return b.String()
}

// clean: only SGR sequences, line breaks and runes that are safe, checked
// without allocating; the usual frame.
func clean(frame string) bool {
	for i := 0; i < len(frame); {
		c := frame[i]
		switch {
		case c == 0x1b:
			n, keep := escapeAt(frame, i)
			if !keep {
				return false
			}
			i += n
		case c == '\n' || c >= 0x20 && c < 0x7f:
			i++
		default:
			r, size := utf8.DecodeRuneInString(frame[i:])
			if r == utf8.RuneError && size <= 1 || model.UnsafeRune(r) || model.Invisible(r) {
				return false
			}
			i += size
		}
	}
	return true
}

// escapeAt is the length of the escape sequence at frame[i] (an ESC), and
// whether it is SGR: ESC [, parameter bytes (digits, ';' and ':'), 'm'.
// Other sequences run to their end as terminals read them: CSI to its
// final byte, OSC, DCS, SOS, PM and APC to BEL or ESC \, anything else is
// ESC and one character.
func escapeAt(frame string, i int) (n int, sgr bool) {
	j := i + 1
	if j >= len(frame) {
		return 1, false
	}
	switch frame[j] {
	case '[':
		j++
		params := true
		for j < len(frame) && frame[j] >= 0x20 && frame[j] < 0x40 {
			if !(frame[j] >= '0' && frame[j] <= '9' || frame[j] == ';' || frame[j] == ':') {
				params = false
			}
			j++
		}
		if j < len(frame) && frame[j] >= 0x40 && frame[j] <= 0x7e {
			return j + 1 - i, params && frame[j] == 'm'
		}
		return j - i, false
	case ']', 'P', 'X', '^', '_':
		j++
		for j < len(frame) {
			if frame[j] == 0x07 {
				return j + 1 - i, false
			}
			if frame[j] == 0x1b && j+1 < len(frame) && frame[j+1] == '\\' {
				return j + 2 - i, false
			}
			j++
		}
		return j - i, false
	}
	_, size := utf8.DecodeRuneInString(frame[j:])
	return j + size - i, false
}
