package model

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"
)

// checkToday is the pinned "today" of the check-in tests.
var checkToday = day(2024, 3, 9)

func ptr[T any](v T) *T { return &v }

// fullCheckIn is a check-in with every answer given, validly.
func fullCheckIn() CheckIn {
	return CheckIn{
		Day: checkToday, Mood: 4, Difficulty: DifficultyQuestionable,
		Craving: ptr(3), Risky: ptr(false), Meetings: ptr(1), SleepHours: ptr(6.5),
		Hungry: true, Tired: true, Used: ptr(false),
		Gratitude: "Zoë called back 🌻", Note: "Hard morning.\n\tBetter after the meeting.",
	}
}

func TestCheckInFullIsValid(t *testing.T) {
	c := fullCheckIn().Normalize()
	if p := c.Validate(checkToday); len(p) != 0 {
		t.Errorf("a fully answered check-in has problems: %v", p)
	}
}

func TestCheckInAnsweredEachAlone(t *testing.T) {
	tests := []struct {
		name string
		c    CheckIn
	}{
		{"mood", CheckIn{Mood: 1}},
		{"difficulty", CheckIn{Difficulty: DifficultyEasy}},
		{"craving 0 is an answer", CheckIn{Craving: ptr(0)}},
		{"craving 10", CheckIn{Craving: ptr(10)}},
		{"risky false is an answer", CheckIn{Risky: ptr(false)}},
		{"risky true", CheckIn{Risky: ptr(true)}},
		{"meetings 0 is an answer", CheckIn{Meetings: ptr(0)}},
		{"sleep 0 is an answer", CheckIn{SleepHours: ptr(0.0)}},
		{"hungry", CheckIn{Hungry: true}},
		{"angry", CheckIn{Angry: true}},
		{"lonely", CheckIn{Lonely: true}},
		{"tired", CheckIn{Tired: true}},
		{"used false is an answer", CheckIn{Used: ptr(false)}},
		{"used true", CheckIn{Used: ptr(true)}},
		{"gratitude", CheckIn{Gratitude: "the sun"}},
		{"note", CheckIn{Note: "a note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.c.Answered() {
				t.Fatalf("%+v not answered", tt.c)
			}
			c := tt.c
			c.Day = checkToday
			if p := c.Normalize().Validate(checkToday); len(p) != 0 {
				t.Fatalf("a day with only this answer refused: %v", p)
			}
		})
	}
}

func TestCheckInNothingAnswered(t *testing.T) {
	for name, c := range map[string]CheckIn{
		"empty":                     {Day: checkToday},
		"blank gratitude":           {Day: checkToday, Gratitude: "  \t "},
		"blank note":                {Day: checkToday, Note: "\n\n \t\r\n"},
		"a saved time is no answer": {Day: checkToday, UpdatedAt: reachNow},
	} {
		t.Run(name, func(t *testing.T) {
			if c.Answered() {
				t.Fatalf("%+v counts as answered", c)
			}
			p := c.Normalize().Validate(checkToday)
			if fs := problemFields(p); !slices.Equal(fs, []string{FieldAnswers}) {
				t.Fatalf("problem fields = %v, want [%s] (%v)", fs, FieldAnswers, p)
			}
			want := "Answer at least one question to save the day; every one is optional."
			if p[FieldAnswers] != want {
				t.Errorf("message = %q, want %q", p[FieldAnswers], want)
			}
			assertSentence(t, name, p[FieldAnswers])
		})
	}
}

func TestCheckInValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*CheckIn)
		field  string // "" means valid
	}{
		{"mood 0 (blank)", func(c *CheckIn) { c.Mood = 0 }, ""},
		{"mood 1", func(c *CheckIn) { c.Mood = 1 }, ""},
		{"mood 5", func(c *CheckIn) { c.Mood = 5 }, ""},
		{"mood 6", func(c *CheckIn) { c.Mood = 6 }, FieldMood},
		{"mood -1", func(c *CheckIn) { c.Mood = -1 }, FieldMood},
		{"unknown difficulty", func(c *CheckIn) { c.Difficulty = "awful" }, FieldDifficulty},
		{"difficulty in capitals", func(c *CheckIn) { c.Difficulty = "Easy" }, FieldDifficulty},
		{"no craving", func(c *CheckIn) { c.Craving = nil }, ""},
		{"craving 0", func(c *CheckIn) { c.Craving = ptr(0) }, ""},
		{"craving 10", func(c *CheckIn) { c.Craving = ptr(10) }, ""},
		{"craving 11", func(c *CheckIn) { c.Craving = ptr(11) }, FieldCraving},
		{"craving -1", func(c *CheckIn) { c.Craving = ptr(-1) }, FieldCraving},
		{"meetings 0", func(c *CheckIn) { c.Meetings = ptr(0) }, ""},
		{"meetings 20", func(c *CheckIn) { c.Meetings = ptr(20) }, ""},
		{"meetings 21", func(c *CheckIn) { c.Meetings = ptr(21) }, FieldMeetings},
		{"meetings -1", func(c *CheckIn) { c.Meetings = ptr(-1) }, FieldMeetings},
		{"sleep 0", func(c *CheckIn) { c.SleepHours = ptr(0.0) }, ""},
		{"sleep 6.5", func(c *CheckIn) { c.SleepHours = ptr(6.5) }, ""},
		{"sleep 24", func(c *CheckIn) { c.SleepHours = ptr(24.0) }, ""},
		{"sleep 24.01", func(c *CheckIn) { c.SleepHours = ptr(24.01) }, FieldSleep},
		{"sleep -0.5", func(c *CheckIn) { c.SleepHours = ptr(-0.5) }, FieldSleep},
		{"sleep NaN", func(c *CheckIn) { c.SleepHours = ptr(math.NaN()) }, FieldSleep},
		{"sleep +Inf", func(c *CheckIn) { c.SleepHours = ptr(math.Inf(1)) }, FieldSleep},
		{"sleep -Inf", func(c *CheckIn) { c.SleepHours = ptr(math.Inf(-1)) }, FieldSleep},
		{"today", func(c *CheckIn) { c.Day = checkToday }, ""},
		{"yesterday, back-filled", func(c *CheckIn) { c.Day = checkToday.AddDays(-1) }, ""},
		{"a year back", func(c *CheckIn) { c.Day = day(2023, 3, 9) }, ""},
		{"leap day", func(c *CheckIn) { c.Day = day(2024, 2, 29) }, ""},
		{"tomorrow", func(c *CheckIn) { c.Day = checkToday.AddDays(1) }, FieldDay},
		{"next year", func(c *CheckIn) { c.Day = day(2025, 1, 1) }, FieldDay},
		{"no day", func(c *CheckIn) { c.Day = Date{} }, FieldDay},
		{"30 February", func(c *CheckIn) { c.Day = Date{2024, 2, 30} }, FieldDay},
		{"29 February of a common year", func(c *CheckIn) { c.Day = Date{2023, 2, 29} }, FieldDay},
		{"month 13", func(c *CheckIn) { c.Day = Date{2023, 13, 1} }, FieldDay},
		{"day 0", func(c *CheckIn) { c.Day = Date{2024, 3, 0} }, FieldDay},
		{"year 0", func(c *CheckIn) { c.Day = Date{0, 1, 1} }, FieldDay},
		{"gratitude empty", func(c *CheckIn) { c.Gratitude = "" }, ""},
		{"gratitude of 500", func(c *CheckIn) { c.Gratitude = strings.Repeat("g", MaxLineLen) }, ""},
		{"gratitude of 501", func(c *CheckIn) { c.Gratitude = strings.Repeat("g", MaxLineLen+1) }, FieldGratitude},
		{"gratitude with a line break", func(c *CheckIn) { c.Gratitude = "one\ntwo" }, FieldGratitude},
		{"gratitude with a carriage return", func(c *CheckIn) { c.Gratitude = "one\rtwo" }, FieldGratitude},
		{"gratitude with a tab", func(c *CheckIn) { c.Gratitude = "one\ttwo" }, FieldGratitude},
		{"gratitude with a line separator", func(c *CheckIn) { c.Gratitude = "one\u2028two" }, FieldGratitude},
		{"gratitude with escape", func(c *CheckIn) { c.Gratitude = "\x1b[31mred" }, FieldGratitude},
		{"gratitude not UTF-8", func(c *CheckIn) { c.Gratitude = "caf\xe9" }, FieldGratitude},
		{"note multi-line", func(c *CheckIn) { c.Note = "one\ntwo\n\tthree" }, ""},
		{"note with a carriage return left in", func(c *CheckIn) { c.Note = "one\rtwo" }, FieldCheckNote},
		{"note of 10000", func(c *CheckIn) { c.Note = strings.Repeat("n", MaxNotesLen) }, ""},
		{"note of 10001", func(c *CheckIn) { c.Note = strings.Repeat("n", MaxNotesLen+1) }, FieldCheckNote},
		{"note with escape", func(c *CheckIn) { c.Note = "a\x1b]0;title\x07" }, FieldCheckNote},
		{"note with bidi isolate", func(c *CheckIn) { c.Note = "a\u2066b" }, FieldCheckNote},
		{"note not UTF-8", func(c *CheckIn) { c.Note = "\xff" }, FieldCheckNote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fullCheckIn()
			tt.change(&c)
			p := c.Validate(checkToday)
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

func TestCheckInValidateZeroTodaySkipsFuture(t *testing.T) {
	c := fullCheckIn()
	c.Day = day(2090, 1, 1)
	if p := c.Validate(Date{}); len(p) != 0 {
		t.Errorf("zero today should skip the future check: %v", p)
	}
	c.Day = Date{2024, 2, 30}
	if p := c.Validate(Date{}); p[FieldDay] == "" {
		t.Errorf("impossible day accepted without a today")
	}
}

func TestCheckInEveryDifficulty(t *testing.T) {
	want := []Difficulty{DifficultyUnsaid, DifficultyEasy, DifficultyNotBad, DifficultyQuestionable, DifficultyHard, DifficultyImpossible}
	if !slices.Equal(Difficulties, want) {
		t.Errorf("Difficulties = %v, want %v", Difficulties, want)
	}
	labels := map[Difficulty]string{
		DifficultyUnsaid: "Not said", DifficultyEasy: "Easy", DifficultyNotBad: "Not bad",
		DifficultyQuestionable: "Questionable", DifficultyHard: "Hard", DifficultyImpossible: "Impossible",
	}
	for _, d := range Difficulties {
		if !d.Valid() {
			t.Errorf("%q not valid", d)
		}
		if d.Label() != labels[d] {
			t.Errorf("%q.Label() = %q, want %q", d, d.Label(), labels[d])
		}
		c := CheckIn{Day: checkToday, Difficulty: d, Mood: 3}
		if p := c.Validate(checkToday); len(p) != 0 {
			t.Errorf("difficulty %q refused: %v", d, p)
		}
		if d != DifficultyUnsaid && !(CheckIn{Difficulty: d}).Answered() {
			t.Errorf("difficulty %q alone is not an answer", d)
		}
	}
	for _, bad := range []Difficulty{"awful", "Easy", "not bad", " hard"} {
		if bad.Valid() {
			t.Errorf("%q is valid", bad)
		}
		if bad.Label() != "Not said" {
			t.Errorf("%q.Label() = %q, want the not-said label", bad, bad.Label())
		}
	}
}

func TestCheckInHALT(t *testing.T) {
	tests := []struct {
		c    CheckIn
		want []string
	}{
		{CheckIn{}, nil},
		{CheckIn{Tired: true}, []string{"tired"}},
		{CheckIn{Lonely: true, Hungry: true}, []string{"hungry", "lonely"}},
		{CheckIn{Tired: true, Angry: true}, []string{"angry", "tired"}},
		{CheckIn{Hungry: true, Angry: true, Lonely: true, Tired: true}, []string{"hungry", "angry", "lonely", "tired"}},
	}
	for _, tt := range tests {
		if got := tt.c.HALT(); !slices.Equal(got, tt.want) {
			t.Errorf("HALT(%+v) = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestCheckInNormalize(t *testing.T) {
	c := CheckIn{Gratitude: "  \u00a0the walk\t ", Note: "\n\n  kept indent\nsecond  \n\t"}.Normalize()
	if c.Gratitude != "the walk" {
		t.Errorf("gratitude = %q, want trimmed", c.Gratitude)
	}
	if c.Note != "kept indent\nsecond" {
		t.Errorf("note = %q", c.Note)
	}
	full := fullCheckIn()
	if got := full.Normalize(); got.Gratitude != full.Gratitude || got.Note != full.Note {
		t.Errorf("Normalize changed clean text: %+v", got)
	}
	// Normalize keeps every other answer as it was.
	n := full.Normalize()
	if n.Craving != full.Craving || n.Used != full.Used || n.Mood != full.Mood || n.Day != full.Day {
		t.Errorf("Normalize changed answers")
	}
}

func FuzzCheckInValidate(f *testing.F) {
	f.Add(int64(0), 0, 0, 0, 0.0, uint16(0), "", "", "")
	f.Add(int64(0), 4, 3, 1, 6.5, uint16(0xffff), "hard", "the sun", "a\nb")
	f.Add(int64(1), 5, 10, 20, 24.0, uint16(0x00ff), "easy", "x", "")
	f.Add(int64(-1000), 6, 11, 21, 24.5, uint16(0x0f0f), "awful", "a\nb", "\x1b")
	f.Add(int64(-1), -1, -1, -1, -0.1, uint16(0x1234), "Easy", "\xff", "\xff")
	f.Add(int64(0), 0, 0, 0, math.NaN(), uint16(0x0008), "", " ", "\u2028")
	f.Add(int64(0), 0, 0, 0, math.Inf(1), uint16(0x0008), "", "\u00a0", "\v")
	f.Add(int64(1<<40), math.MaxInt, math.MinInt, math.MaxInt, math.MaxFloat64, uint16(0xffff), "not-bad", strings.Repeat("g", 501), strings.Repeat("n", MaxNotesLen+1))
	f.Fuzz(func(t *testing.T, offset int64, mood, craving, meetings int, sleep float64, flags uint16, difficulty, gratitude, note string) {
		bit := func(i uint) bool { return flags&(1<<i) != 0 }
		c := CheckIn{
			Day:        checkToday.AddDays(int(offset % 200000)),
			Mood:       mood,
			Difficulty: Difficulty(difficulty),
			Hungry:     bit(0), Angry: bit(1), Lonely: bit(2), Tired: bit(3),
			Gratitude: gratitude, Note: note,
		}
		if bit(4) {
			c.Craving = &craving
		}
		if bit(5) {
			c.Meetings = &meetings
		}
		if bit(6) {
			c.SleepHours = &sleep
		}
		if bit(7) {
			c.Risky = ptr(bit(8))
		}
		if bit(9) {
			c.Used = ptr(bit(10))
		}
		if bit(11) {
			c.Day = Date{c.Day.Year, c.Day.Month, c.Day.Day + 31} // often not a real day
		}
		n := c.Normalize()
		if again := n.Normalize(); again.Gratitude != n.Gratitude || again.Note != n.Note {
			t.Fatalf("Normalize is not idempotent: %q %q", n.Note, again.Note)
		}
		_ = n.HALT()
		p := n.Validate(checkToday)
		for field, msg := range p {
			if msg == "" {
				t.Fatalf("field %s has an empty message", field)
			}
			assertNoDebris(t, field, msg)
		}
		_ = p.Error()
		if len(p) != 0 {
			return
		}
		// What validates is a day worth saving, inside every range.
		if !n.Answered() {
			t.Fatalf("a check-in with nothing answered validated: %+v", n)
		}
		if n.Day.After(checkToday) || !realDay(n.Day) {
			t.Fatalf("day %v accepted", n.Day)
		}
		if n.Mood < 0 || n.Mood > 5 || !n.Difficulty.Valid() {
			t.Fatalf("mood %d / difficulty %q accepted", n.Mood, n.Difficulty)
		}
		if n.Craving != nil && (*n.Craving < 0 || *n.Craving > MaxCraving) {
			t.Fatalf("craving %d accepted", *n.Craving)
		}
		if n.Meetings != nil && (*n.Meetings < 0 || *n.Meetings > MaxMeetings) {
			t.Fatalf("meetings %d accepted", *n.Meetings)
		}
		if s := n.SleepHours; s != nil && (math.IsNaN(*s) || *s < 0 || *s > MaxSleepHours) {
			t.Fatalf("sleep %v accepted", *s)
		}
		if hasAnyControl(n.Gratitude) || uniseg.GraphemeClusterCount(n.Gratitude) > MaxLineLen {
			t.Fatalf("gratitude %q accepted", n.Gratitude)
		}
		if strings.ContainsFunc(n.Note, func(r rune) bool {
			return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r'
		}) {
			t.Fatalf("note %q accepted with a control character", n.Note)
		}
	})
}
