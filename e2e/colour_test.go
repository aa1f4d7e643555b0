package e2e

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colours counts the colour changes on a screen captured with its styling
// (capture-pane -e): SGR foregrounds and backgrounds, other than back to
// the default.
func colours(screen string) int {
	n := 0
	for _, m := range sgr.FindAllStringSubmatch(screen, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			v, err := strconv.Atoi(p)
			if err != nil || v == 39 || v == 49 {
				continue
			}
			if (v >= 30 && v <= 48) || (v >= 90 && v <= 107) {
				n++
			}
		}
	}
	return n
}

// styledScreen is the pane with its styling.
func (s *tmuxSession) styledScreen() string {
	s.t.Helper()
	out, err := tmux("capture-pane", "-p", "-e", "-t", s.name).Output()
	if err != nil {
		s.t.Fatalf("capture-pane -e: %v", err)
	}
	return string(out)
}

// TestEndToEndNoColorMeansNoColour: under NO_COLOR the app draws no colour
// at all (bold and underline still mark what matters); without it, on a
// 256-colour terminal, it does.
func TestEndToEndNoColorMeansNoColour(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "tether", "tether.db")

	s := startTmux(t, fmt.Sprintf("NO_COLOR=1 %s --db %s", bin, db))
	s.waitFor("Welcome to Tether")
	s.keys("2")
	s.waitFor("[2 Contacts]")
	if n := colours(s.styledScreen()); n != 0 {
		t.Fatalf("NO_COLOR: %d colour changes on the screen:\n%q", n, s.styledScreen())
	}
	if !strings.Contains(s.styledScreen(), "\x1b[") {
		t.Fatal("NO_COLOR: nothing is bold or underlined either")
	}
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Welcome to Tether")
	if n := colours(s.styledScreen()); n == 0 {
		t.Fatalf("no colour on a 256-colour terminal:\n%q", s.styledScreen())
	}
}

// TestEndToEndBubbleTeasRenderer: with TETHER_RENDERER=bubbletea the app
// draws through Bubble Tea's own renderer (as it does on Windows), and
// works the same: a person added there is there when reopened with
// Tether's display.
func TestEndToEndBubbleTeasRenderer(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "tether", "tether.db")

	s := startTmux(t, fmt.Sprintf("TETHER_RENDERER=bubbletea %s --db %s", bin, db))
	s.waitFor("Welcome to Tether")
	s.keys("2", "a")
	s.waitFor("Add a supporter")
	s.typeText("Zoë 🌻 O'Brien")
	s.keys("C-s")
	s.waitFor("Saved Zoë 🌻 O'Brien.")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Your network: 1 supporter")
	s.keys("2")
	s.waitFor("Zoë 🌻 O'Brien")
}
