package journalfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// imported is a contact as ParseVCards makes it: circle Other, stance
// unknown, and the fields given.
func imported(c model.Contact) model.Contact {
	c.Circle, c.Stance = model.CircleOther, model.StanceUnknown
	return c
}

// parseVCards is ParseVCards as most tests look at it.
func parseVCards(data []byte) ([]model.Contact, []string, error) {
	r, err := ParseVCards(data)
	return r.Contacts, r.Warnings, err
}

// TestParseVCardsFiles reads files shaped like real exports, from phones
// (2.1 quoted-printable, 3.0 with grouped items and a photo, 4.0) and from
// address books: every name, number, birthday and note is kept, and every
// property that is not is named, card by card.
func TestParseVCardsFiles(t *testing.T) {
	tests := []struct {
		file     string
		want     []model.Contact
		notKept  [][]string
		warnings []string
	}{
		{"iphone-3.0.vcf", []model.Contact{
			imported(model.Contact{
				Name: "Ana Lima", Nickname: "Annie", Group: "Ward 3 alumni",
				Phone: "+44 7700 900123", Email: "ana@example.org",
				Birthday: model.Birthday{Year: 1985, Month: time.April, Day: 12}, // BDAY;value=date:
				Notes: "Met at the Tuesday meeting.\nCall after 6pm, never before.\n\n" +
					"Other phones: +44 20 7946 0018 (Sponsor line), 020 7946 0999 (home)\n" +
					"Other emails: ana.lima@work.example.com (work)",
			}),
			// FN is empty and ORG names the card: the name, not also the group.
			imported(model.Contact{Name: "Tuesday SMART meeting", Phone: "+1 (555) 010-0199"}),
		}, [][]string{
			{"address (ADR)", "photo (PHOTO)", "social profile (X-SOCIALPROFILE)"},
			{"web address (URL)"},
		}, nil},

		{"android-2.1.vcf", []model.Contact{
			imported(model.Contact{
				Name: "Jürgen Müller", Phone: "+49 151 23456789", Email: "juergen@example.de",
				// The soft line break joins "der" and " Arbeit" with the space kept.
				Notes: "Sponsor seit 2019. Ruft gern abends an – am liebsten nach der Arbeit.\nKein Anruf vor 9 Uhr, bitte.\n\n" +
					"Other phones: +49 30 1234567 (home)",
			}),
			imported(model.Contact{Name: "山田花子", Phone: "090-1234-5678", Notes: "また会いましょう🌻"}),
			imported(model.Contact{Name: "+1 555 0100", Phone: "+1 555 0100"}),
		}, [][]string{nil, {"photo (PHOTO)"}, nil}, []string{
			"card 3 (+1 555 0100): it has no name, so it is named after its phone number",
		}},

		{"google-3.0.vcf", []model.Contact{
			imported(model.Contact{
				Name: "Dee Okafor", Nickname: "Dee", Group: "Mission Clinic",
				Phone: "+1 415-555-0134", Email: "dee.okafor@example.com",
				Notes: "Therapist. Thursdays 4pm.\n\n" +
					"Other phones: +1 415-555-0199 (work), (415) 555-0111 (home), +1 415-555-0198 (work fax), +1 415 555 0177 (Crisis line)\n" +
					"Other emails: d.okafor@clinic.example.org (work)",
				Tags: []string{"Recovery", "Sponsor, backup"},
			}),
			// The same number twice is one phone; Google's label "Family"
			// names the circle, and "family" is a tag.
			withCircle(model.CircleFamily, imported(model.Contact{Name: "Ben Carter", Phone: "07700 900456", Tags: []string{"family", "starred"}})),
		}, [][]string{{"address (ADR)", "job title (TITLE)"}, nil}, nil},

		{"latin1.vcf", []model.Contact{
			imported(model.Contact{Name: "Renée Dupré", Group: "Groupe du mardi à Lyon", Phone: "+33 1 23 45 67 89", Notes: "Café après la réunion"}),
			// No CHARSET, and bytes that are not UTF-8: Windows-1252.
			imported(model.Contact{Name: "Zoë Martin", Phone: "06 12 34 56 78", Notes: "“Smart quotes” from Outlook"}),
			imported(model.Contact{Name: "Worf", Notes: "Qaplaé"}),
		}, [][]string{nil, nil, nil}, []string{
			`card 3 (Worf): the character set "X-MAC-KLINGON" is not one Tether reads; its text was read as Windows-1252`,
		}},

		{"messy.vcf", []model.Contact{
			// No FN: N, given names first. A "phone" of letters and an
			// address that is no address are kept in the notes.
			imported(model.Contact{Name: "Kenji Taro Nakamura", Phone: "555-0142", Notes: "Other phones: CALLME\nOther emails: not-an-email"}),
			// Red Alert and Sam have no END:VCARD: they may have been cut
			// off, so they are named and left out.
		}, [][]string{
			// N's title "Dr." is not in the name.
			{"part of the name (N)", "other field (X-CUSTOM-FIELD)"},
		}, []string{
			"lines 1 to 2 are outside any card and were ignored",
			"line 12 is outside any card and was ignored",
			"card 2: it has no name, organisation, email or phone, so it was skipped",
			"line 18 is outside any card and was ignored",
			"card 3 (Red Alert): it has no END:VCARD line before the next BEGIN:VCARD, so it may have been cut off and was not imported",
			"card 4 (Sam): it has no END:VCARD line before the end of the file, so it may have been cut off and was not imported",
		}},

		{"v4.vcf", []model.Contact{
			withCircle(model.CircleHealthcare, imported(model.Contact{
				Name: "Priya Raman", Nickname: "Pri, PR", Group: "NHS Trust, Addictions Service",
				Phone: "+44-20-7946-0100 ext. 204", Email: "priya@example.net",
				Notes: "Keyworker. Line one\nLine two\\with backslash\n\nOther phones: +44-7700-900321 (mobile)",
				Tags:  []string{"keyworker"},
			})),
			imported(model.Contact{Name: "Tuesday SMART meeting", Notes: "Room 4, St Mary's hall. We meet at 7 and the door closes at 7:15; ring the bell if late."}),
		}, [][]string{nil, {"group member (MEMBER)"}}, nil},

		{"samsung-2.1.vcf", []model.Contact{
			imported(model.Contact{
				Name: "João Pedro Gonçalves", Nickname: "Jota", Group: "Grupo de terça",
				Phone: "+351 912 345 678", Email: "joao.goncalves@example.pt",
				Birthday: model.Birthday{Year: 1980, Month: time.April, Day: 2},
				// Soft line breaks: the blank the next line begins with
				// stays, and 🌻's bytes are joined across the break.
				Notes: "Padrinho desde 2021. Liga-lhe depois das 18h — nunca antes das 9h.\nSegunda linha, com acentuação e um girassol 🌻.\n\n" +
					"Other phones: +351 21 123 4567 (work)",
			}),
			// No FN: the name from N, quoted-printable across a soft break.
			imported(model.Contact{
				Name: "Ольга Иванова", Phone: "8 (495) 123-45-67",
				Birthday: model.Birthday{Year: 1975, Month: time.August, Day: 23}, Notes: "Позвонить в воскресенье.",
			}),
			imported(model.Contact{
				Name: "Dee Okafor", Phone: "07700 900456", Birthday: model.Birthday{Month: time.December, Day: 24},
				Notes: "Other phones: 020 7946 0018 (home)",
			}),
		}, [][]string{
			{"address (ADR)", "job title (TITLE)", "web address (URL)", "related person (X-ANDROID-CUSTOM)", "photo (PHOTO)"},
			nil,
			{"date (X-ANDROID-CUSTOM)"},
		}, nil},

		{"ios-3.0.vcf", []model.Contact{
			withCircle(model.CirclePeer, imported(model.Contact{
				Name: "Kenji Nakamura", Nickname: "Ken", Group: "St Mary's Recovery Centre, Outreach",
				Phone: "+44 7700 900777", Email: "kenji@example.org",
				Birthday: model.Birthday{Year: 1979, Month: time.November, Day: 30},
				Notes: "Met at the Thursday night meeting.\nHe said: call any time, really; texts are fine too.\n\n" +
					"Other phones: +44 20 7946 0555 (Crisis line (24h))",
				Tags: []string{"Thursday"},
			})),
			// Apple's placeholder year is no year.
			withCircle(model.CircleFamily, imported(model.Contact{
				Name: "Mum", Phone: "07700 900123", Birthday: model.Birthday{Month: time.April, Day: 2},
				Notes: "Sunday calls. Ask about the garden.",
			})),
			// A company card: ORG is the name, and not the group again.
			imported(model.Contact{Name: "Samaritans", Phone: "116 123"}),
		}, [][]string{
			{
				"2 phonetic names (X-PHONETIC-FIRST-NAME, X-PHONETIC-LAST-NAME)", "job title (TITLE)", "address (ADR)",
				"web address (URL)", "date (X-ABDATE)", "related person (X-ABRELATEDNAMES)",
				"social profile (X-SOCIALPROFILE)", "messaging address (IMPP)", "photo (PHOTO)",
			},
			nil,
			{"web address (URL)"},
		}, nil},

		{"nextcloud-4.0.vcf", []model.Contact{
			withCircle(model.CircleSponsor, imported(model.Contact{
				Name: "Siobhán Ní Bhriain", Phone: "+353-87-123-4567", Email: "siobhan@example.ie",
				Birthday: model.Birthday{Month: time.April, Day: 2}, RecoveryDate: day(2019, 3, 10),
				Notes: "Sponsor. Prefers a text first; then a call.\nMeets at 7, Tuesdays.\n\n" +
					"Other phones: +353-1-234-5678 (home)",
				Tags: []string{"Tuesday group"},
			})),
			imported(model.Contact{Name: "Tuesday SMART meeting", Phone: "0161 496 0000 ext. 2", Notes: "Room 4, St Mary's hall."}),
		}, [][]string{
			{"gender (GENDER)", "language (LANG)", "time zone (TZ)", "map location (GEO)", "address (ADR)", "related person (RELATED)", "photo (PHOTO)"},
			{"web address (URL)"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "vcard", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseVCards(data)
			if err != nil {
				t.Fatalf("ParseVCards: %v", err)
			}
			got := r.Contacts
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("contacts:")
				for i := range max(len(got), len(tt.want)) {
					var g, w model.Contact
					if i < len(got) {
						g = got[i]
					}
					if i < len(tt.want) {
						w = tt.want[i]
					}
					if !reflect.DeepEqual(g, w) {
						t.Errorf(" %d: got  %+v\n    want %+v", i+1, g, w)
					}
				}
			}
			if !reflect.DeepEqual(r.NotKept, tt.notKept) {
				t.Errorf("not kept:\n got  %q\n want %q", r.NotKept, tt.notKept)
			}
			if !reflect.DeepEqual(r.Warnings, tt.warnings) {
				t.Errorf("warnings:\n got  %q\n want %q", r.Warnings, tt.warnings)
			}
			for _, c := range got {
				if p := c.Validate(model.Date{}); len(p) > 0 {
					t.Errorf("%s does not validate: %v", c.Name, p)
				}
			}
		})
	}
}

func withCircle(circle model.Circle, c model.Contact) model.Contact {
	c.Circle = circle
	return c
}

func TestParseVCardsNoCard(t *testing.T) {
	for _, in := range []string{"", "\r\n", "Name,Phone\r\nSam,555 0101\r\n", "END:VCARD\r\n", "{\"format\": \"tether-journal\"}"} {
		cs, ws, err := parseVCards([]byte(in))
		if !errors.Is(err, ErrNoVCard) || cs != nil || ws != nil {
			t.Errorf("ParseVCards(%q) = %v, %v, %v; want ErrNoVCard", in, cs, ws, err)
		}
	}
	if want := "this file holds no vCard (no BEGIN:VCARD line)"; ErrNoVCard.Error() != want {
		t.Errorf("ErrNoVCard = %q", ErrNoVCard)
	}
}

func TestParseVCardsDetails(t *testing.T) {
	const begin, end = "BEGIN:VCARD\r\nVERSION:3.0\r\n", "END:VCARD\r\n"
	long := strings.Repeat("ab ", 4000) // 12,000 characters
	tests := []struct {
		name     string
		in       string
		want     model.Contact
		warnings []string
	}{
		{"folded with a space and a tab", begin + "FN:Sam\r\n  Lee\r\nNOTE:one\r\n\ttwo\r\n" + end,
			model.Contact{Name: "Sam Lee", Notes: "onetwo"}, nil},
		{"LF line ends", strings.ReplaceAll(begin+"FN:Sam\r\n Lee\r\n"+end, "\r\n", "\n"),
			model.Contact{Name: "SamLee"}, nil},
		{"old Mac CR line ends", strings.ReplaceAll(begin+"FN:Sam\r\nTEL:555 0101\r\n"+end, "\r\n", "\r"),
			model.Contact{Name: "Sam", Phone: "555 0101"}, nil},
		{"2.1 folding keeps the space", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Sam\r\n Lee\r\n" + end,
			model.Contact{Name: "Sam Lee"}, nil},
		{"quoted-printable soft break with blanks after the =", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Jo=  \r\nse\r\n" + end,
			model.Contact{Name: "Jose"}, nil},
		{"a broken soft break does not swallow END", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;QUOTED-PRINTABLE:Jo=\r\nEND:VCARD\r\n",
			model.Contact{Name: "Jo"}, nil},
		{"quoted-printable that is not", begin + "FN;ENCODING=QUOTED-PRINTABLE:A=B =zz\r\n" + end,
			model.Contact{Name: "A=B =zz"}, nil},
		{"base64 text", begin + "FN;ENCODING=b;CHARSET=UTF-8:Wm/Dqw==\r\n" + end,
			model.Contact{Name: "Zoë"}, nil},
		{"escapes", begin + `FN:Dr\, Sam\; \\o/` + "\r\nNOTE:a\\nb\\Nc\\:d C:\\temp\r\n" + end,
			model.Contact{Name: `Dr, Sam; \o/`, Notes: "a\nb\nc:d C:\\temp"}, nil},
		{"line breaks in a name", begin + `FN:Sam\nLee` + "\r\n" + end,
			model.Contact{Name: "Sam Lee"}, nil},
		{"lower-case names and a group", "begin:vcard\r\nversion:3.0\r\nfn:Sam\r\nA.tel;type=cell:555 0101\r\nend:vcard\r\n",
			model.Contact{Name: "Sam", Phone: "555 0101"}, nil},
		{"tel URI with an extension and PREF", strings.Replace(begin, "3.0", "4.0", 1) + "FN:Sam\r\nTEL;VALUE=uri:tel:+1-555-0100\r\nTEL;VALUE=uri;PREF=1:tel:+1-555-0199;ext=12\r\n" + end,
			model.Contact{Name: "Sam", Phone: "+1-555-0199 ext. 12", Notes: "Other phones: +1-555-0100"}, nil},
		{"TYPE=pref wins over order", begin + "FN:Sam\r\nEMAIL:a@example.org\r\nEMAIL;TYPE=INTERNET,pref:b@example.org\r\n" + end,
			model.Contact{Name: "Sam", Email: "b@example.org", Notes: "Other emails: a@example.org"}, nil},
		{"mailto", begin + "FN:Sam\r\nEMAIL:mailto:sam@example.org\r\n" + end,
			model.Contact{Name: "Sam", Email: "sam@example.org"}, nil},
		{"named after the email", begin + "EMAIL:sam@example.org\r\nTEL:555 0101\r\n" + end,
			model.Contact{Name: "sam@example.org", Email: "sam@example.org", Phone: "555 0101"},
			[]string{"card 1 (sam@example.org): it has no name, so it is named after its email address"}},
		{"a name of nothing visible falls back to N", begin + "FN:\u200b\u200b\r\nN:Lee;Sam;;;\r\n" + end,
			model.Contact{Name: "Sam Lee"},
			[]string{`card 1 (Sam Lee): its name could not be used (a name needs at least one visible character), so it is named "Sam Lee"`}},
		{"multiple given names", begin + "N:García Márquez;Ana,María;;Dr.;\r\n" + end,
			model.Contact{Name: "Ana María García Márquez"}, nil},
		{"ORG of several parts is the group", begin + "FN:Sam\r\nORG:Clinic\\, North;Ward 3;\r\n" + end,
			model.Contact{Name: "Sam", Group: "Clinic, North, Ward 3"}, nil},
		{"long notes are cut", begin + "FN:Sam\r\nTEL:555 0101\r\nTEL:555 0102\r\nNOTE:" + long + "\r\n" + end,
			model.Contact{Name: "Sam", Phone: "555 0101",
				Notes: strings.TrimRight(long[:model.MaxNotesLen-len("\n\nOther phones: 555 0102")-1], " ") + "…\n\nOther phones: 555 0102"},
			[]string{"card 1 (Sam): its notes were longer than 10000 characters and were cut"}},
		{"a nickname too long for its field", begin + "FN:Sam\r\nNICKNAME:" + strings.Repeat("x", 201) + "\r\n" + end,
			model.Contact{Name: "Sam", Notes: "Nickname: " + strings.Repeat("x", 201)}, nil},
		{"a name too long", begin + "FN:" + strings.Repeat("x", 201) + "\r\n" + end,
			model.Contact{}, []string{"card 1 (" + strings.Repeat("x", 39) + "…): skipped: that name is 201 characters; please keep it to 200"}},
		{"BEGIN inside a card starts the next", begin + "FN:Sam\r\n" + begin + "FN:Lee\r\n" + end,
			model.Contact{Name: "Lee"}, []string{"card 1 (Sam): it has no END:VCARD line before the next BEGIN:VCARD, so it may have been cut off and was not imported"}},
		{"a card cut off mid-value is not imported", begin + "FN:Sam\r\nTEL:+1 555 01",
			model.Contact{}, []string{"card 1 (Sam): it has no END:VCARD line before the end of the file, so it may have been cut off and was not imported"}},
		{"bidi controls and escapes leave a name", begin + "FN:\u202eSam\x1b[2J\x07\r\n" + end,
			model.Contact{Name: "Sam"}, nil},
		{"valid UTF-8 labelled Latin-1 is UTF-8", begin + "FN;CHARSET=ISO-8859-1:Zoë\r\n" + end,
			model.Contact{Name: "Zoë"}, nil},
		{"Windows-1251", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=windows-1251:\xc8\xe2\xe0\xed\r\n" + end,
			model.Contact{Name: "Иван"}, nil},
		{"BOM", "\uFEFF" + begin + "FN:Sam\r\n" + end, model.Contact{Name: "Sam"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := parseVCards([]byte(tt.in))
			if err != nil {
				t.Fatalf("ParseVCards: %v", err)
			}
			var want []model.Contact
			if tt.want.Name != "" {
				want = []model.Contact{imported(tt.want)}
			}
			if len(got) > 1 {
				got = got[:1] // the cases are about the first card
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("contacts:\n got  %+v\n want %+v", got, want)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings:\n got  %q\n want %q", warnings, tt.warnings)
			}
		})
	}
}

func TestParseVCardsUTF16(t *testing.T) {
	text := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë 🌻\r\nTEL:555 0101\r\nEND:VCARD\r\n"
	for _, big := range []bool{false, true} {
		units := utf16.Encode([]rune(text))
		data := []byte{0xFF, 0xFE}
		if big {
			data = []byte{0xFE, 0xFF}
		}
		for _, u := range units {
			if big {
				data = append(data, byte(u>>8), byte(u))
			} else {
				data = append(data, byte(u), byte(u>>8))
			}
		}
		got, ws, err := parseVCards(data)
		want := []model.Contact{imported(model.Contact{Name: "Zoë 🌻", Phone: "555 0101"})}
		if err != nil || ws != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("UTF-16 (big endian %v): %+v, %q, %v", big, got, ws, err)
		}
	}
}

func FuzzParseVCards(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "vcard", "*.vcf"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:=E9=\n=\nEND:VCARD"))
	f.Add([]byte("BEGIN:VCARD\r\nFN:\x1b]0;x\x07\r\nTEL:tel:+1;ext=2\r\nEMAIL:mailto:mailto:a@b.c\r\n"))
	f.Add([]byte("BEGIN:VCARD\r\nFN:Sam\r\nBDAY;VALUE=date:--0229T10\r\nANNIVERSARY:2014-01-15T00:00:00Z\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\nANNIVERSARY:--0115\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nFN:Lee\r\nBDAY:2001-02-29\r\nBDAY:19850309\r\nANNIVERSARY;VALUE=text:soon\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:2.1\r\nN:;;;;\r\nX-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jo\\;ey;1;;\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Maria;14\r\nFN:Jo\r\nFN:Joey\r\nORG:A\r\nORG:B\r\nBDAY:--0101\r\nBDAY:--0202\r\n" +
		"CATEGORIES:myContacts,other,Sponsor,sponsor or mentor,Family\r\nX-ANNIVERSARY:2014-01-15\r\nX-ANNIVERSARY:2015-01-15\r\n" +
		"item1.ADR:;;x\r\nitem1.X-ABLabel:home\r\nPHOTO:a\r\nPHOTO:b\r\nX-1:a\r\nX-2:b\r\nEND:VCARD\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseVCards(data)
		if err != nil {
			if !errors.Is(err, ErrNoVCard) || !reflect.DeepEqual(r, VCards{}) {
				t.Fatalf("ParseVCards = %+v, %v", r, err)
			}
			return
		}
		if len(r.NotKept) != len(r.Contacts) {
			t.Fatalf("%d lists of what was not kept for %d contacts", len(r.NotKept), len(r.Contacts))
		}
		for _, w := range slices.Concat(append(r.NotKept, r.Warnings)...) {
			if w == "" || !utf8.ValidString(w) || hasAnyControl(w) {
				t.Fatalf("message %q is empty, or holds control characters or broken UTF-8", w)
			}
		}
		for _, c := range r.Contacts {
			if p := c.Validate(model.Date{}); len(p) > 0 {
				t.Fatalf("contact %+v does not validate: %v", c, p)
			}
			if !reflect.DeepEqual(c, c.Normalize()) {
				t.Fatalf("contact %+v is not normalized", c)
			}
			// What was imported exports, in either version, and imports
			// again unchanged, with nothing left out.
			for _, v := range VCardVersions {
				var b bytes.Buffer
				if err := EncodeVCards(&b, []model.Contact{c}, v); err != nil {
					t.Fatal(err)
				}
				back, err := ParseVCards(b.Bytes())
				if err != nil || len(back.Warnings) > 0 || len(back.Contacts) != 1 || back.NotKept[0] != nil ||
					!reflect.DeepEqual(vcardFields(back.Contacts[0]), vcardFields(c)) {
					t.Fatalf("%s round trip of %+v gave %+v, %v\n%s", v, c, back, err, b.Bytes())
				}
			}
		}
	})
}

// BenchmarkParseVCards reads 500 phone contacts, each with a photo.
func BenchmarkParseVCards(b *testing.B) {
	one, err := os.ReadFile(filepath.Join("testdata", "vcard", "iphone-3.0.vcf"))
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(one, 250)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if cs, _, err := parseVCards(data); err != nil || len(cs) != 500 {
			b.Fatalf("ParseVCards: %d contacts, %v", len(cs), err)
		}
	}
}

// TestVCardTestdataIsRaw guards the test files against an editor or a
// checkout that would tidy away what they test.
func TestVCardTestdataIsRaw(t *testing.T) {
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", "vcard", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if d := read("iphone-3.0.vcf"); !bytes.Contains(d, []byte("\r\n ")) || bytes.Count(d, []byte("\n")) != bytes.Count(d, []byte("\r\n")) {
		t.Errorf("iphone-3.0.vcf lost its CRLF line ends or its folding")
	}
	for _, name := range []string{"android-2.1.vcf", "samsung-2.1.vcf"} {
		if d := read(name); !bytes.Contains(d, []byte("=\r\n")) {
			t.Errorf("%s lost its quoted-printable soft line breaks", name)
		}
	}
	for _, name := range []string{"ios-3.0.vcf", "nextcloud-4.0.vcf"} {
		if d := read(name); !bytes.Contains(d, []byte("\r\n ")) || bytes.Count(d, []byte("\n")) != bytes.Count(d, []byte("\r\n")) {
			t.Errorf("%s lost its CRLF line ends or its folding", name)
		}
	}
	if d := read("latin1.vcf"); utf8.Valid(d) || !bytes.Contains(d, []byte("Ren\xe9e")) {
		t.Errorf("latin1.vcf is no longer Latin-1")
	}
	if d := read("messy.vcf"); bytes.Contains(d, []byte("\r")) || !bytes.Contains(d, []byte("\x1b[31m")) {
		t.Errorf("messy.vcf lost its LF line ends or its escape sequences")
	}
}

// TestVCardDates: BDAY and ANNIVERSARY as phones and address books write
// them, with or without the year or a time; what is not a day is named
// and left out, and the card kept.
func TestVCardDates(t *testing.T) {
	tests := []struct {
		props    string
		birthday model.Birthday
		recovery model.Date
		warning  string
	}{
		{"BDAY:19850309", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY;VALUE=date:1985-03-09", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:--0309", model.Birthday{Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:--03-09", model.Birthday{Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:1985-03-09T00:00:00Z", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:--0229", model.Birthday{Month: time.February, Day: 29}, model.Date{}, ""},
		{"ANNIVERSARY:20140115", model.Birthday{}, model.Date{Year: 2014, Month: time.January, Day: 15}, ""},
		{"BDAY:19850309T000000", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:--0309T1200", model.Birthday{Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:--03-09T12:00:00", model.Birthday{Month: time.March, Day: 9}, model.Date{}, ""},
		{"bday;value=DATE: 1985-03-09 ", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		{"item1.BDAY;VALUE=date-and-or-time:1988-02-29T23:59:59+14:00", model.Birthday{Year: 1988, Month: time.February, Day: 29}, model.Date{}, ""},
		// Apple's placeholder year for a birthday without one.
		{"BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-09", model.Birthday{Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY;X-APPLE-OMIT-YEAR=1604;VALUE=date:16040229", model.Birthday{Month: time.February, Day: 29}, model.Date{}, ""},
		{"BDAY;X-APPLE-OMIT-YEAR=1604:1985-03-09", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		// The first day is kept; another is not a second birthday.
		{"BDAY:19850309\r\nBDAY:19860410", model.Birthday{Year: 1985, Month: time.March, Day: 9}, model.Date{}, ""},
		{"BDAY:19850309\r\nANNIVERSARY;VALUE=date:2014-01-15", model.Birthday{Year: 1985, Month: time.March, Day: 9}, day(2014, 1, 15), ""},
		{"ANNIVERSARY:2014-01-15T10:00:00Z", model.Birthday{}, day(2014, 1, 15), ""},
		{"ANNIVERSARY:20200229", model.Birthday{}, day(2020, 2, 29), ""},
		{"BDAY:circa 1985", model.Birthday{}, model.Date{}, "its birthday \"circa 1985\" is not a day of the year, so it was left out"},
		{"BDAY:2001-02-29", model.Birthday{}, model.Date{}, "its birthday \"2001-02-29\" is not a day of the year, so it was left out"},
		{"BDAY:1985", model.Birthday{}, model.Date{}, "its birthday \"1985\" is not a day of the year, so it was left out"},
		{"BDAY:1604-03-09", model.Birthday{}, model.Date{}, "its birthday \"1604-03-09\" is not a day of the year, so it was left out"},
		// An empty value says nothing, and loses nothing: no warning.
		{"BDAY:\r\nANNIVERSARY;VALUE=date: ", model.Birthday{}, model.Date{}, ""},
		{"BDAY:\r\nBDAY:--0309", model.Birthday{Month: time.March, Day: 9}, model.Date{}, ""},
		{"ANNIVERSARY:--0115", model.Birthday{}, model.Date{}, "its anniversary \"--0115\" is not a date with its year, so it was left out"},
		{"ANNIVERSARY;VALUE=text:last spring", model.Birthday{}, model.Date{}, "its anniversary \"last spring\" is not a date with its year, so it was left out"},
		{"ANNIVERSARY:2014-13-01", model.Birthday{}, model.Date{}, "its anniversary \"2014-13-01\" is not a date with its year, so it was left out"},
	}
	for _, tt := range tests {
		card := "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam\r\n" + tt.props + "\r\nEND:VCARD\r\n"
		got, warnings, err := parseVCards([]byte(card))
		if err != nil || len(got) != 1 {
			t.Fatalf("%s: %d contacts, %v", tt.props, len(got), err)
		}
		if got[0].Birthday != tt.birthday || got[0].RecoveryDate != tt.recovery {
			t.Errorf("%s: birthday %v, recovery date %v", tt.props, got[0].Birthday, got[0].RecoveryDate)
		}
		if tt.warning == "" && len(warnings) > 0 || tt.warning != "" && (len(warnings) != 1 || !strings.Contains(warnings[0], tt.warning)) {
			t.Errorf("%s: warnings %q; want %q", tt.props, warnings, tt.warning)
		}
	}
}
