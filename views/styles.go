package views

import (
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is every look in the app, named by meaning and built once. Colours
// adapt to light and dark terminals; under NO_COLOR lipgloss drops colour and
// what matters still shows through bold, reverse and text markers.
type Styles struct {
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	TabBar      lipgloss.Style
	Title       lipgloss.Style
	Heading     lipgloss.Style
	Muted       lipgloss.Style
	Error       lipgloss.Style
	Warning     lipgloss.Style
	Success     lipgloss.Style
	Selected    lipgloss.Style
	Label       lipgloss.Style
	FocusLabel  lipgloss.Style
	Value       lipgloss.Style
	Card        lipgloss.Style
	CardTitle   lipgloss.Style
	Status      lipgloss.Style
	StatusError lipgloss.Style
	Prompt      lipgloss.Style
	// Help is bubbles/help's own look, its colours shaded once like ours.
	Help help.Styles
}

var (
	colorAccent  = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#B7A4FF"}
	colorMuted   = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	colorError   = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF8A80"}
	colorWarning = lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#FFCC66"}
	colorSuccess = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#8FE3A2"}
	colorSelBg   = lipgloss.AdaptiveColor{Light: "#E6E0FF", Dark: "#3B3363"}
	colorText    = lipgloss.AdaptiveColor{Light: "#1C1B1F", Dark: "#E6E1E5"}
)

// DefaultStyles builds the app's styles for the terminal the app runs in:
// each colour's shade for its background, in what it can show.
func DefaultStyles() *Styles {
	shade := shader(lipgloss.ColorProfile(), lipgloss.HasDarkBackground())
	colorAccent, colorMuted, colorError := shade(colorAccent), shade(colorMuted), shade(colorError)
	colorWarning, colorSuccess, colorSelBg, colorText := shade(colorWarning), shade(colorSuccess), shade(colorSelBg), shade(colorText)
	return &Styles{
		TabActive:   lipgloss.NewStyle().Bold(true).Foreground(colorAccent).Underline(true).Padding(0, 1),
		TabInactive: lipgloss.NewStyle().Foreground(colorMuted).Padding(0, 1),
		TabBar:      lipgloss.NewStyle(),
		Title:       lipgloss.NewStyle().Bold(true).Foreground(colorAccent),
		Heading:     lipgloss.NewStyle().Bold(true),
		Muted:       lipgloss.NewStyle().Foreground(colorMuted),
		Error:       lipgloss.NewStyle().Foreground(colorError),
		Warning:     lipgloss.NewStyle().Foreground(colorWarning),
		Success:     lipgloss.NewStyle().Foreground(colorSuccess),
		Selected:    lipgloss.NewStyle().Bold(true).Background(colorSelBg).Foreground(colorText),
		Label:       lipgloss.NewStyle().Foreground(colorMuted),
		FocusLabel:  lipgloss.NewStyle().Bold(true).Foreground(colorAccent),
		Value:       lipgloss.NewStyle(),
		Card:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent).Padding(0, 1),
		CardTitle:   lipgloss.NewStyle().Bold(true).Foreground(colorAccent),
		Status:      lipgloss.NewStyle().Foreground(colorSuccess),
		StatusError: lipgloss.NewStyle().Foreground(colorError).Bold(true),
		Prompt:      lipgloss.NewStyle().Bold(true).Foreground(colorWarning),
		Help:        shadeHelp(help.New().Styles, shade),
	}
}

// shadeHelp shades the adaptive foregrounds of help's styles.
func shadeHelp(h help.Styles, shade func(lipgloss.AdaptiveColor) lipgloss.TerminalColor) help.Styles {
	for _, st := range []*lipgloss.Style{&h.Ellipsis, &h.ShortKey, &h.ShortDesc, &h.ShortSeparator, &h.FullKey, &h.FullDesc, &h.FullSeparator} {
		if c, ok := st.GetForeground().(lipgloss.AdaptiveColor); ok {
			*st = st.Foreground(shade(c))
		}
	}
	return h
}

// shader picks a colour's light or dark shade and converts it to what the
// terminal can show, once, as the styles are built. Given the hex value,
// lipgloss converts it again on every Render, and for a 256-colour
// terminal (tmux, by default) that is a search of the palette by
// perceptual distance: a sixth of drawing the contact list.
func shader(p termenv.Profile, dark bool) func(lipgloss.AdaptiveColor) lipgloss.TerminalColor {
	return func(c lipgloss.AdaptiveColor) lipgloss.TerminalColor {
		hex := c.Light
		if dark {
			hex = c.Dark
		}
		switch v := p.Convert(termenv.RGBColor(hex)).(type) {
		case termenv.ANSI256Color:
			return lipgloss.Color(strconv.Itoa(int(v)))
		case termenv.ANSIColor:
			return lipgloss.Color(strconv.Itoa(int(v)))
		case termenv.NoColor:
			return lipgloss.NoColor{}
		}
		return lipgloss.Color(hex)
	}
}
