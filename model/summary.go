package model

import "time"

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
	// FadedCount is how many they are: Faded may hold only the first few
	// (a summary read from the journal names five).
	Faded      []Contact
	FadedCount int
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
	ref := w.Sunday()
	if w.Contains(today) {
		ref = today
	}
	var week []CheckIn
	for _, c := range checkIns {
		if w.Contains(c.Day) {
			week = append(week, c)
		}
	}
	return SummaryOf(w, healthOver(w.Monday(), w.Sunday(), ref, reachOuts, contacts, lastBefore), week)
}

// SummaryOf is week w's summary from the network's figures over the week
// (h: see HealthOver, with Faded measured as SummarizeWeek measures it)
// and the week's check-ins.
func SummaryOf(w Week, h NetworkHealth, checkIns []CheckIn) WeekSummary {
	s := WeekSummary{
		Week:           w,
		ReachOuts:      h.ReachOuts,
		People:         h.People,
		Circles:        h.Circles,
		SupportiveDays: h.SupportiveDays,
		Faded:          h.Faded,
		FadedCount:     h.FadedCount,
		UseReachOuts:   h.UseReachOuts,
		UseShare:       h.UseShare,
		CheckIns:       len(checkIns),
	}
	s.MoodAvg, s.MoodOK = averageOf(checkIns, MoodOf)
	s.CravingAvg, s.CravingOK = averageOf(checkIns, CravingOf)
	return s
}
