//go:build unix

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestNothingRunsTmuxAtStart: inside tmux, colorprofile (which Lip Gloss
// and Bubble Tea call) learns the colours by running `tmux info` — in Lip
// Gloss's package initialiser, before main, in every command. A tmux on
// PATH that leaves a mark shows that no tether command, nor the app with
// either renderer, runs it (see internal/envguard and views/profile.go).
func TestNothingRunsTmuxAtStart(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := t.TempDir()
	fake := filepath.Join(dir, "bin")
	if err := os.Mkdir(fake, 0o700); err != nil {
		t.Fatal(err)
	}
	mark := filepath.Join(dir, "tmux-was-run")
	script := fmt.Sprintf("#!/bin/sh\necho \"$@\" >> %s\n", mark)
	if err := os.WriteFile(filepath.Join(fake, "tmux"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "journal.db")
	runBinary(t, bin, "demo", "--save", db, "--size", "small")
	with := fmt.Sprintf("env PATH=%s:$PATH", fake)

	// Each in the pane's terminal (its stdout a tty, TMUX set), one after
	// another, then the app with Tether's display and with Bubble Tea's.
	s := startTmux(t, fmt.Sprintf("%[1]s %[2]s --version && %[1]s %[2]s sos --db %[3]s && %[1]s %[2]s due --db %[3]s && %[1]s %[2]s --db %[3]s",
		with, bin, db))
	s.waitFor("Today")
	s.keys("q")
	s.waitFor("EXITED:0")
	s = startTmux(t, fmt.Sprintf("%s TETHER_RENDERER=bubbletea %s --db %s", with, bin, db))
	s.waitFor("Today")
	s.keys("q")
	s.waitFor("EXITED:0")

	if got, err := os.ReadFile(mark); err == nil {
		t.Fatalf("tmux was run at start: %q", got)
	}
}
