package views

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden Today and Contacts on the large sample journal, at the smallest
// common terminal and a wide one (Network has its own, in network_test).
func TestScreensGoldenOnTheLargeJournal(t *testing.T) {
	st := openLargeJournal(t)
	for _, screen := range []struct {
		name string
		keys []string
	}{{"today", nil}, {"contacts", []string{"2"}}} {
		for _, size := range [][2]int{{80, 24}, {200, 50}} {
			t.Run(fmt.Sprintf("%s_%dx%d", screen.name, size[0], size[1]), func(t *testing.T) {
				d := newDriver(t, st, size[0], size[1])
				d.keys(screen.keys...)
				golden.RequireEqual(t, []byte(d.view()))
			})
		}
	}
}

// No screen, overlay or form cuts text at the edge without an ellipsis,
// footers included, at 80, 100 and 200 columns on the large journal.
func TestEveryScreenCutsNothing(t *testing.T) {
	st := openLargeJournal(t)
	places := []struct {
		name string
		keys []string
	}{
		{"today", nil},
		{"today, further down", []string{"pgdown"}},
		{"today's help", []string{"?"}},
		{"contacts", []string{"2"}},
		{"a person", []string{"2", "enter"}},
		{"the contact form", []string{"2", "e"}},
		{"archived", []string{"2", "v"}},
		{"check-in", []string{"3"}},
		{"the check-in form", []string{"3", "e"}},
		{"the timeline", []string{"3", "v"}},
		{"reflection", []string{"4"}},
		{"the reflection form", []string{"4", "e"}},
		{"past weeks", []string{"4", "w"}},
		{"the log dialog", []string{"1", "l"}},
		{"the crisis card", []string{"!"}},
		{"settings", []string{"S"}},
		{"search", []string{"ctrl+f"}},
	}
	for _, w := range []int{80, 100, 200} {
		for _, p := range places {
			t.Run(fmt.Sprintf("%s at %d", p.name, w), func(t *testing.T) {
				d := newDriver(t, st, w, 24)
				d.keys(p.keys...)
				assertNothingCut(t, d.view(), w)
			})
		}
	}
}
