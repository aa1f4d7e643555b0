package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndBurstOfTextIsKeptWhole types a sentence full of key names
// into the check-in's note in one write (as text arrives over a slow link,
// from dictation, or a paste without bracketed paste), saves, quits,
// reopens and finds every word where it was typed.
func TestEndToEndBurstOfTextIsKeptWhole(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "tether", "tether.db")
	run := fmt.Sprintf("%s --db %s", bin, db)
	const helped = "walked down to the meeting, then home"
	const note = "up early, tab open, end of a hard week; left right after q&a? esc!"

	s := startTmux(t, run)
	s.waitFor("Welcome to Tether")
	s.keys("3")
	s.waitFor("Not checked in yet")
	s.keys("e")
	s.waitFor("Mood")
	s.typeText("4")
	for range 8 {
		s.keys("Tab")
	}
	s.typeText(helped) // one send-keys -l: the whole sentence in one write
	s.keys("Tab")
	s.typeText(note)
	s.keys("C-s")
	s.waitFor("Saved your check-in")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, run)
	s.waitFor("Checked in today")
	s.keys("3")
	scr := s.waitFor(helped)
	if !strings.Contains(scr, note) {
		t.Fatalf("after reopening, the note is not there whole (%q):\n%s", note, scr)
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}

// TestEndToEndLongBurstIsTakenWhole: a long answer arriving as typed
// keys in one go (a paste where the terminal does not mark pastes) is
// taken whole and in order while the screen is drawn only every few
// milliseconds (see pacing in views), and is in the journal after
// quitting.
func TestEndToEndLongBurstIsTakenWhole(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "tether.db")
	run := fmt.Sprintf("%s --db %s", bin, db)
	answer := strings.Repeat("the walk home after the meeting helped, down and up the hill. ", 15) + "END"

	s := startTmux(t, run)
	s.beginFirstReflection()
	s.keys("Tab", "Tab", "Tab")
	s.typeText(answer)
	s.waitFor("│ END") // the last word, on a row of its own at this width
	s.keys("Tab")
	s.waitFor("Saved")
	s.keys("Escape")
	s.keys("q")
	s.waitFor("EXITED:0")

	out := filepath.Join(dir, "export.json")
	runBinary(t, bin, "--db", db, "export", "--format", "json", "-o", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), answer) {
		t.Fatalf("the journal does not hold the answer whole; the export:\n%.2000s", data)
	}
}
