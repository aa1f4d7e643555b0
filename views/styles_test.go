package views

import (
	"io"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Colours shaded once, as the styles are built, draw exactly as lipgloss
// would draw the adaptive colour itself, on every kind of terminal and
// background, help's colours included.
func TestShadedColoursDrawAsLipglossWould(t *testing.T) {
	palette := []lipgloss.AdaptiveColor{colorAccent, colorMuted, colorError, colorWarning, colorSuccess, colorSelBg, colorText}
	for _, st := range []lipgloss.Style{help.New().Styles.ShortKey, help.New().Styles.ShortDesc, help.New().Styles.ShortSeparator} {
		palette = append(palette, st.GetForeground().(lipgloss.AdaptiveColor))
	}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{true, false} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(p)
			r.SetHasDarkBackground(dark)
			shade := shader(p, dark)
			for _, c := range palette {
				want := r.NewStyle().Foreground(c).Background(c).Render("x")
				got := r.NewStyle().Foreground(shade(c)).Background(shade(c)).Render("x")
				if got != want {
					t.Errorf("profile %v, dark %v, %v: drawn %q; lipgloss draws %q", p, dark, c, got, want)
				}
			}
		}
	}
}

// The help line's styles keep help's look, shaded.
func TestHelpStylesAreShaded(t *testing.T) {
	h := shadeHelp(help.New().Styles, shader(termenv.ANSI256, true))
	for name, st := range map[string]lipgloss.Style{"key": h.ShortKey, "desc": h.ShortDesc, "sep": h.ShortSeparator, "full key": h.FullKey, "ellipsis": h.Ellipsis} {
		if _, adaptive := st.GetForeground().(lipgloss.AdaptiveColor); adaptive {
			t.Errorf("help's %s colour is still converted on every render", name)
		}
	}
}
