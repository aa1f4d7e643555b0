package model

import "time"

// Clock tells the current time. Views and rules take one instead of calling
// time.Now, so tests can pin "today" and never depend on the real date.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real wall clock in the local time zone.
type SystemClock struct{}

// Now returns the current local time.
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock always answers the same instant; for tests and demos.
type FixedClock struct{ T time.Time }

// Now returns the fixed instant.
func (c FixedClock) Now() time.Time { return c.T }

// Today is the local calendar day of the clock's current time.
func Today(c Clock) Date { return DateOf(c.Now()) }
