package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/views/term"
)

// From networkTwoColumns cells wide the review is two columns,
// networkGap apart.
const (
	networkTwoColumns = 120
	networkGap        = 4
)

// networkPage is the review's lines with no one selected, and where the
// faded people are in it. Every faded person has a line, but only those
// of the stretch read are drawn (the others are empty until it is read).
type networkPage struct {
	width      int
	lines      []string
	fadedStart int      // index of the first faded person's line; -1 when none
	fadedFrom  int      // the first faded person drawn
	fadedChose []string // each drawn faded person's whole page line, with them chosen
}

// networkSection is one part of the review, kept whole in one column.
type networkSection struct {
	lines      []string
	fadedStart int // as in networkPage, within the section
	fadedFrom  int
	fadedChose []string
}

func plainSection(lines []string) networkSection { return networkSection{lines: lines, fadedStart: -1} }

// drawPage lays the review out for w cells: its sections one under the
// other, or from networkTwoColumns wide in two columns, each section
// whole in one, the columns as even in height as the order allows.
//
// Text ends a cell short of the edge: a line that fills the screen and
// ends in a word reads as cut off (see assertNothingCut).
func (m networkModel) drawPage(w int) *networkPage {
	title := []string{truncate(m.styles.Title.Render("Network")+m.styles.Muted.Render(" · the shape of your support"), w-1), ""}
	if w < networkTwoColumns {
		col := stack(m.sections(w - 1))
		return col.under(title, w)
	}
	cw := (w - 1 - networkGap) / 2
	secs := m.sections(cw)
	split := evenSplit(secs)
	left, right := stack(secs[:split]), stack(secs[split:])
	join := func(l, r string) string {
		if r == "" {
			return l // the faded not yet drawn, beside nothing, cost nothing
		}
		return strings.TrimRight(l+strings.Repeat(" ", max(0, cw-term.Cells(l))+networkGap)+r, " ")
	}
	page := &networkPage{width: w, lines: title, fadedStart: -1, fadedFrom: left.fadedFrom + right.fadedFrom}
	for i := range max(len(left.lines), len(right.lines)) {
		page.lines = append(page.lines, join(lineAt(left.lines, i), lineAt(right.lines, i)))
	}
	// The faded people are in one of the columns: each chosen line is a
	// whole page line, with the other column's line beside it.
	for k, chosen := range left.fadedChose {
		page.fadedChose = append(page.fadedChose, join(chosen, lineAt(right.lines, left.fadedStart+left.fadedFrom+k)))
	}
	for k, chosen := range right.fadedChose {
		page.fadedChose = append(page.fadedChose, join(lineAt(left.lines, right.fadedStart+right.fadedFrom+k), chosen))
	}
	if start := max(left.fadedStart, right.fadedStart); start >= 0 {
		page.fadedStart = len(title) + start
	}
	return page
}

// lineAt is lines[i], or nothing past the end.
func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// stack sets sections one under the other, a blank line between two.
func stack(secs []networkSection) networkSection {
	col := networkSection{fadedStart: -1}
	for i, s := range secs {
		if i > 0 {
			col.lines = append(col.lines, "")
		}
		if s.fadedStart >= 0 {
			col.fadedStart = len(col.lines) + s.fadedStart
			col.fadedFrom, col.fadedChose = s.fadedFrom, s.fadedChose
		}
		col.lines = append(col.lines, s.lines...)
	}
	return col
}

// under is the page of one column under the title.
func (col networkSection) under(title []string, w int) *networkPage {
	p := &networkPage{width: w, lines: append(title, col.lines...), fadedStart: -1, fadedFrom: col.fadedFrom, fadedChose: col.fadedChose}
	if col.fadedStart >= 0 {
		p.fadedStart = len(title) + col.fadedStart
	}
	return p
}

// evenSplit is how many sections go in the left column, in order, so the
// taller column is as short as it can be (the earlier split on a tie).
func evenSplit(secs []networkSection) int {
	// As stack sets them: a blank line between two.
	height := func(ss []networkSection) int {
		h := max(0, len(ss)-1)
		for _, s := range ss {
			h += len(s.lines)
		}
		return h
	}
	best, bestH := 1, -1
	for k := 1; k <= len(secs); k++ {
		if h := max(height(secs[:k]), height(secs[k:])); bestH < 0 || h < bestH {
			best, bestH = k, h
		}
	}
	return best
}

// sections are the review's parts, each drawn for w cells: the health
// figures, the circles, the people who support using, the year's
// reach-outs, the trends, and who has faded (last: a long list that j and
// k move through).
func (m networkModel) sections(w int) []networkSection {
	s, d := m.styles, m.data
	secs := []networkSection{
		plainSection(healthLines(d, w, s)),
		plainSection(circleLines(d.circles, w, s)),
	}
	if len(d.risky) > 0 {
		secs = append(secs, plainSection(riskyLines(d.risky, d.riskyCount, w, s)))
	}
	today := model.Today(m.clock)
	heat := append(heading(s, "Reach-outs over the last year", "", w),
		heatmap(d.counts, today, min(heatWeeks, max(4, w-5)), w, s)...)
	secs = append(secs, plainSection(heat), plainSection(m.trendLines(w)))
	if d.short.FadedCount > 0 {
		secs = append(secs, m.fadedSection(w, today))
	}
	return secs
}

// heading is a section's title with a muted note after it, or under it
// where both do not fit.
func heading(s *Styles, title, note string, w int) []string {
	if note == "" {
		return []string{truncate(s.Heading.Render(title), w)}
	}
	if term.Cells(title+" · "+note) <= w {
		return []string{s.Heading.Render(title) + s.Muted.Render(" · "+note)}
	}
	return append([]string{truncate(s.Heading.Render(title), w)}, hanging("", note, 0, w, s.Muted)...)
}

// hanging sets text after lead, word by word: its first line beside lead,
// the others indent cells in, each at most w cells wide. No word breaks,
// nor words kept together (see together).
func hanging(lead, text string, indent, w int, style lipgloss.Style) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' })
	lines := flow(words, " ", w-term.Cells(lead), w-indent)
	out := []string{strings.TrimRight(lead, " ")}
	for i, l := range lines {
		l = style.Render(strings.ReplaceAll(l, nbsp, " "))
		switch {
		case i == 0 && lines[0] != "":
			out[0] = lead + l
		case i > 0:
			out = append(out, strings.Repeat(" ", indent)+l)
		}
	}
	// On a screen narrower than the lead, the lead is cut too, as any
	// text is: with "…".
	out[0] = truncate(out[0], w)
	return out
}

// together keeps words on one line when hanging sets them, as "15 Oct"
// or "9 Nov 2026".
func together(words string) string { return strings.ReplaceAll(words, " ", nbsp) }

// flow sets words on lines, sep between two on a line: the first line at
// most first cells, the others at most rest. A word never breaks: one
// wider than first starts the second line (where that is wider), and one
// wider than its line is cut, with "…".
func flow(words []string, sep string, first, rest int) []string {
	lines := []string{""}
	for _, word := range words {
		i := len(lines) - 1
		limit := rest
		if i == 0 {
			limit = first
		}
		line := word
		if lines[i] != "" {
			line = lines[i] + sep + word
		}
		switch {
		case term.Cells(line) <= limit:
			lines[i] = line
		case lines[i] == "" && (i > 0 || rest <= first):
			lines[i] = truncate(word, limit)
		default:
			lines = append(lines, truncate(word, rest))
		}
	}
	return lines
}

// healthLines are the health figures over the two windows, side by side.
func healthLines(d networkData, w int, s *Styles) []string {
	rows := [][3]string{
		{"", "last 14 days", "last 12 weeks"},
		{"People reached", fmt.Sprint(d.short.People), fmt.Sprint(d.long.People)},
		{"Circles reached", fmt.Sprintf("%d of %d", len(d.short.Circles), len(model.Circles)), fmt.Sprintf("%d of %d", len(d.long.Circles), len(model.Circles))},
		{"Days with supportive contact", fmt.Sprintf("%d of %d", d.short.SupportiveDays, d.short.Days), fmt.Sprintf("%d of %d", d.long.SupportiveDays, d.long.Days)},
		{"With people who support using", percent(d.short), percent(d.long)},
		{"Faded (no contact 14+ days)", fmt.Sprint(d.short.FadedCount), ""},
		{"Can call any time", fmt.Sprint(d.short.AnyTime), ""},
	}
	var widths [2]int
	measure := func() int {
		widths = [2]int{}
		last := 0
		for _, r := range rows {
			widths[0], widths[1] = max(widths[0], term.Cells(r[0])+2), max(widths[1], term.Cells(r[1])+2)
			last = max(last, term.Cells(r[2]))
		}
		return widths[0] + widths[1] + last
	}
	if measure() > w {
		// The windows' names alone, where "last" does not fit.
		rows[0] = [3]string{"", "14 days", "12 weeks"}
		measure()
	}
	lines := make([]string, 0, len(rows))
	for i, r := range rows {
		line := strings.TrimRight(pad(r[0], widths[0])+pad(r[1], widths[1])+r[2], " ")
		if i == 0 {
			line = s.Heading.Render(line)
		}
		lines = append(lines, truncate(line, w))
	}
	return lines
}

// minSuggestionW is the narrowest strip beside a circle's label that
// holds the suggestion for an empty circle; narrower, it goes under the
// label.
const minSuggestionW = 36

// circleLines are the circles with how many are in each and as many of
// their names as fit; a circle with nobody is named gently.
func circleLines(circles map[model.Circle]model.CircleMembers, w int, s *Styles) []string {
	lw := circleLabelW()
	lines := heading(s, "Circles", "", w)
	for _, c := range model.Circles {
		members := circles[c]
		if members.Count == 0 {
			// Where a suggestion could hurt (family, partner) the circle
			// is just marked empty. The suggestion goes beside it, or
			// under it where that would leave it a narrow strip.
			lead := s.Muted.Render(pad(c.Label(), lw) + "  –  ")
			sug := model.CircleSuggestion(c)
			if w-lw-5 >= minSuggestionW || sug == "" {
				lines = append(lines, hanging(lead, sug, lw+5, w, s.Muted)...)
			} else {
				lines = append(lines, truncate(strings.TrimRight(lead, " "), w))
				lines = append(lines, hanging("    ", sug, 4, w, s.Muted)...)
			}
			continue
		}
		names := make([]string, len(members.First))
		for i, p := range members.First {
			names[i] = oneLine(p.Name)
		}
		line := pad(c.Label(), lw) + fmt.Sprintf("%3d", members.Count)
		if some := someOf(names, members.Count, w-lw-5); some != "" {
			line += "  " + some
		}
		lines = append(lines, truncate(line, w))
	}
	return lines
}

// circleLabelW is the circles' label column: the longest label and two
// cells.
func circleLabelW() int {
	lw := 0
	for _, c := range model.Circles {
		lw = max(lw, term.Cells(c.Label())+2)
	}
	return lw
}

// circleNamesFor is how many names of each circle the review reads for a
// page w cells wide: as many as could fit beside a circle's label in a
// column, each at least a cell and a comma.
func circleNamesFor(w int) int {
	col := w - 1
	if w >= networkTwoColumns {
		col = (w - 1 - networkGap) / 2
	}
	return max(1, (col-circleLabelW()-5)/3+2)
}

// someNames lists as many whole names as fit in w cells, and how many
// more there are; nothing when not even one fits.
func someNames(names []string, w int) string { return someOf(names, len(names), w) }

// someOf is someNames of total people whose first names are given.
func someOf(names []string, total, w int) string {
	if all := strings.Join(names, ", "); total == len(names) && term.Cells(all) <= w {
		return all
	}
	some := ""
	for k := 1; k <= min(len(names), total-1); k++ {
		s := strings.Join(names[:k], ", ") + fmt.Sprintf(" and %d more", total-k)
		if term.Cells(s) > w {
			break
		}
		some = s
	}
	return some
}

// riskyLines name the people marked as supporting using, privately and
// without blame: how often they were in touch over the last 12 weeks, and
// the days a hard check-in followed. Nothing when there are none.
func riskyLines(ties []model.RiskyTie, total, w int, s *Styles) []string {
	const shown = riskyShown
	nw := 0
	for _, t := range ties[:min(shown, len(ties))] {
		nw = max(nw, term.Cells(oneLine(t.Contact.Name))+2)
	}
	nw = min(nw, 26, max(10, w/2))
	lines := heading(s, "People who support using", "in your journal only", w)
	for i, t := range ties {
		if i == shown {
			break
		}
		words := "not in touch in 12 weeks"
		if t.ReachOuts > 0 {
			words = "in touch " + times(t.ReachOuts) + " in 12 weeks"
		}
		if n := len(t.HardAfter); n > 0 {
			days := make([]string, 0, 3)
			for _, d := range t.HardAfter[max(0, n-3):] {
				days = append(days, together(d.Time().Format("2 Jan")))
			}
			words += "; a hard day followed " + times(n) + " (" + strings.Join(days, ", ") + ")"
		}
		lines = append(lines, hanging("  "+pad(oneLine(t.Contact.Name), nw), words, 2+nw, w, lipgloss.NewStyle())...)
	}
	if total > shown {
		lines = append(lines, hanging("  ", fmt.Sprintf("and %d more, not in touch as often", total-shown), 2, w, s.Muted)...)
	}
	return append(lines, hanging("", "Knowing who they are helps; they are never suggested when it gets hard, and never counted as support.", 0, w, s.Muted)...)
}

// fadedNameW is the faded list's name column (a 26-cell name and two
// spaces), fixed: the list is read a stretch at a time, so it cannot
// grow to fit the longest name of all.
const fadedNameW = 28

// fadedSection lists who has faded, longest gap first, each line ready to
// be shown chosen: a line for each of them, drawn for the stretch read.
func (m networkModel) fadedSection(w int, today model.Date) networkSection {
	s, d := m.styles, m.data
	const circleW, sinceW = 12, len("last contact 18mo ago")
	nw := max(8, min(fadedNameW, w-2-circleW-sinceW))
	sec := networkSection{lines: heading(s, "Faded: no contact in 14+ days", "j/k choose, enter goes to them", w), fadedFrom: d.fadedFrom}
	sec.fadedStart = len(sec.lines)
	sec.lines = append(sec.lines, make([]string, d.short.FadedCount)...)
	for i, c := range d.short.Faded {
		text := pad(oneLine(c.Name), nw) + pad(c.Circle.Short(), circleW) + "last contact " + model.SinceLabel(today.DaysSince(model.DateOf(c.LastContact))) + " ago"
		if row := sec.fadedStart + d.fadedFrom + i; row < len(sec.lines) {
			sec.lines[row] = truncate("  "+text, w)
		}
		sec.fadedChose = append(sec.fadedChose, s.Selected.Render(truncate("› "+text, w)))
	}
	return sec
}

// times is how often: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

func percent(h model.NetworkHealth) string {
	if h.ReachOuts == 0 {
		return "–"
	}
	return fmt.Sprintf("%d%% of %d", int(h.UseShare*100+0.5), h.ReachOuts)
}

// trendLabelW is the trends' label column: "Craving", and the check-ups'
// abbreviations.
const trendLabelW = 10

// trendLines are mood, cravings and the check-ups week by week, and what
// the check-ups are (and are not).
func (m networkModel) trendLines(w int) []string {
	s, d := m.styles, m.data
	lines := heading(s, fmt.Sprintf("Trends, week by week (last %d weeks)", trendWeeks), "", w)
	lines = append(lines, trendLine("Mood", d.mood, 1, 5, w, s)...)
	lines = append(lines, trendLine("Craving", d.craving, 0, model.MaxCraving, w, s)...)
	for _, i := range model.Instruments {
		info, _ := i.Info()
		lines = append(lines, checkupTrend(info, d.checkups[i], s, w)...)
	}
	return append(append(lines, ""), hanging("", "Check-ups are for self-reflection, never a diagnosis. BARC-10: Vilsaint et al. (2017). MSPSS: Zimet et al. (1988). u takes one.", 0, w, s.Muted)...)
}

// trendLine is a labelled sparkline with its latest value; at most the
// points that fit in w.
func trendLine(label string, pts []model.Point, lo, hi float64, w int, s *Styles) []string {
	latest := "–"
	for i := len(pts) - 1; i >= 0; i-- {
		if pts[i].OK {
			latest = fmt.Sprintf("%.1f", pts[i].Value)
			break
		}
	}
	return sparkRow(label, pts, lo, hi, "latest week "+latest, w, s)
}

// sparkRow is a label, the last points that fit in w as a sparkline, and
// what they mean after it (on the lines under it where it does not fit).
func sparkRow(label string, pts []model.Point, lo, hi float64, words string, w int, s *Styles) []string {
	pts = pts[max(0, len(pts)-max(1, w-trendLabelW-2)):]
	lead := s.Label.Render(pad(label, trendLabelW)) + sparkline(pts, lo, hi) + "  "
	return hanging(lead, words, trendLabelW, w, s.Muted)
}

// checkupTrend is a check-up's scores over the times it was taken, under
// its abbreviation (see shortName).
func checkupTrend(info model.InstrumentInfo, cs []model.Checkup, s *Styles, w int) []string {
	if len(cs) == 0 {
		return hanging(s.Label.Render(pad(shortName(info), trendLabelW)), "not taken yet", trendLabelW, w, s.Muted)
	}
	pts := make([]model.Point, 0, len(cs))
	for _, c := range cs[max(0, len(cs)-40):] {
		total, _ := c.Score()
		pts = append(pts, model.Point{Day: c.Day, Value: total, OK: true})
	}
	last := cs[len(cs)-1]
	total, _ := last.Score()
	// What the score means goes under the line whole where it does not
	// fit after it, rather than broken mid-phrase.
	scale := "(" + info.ScoreLabel + ")"
	if term.Cells(scale) <= w-trendLabelW {
		scale = together(scale)
	}
	return sparkRow(shortName(info), pts, info.Min, info.Max, together(fmt.Sprintf("%.1f on %s", total, last.Day.Human()))+" "+scale, w, s)
}

// shortName is an instrument's abbreviation, the first word of its name
// ("BARC-10 recovery capital"), as the note under the trends credits it:
// the whole name would not fit the label column, and cut it reads as
// "BARC-10 r…".
func shortName(info model.InstrumentInfo) string {
	name, _, _ := strings.Cut(info.Name, " ")
	return name
}
