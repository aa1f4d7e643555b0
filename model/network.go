package model

import (
	"sort"
	"time"
)

// NetworkHealth is the shape of the network over a window of days: the
// figures the Network review shows for the last 14 days and 12 weeks.
type NetworkHealth struct {
	From, To       Date
	Days           int // days in the window
	ReachOuts      int
	People         int      // distinct people reached
	Circles        []Circle // circles reached, in display order
	SupportiveDays int      // days with a reach-out to a supportive contact
	UseReachOuts   int      // reach-outs with people who support using
	UseShare       float64  // their share of all reach-outs, 0–1
	// Faded: active contacts reached before, but not in the FadeDays up to
	// To; longest gap first (LastContact set to their last contact).
	// FadedCount is how many they are: Faded may hold only a stretch of
	// them (the journal reads a screenful at a time).
	Faded      []Contact
	FadedCount int
	AnyTime    int // active contacts who said "call me any time"
}

// HealthOver computes the figures for from..to (inclusive). reachOuts may
// hold more than the window; contacts are all contacts (archived too, for
// old history); lastBefore is each contact's last reach-out up to To.
//
// The rules are SummarizeWeek's, over any window: reach-outs outside it
// are ignored; one with a contact not among contacts counts as a
// reach-out and a person, without circle or stance; someone archived
// during the window still counts for what happened in it, but is never
// faded and never counted as an any-time person. A from after to is read
// the other way round.
func HealthOver(from, to Date, reachOuts []ReachOut, contacts []Contact, lastBefore map[int64]time.Time) NetworkHealth {
	if from.After(to) {
		from, to = to, from
	}
	return healthOver(from, to, to, reachOuts, contacts, lastBefore)
}

// healthOver is HealthOver with the day that fading is measured to given
// apart (at most to): SummarizeWeek measures the week being lived up to
// today, not to its Sunday.
func healthOver(from, to, ref Date, reachOuts []ReachOut, contacts []Contact, lastBefore map[int64]time.Time) NetworkHealth {
	h := NetworkHealth{From: from, To: to, Days: to.DaysSince(from) + 1}
	// Pointers, not copies: a contact is a large value, and this runs over
	// everyone four times as Network and Reflection load.
	byID := make(map[int64]*Contact, len(contacts))
	for i := range contacts {
		c := &contacts[i]
		byID[c.ID] = c
		if c.AnyTime && !c.Archived {
			h.AnyTime++
		}
	}
	in := func(d Date) bool { return !d.Before(from) && !d.After(to) }

	people := map[int64]bool{}
	circles := map[Circle]bool{}
	supportive := map[Date]bool{}
	// later holds the window's reach-outs newer than lastBefore says, so
	// someone reached in it is never faded even if lastBefore missed them;
	// lastBefore itself is only read.
	later := map[int64]time.Time{}
	for _, r := range reachOuts {
		d := r.Day()
		if !in(d) {
			continue
		}
		h.ReachOuts++
		people[r.ContactID] = true
		if !d.After(ref) && r.At.After(lastBefore[r.ContactID]) && r.At.After(later[r.ContactID]) {
			later[r.ContactID] = r.At
		}
		c, ok := byID[r.ContactID]
		if !ok {
			continue
		}
		if c.Stance == StanceSupportsUsing {
			// Counted apart, never as a circle of support reached.
			h.UseReachOuts++
		} else {
			circle := c.Circle
			if !circle.Valid() {
				circle = CircleOther // as Label shows it
			}
			circles[circle] = true
		}
		if c.IsSupportive() {
			supportive[d] = true // SupportiveDays' rule
		}
	}
	h.People = len(people)
	for _, c := range Circles {
		if circles[c] {
			h.Circles = append(h.Circles, c)
		}
	}
	h.SupportiveDays = len(supportive)
	if h.ReachOuts > 0 {
		h.UseShare = float64(h.UseReachOuts) / float64(h.ReachOuts)
	}
	h.Faded = fadedBy(ref, contacts, func(id int64) (time.Time, bool) {
		if t, ok := later[id]; ok {
			return t, true
		}
		t, ok := lastBefore[id]
		return t, ok
	})
	h.FadedCount = len(h.Faded)
	return h
}

// fadedBy lists the active contacts last reached FadeDays or more before
// ref, longest gap first, then the most important, then by name; each
// carries its last contact (lastOf). Contacts never reached, and archived
// ones, never fade.
func fadedBy(ref Date, contacts []Contact, lastOf func(id int64) (time.Time, bool)) []Contact {
	type faded struct {
		c   *Contact
		at  time.Time
		gap int
		key string // the sort key, folded once rather than per comparison
	}
	var fs []faded
	for i := range contacts {
		c := &contacts[i]
		t, ok := lastOf(c.ID)
		if c.Archived || !ok || t.IsZero() {
			continue
		}
		if gap := ref.DaysSince(DateOf(t)); gap >= FadeDays {
			fs = append(fs, faded{c, t, gap, c.SortKey()})
		}
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.gap != b.gap:
			return a.gap > b.gap
		case a.c.Importance != b.c.Importance:
			return a.c.Importance > b.c.Importance
		case a.key != b.key:
			return a.key < b.key
		}
		return a.c.ID < b.c.ID
	})
	var out []Contact
	for _, f := range fs {
		c := *f.c
		c.LastContact = f.at
		out = append(out, c)
	}
	return out
}

// CircleGroups lists the active contacts of each circle, in Circles order;
// circles with nobody are present with an empty list.
//
// Each list is sorted by name (ignoring case and accents), then by ID; a
// contact whose circle this version does not know is listed under Other,
// as its label shows it.
func CircleGroups(contacts []Contact) map[Circle][]Contact {
	groups := make(map[Circle][]Contact, len(Circles))
	for _, c := range Circles {
		groups[c] = []Contact{}
	}
	keys := make(map[int64]string, len(contacts))
	for _, c := range contacts {
		if c.Archived {
			continue
		}
		circle := c.Circle
		if !circle.Valid() {
			circle = CircleOther
		}
		groups[circle] = append(groups[circle], c)
		keys[c.ID] = c.SortKey()
	}
	for _, list := range groups {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i], list[j]
			if ka, kb := keys[a.ID], keys[b.ID]; ka != kb {
				return ka < kb
			}
			return a.ID < b.ID
		})
	}
	return groups
}

// CircleMembers is one circle as Network shows it: how many active
// people are in it, and the first of them by name (as CircleGroups orders
// them).
type CircleMembers struct {
	Count int
	First []Contact
}

// CircleMembersOf is every circle's members (CircleGroups), each with at
// most first of them named.
func CircleMembersOf(contacts []Contact, first int) map[Circle]CircleMembers {
	out := make(map[Circle]CircleMembers, len(Circles))
	for c, list := range CircleGroups(contacts) {
		out[c] = CircleMembers{Count: len(list), First: list[:min(first, len(list))]}
	}
	return out
}

// circleSuggestions are said to someone whose circle is empty: warm and
// concrete, never a reproach. Partner and family are left out on purpose:
// an empty one is often a loss or a choice, and a nudge there would hurt.
var circleSuggestions = map[Circle]string{
	CircleFellowship: "No meeting or recovery group yet: AA, NA, SMART Recovery or a local group — trying one meeting, in person or online, is enough for a start.",
	CircleSponsor:    "No sponsor or mentor yet: someone with more time in recovery is often glad to be asked — after a meeting is a good moment.",
	CircleSponsee:    "Nobody you support yet: when the time feels right, walking alongside someone newer to recovery can strengthen your own.",
	CirclePeer:       "No peers in recovery yet: someone walking the same road — from a meeting, a group or treatment — understands without explanations.",
	CircleTreatment:  "No one from treatment here: if you have been in treatment, an alumni or aftercare group keeps those bonds going.",
	CircleHealthcare: "No GP, counsellor or therapist yet: one professional who knows your story makes hard weeks easier to get through.",
	CircleFriend:     "No friends here yet: one friend who backs your recovery — for a walk, a coffee, a film — is a good start.",
	CircleFaith:      "If faith or spirituality matters to you, a congregation, a meditation group or a quiet community can be a place to belong.",
	CircleVolunteer:  "No volunteering yet: giving a few hours — a food bank, an animal shelter, a recovery café — builds purpose and new friendships.",
	CircleWork:       "No one from school or work yet: one colleague or classmate you trust can make the days steadier.",
	CircleHobby:      "No hobby or activity group yet: a life beyond recovery protects recovery too — a class, a team, a choir?",
	CircleOnline:     "No online community yet: a moderated recovery forum or group is there at any hour, from anywhere.",
}

// CircleSuggestion is a gentle, concrete suggestion for a circle with
// nobody in it, drawn from what protects recovery; "" when there is none.
//
// Partner and family have none: an empty one may be a loss or a choice
// that keeps someone safe, and is not for an app to question. Other, and
// circles this version does not know, have none either.
func CircleSuggestion(c Circle) string { return circleSuggestions[c] }

// DailyCounts counts reach-outs per local day in from..to, for the heatmap.
//
// Days without reach-outs are absent (a zero count); a from after to is
// read the other way round.
func DailyCounts(reachOuts []ReachOut, from, to Date) map[Date]int {
	if from.After(to) {
		from, to = to, from
	}
	counts := map[Date]int{}
	for _, r := range reachOuts {
		if r.At.IsZero() {
			continue
		}
		if d := r.Day(); !d.Before(from) && !d.After(to) {
			counts[d]++
		}
	}
	return counts
}

// WeeklySeries averages one check-in answer per ISO week over the weeks
// from..to, for trend charts; a week without answers is a gap (OK false).
// Day of each point is the week's Monday.
//
// A from after to is read the other way round; a zero week gives no
// points.
func WeeklySeries(checkIns []CheckIn, from, to Week, pick func(CheckIn) (float64, bool)) []Point {
	if from.IsZero() || to.IsZero() {
		return nil
	}
	if to.Before(from) {
		from, to = to, from
	}
	byWeek := map[Week][]CheckIn{}
	for _, c := range checkIns {
		if c.Day.IsZero() {
			continue
		}
		if w := WeekOf(c.Day); !w.Before(from) && !to.Before(w) {
			byWeek[w] = append(byWeek[w], c)
		}
	}
	var out []Point
	for w := from; !to.Before(w); w = w.Next() {
		p := Point{Day: w.Monday()}
		p.Value, p.OK = averageOf(byWeek[w], pick)
		out = append(out, p)
	}
	return out
}

// averageOf averages one answer over the check-ins that gave it; ok is
// false when none did.
func averageOf(checkIns []CheckIn, pick func(CheckIn) (float64, bool)) (avg float64, ok bool) {
	var sum float64
	n := 0
	for _, c := range checkIns {
		if v, ok := pick(c); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}
