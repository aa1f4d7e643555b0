package e2e

import (
	"fmt"
	"path/filepath"
	"testing"
)

// tether checkin at a terminal, as a person with a screen reader would
// use it: one plain question a line, a wrong answer explained and asked
// again, Enter to skip, ctrl+d to save what was answered.
func TestCheckinAtATerminal(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	s := startTmux(t, fmt.Sprintf("%s --db %s checkin", bin, db))
	// The screen as captured has no spaces at the ends of lines.
	s.waitFor("Mood, from 1 very low to 5 very good:")
	s.typeText("9")
	s.keys("Enter")
	s.waitFor("Mood is 1 to 5 (or blank).")
	s.typeText("4")
	s.keys("Enter")
	s.waitFor("How hard was today: easy, not bad, questionable, hard or impossible:")
	s.keys("Enter")
	s.waitFor("Craving, from 0 none to 10 overwhelming:")
	s.typeText("2")
	s.keys("Enter")
	s.waitFor("In a risky situation")
	s.keys("C-d")
	s.waitFor("Saved the check-in for today: mood and craving.")
	s.waitFor("EXITED:0")

	ex := exportOf(t, db)
	if len(ex.CheckIns) != 1 {
		t.Fatalf("%d check-ins saved", len(ex.CheckIns))
	}
	if c := ex.CheckIns[0]; c.Mood != 4 || c.Craving == nil || *c.Craving != 2 || c.Difficulty != "" || c.Risky != nil {
		t.Fatalf("saved %+v", c)
	}
}
