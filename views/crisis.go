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
	plan     model.SafetyPlan
	settings model.Settings
	people   model.CardPeople
}

// crisisLoadedMsg is the card, built where it was read: on a large
// journal building it takes tens of milliseconds, which keys would wait
// for were it built as the message is handled.
type crisisLoadedMsg struct {
	card model.CrisisCard
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
	pageDown key.Binding // space, beside the list keys' pgdn

	width, height int
	open          bool
	scroll        int

	// card is built as it is read (crisisLoadedMsg), not per frame, and
	// only it is kept: on a large journal the people it was built from are
	// thousands of whole contacts.
	card    model.CrisisCard
	loaded  bool
	loadErr error
}

func newCrisisModel(st Store, clock model.Clock, styles *Styles) crisisModel {
	return crisisModel{st: st, clock: clock, styles: styles, keys: newOverlayKeys(),
		edit:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "edit safety plan")),
		settings: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "region, own numbers")),
		pageDown: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "page down")),
		// Before anything loads, the card still says what to do.
		card: model.BuildCrisisCard(model.SafetyPlan{}, model.Settings{}, model.CardPeople{}, clock.Now())}
}

// load refreshes what the card shows. The card shows what it already has
// meanwhile, so it appears at once even on a slow disk.
func (m crisisModel) load() tea.Cmd {
	return func() tea.Msg { return m.read(context.Background()) }
}

// read reads what the card shows and builds it.
func (m crisisModel) read(ctx context.Context) crisisLoadedMsg {
	d, err := loadCrisis(ctx, m.st)
	if err != nil {
		return crisisLoadedMsg{err: err}
	}
	return crisisLoadedMsg{card: model.BuildCrisisCard(d.plan, d.settings, d.people, m.clock.Now())}
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
	d.people, err = st.CardPeople(ctx, d.plan)
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
			m.card = msg.card
		}
		// A read that failed leaves the card as it was, under the error.
	case tea.KeyPressMsg:
		_, page, last := m.frame(m.width, m.height)
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
			m.scroll--
		case key.Matches(msg, m.keys.PageDown, m.pageDown):
			m.scroll += page
		case key.Matches(msg, m.keys.PageUp):
			m.scroll -= page
		case key.Matches(msg, m.keys.Top):
			m.scroll = 0
		case key.Matches(msg, m.keys.Bottom):
			m.scroll = last
		}
		m.scroll = max(0, min(m.scroll, last))
	}
	return m, nil
}

func (m crisisModel) helpKeys() []key.Binding {
	return []key.Binding{m.keys.Close, m.keys.Down, m.keys.PageDown, m.edit, m.settings}
}

// frame lays the card out for w×h: its lines, how many show at once (a
// page), and the last line it can scroll to.
func (m crisisModel) frame(w, h int) (lines []string, page, last int) {
	s := m.styles
	inner := cardWidth(w)
	compact := cardCompact(w, h)
	if !compact {
		lines = []string{s.CardTitle.Render("You don't have to get through this alone"), ""}
	}
	if m.loadErr != nil {
		lines = append(lines, s.Error.Render(wrap("Could not read your journal: "+m.loadErr.Error(), inner)))
	} else if !m.loaded {
		lines = append(lines, s.Muted.Render("Looking up your people…"))
	}
	for _, sec := range m.card.Sections {
		if len(lines) > 0 && lines[len(lines)-1] != "" && !compact {
			lines = append(lines, "")
		}
		if sec.Title != "" {
			lines = append(lines, s.Heading.Render(truncate(sec.Title, inner)))
		}
		body := sec.Lines
		if compact && len(sec.Short) == len(sec.Lines) {
			body = sec.Short
		}
		for _, l := range body {
			lines = append(lines, strings.Split(wrapKeepingNumbers(l, inner), "\n")...)
		}
		// A small screen keeps only the note that matters: where to find
		// a helpline when Tether has none for the region.
		if sec.Note != "" && (!compact || strings.Contains(sec.Note, model.HelplineDirectory)) {
			lines = append(lines, s.Muted.Render(wrap(sec.Note, inner)))
		}
	}
	lines = append(lines, "", s.Muted.Render(wrap("esc goes back to where you were · j/k, space and G move · p edits your safety plan · S sets your region and own numbers", inner)))
	page = m.visibleRows(w, h)
	return lines, max(1, page-1), max(0, len(lines)-page)
}

// cardCompact: on a small screen the card drops its frame, its title and
// the space between sections, and shows each person and line as a name
// and a number, so the numbers still come first.
func cardCompact(w, h int) bool { return h < crisisFullScreenBelow || w < 50 }

// crisisFullScreenBelow is the terminal height under which the card takes
// the whole screen, tab bar and help included: at 40×12 they would leave
// it six lines.
const crisisFullScreenBelow = 20

// cardWidth is the width of the card's words in a w-wide terminal.
func cardWidth(w int) int {
	if w < 50 {
		return max(10, w)
	}
	return max(10, min(w-4, 76))
}

// visibleRows is how many of the card's lines show in a w×h area.
func (m crisisModel) visibleRows(w, h int) int {
	if cardCompact(w, h) {
		return max(1, h)
	}
	return max(1, h-2)
}

// render draws the card to fit w×h.
func (m crisisModel) render(w, h int) string {
	s := m.styles
	lines, _, last := m.frame(w, h)
	avail := m.visibleRows(w, h)
	visible := lines[min(m.scroll, last):]
	if len(visible) > avail && avail > 1 {
		// Say that more is below: more people, and the plan, are there.
		visible = append(visible[:avail-1], s.Prompt.Render(truncate("↓ more below: j, space or G · esc back", cardWidth(w))))
	}
	body := strings.Join(visible, "\n")
	if cardCompact(w, h) {
		// The words matter more than the frame.
		return clip(body, w, h)
	}
	inner := cardWidth(w)
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
