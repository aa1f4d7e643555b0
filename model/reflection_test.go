package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// reflToday is the pinned "today" of the reflection tests: Wednesday of
// 2026-W47.
var reflToday = day(2026, 11, 18)

// fullReflection answers every default prompt and every rating.
func fullReflection() Reflection {
	r := Reflection{Week: Week{2026, 47}, Supported: 7, Confidence: 8, CravingBother: 3}
	for i, p := range DefaultPrompts {
		r.Answers = append(r.Answers, Answer{Prompt: p, Text: fmt.Sprintf("Answer %d 🌻", i+1)})
	}
	return r
}

func TestDefaultPromptsAreTheSpecs(t *testing.T) {
	// Verbatim from the SPEC's "Weekly reflection".
	want := []string{
		"Who helped you feel seen and supported this week?",
		"Which spaces felt safe for sharing your truth?",
		"How could you be a voice of recovery for someone else?",
		"What got in the way of connecting — fear of judgment, old hurts, time — and what might help?",
		"What did you do this week that was yours and not about recovery?",
		"One concrete step for next week: who, where, when?",
	}
	if !slices.Equal(DefaultPrompts, want) {
		t.Errorf("DefaultPrompts = %q\nwant %q", DefaultPrompts, want)
	}
	for _, p := range DefaultPrompts {
		if msg := PromptProblem(p); msg != "" {
			t.Errorf("default prompt %q refused: %s", p, msg)
		}
	}
}

func TestReflectionBegun(t *testing.T) {
	blank := []Answer{{Prompt: "A?", Text: ""}, {Prompt: "B?", Text: " \n\t "}}
	tests := []struct {
		name string
		r    Reflection
		want bool
	}{
		{"nothing", Reflection{Week: Week{2026, 47}}, false},
		{"prompts with blank answers", Reflection{Answers: blank}, false},
		{"supported rated", Reflection{Supported: 1}, true},
		{"confidence rated", Reflection{Confidence: 10}, true},
		{"craving bother rated", Reflection{CravingBother: 5}, true},
		{"one answer", Reflection{Answers: append(slices.Clone(blank), Answer{Prompt: "C?", Text: "yes"})}, true},
		{"an emoji is an answer", Reflection{Answers: []Answer{{Prompt: "A?", Text: "🙂"}}}, true},
		{"everything", fullReflection(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Begun(); got != tt.want {
				t.Errorf("Begun() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReflectionFirstLine(t *testing.T) {
	tests := []struct {
		name    string
		answers []Answer
		want    string
	}{
		{"no answers", nil, ""},
		{"all blank", []Answer{{"A?", ""}, {"B?", "  \n\n"}}, ""},
		{"first answer's first line", []Answer{{"A?", "Sam called.\nWe talked."}, {"B?", "Later"}}, "Sam called."},
		{"skips blank lines", []Answer{{"A?", "\n  \n\t\n  Sam called.  \nWe talked."}}, "Sam called."},
		{"skips empty answers", []Answer{{"A?", ""}, {"B?", " \n "}, {"C?", "The meeting.\nMore"}}, "The meeting."},
		{"carriage returns", []Answer{{"A?", "\r\nFirst\r\nSecond"}}, "First"},
		{"emoji and other scripts", []Answer{{"A?", "王芳 🌻 helped"}}, "王芳 🌻 helped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Reflection{Answers: tt.answers}
			if got := r.FirstLine(); got != tt.want {
				t.Errorf("FirstLine() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReflectionNormalize(t *testing.T) {
	in := Reflection{
		Week: Week{2026, 47}, Supported: 4, Confidence: 5, CravingBother: 6,
		Answers: []Answer{
			{Prompt: "  Who helped?  ", Text: "  Sam.\n  Then Ana.  \n\n \t"},
			{Prompt: "Blank?", Text: " \n\t\r\n"},
			{Prompt: "Kept", Text: "first\n\nsecond"},
		},
	}
	orig := slices.Clone(in.Answers)
	got := in.Normalize()
	want := []Answer{
		{Prompt: "Who helped?", Text: "  Sam.\n  Then Ana."},
		{Prompt: "Blank?", Text: ""},
		{Prompt: "Kept", Text: "first\n\nsecond"},
	}
	if !slices.Equal(got.Answers, want) {
		t.Errorf("Normalize() answers = %q\nwant %q", got.Answers, want)
	}
	if got.Week != in.Week || got.Supported != 4 || got.Confidence != 5 || got.CravingBother != 6 {
		t.Errorf("Normalize() changed more than the text: %+v", got)
	}
	if !slices.Equal(in.Answers, orig) {
		t.Errorf("Normalize() changed its receiver's answers: %q", in.Answers)
	}
	if again := got.Normalize(); !slices.Equal(again.Answers, got.Answers) {
		t.Errorf("Normalize() is not idempotent: %q then %q", got.Answers, again.Answers)
	}
}

func TestReflectionValidateAcceptsGood(t *testing.T) {
	tests := []struct {
		name  string
		r     Reflection
		today Date
	}{
		{"full, this week", fullReflection(), reflToday},
		{"this week, on its Monday", Reflection{Week: Week{2026, 47}}, day(2026, 11, 16)},
		{"this week, on its Sunday", Reflection{Week: Week{2026, 47}}, day(2026, 11, 22)},
		{"last week", Reflection{Week: Week{2026, 46}, Supported: 1}, reflToday},
		{"years ago", Reflection{Week: Week{2020, 53}, Confidence: 10}, reflToday},
		{"a week 53", Reflection{Week: Week{2026, 53}}, day(2027, 1, 3)},
		{"no today: no future check", Reflection{Week: Week{2099, 1}}, Date{}},
		{"ratings blank", Reflection{Week: Week{2026, 47}}, reflToday},
		{"ratings at the top", Reflection{Week: Week{2026, 47}, Supported: 10, Confidence: 10, CravingBother: 10}, reflToday},
		{"answer at the limit", Reflection{Week: Week{2026, 47}, Answers: []Answer{{"A?", strings.Repeat("x", MaxAnswerLen)}}}, reflToday},
		{"emoji answer at the limit", Reflection{Week: Week{2026, 47}, Answers: []Answer{{"A?", strings.Repeat("👨‍👩‍👧", MaxAnswerLen)}}}, reflToday},
		{"line breaks and tabs in an answer", Reflection{Week: Week{2026, 47}, Answers: []Answer{{"A?", "one\n\ttwo\r\nthree"}}}, reflToday},
		{"prompt at the limit", Reflection{Week: Week{2026, 47}, Answers: []Answer{{strings.Repeat("p", MaxPromptLen), ""}}}, reflToday},
		{"as many prompts as allowed", Reflection{Week: Week{2026, 47}, Answers: slices.Repeat([]Answer{{"A?", ""}}, MaxPrompts)}, reflToday},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := tt.r.Normalize().Validate(tt.today); len(p) != 0 {
				t.Errorf("Validate refused: %v", p)
			}
		})
	}
}

func TestReflectionValidateRefuses(t *testing.T) {
	week := Week{2026, 47}
	tests := []struct {
		name  string
		r     Reflection
		field string
	}{
		{"no week", Reflection{}, FieldWeek},
		{"no week, but answered", Reflection{Supported: 5}, FieldWeek},
		{"2021 has no week 53", Reflection{Week: Week{2021, 53}}, FieldWeek},
		{"week 0", Reflection{Week: Week{2026, 0}}, FieldWeek},
		{"week 54", Reflection{Week: Week{2026, 54}}, FieldWeek},
		{"negative week", Reflection{Week: Week{2026, -1}}, FieldWeek},
		{"year 0", Reflection{Week: Week{0, 1}}, FieldWeek},
		{"year before 1900", Reflection{Week: Week{1899, 10}}, FieldWeek},
		{"year past 9999", Reflection{Week: Week{10000, 10}}, FieldWeek},
		{"next week", Reflection{Week: Week{2026, 48}}, FieldWeek},
		{"next year", Reflection{Week: Week{2027, 1}}, FieldWeek},
		{"supported -1", Reflection{Week: week, Supported: -1}, FieldSupported},
		{"supported 11", Reflection{Week: week, Supported: 11}, FieldSupported},
		{"confidence 11", Reflection{Week: week, Confidence: 11}, FieldConfidence},
		{"confidence -5", Reflection{Week: week, Confidence: -5}, FieldConfidence},
		{"craving bother 11", Reflection{Week: week, CravingBother: 11}, FieldCravingBother},
		{"answer too long", Reflection{Week: week, Answers: []Answer{{"A?", strings.Repeat("x", MaxAnswerLen+1)}}}, FieldAnswer + "0"},
		{"second answer too long", Reflection{Week: week, Answers: []Answer{{"A?", "ok"}, {"B?", strings.Repeat("🌻", MaxAnswerLen+1)}}}, FieldAnswer + "1"},
		{"combining marks pasted", Reflection{Week: week, Answers: []Answer{{"A?", "e" + strings.Repeat("\u0301", 40*MaxAnswerLen)}}}, FieldAnswer + "0"},
		{"escape sequence", Reflection{Week: week, Answers: []Answer{{"A?", "fine\x1b[2J"}}}, FieldAnswer + "0"},
		{"NUL", Reflection{Week: week, Answers: []Answer{{"A?", "a\x00b"}}}, FieldAnswer + "0"},
		{"bidi override", Reflection{Week: week, Answers: []Answer{{"A?", "a\u202Eb"}}}, FieldAnswer + "0"},
		{"not UTF-8", Reflection{Week: week, Answers: []Answer{{"A?", "caf\xe9"}}}, FieldAnswer + "0"},
		{"empty prompt", Reflection{Week: week, Answers: []Answer{{"A?", ""}, {"", "an answer"}}}, FieldAnswer + "1"},
		{"blank prompt", Reflection{Week: week, Answers: []Answer{{"   ", ""}}}, FieldAnswer + "0"},
		{"prompt too long", Reflection{Week: week, Answers: []Answer{{strings.Repeat("p", MaxPromptLen+1), ""}}}, FieldAnswer + "0"},
		{"prompt with a line break", Reflection{Week: week, Answers: []Answer{{"Who\nhelped?", ""}}}, FieldAnswer + "0"},
		{"prompt with a control character", Reflection{Week: week, Answers: []Answer{{"Who\x07?", ""}}}, FieldAnswer + "0"},
		{"too many prompts", Reflection{Week: week, Answers: slices.Repeat([]Answer{{"A?", ""}}, MaxPrompts+1)}, FieldAnswer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.r.Normalize().Validate(reflToday)
			msg, ok := p[tt.field]
			if !ok {
				t.Fatalf("no problem for %q; got %v", tt.field, p)
			}
			assertSentence(t, tt.name, msg)
			if len(p) != 1 {
				t.Errorf("more problems than %q: %v", tt.field, p)
			}
		})
	}
}

func TestReflectionValidateMessages(t *testing.T) {
	p := Reflection{Week: Week{2026, 48}}.Validate(reflToday)
	if got, want := p[FieldWeek], "That week hasn't started yet."; got != want {
		t.Errorf("future week: %q, want %q", got, want)
	}
	p = Reflection{Week: Week{2021, 53}}.Validate(reflToday)
	if got, want := p[FieldWeek], "That is not a week."; got != want {
		t.Errorf("impossible week: %q, want %q", got, want)
	}
	p = Reflection{Week: Week{2026, 47}, Supported: 11}.Validate(reflToday)
	if got := p[FieldSupported]; !strings.Contains(got, "1 to 10") {
		t.Errorf("rating: %q does not give the range", got)
	}
	p = Reflection{Week: Week{2026, 47}, Answers: []Answer{{"A?", strings.Repeat("x", MaxAnswerLen+1)}}}.Validate(reflToday)
	if got := p[FieldAnswer+"0"]; !strings.Contains(got, "10000") {
		t.Errorf("long answer: %q does not give the limit", got)
	}
}

func TestPromptProblem(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"Who helped?", true},
		{"¿Quién te ayudó? 🌻", true},
		{strings.Repeat("p", MaxPromptLen), true},
		{strings.Repeat("王", MaxPromptLen), true},
		{"", false},
		{"   ", false},
		{"\t", false},
		{strings.Repeat("p", MaxPromptLen+1), false},
		{"line\nbreak", false},
		{"tab\there", false},
		{"bell\a", false},
		{"\x1b[31mred", false},
		{"\xff", false},
	}
	for _, tt := range tests {
		msg := PromptProblem(tt.in)
		if tt.ok {
			if msg != "" {
				t.Errorf("PromptProblem(%q) = %q, want none", tt.in, msg)
			}
			continue
		}
		assertSentence(t, fmt.Sprintf("PromptProblem(%q)", tt.in), msg)
	}
	if got, want := PromptProblem(" "), "A prompt needs some words."; got != want {
		t.Errorf("PromptProblem(blank) = %q, want %q", got, want)
	}
}

func TestAnswersFor(t *testing.T) {
	current := []string{"New one?", "New two?"}
	emptyCurrent := []Answer{{Prompt: "New one?"}, {Prompt: "New two?"}}
	old := []Answer{{Prompt: "Old one?", Text: "Sam helped."}, {Prompt: "Old two?", Text: ""}, {Prompt: "Old three?", Text: "A walk."}}
	tests := []struct {
		name  string
		saved Reflection
		want  []Answer
	}{
		{"nothing saved: the current prompts", Reflection{Week: Week{2026, 47}}, emptyCurrent},
		{"saved, but nothing written: the current prompts",
			Reflection{Week: Week{2026, 47}, Answers: []Answer{{Prompt: "Old one?"}, {Prompt: "Old two?", Text: "  "}}}, emptyCurrent},
		{"begun: the saved answers with the prompts as asked", Reflection{Week: Week{2026, 47}, Answers: old}, old},
		{"begun with a rating only: the saved prompts",
			Reflection{Week: Week{2026, 47}, Supported: 3, Answers: []Answer{{Prompt: "Old one?"}}}, []Answer{{Prompt: "Old one?"}}},
		{"rated, but no answers saved: the current prompts", Reflection{Week: Week{2026, 47}, Supported: 3}, emptyCurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AnswersFor(tt.saved, current)
			if !slices.Equal(got, tt.want) {
				t.Errorf("AnswersFor = %q\nwant %q", got, tt.want)
			}
		})
	}

	t.Run("no prompts at all", func(t *testing.T) {
		if got := AnswersFor(Reflection{}, nil); len(got) != 0 {
			t.Errorf("AnswersFor with no prompts = %q", got)
		}
	})
	t.Run("the result is a copy", func(t *testing.T) {
		saved := Reflection{Answers: slices.Clone(old)}
		got := AnswersFor(saved, current)
		got[0].Text = "changed"
		if saved.Answers[0].Text != "Sam helped." {
			t.Errorf("changing AnswersFor's result changed the saved answers")
		}
	})
	t.Run("the default prompts for a new week", func(t *testing.T) {
		got := AnswersFor(Reflection{}, DefaultPrompts)
		if len(got) != len(DefaultPrompts) {
			t.Fatalf("%d answers for %d prompts", len(got), len(DefaultPrompts))
		}
		for i, a := range got {
			if a.Prompt != DefaultPrompts[i] || a.Text != "" {
				t.Errorf("answer %d = %q", i, a)
			}
		}
	})
}

func FuzzReflectionValidate(f *testing.F) {
	f.Add(2026, 47, 7, 8, 3, "Who helped?", "Sam.\nAna 🌻")
	f.Add(2021, 53, 0, 0, 0, "", "")
	f.Add(0, 0, -1, 11, 99, "a\nb", "\x1b[2J")
	f.Add(9999, 52, 10, 10, 10, "\xff", "\u202E")
	f.Fuzz(func(t *testing.T, y, n, s, c, b int, prompt, text string) {
		r := Reflection{Week: Week{y, n}, Supported: s, Confidence: c, CravingBother: b,
			Answers: []Answer{{Prompt: prompt, Text: text}}}.Normalize()
		p := r.Validate(reflToday)
		for field, msg := range p {
			assertNoDebris(t, field, msg)
		}
		_ = p.Error()
		if len(p) == 0 {
			if back, err := ParseWeek(r.Week.String()); err != nil || back != r.Week {
				t.Fatalf("valid week %#v does not read back: %v, %v", r.Week, back, err)
			}
			if WeekOf(reflToday).Before(r.Week) {
				t.Fatalf("future week %v accepted", r.Week)
			}
		}
		_ = r.FirstLine()
		_ = r.Begun()
	})
}
