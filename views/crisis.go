package views

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tether-recovery/tether/model"
)

// crisisModel is the crisis card: the people who said "call me any time",
// with their numbers, one key away from anywhere. It is an overlay, so the
// screen underneath (and anything half-typed there) stays exactly as it was.
type crisisModel struct {
	st     Store
	styles *Styles
	keys   overlayKeys

	width, height int
	open          bool
	scroll        int

	people  []model.Contact
	loaded  bool
	loadErr error
}

func newCrisisModel(st Store, styles *Styles) crisisModel {
	return crisisModel{st: st, styles: styles, keys: newOverlayKeys()}
}

// load refreshes the any-time people. The card shows what it already has
// meanwhile, so it appears at once even on a slow disk.
func (m crisisModel) load() tea.Cmd {
	st := m.st
	return func() tea.Msg {
		cs, err := st.AnyTimeContacts(context.Background())
		return anyTimeLoadedMsg{contacts: cs, err: err}
	}
}

func (m crisisModel) show() (crisisModel, tea.Cmd) {
	m.open, m.scroll = true, 0
	return m, m.load()
}

func (m crisisModel) update(msg tea.Msg) (crisisModel, tea.Cmd) {
	switch msg := msg.(type) {
	case anyTimeLoadedMsg:
		m.loaded, m.loadErr = true, msg.err
		if msg.err == nil {
			m.people = msg.contacts
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			m.open = false
		case key.Matches(msg, m.keys.Down):
			m.scroll++
		case key.Matches(msg, m.keys.Up):
			m.scroll = max(0, m.scroll-1)
		case key.Matches(msg, m.keys.Top):
			m.scroll = 0
		}
	}
	return m, nil
}

func (m crisisModel) helpKeys() []key.Binding {
	return []key.Binding{m.keys.Close, m.keys.Down, m.keys.Up}
}

// view renders the card to fit w×h.
func (m crisisModel) view(w, h int) string {
	s := m.styles
	inner := max(10, min(w-4, 76))
	var lines []string
	lines = append(lines, s.CardTitle.Render("You don't have to get through this alone"), "")
	lines = append(lines, s.Heading.Render("People you can call any time"))
	switch {
	case m.loadErr != nil:
		lines = append(lines, s.Error.Render(wrap("Could not read your contacts: "+m.loadErr.Error(), inner)))
	case !m.loaded:
		lines = append(lines, s.Muted.Render("Looking them up…"))
	case len(m.people) == 0:
		lines = append(lines, strings.Split(wrap("Nobody is marked \"call any time\" yet. When someone says you can call them at any hour, edit them in Contacts and set Call any time.", inner), "\n")...)
	default:
		for _, c := range m.people {
			lines = append(lines, m.personLines(c, inner)...)
		}
	}
	lines = append(lines, "")
	lines = append(lines, strings.Split(wrap("If you are in danger right now, call your local emergency number.", inner), "\n")...)
	lines = append(lines, s.Muted.Render(wrap("Your safety plan and your region's crisis lines will be shown here in a later version of Tether.", inner)))
	lines = append(lines, "", s.Muted.Render("esc goes back to where you were"))

	avail := max(1, h-2)
	if m.scroll > max(0, len(lines)-avail) {
		m.scroll = max(0, len(lines)-avail)
	}
	body := strings.Join(lines[m.scroll:], "\n")
	if w < 24 || h < 8 {
		// Too small for a border: the words matter more than the frame.
		return clip(body, w, h)
	}
	return s.Card.Width(inner + 2).Render(clip(body, inner, avail))
}

func (m crisisModel) personLines(c model.Contact, w int) []string {
	s := m.styles
	head := "• " + oneLine(c.DisplayName())
	if c.Phone != "" {
		head += "  " + c.Phone
	}
	lines := []string{s.Heading.Render(truncate(head, w))}
	var meta []string
	if c.Circle != "" {
		meta = append(meta, c.Circle.Label())
	}
	if c.Preferred != model.ChannelNone {
		meta = append(meta, "prefers "+strings.ToLower(c.Preferred.Label()))
	}
	lines = append(lines, s.Muted.Render(truncate("  "+strings.Join(meta, " · "), w)))
	if c.Availability != "" {
		for _, l := range strings.Split(wrap(oneLine(c.Availability), w-2), "\n") {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}
