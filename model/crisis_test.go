package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRegionsAndLines(t *testing.T) {
	checked := day(2026, 12, 4) // the day the table was last checked
	codes := map[string]bool{}
	var names []string
	for _, r := range Regions {
		if codes[r.Code] || r.Code != strings.ToUpper(r.Code) || len(r.Code) != 2 || r.Name == "" {
			t.Errorf("region %+v: codes are unique, two upper-case letters, with a name", r)
		}
		codes[r.Code] = true
		names = append(names, r.Name)
		if len(LinesFor(r.Code)) == 0 {
			t.Errorf("%s has no lines: a region without lines belongs to the directory", r.Code)
		}
	}
	for _, c := range []string{"US", "CA", "GB", "IE", "AU", "NZ"} {
		if !codes[c] {
			t.Errorf("no region %s", c)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("Regions are not by name: %q", names)
	}
	for _, l := range CrisisLines {
		what := l.Region + " " + l.Label
		switch {
		case !codes[l.Region]:
			t.Errorf("%s: region is not in Regions", what)
		case l.Label == "" || l.Hours == "":
			t.Errorf("%s: needs a label and hours", what)
		case l.Number == "" && l.Text == "":
			t.Errorf("%s: neither a number nor a way to text", what)
		case l.Number != "" && PhoneProblem(l.Number) != "":
			t.Errorf("%s: number %q: %s", what, l.Number, PhoneProblem(l.Number))
		case !strings.HasPrefix(l.Source, "https://"):
			t.Errorf("%s: source %q is not an https page", what, l.Source)
		case l.Verified.IsZero() || !realDay(l.Verified) || l.Verified.After(checked):
			t.Errorf("%s: verified %v", what, l.Verified)
		}
		if l.Text != "" && !strings.HasPrefix(l.Text, "Text ") {
			t.Errorf("%s: text %q should read as an instruction, like \"Text 988\"", what, l.Text)
		}
	}
	if HelplineDirectory != "https://findahelpline.com" {
		t.Errorf("HelplineDirectory = %q", HelplineDirectory)
	}
}

// crisisOnly keeps the crisis lines, leaving out the emergency numbers and
// substance-use helplines.
func crisisOnly(lines []CrisisLine) []CrisisLine {
	return slices.DeleteFunc(lines, func(l CrisisLine) bool { return l.Kind != LineCrisis })
}

func TestLinesFor(t *testing.T) {
	gb := crisisOnly(LinesFor("GB"))
	if len(gb) != 2 || gb[0].Label != "Samaritans" || gb[0].Number != "116 123" || gb[1].Text != "Text SHOUT to 85258" {
		t.Errorf("GB = %+v", gb)
	}
	for _, code := range []string{"gb", " Gb ", "gB"} {
		if got := crisisOnly(LinesFor(code)); !reflect.DeepEqual(got, gb) {
			t.Errorf("LinesFor(%q) = %+v, want GB's", code, got)
		}
	}
	if us := crisisOnly(LinesFor("us")); len(us) != 1 || us[0].Number != "988" || us[0].Text != "Text 988" {
		t.Errorf("US = %+v", us)
	}
	for _, code := range []string{"", "  ", "FR", "XX", "USA", "G"} {
		if got := LinesFor(code); got != nil {
			t.Errorf("LinesFor(%q) = %+v, want nil", code, got)
		}
	}
	gb[0].Number = "changed"
	if LinesFor("GB")[0].Number != "116 123" {
		t.Errorf("LinesFor hands out the table itself")
	}
}

func TestSettingsValidate(t *testing.T) {
	today := day(2026, 11, 21)
	tests := []struct {
		name string
		s    Settings
		want []string
	}{
		{"nothing chosen", Settings{}, nil},
		{"everything chosen", Settings{RecoveryStart: day(2025, 3, 9), Region: "GB", OwnNumbers: []OwnNumber{{"GP out of hours", "111"}}, DefaultCadence: 7, CheckupReminders: true}, nil},
		{"region in lower case", Settings{Region: "nz"}, nil},
		{"region not bundled", Settings{Region: "FR"}, []string{FieldRegion}},
		{"region made up", Settings{Region: "Narnia"}, []string{FieldRegion}},
		{"short code", Settings{OwnNumbers: []OwnNumber{{"Lifeline", "988"}}}, nil},
		{"no label", Settings{OwnNumbers: []OwnNumber{{"", "+44 20 7946 0018"}}}, nil},
		{"label of 60", Settings{OwnNumbers: []OwnNumber{{strings.Repeat("a", 60), "988"}}}, nil},
		{"label of 60 emoji", Settings{OwnNumbers: []OwnNumber{{strings.Repeat("🌻", 60), "988"}}}, nil},
		{"label of 61", Settings{OwnNumbers: []OwnNumber{{"ok", "988"}, {strings.Repeat("a", 61), "988"}}}, []string{"own_number1"}},
		{"label on two lines", Settings{OwnNumbers: []OwnNumber{{"my\ncounsellor", "988"}}}, []string{"own_number0"}},
		{"no number", Settings{OwnNumbers: []OwnNumber{{"Mum", ""}}}, []string{"own_number0"}},
		{"an email for a number", Settings{OwnNumbers: []OwnNumber{{"Mum", "mum@example.org"}}}, []string{"own_number0"}},
		{"too short", Settings{OwnNumbers: []OwnNumber{{"Mum", "12"}}}, []string{"own_number0"}},
		{"escape in a number", Settings{OwnNumbers: []OwnNumber{{"Mum", "988\x1b[2J"}}}, []string{"own_number0"}},
		{"no rhythm", Settings{DefaultCadence: 0}, nil},
		{"longest rhythm", Settings{DefaultCadence: MaxCadence}, nil},
		{"negative rhythm", Settings{DefaultCadence: -1}, []string{FieldDefaultCadence}},
		{"rhythm too long", Settings{DefaultCadence: MaxCadence + 1}, []string{FieldDefaultCadence}},
		{"recovery starts today", Settings{RecoveryStart: today}, nil},
		{"recovery starts tomorrow", Settings{RecoveryStart: today.AddDays(1)}, []string{FieldRecoveryStart}},
		{"recovery start not a day", Settings{RecoveryStart: day(2026, 2, 29)}, []string{FieldRecoveryStart}},
		{"all wrong", Settings{RecoveryStart: day(2030, 1, 1), Region: "ZZ", OwnNumbers: []OwnNumber{{"x", ""}}, DefaultCadence: -3},
			[]string{FieldDefaultCadence, "own_number0", FieldRecoveryStart, FieldRegion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.s.Validate(today)
			if got := problemFields(p); !slices.Equal(got, tt.want) {
				t.Fatalf("problems = %v, want %v (%v)", got, tt.want, p)
			}
			for f, msg := range p {
				assertSentence(t, f, msg)
			}
		})
	}
	if p := (Settings{RecoveryStart: day(2030, 1, 1)}).Validate(Date{}); len(p) != 0 {
		t.Errorf("zero today: %v", p)
	}
}

func TestSettingsNormalize(t *testing.T) {
	s := Settings{Region: " gb ", OwnNumbers: []OwnNumber{{" GP ", " 111 "}, {" ", ""}, {"", " 988"}}, DefaultCadence: 7}
	want := Settings{Region: "GB", OwnNumbers: []OwnNumber{{"GP", "111"}, {"", "988"}}, DefaultCadence: 7}
	if got := s.Normalize(); !reflect.DeepEqual(got, want) {
		t.Errorf("Normalize = %+v, want %+v", got, want)
	}
}

func TestMayBeAwake(t *testing.T) {
	// Wednesday 18 and Saturday 21 November 2026, in the person's own
	// zone, whatever it is.
	zone := time.FixedZone("local", 11*60*60)
	wed := func(h, m int) time.Time { return time.Date(2026, 11, 18, h, m, 0, 0, zone) }
	sat := func(h, m int) time.Time { return time.Date(2026, 11, 21, h, m, 0, 0, zone) }
	sun := func(h, m int) time.Time { return time.Date(2026, 11, 22, h, m, 0, 0, zone) }
	mon := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, zone) }
	type at struct {
		now          time.Time
		awake, known bool
	}
	tests := []struct {
		text string
		at   []at
	}{
		{"", []at{{wed(3, 0), false, false}, {wed(12, 0), false, false}}},
		{"   ", []at{{wed(12, 0), false, false}}},
		{"ask first", []at{{wed(12, 0), false, false}}},
		{"any time", []at{{wed(3, 0), true, true}, {sat(15, 0), true, true}}},
		{"Anytime!", []at{{wed(3, 0), true, true}}},
		{"24/7", []at{{wed(4, 0), true, true}}},
		{"call me 24-7", []at{{wed(4, 0), true, true}}},
		{"day or night", []at{{wed(2, 0), true, true}}},
		{"evenings", []at{{wed(17, 0), true, true}, {wed(22, 59), true, true}, {wed(16, 59), false, true}, {wed(23, 0), false, true}, {wed(3, 0), false, true}}},
		{"Evening", []at{{wed(20, 0), true, true}}},
		{"mornings", []at{{wed(6, 0), true, true}, {wed(11, 59), true, true}, {wed(5, 59), false, true}, {wed(12, 0), false, true}}},
		{"afternoons", []at{{wed(12, 0), true, true}, {wed(17, 59), true, true}, {wed(18, 0), false, true}, {wed(11, 0), false, true}}},
		{"nights", []at{{wed(21, 0), true, true}, {wed(23, 30), true, true}, {wed(2, 0), true, true}, {wed(4, 59), true, true}, {wed(5, 0), false, true}, {wed(20, 59), false, true}}},
		{"works night shifts", []at{{wed(3, 0), true, true}, {wed(12, 0), false, true}}},
		{"night shift", []at{{wed(1, 0), true, true}}},
		{"usually up late", []at{{wed(0, 30), true, true}, {wed(9, 0), false, true}}},
		{"weekdays", []at{{wed(10, 0), true, true}, {sat(10, 0), false, true}}},
		{"weekends", []at{{sat(10, 0), true, true}, {sun(10, 0), true, true}, {wed(10, 0), false, true}}},
		{"9-5", []at{{wed(9, 0), true, true}, {wed(16, 59), true, true}, {wed(17, 0), false, true}, {wed(8, 59), false, true}}},
		{"9-5 weekdays", []at{{wed(10, 0), true, true}, {sat(10, 0), false, true}, {wed(18, 0), false, true}}},
		{"Mon–Fri 9 to 5", []at{{wed(10, 0), true, true}, {sat(10, 0), false, true}}},
		{"9am-5pm", []at{{wed(12, 0), true, true}, {wed(17, 30), false, true}}},
		{"9 a.m. – 5 p.m.", []at{{wed(12, 0), true, true}, {wed(8, 0), false, true}}},
		{"18:00–22:00", []at{{wed(18, 0), true, true}, {wed(21, 59), true, true}, {wed(22, 0), false, true}, {wed(17, 59), false, true}}},
		{"18.30-20.00", []at{{wed(18, 30), true, true}, {wed(18, 29), false, true}}},
		{"7-11pm", []at{{wed(19, 0), true, true}, {wed(8, 0), false, true}}},
		{"6-10", []at{{wed(19, 0), true, true}, {wed(7, 0), false, true}}},
		{"10pm-2am", []at{{wed(22, 30), true, true}, {wed(1, 0), true, true}, {wed(3, 0), false, true}}},
		{"10pm-2", []at{{wed(1, 0), true, true}, {wed(14, 0), false, true}}},
		{"between 7 and 10pm", []at{{wed(19, 30), true, true}, {wed(8, 0), false, true}}},
		{"noon-3", []at{{wed(13, 0), true, true}, {wed(16, 0), false, true}}},
		{"8pm-midnight", []at{{wed(23, 30), true, true}, {wed(0, 30), false, true}}},
		{"after 6pm", []at{{wed(18, 0), true, true}, {wed(23, 59), true, true}, {wed(17, 59), false, true}, {wed(0, 30), false, true}}},
		{"after 6", []at{{wed(19, 0), true, true}, {wed(7, 0), false, true}}},
		{"from 19:00", []at{{wed(19, 0), true, true}, {wed(18, 0), false, true}}},
		{"before 9", []at{{wed(8, 59), true, true}, {wed(9, 0), false, true}, {wed(5, 59), false, true}}},
		{"before 10pm", []at{{wed(21, 0), true, true}, {wed(22, 30), false, true}}},
		{"until 2am", []at{{wed(1, 0), true, true}, {wed(23, 0), true, true}, {wed(10, 0), false, true}}},
		{"until midnight", []at{{wed(23, 0), true, true}, {wed(5, 0), false, true}}},
		{"mornings and evenings", []at{{wed(10, 0), true, true}, {wed(14, 0), false, true}, {wed(20, 0), true, true}}},
		{"weekday evenings", []at{{wed(20, 0), true, true}, {sat(20, 0), false, true}, {wed(10, 0), false, true}}},
		{"weekdays after 5:30pm", []at{{wed(17, 45), true, true}, {wed(17, 15), false, true}, {sat(18, 0), false, true}}},
		// A night belongs to the day it began: Sunday 01:00 is Saturday
		// night, Monday 01:00 is Sunday night, Saturday 01:00 is Friday's.
		{"weekend nights", []at{{sat(23, 0), true, true}, {sun(1, 0), true, true}, {mon(1, 0), true, true}, {sat(1, 0), false, true}, {wed(23, 0), false, true}}},
		{"afternoons, not before noon", []at{{wed(13, 0), true, true}}},
		// Time zones are beyond this: the times are read on the local
		// clock, and a zone alone says nothing.
		{"Evenings, CET", []at{{wed(18, 0), true, true}}},
		{"EST", []at{{wed(12, 0), false, false}}},
		{"UTC+1", []at{{wed(12, 0), false, false}}},
		{"GMT-5", []at{{wed(12, 0), false, false}}},
		{"London time", []at{{wed(12, 0), false, false}}},
		{"lives in Auckland (NZT)", []at{{wed(12, 0), false, false}}},
		// Numbers that are not times.
		{"has 2 kids", []at{{wed(12, 0), false, false}}},
		{"call 555 0100 first", []at{{wed(12, 0), false, false}}},
		{"25-30", []at{{wed(12, 0), false, false}}},
		{"9:75-10", []at{{wed(9, 30), false, false}}},
		{"13pm-2", []at{{wed(13, 30), false, false}}},
	}
	for _, tt := range tests {
		for _, a := range tt.at {
			awake, known := MayBeAwake(tt.text, a.now)
			if awake != a.awake || known != a.known {
				t.Errorf("MayBeAwake(%q, %s) = %v, %v; want %v, %v", tt.text, a.now.Format("Mon 15:04"), awake, known, a.awake, a.known)
			}
		}
	}
}

// cardTitles lists the card's section titles in order.
func cardTitles(c CrisisCard) []string {
	var out []string
	for _, s := range c.Sections {
		out = append(out, s.Title)
	}
	return out
}

// section finds a section of the card by title.
func section(c CrisisCard, title string) (CardSection, bool) {
	for _, s := range c.Sections {
		if s.Title == title {
			return s, true
		}
	}
	return CardSection{}, false
}

// cardNow is a Wednesday evening.
var cardNow = time.Date(2026, 11, 18, 20, 0, 0, 0, time.UTC)

func cardAnyTime() []Contact {
	return []Contact{
		{ID: 1, Name: "Zed", Phone: "+44 7700 900001", AnyTime: true, Availability: "mornings", Importance: 5},
		{ID: 2, Name: "Amy", Phone: "+44 7700 900002", AnyTime: true, Preferred: ChannelText},
		{ID: 3, Name: "Bea López", Nickname: "B", Phone: "+44 7700 900003", AnyTime: true, Preferred: ChannelCall, Availability: "evenings"},
		{ID: 4, Name: "Old friend", Phone: "+44 7700 900004", AnyTime: true, Archived: true},
		{ID: 5, Name: "Cy", Phone: "+44 7700 900005", AnyTime: true, Availability: "after 6pm", Importance: 2},
		{ID: 6, Name: "Dot", AnyTime: true, Availability: "9-5 weekdays"},
	}
}

func TestCrisisCardAnyTimeOrder(t *testing.T) {
	card := BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{People: cardAnyTime()}, cardNow)
	sec, ok := section(card, CardAnyTimeTitle)
	if !ok {
		t.Fatalf("no any-time section: %q", cardTitles(card))
	}
	if len(sec.Lines) != CardFirstPeople {
		t.Errorf("%d any-time people before the crisis line, want %d", len(sec.Lines), CardFirstPeople)
	}
	more, _ := section(card, CardMoreAnyTimeTitle)
	sec.Lines = append(sec.Lines, more.Lines...)
	// Awake now (evenings, after 6pm; more important first), then not
	// known, then those who may be asleep (mornings, 9-5) by importance.
	want := []string{
		"Cy · +44 7700 900005 · after 6pm",
		"Bea López (B) · +44 7700 900003 · prefers call · evenings",
		"Amy · +44 7700 900002 · prefers text",
		"Zed · +44 7700 900001 · mornings · may be asleep now",
		"Dot · 9-5 weekdays · may be asleep now",
	}
	if !slices.Equal(sec.Lines, want) {
		t.Errorf("any-time lines =\n%q\nwant\n%q", sec.Lines, want)
	}

	// In the morning the order turns round.
	morning := BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{People: cardAnyTime()}, time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC))
	// Dot, awake 9-5 but with no number to call, comes after everyone
	// with one.
	sec, _ = section(morning, CardAnyTimeTitle)
	more, _ = section(morning, CardMoreAnyTimeTitle)
	if !strings.HasPrefix(sec.Lines[0], "Zed ") || !strings.HasPrefix(sec.Lines[1], "Amy ") || !strings.HasPrefix(more.Lines[0], "Dot ") {
		t.Errorf("morning order = %q then %q", sec.Lines, more.Lines)
	}
	if want := []string{"Zed · +44 7700 900001", "Amy · +44 7700 900002", "Cy · +44 7700 900005", "Bea López (B) · +44 7700 900003"}; !slices.Equal(sec.Short, want) {
		t.Errorf("short lines = %q, want %q", sec.Short, want)
	}

	// Nobody who said "any time": no section, rather than an empty one.
	none := BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{}, cardNow)
	if _, ok := section(none, CardAnyTimeTitle); ok {
		t.Errorf("an any-time section with nobody in it")
	}
}

func TestCrisisCardLinesOrder(t *testing.T) {
	settings := Settings{Region: "gb", OwnNumbers: []OwnNumber{{"GP out of hours", "111"}, {"", "+44 20 7946 0018"}, {"blank", " "}}}
	card := BuildCrisisCard(SafetyPlan{}, settings, CardPeople{}, cardNow)
	sec, ok := section(card, CardCrisisLinesTitle)
	if !ok {
		t.Fatalf("no crisis lines: %q", cardTitles(card))
	}
	want := []string{
		"GP out of hours · 111",
		"+44 20 7946 0018",
		"Samaritans · 116 123 · 24/7",
		"Shout · Text SHOUT to 85258 · 24/7",
	}
	want = append(want, emergencyLines("GB")...)
	if !slices.Equal(sec.Lines, want) {
		t.Errorf("crisis lines =\n%q\nwant\n%q", sec.Lines, want)
	}
	if strings.Contains(sec.Note, HelplineDirectory) {
		t.Errorf("note %q points to the directory although the region has lines", sec.Note)
	}
	if !strings.Contains(sec.Note, "United Kingdom") {
		t.Errorf("note %q does not name the region", sec.Note)
	}
}

func TestCrisisCardWithoutRegion(t *testing.T) {
	for _, region := range []string{"", "FR", "  "} {
		card := BuildCrisisCard(SafetyPlan{}, Settings{Region: region, OwnNumbers: []OwnNumber{{"Sponsor", "07700 900123"}}}, CardPeople{}, cardNow)
		sec, ok := section(card, CardCrisisLinesTitle)
		if !ok {
			t.Fatalf("%q: no crisis-lines section: %q", region, cardTitles(card))
		}
		if !slices.Equal(sec.Lines, []string{"Sponsor · 07700 900123", EmergencyLine}) {
			t.Errorf("%q: lines %q, want only the person's own number (never a guessed one)", region, sec.Lines)
		}
		if !strings.Contains(sec.Note, HelplineDirectory) || !strings.Contains(sec.Note, "Settings") {
			t.Errorf("%q: note %q should point to %s and say how to choose a region", region, sec.Note, HelplineDirectory)
		}
		assertSentence(t, region, sec.Note)
	}
}

// emergencyLines are the crisis-line section's last lines for a region:
// its bundled emergency numbers, or the words for one without.
func emergencyLines(region string) []string {
	var out []string
	for _, l := range LinesFor(region) {
		if l.Kind == LineEmergency {
			out = append(out, joinParts(l.Label, l.Number, "if you are in danger right now"))
		}
	}
	if len(out) == 0 {
		return []string{EmergencyLine}
	}
	return out
}

// The crisis line and the emergency number come right after the first few
// any-time people, before the plan and everyone else: on the first screen.
func TestCrisisCardNumbersFirst(t *testing.T) {
	for name, tt := range map[string]struct {
		card   CrisisCard
		region string
		first  []string
	}{
		"empty":     {BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{}, cardNow), "", []string{CardCrisisLinesTitle}},
		"a region":  {BuildCrisisCard(SafetyPlan{}, Settings{Region: "US"}, CardPeople{}, cardNow), "US", []string{CardCrisisLinesTitle}},
		"full":      {BuildCrisisCard(fullPlan(), Settings{Region: "AU", OwnNumbers: []OwnNumber{{"Me", "988"}}}, CardPeople{People: append(cardAnyTime(), cardProfessionals()...)}, cardNow), "AU", []string{CardAnyTimeTitle, CardCrisisLinesTitle}},
		"zero time": {BuildCrisisCard(fullPlan(), Settings{}, CardPeople{People: cardAnyTime()}, time.Time{}), "", []string{CardAnyTimeTitle, CardCrisisLinesTitle}},
	} {
		titles := cardTitles(tt.card)
		if len(titles) < len(tt.first) || !slices.Equal(titles[:len(tt.first)], tt.first) {
			t.Errorf("%s: sections %q, want them to begin %q", name, titles, tt.first)
			continue
		}
		sec := tt.card.Sections[len(tt.first)-1]
		want := emergencyLines(tt.region)
		if got := sec.Lines[len(sec.Lines)-len(want):]; !slices.Equal(got, want) {
			t.Errorf("%s: the crisis line ends %q, want %q", name, got, want)
		}
	}
}

func TestCrisisCardSafetyPlan(t *testing.T) {
	plan := SafetyPlan{
		SaferPlace:   []string{"Keys with Ana"},
		WarningSigns: []string{"  skipping meals ", "not answering the phone"},
		OnMyOwn:      []string{"", "   "}, // nothing written: left out
		AskForHelp:   []string{"Sam next door"},
	}
	card := BuildCrisisCard(plan, Settings{Region: "NZ"}, CardPeople{}, cardNow)
	want := []string{
		CardCrisisLinesTitle,
		"My safety plan: warning signs",
		"My safety plan: people I can ask for help",
		"My safety plan: making my surroundings safer",
	}
	if got := cardTitles(card); !slices.Equal(got, want) {
		t.Errorf("titles = %q, want %q", got, want)
	}
	if got := card.Sections[1].Lines; !slices.Equal(got, []string{"skipping meals", "not answering the phone"}) {
		t.Errorf("warning signs = %q", got)
	}
	full := BuildCrisisCard(fullPlan(), Settings{}, CardPeople{}, cardNow)
	for i, part := range PlanParts {
		if sec := full.Sections[i+1]; !strings.HasPrefix(sec.Title, "My safety plan: ") || sec.Lines[0] != part.Key+" line" {
			t.Errorf("section %d = %+v, want the part %s", i+1, sec, part.Key)
		}
	}
}

func cardProfessionals() []Contact {
	return []Contact{
		{ID: 10, Name: "Dr Lee", Circle: CircleHealthcare, Phone: "020 7946 0018", Availability: "9-5 weekdays"},
		{ID: 11, Name: "Ward 3 nurses", Circle: CircleTreatment, Phone: "020 7946 0019", Importance: 4},
		{ID: 12, Name: "Counsellor without a phone", Circle: CircleHealthcare, Email: "c@example.org"},
		{ID: 13, Name: "A friend", Circle: CircleFriend, Phone: "020 7946 0020"},
		{ID: 14, Name: "Former therapist", Circle: CircleHealthcare, Phone: "020 7946 0021", Archived: true},
	}
}

func TestCrisisCardProfessionals(t *testing.T) {
	card := BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{People: cardProfessionals()}, cardNow)
	sec, ok := section(card, CardProfessionalsTitle)
	if !ok {
		t.Fatalf("no professionals: %q", cardTitles(card))
	}
	want := []string{"Ward 3 nurses · 020 7946 0019", "Dr Lee · 020 7946 0018 · 9-5 weekdays"}
	if !slices.Equal(sec.Lines, want) {
		t.Errorf("professionals = %q, want %q", sec.Lines, want)
	}
	if _, ok := section(BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{People: cardProfessionals()[2:4]}, cardNow), CardProfessionalsTitle); ok {
		t.Errorf("a professionals section with nobody to call")
	}
	// Sections in the card's order.
	full := BuildCrisisCard(fullPlan(), Settings{Region: "US"}, CardPeople{People: append(cardAnyTime(), cardProfessionals()...)}, cardNow)
	titles := cardTitles(full)
	if got := titles[:2]; !slices.Equal(got, []string{CardAnyTimeTitle, CardCrisisLinesTitle}) {
		t.Errorf("sections before the plan = %q", got)
	}
	if got := titles[2+len(PlanParts):]; len(got) < 2 || !slices.Equal(got[:2], []string{CardMoreAnyTimeTitle, CardProfessionalsTitle}) {
		t.Errorf("sections after the plan = %q", got)
	}
}

func TestCrisisCardDistractionAndNamedPeople(t *testing.T) {
	people := []Contact{
		{ID: 1, Name: "Ana Ruiz", Phone: "555 0101", Distraction: true, Preferred: ChannelText},
		{ID: 2, Name: "Old pal", Phone: "555 0102", Distraction: true, Stance: StanceSupportsUsing},
		{ID: 3, Name: "Gone", Phone: "555 0103", Distraction: true, Archived: true},
		{ID: 4, Name: "Sam Cole", Nickname: "Sammy", Phone: "555 0104", AnyTime: true, Distraction: true},
		{ID: 5, Name: "Mum", Phone: "555 0105"},
	}
	plan := SafetyPlan{AskForHelp: []string{"Call Mum", "my neighbour"}, Distractions: []string{"the gym", "a walk with Sammy"}}
	card := BuildCrisisCard(plan, Settings{}, CardPeople{People: append(people, people[0])}, cardNow)
	dis, ok := section(card, CardDistractionTitle)
	// Ana only: Sam is listed with the any-time people already, the pal
	// supports using, and the archived are never on the card.
	if !ok || !slices.Equal(dis.Lines, []string{"Ana Ruiz · 555 0101 · prefers text"}) {
		t.Errorf("distraction people = %q (%v)", dis.Lines, ok)
	}
	ask, _ := section(card, "My safety plan: people I can ask for help")
	if want := []string{"Call Mum", "my neighbour", "→ Mum · 555 0105"}; !slices.Equal(ask.Lines, want) {
		t.Errorf("ask for help = %q, want %q", ask.Lines, want)
	}
	mind, _ := section(card, "My safety plan: people and places that take my mind off it")
	if want := []string{"the gym", "a walk with Sammy", "→ Sam Cole (Sammy) · 555 0104"}; !slices.Equal(mind.Lines, want) {
		t.Errorf("take my mind off it = %q, want %q", mind.Lines, want)
	}
	for _, sec := range card.Sections {
		for _, l := range sec.Lines {
			if strings.Contains(l, "Old pal") || strings.Contains(l, "Gone") {
				t.Errorf("%s lists %q", sec.Title, l)
			}
		}
	}
}

func TestCrisisCardPlainAndDeterministic(t *testing.T) {
	anyTime := append(cardAnyTime(),
		Contact{ID: 20, Name: "Esc\x1b[31mape\x1b[0m", Phone: "988", AnyTime: true, Availability: "any\ntime"},
		Contact{ID: 21, Name: "Bidi\u202Ename", AnyTime: true, Availability: "\tevenings"},
	)
	plan := SafetyPlan{WarningSigns: []string{"line\x00one", "a\nb"}}
	settings := Settings{Region: "CA", OwnNumbers: []OwnNumber{{"Me\x1b]0;title\x07", "988"}}}
	want := BuildCrisisCard(plan, settings, CardPeople{People: append(anyTime, cardProfessionals()...)}, cardNow)
	for _, s := range want.Sections {
		for _, l := range append(slices.Clone(s.Lines), s.Title, s.Note) {
			if hasAnyControl(l) || strings.ContainsAny(l, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") || strings.Contains(l, "[31m") {
				t.Errorf("line %q is not plain", l)
			}
		}
	}
	ros, pros := slices.Clone(anyTime), cardProfessionals()
	r := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		r.Shuffle(len(ros), func(i, j int) { ros[i], ros[j] = ros[j], ros[i] })
		r.Shuffle(len(pros), func(i, j int) { pros[i], pros[j] = pros[j], pros[i] })
		if got := BuildCrisisCard(plan, settings, CardPeople{People: append(ros, pros...)}, cardNow); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input gave a different card:\n%+v\nwant\n%+v", got, want)
		}
	}
}

// A region's alcohol and drug helplines close the card, after the people.
func TestCrisisCardSubstanceUseLines(t *testing.T) {
	card := BuildCrisisCard(SafetyPlan{}, Settings{Region: "US"}, CardPeople{People: cardAnyTime()}, cardNow)
	last := card.Sections[len(card.Sections)-1]
	if last.Title != CardSubstanceTitle || len(last.Lines) == 0 || !strings.Contains(last.Lines[0], "SAMHSA") {
		t.Errorf("the card ends with %+v, want the US alcohol and drug helpline", last)
	}
	if _, ok := section(BuildCrisisCard(SafetyPlan{}, Settings{Region: "CA"}, CardPeople{}, cardNow), CardSubstanceTitle); ok {
		t.Error("a helpline section for a region with none bundled")
	}
}

// A group larger than the card lists (an address book imported whole):
// the card lists CardGroupPeople of it in its usual order and says at its
// foot how many more there are and where; a count the journal gives
// beyond what it read is the count shown; the plan's named people too.
func TestCrisisCardListsAGroupsFirstAndCountsTheRest(t *testing.T) {
	var people []Contact
	for i := range CardGroupPeople + 5 {
		people = append(people,
			Contact{ID: int64(100 + i), Name: fmt.Sprintf("Friend %02d", i), Nickname: "Jo", Phone: "555 0100", AnyTime: true, Importance: i % 5},
			Contact{ID: int64(200 + i), Name: fmt.Sprintf("Pal %02d", i), Phone: "555 0200", Distraction: true})
	}
	plan := SafetyPlan{AskForHelp: []string{"Call Jo"}}
	card := BuildCrisisCard(plan, Settings{}, CardPeople{People: people}, cardNow)
	first, _ := section(card, CardAnyTimeTitle)
	more, _ := section(card, CardMoreAnyTimeTitle)
	if len(first.Lines) != CardFirstPeople || len(more.Lines) != CardGroupPeople-CardFirstPeople+1 {
		t.Fatalf("any-time lines: %d first, %d more; want %d and %d with the count",
			len(first.Lines), len(more.Lines), CardFirstPeople, CardGroupPeople-CardFirstPeople+1)
	}
	if got := more.Lines[len(more.Lines)-1]; got != "…and 5 more, all in Contacts" || more.Short[len(more.Short)-1] != got {
		t.Errorf("any-time foot = %q", got)
	}
	// The five left out are the least important (importance 0: 00, 05,
	// 10, … 30), the last of them by name.
	for _, l := range append(first.Lines, more.Lines[:len(more.Lines)-1]...) {
		for _, out := range []string{"10", "15", "20", "25", "30"} {
			if strings.HasPrefix(l, "Friend "+out+" ") {
				t.Errorf("listed %q, of importance 0, before others of more", l)
			}
		}
	}
	dis, _ := section(card, CardDistractionTitle)
	if len(dis.Lines) != CardGroupPeople+1 || dis.Lines[CardGroupPeople] != "…and 5 more, all in Contacts" {
		t.Errorf("distraction lines %d, foot %q", len(dis.Lines), dis.Lines[len(dis.Lines)-1])
	}
	ask, _ := section(card, "My safety plan: people I can ask for help")
	if len(ask.Lines) != 1+CardGroupPeople+1 || ask.Lines[len(ask.Lines)-1] != "→ …and 5 more, all in Contacts" {
		t.Errorf("named lines %d, foot %q", len(ask.Lines), ask.Lines[len(ask.Lines)-1])
	}

	// The journal read the first of each group and counted thousands.
	counted := BuildCrisisCard(plan, Settings{}, CardPeople{People: people, AnyTime: 8000, Distraction: 1234,
		Named: map[string]int{PlanAskForHelp: 100}}, cardNow)
	for title, want := range map[string]string{
		CardMoreAnyTimeTitle:                        "…and 7,970 more, all in Contacts",
		CardDistractionTitle:                        "…and 1,204 more, all in Contacts",
		"My safety plan: people I can ask for help": "→ …and 70 more, all in Contacts",
	} {
		sec, _ := section(counted, title)
		if got := sec.Lines[len(sec.Lines)-1]; got != want {
			t.Errorf("%s: foot %q, want %q", title, got, want)
		}
	}
	// A group within the card's reach has no foot.
	small := BuildCrisisCard(SafetyPlan{}, Settings{}, CardPeople{People: people[:6], AnyTime: 3, Distraction: 3}, cardNow)
	for _, sec := range small.Sections {
		for _, l := range sec.Lines {
			if strings.Contains(l, "more, all in Contacts") {
				t.Errorf("%s: %q on a card that lists everyone", sec.Title, l)
			}
		}
	}
}
