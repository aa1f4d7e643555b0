// Package views holds Tether's screens: one Bubble Tea model per screen and
// the root App that routes keys and messages between them. Views never touch
// the journal directly: every store call is a tea.Cmd that copies its inputs
// and returns a message, so Update never blocks on I/O.
package views
