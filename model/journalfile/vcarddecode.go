package journalfile

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

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
