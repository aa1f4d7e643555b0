//go:build unix

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndSuspendAndResume: in a shell with job control, ctrl+z in the
// middle of adding a person hands the terminal back to the shell; fg
// brings the app back drawn whole, with the typing where it was; the
// crisis key and the quit question still work; the person is saved and is
// there after a restart.
func TestEndToEndSuspendAndResume(t *testing.T) {
	requireTmux(t)
	shell, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed; the test needs a shell with job control")
	}
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "tether", "tether.db")
	run := fmt.Sprintf("%s --db %s", bin, db)

	ensureServer()
	name := fmt.Sprintf("tether-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	// The server was started by another session: its shell's prompt is
	// given to this session alone (-e).
	cmd := tmux("-u", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", "-e", "PS1=shell$ ", shell, "--norc", "--noprofile", "-i")
	cmd.Env = sessionEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { _ = tmux("kill-session", "-t", name).Run() })
	s := &tmuxSession{t: t, name: name}
	s.waitFor("shell$")
	s.typeText(run)
	s.keys("Enter")
	s.waitFor("Welcome to Tether")
	s.keys("2")
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Sam Okoro")

	s.keys("C-z")
	screen := s.waitFor("Stopped")
	if strings.Contains(screen, "Add a supporter") {
		t.Fatalf("the app's screen is still up after ctrl+z:\n%s", screen)
	}
	s.typeText("fg")
	s.keys("Enter")
	screen = s.waitFor("Add a supporter")
	if !strings.Contains(screen, "Sam Okoro") {
		t.Fatalf("the typing is gone after fg:\n%s", screen)
	}

	// The app reads keys again: the crisis card, back, more typing.
	s.keys("C-g")
	s.waitFor("You don't have to get through this alone")
	s.keys("Escape")
	s.waitFor("Add a supporter")
	s.typeText(" Jr")
	s.keys("C-c")
	s.waitFor("Quit anyway and lose it?")
	s.keys("n")
	s.keys("C-s")
	s.waitFor("Saved Sam Okoro Jr.")
	s.keys("q")
	s.waitFor("shell$")

	s.typeText(bin + " --db " + db + " contact list")
	s.keys("Enter")
	s.waitFor("Sam Okoro Jr")
}
