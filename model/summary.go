package model

import (
	"sort"
	"time"
)

// WeekSummary is what a week's log says about the network, shown at the
// top of the reflection so the answers start from what happened.
type WeekSummary struct {
	Week           Week
	ReachOuts      int
	People         int      // distinct people reached
	Circles        []Circle // circles reached, in display order
	SupportiveDays int      // days with a reach-out to a supportive contact
	// Faded are active contacts reached before, but not in the 14 days up
	// to the end of the week (or today, for this week), longest gap first.
	// Each carries, as LastContact, their last contact up to that day.
	Faded []Contact
	// UseReachOuts counts the week's reach-outs with people who support
	// using; UseShare is their share of all the week's reach-outs (0–1).
	UseReachOuts int
	UseShare     float64
	CheckIns     int
	MoodAvg      float64 // average mood of the week's check-ins that answered it
	MoodOK       bool
	CravingAvg   float64
	CravingOK    bool
}

// FadeDays is how long without contact makes someone "faded".
const FadeDays = 14

// SummarizeWeek computes a week's summary. reachOuts and checkIns are the
// week's own; contacts are every contact (archived too, for the circles and
// stances of old history); lastBefore is each contact's last reach-out up to
// the end of the week, for who has faded.
//
// Anything outside the week is ignored, so callers may pass a wider slice.
// A reach-out with a contact not among contacts still counts as a reach-out
// and a person, but has no circle or stance. Faded is measured up to the
// week's Sunday, or up to today while the week is still going: someone last
// reached 14 or more days before that day. Contacts never reached, and
// archived ones, never fade.
func SummarizeWeek(w Week, today Date, reachOuts []ReachOut, checkIns []CheckIn, contacts []Contact, lastBefore map[int64]time.Time) WeekSummary {
	s := WeekSummary{Week: w}
	byID := make(map[int64]Contact, len(contacts))
	for _, c := range contacts {
		byID[c.ID] = c
	}
	ref := w.Sunday()
	if w.Contains(today) {
		ref = today
	}

	var week []ReachOut
	people := map[int64]bool{}
	circles := map[Circle]bool{}
	// last also sees the week's own reach-outs, so someone reached this
	// week is never faded even if lastBefore missed them.
	last := make(map[int64]time.Time, len(lastBefore))
	for id, t := range lastBefore {
		last[id] = t
	}
	for _, r := range reachOuts {
		d := r.Day()
		if !w.Contains(d) {
			continue
		}
		week = append(week, r)
		people[r.ContactID] = true
		if !d.After(ref) && r.At.After(last[r.ContactID]) {
			last[r.ContactID] = r.At
		}
		c, ok := byID[r.ContactID]
		if !ok {
			continue
		}
		circle := c.Circle
		if !circle.Valid() {
			circle = CircleOther // as Label shows it
		}
		circles[circle] = true
		if c.Stance == StanceSupportsUsing {
			s.UseReachOuts++
		}
	}
	s.ReachOuts = len(week)
	s.People = len(people)
	for _, c := range Circles {
		if circles[c] {
			s.Circles = append(s.Circles, c)
		}
	}
	s.SupportiveDays = SupportiveDays(week, byID, w.Monday(), w.Sunday())
	if s.ReachOuts > 0 {
		s.UseShare = float64(s.UseReachOuts) / float64(s.ReachOuts)
	}

	type faded struct {
		c   Contact
		gap int
		key string // the sort key, folded once rather than per comparison
	}
	var fs []faded
	for _, c := range contacts {
		t, ok := last[c.ID]
		if c.Archived || !ok || t.IsZero() {
			continue
		}
		if gap := ref.DaysSince(DateOf(t)); gap >= FadeDays {
			c.LastContact = t
			fs = append(fs, faded{c, gap, c.SortKey()})
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
	for _, f := range fs {
		s.Faded = append(s.Faded, f.c)
	}

	var moodSum, cravingSum float64
	var moods, cravings int
	for _, c := range checkIns {
		if !w.Contains(c.Day) {
			continue
		}
		s.CheckIns++
		if v, ok := MoodOf(c); ok {
			moodSum += v
			moods++
		}
		if v, ok := CravingOf(c); ok {
			cravingSum += v
			cravings++
		}
	}
	if moods > 0 {
		s.MoodAvg, s.MoodOK = moodSum/float64(moods), true
	}
	if cravings > 0 {
		s.CravingAvg, s.CravingOK = cravingSum/float64(cravings), true
	}
	return s
}
