package views

import (
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestMain pins what lipgloss would otherwise read from the environment,
// so a golden screen is the same under CLICOLOR_FORCE=1, NO_COLOR or a
// light terminal as in CI: plain text on a dark background. Tests of
// colour set their own profile and put this one back.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
