package views

import (
	tea "charm.land/bubbletea/v2"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/views/term"
)

// size returns the terminal size, assuming 80×24 before the first
// WindowSizeMsg so the first frame is sensible.
func (a *App) size() (int, int) {
	if a.width <= 0 || a.height <= 0 {
		return 80, 24
	}
	return a.width, a.height
}

// contentHeight is what is left for a screen after the tab bar, its rule,
// the status line and the help.
func (a *App) contentHeight() int {
	_, h := a.size()
	return max(1, h-3-a.helpHeight())
}

// helpHeight is how many lines the help takes, without drawing it on every
// key: the short help is always one line (bubbles/help cuts it to the
// width); only the full help, shown on ?, is measured.
func (a *App) helpHeight() int {
	if a.showingFullHelp() {
		return lipgloss.Height(a.helpView())
	}
	return 1
}

func (a *App) showingFullHelp() bool {
	return a.help.ShowAll && !a.capturing() && !a.crisis.open && !a.confirmQuit
}

// resize gives every screen and overlay the content area: the screens out
// of sight too, so each is ready the moment it shows.
func (a *App) resize() {
	w, _ := a.size()
	a.help.SetWidth(w)
	h := a.contentHeight()
	for _, t := range a.tabs {
		t.screen.setSize(w, h)
	}
	a.crisis.setSize(w, h) // open or not: ! shows it at once
	for _, o := range a.overlays() {
		o.setSize(w, h)
	}
}

// ShortHelp and FullHelp make App a help.KeyMap built from what has the
// keyboard (the quit question, an overlay, the screen on show) plus the
// global keys.
func (a *App) ShortHelp() []key.Binding {
	k := a.keys
	if a.confirmQuit {
		return []key.Binding{a.yesNo.Yes, a.yesNo.No}
	}
	if o := a.top(); o != nil {
		if o.typing() {
			return append(o.helpKeys(), k.CrisisAnywhere)
		}
		return o.helpKeys()
	}
	ks := a.page().helpKeys()
	if a.capturing() {
		return append(ks, k.CrisisAnywhere)
	}
	return append(ks, k.Help, k.Crisis, k.Quit)
}

func (a *App) FullHelp() [][]key.Binding {
	k := a.keys
	var numbers []string
	for _, b := range a.tabKeys {
		numbers = append(numbers, b.Keys()...)
	}
	views := key.NewBinding(key.WithKeys(numbers...), key.WithHelp(fmt.Sprintf("1-%d", len(a.tabs)), "switch view"))
	global := [][]key.Binding{
		{views, k.NextTab, k.PrevTab, k.Search, k.Help},
		{k.Crisis, k.CrisisAnywhere, k.Settings, k.Hide, k.Quit, k.ForceQuit},
	}
	return append(a.page().fullHelpKeys(), global...)
}

// helpView is the help line (or, with ?, the full help), drawn again only
// when the keys on offer or the width change: bubbles/help styles and
// measures every key on each call, a quarter of drawing Today.
func (a *App) helpView() string {
	full := a.showingFullHelp()
	var groups [][]key.Binding
	if full {
		groups = a.FullHelp()
	} else {
		groups = [][]key.Binding{a.ShortHelp()}
	}
	var k strings.Builder
	fmt.Fprintf(&k, "%v %d", full, a.help.Width())
	for _, g := range groups {
		k.WriteByte('\x1e')
		for _, b := range g {
			if b.Enabled() {
				k.WriteByte('\x1f')
				k.WriteString(b.Help().Key)
				k.WriteByte('\x1f')
				k.WriteString(b.Help().Desc)
			}
		}
	}
	c := &a.chrome
	if key := k.String(); key != c.helpKey {
		c.helpKey = key
		if full {
			c.helpText = a.fullHelpView(groups)
		} else {
			c.helpText = a.help.ShortHelpView(groups[0])
		}
	}
	return c.helpText
}

// View is the frame for Bubble Tea's own renderer, used without a
// terminal of our own (see Run): the whole screen, the alternate screen.
func (a *App) View() tea.View {
	v := tea.NewView(a.frame())
	v.AltScreen = true
	return v
}

// frame draws the whole screen: the tab bar, the screen or the overlay on
// top, the status line and the help; or, hidden, none of them.
func (a *App) frame() string {
	w, h := a.size()
	if a.hidden {
		return term.Guard(a.hiddenFrame(w, h))
	}
	if a.crisis.open && h < crisisFullScreenBelow {
		// The card alone, on the whole of a small screen: the tab bar and
		// the help would leave the people to call out of sight.
		return term.Guard(a.crisis.render(w, h))
	}
	s := a.styles
	help := a.helpView()
	contentH := max(1, h-3-lipgloss.Height(help))

	var content string
	if o := a.top(); o != nil {
		content = o.view()
	} else {
		content = a.page().view()
	}
	content = clip(content, w, contentH)
	if n := lipgloss.Height(content); n < contentH {
		content += strings.Repeat("\n", contentH-n)
	}

	status := ""
	switch {
	case a.confirmQuit && a.waiting > 0:
		status = s.Prompt.Render("A save is still waiting for another window. Quit anyway and lose it? y/n")
	case a.confirmQuit:
		status = s.Prompt.Render("You have unsaved typing. Quit anyway and lose it? y/n")
	case a.waiting > 0:
		status = s.Status.Render(waitingWords)
	case a.status != "" && a.statusErr:
		status = s.StatusError.Render(a.status)
	case a.status != "" && a.undo != nil:
		status = s.Status.Render(withUndo(a.status))
	case a.status != "":
		status = s.Status.Render(a.status)
	}
	// Every part is cut to the width already (content by clip, the bars
	// and status by truncate, the help by bubbles/help and, in case one
	// column is wider than the screen, clip), so only the height is left
	// to keep, without measuring every line of the frame again.
	out := strings.Join([]string{
		a.chrome.bars(a, w),
		content,
		truncate(status, w),
		clip(help, w, h),
	}, "\n")
	return term.Guard(firstLines(out, h))
}

// fullHelpView sets the full help's columns side by side, in as many rows
// as the width needs: bubbles/help cuts what does not fit, and at 80
// columns that was the last column, where "! crisis" and "q quit" are.
func (a *App) fullHelpView(groups [][]key.Binding) string {
	if a.help.Width() <= 0 {
		return a.help.FullHelpView(groups)
	}
	h := *a.help
	h.SetWidth(0) // measure a row whole, uncut
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		wider := append(append([][]key.Binding(nil), row...), g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(wider)) > a.help.Width() {
			rows = append(rows, h.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	rows = append(rows, h.FullHelpView(row))
	return strings.Join(rows, "\n\n")
}

// chrome keeps the tab bar and its rule, drawn once per screen and width
// rather than on every key: lipgloss underlines the active tab's label a
// character at a time, which is slow to build.
type chrome struct {
	active int
	width  int
	text   string
	// The help line as last drawn, and what it was drawn for (see helpView).
	helpKey, helpText string
}

func (c *chrome) bars(a *App, w int) string {
	if c.text == "" || c.active != a.active || c.width != w {
		c.active, c.width = a.active, w
		c.text = a.tabBar(w) + "\n" + a.styles.Muted.Render(strings.Repeat("─", w))
	}
	return c.text
}

func (a *App) tabBar(w int) string {
	s := a.styles
	var tabs []string
	for i, t := range a.tabs {
		label := string(rune('1'+i)) + " " + t.name
		if i == a.active {
			tabs = append(tabs, s.TabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, s.TabInactive.Render(" "+label+" "))
		}
	}
	bar := strings.Join(tabs, "")
	if a.badge != "" {
		badge := s.Warning.Render(a.badge)
		if gap := w - lipgloss.Width(bar) - lipgloss.Width(badge); gap > 0 {
			bar += strings.Repeat(" ", gap) + badge
		}
	}
	return truncate(bar, w)
}

// withUndo puts "u undoes it." after the status line's first sentence,
// where a narrow screen still shows it.
func withUndo(status string) string {
	if first, rest, ok := strings.Cut(status, ". "); ok {
		return first + ". u undoes it. " + rest
	}
	return strings.TrimSpace(status + " u undoes it.")
}
