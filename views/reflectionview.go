package views

import (
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

func (m reflectionModel) view() string {
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
	}
	switch {
	case m.mode == modePrompts:
		return clip(m.prompts.view(), w, h)
	case m.mode == modeList:
		return clip(m.listView(w, h), w, h)
	case m.form != nil:
		return clip(m.writingView(w), w, h)
	}
	lines := m.pageLines(w)
	scroll := max(0, min(m.scroll, len(lines)-h))
	return clip(strings.Join(lines[scroll:], "\n"), w, h)
}

// writingView keeps one line of what happened above the form.
func (m reflectionModel) writingView(w int) string {
	s := m.styles
	top := s.Muted.Render(truncate(summaryLine(m.data.summary), w))
	if m.savedMsg != "" {
		top = s.Success.Render(m.savedMsg) + " " + top
	}
	return truncate(top, w) + "\n\n" + m.form.view()
}

// pageLines is a week to read: what the log says, the ratings, then each
// prompt with its answer.
func (m reflectionModel) pageLines(w int) []string {
	s := m.styles
	today := model.Today(m.clock)
	head := s.Title.Render("Reflection · "+m.week.String()) + s.Muted.Render(" · "+m.week.Human())
	if m.week == model.WeekOf(today) {
		head += s.Muted.Render(" (this week)")
	}
	lines := []string{truncate(head, w), ""}
	switch {
	case m.loadErr != nil:
		return append(lines, s.Error.Render(wrap("Could not read this week: "+m.loadErr.Error(), w)))
	case !m.loaded:
		return append(lines, s.Muted.Render("Opening the week…"))
	}
	lines = append(lines, summaryLines(m.data.summary, s, w)...)
	lines = append(lines, "")

	r := m.data.reflection
	if !r.Begun() {
		lines = append(lines, wrap("Not written yet. Press e to begin: three quick ratings, then a few questions. It saves as you go.", w), "")
	}
	ratings := ratingsLine(r)
	if ratings != "" {
		lines = append(lines, wrap(ratings, w), "")
	}
	for _, a := range model.AnswersFor(r, m.data.prompts) {
		lines = append(lines, strings.Split(s.Heading.Render(wrap(a.Prompt, w)), "\n")...)
		if strings.TrimSpace(a.Text) == "" {
			lines = append(lines, s.Muted.Render("–"))
		} else {
			lines = append(lines, strings.Split(wrap(a.Text, w), "\n")...)
		}
		lines = append(lines, "")
	}
	return lines
}

func ratingsLine(r model.Reflection) string {
	var parts []string
	for _, x := range []struct {
		label string
		v     int
	}{{"Felt supported", r.Supported}, {"Confidence for next week", r.Confidence}, {"Craving bother", r.CravingBother}} {
		if x.v > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/10", x.label, x.v))
		}
	}
	return strings.Join(parts, " · ")
}

// summaryLine is the week in one line, shown above the form while writing.
func summaryLine(sm model.WeekSummary) string {
	return fmt.Sprintf("This week: %s reached, %s with supportive contact, %s.",
		model.Plural(sm.People, "person"), model.Plural(sm.SupportiveDays, "day"), model.Plural(sm.ReachOuts, "reach-out"))
}

// summaryLines is the week's network summary at the top of its page.
func summaryLines(sm model.WeekSummary, s *Styles, w int) []string {
	lines := []string{s.Heading.Render("The week in connection")}
	add := func(text string) { lines = append(lines, strings.Split(wrap(text, w), "\n")...) }
	if sm.ReachOuts == 0 {
		add("No reach-outs logged this week.")
	} else {
		circles := make([]string, len(sm.Circles))
		for i, c := range sm.Circles {
			circles[i] = strings.ToLower(c.Label())
		}
		add(fmt.Sprintf("%s reached (%s) in %s: %s.", model.Plural(sm.People, "person"), model.Plural(sm.ReachOuts, "reach-out"),
			model.Plural(len(sm.Circles), "circle"), strings.Join(circles, ", ")))
	}
	add(fmt.Sprintf("Days with a supportive contact: %d of 7.", sm.SupportiveDays))
	if sm.UseReachOuts > 0 {
		lines = append(lines, s.Warning.Render(wrap(fmt.Sprintf("%d%% of reach-outs were with people who support using.", int(sm.UseShare*100+0.5)), w)))
	}
	if sm.FadedCount > 0 {
		names := make([]string, 0, summaryNames+1)
		for _, c := range sm.Faded[:min(summaryNames, len(sm.Faded))] {
			names = append(names, oneLine(c.Name))
		}
		if more := sm.FadedCount - len(names); more > 0 {
			names = append(names, fmt.Sprintf("and %d more", more))
		}
		add("Not reached in 14+ days: " + strings.Join(names, ", ") + ".")
	}
	var feel []string
	if sm.MoodOK {
		feel = append(feel, fmt.Sprintf("mood %.1f of 5", sm.MoodAvg))
	}
	if sm.CravingOK {
		feel = append(feel, fmt.Sprintf("craving %.1f of 10", sm.CravingAvg))
	}
	if len(feel) > 0 {
		add(fmt.Sprintf("Check-ins: %d; on average %s.", sm.CheckIns, strings.Join(feel, ", ")))
	}
	return lines
}

func (m reflectionModel) listView(w, h int) string {
	s := m.styles
	lines := []string{s.Title.Render("Past weeks") + s.Muted.Render(" · newest first · enter opens · esc back"), ""}
	switch {
	case m.headersErr != nil:
		return strings.Join(append(lines, s.Error.Render(wrap("Could not read your reflections: "+m.headersErr.Error(), w))), "\n")
	case len(m.headers) == 0:
		return strings.Join(append(lines, s.Muted.Render(wrap("No weeks written yet. This week's page is one key away: esc, then e.", w))), "\n")
	}
	rows := max(1, h-len(lines))
	start := max(0, min(m.listCursor-rows+1, len(m.headers)-rows))
	for i := start; i < min(len(m.headers), start+rows); i++ {
		hd := m.headers[i]
		row := hd.Week.String() + "  " + pad(hd.Week.Human(), 26) + " " + pad(fmt.Sprintf("%d answered", hd.Answered), 11) + " " + oneLine(hd.FirstLine)
		if i == m.listCursor {
			lines = append(lines, s.Selected.Render(truncate("› "+row, w)))
		} else {
			lines = append(lines, truncate("  "+row, w))
		}
	}
	return strings.Join(lines, "\n")
}
