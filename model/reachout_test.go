package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// reachNow is the pinned "now" of the reach-out tests: an evening in March.
var reachNow = time.Date(2024, 3, 9, 20, 0, 0, 0, time.UTC)

// goodReachOut is a reach-out that validates against reachNow.
func goodReachOut() ReachOut {
	return ReachOut{
		ContactID: 7, At: reachNow.Add(-time.Hour), Channel: ChannelText,
		Direction: DirectionTheirs, Note: "Talked about the weekend.", Helped: HelpedYes,
	}
}

func TestReachOutNormalizeDefaults(t *testing.T) {
	r := ReachOut{ContactID: 1, At: reachNow, Note: " \t\r\n Called after the meeting.\n\n\t "}.Normalize()
	if r.Channel != ChannelCall {
		t.Errorf("default channel = %q, want %q", r.Channel, ChannelCall)
	}
	if r.Direction != DirectionMine {
		t.Errorf("default direction = %q, want %q", r.Direction, DirectionMine)
	}
	if r.Direction.Label() != "I reached out" {
		t.Errorf("default direction label = %q, want %q", r.Direction.Label(), "I reached out")
	}
	if r.Note != "Called after the meeting." {
		t.Errorf("note = %q, want it trimmed", r.Note)
	}
	if r.Helped != HelpedUnsaid {
		t.Errorf("Normalize filled Helped with %q; not said must stay not said", r.Helped)
	}
	if p := r.Validate(reachNow); len(p) != 0 {
		t.Errorf("a normalized minimal reach-out has problems: %v", p)
	}
}

func TestReachOutNormalizeKeepsChoices(t *testing.T) {
	in := goodReachOut()
	in.Note = "Line one.\n  indented line two"
	got := in.Normalize()
	if got != in {
		t.Errorf("Normalize changed a reach-out that needed nothing:\n got %#v\nwant %#v", got, in)
	}
	if again := got.Normalize(); again != got {
		t.Errorf("Normalize is not idempotent:\n%#v\n%#v", got, again)
	}
	// Inner line breaks and indentation are the person's; only the ends go.
	r := ReachOut{Note: "\n  first\n\n  second  \n"}.Normalize()
	if r.Note != "first\n\n  second" {
		t.Errorf("note = %q, want inner layout kept", r.Note)
	}
}

func TestReachOutValidateGood(t *testing.T) {
	if p := goodReachOut().Validate(reachNow); len(p) != 0 {
		t.Errorf("a valid reach-out has problems: %v", p)
	}
}

func TestReachOutValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ReachOut)
		field  string // "" means valid
	}{
		{"no contact", func(r *ReachOut) { r.ContactID = 0 }, FieldContact},
		{"negative contact", func(r *ReachOut) { r.ContactID = -3 }, FieldContact},
		{"zero time", func(r *ReachOut) { r.At = time.Time{} }, FieldAt},
		{"year mistyped low", func(r *ReachOut) { r.At = time.Date(1024, 3, 9, 12, 0, 0, 0, time.UTC) }, FieldAt},
		{"year mistyped high", func(r *ReachOut) { r.At = time.Date(10024, 3, 9, 12, 0, 0, 0, time.UTC) }, FieldAt},
		{"exactly now", func(r *ReachOut) { r.At = reachNow }, ""},
		{"ten minutes ahead: a clock a little off", func(r *ReachOut) { r.At = reachNow.Add(10 * time.Minute) }, ""},
		{"exactly the slack ahead", func(r *ReachOut) { r.At = reachNow.Add(FutureSlack) }, ""},
		{"just beyond the slack", func(r *ReachOut) { r.At = reachNow.Add(FutureSlack + time.Second) }, FieldAt},
		{"tomorrow", func(r *ReachOut) { r.At = reachNow.Add(24 * time.Hour) }, FieldAt},
		{"years ago", func(r *ReachOut) { r.At = time.Date(1999, 12, 31, 23, 59, 0, 0, time.UTC) }, ""},
		{"no channel", func(r *ReachOut) { r.Channel = ChannelNone }, FieldChannel},
		{"unknown channel", func(r *ReachOut) { r.Channel = "pigeon" }, FieldChannel},
		{"channel in capitals", func(r *ReachOut) { r.Channel = "Call" }, FieldChannel},
		{"no direction (not normalized)", func(r *ReachOut) { r.Direction = "" }, FieldDirection},
		{"unknown direction", func(r *ReachOut) { r.Direction = "sideways" }, FieldDirection},
		{"unknown helped", func(r *ReachOut) { r.Helped = "maybe" }, FieldHelped},
		{"helped in capitals", func(r *ReachOut) { r.Helped = "Yes" }, FieldHelped},
		{"empty note", func(r *ReachOut) { r.Note = "" }, ""},
		{"note of 2000 characters", func(r *ReachOut) { r.Note = strings.Repeat("n", MaxNoteLen) }, ""},
		{"note of 2001 characters", func(r *ReachOut) { r.Note = strings.Repeat("n", MaxNoteLen+1) }, FieldNote},
		{"note of 2000 emoji", func(r *ReachOut) { r.Note = strings.Repeat(family, MaxNoteLen) }, ""},
		{"note of 2001 emoji", func(r *ReachOut) { r.Note = strings.Repeat(family, MaxNoteLen+1) }, FieldNote},
		{"note with newlines and tabs", func(r *ReachOut) { r.Note = "one\ntwo\n\tthree" }, ""},
		{"note with escape", func(r *ReachOut) { r.Note = "hi\x1b[2J" }, FieldNote},
		{"note with NUL", func(r *ReachOut) { r.Note = "a\x00b" }, FieldNote},
		{"note with bell", func(r *ReachOut) { r.Note = "a\x07" }, FieldNote},
		{"note with C1 control", func(r *ReachOut) { r.Note = "a\u0085b" }, FieldNote},
		{"note with line separator", func(r *ReachOut) { r.Note = "a\u2028b" }, FieldNote},
		{"note with bidi override", func(r *ReachOut) { r.Note = "a\u202Eb" }, FieldNote},
		{"note not UTF-8", func(r *ReachOut) { r.Note = "caf\xe9" }, FieldNote},
		{"note in other scripts", func(r *ReachOut) { r.Note = "家族と話した 🌻 مرحبا" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := goodReachOut()
			tt.change(&r)
			p := r.Validate(reachNow)
			if tt.field == "" {
				if len(p) != 0 {
					t.Fatalf("unexpected problems: %v", p)
				}
				return
			}
			if fs := problemFields(p); !slices.Equal(fs, []string{tt.field}) {
				t.Fatalf("problem fields = %v, want [%s] (%v)", fs, tt.field, p)
			}
			assertSentence(t, tt.name, p[tt.field])
		})
	}
}

func TestReachOutValidateMessages(t *testing.T) {
	p := ReachOut{ContactID: 1, At: reachNow, Channel: ChannelCall, Direction: DirectionMine, Note: "caf\xe9"}.Validate(reachNow)
	if p[FieldNote] != badEncoding {
		t.Errorf("invalid UTF-8 message = %q, want %q", p[FieldNote], badEncoding)
	}
	p = ReachOut{Note: strings.Repeat("x", MaxNoteLen+1)}.Validate(reachNow)
	if !strings.Contains(p[FieldNote], "2000") {
		t.Errorf("long note message %q does not say the limit", p[FieldNote])
	}
	if !strings.Contains(p[FieldAt], "date and time") {
		t.Errorf("zero time message = %q", p[FieldAt])
	}
	for f, msg := range p {
		assertSentence(t, f, msg)
	}
}

func TestReachOutValidateEverything(t *testing.T) {
	// An empty reach-out reports each missing piece at once.
	p := ReachOut{Direction: "?", Helped: "?", Note: "\x1b"}.Validate(reachNow)
	want := []string{FieldAt, FieldChannel, FieldContact, FieldDirection, FieldHelped, FieldNote}
	if fs := problemFields(p); !slices.Equal(fs, want) {
		t.Errorf("problem fields = %v, want %v", fs, want)
	}
}

func TestReachOutFutureAcrossZones(t *testing.T) {
	// "now" and At in different zones are compared as instants: 14:10 in
	// UTC-5 is 19:10 UTC, before a 20:00 UTC now.
	est := time.FixedZone("EST", -5*60*60)
	r := goodReachOut()
	r.At = time.Date(2024, 3, 9, 14, 10, 0, 0, est)
	if p := r.Validate(reachNow); len(p) != 0 {
		t.Errorf("an earlier instant in another zone refused: %v", p)
	}
	r.At = time.Date(2024, 3, 9, 15, 20, 0, 0, est) // 20:20 UTC
	if p := r.Validate(reachNow); p[FieldAt] == "" {
		t.Errorf("20 minutes ahead in another zone accepted")
	}
}

func TestReachOutValidateZeroNowSkipsFuture(t *testing.T) {
	r := goodReachOut()
	r.At = time.Date(2090, 1, 1, 0, 0, 0, 0, time.UTC)
	if p := r.Validate(time.Time{}); len(p) != 0 {
		t.Errorf("zero now should skip the future check: %v", p)
	}
}

func TestReachOutEveryLogChannel(t *testing.T) {
	want := []Channel{ChannelCall, ChannelText, ChannelInPerson, ChannelMeeting, ChannelVideo, ChannelMessage, ChannelOther}
	if !slices.Equal(LogChannels, want) {
		t.Errorf("LogChannels = %v, want the SPEC's %v", LogChannels, want)
	}
	for _, ch := range LogChannels {
		r := goodReachOut()
		r.Channel = ch
		if p := r.Validate(reachNow); len(p) != 0 {
			t.Errorf("channel %q refused: %v", ch, p)
		}
	}
	if slices.Contains(LogChannels, ChannelNone) {
		t.Error("LogChannels offers no channel")
	}
}

func TestReachOutEveryDirectionAndHelped(t *testing.T) {
	for _, d := range Directions {
		for _, h := range HelpedAnswers {
			r := goodReachOut()
			r.Direction, r.Helped = d, h
			if p := r.Validate(reachNow); len(p) != 0 {
				t.Errorf("direction %q, helped %q refused: %v", d, h, p)
			}
		}
	}
}

func TestReachOutDayIsLocal(t *testing.T) {
	est := time.FixedZone("UTC-5", -5*60*60)
	east := time.FixedZone("UTC+14", 14*60*60)
	tests := []struct {
		name    string
		at      time.Time
		want    Date
		utcDiff bool // the same instant is another day in UTC
	}{
		{"23:30 in UTC-5 is that day, though UTC is on the next", time.Date(2024, 3, 9, 23, 30, 0, 0, est), day(2024, 3, 9), true},
		{"00:30 at UTC+14 is that day, though UTC is on the one before", time.Date(2024, 1, 1, 0, 30, 0, 0, east), day(2024, 1, 1), true},
		{"midnight", time.Date(2024, 2, 29, 0, 0, 0, 0, est), day(2024, 2, 29), false},
		{"last nanosecond of the year", time.Date(2024, 12, 31, 23, 59, 59, 999999999, est), day(2024, 12, 31), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ReachOut{At: tt.at}
			if got := r.Day(); got != tt.want {
				t.Errorf("Day() = %v, want %v", got, tt.want)
			}
			if utc := DateOf(tt.at.UTC()); tt.utcDiff && utc == tt.want {
				t.Fatalf("setup: %v is the same day in UTC", tt.at)
			}
		})
	}
}

func TestDirections(t *testing.T) {
	want := []Direction{DirectionMine, DirectionTheirs, DirectionSupported}
	if !slices.Equal(Directions, want) {
		t.Errorf("Directions = %v, want %v", Directions, want)
	}
	labels := map[Direction]string{
		DirectionMine:      "I reached out",
		DirectionTheirs:    "They reached out",
		DirectionSupported: "I supported them",
	}
	for _, d := range Directions {
		if !d.Valid() {
			t.Errorf("%q not valid", d)
		}
		if d.Label() != labels[d] {
			t.Errorf("%q.Label() = %q, want %q", d, d.Label(), labels[d])
		}
	}
	for _, bad := range []Direction{"", "Mine", "both", " mine"} {
		if bad.Valid() {
			t.Errorf("%q is valid", bad)
		}
		if bad.Label() == "" {
			t.Errorf("%q has an empty label", bad)
		}
	}
}

func TestHelpedAnswers(t *testing.T) {
	want := []Helped{HelpedUnsaid, HelpedYes, HelpedSomewhat, HelpedNo}
	if !slices.Equal(HelpedAnswers, want) {
		t.Errorf("HelpedAnswers = %v, want %v", HelpedAnswers, want)
	}
	labels := map[Helped]string{HelpedUnsaid: "Not said", HelpedYes: "Yes", HelpedSomewhat: "Somewhat", HelpedNo: "No"}
	for _, h := range HelpedAnswers {
		if !h.Valid() {
			t.Errorf("%q not valid", h)
		}
		if h.Label() != labels[h] {
			t.Errorf("%q.Label() = %q, want %q", h, h.Label(), labels[h])
		}
	}
	for _, bad := range []Helped{"maybe", "YES", " yes"} {
		if bad.Valid() {
			t.Errorf("%q is valid", bad)
		}
		if bad.Label() != "Not said" {
			t.Errorf("%q.Label() = %q, want the not-said label", bad, bad.Label())
		}
	}
}
