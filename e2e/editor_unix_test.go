//go:build unix

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ctrl+e in a long text field hands the terminal to $EDITOR: here a
// script that asks for a line in the plain terminal (so it only works if
// the terminal was truly handed over, out of raw mode) and adds it to the
// text. Back in the app the line is in the note; saved, it is there after
// a restart.
func TestEndToEndEditorWritesTheNote(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "journal.db")
	editor := filepath.Join(dir, "editor.sh")
	script := "#!/bin/sh\nprintf 'in the test editor, type a line: '\nIFS= read -r line\nprintf '%s\\n' \"$line\" >> \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Denise Okafor")

	s := startTmux80(t, fmt.Sprintf("EDITOR=%s %s --db %s", editor, bin, db))
	s.waitFor("[1 Today]")
	s.keys("3")
	s.waitFor("[3 Check-in]")
	s.keys("e")
	s.waitFor("› Mood")
	for range 9 {
		s.keys("Tab")
	}
	s.waitFor("ctrl+e your editor")
	s.typeText("A long day.")
	s.keys("C-e")
	s.waitFor("in the test editor, type a line:")
	s.typeText("Called Denise on the way home.")
	s.keys("Enter")
	s.waitFor("Back from your editor")
	scr := s.waitFor("Called Denise on the way home.")
	if !strings.Contains(scr, "A long day.") {
		t.Fatalf("what was typed before the editor is gone:\n%s", scr)
	}
	s.keys("C-s")
	s.waitFor("Checked in")
	s.keys("q")
	s.waitFor("EXITED:0")

	ex := exportOf(t, db)
	if len(ex.CheckIns) != 1 || ex.CheckIns[0].Note != "A long day.\nCalled Denise on the way home." {
		t.Fatalf("the journal holds %+v", ex.CheckIns)
	}
}
