package views

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
)

// crisisData is what the card is built from, read in one command.
type crisisData struct {
	plan          model.SafetyPlan
	settings      model.Settings
	anyTime       []model.Contact
	professionals []model.Contact
}

type crisisLoadedMsg struct {
	data crisisData
	err  error
}

// editPlanMsg asks the root to open the safety plan editor (from the card).
type editPlanMsg struct{}

// openSettingsMsg asks the root to open Settings (from the card, to choose
// a region or add one's own numbers).
type openSettingsMsg struct{}

// crisisModel is the crisis card: the safety plan, the people who said
// "call me any time" (those who may be awake now first), professionals, the
// person's own numbers and their region's crisis lines, one key away from
// anywhere. It is an overlay, so the screen underneath (and anything
// half-typed there) stays exactly as it was.
type crisisModel struct {
	st       Store
	clock    model.Clock
	styles   *Styles
	keys     overlayKeys
	edit     key.Binding
	settings key.Binding

	width, height int
	open          bool
	scroll        int

	data    crisisData
	card    model.CrisisCard // built when the data arrives, not per frame
	loaded  bool
	loadErr error
}

func newCrisisModel(st Store, clock model.Clock, styles *Styles) crisisModel {
	return crisisModel{st: st, clock: clock, styles: styles, keys: newOverlayKeys(),
		edit:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "edit safety plan")),
		settings: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "region, own numbers")),
		// Before anything loads, the card still says what to do.
		card: model.BuildCrisisCard(model.SafetyPlan{}, model.Settings{}, nil, nil, clock.Now())}
}

// load refreshes what the card shows. The card shows what it already has
// meanwhile, so it appears at once even on a slow disk.
func (m crisisModel) load() tea.Cmd {
	st := m.st
	return func() tea.Msg {
		d, err := loadCrisis(context.Background(), st)
		return crisisLoadedMsg{data: d, err: err}
	}
}

func loadCrisis(ctx context.Context, st Store) (crisisData, error) {
	var d crisisData
	var err error
	if d.plan, err = st.SafetyPlan(ctx); err != nil {
		return d, err
	}
	if d.settings, err = st.Settings(ctx); err != nil {
		return d, err
	}
	if d.anyTime, err = st.AnyTimeContacts(ctx); err != nil {
		return d, err
	}
	d.professionals, err = st.Professionals(ctx)
	return d, err
}

func (m crisisModel) show() (crisisModel, tea.Cmd) {
	m.open, m.scroll = true, 0
	return m, m.load()
}

func (m crisisModel) update(msg tea.Msg) (crisisModel, tea.Cmd) {
	switch msg := msg.(type) {
	case crisisLoadedMsg:
		m.loaded, m.loadErr = true, msg.err
		if msg.err == nil {
			m.data = msg.data
		}
		m.card = model.BuildCrisisCard(m.data.plan, m.data.settings, m.data.anyTime, m.data.professionals, m.clock.Now())
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			m.open = false
		case key.Matches(msg, m.edit):
			m.open = false
			return m, func() tea.Msg { return editPlanMsg{} }
		case key.Matches(msg, m.settings):
			m.open = false
			return m, func() tea.Msg { return openSettingsMsg{} }
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
	return []key.Binding{m.keys.Close, m.keys.Down, m.edit, m.settings}
}

// render draws the card to fit w×h.
func (m crisisModel) render(w, h int) string {
	s := m.styles
	inner := max(10, min(w-4, 76))
	lines := []string{s.CardTitle.Render("You don't have to get through this alone"), ""}
	if m.loadErr != nil {
		lines = append(lines, s.Error.Render(wrap("Could not read your journal: "+m.loadErr.Error(), inner)), "")
	} else if !m.loaded {
		lines = append(lines, s.Muted.Render("Looking up your people…"), "")
	}
	for _, sec := range m.card.Sections {
		if sec.Title != "" {
			lines = append(lines, s.Heading.Render(truncate(sec.Title, inner)))
		}
		for _, l := range sec.Lines {
			lines = append(lines, strings.Split(wrap(l, inner), "\n")...)
		}
		if sec.Note != "" {
			lines = append(lines, s.Muted.Render(wrap(sec.Note, inner)))
		}
		lines = append(lines, "")
	}
	lines = append(lines, s.Muted.Render(wrap("esc goes back to where you were · p edits your safety plan · S sets your region and own numbers", inner)))

	avail := max(1, h-2)
	if m.scroll > max(0, len(lines)-avail) {
		m.scroll = max(0, len(lines)-avail)
	}
	visible := lines[m.scroll:]
	if len(visible) > avail && avail > 1 {
		// Say that more is below: the people to call may be out of sight.
		visible = append(visible[:avail-1], s.Prompt.Render("↓ more below: j or ↓ (people to call, crisis lines)"))
	}
	body := strings.Join(visible, "\n")
	if w < 24 || h < 8 {
		// Too small for a border: the words matter more than the frame.
		return clip(body, w, h)
	}
	// The width is the whole card: the words, their padding and the border.
	return s.Card.Width(inner + s.Card.GetHorizontalFrameSize()).Render(clip(body, inner, avail))
}

// The crisis card as an overlay (see overlay): it lies over everything,
// centred, and holds no typing.
func (m *crisisModel) setSize(w, h int) { m.width, m.height = w, h }
func (m *crisisModel) dirty() bool      { return false }
func (m *crisisModel) typing() bool     { return false }
func (m *crisisModel) view() string {
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.render(m.width, m.height))
}
