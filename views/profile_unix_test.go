//go:build unix

package views

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestColoursAreReadWithoutRunningTmux: inside tmux the colours are read
// from the environment; `tmux info` is never run (a process before every
// first frame). A tmux on PATH that leaves a mark proves it.
func TestColoursAreReadWithoutRunningTmux(t *testing.T) {
	bin := t.TempDir()
	mark := filepath.Join(bin, "ran")
	script := "#!/bin/sh\n: > " + mark + "\necho 'Tc: [missing]'\n"
	if err := os.WriteFile(filepath.Join(bin, "tmux"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	t.Setenv("PATH", bin) // exec looks tmux up in this process's PATH
	base := []string{"TERM=tmux-256color", "TMUX=/tmp/tmux-0/default,1,0", "TTY_FORCE=1"}

	// The check itself: colorprofile.Detect does run it.
	colorprofile.Detect(out, base)
	if _, err := os.Stat(mark); err != nil {
		t.Skip("colorprofile no longer runs tmux here; nothing to prove")
	}
	os.Remove(mark)

	cases := []struct {
		name string
		env  []string
		want colorprofile.Profile
	}{
		{"tmux's own TERM", base, colorprofile.ANSI256},
		{"COLORTERM says 24-bit", append(base, "COLORTERM=truecolor"), colorprofile.TrueColor},
		{"NO_COLOR", append(base, "COLORTERM=truecolor", "NO_COLOR=1"), colorprofile.Ascii},
	}
	for _, c := range cases {
		if got := detectProfile(out, c.env); got != c.want {
			t.Errorf("%s: profile %v, want %v", c.name, got, c.want)
		}
	}
	if _, err := os.Stat(mark); err == nil {
		t.Fatal("tmux was run to learn the colours")
	}
}
