package views

import "github.com/charmbracelet/lipgloss"

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

// DefaultStyles builds the app's styles.
func DefaultStyles() *Styles {
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
	}
}
