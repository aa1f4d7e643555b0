package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"
)

const family = "👨‍👩‍👧‍👦" // four people joined by ZWJ: one character on screen

var validateToday = day(2024, 3, 9)

// fullContact is a contact with every field filled in validly.
func fullContact() Contact {
	return Contact{
		Name: "Zoë 🌻 O'Brien", Nickname: "Zo", Circle: CircleSponsor,
		Group: "Tuesday SMART meeting", Phone: "+44 20 7946 0018", Email: "zoe@example.org",
		Preferred: ChannelText, Availability: "evenings, UK time",
		AnyTime: true, AnyTimeSince: day(2024, 1, 5), Distraction: true,
		Importance: 5, Supportive: 4, Stance: StanceSupports,
		KnownSince: day(2019, 6, 1), CadenceDays: 7,
		Notes: "Met at the Tuesday meeting.\nDon't call before 9.\n\tPrefers texts.",
		Tags:  []string{"sponsor", "Café"},
	}
}

// problemFields lists the fields with problems, sorted.
func problemFields(p Problems) []string {
	var fs []string
	for f := range p {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return fs
}

func TestValidateFullContact(t *testing.T) {
	c := fullContact().Normalize()
	if p := c.Validate(validateToday); len(p) != 0 {
		t.Errorf("a fully filled valid contact has problems: %v", p)
	}
	if p := (Contact{Name: "Sam"}).Normalize().Validate(validateToday); len(p) != 0 {
		t.Errorf("a contact with only a name has problems: %v", p)
	}
}

func TestValidateName(t *testing.T) {
	const (
		needed  = "A name is needed"
		tooLong = "please keep it to 200"
		control = "line breaks or control characters"
	)
	a := strings.Repeat
	tests := []struct {
		name string
		in   string
		// problem is text the name's message must contain; "" means the
		// name must be accepted.
		problem string
	}{
		{"plain", "Sam", ""},
		{"trimmed", "  Sam  ", ""},
		{"Arabic", "عائشة", ""},
		{"Chinese", "王芳", ""},
		{"Cyrillic", "Ольга Петровна", ""},
		{"Hindi", "नमस्ते", ""},
		{"Hebrew with points", "שָׁלוֹם", ""},
		{"emoji and apostrophe", "Zoë 🌻 O'Brien", ""},
		{"ZWJ family emoji alone", family, ""},
		{"a group", "Tuesday SMART meeting", ""},
		{"single letter", "Z", ""},
		{"inner spaces kept", "Mary  Ann", ""},

		{"zero-width space only", "\u200b", "visible character"},
		{"BOM only", "\ufeff", "visible character"},
		{"word joiner only", "\u2060", "visible character"},
		{"right-to-left override", "\u202eSam", control},
		{"isolate", "Sam\u2066x\u2069", control},
		{"line separator", "Sam\u2028Smith", control},
		{"broken UTF-8", "Zo\xebe", "not UTF-8"},
		{"ZWJ inside emoji is fine", "Sam 👩\u200d💻", ""},

		{"empty", "", needed},
		{"spaces", "     ", needed},
		{"tabs", "\t\t", needed},
		{"newline", "\n", needed},
		{"ideographic space", "\u3000", needed},
		{"no-break space", "\u00a0", needed},
		{"em space", "\u2003", needed},
		{"next line", "\u0085", needed},
		{"mixed blanks", " \u3000\t\u00a0\r\n ", needed},

		{"200 ASCII", a("a", 200), ""},
		{"201 ASCII", a("a", 201), tooLong},
		{"199 ASCII and a CJK character", a("a", 199) + "王", ""},
		{"200 ASCII and a CJK character", a("a", 200) + "王", tooLong},
		{"200 CJK", a("王", 200), ""},
		{"201 CJK", a("王", 201), tooLong},
		{"199 ASCII and an emoji", a("a", 199) + "🌻", ""},
		{"200 ASCII and an emoji", a("a", 200) + "🌻", tooLong},
		{"199 ASCII and a ZWJ family", a("a", 199) + family, ""},
		{"200 ASCII and a ZWJ family", a("a", 200) + family, tooLong},
		{"200 ZWJ families", a(family, 200), ""},
		{"201 ZWJ families", a(family, 201), tooLong},
		{"200 flags", a("🇬🇧", 200), ""},
		{"200 Hindi syllables with vowel signs", a("कि", 200), ""},
		{"201 Hindi syllables with vowel signs", a("कि", 201), tooLong},
		{"200 letters with combining accents", a("e\u0301", 200), ""},
		{"201 letters with combining accents", a("e\u0301", 201), tooLong},
		{"200 and surrounding spaces", "  " + a("a", 200) + "  ", ""},

		{"line break inside", "Sam\nSmith", control},
		{"carriage return inside", "Sam\rSmith", control},
		{"tab inside", "Sam\tSmith", control},
		{"escape sequence", "Sam\x1b[31m", control},
		{"escape alone", "\x1b", control},
		{"screen clear", "\x1b[2J\x1b[HSam", control},
		{"bell", "Sam\a", control},
		{"NUL", "Sam\x00", control},
		{"DEL", "Sam\x7f", control},
		{"C1 next line inside", "Sam\u0085Smith", control},
		{"C1 CSI", "Sam\u009b31m", control},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Contact{Name: tt.in}.Normalize()
			p := c.Validate(validateToday)
			msg, bad := p[FieldName]
			if tt.problem == "" {
				if bad {
					t.Fatalf("name %q (%d characters) refused: %s", tt.in, uniseg.GraphemeClusterCount(c.Name), msg)
				}
			} else {
				if !bad {
					t.Fatalf("name %q accepted, want a problem containing %q", tt.in, tt.problem)
				}
				if !strings.Contains(msg, tt.problem) {
					t.Errorf("name %q: message %q, want it to contain %q", tt.in, msg, tt.problem)
				}
				assertSentence(t, "name "+tt.name, msg)
			}
			if fs := problemFields(p); len(fs) > 1 || (len(fs) == 1 && fs[0] != FieldName) {
				t.Errorf("name %q: problems in other fields too: %v", tt.in, p)
			}
		})
	}
}

func TestValidateNameLengthMessageCountsCharacters(t *testing.T) {
	c := Contact{Name: strings.Repeat(family, 201)}.Normalize()
	msg := c.Validate(validateToday)[FieldName]
	if !strings.Contains(msg, "201 characters") {
		t.Errorf("message %q should count 201 characters (not bytes or runes)", msg)
	}
}

// TestValidateWithoutNormalize: Validate alone still refuses a blank name,
// so a caller that forgets Normalize cannot store one.
func TestValidateWithoutNormalize(t *testing.T) {
	p := Contact{Name: " \u3000 ", Circle: CircleOther, Stance: StanceUnknown}.Validate(validateToday)
	if !strings.Contains(p[FieldName], "A name is needed") {
		t.Errorf("blank name without Normalize: %v", p)
	}
	p = Contact{Name: "Sam"}.Validate(validateToday)
	if _, bad := p[FieldCircle]; !bad {
		t.Errorf("an empty circle without Normalize should be refused: %v", p)
	}
	if _, bad := p[FieldStance]; !bad {
		t.Errorf("an empty stance without Normalize should be refused: %v", p)
	}
}

func TestValidateFields(t *testing.T) {
	tomorrow := validateToday.AddDays(1)
	yesterday := validateToday.AddDays(-1)
	a := strings.Repeat
	tests := []struct {
		name   string
		edit   func(c *Contact)
		fields []string // fields that must have a problem; nil means valid
	}{
		{"nickname 200", func(c *Contact) { c.Nickname = a("n", 200) }, nil},
		{"nickname 201", func(c *Contact) { c.Nickname = a("n", 201) }, []string{FieldNickname}},
		{"nickname 200 CJK", func(c *Contact) { c.Nickname = a("芳", 200) }, nil},
		{"nickname with newline", func(c *Contact) { c.Nickname = "Zo\nZo" }, []string{FieldNickname}},
		{"group 200", func(c *Contact) { c.Group = a("g", 200) }, nil},
		{"group 201", func(c *Contact) { c.Group = a("g", 201) }, []string{FieldGroup}},
		{"group with escape", func(c *Contact) { c.Group = "SMART\x1b[1m" }, []string{FieldGroup}},
		{"availability 200", func(c *Contact) { c.Availability = a("e", 200) }, nil},
		{"availability 201", func(c *Contact) { c.Availability = a("e", 201) }, []string{FieldAvailability}},
		{"availability with tab", func(c *Contact) { c.Availability = "eve\tnings" }, []string{FieldAvailability}},
		{"phone 201 characters", func(c *Contact) { c.Phone = "+44 20 7946 0018 " + a("x", 184) }, []string{FieldPhone}},
		{"phone with newline", func(c *Contact) { c.Phone = "555\n1234" }, []string{FieldPhone}},
		{"phone with escape", func(c *Contact) { c.Phone = "555\x1b1234" }, []string{FieldPhone}},
		{"phone that is an email", func(c *Contact) { c.Phone = "sam@example.org" }, []string{FieldPhone}},
		{"email 201 characters", func(c *Contact) { c.Email = a("s", 189) + "@example.org" }, []string{FieldEmail}},
		{"email with escape", func(c *Contact) { c.Email = "sam\x1b@example.org" }, []string{FieldEmail}},
		{"email incomplete", func(c *Contact) { c.Email = "sam@" }, []string{FieldEmail}},
		{"empty phone and email", func(c *Contact) { c.Phone, c.Email = "", "" }, nil},

		{"notes with newlines and tabs", func(c *Contact) { c.Notes = "line one\nline two\n\tindented\r\nwindows" }, nil},
		{"notes with escape", func(c *Contact) { c.Notes = "fine\x1b[2J" }, []string{FieldNotes}},
		{"notes with bell", func(c *Contact) { c.Notes = "fine\a" }, []string{FieldNotes}},
		{"notes with NUL", func(c *Contact) { c.Notes = "fine\x00" }, []string{FieldNotes}},
		{"notes 10000", func(c *Contact) { c.Notes = a("n", 10000) }, nil},
		{"notes 10000 emoji", func(c *Contact) { c.Notes = a("🌻", 10000) }, nil},
		{"notes 10001", func(c *Contact) { c.Notes = a("n", 10001) }, []string{FieldNotes}},
		{"notes 10000 and trailing newlines", func(c *Contact) { c.Notes = a("n", 10000) + "\n\n\n" }, nil},

		{"tag 40", func(c *Contact) { c.Tags = []string{a("t", 40)} }, nil},
		{"tag 40 CJK", func(c *Contact) { c.Tags = []string{a("家", 40)} }, nil},
		{"tag 41", func(c *Contact) { c.Tags = []string{"ok", a("t", 41)} }, []string{FieldTags}},
		{"tag with escape", func(c *Contact) { c.Tags = []string{"ok", "bad\x1b"} }, []string{FieldTags}},
		{"tag with newline inside", func(c *Contact) { c.Tags = []string{"two\nlines"} }, []string{FieldTags}},

		{"importance 0 (not rated)", func(c *Contact) { c.Importance = 0 }, nil},
		{"importance 1", func(c *Contact) { c.Importance = 1 }, nil},
		{"importance 5", func(c *Contact) { c.Importance = 5 }, nil},
		{"importance -1", func(c *Contact) { c.Importance = -1 }, []string{FieldImportance}},
		{"importance 6", func(c *Contact) { c.Importance = 6 }, []string{FieldImportance}},
		{"supportive 0", func(c *Contact) { c.Supportive = 0 }, nil},
		{"supportive 5", func(c *Contact) { c.Supportive = 5 }, nil},
		{"supportive -1", func(c *Contact) { c.Supportive = -1 }, []string{FieldSupportive}},
		{"supportive 6", func(c *Contact) { c.Supportive = 6 }, []string{FieldSupportive}},
		{"cadence 0", func(c *Contact) { c.CadenceDays = 0 }, nil},
		{"cadence 1", func(c *Contact) { c.CadenceDays = 1 }, nil},
		{"cadence 3650", func(c *Contact) { c.CadenceDays = 3650 }, nil},
		{"cadence -1", func(c *Contact) { c.CadenceDays = -1 }, []string{FieldCadence}},
		{"cadence 3651", func(c *Contact) { c.CadenceDays = 3651 }, []string{FieldCadence}},

		{"known since today", func(c *Contact) { c.KnownSince = validateToday }, nil},
		{"known since yesterday", func(c *Contact) { c.KnownSince = yesterday }, nil},
		{"known since tomorrow", func(c *Contact) { c.KnownSince = tomorrow }, []string{FieldKnownSince}},
		{"known since next year", func(c *Contact) { c.KnownSince = day(2025, 1, 1) }, []string{FieldKnownSince}},
		{"known since unset", func(c *Contact) { c.KnownSince = Date{} }, nil},
		{"any time since today", func(c *Contact) { c.AnyTime, c.AnyTimeSince = true, validateToday }, nil},
		{"any time since tomorrow", func(c *Contact) { c.AnyTime, c.AnyTimeSince = true, tomorrow }, []string{FieldAnyTimeSince}},
		{"any time off clears a future date", func(c *Contact) { c.AnyTime, c.AnyTimeSince = false, tomorrow }, nil},
		{"both dates in the future", func(c *Contact) { c.KnownSince, c.AnyTimeSince = tomorrow, tomorrow }, []string{FieldAnyTimeSince, FieldKnownSince}},

		{"every circle", func(c *Contact) { c.Circle = CircleOnline }, nil},
		{"unknown circle", func(c *Contact) { c.Circle = "sponsors" }, []string{FieldCircle}},
		{"circle label instead of code", func(c *Contact) { c.Circle = "Family" }, []string{FieldCircle}},
		{"empty circle defaults to other", func(c *Contact) { c.Circle = "" }, nil},
		{"unknown stance", func(c *Contact) { c.Stance = "maybe" }, []string{FieldStance}},
		{"use-supporting stance is allowed", func(c *Contact) { c.Stance = StanceSupportsUsing }, nil},
		{"empty stance defaults to unknown", func(c *Contact) { c.Stance = "" }, nil},
		{"no preferred channel", func(c *Contact) { c.Preferred = ChannelNone }, nil},
		{"preferred in person", func(c *Contact) { c.Preferred = ChannelInPerson }, nil},
		{"unknown preferred channel", func(c *Contact) { c.Preferred = "pigeon" }, []string{FieldPreferred}},
		{"meeting is not a way to reach a person", func(c *Contact) { c.Preferred = ChannelMeeting }, []string{FieldPreferred}},
		{"other is not a preferred channel", func(c *Contact) { c.Preferred = ChannelOther }, []string{FieldPreferred}},

		{"several at once", func(c *Contact) {
			c.Name, c.Email, c.Importance, c.CadenceDays = "", "sam", 9, -2
		}, []string{FieldCadence, FieldEmail, FieldImportance, FieldName}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fullContact()
			tt.edit(&c)
			p := c.Normalize().Validate(validateToday)
			if got := problemFields(p); !slices.Equal(got, tt.fields) {
				t.Fatalf("problems in %v, want %v: %v", got, tt.fields, p)
			}
			for f, msg := range p {
				assertSentence(t, tt.name+" "+f, msg)
			}
		})
	}
}

// Every preferred channel the form offers must pass Validate.
func TestValidateEveryChoice(t *testing.T) {
	for _, ch := range PreferredChannels {
		c := fullContact()
		c.Preferred = ch
		if p := c.Normalize().Validate(validateToday); len(p) != 0 {
			t.Errorf("preferred %q refused: %v", ch, p)
		}
	}
	for _, circle := range Circles {
		c := fullContact()
		c.Circle = circle
		if p := c.Normalize().Validate(validateToday); len(p) != 0 {
			t.Errorf("circle %q refused: %v", circle, p)
		}
	}
	for _, s := range Stances {
		c := fullContact()
		c.Stance = s
		if p := c.Normalize().Validate(validateToday); len(p) != 0 {
			t.Errorf("stance %q refused: %v", s, p)
		}
	}
}

func TestValidateZeroTodaySkipsFutureCheck(t *testing.T) {
	c := fullContact()
	c.KnownSince = day(2999, 1, 1)
	c.AnyTimeSince = day(2999, 1, 1)
	if p := c.Normalize().Validate(Date{}); len(p) != 0 {
		t.Errorf("with no today, dates are not compared: %v", p)
	}
}

func TestProblemsError(t *testing.T) {
	var _ error = Problems{}
	if got := (Problems{}).Error(); got != "" {
		t.Errorf("empty Problems.Error() = %q", got)
	}
	p := Problems{FieldPhone: "P.", FieldName: "N.", FieldEmail: "E."}
	want := "email: E; name: N; phone: P"
	for i := 0; i < 20; i++ { // map order varies from run to run
		if got := p.Error(); got != want {
			t.Fatalf("Problems.Error() = %q, want %q", got, want)
		}
	}
}

func TestPhoneProblem(t *testing.T) {
	accepted := []string{
		"",
		"   ",
		"+44 20 7946 0018",
		"(555) 123-4567",
		"0151 496 0000",
		"+49 30 901820",
		"+81-3-1234-5678",
		"+44 (0)20 7946 0018",
		"1-800-273-8255",
		"116 123",
		"988",
		"741741",
		"+1 800 FLOWERS",
		"555-1234 ext. 12",
		"555-1234 x12",
		"555 1234 #2",
		"*555",
		"+1.555.123.4567",
		"555/123 45 67",
		"٠١٢٣٤٥٦٧٨٩",
		"+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧",
		"０３-１２３４-５６７８",
		"12345678901234567890", // 20 digits, the most allowed
		"  +44 20 7946 0018  ",
	}
	for _, s := range accepted {
		if msg := PhoneProblem(s); msg != "" {
			t.Errorf("PhoneProblem(%q) = %q, want it accepted", s, msg)
		}
	}
	refused := []struct {
		in, mention string
	}{
		{"none", "digits"},
		{"ask at the meeting", "digits"},
		{"12", "short"},
		{"+1", "short"},
		{"sam@example.org", "Email"},
		{"555-1234 @home", "Email"},
		{"1234567890123456789012345", "digits"},
		{"123456789012345678901", "digits"}, // 21 digits
		{"555<1234", "<"},
		{"<script>", "<"},
		{"555;1234", ";"},
		{"555\x1b[31m", ""},
		{"555\x001234", ""},
		{"☎ 555 1234", ""},
	}
	for _, tt := range refused {
		msg := PhoneProblem(tt.in)
		if msg == "" {
			t.Errorf("PhoneProblem(%q) accepted, want a problem", tt.in)
			continue
		}
		if !strings.Contains(msg, tt.mention) {
			t.Errorf("PhoneProblem(%q) = %q, want it to mention %q", tt.in, msg, tt.mention)
		}
		assertSentence(t, "phone "+tt.in, msg)
		if hasAnyControl(msg) {
			t.Errorf("PhoneProblem(%q) = %q repeats a control character", tt.in, msg)
		}
	}
}

func TestEmailProblem(t *testing.T) {
	accepted := []string{
		"",
		"sam@example.org",
		"josé@exämple.de",
		"a+b@sub.example.co.uk",
		"first.last@example.com",
		"SAM@EXAMPLE.ORG",
		"王芳@例子.中国",
		"  sam@example.org  ",
	}
	for _, s := range accepted {
		if msg := EmailProblem(s); msg != "" {
			t.Errorf("EmailProblem(%q) = %q, want it accepted", s, msg)
		}
	}
	refused := []string{
		"sam", "sam@", "@x.org", "@", "sam@example", "sam@@x.org", "sam@x@y.org",
		"sam @x.org", "sam@x .org", "sam\t@x.org", "sam@x..org", "sam@.x.org",
		"sam@x.org.", "sam@.", "sam\u3000@x.org",
	}
	for _, s := range refused {
		msg := EmailProblem(s)
		if msg == "" {
			t.Errorf("EmailProblem(%q) accepted, want a problem", s)
			continue
		}
		assertSentence(t, "email "+s, msg)
	}
	if msg := EmailProblem("sam @x.org"); !strings.Contains(msg, "space") {
		t.Errorf("EmailProblem with a space = %q, want it to mention spaces", msg)
	}
	if msg := EmailProblem("sam"); !strings.Contains(msg, "@") || !strings.Contains(msg, "example") {
		t.Errorf("EmailProblem(sam) = %q, want it to show what an address looks like", msg)
	}
}

func ExampleContact_Validate() {
	today := Date{2024, 3, 9}
	c := Contact{
		Name:       " \u3000 ", // only spaces, one of them ideographic
		Phone:      "sam@example.org",
		KnownSince: Date{2024, 3, 10},
		Importance: 7,
	}.Normalize()
	p := c.Validate(today)
	for _, f := range []string{FieldName, FieldPhone, FieldKnownSince, FieldImportance} {
		fmt.Printf("%s: %s\n", f, p[f])
	}
	fmt.Println(len(Contact{Name: "Zoë 🌻 O'Brien"}.Normalize().Validate(today)), "problems")
	// Output:
	// name: A name is needed — a first name or a nickname is enough.
	// phone: That looks like an email address — it belongs in the Email field.
	// known_since: That date is in the future.
	// importance: Importance is 1 to 5 (or blank).
	// 0 problems
}

func FuzzValidateContact(f *testing.F) {
	f.Add("Zoë 🌻 O'Brien", "+44 20 7946 0018", "zoe@example.org", "notes\nline two", "a, b, A")
	f.Add("", "", "", "", "")
	f.Add(" \u3000\u00a0", "988", "sam@", "\x1b[2J", "Café,cafe")
	f.Add(strings.Repeat("a", 200), "(555) 123-4567", "josé@exämple.de", "\t\r\n", " , ")
	f.Add(strings.Repeat("a", 201), "12", "sam@x..org", strings.Repeat("n", 10001), strings.Repeat("t", 41))
	f.Add(strings.Repeat(family, 200), "٠١٢٣٤٥٦٧٨٩", "a+b@sub.example.co.uk", "ok", "家族")
	f.Add("Sam\x1b[31m", "555<1234", "sam @x.org", "\x00", "bad\x07")
	f.Add("e\u0301", "\u0085", "\u200b@\u200b.\u200b", "\u2028", "\u0301")
	f.Add("\xff\xfe", "\xff123", "\xff@x.org", "\xff", "\xff")
	f.Fuzz(func(t *testing.T, name, phone, email, notes, tags string) {
		c := Contact{Name: name, Nickname: name, Group: notes, Phone: phone, Email: email, Notes: notes, Tags: ParseTags(tags)}
		n := c.Normalize()
		if again := n.Normalize(); !reflect.DeepEqual(again, n) {
			t.Fatalf("Normalize is not idempotent:\n%#v\n%#v", n, again)
		}
		p := n.Validate(validateToday)
		for field, msg := range p {
			if msg == "" {
				t.Fatalf("field %s has an empty message", field)
			}
		}
		_ = p.Error()
		if _, bad := p[FieldName]; !bad {
			if g := uniseg.GraphemeClusterCount(n.Name); g < 1 || g > MaxNameLen {
				t.Fatalf("name %q accepted with %d characters", n.Name, g)
			}
			if hasAnyControl(n.Name) {
				t.Fatalf("name %q accepted with a control character", n.Name)
			}
			if strings.TrimSpace(n.Name) != n.Name {
				t.Fatalf("name %q accepted with surrounding space", n.Name)
			}
		}
		if _, bad := p[FieldPhone]; !bad {
			if PhoneProblem(n.Phone) != "" || hasAnyControl(n.Phone) {
				t.Fatalf("phone %q accepted", n.Phone)
			}
		}
		if _, bad := p[FieldEmail]; !bad {
			if EmailProblem(n.Email) != "" || hasAnyControl(n.Email) {
				t.Fatalf("email %q accepted", n.Email)
			}
		}
		if _, bad := p[FieldNotes]; !bad {
			if strings.ContainsFunc(n.Notes, func(r rune) bool {
				return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r'
			}) {
				t.Fatalf("notes %q accepted with a control character", n.Notes)
			}
		}
		if _, bad := p[FieldTags]; !bad {
			for _, tag := range n.Tags {
				if tag == "" || hasAnyControl(tag) || uniseg.GraphemeClusterCount(tag) > MaxTagLen {
					t.Fatalf("tag %q accepted", tag)
				}
			}
		}
	})
}

func FuzzPhoneProblem(f *testing.F) {
	for _, s := range []string{
		"", "+44 20 7946 0018", "(555) 123-4567", "988", "+1 800 FLOWERS", "555-1234 ext. 12",
		"٠١٢٣٤٥٦٧٨٩", "none", "12", "sam@example.org", "1234567890123456789012345", "555<1234",
		"\x1b", "\xff", "%v", "%!", "\u0301", "555\u2028",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		msg := PhoneProblem(s)
		if msg != PhoneProblem(" "+s+"\t") {
			t.Fatalf("PhoneProblem(%q) depends on surrounding space", s)
		}
		if msg != "" {
			if strings.Contains(msg, "%!") || !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") {
				t.Fatalf("PhoneProblem(%q) = %q is not a sentence", s, msg)
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			return
		}
		digits := 0
		for _, r := range s {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		// Whitespace controls (tab, newline) pass PhoneProblem; Validate
		// refuses them for every one-line field before asking it.
		badControl := strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) })
		if digits < 3 || digits > 20 || strings.Contains(s, "@") || badControl || strings.ContainsAny(s, "<>;\"'`$") {
			t.Fatalf("PhoneProblem accepted %q (%d digits)", s, digits)
		}
	})
}

func TestValidateRefusesImpossibleDatesAndHugeText(t *testing.T) {
	c := Contact{Name: "Sam", KnownSince: Date{2024, 2, 30}, AnyTime: true, AnyTimeSince: Date{1850, 1, 1}}.Normalize()
	p := c.Validate(Date{})
	if p[FieldKnownSince] == "" || p[FieldAnyTimeSince] == "" {
		t.Fatalf("impossible dates accepted: %v", p)
	}
	// 200 characters, each carrying a hundred combining marks.
	heavy := strings.Repeat("a"+strings.Repeat("\u0301", 100), 200)
	if p := (Contact{Name: heavy}).Normalize().Validate(Date{}); p[FieldName] == "" {
		t.Fatal("a name of megabytes in 200 characters was accepted")
	}
}

// Line endings from Windows or old Macs become plain line breaks before
// validation, so a lone carriage return never reaches the screen.
func TestNormalizeTurnsCarriageReturnsIntoLineBreaks(t *testing.T) {
	in := "one\r\ntwo\rthree\n"
	if got := (Contact{Name: "x", Notes: in}).Normalize().Notes; got != "one\ntwo\nthree" {
		t.Errorf("contact notes: %q", got)
	}
	if got := (CheckIn{Note: in}).Normalize().Note; got != "one\ntwo\nthree" {
		t.Errorf("check-in note: %q", got)
	}
	if got := (ReachOut{Note: in}).Normalize().Note; got != "one\ntwo\nthree" {
		t.Errorf("reach-out note: %q", got)
	}
	r := Reflection{Answers: []Answer{{Prompt: "p", Text: in}}}.Normalize()
	if got := r.Answers[0].Text; got != "one\ntwo\nthree" {
		t.Errorf("answer: %q", got)
	}
}

// TestLongerThan agrees with counting characters as the limits do, at and
// around the limit, for one-byte, two-byte and combined characters.
func TestLongerThan(t *testing.T) {
	for _, unit := range []string{"a", "é", "e\u0301", "👍🏽", "\n"} {
		for _, n := range []int{0, 1, 9, 10, 11, 400} {
			s := strings.Repeat(unit, n)
			want := uniseg.GraphemeClusterCount(s) > 10 || len(s) > MaxBytes(10)
			if got := LongerThan(s, 10); got != want {
				t.Errorf("LongerThan(%d × %q, 10) = %v; want %v", n, unit, got, want)
			}
		}
	}
	if !LongerThan(strings.Repeat("a", 5<<20), MaxPasteLen) {
		t.Error("5 MB is not longer than the paste limit")
	}
}

// TestValidateDatesOfPeople: a birthday, a recovery date, a snooze and a
// rhythm at rest are checked as the other fields are.
func TestValidateDatesOfPeople(t *testing.T) {
	today := Date{2026, 3, 9}
	tests := []struct {
		name  string
		edit  func(*Contact)
		field string
	}{
		{"birthday without a year", func(c *Contact) { c.Birthday = Birthday{Month: 2, Day: 29} }, ""},
		{"birthday with a year", func(c *Contact) { c.Birthday = Birthday{1985, 3, 9} }, ""},
		{"birthday today", func(c *Contact) { c.Birthday = Birthday{2026, 3, 9} }, ""},
		{"birthday ahead", func(c *Contact) { c.Birthday = Birthday{2026, 3, 10} }, FieldBirthday},
		{"no such birthday", func(c *Contact) { c.Birthday = Birthday{Month: 2, Day: 30} }, FieldBirthday},
		{"recovery date today", func(c *Contact) { c.RecoveryDate = today }, ""},
		{"recovery date ahead", func(c *Contact) { c.RecoveryDate = today.AddDays(1) }, FieldRecoveryDate},
		{"no such recovery date", func(c *Contact) { c.RecoveryDate = Date{2026, 2, 30} }, FieldRecoveryDate},
		{"snoozed ahead", func(c *Contact) { c.SnoozedUntil = today.AddDays(3) }, ""},
		{"rest", func(c *Contact) { c.RestCadence = 7 }, ""},
		{"rest too long", func(c *Contact) { c.RestCadence = MaxCadence + 1 }, FieldCadence},
	}
	for _, tt := range tests {
		c := Contact{Name: "Sam", Circle: CircleFriend, Stance: StanceUnknown}
		tt.edit(&c)
		p := c.Validate(today)
		switch {
		case tt.field == "" && len(p) > 0:
			t.Errorf("%s: refused: %v", tt.name, p)
		case tt.field != "" && p[tt.field] == "":
			t.Errorf("%s: no problem under %s: %v", tt.name, tt.field, p)
		}
	}
}
