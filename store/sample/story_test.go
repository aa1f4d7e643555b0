package sample

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// TestSmallTellsAStory checks the demo journal shows what Tether is for:
// a sponsor most days, the weekly meeting, therapy every other week, the
// sponsee supported, a lapse recorded without shame, things slowly getting
// better.
func TestSmallTellsAStory(t *testing.T) {
	j, err := build(Small, today)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]plannedReachOut{}
	directions := map[model.Direction]int{}
	helped := map[model.Helped]int{}
	notes := 0
	for _, r := range j.reachOuts {
		byName[j.contacts[r.contact].Name] = append(byName[j.contacts[r.contact].Name], r)
		directions[r.Direction]++
		helped[r.Helped]++
		if r.Note != "" {
			notes++
		}
	}
	sponsorDays := map[model.Date]bool{}
	for _, r := range byName["Denise Okafor"] {
		sponsorDays[r.Day()] = true
	}
	if n := len(sponsorDays); n < 42 || !sponsorDays[today.AddDays(-1)] {
		t.Errorf("the sponsor on %d of the last 60 days (yesterday: %v); want most days, yesterday included", n, sponsorDays[today.AddDays(-1)])
	}
	meetings := byName["Tuesday SMART meeting"]
	if len(meetings) < 7 {
		t.Errorf("%d Tuesday meetings in two months", len(meetings))
	}
	for _, r := range meetings {
		if r.Channel != model.ChannelMeeting || r.At.Weekday() != time.Tuesday {
			t.Errorf("meeting %v", r)
		}
	}
	therapy := byName["Dr. Priya Raman"]
	for i, r := range therapy {
		if r.Channel != model.ChannelInPerson || i > 0 && r.Day().DaysSince(therapy[i-1].Day()) != 14 {
			t.Errorf("therapy %v: not in person every other week", r)
		}
	}
	if len(therapy) < 4 || today.DaysSince(therapy[len(therapy)-1].Day()) > 14 {
		t.Errorf("%d therapy sessions, the last on %v", len(therapy), therapy[len(therapy)-1].Day())
	}
	supported := 0
	for _, r := range byName["Liam Kavanagh"] {
		if r.Direction == model.DirectionSupported {
			supported++
		}
	}
	if supported < 8 || directions[model.DirectionTheirs] < 15 || notes < 30 || notes > len(j.reachOuts)/2 {
		t.Errorf("supported the sponsee %d times, %d reached out first, %d notes", supported, directions[model.DirectionTheirs], notes)
	}
	for _, h := range model.HelpedAnswers {
		if helped[h] == 0 {
			t.Errorf("no reach-out answered %q", h)
		}
	}
	if len(byName["Ruth Ó Súilleabháin"]) == 0 || len(byName["Monday lunchtime AA"]) == 0 {
		t.Error("the archived contacts have no history")
	}

	var lapses []model.Date
	have := map[model.Date]bool{}
	gratitude := 0
	for _, c := range j.checkIns {
		have[c.Day] = true
		if c.Used != nil && *c.Used {
			lapses = append(lapses, c.Day)
		}
		if c.Gratitude != "" {
			gratitude++
		}
		if want := len(byName["Tuesday SMART meeting"]); c.Meetings != nil && c.Day.Time().Weekday() == time.Tuesday && *c.Meetings == 0 && want > 0 {
			// A Tuesday without the meeting is the one missed on purpose.
			if c.Day != today.AddDays(-29) {
				t.Errorf("%v: a Tuesday with no meeting counted", c.Day)
			}
		}
	}
	if len(lapses) != 1 || lapses[0] != smallLapse(today) || today.DaysSince(lapses[0]) < 30 {
		t.Errorf("lapses %v; want one, a while back", lapses)
	}
	if have[lapses[0].AddDays(1)] || have[today] || !have[today.AddDays(-1)] {
		t.Error("want the day after the lapse missing, today open, yesterday checked in")
	}
	if gratitude < len(j.checkIns)/2 {
		t.Errorf("gratitude on %d of %d days", gratitude, len(j.checkIns))
	}
	if streak := model.Streak(checkInDays(j.checkIns), today); streak < 14 {
		t.Errorf("streak %d", streak)
	}
	early, late := average(j.checkIns[:20], model.MoodOf), average(j.checkIns[len(j.checkIns)-20:], model.MoodOf)
	if late <= early+0.5 {
		t.Errorf("mood %.1f early, %.1f lately; want it rising", early, late)
	}
	early, late = average(j.checkIns[:20], model.CravingOf), average(j.checkIns[len(j.checkIns)-20:], model.CravingOf)
	if late >= early-1 {
		t.Errorf("craving %.1f early, %.1f lately; want it falling", early, late)
	}
	if d := today.DaysSince(j.recoveryStart); d < 400 || d > 450 {
		t.Errorf("recovery start %d days ago; want about fourteen months", d)
	}
}

// TestLargeHasADecade checks the shape of the benchmark journal: lapses
// thinning out, a sponsor most days and meetings every week in every year,
// friends who faded, archived contacts with old history only.
func TestLargeHasADecade(t *testing.T) {
	j, err := build(Large, today)
	if err != nil {
		t.Fatal(err)
	}
	var lapses []model.Date
	for _, c := range j.checkIns {
		if c.Used != nil && *c.Used {
			lapses = append(lapses, c.Day)
		}
	}
	perYear := make([]int, 11)
	for _, l := range lapses {
		perYear[min(10, (3650-today.DaysSince(l))/365)]++
	}
	if perYear[0]+perYear[1]+perYear[2] < 3 || perYear[7]+perYear[8]+perYear[9] != 0 {
		t.Errorf("lapses per year %v; want one to three early on, none lately", perYear)
	}
	if j.recoveryStart != lapses[len(lapses)-1].AddDays(1) {
		t.Errorf("recovery start %v; want the day after the last lapse %v", j.recoveryStart, lapses[len(lapses)-1])
	}
	if first := j.checkIns[0].Day; today.DaysSince(first) < 3650 || today.DaysSince(first) > 4100 {
		t.Errorf("check-ins start %v; want a little over ten years ago", first)
	}

	sponsor := make([]map[model.Date]bool, 10)
	meeting := make([]map[model.Date]bool, 10)
	for y := range 10 {
		sponsor[y], meeting[y] = map[model.Date]bool{}, map[model.Date]bool{}
	}
	last := map[int]model.Date{}
	for _, r := range j.reachOuts {
		y := (3650 - today.DaysSince(r.Day())) / 365
		if y < 0 || y > 9 {
			t.Fatalf("reach-out %v outside the decade", r)
		}
		c := j.contacts[r.contact]
		if c.Circle == model.CircleSponsor {
			sponsor[y][r.Day()] = true
		}
		if r.Channel == model.ChannelMeeting {
			meeting[y][r.Day()] = true
		}
		last[r.contact] = r.Day()
	}
	for y := range 10 {
		if len(sponsor[y]) < 250 || len(meeting[y]) < 50 {
			t.Errorf("year %d: the sponsor on %d days, meetings on %d", y+1, len(sponsor[y]), len(meeting[y]))
		}
	}
	faded, oldOnly := 0, 0
	for i, c := range j.contacts {
		l, ok := last[i]
		switch {
		case !ok:
		case !c.Archived && c.Circle == model.CircleFriend && c.CadenceDays > 0 && today.DaysSince(l) > 90:
			faded++
		case c.Archived && today.DaysSince(l) >= 60:
			oldOnly++
		case c.Archived:
			t.Errorf("archived %s was reached %v", c.Name, l)
		}
	}
	if faded < 3 || oldOnly < 100 {
		t.Errorf("%d friends faded, %d archived contacts with old history; want a few and many", faded, oldOnly)
	}
}

func checkInDays(cs []model.CheckIn) []model.Date {
	out := make([]model.Date, len(cs))
	for i, c := range cs {
		out[i] = c.Day
	}
	return out
}

func average(cs []model.CheckIn, pick func(model.CheckIn) (float64, bool)) float64 {
	sum, n := 0.0, 0
	for _, c := range cs {
		if v, ok := pick(c); ok {
			sum += v
			n++
		}
	}
	return sum / float64(max(n, 1))
}

// TestReflectionsShowTheYears checks the large journal's weeks: the prompt
// set changed twice and the old weeks kept their prompts; answers written
// the way people write (several lines, emoji, prompts left blank); ratings
// climbing over the decade, with the lapse weeks below the weeks around
// them; and the demo's two months on the default prompts.
func TestReflectionsShowTheYears(t *testing.T) {
	j, err := build(Large, today)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]int{}
	var multiLine, emoji, blank, answers int
	for _, r := range j.reflections {
		var prompts []string
		for _, a := range r.Answers {
			prompts = append(prompts, a.Prompt)
			answers++
			switch {
			case a.Text == "":
				blank++
			case strings.Contains(a.Text, "\n"):
				multiLine++
			}
			if strings.ContainsFunc(a.Text, func(r rune) bool { return r >= 0x1F300 }) {
				emoji++
			}
		}
		sets[strings.Join(prompts, "|")]++
	}
	older, short := strings.Join(olderPrompts, "|"), strings.Join(model.DefaultPrompts, "|")
	short = strings.Replace(short, model.DefaultPrompts[3], shortPrompt3, 1)
	if len(sets) != 3 || sets[older] != olderWeeks || sets[short] != shortPromptWeeks-olderWeeks ||
		sets[strings.Join(model.DefaultPrompts, "|")] != LargeReflections-shortPromptWeeks {
		t.Errorf("prompt sets used: %v", sets)
	}
	if !slices.Equal(promptsOf(j.reflections[0]), olderPrompts) || !slices.Equal(promptsOf(j.reflections[len(j.reflections)-1]), model.DefaultPrompts) {
		t.Error("want the first week on the older prompts and the last on the defaults")
	}
	if multiLine < 100 || emoji < 50 || blank < answers/20 || blank > answers/4 {
		t.Errorf("of %d answers: %d on several lines, %d with emoji, %d blank", answers, multiLine, emoji, blank)
	}

	ratings := func(rs []model.Reflection) (supported, confidence, bother float64) {
		var s, c, b, ns, nc, nb float64
		for _, r := range rs {
			if r.Supported > 0 {
				s, ns = s+float64(r.Supported), ns+1
			}
			if r.Confidence > 0 {
				c, nc = c+float64(r.Confidence), nc+1
			}
			if r.CravingBother > 0 {
				b, nb = b+float64(r.CravingBother), nb+1
			}
		}
		return s / ns, c / nc, b / nb
	}
	s0, c0, b0 := ratings(j.reflections[:52])
	s9, c9, b9 := ratings(j.reflections[len(j.reflections)-52:])
	if s9 < s0+2.5 || c9 < c0+2.5 || b9 > b0-2.5 {
		t.Errorf("first year supported %.1f, confidence %.1f, craving bother %.1f; last year %.1f, %.1f, %.1f",
			s0, c0, b0, s9, c9, b9)
	}
	lapsed := map[model.Week]bool{}
	for _, c := range j.checkIns {
		if c.Used != nil && *c.Used {
			lapsed[model.WeekOf(c.Day)] = true
		}
	}
	var dips, lapses int
	for i, r := range j.reflections {
		if !lapsed[r.Week] || i < 4 || i+4 >= len(j.reflections) {
			continue
		}
		lapses++
		_, around, _ := ratings(append(slices.Clone(j.reflections[i-4:i]), j.reflections[i+1:i+5]...))
		if r.Confidence != 0 && float64(r.Confidence) < around {
			dips++
		}
	}
	if lapses < 3 || dips < lapses*2/3 {
		t.Errorf("confidence dipped in %d of %d lapse weeks", dips, lapses)
	}

	small, err := build(Small, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range small.reflections {
		if !slices.Equal(promptsOf(r), model.DefaultPrompts) || !r.Begun() {
			t.Errorf("demo week %v: prompts %q, begun %v", r.Week, promptsOf(r), r.Begun())
		}
	}
}

func promptsOf(r model.Reflection) []string {
	var out []string
	for _, a := range r.Answers {
		out = append(out, a.Prompt)
	}
	return out
}

// TestCheckupsImprove: two years of check-ups in the large journal, BARC-10
// about monthly and MSPSS about quarterly, both scoring better in the last
// year than in the first; the demo has a few, and a BARC-10 due today.
func TestCheckupsImprove(t *testing.T) {
	j, err := build(Large, today)
	if err != nil {
		t.Fatal(err)
	}
	byInstrument := map[model.Instrument][]model.Checkup{}
	for _, c := range j.checkups {
		byInstrument[c.Instrument] = append(byInstrument[c.Instrument], c)
	}
	for in, want := range map[model.Instrument]struct{ n, every int }{
		model.BARC10: {LargeBARC10, 30}, model.MSPSS: {LargeMSPSS, 91},
	} {
		cs := byInstrument[in]
		if len(cs) != want.n {
			t.Fatalf("%s: %d check-ups; want %d", in, len(cs), want.n)
		}
		for i := 1; i < len(cs); i++ {
			if gap := cs[i].Day.DaysSince(cs[i-1].Day); gap != want.every {
				t.Errorf("%s: %d days between %v and %v; want %d", in, gap, cs[i-1].Day, cs[i].Day, want.every)
			}
		}
		if span := today.DaysSince(cs[0].Day); span < 640 || span > 740 {
			t.Errorf("%s: the first is %d days ago; want about two years", in, span)
		}
		if model.CheckupDue(in, cs[len(cs)-1].Day, today) {
			t.Errorf("%s is due in the large journal; its last was %v", in, cs[len(cs)-1].Day)
		}
		half := len(cs) / 2
		var early, late float64
		for i, c := range cs {
			score, _ := c.Score()
			if i < half {
				early += score / float64(half)
			} else {
				late += score / float64(len(cs)-half)
			}
		}
		info, _ := in.Info()
		if late <= early || early < info.Min || late > info.Max {
			t.Errorf("%s: first year scores %.1f on average, second year %.1f; want better", in, early, late)
		}
		t.Logf("%s: %.1f → %.1f", in, early, late)
	}

	small, _ := build(Small, today)
	var barc []model.Checkup
	for _, c := range small.checkups {
		if c.Instrument == model.BARC10 {
			barc = append(barc, c)
		}
	}
	if len(barc) < 3 || !model.CheckupDue(model.BARC10, barc[len(barc)-1].Day, today) {
		t.Errorf("the demo's BARC-10s %v: want a few, the last one due again", barc)
	}
	first, _ := barc[0].Score()
	last, _ := barc[len(barc)-1].Score()
	if last <= first {
		t.Errorf("the demo's BARC-10 went from %.0f to %.0f", first, last)
	}
}
