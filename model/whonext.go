package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Who to reach out to next is a short list, ranked by who matters rather
// than by lateness alone: with years of data, lateness alone put a
// colleague 752 days "overdue" above a sponsor due today. Each person due
// gets points, and the most points come first:
//
//   - importance, as the person rated them (1–5 stars; unrated counts 2),
//     twice over: 2 to 10 points;
//   - their circle: a sponsor or mentor 15, so a sponsor rated 5 and due
//     today comes before anyone who is not one, however late; anyone who
//     said "call me any time" 8; fellowship, peers, sponsees, treatment
//     and healthcare 3; partner, family, friends and faith 2; everyone
//     else 1;
//   - how late they are against their own rhythm: days late divided by the
//     rhythm, at most 2, twice over (0 to 4 points), so a daily call two
//     days late weighs more than a monthly coffee two days late, and a
//     year of silence weighs no more than two rhythms; someone not
//     reached yet counts as due today;
//   - a quiet circle: nobody in their circle reached in the last
//     QuietDays days, 2 points, so a part of life gone silent is noticed.
//
// Ties go to the most days late, then by name. People snoozed ("not now")
// are left out until the day they come back; people whose rhythm is
// resting ("let this rest") have none, so they are never due.
const QuietDays = 14

// WhoNextDefault is how many people Today's "who next" shows unless the
// person chose another number in Settings.
const WhoNextDefault = 5

// Points is the rank of one person due (see above): higher comes first.
func Points(c Contact, today Date, quiet map[Circle]bool) float64 {
	imp := c.Importance
	if imp == 0 {
		imp = 2
	}
	p := 2 * float64(imp)
	switch {
	case c.Circle == CircleSponsor:
		p += 15
	case c.AnyTime:
		p += 8
	case c.Circle == CircleFellowship || c.Circle == CirclePeer || c.Circle == CircleSponsee ||
		c.Circle == CircleTreatment || c.Circle == CircleHealthcare:
		p += 3
	case c.Circle == CirclePartner || c.Circle == CircleFamily || c.Circle == CircleFriend || c.Circle == CircleFaith:
		p += 2
	default:
		p++
	}
	if c.CadenceDays > 0 {
		if d := c.Due(today); d.DaysSince >= 0 { // not reached yet: due today
			p += 2 * min(2, max(0, float64(d.DaysLate)/float64(c.CadenceDays)))
		}
	}
	if quiet[c.Circle] {
		p += 2
	}
	return p
}

// QuietCircles are the circles of the active people in which nobody was
// reached in the QuietDays days up to today, from each circle's latest
// reach-out (a circle nobody was ever reached in is quiet too).
func QuietCircles(latest map[Circle]time.Time, today Date) map[Circle]bool {
	quiet := map[Circle]bool{}
	for circle, at := range latest {
		if at.IsZero() || today.DaysSince(DateOf(at)) >= QuietDays {
			quiet[circle] = true
		}
	}
	return quiet
}

// LatestByCircle is each circle's latest reach-out among the active people
// given (zero for a circle none of them was ever reached in): what
// QuietCircles reads.
func LatestByCircle(cs []Contact) map[Circle]time.Time {
	latest := map[Circle]time.Time{}
	for _, c := range cs {
		if c.Archived {
			continue
		}
		if last, ok := latest[c.Circle]; !ok || c.LastContact.After(last) {
			latest[c.Circle] = c.LastContact
		}
	}
	return latest
}

// Snoozed reports someone put aside with "not now" until a day after today.
func (c Contact) Snoozed(today Date) bool {
	return !c.SnoozedUntil.IsZero() && c.SnoozedUntil.After(today)
}

// WhoNext is everyone due a reach-out today (due or overdue by their
// rhythm, not archived, not snoozed), highest points first (see Points).
func WhoNext(contacts []Contact, today Date, quiet map[Circle]bool) []Contact {
	// Each entry carries its points and folded name, so sorting neither
	// copies whole contacts nor works them out per comparison.
	type entry struct {
		c      *Contact
		points float64
		late   int
		key    string
	}
	var es []entry
	for i := range contacts {
		c := &contacts[i]
		if c.Archived || c.Snoozed(today) {
			continue
		}
		if d := c.Due(today); d.State == DueNow || d.State == Overdue {
			es = append(es, entry{c, Points(*c, today, quiet), d.DaysLate, c.SortKey()})
		}
	}
	slices.SortStableFunc(es, func(a, b entry) int {
		switch {
		case a.points != b.points:
			return cmp.Compare(b.points, a.points)
		case a.late != b.late:
			return cmp.Compare(b.late, a.late)
		case a.key != b.key:
			return strings.Compare(a.key, b.key)
		}
		// Two people of the same name: the one added first, so the order
		// never depends on the order they were read in.
		return cmp.Compare(a.c.ID, b.c.ID)
	})
	out := make([]Contact, len(es))
	for i, e := range es {
		out[i] = *e.c
	}
	return out
}
