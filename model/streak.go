package model

import (
	"fmt"
	"sort"
	"time"
)

// Streak counts the consecutive days checked in, ending today. A day not yet
// checked in today does not break it (the evening is still ahead): the
// streak then ends yesterday. A missing day breaks it. What was answered
// (including "used today") plays no part: showing up is what counts.
func Streak(days []Date, today Date) int {
	have := make(map[Date]bool, len(days))
	for _, d := range days {
		have[d] = true
	}
	day := today
	if !have[day] {
		day = day.AddDays(-1)
	}
	n := 0
	for have[day] {
		n++
		day = day.AddDays(-1)
	}
	return n
}

// DaysInRecovery counts the days from the recovery start date to today: 0 on
// the day itself. ok is false when no start is set or it lies ahead.
func DaysInRecovery(start, today Date) (days int, ok bool) {
	if start.IsZero() || start.After(today) {
		return 0, false
	}
	return today.DaysSince(start), true
}

// LapseDays are the days a check-in recorded using, sorted and without
// repeats.
func LapseDays(checkIns []CheckIn) []Date {
	seen := map[Date]bool{}
	var out []Date
	for _, c := range checkIns {
		if c.Used != nil && *c.Used && !seen[c.Day] {
			seen[c.Day] = true
			out = append(out, c.Day)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// TimeBetweenLapses gives the days between one lapse and the next, oldest
// first. Growing gaps are progress worth seeing, whatever else happened.
func TimeBetweenLapses(lapses []Date) []int {
	var gaps []int
	for i := 1; i < len(lapses); i++ {
		gaps = append(gaps, lapses[i].DaysSince(lapses[i-1]))
	}
	return gaps
}

// SupportiveDays counts the distinct days from..to (inclusive) with at
// least one reach-out, in any direction, to a supportive contact.
func SupportiveDays(reachOuts []ReachOut, contacts map[int64]Contact, from, to Date) int {
	days := map[Date]bool{}
	for _, r := range reachOuts {
		d := r.Day()
		if d.Before(from) || d.After(to) {
			continue
		}
		if c, ok := contacts[r.ContactID]; ok && c.IsSupportive() {
			days[d] = true
		}
	}
	return len(days)
}

// LastContacts maps each contact to the time of their latest reach-out.
func LastContacts(reachOuts []ReachOut) map[int64]time.Time {
	last := map[int64]time.Time{}
	for _, r := range reachOuts {
		if r.At.After(last[r.ContactID]) {
			last[r.ContactID] = r.At
		}
	}
	return last
}

// SinceLabel is a short "last contact" for list columns: "today", "3d",
// "5w", "4mo", "2y"; "never" when there is no contact (days < 0).
func SinceLabel(days int) string {
	switch {
	case days < 0:
		return "never"
	case days == 0:
		return "today"
	case days < 14:
		return fmt.Sprintf("%dd", days)
	case days < 90:
		return fmt.Sprintf("%dw", days/7)
	case days < 730:
		return fmt.Sprintf("%dmo", days/30)
	default:
		return fmt.Sprintf("%dy", days/365)
	}
}

// Point is one day of a daily series; OK is false for a day with no answer,
// which charts show as a gap rather than a zero.
type Point struct {
	Day   Date
	Value float64
	OK    bool
}

// DailySeries lays the check-ins out over the n days ending on end, picking
// one answer from each.
func DailySeries(checkIns []CheckIn, end Date, n int, pick func(CheckIn) (float64, bool)) []Point {
	byDay := make(map[Date]CheckIn, len(checkIns))
	for _, c := range checkIns {
		byDay[c.Day] = c
	}
	out := make([]Point, max(0, n))
	for i := range n {
		d := end.AddDays(i - n + 1)
		out[i].Day = d
		if c, ok := byDay[d]; ok {
			out[i].Value, out[i].OK = pick(c)
		}
	}
	return out
}

// MoodOf and CravingOf pick answers for DailySeries.
func MoodOf(c CheckIn) (float64, bool) { return float64(c.Mood), c.Mood > 0 }

// CravingOf picks the craving answer.
func CravingOf(c CheckIn) (float64, bool) {
	if c.Craving == nil {
		return 0, false
	}
	return float64(*c.Craving), true
}
