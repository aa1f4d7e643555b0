package journalfile

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// mdSummary is a week with something to say in every figure.
func mdSummary() model.WeekSummary {
	return model.WeekSummary{
		Week: model.Week{Year: 2026, Num: 47}, ReachOuts: 7, People: 4,
		Circles:        []model.Circle{model.CircleFellowship, model.CircleSponsor, model.CircleFamily},
		SupportiveDays: 5,
		Faded:          []model.Contact{{ID: 3, Name: "Sam", Nickname: "Sammy"}, {ID: 4, Name: "Zoë 🌻"}},
		UseReachOuts:   1, UseShare: 1.0 / 7,
		CheckIns: 6, MoodAvg: 11.0 / 3, MoodOK: true, CravingAvg: 2.25, CravingOK: true,
	}
}

// mdReflection answers every default prompt, in a person's own words.
func mdReflection() model.Reflection {
	texts := []string{
		"Ana, after the Tuesday meeting.\nDee called twice 🙏",
		"The Tuesday group.\n\nAlso the walk with Ben.",
		"Share at the meeting on Friday.",
		"#1 was fear of judgment.\n## Old hurts, too.",
		"Baked bread 🍞",
		"Call Dee, Monday, 7pm.",
	}
	r := model.Reflection{Week: model.Week{Year: 2026, Num: 47}, Supported: 7, Confidence: 8, CravingBother: 3}
	for i, p := range model.DefaultPrompts {
		r.Answers = append(r.Answers, model.Answer{Prompt: p, Text: texts[i]})
	}
	return r
}

func TestReflectionMarkdownFull(t *testing.T) {
	want := `# Week 2026-W47 (16–22 Nov 2026)

## The week in connection

- Reached 4 people in 7 reach-outs.
- Circles reached: Fellowship / recovery group, Sponsor or mentor, Family.
- Days with supportive contact: 5 of 7.
- Not reached in 14 days or more: Sam (Sammy), Zoë 🌻.
- With people who support using: 1 of 7 reach-outs (14%).
- Checked in on 6 days.
- Average mood: 3.7 of 5.
- Average craving: 2.3 of 10.

## Ratings

- How supported I felt: 7/10
- Confidence for next week: 8/10
- Craving bother: 3/10

## Who helped you feel seen and supported this week?

Ana, after the Tuesday meeting.  
Dee called twice 🙏

## Which spaces felt safe for sharing your truth?

The Tuesday group.

Also the walk with Ben.

## How could you be a voice of recovery for someone else?

Share at the meeting on Friday.

## What got in the way of connecting — fear of judgment, old hurts, time — and what might help?

\#1 was fear of judgment.  
\## Old hurts, too.

## What did you do this week that was yours and not about recovery?

Baked bread 🍞

## One concrete step for next week: who, where, when?

Call Dee, Monday, 7pm.
`
	if got := ReflectionMarkdown(mdReflection(), mdSummary()); got != want {
		t.Errorf("ReflectionMarkdown:\n%s\nwant:\n%s\n%s", got, want, firstDiff(got, want))
	}
}

// firstDiff points at the first line where two documents differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return "no line differs"
}

func TestReflectionMarkdownEmptyWeek(t *testing.T) {
	r := model.Reflection{Week: model.Week{Year: 2026, Num: 53}, Answers: []model.Answer{{Prompt: "Who helped?"}, {Prompt: "What next?", Text: " \n\t\n"}}}
	want := `# Week 2026-W53 (28 Dec 2026 – 3 Jan 2027)

## The week in connection

- No reach-outs logged this week.
- Days with supportive contact: 0 of 7.
- No check-ins this week.

## Who helped?

_(no answer)_

## What next?

_(no answer)_
`
	if got := ReflectionMarkdown(r, model.WeekSummary{Week: r.Week}); got != want {
		t.Errorf("ReflectionMarkdown:\n%s\nwant:\n%s\n%s", got, want, firstDiff(got, want))
	}
}

func TestReflectionMarkdownSummarySentences(t *testing.T) {
	tests := []struct {
		name      string
		s         model.WeekSummary
		has, hasn []string
	}{
		{"one of each", model.WeekSummary{ReachOuts: 1, People: 1, CheckIns: 1, SupportiveDays: 1},
			[]string{"- Reached 1 person in 1 reach-out.\n", "- Checked in on 1 day.\n", "- Days with supportive contact: 1 of 7.\n"}, nil},
		{"no use share when none", model.WeekSummary{ReachOuts: 3, People: 2},
			[]string{"- Reached 2 people in 3 reach-outs.\n"}, []string{"support using"}},
		{"all with people who support using", model.WeekSummary{ReachOuts: 2, People: 1, UseReachOuts: 2, UseShare: 1},
			[]string{"- With people who support using: 2 of 2 reach-outs (100%).\n"}, nil},
		{"a tiny share", model.WeekSummary{ReachOuts: 300, People: 30, UseReachOuts: 1, UseShare: 1.0 / 300},
			[]string{"(under 1%)"}, nil},
		{"no averages when not answered", model.WeekSummary{CheckIns: 3, MoodAvg: 4, CravingAvg: 2},
			[]string{"- Checked in on 3 days.\n"}, []string{"Average"}},
		{"only a craving average", model.WeekSummary{CheckIns: 2, CravingAvg: 0, CravingOK: true},
			[]string{"- Average craving: 0.0 of 10.\n"}, []string{"Average mood"}},
		{"whole averages keep one decimal", model.WeekSummary{CheckIns: 2, MoodAvg: 4, MoodOK: true},
			[]string{"- Average mood: 4.0 of 5.\n"}, nil},
		{"no circles, no faded", model.WeekSummary{ReachOuts: 1, People: 1},
			nil, []string{"Circles", "Not reached"}},
		{"every circle by its label", model.WeekSummary{ReachOuts: 2, People: 2, Circles: []model.Circle{model.CircleWork, model.CircleOther}},
			[]string{"- Circles reached: School / work, Other.\n"}, nil},
		{"faded names that look like Markdown", model.WeekSummary{Faded: []model.Contact{{Name: "*Jo*"}, {Name: "[x](y)"}, {Name: "<b>"}, {Name: "a_b_c"}}},
			[]string{`- Not reached in 14 days or more: \*Jo\*, \[x\](y), \<b\>, a\_b\_c.` + "\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ReflectionMarkdown(model.Reflection{Week: model.Week{Year: 2026, Num: 47}}, tt.s)
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("document lacks %q:\n%s", s, got)
				}
			}
			for _, s := range tt.hasn {
				if strings.Contains(got, s) {
					t.Errorf("document has %q:\n%s", s, got)
				}
			}
			assertDocumentEnd(t, got)
		})
	}
}

func TestReflectionMarkdownRatings(t *testing.T) {
	tests := []struct {
		name string
		r    model.Reflection
		want string // the ratings section, "" for none
	}{
		{"no ratings", model.Reflection{}, ""},
		{"only some", model.Reflection{Confidence: 10, CravingBother: 1},
			"## Ratings\n\n- Confidence for next week: 10/10\n- Craving bother: 1/10\n"},
		{"only supported", model.Reflection{Supported: 4}, "## Ratings\n\n- How supported I felt: 4/10\n"},
		{"out of range is not shown", model.Reflection{Supported: 11, Confidence: -1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.Week = model.Week{Year: 2026, Num: 47}
			tt.r.Answers = []model.Answer{{Prompt: "Who?", Text: "Ana"}}
			got := ReflectionMarkdown(tt.r, model.WeekSummary{})
			i := strings.Index(got, "## Ratings")
			if tt.want == "" {
				if i >= 0 {
					t.Errorf("a Ratings section with no rating answered:\n%s", got)
				}
				return
			}
			if i < 0 {
				t.Fatalf("no Ratings section:\n%s", got)
			}
			section := got[i:]
			section = section[:strings.Index(section, "\n## Who?")]
			if section != tt.want {
				t.Errorf("Ratings section = %q, want %q", section, tt.want)
			}
		})
	}
}

// answerBlock renders one answer and returns what stands under its heading.
func answerBlock(t *testing.T, prompt, text string) string {
	t.Helper()
	doc := ReflectionMarkdown(model.Reflection{Week: model.Week{Year: 2026, Num: 47}, Answers: []model.Answer{{Prompt: prompt, Text: text}}}, model.WeekSummary{})
	assertDocumentEnd(t, doc)
	_, after, ok := strings.Cut(doc, "\n## "+markdownHeading(prompt)+"\n\n")
	if !ok {
		t.Fatalf("no heading for %q in:\n%s", prompt, doc)
	}
	return after
}

func TestReflectionMarkdownAnswers(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"one line", "Ana.", "Ana.\n"},
		{"emoji and other scripts", "王芳 🌻 and 👨‍👩‍👧 — thank you", "王芳 🌻 and 👨‍👩‍👧 — thank you\n"},
		{"line breaks are hard breaks", "one\ntwo\nthree", "one  \ntwo  \nthree\n"},
		{"blank lines are paragraphs", "one\n\ntwo", "one\n\ntwo\n"},
		{"runs of blank lines become one", "one\n\n\n \n\t\ntwo", "one\n\ntwo\n"},
		{"blank lines at either end are dropped", "\n\n  \none\n\n\n", "one\n"},
		{"trailing blanks of each line dropped", "one  \t\ntwo \n", "one  \ntwo\n"},
		{"Windows and old Mac line ends", "one\r\ntwo\rthree", "one  \ntwo  \nthree\n"},
		{"a leading # is not a heading", "# not a heading", "\\# not a heading\n"},
		{"## and ### too", "## two\n### three", "\\## two  \n\\### three\n"},
		{"# after a little indent", "  # indented", "  \\# indented\n"},
		{"# deep in the line is left alone", "I was #1 today", "I was #1 today\n"},
		{"# indented four columns is text already", "    # code", "    # code\n"},
		{"a tab is four columns", "\t# code", "\t# code\n"},
		{"a block quote", "> quoted", "\\> quoted\n"},
		{"HTML", "<!-- never closed", "\\<!-- never closed\n"},
		{"a script block", "<script>alert(1)</script>", "\\<script>alert(1)</script>\n"},
		{"a code fence", "```\nnever closed", "\\```  \nnever closed\n"},
		{"a tilde fence", "~~~go", "\\~~~go\n"},
		{"a setext underline", "Title\n===", "Title  \n\\===\n"},
		{"a dash underline", "Title\n---", "Title  \n\\---\n"},
		{"a single dash under a line", "Title\n-", "Title  \n\\-\n"},
		{"a thematic break", "***", "\\***\n"},
		{"a spaced thematic break", "* * *", "\\* * *\n"},
		{"underscores", "___", "\\___\n"},
		{"a link definition", "[me]: http://example.org", "\\[me]: http://example.org\n"},
		{"a list stays a list", "- Ana\n- Dee", "- Ana  \n- Dee\n"},
		{"an ordered list stays a list", "1. call\n2. go", "1. call  \n2. go\n"},
		{"emphasis is kept", "a *good* day", "a *good* day\n"},
		{"a line of only spaces is a blank line", "one\n   \ntwo", "one\n\ntwo\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := answerBlock(t, "Prompt?", tt.text); got != tt.want {
				t.Errorf("answer %q rendered %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestReflectionMarkdownPrompts(t *testing.T) {
	tests := []struct {
		prompt, want string
	}{
		{"Who helped?", "## Who helped?\n"},
		{"# hashtag prompt", "## \\# hashtag prompt\n"},
		{"Am I ok? #", "## Am I ok? \\#\n"},
		{"Am I ok? ###", "## Am I ok? \\###\n"},
		{"#", "## \\#\n"},
		{"###", "## \\###\n"},
		{"Number #1", "## Number #1\n"},
		{"  spaced   out  ", "## spaced out\n"},
		{"two\nlines", "## two lines\n"},
		{"", "## (no prompt)\n"},
		{"¿Quién te ayudó? 🌻", "## ¿Quién te ayudó? 🌻\n"},
	}
	for _, tt := range tests {
		t.Run(tt.prompt, func(t *testing.T) {
			doc := ReflectionMarkdown(model.Reflection{Week: model.Week{Year: 2026, Num: 47}, Answers: []model.Answer{{Prompt: tt.prompt, Text: "x"}}}, model.WeekSummary{})
			if !strings.Contains(doc, "\n\n"+tt.want+"\nx\n") {
				t.Errorf("prompt %q: want heading %q in:\n%s", tt.prompt, tt.want, doc)
			}
			assertDocumentEnd(t, doc)
		})
	}
}

func TestReflectionMarkdownWeekFromSummary(t *testing.T) {
	doc := ReflectionMarkdown(model.Reflection{}, model.WeekSummary{Week: model.Week{Year: 2027, Num: 1}})
	if !strings.HasPrefix(doc, "# Week 2027-W01 (4–10 Jan 2027)\n") {
		t.Errorf("heading of a reflection without its week: %q", doc)
	}
}

func TestReflectionMarkdownDeterministic(t *testing.T) {
	a := ReflectionMarkdown(mdReflection(), mdSummary())
	for range 10 {
		if b := ReflectionMarkdown(mdReflection(), mdSummary()); b != a {
			t.Fatalf("two renderings differ:\n%s", firstDiff(b, a))
		}
	}
}

// assertDocumentEnd checks the end of a document: one newline, no blank
// space before it.
func assertDocumentEnd(t *testing.T, doc string) {
	t.Helper()
	if !strings.HasSuffix(doc, "\n") || strings.HasSuffix(doc, "\n\n") {
		t.Errorf("document does not end with exactly one newline: %q", tail(doc))
	}
	if strings.TrimRight(doc, " \t\r\n") != strings.TrimSuffix(doc, "\n") {
		t.Errorf("document ends with blank space: %q", tail(doc))
	}
}

func tail(s string) string {
	if len(s) > 40 {
		return s[len(s)-40:]
	}
	return s
}

// assertStructure checks, line by line, that a document has exactly the
// headings it should and that no typed line can open a block that would
// swallow or reshape what follows.
func assertStructure(t *testing.T, doc string, prompts int, rated bool) {
	t.Helper()
	assertDocumentEnd(t, doc)
	wantH2 := 1 + prompts
	if rated {
		wantH2++
	}
	var h1, h2 int
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(l, "# "):
			h1++
		case strings.HasPrefix(l, "## "):
			h2++
		}
		i := len(l) - len(strings.TrimLeft(l, " "))
		if i >= 4 || strings.HasPrefix(l, "\t") {
			continue
		}
		rest := l[i:]
		for _, p := range []string{"#", ">", "<", "```", "~~~", "["} {
			if strings.HasPrefix(rest, p) && !strings.HasPrefix(l, "# Week ") && !strings.HasPrefix(l, "## ") {
				t.Errorf("line %q opens a block", l)
			}
		}
		if rest != "" && strings.Trim(rest, "-=*_ \t") == "" {
			t.Errorf("line %q is an underline or a break", l)
		}
	}
	if h1 != 1 || h2 != wantH2 {
		t.Errorf("%d level-1 and %d level-2 headings, want 1 and %d:\n%s", h1, h2, wantH2, doc)
	}
	if !utf8.ValidString(doc) {
		t.Errorf("document is not UTF-8")
	}
}

func TestReflectionMarkdownStructure(t *testing.T) {
	assertStructure(t, ReflectionMarkdown(mdReflection(), mdSummary()), len(model.DefaultPrompts), true)
	nasty := "#\n  ##\n>\n<div>\n```\n~~~\n---\n===\n[a]: b\n- ```\n* * *\n"
	r := model.Reflection{Week: model.Week{Year: 2026, Num: 47}, Answers: []model.Answer{{Prompt: "# A #", Text: nasty}, {Prompt: "B", Text: nasty + nasty}}}
	assertStructure(t, ReflectionMarkdown(r, model.WeekSummary{}), 2, false)
}

func FuzzReflectionMarkdown(f *testing.F) {
	f.Add("Who helped?", "Ana.\nDee 🌻", 7, "Sam")
	f.Add("# A #", "#\n>\n<!--\n```\n---\n===\n[a]: b", 0, "*x*")
	f.Add("", "\r\n\r\n  \t\n", 11, "")
	f.Add("a\nb", "- ```\n\n    <!--\n  # x\n   ~~~", 10, "<b>")
	f.Fuzz(func(t *testing.T, prompt, text string, rating int, name string) {
		r := model.Reflection{Week: model.Week{Year: 2026, Num: 47}, Supported: rating,
			Answers: []model.Answer{{Prompt: prompt, Text: text}, {Prompt: "Next?", Text: text}}}
		s := model.WeekSummary{Faded: []model.Contact{{Name: name}}}
		doc := ReflectionMarkdown(r, s)
		assertStructure(t, doc, 2, rating >= 1 && rating <= model.MaxRating)
		if again := ReflectionMarkdown(r, s); again != doc {
			t.Fatalf("not deterministic")
		}
	})
}
