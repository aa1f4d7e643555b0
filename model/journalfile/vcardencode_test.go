package journalfile

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// encodeTestContacts: a person with everything, one with a day but no
// year, and a meeting.
var encodeTestContacts = []model.Contact{
	{ID: 1, Name: "Ana Lima", Nickname: "Annie, the 1st", Phone: "+44-7700-900123", Email: "ana@example.org", Preferred: model.ChannelText,
		Notes: "Line one\nCall after 6; never before.\\", Tags: []string{"AA", "any, time"}, Group: "Ward 3; alumni",
		Circle: model.CircleSponsor, Importance: 5,
		Birthday: model.Birthday{Year: 1985, Month: time.March, Day: 9}, RecoveryDate: day(2023, 1, 15)},
	{Name: "Sam", Phone: "555 0101", Circle: model.CircleOther, Birthday: model.Birthday{Month: time.February, Day: 29}},
	{Name: "Tuesday SMART meeting", Phone: "+1 555 0199", Circle: model.CircleFellowship, Preferred: model.ChannelCall},
}

func TestEncodeVCards(t *testing.T) {
	tests := []struct {
		version VCardVersion
		want    string
	}{
		{VCard30, "BEGIN:VCARD\r\n" +
			"VERSION:3.0\r\n" +
			"N:Lima;Ana;;;\r\n" +
			"FN:Ana Lima\r\n" +
			"NICKNAME:Annie\\, the 1st\r\n" +
			"ORG:Ward 3\\; alumni\r\n" +
			"TEL;TYPE=CELL:+44-7700-900123\r\n" +
			"EMAIL:ana@example.org\r\n" +
			"BDAY:1985-03-09\r\n" +
			"X-ANNIVERSARY:2023-01-15\r\n" +
			"CATEGORIES:Sponsor or mentor,AA,any\\, time\r\n" +
			"NOTE:Line one\\nCall after 6\\; never before.\\\\\r\n" +
			"END:VCARD\r\n" +
			"BEGIN:VCARD\r\n" +
			"VERSION:3.0\r\n" +
			"N:;Sam;;;\r\n" +
			"FN:Sam\r\n" +
			"TEL;TYPE=VOICE:555 0101\r\n" +
			"BDAY:--02-29\r\n" +
			"END:VCARD\r\n" +
			"BEGIN:VCARD\r\n" +
			"VERSION:3.0\r\n" +
			"N:;Tuesday SMART meeting;;;\r\n" +
			"FN:Tuesday SMART meeting\r\n" +
			"TEL;TYPE=VOICE:+1 555 0199\r\n" +
			"CATEGORIES:Fellowship / recovery group\r\n" +
			"END:VCARD\r\n"},
		{VCard40, "BEGIN:VCARD\r\n" +
			"VERSION:4.0\r\n" +
			"N:Lima;Ana;;;\r\n" +
			"FN:Ana Lima\r\n" +
			"NICKNAME:Annie\\, the 1st\r\n" +
			"ORG:Ward 3\\; alumni\r\n" +
			"TEL;VALUE=uri;TYPE=cell:tel:+44-7700-900123\r\n" +
			"EMAIL:ana@example.org\r\n" +
			"BDAY:19850309\r\n" +
			"ANNIVERSARY:20230115\r\n" +
			"CATEGORIES:Sponsor or mentor,AA,any\\, time\r\n" +
			"NOTE:Line one\\nCall after 6; never before.\\\\\r\n" +
			"END:VCARD\r\n" +
			"BEGIN:VCARD\r\n" +
			"VERSION:4.0\r\n" +
			"N:;Sam;;;\r\n" +
			"FN:Sam\r\n" +
			"TEL;VALUE=text;TYPE=voice:555 0101\r\n" +
			"BDAY:--0229\r\n" +
			"END:VCARD\r\n" +
			"BEGIN:VCARD\r\n" +
			"VERSION:4.0\r\n" +
			"N:;Tuesday SMART meeting;;;\r\n" +
			"FN:Tuesday SMART meeting\r\n" +
			"TEL;VALUE=text;TYPE=voice:+1 555 0199\r\n" +
			"CATEGORIES:Fellowship / recovery group\r\n" +
			"END:VCARD\r\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := EncodeVCards(&b, encodeTestContacts, tt.version); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("EncodeVCards %s:\n%s\nwant:\n%s\n%s", tt.version, b.String(), tt.want, firstDiff(b.String(), tt.want))
		}
	}
}

func TestEncodeVCardsRefusesOtherVersions(t *testing.T) {
	for _, v := range []VCardVersion{"", "2.1", "4", "5.0"} {
		var b bytes.Buffer
		err := EncodeVCards(&b, encodeTestContacts, v)
		if err == nil || b.Len() > 0 || !strings.Contains(err.Error(), "not one Tether writes (3.0 or 4.0)") {
			t.Errorf("version %q: %v, wrote %d bytes", v, err, b.Len())
		}
	}
}

func TestNameParts(t *testing.T) {
	tests := []struct{ name, family, given string }{
		{"Ana Lima", "Lima", "Ana"},
		{"  Ana   Lima ", "Lima", "Ana"},
		{"Ana María García Márquez", "Márquez", "Ana María García"},
		{"Ludwig van Beethoven", "van Beethoven", "Ludwig"},
		{"Charles de la Tour", "de la Tour", "Charles"},
		{"Dr. Ana Lima", "Lima", "Dr. Ana"},
		{"Seán O'Brien-Murphy", "O'Brien-Murphy", "Seán"},
		{"Zoë", "", "Zoë"},
		// Groups, meetings, services: whole, as written.
		{"Tuesday SMART meeting", "", "Tuesday SMART meeting"},
		{"AA Home Group", "", "AA Home Group"},
		{"Mission Clinic", "", "Mission Clinic"},
		{"Crisis Line", "", "Crisis Line"},
		{"Ward 3 alumni", "", "Ward 3 alumni"},
		{"Mum and Dad", "", "Mum and Dad"},
		{"Dr. O'Brien, Jr.", "", "Dr. O'Brien, Jr."},
		{"van Gogh", "", "van Gogh"},
		// Scripts without capitals may put the family name first.
		{"山田 花子", "", "山田 花子"},
		{"محمد علي", "", "محمد علي"},
	}
	for _, tt := range tests {
		if f, g := nameParts(tt.name); f != tt.family || g != tt.given {
			t.Errorf("nameParts(%q) = %q, %q; want %q, %q", tt.name, f, g, tt.family, tt.given)
		}
	}
}

func TestVCardCategories(t *testing.T) {
	tests := []struct {
		circle model.Circle
		tags   []string
		want   []string
	}{
		{model.CircleSponsor, []string{"AA"}, []string{"Sponsor or mentor", "AA"}},
		{model.CircleOther, []string{"AA"}, []string{"AA"}},
		{model.CircleOther, nil, nil},
		{"", []string{"AA"}, []string{"AA"}},
		// A tag that would be read as the circle needs the circle first.
		{model.CircleOther, []string{"AA", "family"}, []string{"Other", "AA", "family"}},
		{model.CircleOther, []string{"other"}, []string{"Other", "other"}},
		// People tag with their circle's word; it stays a tag.
		{model.CircleFamily, []string{"family", "x"}, []string{"Family", "family", "x"}},
	}
	for _, tt := range tests {
		got := vcardCategories(model.Contact{Circle: tt.circle, Tags: tt.tags})
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q: %q; want %q", tt.circle, tt.tags, got, tt.want)
		}
	}
}

func TestCircleOfCategories(t *testing.T) {
	tests := []struct {
		cats   []string
		circle model.Circle
		tags   []string
	}{
		{[]string{"Family", "family", "starred"}, model.CircleFamily, []string{"family", "starred"}},
		{[]string{"starred", "FRIEND"}, model.CircleFriend, []string{"starred"}},
		{[]string{"School / work"}, model.CircleWork, []string{}},
		{[]string{"school/work", "Peer in recovery"}, model.CircleWork, []string{"Peer in recovery"}},
		{[]string{"sponsor", "Sponsor or mentor", "x"}, model.CircleSponsor, []string{"Sponsor or mentor", "x"}},
		{[]string{"Work", "Friends"}, "", []string{"Work", "Friends"}},
		{nil, "", nil},
	}
	for _, tt := range tests {
		circle, tags := circleOfCategories(tt.cats)
		if circle != tt.circle || !reflect.DeepEqual(tags, tt.tags) {
			t.Errorf("%q: %q, %q; want %q, %q", tt.cats, circle, tags, tt.circle, tt.tags)
		}
	}
}

// vcardFields is what a vCard carries of a contact.
func vcardFields(c model.Contact) model.Contact {
	return model.Contact{Name: c.Name, Nickname: c.Nickname, Phone: c.Phone, Email: c.Email, Notes: c.Notes, Tags: c.Tags, Group: c.Group,
		Circle: c.Circle, Birthday: c.Birthday, RecoveryDate: c.RecoveryDate}
}

// TestVCardRoundTrip: what EncodeVCards writes, in either version,
// ParseVCards reads back as it was, with nothing left out or warned of.
func TestVCardRoundTrip(t *testing.T) {
	notes := "Ünïcödé all the way: " + strings.Repeat("é🌻ا", 60) + "\n\ttabbed\n\nC:\\path\\n, not a break; ok"
	cs := []model.Contact{
		{Name: "Ana Lima", Nickname: "Annie", Phone: "+44 7700 900123", Email: "ana@example.org", Circle: model.CircleSponsor,
			Preferred: model.ChannelText, Notes: notes, Tags: []string{"AA", "a,b", `back\slash`, "مرحبا", "sponsor", "Family"},
			Group: "Ward 3, alumni; Tuesdays"},
		{Name: "山田花子 " + strings.Repeat("花", 80), Phone: "+81-90-1234-5678", Circle: model.CircleFamily},
		{Name: "Dr. O'Brien, Jr.", Nickname: "Bo, Jr", Phone: "(555) 010-0199 ext. 2", Email: "bo,jr@example.org", Circle: model.CirclePeer},
		{Name: "Tuesday SMART meeting", Notes: "\n  leading lines and spaces stay", Circle: model.CircleFellowship, Tags: []string{"Tuesday"}},
		{Name: "Zoë", Birthday: model.Birthday{Month: time.February, Day: 29}, Tags: []string{"friend", "climbing"}},
		{Name: "Gerry", Circle: model.CircleFamily, Tags: []string{"family", "boundaries"}},
		{Name: "Crew", Circle: model.CircleVolunteer, Tags: []string{"Volunteering"}},
		{Name: "Denise", Birthday: model.Birthday{Year: 1970, Month: time.December, Day: 31}, RecoveryDate: model.Date{Year: 2014, Month: time.January, Day: 15}},
		{Name: "Leap", Birthday: model.Birthday{Year: 1988, Month: time.February, Day: 29}, RecoveryDate: day(2020, 2, 29), Circle: model.CircleWork},
		{Name: "Samaritans", Phone: "116 123", Group: "Crisis lines", Circle: model.CircleHealthcare},
	}
	for i := range cs {
		cs[i] = cs[i].Normalize()
		if p := cs[i].Validate(model.Date{}); len(p) > 0 {
			t.Fatalf("test contact %d is not valid: %v", i, p)
		}
	}
	for _, v := range VCardVersions {
		var b bytes.Buffer
		if err := EncodeVCards(&b, cs, v); err != nil {
			t.Fatal(err)
		}
		assertFolded(t, b.Bytes())
		r, err := ParseVCards(b.Bytes())
		if err != nil || r.Warnings != nil {
			t.Fatalf("%s: ParseVCards: %v, %q", v, err, r.Warnings)
		}
		if len(r.Contacts) != len(cs) {
			t.Fatalf("%s: read back %d contacts, want %d", v, len(r.Contacts), len(cs))
		}
		for i := range cs {
			if g, w := vcardFields(r.Contacts[i]), vcardFields(cs[i]); !reflect.DeepEqual(g, w) {
				t.Errorf("%s: contact %d read back as\n %+v\nwant\n %+v", v, i, g, w)
			}
			if r.NotKept[i] != nil {
				t.Errorf("%s: contact %d: not kept %q", v, i, r.NotKept[i])
			}
		}
	}
}

// assertFolded checks that every line of a vCard ends in CRLF, is at most
// 75 octets, and is valid UTF-8 on its own (no character split).
func assertFolded(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("the vCard does not end with CRLF")
	}
	for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\r\n")), []byte("\r\n")) {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(line), line)
		}
		if !utf8.Valid(line) {
			t.Errorf("line %d splits a character: %q", i+1, line)
		}
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare line break: %q", i+1, line)
		}
	}
}

func TestEncodeVCardsFolding(t *testing.T) {
	// Every split position against characters of 1 to 4 bytes, in the
	// name, in N and in the notes.
	for _, v := range VCardVersions {
		for _, r := range []string{"a", "é", "花", "🌻"} {
			for pad := range 8 {
				c := model.Contact{Name: strings.Repeat("x", pad) + strings.Repeat(r, 190), Notes: strings.Repeat(r, 300)}
				var b bytes.Buffer
				if err := EncodeVCards(&b, []model.Contact{c}, v); err != nil {
					t.Fatal(err)
				}
				assertFolded(t, b.Bytes())
				got, _, err := parseVCards(b.Bytes())
				if err != nil || len(got) != 1 || got[0].Name != c.Name || got[0].Notes != c.Notes {
					t.Errorf("%s: %q padded by %d did not read back: %v", v, r, pad, err)
				}
			}
		}
	}
}
