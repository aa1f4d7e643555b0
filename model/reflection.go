package model

import (
	"fmt"
	"strings"
	"time"
)

// DefaultPrompts are the questions a new journal starts with. The person
// can change the set; each answer keeps the prompt's text as it was asked,
// so changing the set never rewrites what was written.
var DefaultPrompts = []string{
	"Who helped you feel seen and supported this week?",
	"Which spaces felt safe for sharing your truth?",
	"How could you be a voice of recovery for someone else?",
	"What got in the way of connecting — fear of judgment, old hurts, time — and what might help?",
	"What did you do this week that was yours and not about recovery?",
	"One concrete step for next week: who, where, when?",
}

// Answer is one prompt as it was asked and what the person wrote.
type Answer struct {
	Prompt string
	Text   string
}

// Reflection is one ISO week's look back.
type Reflection struct {
	Week Week
	// The three short ratings, 1–10; 0 when not answered.
	Supported     int // how supported I felt
	Confidence    int // confidence in staying on track next week
	CravingBother int // how much cravings bothered me
	Answers       []Answer
	UpdatedAt     time.Time
}

// Field names of a reflection's problems.
const (
	FieldWeek          = "week"
	FieldSupported     = "supported"
	FieldConfidence    = "confidence"
	FieldCravingBother = "craving_bother"
	FieldAnswer        = "answer" // FieldAnswer + index, e.g. "answer2"
	FieldPrompt        = "prompt"
)

// Limits of a reflection.
const (
	MaxRating    = 10
	MaxAnswerLen = 10000
	MaxPromptLen = 300
	MaxPrompts   = 20
)

// Begun reports whether anything has been answered.
func (r Reflection) Begun() bool {
	if r.Supported != 0 || r.Confidence != 0 || r.CravingBother != 0 {
		return true
	}
	for _, a := range r.Answers {
		if strings.TrimSpace(a.Text) != "" {
			return true
		}
	}
	return false
}

// FirstLine is the first non-empty line of the first answer, for lists of
// past weeks.
func (r Reflection) FirstLine() string {
	for _, a := range r.Answers {
		for _, l := range strings.Split(a.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				return l
			}
		}
	}
	return ""
}

// Normalize trims the trailing blank space of each answer.
func (r Reflection) Normalize() Reflection {
	answers := make([]Answer, len(r.Answers))
	for i, a := range r.Answers {
		answers[i] = Answer{Prompt: strings.TrimSpace(a.Prompt), Text: cleanText(a.Text, false)}
	}
	r.Answers = answers
	return r
}

// Validate checks a normalized reflection. A week after this one cannot be
// written yet.
func (r Reflection) Validate(today Date) Problems {
	p := Problems{}
	switch {
	case r.Week.IsZero() || r.Week.Year < 1900 || r.Week.Year > 9999 || r.Week.Num < 1 || r.Week.Num > 53 || WeekOf(r.Week.Monday()) != r.Week:
		p[FieldWeek] = "That is not a week."
	case !today.IsZero() && WeekOf(today).Before(r.Week):
		p[FieldWeek] = "That week hasn't started yet."
	}
	for f, v := range map[string]int{FieldSupported: r.Supported, FieldConfidence: r.Confidence, FieldCravingBother: r.CravingBother} {
		if v < 0 || v > MaxRating {
			p[f] = fmt.Sprintf("Ratings are 1 to %d (or blank).", MaxRating)
		}
	}
	if len(r.Answers) > MaxPrompts {
		p[FieldAnswer] = fmt.Sprintf("A week holds at most %d prompts.", MaxPrompts)
	}
	for i, a := range r.Answers {
		if msg := PromptProblem(a.Prompt); msg != "" {
			p[fmt.Sprintf("%s%d", FieldAnswer, i)] = msg
		} else if msg := TextProblem(a.Text, MaxAnswerLen, true); msg != "" {
			p[fmt.Sprintf("%s%d", FieldAnswer, i)] = msg
		}
	}
	return p
}

// PromptProblem checks one prompt's text.
func PromptProblem(s string) string {
	if strings.TrimSpace(s) == "" {
		return "A prompt needs some words."
	}
	return TextProblem(s, MaxPromptLen, false)
}

// AnswersFor lays out the prompts to show for a week: the saved answers in
// their order, with their prompts as they were asked; for a week not yet
// begun, the current prompt set with empty answers.
func AnswersFor(saved Reflection, prompts []string) []Answer {
	if saved.Begun() && len(saved.Answers) > 0 {
		return append([]Answer(nil), saved.Answers...)
	}
	out := make([]Answer, len(prompts))
	for i, p := range prompts {
		out[i] = Answer{Prompt: p}
	}
	return out
}

// ReflectionHeader is a past week in the list: enough to recognise it.
type ReflectionHeader struct {
	Week      Week
	FirstLine string // the first line written that week
	Answered  int    // prompts with an answer
	UpdatedAt time.Time
}
