package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Each program runs in a new window of the pane's size, the one before
// closed, and its frame is read from there.
func TestReplaceGivesEachProgramTheSameSize(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	c, err := startTmux(fmt.Sprintf("tether-speed-test-%d", os.Getpid()), 100, 30)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	for i := range 3 {
		if _, err := c.launch(fmt.Sprintf("sh -c 'tput cols; tput lines; echo run %d; exec sleep 100'", i), has(fmt.Sprintf("run %d", i))); err != nil {
			t.Fatal(err)
		}
		s, err := c.capture()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Fields(s.text); len(got) < 2 || got[0] != "100" || got[1] != "30" {
			t.Errorf("launch %d: the program saw %q; want 100 columns and 30 lines", i, s.text)
		}
		windows, err := c.run("list-windows -t speed -F '#{window_id}'")
		if err != nil {
			t.Fatal(err)
		}
		if len(windows) != 1 || windows[0] != c.window {
			t.Errorf("launch %d: windows %q; want only %s", i, windows, c.window)
		}
	}
}
