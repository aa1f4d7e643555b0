package journalfile

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// PeriodMarkdown is the summary of the days from..to (inclusive) that a
// person may choose to share with a sponsor or therapist, as Markdown:
//
//   - a "# Summary: …" title with the period;
//   - "## Check-ins": days checked in of the days in the period, average
//     mood and craving (and sleep) over the days that answered them, hard
//     days (hard or impossible), meetings and groups attended, the HALT
//     ticks, days in a risky situation, and the days use was recorded,
//     said plainly by date;
//   - "## Reach-outs": how many and with how many people, days with
//     supportive contact, reach-outs with people who support using (when
//     there were any), then "### By person" (each person's count and last
//     day, most first) and "### By circle" (in the circles' order);
//   - "## Check-ups", only when a questionnaire was taken in the period:
//     said to be for self-reflection, not a diagnosis, then each one by
//     day with its score, what the instrument's scale means, and its
//     subscale scores when it has them (never the single answers);
//   - "## Reflections": each begun reflection of a week that overlaps the
//     period, rendered by ReflectionMarkdown with headings two levels
//     down. Its summary comes from model.SummarizeWeek over the export's own
//     data, with each contact's last reach-out up to the week's end taken
//     from the export's reach-outs, and with the day of ExportedAt as
//     "today" (so the week being lived is measured up to that day).
//
// A zero from or to takes the first or last day with anything recorded; a
// from after to is read the other way round. Free notes, gratitude lines
// and reach-out notes are not included: only figures, names and the
// reflections. Names keep to one line and cannot change the document's
// shape (as in ReflectionMarkdown). The result is the same for the same
// input and ends with one newline.
func PeriodMarkdown(from, to model.Date, e Export) string {
	from, to = periodBounds(from, to, e)
	var b strings.Builder
	if from.IsZero() {
		b.WriteString("# Summary\n\nNothing has been recorded yet.\n")
		return b.String()
	}
	days := to.DaysSince(from) + 1
	in := func(d model.Date) bool { return !d.Before(from) && !d.After(to) }
	fmt.Fprintf(&b, "# Summary: %s\n", periodHuman(from, to))

	b.WriteString("\n## Check-ins\n\n")
	var checkIns []model.CheckIn
	for _, c := range e.CheckIns {
		if in(c.Day) {
			checkIns = append(checkIns, c)
		}
	}
	for _, line := range checkInSentences(checkIns, days) {
		b.WriteString("- " + line + "\n")
	}

	b.WriteString("\n## Reach-outs\n\n")
	byID := make(map[int64]model.Contact, len(e.Contacts))
	for _, c := range e.Contacts {
		byID[c.ID] = c
	}
	var reachOuts []model.ReachOut
	for _, r := range e.ReachOuts {
		if in(r.Day()) {
			reachOuts = append(reachOuts, r)
		}
	}
	writeReachOuts(&b, reachOuts, byID, from, to, days)

	var checkups []model.Checkup
	for _, c := range e.Checkups {
		if in(c.Day) {
			checkups = append(checkups, c)
		}
	}
	if len(checkups) > 0 {
		b.WriteString("\n## Check-ups\n\n")
		b.WriteString("Questionnaires taken for self-reflection, not a diagnosis.\n\n")
		for _, line := range checkupLines(checkups) {
			b.WriteString("- " + line + "\n")
		}
	}

	b.WriteString("\n## Reflections\n")
	reflections := periodReflections(from, to, e)
	if len(reflections) == 0 {
		b.WriteString("\nNo reflection was written for these weeks.\n")
	}
	for _, doc := range reflections {
		b.WriteString("\n" + doc)
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// periodBounds fills a zero end from the data and orders the two.
func periodBounds(from, to model.Date, e Export) (model.Date, model.Date) {
	if from.IsZero() || to.IsZero() {
		var first, last model.Date
		see := func(d model.Date) {
			if d.IsZero() {
				return
			}
			if first.IsZero() || d.Before(first) {
				first = d
			}
			if last.IsZero() || d.After(last) {
				last = d
			}
		}
		for _, c := range e.CheckIns {
			see(c.Day)
		}
		for _, r := range e.ReachOuts {
			if !r.At.IsZero() {
				see(r.Day())
			}
		}
		for _, r := range e.Reflections {
			if !r.Week.IsZero() && r.Begun() {
				see(r.Week.Monday())
				see(r.Week.Sunday())
			}
		}
		for _, c := range e.Checkups {
			see(c.Day)
		}
		if from.IsZero() {
			from = first
		}
		if to.IsZero() {
			to = last
		}
		if from.IsZero() {
			from = to
		}
		if to.IsZero() {
			to = from
		}
	}
	if from.After(to) {
		from, to = to, from
	}
	return from, to
}

// periodHuman prints a period the way a person reads it: "16 Nov 2026",
// "16–22 Nov 2026", "28 Oct – 3 Nov 2026", "28 Dec 2026 – 3 Jan 2027".
func periodHuman(from, to model.Date) string {
	switch {
	case from == to:
		return from.Human()
	case from.Year != to.Year:
		return from.Human() + " – " + to.Human()
	case from.Month != to.Month:
		return from.Time().Format("2 Jan") + " – " + to.Human()
	}
	return fmt.Sprintf("%d–%s", from.Day, to.Human())
}

// checkInSentences says the period's check-ins in words.
func checkInSentences(cs []model.CheckIn, days int) []string {
	if len(cs) == 0 {
		return []string{fmt.Sprintf("No check-ins in these %s.", plural(days, "day", "days"))}
	}
	out := []string{fmt.Sprintf("Checked in on %d of %s.", len(cs), plural(days, "day", "days"))}
	var mood, craving, sleep float64
	var moods, cravings, sleeps, hard, meetings, meetingDays, risky, riskyAnswered int
	var halt [4]int
	var used []model.Date
	for _, c := range cs {
		if c.Mood >= 1 && c.Mood <= 5 {
			mood += float64(c.Mood)
			moods++
		}
		if c.Craving != nil {
			craving += float64(*c.Craving)
			cravings++
		}
		if c.SleepHours != nil {
			sleep += *c.SleepHours
			sleeps++
		}
		if c.Difficulty == model.DifficultyHard || c.Difficulty == model.DifficultyImpossible {
			hard++
		}
		if c.Meetings != nil {
			meetings += *c.Meetings
			meetingDays++
		}
		if c.Risky != nil {
			riskyAnswered++
			if *c.Risky {
				risky++
			}
		}
		for i, on := range []bool{c.Hungry, c.Angry, c.Lonely, c.Tired} {
			if on {
				halt[i]++
			}
		}
	}
	used = model.LapseDays(cs)
	if moods > 0 {
		out = append(out, fmt.Sprintf("Average mood: %s of 5, over %s.", oneDecimal(mood/float64(moods)), plural(moods, "day", "days")))
	}
	if cravings > 0 {
		out = append(out, fmt.Sprintf("Average craving: %s of 10, over %s.", oneDecimal(craving/float64(cravings)), plural(cravings, "day", "days")))
	}
	if sleeps > 0 {
		out = append(out, fmt.Sprintf("Average sleep: %s hours, over %s.", oneDecimal(sleep/float64(sleeps)), plural(sleeps, "day", "days")))
	}
	out = append(out, fmt.Sprintf("Hard days (hard or impossible): %d.", hard))
	if meetingDays > 0 {
		out = append(out, fmt.Sprintf("Meetings and groups attended: %d.", meetings))
	}
	out = append(out, fmt.Sprintf("Days with HALT ticked: hungry %d, angry %d, lonely %d, tired %d.", halt[0], halt[1], halt[2], halt[3]))
	if riskyAnswered > 0 {
		out = append(out, fmt.Sprintf("In a risky situation or with people who encourage use: %s.", plural(risky, "day", "days")))
	}
	if len(used) == 0 {
		out = append(out, "No use recorded.")
	} else {
		dates := make([]string, len(used))
		for i, d := range used {
			dates[i] = d.Human()
		}
		out = append(out, fmt.Sprintf("Use recorded on %s: %s.", plural(len(used), "day", "days"), strings.Join(dates, ", ")))
	}
	return out
}

// checkupLines says each check-up with its score, oldest first (on the
// same day, in the order of Instruments): "16 Nov 2026, BARC-10 recovery
// capital: 41 (10–60, higher is more recovery capital)."
func checkupLines(cs []model.Checkup) []string {
	order := func(i model.Instrument) int {
		for k, in := range model.Instruments {
			if in == i {
				return k
			}
		}
		return len(model.Instruments)
	}
	cs = append([]model.Checkup(nil), cs...)
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Day != b.Day {
			return a.Day.Before(b.Day)
		}
		return order(a.Instrument) < order(b.Instrument)
	})
	out := make([]string, len(cs))
	for k, c := range cs {
		info, known := c.Instrument.Info()
		if !known {
			name := markdownInline(labelText(string(c.Instrument)))
			if name == "" {
				name = "a check-up"
			}
			out[k] = fmt.Sprintf("%s, %s: not scored, as Tether does not know this questionnaire.", c.Day.Human(), name)
			continue
		}
		total, subs := c.Score()
		if total == 0 {
			out[k] = fmt.Sprintf("%s, %s: not scored, as its answers do not fit the questionnaire.", c.Day.Human(), info.Name)
			continue
		}
		line := fmt.Sprintf("%s, %s: %s (%s).", c.Day.Human(), info.Name, checkupScore(info, total), info.ScoreLabel)
		var parts []string
		for _, sub := range info.Subscales() {
			if v, ok := subs[sub]; ok {
				parts = append(parts, sub+" "+checkupScore(info, v))
			}
		}
		if len(parts) > 0 {
			line += " Subscales: " + strings.Join(parts, ", ") + "."
		}
		out[k] = line
	}
	return out
}

// checkupScore writes a score as its scale reads: whole for a sum of the
// answers (a BARC-10 total of 41), to one decimal for a mean (an MSPSS
// score of 5.2).
func checkupScore(info model.InstrumentInfo, x float64) string {
	if info.Max == float64(len(info.Items)*len(info.Scale)) {
		return strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	}
	return oneDecimal(x)
}

// writeReachOuts writes the period's reach-outs: totals, by person, by
// circle.
func writeReachOuts(b *strings.Builder, rs []model.ReachOut, byID map[int64]model.Contact, from, to model.Date, days int) {
	if len(rs) == 0 {
		fmt.Fprintf(b, "- No reach-outs logged in these %s.\n", plural(days, "day", "days"))
		return
	}
	type person struct {
		id    int64
		name  string
		key   string
		c     model.Contact
		known bool
		n     int
		last  time.Time
	}
	people := map[int64]*person{}
	var use int
	for _, r := range rs {
		p := people[r.ContactID]
		if p == nil {
			c, known := byID[r.ContactID]
			name := c.DisplayName()
			if !known {
				name = r.ContactName
				if name == "" {
					name = fmt.Sprintf("Contact %d", r.ContactID)
				}
			}
			p = &person{id: r.ContactID, name: name, key: model.Fold(name), c: c, known: known}
			people[r.ContactID] = p
		}
		p.n++
		if r.At.After(p.last) {
			p.last = r.At
		}
		if p.known && p.c.Stance == model.StanceSupportsUsing {
			use++
		}
	}
	fmt.Fprintf(b, "- %s with %s.\n", plural(len(rs), "reach-out", "reach-outs"), plural(len(people), "person", "people"))
	fmt.Fprintf(b, "- Days with supportive contact: %d of %d.\n", model.SupportiveDays(rs, byID, from, to), days)
	if use > 0 {
		fmt.Fprintf(b, "- With people who support using: %d of %s.\n", use, plural(len(rs), "reach-out", "reach-outs"))
	}

	list := make([]*person, 0, len(people))
	for _, p := range people {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool {
		a, c := list[i], list[j]
		switch {
		case a.n != c.n:
			return a.n > c.n
		case a.key != c.key:
			return a.key < c.key
		}
		return a.id < c.id
	})
	b.WriteString("\n### By person\n\n")
	circles := map[model.Circle][2]int{} // reach-outs, people
	for _, p := range list {
		line := markdownLead(markdownInline(p.name))
		if p.known {
			circle := p.c.Circle
			if !circle.Valid() {
				circle = model.CircleOther
			}
			line += " — " + circle.Label()
			x := circles[circle]
			circles[circle] = [2]int{x[0] + p.n, x[1] + 1}
		}
		fmt.Fprintf(b, "- %s: %s, last on %s.\n", line, plural(p.n, "reach-out", "reach-outs"), model.DateOf(p.last).Human())
	}
	if len(circles) == 0 {
		return
	}
	b.WriteString("\n### By circle\n\n")
	for _, c := range model.Circles {
		if x, ok := circles[c]; ok {
			fmt.Fprintf(b, "- %s: %s with %s.\n", c.Label(), plural(x[0], "reach-out", "reach-outs"), plural(x[1], "person", "people"))
		}
	}
}

// periodReflections renders the begun reflections of the weeks that
// overlap the period, oldest first, each with its week's summary.
func periodReflections(from, to model.Date, e Export) []string {
	var rs []model.Reflection
	for _, r := range e.Reflections {
		if r.Week.IsZero() || !r.Begun() || r.Week.Sunday().Before(from) || r.Week.Monday().After(to) {
			continue
		}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return nil
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Week.Before(rs[j].Week) })

	// Each week's own reach-outs and check-ins, and the running last
	// reach-out of each contact up to the end of the week, so that a year
	// of weeks does not walk the whole log once a week.
	weekOf := func(d model.Date) model.Week { return model.WeekOf(d) }
	reachByWeek := map[model.Week][]model.ReachOut{}
	log := make([]model.ReachOut, 0, len(e.ReachOuts))
	for _, r := range e.ReachOuts {
		if r.At.IsZero() {
			continue
		}
		reachByWeek[weekOf(r.Day())] = append(reachByWeek[weekOf(r.Day())], r)
		log = append(log, r)
	}
	sort.SliceStable(log, func(i, j int) bool { return log[i].Day().Before(log[j].Day()) })
	checkByWeek := map[model.Week][]model.CheckIn{}
	for _, c := range e.CheckIns {
		if !c.Day.IsZero() {
			checkByWeek[weekOf(c.Day)] = append(checkByWeek[weekOf(c.Day)], c)
		}
	}
	var today model.Date
	if !e.ExportedAt.IsZero() {
		today = model.DateOf(e.ExportedAt)
	}

	last := map[int64]time.Time{}
	next := 0
	out := make([]string, len(rs))
	for i, r := range rs {
		end := r.Week.Sunday()
		for ; next < len(log) && !log[next].Day().After(end); next++ {
			if x := log[next]; x.At.After(last[x.ContactID]) {
				last[x.ContactID] = x.At
			}
		}
		lastBefore := make(map[int64]time.Time, len(last))
		for id, t := range last {
			lastBefore[id] = t
		}
		s := model.SummarizeWeek(r.Week, today, reachByWeek[r.Week], checkByWeek[r.Week], e.Contacts, lastBefore)
		out[i] = demoteHeadings(ReflectionMarkdown(r, s), 2)
	}
	return out
}

// demoteHeadings moves every heading of a document down n levels. Only
// headings start a line with '#' in what ReflectionMarkdown writes: typed
// text that would is escaped there.
func demoteHeadings(doc string, n int) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			lines[i] = strings.Repeat("#", n) + l
		}
	}
	return strings.Join(lines, "\n")
}

// markdownLead escapes what would make inline text at the start of a list
// item open a block of its own: a heading, quote, list marker (- + or
// "1." "1)"), fence or table.
func markdownLead(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("#>-+=~|", rune(s[0])) {
		return `\` + s
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
