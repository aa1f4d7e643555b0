package journalfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
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

func TestParseVCardsFiles(t *testing.T) {
	tests := []struct {
		file     string
		want     []model.Contact
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
		}, []string{
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
			// The same number twice is one phone; "family" repeats "Family".
			imported(model.Contact{Name: "Ben Carter", Phone: "07700 900456", Tags: []string{"Family", "starred"}}),
		}, nil},

		{"latin1.vcf", []model.Contact{
			imported(model.Contact{Name: "Renée Dupré", Group: "Groupe du mardi à Lyon", Phone: "+33 1 23 45 67 89", Notes: "Café après la réunion"}),
			// No CHARSET, and bytes that are not UTF-8: Windows-1252.
			imported(model.Contact{Name: "Zoë Martin", Phone: "06 12 34 56 78", Notes: "“Smart quotes” from Outlook"}),
			imported(model.Contact{Name: "Worf", Notes: "Qaplaé"}),
		}, []string{
			`card 3 (Worf): the character set "X-MAC-KLINGON" is not one Tether reads; its text was read as Windows-1252`,
		}},

		{"messy.vcf", []model.Contact{
			// No FN: N, given names first. A "phone" of letters and an
			// address that is no address are kept in the notes.
			imported(model.Contact{Name: "Kenji Taro Nakamura", Phone: "555-0142", Notes: "Other phones: CALLME\nOther emails: not-an-email"}),
			// Red Alert and Sam have no END:VCARD: they may have been cut
			// off, so they are named and left out.
		}, []string{
			"lines 1 to 2 are outside any card and were ignored",
			"line 12 is outside any card and was ignored",
			"card 2: it has no name, organisation, email or phone, so it was skipped",
			"line 18 is outside any card and was ignored",
			"card 3 (Red Alert): it has no END:VCARD line before the next BEGIN:VCARD, so it may have been cut off and was not imported",
			"card 4 (Sam): it has no END:VCARD line before the end of the file, so it may have been cut off and was not imported",
		}},

		{"v4.vcf", []model.Contact{
			imported(model.Contact{
				Name: "Priya Raman", Nickname: "Pri, PR", Group: "NHS Trust, Addictions Service",
				Phone: "+44-20-7946-0100 ext. 204", Email: "priya@example.net",
				Notes: "Keyworker. Line one\nLine two\\with backslash\n\nOther phones: +44-7700-900321 (mobile)",
				Tags:  []string{"healthcare", "keyworker"},
			}),
			imported(model.Contact{Name: "Tuesday SMART meeting", Notes: "Room 4, St Mary's hall. We meet at 7 and the door closes at 7:15; ring the bell if late."}),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "vcard", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, warnings, err := ParseVCards(data)
			if err != nil {
				t.Fatalf("ParseVCards: %v", err)
			}
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
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings:\n got  %q\n want %q", warnings, tt.warnings)
			}
			for _, c := range got {
				if p := c.Validate(model.Date{}); len(p) > 0 {
					t.Errorf("%s does not validate: %v", c.Name, p)
				}
			}
		})
	}
}

func TestParseVCardsNoCard(t *testing.T) {
	for _, in := range []string{"", "\r\n", "Name,Phone\r\nSam,555 0101\r\n", "END:VCARD\r\n", "{\"format\": \"tether-journal\"}"} {
		cs, ws, err := ParseVCards([]byte(in))
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
			got, warnings, err := ParseVCards([]byte(tt.in))
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
		got, ws, err := ParseVCards(data)
		want := []model.Contact{imported(model.Contact{Name: "Zoë 🌻", Phone: "555 0101"})}
		if err != nil || ws != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("UTF-16 (big endian %v): %+v, %q, %v", big, got, ws, err)
		}
	}
}

func TestEncodeVCards(t *testing.T) {
	cs := []model.Contact{
		{ID: 1, Name: "Ana Lima", Nickname: "Annie, the 1st", Phone: "+44-7700-900123", Email: "ana@example.org",
			Notes: "Line one\nCall after 6; never before.\\", Tags: []string{"AA", "any, time"}, Group: "Ward 3; alumni",
			Circle: model.CircleSponsor, Importance: 5,
			Birthday: model.Birthday{Year: 1985, Month: time.March, Day: 9}, RecoveryDate: day(2023, 1, 15)},
		{Name: "Sam", Phone: "555 0101", Birthday: model.Birthday{Month: time.February, Day: 29}},
	}
	want := "BEGIN:VCARD\r\n" +
		"VERSION:4.0\r\n" +
		"FN:Ana Lima\r\n" +
		"NICKNAME:Annie\\, the 1st\r\n" +
		"TEL;VALUE=uri:tel:+44-7700-900123\r\n" +
		"EMAIL:ana@example.org\r\n" +
		"NOTE:Line one\\nCall after 6; never before.\\\\\r\n" +
		"CATEGORIES:AA,any\\, time\r\n" +
		"ORG:Ward 3\\; alumni\r\n" +
		"BDAY:19850309\r\n" +
		"ANNIVERSARY:20230115\r\n" +
		"END:VCARD\r\n" +
		"BEGIN:VCARD\r\n" +
		"VERSION:4.0\r\n" +
		"FN:Sam\r\n" +
		"TEL;VALUE=text:555 0101\r\n" +
		"BDAY:--0229\r\n" +
		"END:VCARD\r\n"
	var b bytes.Buffer
	if err := EncodeVCards(&b, cs); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("EncodeVCards:\n%s\nwant:\n%s\n%s", b.String(), want, firstDiff(b.String(), want))
	}
}

// vcardFields is what a vCard carries of a contact.
func vcardFields(c model.Contact) model.Contact {
	return model.Contact{Name: c.Name, Nickname: c.Nickname, Phone: c.Phone, Email: c.Email, Notes: c.Notes, Tags: c.Tags, Group: c.Group,
		Birthday: c.Birthday, RecoveryDate: c.RecoveryDate}
}

func TestVCardRoundTrip(t *testing.T) {
	notes := "Ünïcödé all the way: " + strings.Repeat("é🌻ا", 60) + "\n\ttabbed\n\nC:\\path\\n, not a break; ok"
	cs := []model.Contact{
		{Name: "Ana Lima", Nickname: "Annie", Phone: "+44 7700 900123", Email: "ana@example.org",
			Notes: notes, Tags: []string{"AA", "a,b", `back\slash`, "مرحبا"}, Group: "Ward 3, alumni; Tuesdays"},
		{Name: "山田花子 " + strings.Repeat("花", 80), Phone: "+81-90-1234-5678"},
		{Name: "Dr. O'Brien, Jr.", Nickname: "Bo, Jr", Phone: "(555) 010-0199 ext. 2", Email: "bo,jr@example.org"},
		{Name: "Tuesday SMART meeting", Notes: "\n  leading lines and spaces stay"},
		{Name: "Zoë", Birthday: model.Birthday{Month: time.February, Day: 29}},
		{Name: "Denise", Birthday: model.Birthday{Year: 1970, Month: time.December, Day: 31}, RecoveryDate: model.Date{Year: 2014, Month: time.January, Day: 15}},
		{Name: "Leap", Birthday: model.Birthday{Year: 1988, Month: time.February, Day: 29}, RecoveryDate: day(2020, 2, 29)},
	}
	for i := range cs {
		cs[i] = cs[i].Normalize()
		if p := cs[i].Validate(model.Date{}); len(p) > 0 {
			t.Fatalf("test contact %d is not valid: %v", i, p)
		}
	}
	var b bytes.Buffer
	if err := EncodeVCards(&b, cs); err != nil {
		t.Fatal(err)
	}
	assertFolded(t, b.Bytes())
	got, warnings, err := ParseVCards(b.Bytes())
	if err != nil || warnings != nil {
		t.Fatalf("ParseVCards: %v, %q", err, warnings)
	}
	if len(got) != len(cs) {
		t.Fatalf("read back %d contacts, want %d", len(got), len(cs))
	}
	for i := range cs {
		if g, w := vcardFields(got[i]), vcardFields(cs[i]); !reflect.DeepEqual(g, w) {
			t.Errorf("contact %d read back as\n %+v\nwant\n %+v", i, g, w)
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
	// Every split position against characters of 1 to 4 bytes.
	for _, r := range []string{"a", "é", "花", "🌻"} {
		for pad := range 8 {
			c := model.Contact{Name: strings.Repeat("x", pad) + strings.Repeat(r, 190), Notes: strings.Repeat(r, 300)}
			var b bytes.Buffer
			if err := EncodeVCards(&b, []model.Contact{c}); err != nil {
				t.Fatal(err)
			}
			assertFolded(t, b.Bytes())
			got, _, err := ParseVCards(b.Bytes())
			if err != nil || len(got) != 1 || got[0].Name != c.Name || got[0].Notes != c.Notes {
				t.Errorf("%q padded by %d did not read back: %v", r, pad, err)
			}
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
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, warnings, err := ParseVCards(data)
		if err != nil {
			if !errors.Is(err, ErrNoVCard) || cs != nil || warnings != nil {
				t.Fatalf("ParseVCards = %v, %q, %v", cs, warnings, err)
			}
			return
		}
		for _, w := range warnings {
			if !utf8.ValidString(w) || hasAnyControl(w) {
				t.Fatalf("warning %q holds control characters or broken UTF-8", w)
			}
		}
		for _, c := range cs {
			if p := c.Validate(model.Date{}); len(p) > 0 {
				t.Fatalf("contact %+v does not validate: %v", c, p)
			}
			if !reflect.DeepEqual(c, c.Normalize()) {
				t.Fatalf("contact %+v is not normalized", c)
			}
			// What was imported exports and imports again unchanged.
			var b bytes.Buffer
			if err := EncodeVCards(&b, []model.Contact{c}); err != nil {
				t.Fatal(err)
			}
			back, ws, err := ParseVCards(b.Bytes())
			if err != nil || len(ws) > 0 || len(back) != 1 || !reflect.DeepEqual(vcardFields(back[0]), vcardFields(c)) {
				t.Fatalf("round trip of %+v gave %+v, %q, %v\n%s", c, back, ws, err, b.Bytes())
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
		if cs, _, err := ParseVCards(data); err != nil || len(cs) != 500 {
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
	if d := read("android-2.1.vcf"); !bytes.Contains(d, []byte("=\r\n")) {
		t.Errorf("android-2.1.vcf lost its quoted-printable soft line breaks")
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
		got, warnings, err := ParseVCards([]byte(card))
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
