package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The passphrase of an encrypted backup is typed at the terminal, and
// never shown there: not as it is typed, not after; a wrong one is one
// line and changes nothing; and the terminal shows what is typed again
// once tether is done, or is interrupted at the prompt.
func TestPassphraseIsNotShownAtTheTerminal(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "journal.db")
	runBinary(t, bin, "demo", "--save", db, "--size", "small")
	// Names in dir, so that the messages fit on a line of the screen.
	const backup, restored = "backup.db.age", "restored.db"
	in := "cd " + dir + " && "
	const pass = "blue heron kettle wombat"
	// After tether, the terminal's echo setting, so the test sees that it
	// was put back: stty prints "echo", or "-echo" if it was left off.
	echoAfter := `; echo "TETHER:$?"; stty -a | tr ' ' '\n' | grep -x -e echo -e -echo`

	s := startTmux(t, in+fmt.Sprintf("%s --db %s backup --encrypt %s", bin, db, backup)+echoAfter)
	s.waitFor("Passphrase (not shown as you type):")
	s.typeText(pass)
	s.keys("Enter")
	s.waitFor("The same passphrase again:")
	s.typeText(pass)
	s.keys("Enter")
	scr := s.waitFor("EXITED:0")
	if !strings.Contains(scr, "The copy was checked, then encrypted.") || !strings.Contains(scr, "TETHER:0") {
		t.Fatalf("the backup did not finish:\n%s", scr)
	}
	noPassphrase(t, scr, pass)
	echoOn(t, scr)

	// A wrong passphrase: one line, exit 1, nothing restored.
	s = startTmux(t, in+fmt.Sprintf("%s --db %s restore %s", bin, restored, backup)+echoAfter)
	s.waitFor("Passphrase for ")
	s.typeText(pass + "!")
	s.keys("Enter")
	scr = s.waitFor("EXITED:0")
	if !strings.Contains(scr, "tether: that passphrase does not open "+backup+"; nothing was changed") || !strings.Contains(scr, "TETHER:1") {
		t.Fatalf("a wrong passphrase:\n%s", scr)
	}
	noPassphrase(t, scr, pass)
	echoOn(t, scr)
	if _, err := os.Stat(filepath.Join(dir, restored)); err == nil {
		t.Fatal("a wrong passphrase made a journal")
	}

	// Interrupted at the prompt: it stops at once, and the terminal
	// echoes again. (The shell around tether must outlive ctrl+c.)
	s = startTmux(t, in+fmt.Sprintf("trap : INT; %s --db %s restore %s", bin, restored, backup)+echoAfter)
	s.waitFor("Passphrase for " + backup)
	s.typeText("half typed")
	s.keys("C-c")
	scr = s.waitFor("EXITED:0")
	if !strings.Contains(scr, "tether: interrupted") || !strings.Contains(scr, "TETHER:1") {
		t.Fatalf("interrupted at the prompt:\n%s", scr)
	}
	if strings.Contains(scr, "half typed") {
		t.Fatalf("what was typed at the prompt is on the screen:\n%s", scr)
	}
	echoOn(t, scr)

	// The right passphrase: the journal comes back whole.
	s = startTmux(t, in+fmt.Sprintf("%s --db %s restore %s", bin, restored, backup)+echoAfter)
	s.waitFor("Passphrase for " + backup)
	s.typeText(pass)
	s.keys("Enter")
	scr = s.waitFor("EXITED:0")
	if !strings.Contains(scr, "Restored your journal from "+backup) || !strings.Contains(scr, "TETHER:0") {
		t.Fatalf("the restore did not finish:\n%s", scr)
	}
	noPassphrase(t, scr, pass)
	got, want := exportOf(t, filepath.Join(dir, restored)), exportOf(t, db)
	got.ExportedAt = want.ExportedAt // the moment each was read
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the restored journal differs from the one backed up")
	}
}

func noPassphrase(t *testing.T, screen, pass string) {
	t.Helper()
	for _, part := range append(strings.Fields(pass), pass) {
		if strings.Contains(screen, part) {
			t.Fatalf("the passphrase (%q) is on the screen:\n%s", part, screen)
		}
	}
}

func echoOn(t *testing.T, screen string) {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		switch strings.TrimSpace(l) {
		case "echo":
			return
		case "-echo":
			t.Fatalf("the terminal was left without echo:\n%s", screen)
		}
	}
	t.Fatalf("stty did not say whether the terminal echoes:\n%s", screen)
}
