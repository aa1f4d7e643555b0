package model

import (
	"fmt"
	"strings"
	"time"
)

// Difficulty is how hard today was, in the person's words.
type Difficulty string

// The answers, from easiest; empty when not answered.
const (
	DifficultyUnsaid       Difficulty = ""
	DifficultyEasy         Difficulty = "easy"
	DifficultyNotBad       Difficulty = "not-bad"
	DifficultyQuestionable Difficulty = "questionable"
	DifficultyHard         Difficulty = "hard"
	DifficultyImpossible   Difficulty = "impossible"
)

// Difficulties lists the answers in display order (unsaid first).
var Difficulties = []Difficulty{DifficultyUnsaid, DifficultyEasy, DifficultyNotBad, DifficultyQuestionable, DifficultyHard, DifficultyImpossible}

var difficultyLabels = map[Difficulty]string{
	DifficultyUnsaid: "Not said", DifficultyEasy: "Easy", DifficultyNotBad: "Not bad",
	DifficultyQuestionable: "Questionable", DifficultyHard: "Hard", DifficultyImpossible: "Impossible",
}

// Label is the answer in words.
func (d Difficulty) Label() string { return labelOf(difficultyLabels, d, DifficultyUnsaid) }

// Valid reports whether d is a known answer (including unsaid).
func (d Difficulty) Valid() bool { return known(difficultyLabels, d) }

// CheckIn is one day's answers. Every answer is optional; nil pointers and
// zero values mean "not answered", so that a craving of 0 or "did not use"
// are real answers, distinct from silence.
type CheckIn struct {
	Day        Date
	Mood       int // 1–5; 0 when not answered
	Difficulty Difficulty
	Craving    *int     // 0–10
	Risky      *bool    // in a risky situation, or with people who encourage use
	Meetings   *int     // meetings or groups attended
	SleepHours *float64 // hours slept
	// HALT: hungry, angry, lonely, tired. Unticked is "no", as on paper.
	Hungry, Angry, Lonely, Tired bool
	// Used is recorded without shame: it never erases history and never
	// breaks the streak of check-ins.
	Used      *bool
	Gratitude string // one thing that helped, or one line of gratitude
	Note      string
	UpdatedAt time.Time
}

// Field names of a check-in's problems.
const (
	FieldDay        = "day"
	FieldMood       = "mood"
	FieldDifficulty = "difficulty"
	FieldCraving    = "craving"
	FieldMeetings   = "meetings"
	FieldSleep      = "sleep"
	FieldGratitude  = "gratitude"
	FieldCheckNote  = "checkin_note"
	FieldAnswers    = "answers"
)

// Limits of a check-in's answers.
const (
	MaxCraving    = 10
	MaxMeetings   = 20
	MaxSleepHours = 24
	MaxLineLen    = 500
)

// Answered reports whether at least one question has an answer: a saved
// day needs one.
func (c CheckIn) Answered() bool {
	return c.Mood != 0 || c.Difficulty != DifficultyUnsaid || c.Craving != nil || c.Risky != nil ||
		c.Meetings != nil || c.SleepHours != nil || c.Hungry || c.Angry || c.Lonely || c.Tired ||
		c.Used != nil || strings.TrimSpace(c.Gratitude) != "" || strings.TrimSpace(c.Note) != ""
}

// HALT lists the ticked HALT words, for display.
func (c CheckIn) HALT() []string {
	var out []string
	for _, h := range []struct {
		on   bool
		word string
	}{{c.Hungry, "hungry"}, {c.Angry, "angry"}, {c.Lonely, "lonely"}, {c.Tired, "tired"}} {
		if h.on {
			out = append(out, h.word)
		}
	}
	return out
}

// Normalize trims the free text.
func (c CheckIn) Normalize() CheckIn {
	c.Gratitude = strings.TrimSpace(c.Gratitude)
	c.Note = cleanText(c.Note, true)
	return c
}

// Validate checks a normalized check-in. Days can be back-filled but not
// written ahead: today is the last day that can be saved.
func (c CheckIn) Validate(today Date) Problems {
	p := Problems{}
	switch {
	case c.Day.IsZero():
		p[FieldDay] = "A check-in needs its day."
	case !realDay(c.Day):
		p[FieldDay] = "That is not a real calendar day."
	case !today.IsZero() && c.Day.After(today):
		p[FieldDay] = "That day hasn't happened yet; check in on the day, or fill in days gone by."
	}
	if c.Mood < 0 || c.Mood > 5 {
		p[FieldMood] = "Mood is 1 to 5 (or blank)."
	}
	if !c.Difficulty.Valid() {
		p[FieldDifficulty] = "Pick how hard today was, or leave it."
	}
	if c.Craving != nil && (*c.Craving < 0 || *c.Craving > MaxCraving) {
		p[FieldCraving] = fmt.Sprintf("Craving is 0 to %d.", MaxCraving)
	}
	if c.Meetings != nil && (*c.Meetings < 0 || *c.Meetings > MaxMeetings) {
		p[FieldMeetings] = fmt.Sprintf("Meetings is a number from 0 to %d.", MaxMeetings)
	}
	if c.SleepHours != nil && (*c.SleepHours < 0 || *c.SleepHours > MaxSleepHours || *c.SleepHours != *c.SleepHours) {
		p[FieldSleep] = "Sleep is hours from 0 to 24, like 7 or 6.5."
	}
	if msg := TextProblem(c.Gratitude, MaxLineLen, false); msg != "" {
		p[FieldGratitude] = msg
	}
	if msg := TextProblem(c.Note, MaxNotesLen, true); msg != "" {
		p[FieldCheckNote] = msg
	}
	if !c.Answered() {
		p[FieldAnswers] = "Answer at least one question to save the day; every one is optional."
	}
	return p
}

// realDay reports whether d is a calendar day ParseDate reads back.
func realDay(d Date) bool {
	back, err := ParseDate(d.String())
	return err == nil && back == d
}
