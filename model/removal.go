package model

import "time"

// Removal marks a record removed from the journal (a reach-out, a plan, a
// check-in), so that the removal reaches every copy of the journal rather
// than the record coming back from one that still has it. Ref is what
// names the record in every copy: a reach-out's or plan's UID, a
// check-in's day.
type Removal struct {
	Kind string // "reach_out", "plan" or "check_in"
	Ref  string
	At   time.Time
}
