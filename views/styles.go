package views

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// Styles is every look in the app, named by meaning and built once for the
// terminal (see NewStyles). Colours adapt to light and dark terminals.
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
	// Heat is the heatmap's shaded days; their shapes tell them apart
	// without colour.
	Heat lipgloss.Style
	// Help is bubbles/help's own look, its colours shaded once like ours.
	Help help.Styles

	// The terminal these styles were built for, for the text fields'
	// looks (see textInput).
	profile colorprofile.Profile
	dark    bool
}

// shade is one colour in its light-background and dark-background forms.
type shade struct{ light, dark string }

var (
	colorAccent  = shade{light: "#5A3FC0", dark: "#B7A4FF"}
	colorMuted   = shade{light: "#6B6B6B", dark: "#9A9A9A"}
	colorError   = shade{light: "#B3261E", dark: "#FF8A80"}
	colorWarning = shade{light: "#8A5A00", dark: "#FFCC66"}
	colorSuccess = shade{light: "#1E7B34", dark: "#8FE3A2"}
	colorSelBg   = shade{light: "#E6E0FF", dark: "#3B3363"}
	colorText    = shade{light: "#1C1B1F", dark: "#E6E1E5"}
)

// NewStyles builds the app's styles for a terminal that shows profile p on
// a dark (or light) background: each colour's shade for the background,
// converted once to what the terminal can show. Without colours (NO_COLOR,
// a terminal that has none) what matters still shows through bold,
// underline and reverse; without a terminal at all (a pipe, a test) the
// frame is plain text.
func NewStyles(p colorprofile.Profile, dark bool) *Styles {
	paint := painter(p, dark)
	plain := p <= colorprofile.NoTTY
	bold := func(s lipgloss.Style) lipgloss.Style { return s.Bold(!plain) }
	colorAccent, colorMuted, colorError := paint(colorAccent), paint(colorMuted), paint(colorError)
	colorWarning, colorSuccess, colorSelBg, colorText := paint(colorWarning), paint(colorSuccess), paint(colorSelBg), paint(colorText)
	return &Styles{
		TabActive:   bold(lipgloss.NewStyle()).Foreground(colorAccent).Underline(!plain).Padding(0, 1),
		TabInactive: lipgloss.NewStyle().Foreground(colorMuted).Padding(0, 1),
		TabBar:      lipgloss.NewStyle(),
		Title:       bold(lipgloss.NewStyle()).Foreground(colorAccent),
		Heading:     bold(lipgloss.NewStyle()),
		Muted:       lipgloss.NewStyle().Foreground(colorMuted),
		Error:       lipgloss.NewStyle().Foreground(colorError),
		Warning:     lipgloss.NewStyle().Foreground(colorWarning),
		Success:     lipgloss.NewStyle().Foreground(colorSuccess),
		Selected:    bold(lipgloss.NewStyle()).Background(colorSelBg).Foreground(colorText),
		Label:       lipgloss.NewStyle().Foreground(colorMuted),
		FocusLabel:  bold(lipgloss.NewStyle()).Foreground(colorAccent),
		Value:       lipgloss.NewStyle(),
		Card:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent).Padding(0, 1),
		CardTitle:   bold(lipgloss.NewStyle()).Foreground(colorAccent),
		Status:      lipgloss.NewStyle().Foreground(colorSuccess),
		StatusError: bold(lipgloss.NewStyle()).Foreground(colorError),
		Prompt:      bold(lipgloss.NewStyle()).Foreground(colorWarning),
		Heat:        lipgloss.NewStyle().Foreground(colorAccent),
		Help:        paintHelp(help.DefaultStyles(dark), p),
		profile:     p,
		dark:        dark,
	}
}

// textInput is a one-line text field's look: bubbles' own, in colours the
// terminal shows (its fixed palette numbers would reach a terminal under
// NO_COLOR as they are), with a steady cursor.
func (s *Styles) textInput() textinput.Styles {
	t := textinput.DefaultStyles(s.dark)
	for _, st := range []*lipgloss.Style{&t.Focused.Text, &t.Focused.Placeholder, &t.Focused.Suggestion, &t.Focused.Prompt,
		&t.Blurred.Text, &t.Blurred.Placeholder, &t.Blurred.Suggestion, &t.Blurred.Prompt} {
		*st = s.fit(*st)
	}
	t.Cursor.Color = convert(s.profile, t.Cursor.Color)
	t.Cursor.Blink = false
	return t
}

// textArea is a many-line text field's look, made as textInput's.
func (s *Styles) textArea() textarea.Styles {
	t := textarea.DefaultStyles(s.dark)
	for _, st := range []*textarea.StyleState{&t.Focused, &t.Blurred} {
		for _, x := range []*lipgloss.Style{&st.Base, &st.Text, &st.LineNumber, &st.CursorLineNumber, &st.CursorLine, &st.EndOfBuffer, &st.Placeholder, &st.Prompt} {
			*x = s.fit(*x)
		}
	}
	t.Cursor.Color = convert(s.profile, t.Cursor.Color)
	t.Cursor.Blink = false
	return t
}

// fit converts a style's colours to the terminal's.
func (s *Styles) fit(st lipgloss.Style) lipgloss.Style {
	return st.Foreground(convert(s.profile, st.GetForeground())).Background(convert(s.profile, st.GetBackground()))
}

// paintHelp converts help's own colours once, like ours.
func paintHelp(h help.Styles, p colorprofile.Profile) help.Styles {
	for _, st := range []*lipgloss.Style{&h.Ellipsis, &h.ShortKey, &h.ShortDesc, &h.ShortSeparator, &h.FullKey, &h.FullDesc, &h.FullSeparator} {
		*st = (&Styles{profile: p}).fit(*st)
	}
	return h
}

// painter picks a colour's light or dark shade and converts it to what the
// terminal can show, once, as the styles are built. Lip Gloss writes every
// colour as given, and downsampling a frame for a 256-colour terminal
// (tmux, by default) on the way out would search the palette by perceptual
// distance for every cell: the frame display writes Tether's frames
// itself, so they must already be in the terminal's colours.
func painter(p colorprofile.Profile, dark bool) func(shade) color.Color {
	return func(c shade) color.Color {
		hex := c.light
		if dark {
			hex = c.dark
		}
		return convert(p, lipgloss.Color(hex))
	}
}

// convert is c as a terminal of profile p shows it: no colour at all for a
// terminal without colours.
func convert(p colorprofile.Profile, c color.Color) color.Color {
	if c == nil || p <= colorprofile.ASCII {
		return lipgloss.NoColor{}
	}
	if _, none := c.(lipgloss.NoColor); none {
		return c
	}
	return p.Convert(c)
}
