package views

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// The Network review's windows.
const (
	shortWindow = 14     // days
	longWindow  = 12 * 7 // days
	heatWeeks   = 52
	trendWeeks  = 26
)

// jumpToContactMsg asks the root to show a contact in Contacts.
// jumpToContactMsg asks the root to show a person on Contacts; archived
// says they are on the archived list.
type jumpToContactMsg struct {
	id       int64
	archived bool
}

// networkModel is the Network review: the shape of the network (circles,
// and the thin ones named gently), its health over 14 days and 12 weeks,
// a year of reach-outs as a heatmap, the trends of mood, cravings and
// check-ups, and who has faded (enter jumps to them); side by side from
// 120 columns (see drawPage). p opens the safety plan and u a check-up.
type networkModel struct {
	st     Store
	clock  model.Clock
	styles *Styles
	keys   networkKeys

	width, height int
	loaded        bool
	loadErr       error
	gen           int  // counts loads, so an answer overtaken by a newer load is dropped
	loading       bool // the newest load has not answered yet
	data          networkData
	scroll        int
	cursor        int // selected faded person
	fadedAsk      int // counts reads of a stretch of the faded; an answer to an older one is dropped
	fadedAsking   bool
	// page is the review drawn once per load and width: j and k only move
	// the selection within it, so holding j redraws no heatmap.
	page *networkPage

	plan    *planEditor
	checkup *checkupForm
	// asks holds what a key asks of the root (see App.updateActive).
	asks
}

type networkKeys struct {
	Up, Down, Open, Plan, Checkup, ScrollUp, ScrollDown, Top, Bottom key.Binding
}

func newNetworkModel(st Store, clock model.Clock, styles *Styles) networkModel {
	return networkModel{st: st, clock: clock, styles: styles, keys: networkKeys{
		Up:         key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "faded: up")),
		Down:       key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "faded: down")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to person")),
		Plan:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "safety plan")),
		Checkup:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "check-up")),
		ScrollUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "scroll up")),
		ScrollDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "scroll down")),
		Top:        key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:     key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "end")),
	}}
}

func (m networkModel) capturing() bool { return m.plan != nil || m.checkup != nil }
func (m networkModel) dirty() bool {
	return (m.plan != nil && m.plan.form.dirty()) || (m.checkup != nil && m.checkup.form.dirty())
}

// pageWidth is the width the page is drawn for; 80 before the first size.
func (m networkModel) pageWidth() int {
	if m.width <= 0 {
		return 80
	}
	return m.width
}

// rebuild draws the page again after a load or a resize.
func (m *networkModel) rebuild() {
	if !m.loaded || m.loadErr != nil {
		m.page = nil
		return
	}
	m.page = m.drawPage(m.pageWidth())
}

// drawn is the page as drawn for the screen's width.
func (m networkModel) drawn() *networkPage {
	if m.page == nil || m.page.width != m.pageWidth() {
		return m.drawPage(m.pageWidth())
	}
	return m.page
}

// pageLines is h lines of the page from scroll, the chosen faded person
// marked: only what the screen shows is copied, however long the list of
// the faded.
func (m networkModel) pageLines(scroll, h int) []string {
	p := m.drawn()
	end := min(len(p.lines), scroll+h)
	lines := slices.Clone(p.lines[min(scroll, end):end])
	k, row := m.cursor-p.fadedFrom, p.fadedStart+m.cursor-scroll
	if p.fadedStart >= 0 && k >= 0 && k < len(p.fadedChose) && row >= 0 && row < len(lines) {
		lines[row] = p.fadedChose[k]
	}
	return lines
}

func (m *networkModel) setSize(w, h int) {
	m.width, m.height = w, h
	// The root sizes every screen after every key; the page is only drawn
	// again when its width changed (height only decides how much shows).
	if m.page == nil || m.page.width != m.pageWidth() {
		m.rebuild()
	}
	if m.plan != nil {
		m.plan.form.setSize(w, h)
	}
	if m.checkup != nil {
		m.checkup.setSize(w, h)
	}
}

func (m networkModel) update(msg tea.Msg) (networkModel, tea.Cmd) {
	switch msg := msg.(type) {
	case networkLoadedMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.loaded, m.loadErr, m.loading = true, msg.err, false
		if msg.err == nil {
			m.data = msg.data
			m.cursor = max(0, min(m.cursor, m.data.short.FadedCount-1))
		}
		m.rebuild()
		return m, m.readFadedInSight()
	case fadedLoadedMsg:
		if msg.gen != m.gen || msg.ask != m.fadedAsk {
			return m, nil
		}
		m.fadedAsking = false
		if msg.err != nil {
			m.loadErr = msg.err
			m.rebuild()
			return m, nil
		}
		m.data.short.Faded, m.data.short.FadedCount, m.data.fadedFrom = msg.people, msg.total, msg.from
		m.cursor = max(0, min(m.cursor, msg.total-1))
		m.rebuild()
		if c, ok := m.chosenFaded(); ok && msg.open {
			return m, tea.Batch(func() tea.Msg { return jumpToContactMsg{id: c.ID} }, m.readFadedInSight())
		}
		return m, m.readFadedInSight()
	case planLoadedMsg, planSavedMsg, pickerPageMsg:
		if m.plan == nil {
			return m, nil
		}
		done, cmd := m.plan.update(msg)
		if done {
			m.plan = nil
		}
		return m, cmd
	case checkupSavedMsg:
		if m.checkup == nil {
			return m, nil
		}
		done, cmd := m.checkup.update(msg)
		if done {
			m.checkup = nil
			cmd = tea.Batch(cmd, m.load())
		}
		return m, cmd
	case tea.KeyPressMsg:
		return m.updateKey(msg)
	case tea.PasteMsg:
		if m.plan != nil {
			_, cmd := m.plan.update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m networkModel) updateKey(msg tea.KeyPressMsg) (networkModel, tea.Cmd) {
	if m.plan != nil {
		done, cmd := m.plan.update(msg)
		if done {
			m.plan = nil
		}
		return m, cmd
	}
	if m.checkup != nil {
		done, cmd := m.checkup.update(msg)
		if done {
			m.checkup = nil
		}
		return m, cmd
	}
	k := m.keys
	d := m.data
	page := max(1, m.height-2)
	// j/k move through the faded people while the one chosen is on
	// screen, and otherwise scroll, as every long page does.
	switch {
	case key.Matches(msg, k.Up):
		if m.cursor > 0 && m.fadedOnScreen() {
			m.cursor--
			m.keepFadedVisible()
		} else {
			m.scroll--
		}
	case key.Matches(msg, k.Down):
		if m.cursor < d.short.FadedCount-1 && m.fadedOnScreen() {
			m.cursor++
			m.keepFadedVisible()
		} else {
			m.scroll++
		}
	case key.Matches(msg, k.ScrollUp):
		m.scroll -= page
	case key.Matches(msg, k.ScrollDown):
		m.scroll += page
	case key.Matches(msg, k.Top):
		m.scroll = 0
	case key.Matches(msg, k.Bottom):
		m.scroll = m.lastScroll()
	case key.Matches(msg, k.Open):
		if c, ok := m.chosenFaded(); ok {
			m.ask = jumpToContactMsg{id: c.ID}
			return m, nil
		}
		if m.cursor < d.short.FadedCount {
			// Chosen, then scrolled far from: read them, then go.
			return m, m.loadFaded(m.cursor, max(1, m.height), true)
		}
	case key.Matches(msg, k.Plan):
		var cmd tea.Cmd
		m.plan, cmd = openPlanEditor(m.st, m.styles, m.width, m.height)
		return m, cmd
	case key.Matches(msg, k.Checkup):
		m.checkup = newCheckupForm(m.st, m.clock, m.styles, m.nextCheckup())
		m.checkup.setSize(m.width, m.height)
		return m, m.checkup.form.focusField(0)
	}
	m.scroll = max(0, min(m.scroll, m.lastScroll()))
	return m, m.readFadedInSight()
}

// lastScroll is how far the page scrolls: its last line on the screen's
// last row.
func (m networkModel) lastScroll() int {
	return max(0, len(m.drawn().lines)-max(1, m.height))
}

// fadedOnScreen: the faded person chosen is in sight.
func (m networkModel) fadedOnScreen() bool {
	if m.page == nil || m.page.fadedStart < 0 {
		return false
	}
	row := m.page.fadedStart + m.cursor
	return row >= m.scroll && row < m.scroll+max(1, m.height)
}

// nextCheckup picks the instrument most overdue: never taken first.
func (m networkModel) nextCheckup() model.Instrument {
	today := model.Today(m.clock)
	for _, i := range model.Instruments {
		if model.CheckupDue(i, m.data.lastTaken[i], today) {
			return i
		}
	}
	return model.Instruments[0]
}

func (m networkModel) helpKeys() []key.Binding {
	switch {
	case m.plan != nil:
		return m.plan.helpKeys()
	case m.checkup != nil:
		return m.checkup.helpKeys()
	}
	k := m.keys
	ks := []key.Binding{k.Plan, k.Checkup}
	if m.data.short.FadedCount > 0 {
		ks = append([]key.Binding{k.Open}, ks...)
	}
	return ks
}

func (m networkModel) fullHelpKeys() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Plan, k.Checkup, k.ScrollUp, k.ScrollDown, k.Top, k.Bottom}}
}

func (m networkModel) view() string {
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
	}
	switch {
	case m.plan != nil:
		return clip(m.plan.view(w, h), w, h)
	case m.checkup != nil:
		return clip(m.checkup.view(), w, h)
	}
	s := m.styles
	if m.loadErr != nil {
		return s.Error.Render(wrap("Could not read your journal: "+m.loadErr.Error(), w))
	}
	if !m.loaded {
		return s.Muted.Render("Opening the review…")
	}
	n := len(m.drawn().lines)
	scroll := max(0, min(m.scroll, n-h))
	lines := m.pageLines(scroll, h)
	if n-scroll > h && h > 1 {
		// Say that more is below: the heatmap and the trends may be there.
		lines[h-1] = s.Prompt.Render(truncate("↓ more below: j, pgdn or G", w))
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

// keepFadedVisible scrolls so the chosen faded person is on screen.
func (m *networkModel) keepFadedVisible() {
	start := -1
	if m.page != nil {
		start = m.page.fadedStart
	}
	if start < 0 {
		return
	}
	row := start + m.cursor
	if row < m.scroll {
		m.scroll = max(0, row-1)
	}
	// The screen's last row says "more below" while there is more.
	if row >= m.scroll+m.height-1 {
		m.scroll = row - m.height + 2
	}
}

// handle and owns put the screen in the table (see screen).
func (m *networkModel) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.update(msg)
	return cmd
}

func (m *networkModel) owns(msg tea.Msg) bool {
	switch msg.(type) {
	case networkLoadedMsg, fadedLoadedMsg, planLoadedMsg, planSavedMsg, pickerPageMsg, checkupSavedMsg:
		return true
	}
	return false
}

func (m *networkModel) needsLoad(stale bool) bool {
	return stale || !m.loading && (!m.loaded || m.loadErr != nil)
}
