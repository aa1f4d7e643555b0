package model

import (
	"strings"
	"unicode/utf8"
)

// Text read back from a journal is printed by these two, on the screens,
// in every command's output and in every file Tether writes for people
// (Markdown, CSV, vCard). The input rules keep control characters out of
// what Tether saves, but a journal can be written by other programs: a
// name holding ESC ] 0 ; … BEL would set the terminal's title, ESC [ 2 J
// clear it, ESC ] 52 write its clipboard.

// Printable is s as it can be shown safely on several lines: escape
// sequences are removed whole (with what they carry), and so are other
// control characters, bidirectional controls and invisible format
// characters (see Invisible); line breaks and tabs stay, and bytes that
// are not UTF-8 become U+FFFD. It is idempotent, and returns s itself when
// there is nothing to remove.
func Printable(s string) string { return printable(s, false) }

// PrintableLine is Printable on one line: line breaks and tabs become
// spaces.
func PrintableLine(s string) string { return printable(s, true) }

func printable(s string, oneLine bool) string {
	if isPrintable(s, oneLine) {
		return s
	}
	s = strings.ToValidUTF8(StripEscapes(s), "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029':
			if oneLine {
				b.WriteByte(' ')
			} else if r == '\t' {
				b.WriteByte('\t')
			} else {
				b.WriteByte('\n')
			}
		case UnsafeRune(r) || Invisible(r):
			// removed
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPrintable: nothing to change, checked without allocating.
func isPrintable(s string, oneLine bool) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return false // not UTF-8
			}
		case r == '\n' || r == '\t':
			if oneLine {
				return false
			}
		case UnsafeRune(r) || Invisible(r):
			return false
		}
	}
	return true
}

// Invisible reports a format character that shows nothing but can make
// two names that look the same differ, or hide text: zero-width spaces and
// joiners that are not part of an emoji, marks that set the direction of
// text, the byte-order mark, the soft hyphen, invisible operators and tag
// characters. The zero-width joiner (U+200D) is not among them: emoji such
// as 👩‍👩‍👧 are made with it.
func Invisible(r rune) bool {
	switch {
	case r == '\u00AD', r == '\u061C', r == '\u180E', r == '\uFEFF':
		return true
	case r == '\u200B', r == '\u200E', r == '\u200F':
		return true
	case r >= '\u2060' && r <= '\u2064':
		return true
	case r >= 0xE0000 && r <= 0xE007F:
		return true
	}
	return false
}
