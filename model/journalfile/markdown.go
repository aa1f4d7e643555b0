package journalfile

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// ReflectionMarkdown renders a week's reflection, with its summary, as
// Markdown to keep or to share by choice.
//
// The document is a "# Week …" heading, the summary as a list of
// sentences, the answered ratings, then each prompt as a "## " heading with
// its answer below ("_(no answer)_" when blank). What the person typed
// keeps its line breaks: a line followed by another line of the same
// paragraph ends with two spaces (a Markdown hard break), and blank lines
// stay paragraph breaks, so the raw text reads as it was written. What
// they typed cannot change the document's shape: a line that would start a
// heading, quote, fence, HTML block, setext underline, thematic break or
// link definition gets a backslash before its first character, and a
// prompt is kept to one heading line. Emphasis and lists they typed render
// as such, inside their own answer. The result is UTF-8, ends with one
// newline, and is the same for the same input.
func ReflectionMarkdown(r model.Reflection, s model.WeekSummary) string {
	w := r.Week
	if w.IsZero() {
		w = s.Week
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Week %s (%s)\n", w, w.Human())

	b.WriteString("\n## The week in connection\n\n")
	for _, line := range summarySentences(s) {
		b.WriteString("- " + line + "\n")
	}

	var ratings []string
	for _, x := range []struct {
		label string
		v     int
	}{
		{"How supported I felt", r.Supported},
		{"Confidence for next week", r.Confidence},
		{"Craving bother", r.CravingBother},
	} {
		if x.v >= 1 && x.v <= model.MaxRating {
			ratings = append(ratings, fmt.Sprintf("- %s: %d/%d\n", x.label, x.v, model.MaxRating))
		}
	}
	if len(ratings) > 0 {
		b.WriteString("\n## Ratings\n\n")
		b.WriteString(strings.Join(ratings, ""))
	}

	for _, a := range r.Answers {
		b.WriteString("\n## " + markdownHeading(a.Prompt) + "\n\n")
		if text := markdownText(a.Text); text != "" {
			b.WriteString(text + "\n")
		} else {
			b.WriteString("_(no answer)_\n")
		}
	}
	// Validated text is UTF-8 already; anything else would make the whole
	// file unreadable to some tools, so a stray byte becomes U+FFFD.
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// summarySentences says the week's figures in words, leaving out what has
// nothing to say.
func summarySentences(s model.WeekSummary) []string {
	var out []string
	if s.ReachOuts == 0 {
		out = append(out, "No reach-outs logged this week.")
	} else {
		out = append(out, fmt.Sprintf("Reached %s in %s.", plural(s.People, "person", "people"), plural(s.ReachOuts, "reach-out", "reach-outs")))
	}
	if len(s.Circles) > 0 {
		labels := make([]string, len(s.Circles))
		for i, c := range s.Circles {
			labels[i] = c.Label()
		}
		out = append(out, "Circles reached: "+strings.Join(labels, ", ")+".")
	}
	out = append(out, fmt.Sprintf("Days with supportive contact: %d of 7.", s.SupportiveDays))
	if len(s.Faded) > 0 {
		names := make([]string, len(s.Faded))
		for i, c := range s.Faded {
			names[i] = markdownInline(c.DisplayName())
		}
		out = append(out, fmt.Sprintf("Not reached in %d days or more: %s.", model.FadeDays, strings.Join(names, ", ")))
	}
	if s.UseReachOuts > 0 && s.ReachOuts > 0 {
		pct := math.Round(s.UseShare * 100)
		share := fmt.Sprintf("%.0f%%", pct)
		if pct < 1 {
			share = "under 1%"
		}
		out = append(out, fmt.Sprintf("With people who support using: %d of %s (%s).", s.UseReachOuts, plural(s.ReachOuts, "reach-out", "reach-outs"), share))
	}
	if s.CheckIns == 0 {
		out = append(out, "No check-ins this week.")
	} else {
		out = append(out, fmt.Sprintf("Checked in on %s.", plural(s.CheckIns, "day", "days")))
	}
	if s.MoodOK {
		out = append(out, "Average mood: "+oneDecimal(s.MoodAvg)+" of 5.")
	}
	if s.CravingOK {
		out = append(out, "Average craving: "+oneDecimal(s.CravingAvg)+" of 10.")
	}
	return out
}

// oneDecimal rounds half away from zero, as people do (2.25 is 2.3), where
// fmt rounds the binary value half to even.
func oneDecimal(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
}

// plural is "1 person", "3 people".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// markdownInline makes one line of typed text (a name) safe inside a
// sentence: line breaks become spaces, and the characters that would start
// emphasis, code, a link or HTML are escaped.
func markdownInline(s string) string {
	s = strings.Join(strings.Fields(model.PrintableLine(s)), " ")
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// markdownHeading makes a prompt one safe heading line: its line breaks
// become spaces, a leading '#' is escaped, and so is a trailing run of '#',
// which Markdown would drop as a closing sequence.
func markdownHeading(s string) string {
	s = strings.Join(strings.Fields(model.PrintableLine(s)), " ")
	if s == "" {
		return "(no prompt)"
	}
	if strings.HasPrefix(s, "#") {
		s = `\` + s
	}
	if trimmed := strings.TrimRight(s, "#"); trimmed != s && (trimmed == "" || strings.HasSuffix(trimmed, " ")) {
		s = trimmed + `\` + s[len(trimmed):]
	}
	return s
}

// markdownText lays out an answer: its own line breaks kept as hard breaks,
// runs of blank lines as one paragraph break, trailing blanks of each line
// dropped, and every line unable to start a block of its own. Blank text
// gives "".
func markdownText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = model.Printable(strings.ReplaceAll(s, "\r", "\n"))
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t")
		if l == "" && (len(lines) == 0 || lines[len(lines)-1] == "") {
			continue // leading blank lines, and repeats
		}
		lines = append(lines, l)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if l == "" {
			continue
		}
		l = markdownLine(l)
		if i+1 < len(lines) && lines[i+1] != "" {
			l += "  " // hard break: the next line is part of the same paragraph
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// markdownLine escapes the first character of a line that Markdown would
// read as the start of a block: a heading (#), a block quote (>), HTML (<),
// a code fence (``` or ~~~), a link definition ([), or a line made only of
// - = * _ (a setext underline, which would turn the line above into a
// heading, or a thematic break). Lines indented four columns or more cannot
// start any of these, so they are left as typed.
func markdownLine(l string) string {
	col, i := 0, 0
	for ; i < len(l) && (l[i] == ' ' || l[i] == '\t'); i++ {
		if l[i] == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	if col >= 4 || i == len(l) {
		return l
	}
	rest := l[i:]
	escape := false
	switch {
	case strings.ContainsRune("#><[", rune(rest[0])):
		escape = true
	case strings.HasPrefix(rest, "```"), strings.HasPrefix(rest, "~~~"):
		escape = true
	case strings.Trim(rest, "-=*_ \t") == "":
		escape = true
	}
	if !escape {
		return l
	}
	return l[:i] + `\` + rest
}
