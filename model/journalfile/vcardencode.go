package journalfile

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// vcardDate writes a day of the year as vCard 4.0 does: 19850309 with
// the year, --0309 without.
func vcardDate(d model.Birthday) string {
	if d.Year == 0 {
		return fmt.Sprintf("--%02d%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
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
