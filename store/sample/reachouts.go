package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/tether-recovery/tether/model"
)

// plannedReachOut is a reach-out before its contact has an id: contact is
// the contact's position in journal.contacts, and Generate fills ContactID
// once the contacts are stored.
type plannedReachOut struct {
	contact int
	model.ReachOut
}

// The sample person lives on UK time, so a year of their log crosses the
// clock changes and the journal holds both offsets, as a real one does.
// Fixed zones, not a tz database: the sample must not depend on the machine.
var (
	winterTime = time.FixedZone("", 0)
	summerTime = time.FixedZone("", 60*60)
)

// zoneOn is the UK offset in force on day: summer time from the last Sunday
// of March to the last Sunday of October. (The change happens at 1am; the
// sample logs nothing that early on a Sunday.)
func zoneOn(day model.Date) *time.Location {
	if !day.Before(lastSunday(day.Year, time.March)) && day.Before(lastSunday(day.Year, time.October)) {
		return summerTime
	}
	return winterTime
}

func lastSunday(year int, month time.Month) model.Date {
	d := model.DateOf(time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC)) // day 0: the month's last day
	for d.Time().Weekday() != time.Sunday {
		d = d.AddDays(-1)
	}
	return d
}

// clockAt is minutes after midnight on day, local time; past 24 hours it
// runs into the next day, as a late-night message does.
func clockAt(day model.Date, minutes int) time.Time {
	return time.Date(day.Year, day.Month, day.Day, 0, minutes, 0, 0, zoneOn(day))
}

// hm is a time of day in minutes.
func hm(h, m int) int { return h*60 + m }

// maybe returns s one time in n (n <= 1: always), else "".
func maybe(r *rand.Rand, n int, s string) string {
	if n <= 1 || r.IntN(n) == 0 {
		return s
	}
	return ""
}

// helpedMostly answers "did it help": usually yes, sometimes somewhat, now
// and then left unsaid or no.
func helpedMostly(r *rand.Rand) model.Helped {
	switch x := r.IntN(20); {
	case x < 11:
		return model.HelpedYes
	case x < 15:
		return model.HelpedSomewhat
	case x < 19:
		return model.HelpedUnsaid
	default:
		return model.HelpedNo
	}
}

// contactIndex finds the demo contacts by name; the sample's own data, so a
// missing name is a bug in this package, caught by its tests.
func contactIndex(cs []model.Contact) func(name string) int {
	idx := make(map[string]int, len(cs))
	for i, c := range cs {
		idx[c.Name] = i
	}
	return func(name string) int {
		i, ok := idx[name]
		if !ok {
			panic("sample: no contact named " + name)
		}
		return i
	}
}

// meetingLog counts the meetings attended each day, so that the check-ins'
// "meetings" answer agrees with the reach-out log.
type meetingLog map[model.Date]int

// smallReachOuts is about two months of the demo person's log (with a few
// older entries for the people seen rarely, and the history of those now
// archived): the sponsor most days, the Tuesday meeting, the therapist every
// other Tuesday, the sponsee, family on Sundays. lapse is the day they used,
// which shapes the days around it.
func smallReachOuts(r *rand.Rand, today model.Date, cs []model.Contact, lapse model.Date) ([]plannedReachOut, meetingLog) {
	who := contactIndex(cs)
	var out []plannedReachOut
	meetings := meetingLog{}
	add := func(name string, day model.Date, minutes int, ch model.Channel, dir model.Direction, helped model.Helped, note string) {
		out = append(out, plannedReachOut{contact: who(name), ReachOut: model.ReachOut{
			At: clockAt(day, minutes), Channel: ch, Direction: dir, Helped: helped, Note: note,
		}})
		if ch == model.ChannelMeeting {
			meetings[day]++
		}
	}
	const (
		denise, priya, smart, zoe = "Denise Okafor", "Dr. Priya Raman", "Tuesday SMART meeting", "Zoë Fontaine"
		liam, jose, shiv, mum     = "Liam Kavanagh", "José Álvarez", "Siobhán Byrne", "Maureen Byrne"
	)
	afterLapse := lapse.AddDays(1)

	for ago := 60; ago >= 1; ago-- {
		day := today.AddDays(-ago)
		wd := day.Time().Weekday()

		// The sponsor, most days: the morning call, or after the Thursday
		// Big Book group, in person. Always the day after the lapse.
		switch {
		case day == afterLapse:
			add(denise, day, hm(7, 5), model.ChannelCall, model.DirectionMine, model.HelpedYes,
				"Told her about Saturday. She didn't flinch. \"A lapse is information, not a verdict.\" Meeting Tuesday, call every day this week.")
		case wd == time.Thursday && r.IntN(10) < 8:
			add(denise, day, hm(21, 10+r.IntN(20)), model.ChannelInPerson, model.DirectionMine, helpedMostly(r),
				maybe(r, 3, pick(r, sponsorNotes)))
			meetings[day]++ // the Big Book group itself
		case ago == 1 || r.IntN(10) < 8:
			dir, ch := model.DirectionMine, model.ChannelCall
			if r.IntN(4) == 0 {
				dir = model.DirectionTheirs
			}
			if r.IntN(5) == 0 {
				ch = model.ChannelText
			}
			add(denise, day, hm(7, 20+r.IntN(50)), ch, dir, helpedMostly(r), maybe(r, 4, pick(r, sponsorNotes)))
		}

		switch wd {
		case time.Tuesday:
			if ago != 29 { // one Tuesday missed: a late shift
				add(smart, day, hm(19, 0), model.ChannelMeeting, model.DirectionMine, helpedMostly(r), maybe(r, 2, pick(r, meetingNotes)))
			}
			// Therapy every other Tuesday, with the latest one inside the
			// last fortnight.
			if ago%14 < 7 {
				add(priya, day, hm(16, 0), model.ChannelInPerson, model.DirectionMine, model.HelpedYes, maybe(r, 2, pick(r, therapyNotes)))
			}
		case time.Wednesday:
			if r.IntN(5) < 3 {
				add("Sam 🧗", day, hm(18, 30), model.ChannelInPerson, model.DirectionMine, model.HelpedYes, maybe(r, 4, "Topped the green overhang. Didn't think about drinking for two hours."))
			}
		case time.Saturday:
			if day != lapse && r.IntN(10) < 7 {
				add("Food bank Saturday crew", day, hm(12, 5), model.ChannelInPerson, model.DirectionSupported, helpedMostly(r), "")
			}
			if r.IntN(10) < 8 {
				add(jose, day, hm(11, 45), model.ChannelInPerson, model.DirectionMine, helpedMostly(r), maybe(r, 3, "Football then coffee. Not the pub, and he didn't even ask."))
			}
		case time.Sunday:
			if r.IntN(10) < 8 {
				add(shiv, day, hm(20, 30), model.ChannelCall, pick(r, []model.Direction{model.DirectionMine, model.DirectionTheirs}), helpedMostly(r), maybe(r, 4, "Kids on speaker singing at me. Good call."))
			}
		}
		if r.IntN(4) == 0 {
			dir := model.DirectionMine
			if r.IntN(5) < 2 {
				dir = model.DirectionTheirs
			}
			add(zoe, day, hm(22, r.IntN(50)), pick(r, []model.Channel{model.ChannelText, model.ChannelText, model.ChannelCall}), dir, helpedMostly(r), maybe(r, 4, pick(r, peerNotes)))
		}
		if r.IntN(3) == 0 {
			dir := model.DirectionSupported
			if r.IntN(4) == 0 {
				dir = model.DirectionTheirs
			}
			add(liam, day, hm(18, 15+r.IntN(90)), model.ChannelCall, dir, helpedMostly(r), maybe(r, 3, pick(r, sponseeNotes)))
		}
		if r.IntN(7) == 0 {
			add(mum, day, hm(10, r.IntN(50)), model.ChannelCall, model.DirectionTheirs, pick(r, []model.Helped{model.HelpedSomewhat, model.HelpedYes, model.HelpedUnsaid}), "")
		}
		if wd >= time.Monday && wd <= time.Friday && r.IntN(12) == 0 {
			add("Aisha Rahman", day, hm(12, 40), model.ChannelInPerson, model.DirectionMine, model.HelpedYes, maybe(r, 2, "Lunch walk instead of the Friday drinks."))
		}
	}

	// The days around the lapse, as they happened.
	add("Kev Doyle", lapse.AddDays(-1), hm(22, 47), model.ChannelText, model.DirectionTheirs, model.HelpedNo,
		"\"One won't hurt, Crown tomorrow?\" Didn't answer. Should have deleted it.")
	add("Night owls 🌙", lapse.AddDays(-1), hm(23, 55), model.ChannelMessage, model.DirectionMine, model.HelpedSomewhat,
		"Couldn't sleep. Said so in the chat. Someone in Perth kept me company till 1.")
	add("Ольга Смирнова", afterLapse, hm(19, 30), model.ChannelInPerson, model.DirectionMine, model.HelpedYes,
		"Told her myself before she had to guess. She was sad, not angry.")

	// The occasional people, on days of their own.
	for _, e := range []struct {
		name    string
		ago     int
		minutes int
		ch      model.Channel
		dir     model.Direction
		helped  model.Helped
		note    string
	}{
		{"Ольга Смирнова", 12, hm(21, 0), model.ChannelInPerson, model.DirectionMine, model.HelpedYes, "Said it was a bad day instead of making her guess. Tea on the step."},
		{"Ольга Смирнова", 33, hm(20, 15), model.ChannelInPerson, model.DirectionTheirs, model.HelpedYes, ""},
		{"Gerry Byrne", 27, hm(14, 0), model.ChannelInPerson, model.DirectionMine, model.HelpedSomewhat, "Daytime visit with Shiv. An hour, then left. He didn't open anything."},
		{"Gerry Byrne", 55, hm(13, 30), model.ChannelInPerson, model.DirectionMine, model.HelpedNo, "He had a can by lunch. Left after twenty minutes, like we agreed."},
		{"王芳", 18, hm(8, 10), model.ChannelMessage, model.DirectionTheirs, model.HelpedYes, "Voice note of the choir's new piece. Played it twice."},
		{"王芳", 47, hm(7, 55), model.ChannelMessage, model.DirectionMine, model.HelpedUnsaid, ""},
		{"Kev Doyle", today.DaysSince(weekdayFrom(today, 7, time.Friday)), hm(22, 30), model.ChannelText, model.DirectionTheirs, model.HelpedNo, "Friday night text again. Left it on read and called Zo."},
		{"Tomás Reyes", 15, hm(17, 40), model.ChannelText, model.DirectionMine, model.HelpedYes, "Fourteen months for him too. We said we'd get a cake, a proper one."},
		{"Tomás Reyes", 41, hm(9, 5), model.ChannelText, model.DirectionTheirs, model.HelpedYes, "He heard. Just sent: still here, still proud of you."},
		{"Night owls 🌙", 51, hm(23, 40), model.ChannelMessage, model.DirectionMine, model.HelpedYes, ""},
		{"Night owls 🌙", 30, hm(24, 20), model.ChannelMessage, model.DirectionSupported, model.HelpedYes, "Someone new, day 3. Told them about the first week. Meant it."},
		{"Night owls 🌙", 6, hm(23, 50), model.ChannelMessage, model.DirectionMine, model.HelpedSomewhat, ""},
		{"Pastor Grace Mensah", 36, hm(10, 45), model.ChannelInPerson, model.DirectionMine, model.HelpedYes, "Talked about forgiving myself. She said that's the long one."},
		{"Dr. Hannah Lee", 70, hm(9, 20), model.ChannelCall, model.DirectionMine, model.HelpedYes, "Bloods back: liver numbers down again."},
		{"Ngozi Eze", 20, hm(23, 0), model.ChannelVideo, model.DirectionMine, model.HelpedYes, "Her evening, my midnight. She's sending a book about sleep."},
		{"Ngozi Eze", 48, hm(22, 30), model.ChannelVideo, model.DirectionTheirs, model.HelpedYes, ""},
		{"Ruth Ó Súilleabháin", 320, hm(11, 0), model.ChannelCall, model.DirectionTheirs, model.HelpedYes, "Three-month check from intake. She remembered the dog's name."},
		{"Ruth Ó Súilleabháin", 175, hm(15, 30), model.ChannelInPerson, model.DirectionMine, model.HelpedYes, "Took her a card for the retirement. Cried a bit, both of us."},
	} {
		add(e.name, today.AddDays(-e.ago), e.minutes, e.ch, e.dir, e.helped, e.note)
	}
	// The Monday lunchtime meeting, until the library changed its hours.
	for ago := 100; ago > 62; ago-- {
		if day := today.AddDays(-ago); day.Time().Weekday() == time.Monday {
			add("Monday lunchtime AA", day, hm(12, 30), model.ChannelMeeting, model.DirectionMine, helpedMostly(r), "")
		}
	}
	sortReachOuts(out)
	return out, meetings
}

// weekdayFrom is the first day on weekday at least ago days before today.
func weekdayFrom(today model.Date, ago int, weekday time.Weekday) model.Date {
	d := today.AddDays(-ago)
	for d.Time().Weekday() != weekday {
		d = d.AddDays(-1)
	}
	return d
}

// sortReachOuts puts the log in time order, so ids follow time the way a
// log written day by day does; ties keep a fixed order.
func sortReachOuts(rs []plannedReachOut) {
	slices.SortStableFunc(rs, func(a, b plannedReachOut) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return a.contact - b.contact
	})
}

var sponsorNotes = []string{
	"Read her the craving log. She laughed at the Friday column, kindly.",
	"Step four. Slower than I want, as fast as it goes.",
	"She asked what I'm grateful for before I could start complaining.",
	"Two minutes, from the bus stop. Still counts.",
	"Talked about the wedding in June and how to leave early.",
	"She said: don't make decisions on a Tuesday night.",
	"Told her about work. Plan: one honest sentence to my manager.",
	"HALT check before anything else. Hungry. Ate. Better.",
}

var meetingNotes = []string{
	"Shared for the first time in weeks.",
	"Rob's worksheet on urges: surf them, don't fight them.",
	"Someone got their one year. Clapped till my hands hurt.",
	"Didn't share, just listened. That was enough tonight.",
	"Cost-benefit exercise. Wrote mine on the back of the bus ticket.",
	"Stayed for tea after. Talked to the new guy.",
	"Chair asked me to read the opening. Voice shook, did it anyway.",
}

var therapyNotes = []string{
	"Worked on the craving log. Pattern: Fridays, after work, hungry.",
	"Talked about Dad. Left lighter than I came in.",
	"Homework: notice the thought before the craving, not after.",
	"Nearly cancelled. Went. She said that's the session that counts.",
	"Sleep plan: no phone after 11, same time up every day.",
}

var peerNotes = []string{
	"Same day, same wobble. Laughed about it.",
	"Before, not after — like we said.",
	"She's on nights; sent the sunrise from the ward.",
	"Checked on each other. Both fine. Actually fine.",
	"Planned Sunday: walk, not brunch with bottomless anything.",
}

var sponseeNotes = []string{
	"He's on step one. Mostly listened.",
	"Rough day at work for him. Told him about my first month.",
	"He called before, not after. Told him that's the whole trick.",
	"Went through the phone list with him. He has three numbers now.",
	"He asked how I stay. Told him the truth: one day, and people.",
}

var everydayNotes = []string{
	"Coffee, not the pub.",
	"Long walk, said more than I meant to. Good.",
	"Quick catch-up. Mentioned the anniversary.",
	"They asked how I'm doing and waited for the answer.",
	"Birthday message. Easy.",
	"Helped them move a sofa. Pizza and fizzy water after.",
}

// String shows a planned reach-out in test failures.
func (p plannedReachOut) String() string {
	return fmt.Sprintf("#%d %s %s %s", p.contact, p.At.Format(time.RFC3339), p.Channel, p.Direction)
}
