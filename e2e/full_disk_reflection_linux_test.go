package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndFullDiskKeepsTheReflection: a reflection is being written
// when the disk fills up. The save fails and the footer says so, never
// "(saved)"; esc asks before closing rather than losing the week's
// answers; once there is room again ctrl+s saves them, and they are there
// after reopening.
func TestEndToEndFullDiskKeepsTheReflection(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	disk := smallDisk(t, 1<<20)
	db := filepath.Join(disk, "tether.db")
	run := fmt.Sprintf("%s --db %s", bin, db)

	s := startTmux(t, run)
	s.beginFirstReflection()
	s.typeText("8")
	s.keys("Tab", "Tab", "Tab")
	s.typeText("Maria listened.")
	s.keys("Tab") // moving on saves
	s.waitFor("Saved")

	filler := fillDisk(t, disk, 0)
	// More than the log has room for: several pages of the journal.
	later := "Second thoughts: " + strings.Repeat("the walk home after the meeting helped. ", 150)
	s.paste(later) // a paste arrives whole; typed, it would take a while
	s.keys("Tab")
	s.waitFor("not saved — ctrl+s to try again")
	if scr := s.screen(); strings.Contains(scr, "(saved)") {
		t.Fatalf("the save failed, yet the footer says saved:\n%s", scr)
	}
	s.keys("Escape")
	s.waitFor("This is not saved. Discard it?")
	s.keys("n")
	s.keys("C-c")
	s.waitFor("unsaved typing")
	s.keys("n")

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	s.keys("C-s")
	s.waitFor("close (saved)")
	s.keys("Escape")
	s.waitFor("Felt supported 8/10")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, run)
	s.waitFor("Today")
	s.keys("4")
	scr := s.waitFor("Second thoughts")
	if !strings.Contains(scr, "Maria listened.") {
		t.Fatalf("after reopening, the week's first answer is missing:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}
