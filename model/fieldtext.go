package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text that comes from elsewhere (a vCard, a pasted number, a plan line)
// is made to fit a field by these rules, shared by the domain and the file
// formats, so that what the journal keeps never carries line breaks into a
// one-line field or escape sequences onto the screen.

// OneLine makes text fit a one-line field: line breaks and tabs become
// spaces, terminal escape sequences and characters that would disturb a
// terminal go, invisible format characters too, and the ends are trimmed.
func OneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case UnsafeRune(r), Invisible(r):
			return -1
		}
		return r
	}, StripEscapes(s))
	return strings.TrimSpace(s)
}

// DropInvisible is s without invisible format characters (Invisible):
// how a one-line field read from a file is made to pass the form's rule
// that refuses them.
func DropInvisible(s string) string {
	if strings.IndexFunc(s, Invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, s)
}

// MultiLine makes text fit a multi-line field: it keeps line breaks and
// tabs (a lone CR or a Unicode separator becomes a line break) and drops
// escape sequences and other disturbing characters.
func MultiLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r' || r == '\u2028' || r == '\u2029':
			return '\n'
		case UnsafeRune(r):
			return -1
		}
		return r
	}, StripEscapes(s))
}

// StripEscapes removes terminal escape sequences whole (ESC [ … m, ESC ]
// … BEL), so that no colour codes are left behind as "[31m" when the
// escape character itself is dropped.
func StripEscapes(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			continue
		}
		switch {
		case i+1 < len(s) && s[i+1] == '[': // CSI: parameters, then a final byte
			i += 2
			for i < len(s) && (s[i] < 0x40 || s[i] > 0x7e) {
				i++
			}
		case i+1 < len(s) && s[i+1] == ']': // OSC: up to BEL or ESC \
			i += 2
			for i < len(s) && s[i] != 0x07 && !(s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\') {
				i++
			}
			if i < len(s) && s[i] == 0x1b {
				i++
			}
		default:
			i++ // ESC and the one character after it
		}
	}
	return b.String()
}

// UnsafeRune reports a character that must not reach a terminal from a
// file or a field: control characters, line and paragraph separators, and
// bidirectional controls.
func UnsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// ListWords joins "a", "b" and "c" as a person would.
func ListWords(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Plural counts n of word in words: "1 day", "3 days", "2 people".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if word == "person" {
		return fmt.Sprintf("%d people", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// InSentence is a label as it reads inside a sentence: "Call" is "call",
// "In person" is "in person", while "I supported them" keeps its capital
// and so does a name or an acronym ("BARC-10").
func InSentence(label string) string {
	first, rest, _ := strings.Cut(label, " ")
	if first == "I" || first == "" {
		return label
	}
	r, n := utf8.DecodeRuneInString(first)
	if n == len(first) || !unicode.IsUpper(r) {
		return label
	}
	if next, _ := utf8.DecodeRuneInString(first[n:]); unicode.IsUpper(next) || unicode.IsDigit(next) {
		return label // an acronym
	}
	if rest != "" {
		rest = " " + rest
	}
	return string(unicode.ToLower(r)) + first[n:] + rest
}

// ReachOutWith names a reach-out in a sentence by how and with whom: "call
// with Maria Santos", "visit with Sam". A meeting whose name says it is a meeting or a group
// is named alone ("Tuesday night meeting", never "meeting with Tuesday
// night meeting").
func ReachOutWith(ch Channel, name string) string {
	if ch == ChannelMeeting {
		folded := Fold(name)
		if strings.Contains(folded, "meeting") || strings.Contains(folded, "group") {
			return name
		}
	}
	return ch.Noun() + " with " + name
}

// channelNouns name a reach-out of each channel in a sentence.
var channelNouns = map[Channel]string{
	ChannelCall:     "call",
	ChannelText:     "text",
	ChannelInPerson: "visit",
	ChannelMeeting:  "meeting",
	ChannelVideo:    "video call",
	ChannelMessage:  "message",
}

// Noun is what a reach-out by the channel is called in a sentence: "the
// call", "the visit", "the reach-out" when the channel says nothing.
func (c Channel) Noun() string {
	if n, ok := channelNouns[c]; ok {
		return n
	}
	return "reach-out"
}
