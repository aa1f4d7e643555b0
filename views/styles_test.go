package views

import (
	"bytes"
	"image/color"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// downsampled is s as a terminal of profile p receives it when the
// colours are converted on the way out, as Bubble Tea's renderer does.
func downsampled(s string, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	_, _ = w.WriteString(s)
	return b.String()
}

// bare is s without empty resets, which show nothing.
func bare(s string) string { return strings.ReplaceAll(s, "\x1b[m", "") }

// Colours converted once, as the styles are built, draw exactly as the
// same colours converted on the way out would, on every kind of terminal
// and background, help's colours included.
func TestPaintedColoursDrawAsDownsampledWould(t *testing.T) {
	palette := []shade{colorAccent, colorMuted, colorError, colorWarning, colorSuccess, colorSelBg, colorText}
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.ASCII} {
		for _, dark := range []bool{true, false} {
			paint := painter(p, dark)
			for _, c := range palette {
				hex := c.light
				if dark {
					hex = c.dark
				}
				want := downsampled(lipgloss.NewStyle().Foreground(lipgloss.Color(hex)).Background(lipgloss.Color(hex)).Render("x"), p)
				got := lipgloss.NewStyle().Foreground(paint(c)).Background(paint(c)).Render("x")
				if bare(got) != bare(want) {
					t.Errorf("profile %v, dark %v, %v: drawn %q; downsampled %q", p, dark, c, got, want)
				}
			}
			for _, st := range []lipgloss.Style{help.DefaultStyles(dark).ShortKey, help.DefaultStyles(dark).ShortDesc} {
				want := downsampled(st.Render("x"), p)
				if got := (&Styles{profile: p}).fit(st).Render("x"); bare(got) != bare(want) {
					t.Errorf("profile %v, dark %v: help drawn %q; downsampled %q", p, dark, got, want)
				}
			}
		}
	}
}

// The help line's colours are converted for the terminal as the styles
// are built, not written as 24-bit colour to a 256-colour terminal.
func TestHelpStylesAreConverted(t *testing.T) {
	h := NewStyles(colorprofile.ANSI256, true).Help
	for name, st := range map[string]lipgloss.Style{"key": h.ShortKey, "desc": h.ShortDesc, "sep": h.ShortSeparator, "full key": h.FullKey, "ellipsis": h.Ellipsis} {
		if _, rgb := st.GetForeground().(color.RGBA); rgb {
			t.Errorf("help's %s colour is 24-bit on a 256-colour terminal", name)
		}
		if strings.Contains(st.Render("x"), "38;2;") {
			t.Errorf("help's %s is drawn in 24-bit colour: %q", name, st.Render("x"))
		}
	}
}

// Without colours (NO_COLOR) what matters shows through bold and
// underline; without a terminal (a pipe, a test) every style is plain.
func TestStylesWithoutColour(t *testing.T) {
	each := func(s *Styles, f func(name string, st lipgloss.Style)) {
		v := reflect.ValueOf(*s)
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if st, ok := v.Field(i).Interface().(lipgloss.Style); ok {
				f(v.Type().Field(i).Name, st)
			}
		}
	}
	each(NewStyles(colorprofile.NoTTY, true), func(name string, st lipgloss.Style) {
		if got := st.Render("x"); strings.Contains(got, "\x1b") {
			t.Errorf("%s is styled without a terminal: %q", name, got)
		}
	})
	bold := 0
	each(NewStyles(colorprofile.ASCII, true), func(name string, st lipgloss.Style) {
		got := st.Render("x")
		for _, colour := range []string{"38;", "48;", "[3", "[4", "[9"} {
			if strings.Contains(strings.ReplaceAll(got, "[4m", ""), "\x1b"+colour) {
				t.Errorf("%s has colour under NO_COLOR: %q", name, got)
			}
		}
		if ansi.Strip(got) != got {
			bold++
		}
	})
	if bold == 0 {
		t.Error("under NO_COLOR nothing is bold or underlined")
	}
}
