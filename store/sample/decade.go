package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The large journal's log: a decade of reach-outs drawn from each contact's
// rhythm, exactly LargeReachOuts of them.

// LargeReachOuts is how many reach-outs the large journal holds: the SPEC's
// decade of data.
const LargeReachOuts = 50_000

// A rhythm is how one contact of the large journal shows up in the log.
type rhythm struct {
	from, to int // days ago, inclusive: the span of their history
	perDay   float64
	weekday  time.Weekday // for weekly groups
	weekly   bool
	minutes  int // time of a weekly group
	channel  model.Channel
	fixed    bool // a sponsor or a weekly group: kept out of the scaling
}

// earlyYears are the people and groups of the large journal's first years,
// archived since: the sponsors before Denise (with her they make a decade of
// a sponsor called most days) and the meetings of early recovery.
func earlyYears(today model.Date) []model.Contact {
	d := days{today}
	return []model.Contact{
		{
			Name: "Frank Mulligan", Circle: model.CircleSponsor, Group: "Early birds AA 7am",
			Phone: "(312) 555-0109", Preferred: model.ChannelCall, Availability: "Before 8am, after the meeting",
			Importance: 5, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(3660), CadenceDays: 1,
			Notes:    "First sponsor. Thirty years sober, no patience for excuses, endless patience for me.\nMoved to Galway; Christmas card every year.",
			Tags:     []string{"sponsor", "AA"},
			Archived: true, CreatedAt: d.at(3650), UpdatedAt: d.at(2100),
		},
		{
			Name: "Marcus Webb", Circle: model.CircleSponsor, Group: "Thursday night Big Book group",
			Phone: "07700 900502", Preferred: model.ChannelCall, Availability: "Evenings",
			Importance: 5, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(2400), CadenceDays: 1,
			Notes:    "Took me on when Frank moved. Stepped back from sponsoring after his heart operation; introduced me to Denise.",
			Tags:     []string{"sponsor", "AA"},
			Archived: true, CreatedAt: d.at(2110), UpdatedAt: d.at(415),
		},
		{
			Name: "Aftercare Thursdays", Circle: model.CircleTreatment, Group: "Harbour House",
			Preferred: model.ChannelInPerson, Availability: "Thursdays 6pm, first year after discharge",
			Importance: 5, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(3680), CadenceDays: 7,
			Notes:    "The year after treatment. Graduated with a keyring and a hug from the night nurse.",
			Tags:     []string{"treatment", "meeting"},
			Archived: true, CreatedAt: d.at(3650), UpdatedAt: d.at(3250),
		},
		{
			Name: "Sunday NA — Riverside", Circle: model.CircleFellowship, Group: "Riverside community centre",
			Preferred: model.ChannelInPerson, Availability: "Sundays 7pm",
			Importance: 4, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(3640), CadenceDays: 7,
			Notes:    "Home group for five years. Moved across town and the Tuesday one is closer now.",
			Tags:     []string{"meeting", "NA"},
			Archived: true, CreatedAt: d.at(3600), UpdatedAt: d.at(1350),
		},
	}
}

// mainSponsors are the sponsors of each era, called most days while they
// were the one; any other sponsor keeps the rhythm set for them.
var mainSponsors = []string{"Frank Mulligan", "Marcus Webb", "Denise Okafor"}

// largeReachOuts spreads exactly LargeReachOuts reach-outs over the decade
// before today: weekly meetings, a sponsor called most days, the people
// each person means to see on their rhythm, friends who faded (nothing in
// the last months) and archived contacts whose history stops before they
// were archived.
func largeReachOuts(r *rand.Rand, today model.Date, cs []model.Contact) ([]plannedReachOut, meetingLog, error) {
	const span = 3650
	rhythms := make([]rhythm, len(cs))
	var fixed, free float64 // expected reach-outs of the fixed rhythms, and of the rest
	for i, c := range cs {
		// History starts when they met (or, when nobody remembers, when
		// they were entered); fixEntered moves CreatedAt back to match.
		start := c.KnownSince
		if start.IsZero() {
			start = model.DateOf(c.CreatedAt)
		}
		rh := rhythm{from: min(span, today.DaysSince(start)), to: 1, channel: c.Preferred}
		if rh.channel == model.ChannelNone {
			rh.channel = model.ChannelCall
		}
		updated := today.DaysSince(model.DateOf(c.UpdatedAt))
		switch {
		case c.Archived:
			rh.to = max(updated+1, 60+r.IntN(300)) // ends before the day they were archived
		case (c.Circle == model.CircleFriend || c.Circle == model.CircleHobby || c.Circle == model.CircleWork) &&
			c.CadenceDays > 0 && r.IntN(6) == 0:
			rh.to = 90 + r.IntN(300) // drifted: still in the list, nothing in months
		}
		group, isGroup := groupOf(c)
		switch {
		case isGroup && (c.Circle == model.CircleFellowship || c.Circle == model.CircleTreatment || c.Circle == model.CircleFaith):
			rh.weekly, rh.fixed, rh.channel = true, true, model.ChannelMeeting
			rh.weekday, rh.minutes = weekdayIn(group, i)
			rh.perDay = 0.8 / 7
		case isGroup && c.Circle == model.CircleOnline:
			rh.channel, rh.perDay = model.ChannelMessage, 1.0/10
		case isGroup:
			rh.weekly, rh.channel = true, model.ChannelInPerson
			rh.weekday, rh.minutes = weekdayIn(group, i)
			rh.perDay = 0.6 / 7
		case slices.Contains(mainSponsors, c.Name):
			rh.fixed, rh.perDay = true, 0.8
		case c.Stance == model.StanceSupportsUsing:
			rh.perDay = 1.0 / 120
		case c.CadenceDays > 0:
			rh.perDay = 0.8 / float64(c.CadenceDays)
		default:
			rh.perDay = 1.0 / 45
		}
		rhythms[i] = rh
		if days := float64(max(0, rh.from-rh.to+1)); rh.fixed {
			fixed += rh.perDay * days
		} else {
			free += rh.perDay * days
		}
	}
	// Scale the free rhythms so a little more than the target is drawn,
	// then drop the surplus at random: the count is exact and the shape
	// of every rhythm stays as it was.
	scale := max(0.01, (LargeReachOuts*1.03-fixed)/free)
	for range 40 {
		if out := drawLarge(r, today, cs, rhythms, scale); len(out) >= LargeReachOuts {
			out = trimTo(r, out, LargeReachOuts)
			return out, countMeetings(out), nil
		}
		scale *= 1.05
	}
	return nil, nil, fmt.Errorf("%d contacts are too few for %d reach-outs", len(cs), LargeReachOuts)
}

func drawLarge(r *rand.Rand, today model.Date, cs []model.Contact, rhythms []rhythm, scale float64) []plannedReachOut {
	out := make([]plannedReachOut, 0, LargeReachOuts*11/10)
	for i, rh := range rhythms {
		c := cs[i]
		p := rh.perDay
		if !rh.fixed {
			p = min(0.9, p*scale)
		}
		for ago := rh.from; ago >= rh.to; ago-- {
			day := today.AddDays(-ago)
			if rh.weekly {
				if day.Time().Weekday() != rh.weekday || r.Float64() >= p*7 {
					continue
				}
			} else if r.Float64() >= p {
				continue
			}
			ro := model.ReachOut{Channel: rh.channel, Direction: model.DirectionMine}
			minutes := rh.minutes
			switch {
			case rh.weekly:
				ro.Helped = helpedMostly(r)
				ro.Note = maybe(r, 12, pick(r, meetingNotes))
			default:
				ro.Channel = pickChannel(r, rh.channel)
				ro.Direction = pickDirection(r, c)
				ro.Helped = helpedMostly(r)
				minutes = timeFor(r, ro.Channel, c.Circle)
				ro.Note = maybe(r, 8, notesFor(r, c))
				if c.Stance == model.StanceSupportsUsing {
					ro.Direction, ro.Helped, ro.Channel = model.DirectionTheirs, model.HelpedNo, model.ChannelText
				}
			}
			if ago == 1 {
				minutes = min(minutes, hm(23, 50)) // nothing logged today yet
			}
			ro.At = clockAt(day, minutes)
			out = append(out, plannedReachOut{contact: i, ReachOut: ro})
		}
	}
	return out
}

// fixEntered moves a contact's CreatedAt back to just before its first
// reach-out when the history starts earlier: the person entered them the
// day they first logged them.
func fixEntered(cs []model.Contact, rs []plannedReachOut) {
	for _, r := range rs { // in time order: the first seen is the earliest
		if c := &cs[r.contact]; r.At.Before(c.CreatedAt) {
			c.CreatedAt = r.At.Add(-time.Hour)
		}
	}
}

// trimTo drops random reach-outs until n are left, then puts them in time
// order.
func trimTo(r *rand.Rand, rs []plannedReachOut, n int) []plannedReachOut {
	r.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
	rs = rs[:n]
	sortReachOuts(rs)
	return rs
}

// countMeetings builds the meeting log from the reach-outs.
func countMeetings(rs []plannedReachOut) meetingLog {
	m := meetingLog{}
	for _, r := range rs {
		if r.Channel == model.ChannelMeeting {
			m[r.Day()]++
		}
	}
	return m
}

// groupOf reports whether c is a gathering (a meeting, a class, a crew)
// rather than a person, and its name.
func groupOf(c model.Contact) (string, bool) {
	if slices.Contains(groups[string(c.Circle)], c.Name) {
		return c.Name, true
	}
	return "", false
}

// weekdayIn reads the day a group meets from its name ("Tuesday SMART
// meeting", "Aftercare Thursdays"), else gives it one; and its hour.
func weekdayIn(name string, i int) (time.Weekday, int) {
	minutes := hm(19, 0)
	lower := strings.ToLower(name)
	switch {
	case strings.Contains(lower, "7am"):
		minutes = hm(7, 0)
	case strings.Contains(lower, "morning"), strings.Contains(lower, "parkrun"):
		minutes = hm(9, 0)
	case strings.Contains(lower, "prayers"):
		minutes = hm(13, 0)
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.Contains(lower, strings.ToLower(d.String())) {
			return d, minutes
		}
	}
	return time.Weekday(i % 7), minutes
}

func pickChannel(r *rand.Rand, preferred model.Channel) model.Channel {
	if r.IntN(10) < 7 {
		return preferred
	}
	return pick(r, []model.Channel{model.ChannelCall, model.ChannelText, model.ChannelInPerson, model.ChannelMessage, model.ChannelVideo, model.ChannelOther})
}

func pickDirection(r *rand.Rand, c model.Contact) model.Direction {
	x := r.IntN(20)
	if c.Circle == model.CircleSponsee {
		switch {
		case x < 14:
			return model.DirectionSupported
		case x < 18:
			return model.DirectionTheirs
		}
		return model.DirectionMine
	}
	switch {
	case x < 12:
		return model.DirectionMine
	case x < 18:
		return model.DirectionTheirs
	}
	return model.DirectionSupported
}

// timeFor is a believable time of day for a channel: calls in the day and
// evening, online groups late at night.
func timeFor(r *rand.Rand, ch model.Channel, circle model.Circle) int {
	switch {
	case circle == model.CircleOnline:
		return hm(22, 30) + r.IntN(150) // sometimes past midnight
	case ch == model.ChannelInPerson:
		return hm(10, 0) + r.IntN(10*60)
	case ch == model.ChannelVideo:
		return hm(18, 0) + r.IntN(4*60)
	case ch == model.ChannelCall && circle == model.CircleSponsor:
		return hm(7, 0) + r.IntN(90)
	default:
		return hm(7, 30) + r.IntN(15*60)
	}
}

func notesFor(r *rand.Rand, c model.Contact) string {
	switch c.Circle {
	case model.CircleSponsor:
		return pick(r, sponsorNotes)
	case model.CircleSponsee:
		return pick(r, sponseeNotes)
	case model.CirclePeer, model.CircleTreatment, model.CircleOnline:
		return pick(r, peerNotes)
	case model.CircleHealthcare:
		return pick(r, therapyNotes)
	}
	return pick(r, everydayNotes)
}
