package journalfile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/tether-recovery/tether/model"
)

// ErrNoVCard is returned by ParseVCards for data without a single card.
var ErrNoVCard = errors.New("this file holds no vCard (no BEGIN:VCARD line)")

// VCards is what ParseVCards reads from a file.
type VCards struct {
	Contacts []model.Contact
	// NotKept[i] names what the card of Contacts[i] held that Tether has
	// no place for, in a person's words with the property's name, in the
	// order of the card: "address (ADR)", "2 photos (PHOTO)"; nil when
	// the card lost nothing.
	NotKept [][]string
	// Warnings are in file order.
	Warnings []string
}

// ParseVCards reads every card of a vCard file as Tether contacts: vCard
// 4.0 and 3.0, and 2.1 as phones still export it.
//
// It unfolds long lines (a line break followed by a space or tab; in 2.1
// cards the space is kept, as that version says), joins quoted-printable
// soft line breaks, decodes ENCODING=QUOTED-PRINTABLE and BASE64 text, and
// reads CHARSET (UTF-8, ISO-8859-x, Windows code pages, KOI8, Mac);
// bytes that are not UTF-8 without a CHARSET are read as Windows-1252.
// Property groups (item1.TEL) are allowed, and an Apple X-ABLabel names
// its group's phone or email. Escapes (\n \, \; \\) are undone.
//
// Each card becomes one normalized contact, stance unknown:
//
//   - Name: FN; without one, N as "Given Additional Family", then ORG (a
//     card for a group, a meeting or a service has no personal name, and
//     Tether's contacts may be such groups), then the first EMAIL, then
//     the first TEL.
//
//   - Nickname: NICKNAME (several joined with ", "), and Android's
//     X-ANDROID-CUSTOM nickname.
//
//   - Phone: the preferred (PREF, TYPE=pref) or else first TEL that reads
//     as a phone number; 4.0 "tel:" URIs lose their scheme and ";ext=" is
//     written " ext. ". Every other number goes into the notes as "Other
//     phones: …" with its type, so nothing is lost.
//
//   - Email: the same for EMAIL ("Other emails: …").
//
//   - Notes: every NOTE, then the other phones and emails.
//
//   - Circle and tags: CATEGORIES. The first that names a circle (its
//     label or short word, as EncodeVCards writes it, or a phone's
//     "Family") is the circle, Other when none does; the rest are tags
//     (Google's "myContacts", which every contact of a Google export
//     carries, is left out).
//
//   - Group: ORG, its parts joined with ", ", when the card has a
//     personal name; when ORG is the name, or repeats it, it is not the
//     group as well.
//
//   - Birthday: BDAY (19850309, 1985-03-09, --0309, --03-09; a time is
//     not kept; Apple's placeholder year, named by X-APPLE-OMIT-YEAR, is
//     no year), and their recovery date: ANNIVERSARY (X-ANNIVERSARY in
//     3.0), with its year. A value that is not a day is named in a
//     warning and left out, the card kept. ParseVCards has no clock: a
//     birthday or anniversary after today (often a placeholder) is for
//     the caller to leave out.
//
// What Tether has no place for (PHOTO, ADR, URL, TITLE, a second
// birthday, the parts of N that the name does not hold…) is named per
// card in NotKept (see vcardnotkept.go); what only says how the card was
// made or filed (PRODID, UID, REV…) loses nothing and is not named.
// Repairs are made so that a contact can be kept: line breaks and control
// characters leave one-line fields, a nickname or group too long for its
// field and tags too long for a tag move into the notes, and notes beyond
// the limit are cut, with a warning. A card with nothing to name it by,
// or still invalid after the repairs, is skipped with a warning giving its
// position and name and the reason, and so is a card without END:VCARD,
// which may have been cut off. Lines outside any card and lines in a card
// that are not properties are warned about too.
//
// The only error is ErrNoVCard, for data without a BEGIN:VCARD line.
// Every contact returned passes Validate(model.Date{}).
func ParseVCards(data []byte) (VCards, error) {
	p := vcParser{}
	p.run(vcardText(data))
	if !p.sawBegin {
		return VCards{}, ErrNoVCard
	}
	var out VCards
	var ws []vcWarning
	ws = append(ws, p.warnings...)
	for _, card := range p.cards {
		c, lost, cw, ok := card.contact()
		ws = append(ws, cw...)
		if ok {
			out.Contacts = append(out.Contacts, c)
			out.NotKept = append(out.NotKept, lost)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].line < ws[j].line })
	for _, w := range ws {
		out.Warnings = append(out.Warnings, safeMessage(w.text))
	}
	return out, nil
}

// vcWarning is a warning and the line it is about, for ordering.
type vcWarning struct {
	line int
	text string
}

// unendedSentence says why a card without END:VCARD was skipped; until is
// where its lines stopped ("the next BEGIN:VCARD", "the end of the file").
func unendedSentence(until string) string {
	return "it has no END:VCARD line before " + until + ", so it may have been cut off and was not imported"
}

// vcProp is one property of a card, unfolded but still encoded.
type vcProp struct {
	group  string              // upper case, "" when none
	name   string              // upper case
	params map[string][]string // names upper case; TYPE values upper case
	value  string              // the raw text after the colon
}

func (p vcProp) param(name string) string {
	if v := p.params[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (p vcProp) hasType(t string) bool { return slices.Contains(p.params["TYPE"], t) }

type vcCard struct {
	pos     int // 1-based position in the file
	line    int // the line of its BEGIN:VCARD
	version string
	props   []vcProp
	junk    []int  // lines in the card that are not properties
	unended string // "" or how the card ended without END:VCARD
}

// vcKept are the properties a card's contact is built from. Of the rest
// only the name is kept in memory, to be named as not kept (a PHOTO can
// be large).
var vcKept = map[string]bool{
	"FN": true, "N": true, "NICKNAME": true, "TEL": true, "EMAIL": true, "NOTE": true,
	"CATEGORIES": true, "ORG": true, "X-ABLABEL": true, "BDAY": true, "ANNIVERSARY": true,
	"X-ANNIVERSARY": true, "X-ANDROID-CUSTOM": true,
}

type vcParser struct {
	sawBegin bool
	card     *vcCard
	cards    []*vcCard
	warnings []vcWarning
	// a run of lines outside any card, warned about as one
	junkFrom, junkTo int
}

// vcardText turns a UTF-16 file (some address books on Windows write
// them) into UTF-8 and drops a byte order mark; other bytes are left as
// they are, since each value says its own character set.
func vcardText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		big := data[0] == 0xFE
		data = data[2:]
		units := make([]uint16, len(data)/2)
		for i := range units {
			a, b := uint16(data[2*i]), uint16(data[2*i+1])
			if big {
				units[i] = a<<8 | b
			} else {
				units[i] = b<<8 | a
			}
		}
		return string(utf16.Decode(units))
	}
	return string(bytes.TrimPrefix(data, utf8BOM))
}

// run splits the text into physical lines, joins them into logical lines
// (unfolding, and quoted-printable soft breaks) and hands each on.
func (p *vcParser) run(text string) {
	var cur []byte
	curLine, qp, have := 0, false, false
	flush := func() {
		if have {
			p.line(curLine, string(cur))
		}
		cur, have = cur[:0], false
	}
	for n := 1; ; n++ {
		l, rest, more := cutLine(text)
		soft, ok := cur, false
		if have && qp {
			soft, ok = softBreak(cur)
		}
		if ok && !isCardBoundary(l) {
			// A quoted-printable soft line break: "=" ends the line, and
			// the value goes on at the start of the next.
			cur = append(soft, l...)
		} else if have && l != "" && (l[0] == ' ' || l[0] == '\t') {
			if p.card != nil && p.card.version == "2.1" {
				cur = append(cur, l...) // 2.1 keeps the blank: it was there
			} else {
				cur = append(cur, l[1:]...)
			}
		} else {
			flush()
			cur, curLine, have = append(cur, l...), n, true
			qp = isQuotedPrintable(l)
		}
		if !more {
			break
		}
		text = rest
	}
	flush()
	p.endJunk()
	if p.card != nil {
		p.card.unended = "the end of the file"
		p.closeCard()
	}
}

// cutLine cuts the first line off text at CRLF, LF or CR; more is false
// when there was no line break left.
func cutLine(text string) (line, rest string, more bool) {
	i := strings.IndexAny(text, "\r\n")
	if i < 0 {
		return text, "", false
	}
	if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
		return text[:i], text[i+2:], true
	}
	return text[:i], text[i+1:], true
}

// softBreak takes a quoted-printable soft line break ("=", and a few
// blanks after it) off the end of a line; ok reports whether there was
// one. It looks at the last few bytes only, so a line of a million blanks
// costs no more than a short one.
func softBreak(cur []byte) (line []byte, ok bool) {
	i := len(cur) - 1
	for ; i >= 0 && i >= len(cur)-16 && (cur[i] == ' ' || cur[i] == '\t'); i-- {
	}
	if i < 0 || cur[i] != '=' {
		return cur, false
	}
	return cur[:i], true
}

// isQuotedPrintable reports whether a line's parameters say
// QUOTED-PRINTABLE (as ENCODING=QUOTED-PRINTABLE or, in 2.1, bare).
func isQuotedPrintable(l string) bool {
	prefix, _, ok := strings.Cut(l, ":")
	return ok && strings.Contains(strings.ToUpper(prefix), "QUOTED-PRINTABLE")
}

// isCardBoundary reports a BEGIN:VCARD or END:VCARD line, which a broken
// soft line break must not swallow.
func isCardBoundary(l string) bool {
	u := strings.ToUpper(strings.TrimSpace(l))
	return strings.HasPrefix(u, "BEGIN:VCARD") || strings.HasPrefix(u, "END:VCARD")
}

// line handles one logical line.
func (p *vcParser) line(n int, s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	prop, ok := parseVCardLine(s)
	isVCard := func() bool {
		v := strings.TrimSpace(prop.value)
		return len(v) >= 5 && strings.EqualFold(v[:5], "VCARD")
	}
	switch {
	case ok && prop.name == "BEGIN" && isVCard():
		p.endJunk()
		if p.card != nil {
			p.card.unended = "the next BEGIN:VCARD"
			p.closeCard()
		}
		p.sawBegin = true
		p.card = &vcCard{pos: len(p.cards) + 1, line: n}
	case p.card == nil:
		if p.junkFrom == 0 {
			p.junkFrom = n
		}
		p.junkTo = n
	case !ok:
		p.card.junk = append(p.card.junk, n)
	case prop.name == "END" && isVCard():
		p.closeCard()
	case prop.name == "VERSION":
		p.card.version = strings.TrimSpace(prop.value)
	case vcKept[prop.name]:
		p.card.props = append(p.card.props, prop)
	default:
		p.card.props = append(p.card.props, vcProp{group: prop.group, name: prop.name})
	}
}

func (p *vcParser) closeCard() {
	p.cards = append(p.cards, p.card)
	p.card = nil
}

func (p *vcParser) endJunk() {
	switch {
	case p.junkFrom == 0:
		return
	case p.junkFrom == p.junkTo:
		p.warnings = append(p.warnings, vcWarning{p.junkFrom, fmt.Sprintf("line %d is outside any card and was ignored", p.junkFrom)})
	default:
		p.warnings = append(p.warnings, vcWarning{p.junkFrom, fmt.Sprintf("lines %d to %d are outside any card and were ignored", p.junkFrom, p.junkTo)})
	}
	p.junkFrom, p.junkTo = 0, 0
}

// parseVCardLine splits "group.NAME;PARAM=a,b;BARE:value". ok is false for
// a line that is not a property.
func parseVCardLine(s string) (p vcProp, ok bool) {
	s = strings.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && (isAlnum(s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.') {
		i++
	}
	full := s[:i]
	if dot := strings.LastIndexByte(full, '.'); dot >= 0 {
		p.group, full = strings.ToUpper(full[:dot]), full[dot+1:]
	}
	if full == "" {
		return vcProp{}, false
	}
	p.name = strings.ToUpper(full)
	for i < len(s) && s[i] == ';' {
		i++
		start, quoted := i, false
		for i < len(s) && (quoted || (s[i] != ';' && s[i] != ':')) {
			if s[i] == '"' {
				quoted = !quoted
			}
			i++
		}
		p.addParam(s[start:i])
	}
	if i >= len(s) || s[i] != ':' {
		return vcProp{}, false
	}
	p.value = s[i+1:]
	return p, true
}

func (p *vcProp) addParam(raw string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return
	}
	if p.params == nil {
		p.params = map[string][]string{}
	}
	name, value, named := strings.Cut(raw, "=")
	name = strings.ToUpper(strings.TrimSpace(name))
	if !named {
		// vCard 2.1 writes bare parameters: TEL;CELL;PREF, NOTE;QUOTED-PRINTABLE.
		switch name {
		case "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT":
			p.params["ENCODING"] = append(p.params["ENCODING"], name)
		default:
			p.params["TYPE"] = append(p.params["TYPE"], name)
		}
		return
	}
	for _, v := range splitQuoted(value) {
		v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), `"`))
		switch name {
		case "TYPE":
			// TYPE="voice,cell" is a list too, quoted or not.
			for _, t := range strings.Split(v, ",") {
				if t = strings.ToUpper(strings.TrimSpace(t)); t != "" {
					p.params[name] = append(p.params[name], t)
				}
			}
			continue
		case "ENCODING":
			v = strings.ToUpper(v)
		}
		if v != "" {
			p.params[name] = append(p.params[name], v)
		}
	}
}

// splitQuoted splits a parameter's values at commas outside quotes.
func splitQuoted(s string) []string {
	var out []string
	start, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func junkSentence(lines []int) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d is not a vCard property and was ignored", lines[0])
	}
	shown := lines
	if len(shown) > 5 {
		shown = shown[:5]
	}
	words := make([]string, len(shown))
	for i, n := range shown {
		words[i] = strconv.Itoa(n)
	}
	list := model.ListWords(words)
	if len(lines) > len(shown) {
		list = strings.Join(words, ", ") + fmt.Sprintf(" and %d more", len(lines)-len(shown))
	}
	return "lines " + list + " are not vCard properties and were ignored"
}
