package model

import "fmt"

// DueState says whether it is time to reach out to someone, by the rhythm
// (cadence) the person chose for them.
type DueState int

// The states, from calm to most urgent.
const (
	NoRhythm DueState = iota // cadence 0: never nagged
	NotDue
	DueNow
	Overdue
)

// DueInfo is the reach-out status of one contact on one day.
type DueInfo struct {
	State DueState
	// DaysSince is whole days since the last contact, or -1 if never.
	DaysSince int
	// DaysLate is how many days past the rhythm (0 on the due day).
	DaysLate int
}

// OverdueGrace is how many days past the rhythm "due" becomes "overdue":
// half the rhythm, at least one day. A daily call missed for a day is
// overdue; a monthly coffee gets two weeks' grace.
func OverdueGrace(cadenceDays int) int {
	return max(1, cadenceDays/2)
}

// DueStatus applies the cadence rule: due once the rhythm has passed since
// the last contact, overdue once it has passed by more than the grace.
// Someone with a rhythm who was never contacted is due, not overdue: there is
// no history to be late against.
func DueStatus(cadenceDays int, last Date, today Date) DueInfo {
	if cadenceDays <= 0 {
		d := DueInfo{State: NoRhythm, DaysSince: -1}
		if !last.IsZero() {
			d.DaysSince = max(0, today.DaysSince(last))
		}
		return d
	}
	if last.IsZero() {
		return DueInfo{State: DueNow, DaysSince: -1}
	}
	since := max(0, today.DaysSince(last))
	late := since - cadenceDays
	switch {
	case late < 0:
		return DueInfo{State: NotDue, DaysSince: since}
	case late >= OverdueGrace(cadenceDays):
		return DueInfo{State: Overdue, DaysSince: since, DaysLate: late}
	default:
		return DueInfo{State: DueNow, DaysSince: since, DaysLate: late}
	}
}

// CadenceLabel describes a rhythm in words: "every day", "every 2 weeks".
func CadenceLabel(days int) string {
	switch {
	case days <= 0:
		return "no set rhythm"
	case days == 1:
		return "every day"
	case days == 7:
		return "every week"
	case days%7 == 0:
		return fmt.Sprintf("every %d weeks", days/7)
	default:
		return fmt.Sprintf("every %d days", days)
	}
}

// Words describes the state for people, the same on screen and in the
// shell: "overdue 3 days", "due today", "due, 1 day late", "not reached
// yet"; "" when nothing is due.
func (d DueInfo) Words() string {
	days := func(n int) string {
		if n == 1 {
			return "1 day"
		}
		return fmt.Sprintf("%d days", n)
	}
	switch {
	case d.State != DueNow && d.State != Overdue:
		return ""
	case d.DaysSince < 0:
		return "not reached yet"
	case d.State == Overdue:
		return "overdue " + days(d.DaysLate)
	case d.DaysLate == 0:
		return "due today"
	}
	return "due, " + days(d.DaysLate) + " late"
}

// Roster is the network at a glance, for Today and `tether due`: how many
// active supporters there are, how many said they can be called any time,
// and who is due a reach-out, ranked by who matters (as WhoNext orders
// them, with the circles gone quiet in Quiet).
//
// The due contacts carry what a due line shows and logging a reach-out
// needs, not the whole record: ID, Name, Nickname, Circle, Phone, Email,
// Preferred, Importance, CadenceDays, AnyTime and LastContact. Reading only
// that keeps the first screen as quick on a decade of data as on a new
// journal; anything that edits a contact reads it whole first.
//
// Due may hold only the first of them (see store.Roster's first): DueCount
// is how many are due in all.
type Roster struct {
	Active, AnyTime int
	Due             []Contact
	DueCount        int
	Quiet           map[Circle]bool
}
