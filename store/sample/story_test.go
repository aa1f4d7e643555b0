package sample

import (
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
