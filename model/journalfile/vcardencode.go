package journalfile

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// VCardVersion is a version of vCard that EncodeVCards writes.
type VCardVersion string

const (
	// VCard30 (RFC 2426) is the version phones import most reliably:
	// iPhone, Android, Google Contacts and Outlook all read it, where some
	// of them still refuse a 4.0 card or read only its name. It is the
	// default.
	VCard30 VCardVersion = "3.0"
	// VCard40 (RFC 6350) is the current version, for address books that
	// ask for it.
	VCard40 VCardVersion = "4.0"
)

// VCardVersions are the versions EncodeVCards writes, the default first.
var VCardVersions = []VCardVersion{VCard30, VCard40}

// EncodeVCards writes the contacts as vCards of version v, each with what
// there is to say of: N (the name in parts, see nameParts) and FN (the
// name), NICKNAME, ORG (the group), TEL (typed CELL when the person
// prefers texts or messages, which need a mobile, else VOICE), EMAIL,
// BDAY (the birthday), their recovery date (ANNIVERSARY in 4.0, which
// 3.0 lacks, so X-ANNIVERSARY as Evolution and KDE write it), CATEGORIES
// (the circle and the tags, see vcardCategories) and NOTE.
//
// Values are escaped (backslash, line breaks, commas, and semicolons
// wherever the version asks); lines end in CRLF and are folded at 75
// octets without splitting a character. In 4.0 a phone that is a global
// number (+ then digits and - . ( ) only) is a tel: URI, any other is
// text, so that it reads back as written. ParseVCards reads back the
// name, nickname, phone, email, notes, circle, tags, group, birthday and
// recovery date of every valid contact as they were, in either version.
func EncodeVCards(w io.Writer, cs []model.Contact, v VCardVersion) error {
	if !slices.Contains(VCardVersions, v) {
		return fmt.Errorf("write vCards: version %q is not one Tether writes (3.0 or 4.0)", v)
	}
	var b bytes.Buffer
	for _, c := range cs {
		encodeVCard(&b, c, v)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func encodeVCard(b *bytes.Buffer, c model.Contact, v VCardVersion) {
	v3 := v == VCard30
	// 3.0 escapes a semicolon in any text; 4.0 only in a structured value.
	text := func(s string) string { return escapeVCard(model.DropInvisible(s), v3) }
	put := func(line string) { writeFolded(b, line) }
	put("BEGIN:VCARD")
	put("VERSION:" + string(v))
	family, given := nameParts(model.OneLine(c.Name))
	put("N:" + escapeVCard(family, true) + ";" + escapeVCard(given, true) + ";;;")
	put("FN:" + text(c.Name))
	if c.Nickname != "" {
		put("NICKNAME:" + text(c.Nickname))
	}
	if c.Group != "" {
		put("ORG:" + escapeVCard(model.DropInvisible(c.Group), true))
	}
	if c.Phone != "" {
		put(telLine(c, v))
	}
	if c.Email != "" {
		put("EMAIL:" + text(c.Email))
	}
	if !c.Birthday.IsZero() {
		put("BDAY:" + vcardDate(c.Birthday, v))
	}
	if !c.RecoveryDate.IsZero() {
		name := "ANNIVERSARY:"
		if v3 {
			name = "X-ANNIVERSARY:"
		}
		put(name + vcardDate(model.Birthday(c.RecoveryDate), v))
	}
	if cats := vcardCategories(c); len(cats) > 0 {
		for i, t := range cats {
			cats[i] = text(t)
		}
		put("CATEGORIES:" + strings.Join(cats, ","))
	}
	if c.Notes != "" {
		// A note keeps its own invisible characters, as it was written.
		put("NOTE:" + escapeVCard(c.Notes, v3))
	}
	put("END:VCARD")
}

// telLine is the phone's TEL line, typed with what Tether can tell of the
// number: a mobile when the person prefers texts or messages (both need
// one), a voice line otherwise. A 3.0 number is written as it is: 3.0
// gives a phone-number value no escapes, and a valid number holds no
// backslash, semicolon or line break that would need one.
func telLine(c model.Contact, v VCardVersion) string {
	kind := "VOICE"
	if c.Preferred == model.ChannelText || c.Preferred == model.ChannelMessage {
		kind = "CELL"
	}
	switch {
	case v == VCard30:
		return "TEL;TYPE=" + kind + ":" + model.OneLine(c.Phone)
	case isGlobalTel(c.Phone):
		return "TEL;VALUE=uri;TYPE=" + strings.ToLower(kind) + ":tel:" + c.Phone
	}
	return "TEL;VALUE=text;TYPE=" + strings.ToLower(kind) + ":" + escapeVCard(model.DropInvisible(c.Phone), true)
}

// vcardDate writes a day of the year: 1985-03-09 in 3.0, or --03-09
// without the year, as Google and Android write it (3.0 itself has no
// form for that); 19850309 and --0309 in 4.0.
func vcardDate(d model.Birthday, v VCardVersion) string {
	switch {
	case v == VCard30 && d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", int(d.Month), d.Day)
	case v == VCard30:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	case d.Year == 0:
		return fmt.Sprintf("--%02d%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
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
