package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A check-in with craving 9 and a use, as a person types it on a bad
// night: the hard-day card names the person who said call any time, one
// key (then enter) logs the call, and the call is in the journal after a
// restart.
func TestEndToEndHardDayCardLogsTheCall(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	for _, args := range [][]string{
		{"contact", "add", "--name", "Denise Okafor", "--phone", "(312) 555-0147", "--any-time", "--prefer", "call"},
		{"contact", "add", "--name", "Colleague", "--phone", "555 0100", "--circle", "work"},
	} {
		if out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", args, err, out)
		}
	}
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Your network: 2 supporters")
	s.keys("c")
	s.waitFor("Check-in · today")
	s.keys("Tab", "Tab")
	s.typeText("9") // craving
	for range 5 {
		s.keys("Tab")
	}
	s.typeText("y") // used today
	s.keys("C-s")
	scr := s.waitFor("That sounds like a hard day")
	for _, want := range []string{"a craving of 9 out of 10 and a use", "› Denise Okafor · (312) 555-0147 · prefers call"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("the card lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "Colleague") {
		t.Fatalf("the card suggests a colleague:\n%s", scr)
	}
	s.keys("l")
	s.waitFor("Log a reach-out with Denise Okafor")
	s.keys("Enter")
	s.waitFor("Logged: you reached out to Denise Okafor (call).")
	s.keys("Escape")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	scr = s.waitFor("Reached today (1)")
	if !strings.Contains(scr, "Denise Okafor") {
		t.Fatalf("after a restart, the call is not on Today:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}
