package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// The quick hide at a real terminal: mid-way through adding a person,
// ctrl+x blanks the screen to one neutral line, with nothing of the
// journal or the form left on the terminal; keys pressed in a hurry
// meanwhile do nothing (not even ctrl+c); a resize keeps it blank; ctrl+x
// brings back the form exactly as it was, typing included, and the
// person is saved from there.
func TestEndToEndHideMidFormAndComeBack(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Denise Okafor", "--circle", "sponsor", "--phone", "(312) 555-0147")
	s := startTmux80(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Your network: 1 supporter")
	s.keys("2")
	s.waitFor("Denise Okafor")
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Sam Okoro")
	s.waitFor("Sam Okoro")
	before := s.still()

	const paused = "Paused. ctrl+x to come back."
	hidden := func() {
		t.Helper()
		scr := s.still()
		if strings.TrimSpace(scr) != paused {
			t.Fatalf("the hidden screen shows more than one neutral line:\n%s", scr)
		}
	}
	s.keys("C-x")
	s.waitFor(paused)
	hidden()

	s.typeText("yes q")
	s.keys("C-c", "y", "Enter", "C-s", "Escape", "!", "Tab")
	s.paste("pasted meanwhile")
	hidden()
	if err := tmux("resize-window", "-t", s.name, "-x", "100", "-y", "30").Run(); err != nil {
		t.Fatalf("resize-window: %v", err)
	}
	hidden()
	if err := tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24").Run(); err != nil {
		t.Fatalf("resize-window: %v", err)
	}
	hidden()

	s.keys("C-x")
	s.waitFor("Add a supporter")
	if after := s.still(); after != before {
		t.Fatalf("shown again, the screen is not as it was.\nbefore:\n%s\nafter:\n%s", before, after)
	}
	s.typeText(" Jr")
	s.keys("C-s")
	s.waitFor("Saved Sam Okoro Jr.")
	s.keys("q")
	s.waitFor("EXITED:0")
	if names := runBinary(t, bin, "--db", db, "contact", "list"); !strings.Contains(names, "Sam Okoro Jr") || strings.Contains(names, "yes") {
		t.Fatalf("the journal after the hide:\n%s", names)
	}
}
