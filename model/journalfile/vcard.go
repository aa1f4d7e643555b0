package journalfile

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/encoding/charmap"

	"github.com/tether-recovery/tether/model"
)

// ErrNoVCard is returned by ParseVCards for data without a single card.
var ErrNoVCard = errors.New("this file holds no vCard (no BEGIN:VCARD line)")

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
// Each card becomes one normalized contact in circle Other, stance
// unknown:
//
//   - Name: FN; without one, N as "Given Additional Family", then ORG, then
//     the first EMAIL, then the first TEL.
//
//   - Nickname: NICKNAME (several joined with ", ").
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
//   - Tags: CATEGORIES (Google's "myContacts", which every contact of a
//     Google export carries, is left out).
//
//   - Group: ORG, its parts joined with ", " (not when ORG is the name).
//
//   - Birthday: BDAY (19850309, 1985-03-09, --0309, --03-09; a time is
//     not kept; Apple's placeholder year, named by X-APPLE-OMIT-YEAR, is
//     no year), and their recovery date: ANNIVERSARY, with its year. A
//     value that is not a day is named in a warning and left out, the
//     card kept. ParseVCards has no clock: a birthday or anniversary
//     after today (often a placeholder) is for the caller to leave out.
//
// Everything else (PHOTO, ADR, X- properties…) is ignored without a
// word. Repairs are made so that a contact can be kept: line breaks and
// control characters leave one-line fields, a nickname or group too long
// for its field and tags too long for a tag move into the notes, and notes
// beyond the limit are cut, with a warning. A card with nothing to name it
// by, or still invalid after the repairs, is skipped with a warning giving
// its position and name and the reason, and so is a card without
// END:VCARD, which may have been cut off. Lines outside any card and lines
// in a card that are not properties are warned about too. Warnings are in
// file order.
//
// The only error is ErrNoVCard, for data without a BEGIN:VCARD line.
// Every contact returned passes Validate(model.Date{}).
func ParseVCards(data []byte) (contacts []model.Contact, warnings []string, err error) {
	p := vcParser{}
	p.run(vcardText(data))
	if !p.sawBegin {
		return nil, nil, ErrNoVCard
	}
	var ws []vcWarning
	ws = append(ws, p.warnings...)
	for _, card := range p.cards {
		c, cw, ok := card.contact()
		ws = append(ws, cw...)
		if ok {
			contacts = append(contacts, c)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].line < ws[j].line })
	for _, w := range ws {
		warnings = append(warnings, safeMessage(w.text))
	}
	return contacts, warnings, nil
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

// vcKept are the properties a card's contact is built from; the rest are
// not even kept in memory (a PHOTO can be large).
var vcKept = map[string]bool{
	"FN": true, "N": true, "NICKNAME": true, "TEL": true, "EMAIL": true, "NOTE": true,
	"CATEGORIES": true, "ORG": true, "X-ABLABEL": true, "BDAY": true, "ANNIVERSARY": true,
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

// decoded is the property's value with its transfer encoding and character
// set undone, still escaped. warn hears of a character set not known.
func (p vcProp) decoded(warn func(string)) string {
	b := []byte(p.value)
	switch p.param("ENCODING") {
	case "QUOTED-PRINTABLE", "Q":
		b = qpDecode(b)
	case "B", "BASE64":
		clean := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, p.value)
		if d, err := base64.StdEncoding.DecodeString(clean); err == nil {
			b = d
		}
	}
	return toUTF8(b, p.param("CHARSET"), warn)
}

// qpDecode undoes quoted-printable, leniently: "=XX" is a byte, "=" before
// a line break or at the end is a soft break, anything else stays as it is.
func qpDecode(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '=' {
			out = append(out, b[i])
			continue
		}
		switch {
		case i+2 < len(b) && isHex(b[i+1]) && isHex(b[i+2]):
			out = append(out, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 2
		case i+1 == len(b):
			// a soft break at the very end
		case b[i+1] == '\n':
			i++
		case b[i+1] == '\r':
			i++
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		default:
			out = append(out, '=')
		}
	}
	return out
}

func isHex(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

func unhex(b byte) byte {
	switch {
	case b >= 'a':
		return b - 'a' + 10
	case b >= 'A':
		return b - 'A' + 10
	}
	return b - '0'
}

// charsetAliases maps common labels to the names charmap gives its
// encodings (upper case, letters and digits only). Latin-1 labels read as
// Windows-1252, its superset, as browsers do: files labelled Latin-1 are
// full of Windows "smart quotes".
var charsetAliases = map[string]string{
	"ISO88591": "WINDOWS1252", "LATIN1": "WINDOWS1252", "L1": "WINDOWS1252",
	"ISO885911987": "WINDOWS1252", "CP819": "WINDOWS1252", "IBM819": "WINDOWS1252",
	"CP1252": "WINDOWS1252", "XCP1252": "WINDOWS1252", "ANSI": "WINDOWS1252",
	"CP1250": "WINDOWS1250", "CP1251": "WINDOWS1251", "CP1253": "WINDOWS1253",
	"CP1254": "WINDOWS1254", "CP1257": "WINDOWS1257", "LATIN2": "ISO88592",
	"LATIN9": "ISO885915", "CP437": "IBMCODEPAGE437", "IBM437": "IBMCODEPAGE437",
	"CP850": "IBMCODEPAGE850", "IBM850": "IBMCODEPAGE850", "MACROMAN": "MACINTOSH",
	"XMACROMAN": "MACINTOSH",
}

var charmaps = func() map[string]*charmap.Charmap {
	m := map[string]*charmap.Charmap{}
	for _, e := range charmap.All {
		if cm, ok := e.(*charmap.Charmap); ok {
			m[charsetKey(cm.String())] = cm
		}
	}
	return m
}()

func charsetKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return -1
	}, s)
}

// toUTF8 reads bytes in the labelled character set. Text that is valid
// UTF-8 with letters beyond ASCII is taken as UTF-8 whatever the label
// (exporters often label UTF-8 as Latin-1, and real Latin-1 text is almost
// never valid UTF-8); bytes that are not UTF-8, without a known label, are
// read as Windows-1252.
func toUTF8(b []byte, label string, warn func(string)) string {
	key := charsetKey(label)
	if a, ok := charsetAliases[key]; ok {
		key = a
	}
	if utf8.Valid(b) {
		return string(b)
	}
	cm := charmaps[key]
	switch {
	case cm != nil:
	case key == "" || key == "UTF8" || key == "USASCII" || key == "ASCII":
		cm = charmap.Windows1252
	default:
		warn(fmt.Sprintf("the character set %s is not one Tether reads; its text was read as Windows-1252", quoteText(label)))
		cm = charmap.Windows1252
	}
	out, err := cm.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// splitEscaped splits a value at each sep that is not escaped.
func splitEscaped(s string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// unescapeText undoes \n \N \, \; \: \\ ; any other backslash stays, so a
// Windows path in a note survives.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case 'n', 'N':
			b.WriteByte('\n')
		case ',', ';', ':', '\\':
			b.WriteByte(s[i+1])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i+1])
		}
		i++
	}
	return b.String()
}

// vcardDay reads a BDAY or ANNIVERSARY as phones and address books write
// it: 19850309, 1985-03-09, --0309, --03-09 (no year), with or without a
// time after T, which is not kept. v is the property's value, unescaped.
// ok is false for a value that is not a day; an empty value is ok, and
// the zero Birthday: it says nothing, so nothing is left out.
func vcardDay(p vcProp, v string) (b model.Birthday, ok bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, "Tt"); i > 0 {
		v = v[:i]
	}
	// Apple's Contacts writes a day without its year under a placeholder
	// year (BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-09) and names that year
	// in the parameter: it is no year, and the birthday is 03-09.
	if omit := p.param("X-APPLE-OMIT-YEAR"); len(omit) == 4 {
		if rest, ok := strings.CutPrefix(v, omit); ok {
			v = "--" + strings.TrimPrefix(rest, "-")
		}
	}
	b, err := model.ParseBirthday(v)
	return b, err == nil
}

// vcardDate writes a day of the year as vCard 4.0 does: 19850309 with
// the year, --0309 without.
func vcardDate(d model.Birthday) string {
	if d.Year == 0 {
		return fmt.Sprintf("--%02d%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// vcItem is one phone number or email address of a card.
type vcItem struct {
	text  string
	label string // "mobile", "work", an Apple label…
	rank  int    // lower is preferred
}

// contact builds the card's contact; ok is false when it is skipped.
func (card *vcCard) contact() (c model.Contact, warnings []vcWarning, ok bool) {
	var notices []string
	warn := func(s string) {
		if !slices.Contains(notices, s) {
			notices = append(notices, s)
		}
	}
	labels := map[string]string{}
	for _, p := range card.props {
		if p.name == "X-ABLABEL" && p.group != "" {
			labels[p.group] = appleLabel(model.OneLine(unescapeText(p.decoded(warn))))
		}
	}

	var fn, fromN, org, email0, tel0 string
	var birthday model.Birthday
	var recovery model.Date
	var orgParts, nicks, notes, tags, extras []string
	var tels, emails []vcItem
	for _, p := range card.props {
		v := p.decoded(warn)
		switch p.name {
		case "FN":
			if fn == "" {
				raw := unescapeText(v)
				if fn = model.OneLine(raw); fn == "" {
					fn = strings.TrimSpace(raw) // nothing visible: said so, and N is taken
				}
			}
		case "N":
			if fromN == "" {
				fromN = nameFromN(v)
			}
		case "ORG":
			if orgParts == nil {
				for _, part := range splitEscaped(v, ';') {
					if part = model.OneLine(unescapeText(part)); part != "" {
						orgParts = append(orgParts, part)
					}
				}
				org = strings.Join(orgParts, ", ")
			}
		case "NICKNAME":
			for _, n := range splitEscaped(v, ',') {
				if n = model.OneLine(unescapeText(n)); n != "" {
					nicks = append(nicks, n)
				}
			}
		case "BDAY":
			// The first birthday is kept; a later one is not a second.
			switch b, ok := vcardDay(p, unescapeText(v)); {
			case !ok:
				warn("its birthday " + quoteText(model.OneLine(unescapeText(v))) + " is not a day of the year, so it was left out")
			case birthday.IsZero():
				birthday = b
			}
		case "ANNIVERSARY":
			// Tether's place for a yearly date of a person is their own
			// recovery date: it needs its year.
			switch b, ok := vcardDay(p, unescapeText(v)); {
			case !ok || b.Year == 0 && !b.IsZero():
				warn("its anniversary " + quoteText(model.OneLine(unescapeText(v))) + " is not a date with its year, so it was left out")
			case recovery.IsZero():
				recovery = model.Date(b)
			}
		case "NOTE":
			if n := strings.TrimRight(model.MultiLine(unescapeText(v)), " \t\n"); strings.TrimSpace(n) != "" {
				notes = append(notes, n)
			}
		case "CATEGORIES":
			for _, t := range splitEscaped(v, ',') {
				if t = model.OneLine(unescapeText(t)); t != "" && !strings.EqualFold(t, "myContacts") {
					tags = append(tags, t)
				}
			}
		case "TEL":
			t := phoneFromVCard(unescapeText(v))
			if t == "" {
				continue
			}
			if tel0 == "" {
				tel0 = t
			}
			tels = append(tels, vcItem{t, itemLabel(p, labels), prefRank(p)})
		case "EMAIL":
			e := model.OneLine(unescapeText(v))
			for len(e) >= 7 && strings.EqualFold(e[:7], "mailto:") {
				e = strings.TrimSpace(e[7:])
			}
			if e == "" {
				continue
			}
			if email0 == "" {
				email0 = e
			}
			emails = append(emails, vcItem{e, itemLabel(p, labels), prefRank(p)})
		}
	}

	// The name, from the first source that gives a usable one.
	type source struct{ text, from string }
	sources := []source{{fn, ""}, {fromN, ""}, {org, "org"}, {email0, "its email address"}, {tel0, "its phone number"}}
	var nameFrom, rejected, why string
	for _, s := range sources {
		if s.text == "" {
			continue
		}
		if msg := (model.Contact{Name: s.text}).Validate(model.Date{})[model.FieldName]; msg != "" {
			if rejected == "" {
				rejected, why = s.text, msg
			}
			continue
		}
		c.Name, nameFrom = s.text, s.from
		break
	}
	label := fmt.Sprintf("card %d", card.pos)
	switch {
	case c.Name != "":
		label += " (" + labelText(c.Name) + ")"
	case rejected != "":
		label += " (" + labelText(rejected) + ")"
	}
	add := func(line int, s string) { warnings = append(warnings, vcWarning{line, label + ": " + s}) }
	if card.unended != "" {
		// A card cut off mid-way (a file copied in part, a phone's export
		// stopped) may end in a cut value: a phone saved as "+1 555 01"
		// would be worse than no phone. So it is named and left out.
		add(card.line, unendedSentence(card.unended))
		return model.Contact{}, warnings, false
	}
	if len(card.junk) > 0 {
		add(card.line, junkSentence(card.junk))
	}
	for _, n := range notices {
		add(card.line, n)
	}
	switch {
	case c.Name == "" && rejected == "":
		add(card.line, "it has no name, organisation, email or phone, so it was skipped")
		return model.Contact{}, warnings, false
	case c.Name == "":
		add(card.line, "skipped: "+problemsSentence(model.Problems{model.FieldName: why}))
		return model.Contact{}, warnings, false
	case rejected != "" && rejected != c.Name:
		add(card.line, "its name could not be used ("+sentencePart(why)+"), so it is named "+quoteText(c.Name))
	case nameFrom != "" && nameFrom != "org":
		add(card.line, "it has no name, so it is named after "+nameFrom)
	}

	c.Birthday, c.RecoveryDate = birthday, recovery
	c.Nickname = strings.Join(nicks, ", ")
	if model.TextProblem(c.Nickname, model.MaxShortLen, false) != "" {
		extras, c.Nickname = append(extras, "Nickname: "+c.Nickname), ""
	}
	if nameFrom != "org" {
		c.Group = org
		if model.TextProblem(c.Group, model.MaxShortLen, false) != "" {
			extras, c.Group = append(extras, "Organisation: "+c.Group), ""
		}
	}
	var other []vcItem
	c.Phone, other = pickItem(tels, func(s string) bool { return model.PhoneProblem(s) == "" })
	if len(other) > 0 {
		extras = append(extras, "Other phones: "+itemList(other))
	}
	c.Email, other = pickItem(emails, func(s string) bool { return model.EmailProblem(s) == "" })
	if len(other) > 0 {
		extras = append(extras, "Other emails: "+itemList(other))
	}
	var longTags []string
	for _, t := range tags {
		if model.TextProblem(t, model.MaxTagLen, false) != "" {
			longTags = append(longTags, t)
		} else {
			c.Tags = append(c.Tags, t)
		}
	}
	if len(longTags) > 0 {
		extras = append(extras, "Other tags: "+strings.Join(longTags, ", "))
	}

	// The notes as written, cut if they must be so the extras fit.
	extra := model.MultiLine(strings.Join(extras, "\n"))
	note := strings.Join(notes, "\n\n")
	room := model.MaxNotesLen
	if extra != "" {
		room -= uniseg.GraphemeClusterCount(extra) + 2
	}
	cut := false
	if note != "" && model.TextProblem(joinNonEmpty("\n\n", note, extra), model.MaxNotesLen, true) != "" {
		note, cut = cutText(note, max(room, 0))
	}
	c.Notes = joinNonEmpty("\n\n", note, extra)
	if model.TextProblem(c.Notes, model.MaxNotesLen, true) != "" {
		c.Notes, cut = cutText(c.Notes, model.MaxNotesLen)
	}
	if cut {
		add(card.line, fmt.Sprintf("its notes were longer than %d characters and were cut", model.MaxNotesLen))
	}

	c = c.Normalize()
	if p := c.Validate(model.Date{}); len(p) > 0 {
		add(card.line, "skipped: "+problemsSentence(p))
		return model.Contact{}, warnings, false
	}
	return c, warnings, true
}

// nameFromN is "Given Additional Family" from a structured N value.
func nameFromN(v string) string {
	parts := splitEscaped(v, ';')
	get := func(i int) string {
		if i >= len(parts) {
			return ""
		}
		var words []string
		for _, w := range splitEscaped(parts[i], ',') {
			if w = model.OneLine(unescapeText(w)); w != "" {
				words = append(words, w)
			}
		}
		return strings.Join(words, " ")
	}
	return joinNonEmpty(" ", get(1), get(2), get(0))
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// phoneFromVCard reads a TEL value, plain or a "tel:" URI.
func phoneFromVCard(v string) string {
	v = model.OneLine(v)
	if len(v) >= 4 && strings.EqualFold(v[:4], "tel:") {
		parts := strings.Split(v[4:], ";")
		v = strings.TrimSpace(parts[0])
		for _, p := range parts[1:] {
			if k, x, ok := strings.Cut(p, "="); ok && strings.EqualFold(strings.TrimSpace(k), "ext") && strings.TrimSpace(x) != "" {
				v += " ext. " + strings.TrimSpace(x)
			}
		}
	}
	return v
}

// appleLabel reads Apple's "_$!<Mobile>!$_" as "mobile"; a label the
// person typed stays as it is.
func appleLabel(s string) string {
	if inner, ok := strings.CutPrefix(s, "_$!<"); ok {
		if inner, ok = strings.CutSuffix(inner, ">!$_"); ok {
			return strings.ToLower(inner)
		}
	}
	return s
}

var vcTypeWords = map[string]string{
	"CELL": "mobile", "MOBILE": "mobile", "HOME": "home", "WORK": "work", "FAX": "fax",
	"PAGER": "pager", "MAIN": "main", "IPHONE": "iPhone", "TEXT": "text", "VIDEO": "video",
	"OTHER": "other", "MSG": "message", "CAR": "car", "ISDN": "ISDN", "TEXTPHONE": "textphone",
}

// itemLabel names a phone or email: its Apple label, or its types.
func itemLabel(p vcProp, labels map[string]string) string {
	if l := labels[p.group]; p.group != "" && l != "" {
		return l
	}
	var words []string
	for _, t := range p.params["TYPE"] {
		if w := vcTypeWords[t]; w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// prefRank is how preferred an item is: PREF=1 (4.0) and TYPE=pref (3.0,
// 2.1) first, then the rest in file order.
func prefRank(p vcProp) int {
	if n, err := strconv.Atoi(p.param("PREF")); err == nil && n >= 1 && n <= 100 {
		return n
	}
	if p.hasType("PREF") {
		return 1
	}
	return 101
}

// pickItem takes the most preferred item that is fine for the field, and
// returns the others in file order.
func pickItem(items []vcItem, fine func(string) bool) (string, []vcItem) {
	best := -1
	for i, it := range items {
		if fine(it.text) && model.TextProblem(it.text, model.MaxShortLen, false) == "" && (best < 0 || it.rank < items[best].rank) {
			best = i
		}
	}
	if best < 0 {
		return "", items
	}
	var rest []vcItem
	seen := map[string]bool{items[best].text: true}
	for _, it := range items {
		if !seen[it.text] {
			seen[it.text] = true
			rest = append(rest, it)
		}
	}
	return items[best].text, rest
}

func itemList(items []vcItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.text
		if it.label != "" {
			parts[i] += " (" + it.label + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// cutText keeps at most n characters (grapheme clusters) of s, and no more
// bytes than a field allows for them.
func cutText(s string, n int) (string, bool) {
	if uniseg.GraphemeClusterCount(s) <= n && len(s) <= model.MaxBytes(n) {
		return s, false
	}
	if n <= 1 {
		return "", true
	}
	g := uniseg.NewGraphemes(s)
	end, count := 0, 0
	for g.Next() {
		_, to := g.Positions()
		if count == n-1 || to > model.MaxBytes(n)-len("…") {
			break
		}
		end, count = to, count+1
	}
	return strings.TrimRight(s[:end], " \t\n") + "…", true
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

// EncodeVCards writes the contacts as vCard 4.0 (RFC 6350): FN, NICKNAME,
// TEL, EMAIL, NOTE, CATEGORIES (the tags), ORG (the group), BDAY (the
// birthday: 19850309, or --0309 without the year) and ANNIVERSARY (their
// recovery date: 20230115), each only when there is something to say. A
// phone that is a global number (+ then digits and - . ( ) only) is
// written as a tel: URI, any other as text, so that it reads back as
// written. Lines end in CRLF and are folded at 75 octets without
// splitting a character; values are escaped. ParseVCards reads back the
// name, nickname, phone, email, notes, tags, group, birthday and recovery
// date of every valid contact as they were.
func EncodeVCards(w io.Writer, cs []model.Contact) error {
	var b bytes.Buffer
	for _, c := range cs {
		writeFolded(&b, "BEGIN:VCARD")
		writeFolded(&b, "VERSION:4.0")
		writeFolded(&b, "FN:"+escapeVCard(model.DropInvisible(c.Name), false))
		if c.Nickname != "" {
			writeFolded(&b, "NICKNAME:"+escapeVCard(model.DropInvisible(c.Nickname), false))
		}
		if c.Phone != "" {
			if isGlobalTel(c.Phone) {
				writeFolded(&b, "TEL;VALUE=uri:tel:"+c.Phone)
			} else {
				writeFolded(&b, "TEL;VALUE=text:"+escapeVCard(model.DropInvisible(c.Phone), true))
			}
		}
		if c.Email != "" {
			writeFolded(&b, "EMAIL:"+escapeVCard(model.DropInvisible(c.Email), false))
		}
		if c.Notes != "" {
			writeFolded(&b, "NOTE:"+escapeVCard(c.Notes, false))
		}
		if len(c.Tags) > 0 {
			tags := make([]string, len(c.Tags))
			for i, t := range c.Tags {
				tags[i] = escapeVCard(model.DropInvisible(t), false)
			}
			writeFolded(&b, "CATEGORIES:"+strings.Join(tags, ","))
		}
		if c.Group != "" {
			writeFolded(&b, "ORG:"+escapeVCard(model.DropInvisible(c.Group), true))
		}
		if !c.Birthday.IsZero() {
			writeFolded(&b, "BDAY:"+vcardDate(c.Birthday))
		}
		if !c.RecoveryDate.IsZero() {
			writeFolded(&b, "ANNIVERSARY:"+vcardDate(model.Birthday(c.RecoveryDate)))
		}
		writeFolded(&b, "END:VCARD")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// isGlobalTel reports a phone that is a valid RFC 3966 global number as
// written: "+", then digits and visual separators only.
func isGlobalTel(s string) bool {
	if len(s) < 2 || s[0] != '+' {
		return false
	}
	digits := 0
	for _, r := range s[1:] {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits > 0
}

// escapeVCard escapes a text value: backslash, line breaks and commas
// always, semicolons too in a structured value (ORG) or where one could
// be misread.
func escapeVCard(s string, semicolons bool) string {
	// Nothing a terminal would act on (a card is read in terminals too);
	// one-line fields hold no invisible characters, and a note keeps its
	// own, so a card reads back as it was written.
	s = model.MultiLine(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '\\':
			b.WriteString(`\\`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case ',':
			b.WriteString(`\,`)
		case ';':
			if semicolons {
				b.WriteString(`\;`)
			} else {
				b.WriteByte(ch)
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// writeFolded writes one content line ending in CRLF, folded so that no
// line is longer than 75 octets and no UTF-8 sequence is split.
func writeFolded(b *bytes.Buffer, line string) {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}
