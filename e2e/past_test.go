package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Finding and mending the past on the large sample at 80×24, as a person
// would: the oldest reach-out of someone with hundreds, the timeline
// jumped to a day in 2019, a reach-out moved to another person (still
// moved after a restart), and a removal put back with u.
func TestEndToEndThePastOnTheLargeSample(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := largeJournal(t, bin)
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Zed Example")
	s := startTmux80(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Who next")

	// Denise, the sponsor, has years of calls: her details scroll to the
	// oldest.
	s.keys("2")
	s.waitFor("[2 Contacts]")
	s.keys("/")
	s.typeText("Denise Okafor")
	s.keys("Enter")
	// The filter has chosen her before enter opens her: on a busy machine
	// the list can still be reading when the keys arrive.
	s.waitFor("› Denise Okafor")
	s.keys("Enter")
	s.waitFor("↓ more below: j/k, pgdn, G")
	s.keys("G")
	// Daily calls: the first 50 cover two months; a year-old one is
	// beyond them, read when the end came into view.
	old := regexp.MustCompile(`\d+ \w{3} 20(1\d|2[0-5]) `)
	for deadline := time.Now().Add(10 * time.Second); !old.MatchString(s.screen()); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the end of her history shows no reach-out from a year ago or more:\n%s", s.screen())
		}
	}
	s.waitFor("the end")
	s.keys("Escape", "Escape")

	// The timeline, jumped to a day in 2019.
	s.keys("3", "v")
	s.waitFor("Timeline ·")
	s.keys("/")
	s.typeText("2019-05-17")
	s.keys("Enter")
	s.waitFor("– 17 May 2019")

	// Yesterday's first reach-out moved to Zed Example.
	s.keys("v", "[")
	s.waitFor("Check-in · ")
	s.keys("j", "e")
	scr := s.waitFor("Edit a reach-out with")
	before := strings.TrimSpace(strings.TrimPrefix(lineContaining(scr, "Edit a reach-out with"), "Edit a reach-out with"))
	s.keys("C-o")
	s.waitFor("Who was it with, instead of")
	s.typeText("zed ex")
	s.keys("Enter")
	s.waitFor("Edit a reach-out with Zed Example")
	s.keys("C-s")
	s.waitFor("Zed Example")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux80(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Who next")
	s.keys("3", "[")
	s.waitFor("Zed Example")
	if before == "Zed Example" || before == "" {
		t.Fatalf("moved from %q", before)
	}

	// Removed, then put back with u.
	s.keys("j", "d")
	s.waitFor("from yesterday? y/n")
	s.keys("y")
	s.waitFor("u undoes it.")
	s.keys("u")
	s.waitFor("Put back the reach-out with")
	s.keys("q")
	s.waitFor("EXITED:0")
}
