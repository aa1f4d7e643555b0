package model

import "fmt"

// QuietFacts are what QuietSigns weighs: a little about the last weeks of
// reach-outs and check-ins, read for Today.
type QuietFacts struct {
	// LastMine is the last day the person reached out to anyone or
	// supported someone (zero when never).
	LastMine Date
	// Mine and Theirs count the reach-outs of the last QuietWindow days:
	// the person's own (reached out, supported) and other people's.
	Mine, Theirs int
	// Circles are the circles reached in the last QuietWindow days, and
	// CirclesBefore how many were reached in the QuietBefore days before
	// them; people who support using are not counted in either.
	Circles       []Circle
	CirclesBefore int
	// LonelyDays is how many days in a row, up to today or yesterday,
	// a check-in ticked "lonely".
	LonelyDays int
	// Dismissed is the day the person last put the word aside ("not
	// today"); on that day QuietSigns says nothing.
	Dismissed Date
}

// The windows of QuietSigns.
const (
	QuietWindow = 14 // days: "only inbound for two weeks", "one circle left"
	QuietBefore = 56 // days before the window, to see a narrowing
	QuietLonely = 3  // days of "lonely" running
)

// QuietSign is what Today says, privately, when the network goes quiet.
type QuietSign struct {
	Noticed string // what it noticed, in one gentle sentence
}

// QuietSigns notices when the pattern turns toward isolation, in this
// order, and says the first it finds:
//
//   - no reach-out of the person's own in quietDays days or more (only once
//     they have reached out at least once: a new journal has no pattern);
//   - in the last QuietWindow days, people reached out to them but they
//     reached out to nobody;
//   - in the last QuietWindow days one circle only, after two or more in
//     the QuietBefore days before;
//   - "lonely" ticked QuietLonely days running.
//
// It never counts or scores: ok is false when none holds, or when the word
// was put aside today.
func QuietSigns(f QuietFacts, today Date, quietDays int) (QuietSign, bool) {
	if f.Dismissed == today {
		return QuietSign{}, false
	}
	if quietDays <= 0 {
		quietDays = QuietDaysDefault
	}
	if !f.LastMine.IsZero() {
		if gap := today.DaysSince(f.LastMine); gap >= quietDays {
			return QuietSign{fmt.Sprintf("It has been %s since you last reached out to someone.", Plural(gap, "day"))}, true
		}
	}
	if f.Theirs > 0 && f.Mine == 0 {
		return QuietSign{"People have reached out to you these two weeks; you haven't reached out yourself."}, true
	}
	if len(f.Circles) == 1 && f.CirclesBefore >= 2 {
		return QuietSign{fmt.Sprintf("These two weeks, everyone you have been in touch with is from one circle (%s).",
			lowerFirst(f.Circles[0].Label()))}, true
	}
	if f.LonelyDays >= QuietLonely {
		return QuietSign{fmt.Sprintf("You have ticked lonely %d days running.", f.LonelyDays)}, true
	}
	return QuietSign{}, false
}

// LonelyRun is how many days in a row, ending today or yesterday, the
// check-ins ticked "lonely".
func LonelyRun(checkIns []CheckIn, today Date) int {
	lonely := map[Date]bool{}
	for _, c := range checkIns {
		if c.Lonely {
			lonely[c.Day] = true
		}
	}
	day := today
	if !lonely[day] {
		day = day.AddDays(-1)
	}
	n := 0
	for lonely[day] {
		n++
		day = day.AddDays(-1)
	}
	return n
}
