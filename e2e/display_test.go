package e2e

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// still waits until the screen has stopped changing and returns it: the
// frame a key asked for, and whatever its answers (a person's history)
// drew after it. The deadline only bounds a broken run.
func (s *tmuxSession) still() string {
	s.t.Helper()
	last := s.screen()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		time.Sleep(120 * time.Millisecond)
		now := s.screen()
		if now == last {
			return now
		}
		last = now
	}
	s.t.Fatalf("the screen never settled; it shows:\n%s", last)
	return ""
}

// redrawnAt resizes the window to width columns and returns the screen
// once the app has drawn its frame for that width (the rule under the tabs
// is as wide as the window) and nothing more is changing.
func (s *tmuxSession) redrawnAt(width int) string {
	s.t.Helper()
	if out, err := tmux("resize-window", "-t", s.name, "-x", strconv.Itoa(width), "-y", "30").CombinedOutput(); err != nil {
		s.t.Fatalf("resize-window: %v\n%s", err, out)
	}
	s.waitFor("\n" + strings.Repeat("─", width) + "\n")
	return s.still()
}

// The display writes only what changed in each line (views/term/display.go).
// After every key of a walk through the screens, on sample data with
// accents and wide characters, what the terminal shows is what it shows
// once the whole frame is drawn afresh (a resize repaints everything).
// Colours are held to the whole frame by FuzzFrameDiff in ./views/term/; tmux's
// capture of colours depends on how cells were cleared, so this compares
// the text.
func TestEndToEndChangedLinesShowWhatTheWholeFrameShows(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	runBinary(t, bin, "demo", "--save", db, "--size", "small")
	s := startTmux(t, bin+" --db "+db)
	s.waitFor("Who next")
	walk := [][]string{
		{"j"}, {"j"}, {"k"}, {"2"}, {"j"}, {"j"}, {"j"}, {"G"}, {"g"},
		{"/"}, {"-l", "an"}, {"BSpace"}, {"Escape"}, {"j"},
		{"3"}, {"Left"}, {"5"}, {"j"}, {"4"}, {"1"},
	}
	for _, k := range walk {
		if k[0] == "-l" {
			s.typeText(k[1])
		} else {
			s.keys(k...)
		}
		changed := s.still()
		s.redrawnAt(99)
		whole := s.redrawnAt(100)
		if changed != whole {
			t.Fatalf("after %v the screen drawn line by line differs from the whole frame\nline by line:\n%s\nwhole:\n%s", k, changed, whole)
		}
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}
