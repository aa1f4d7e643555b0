package views

import (
	"context"
	"math"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// contactsModel is the Contacts screen: a filterable list of supporters, a
// detail pane, and the add/edit form. Archived people live in a second list
// (v) from which they can be restored; nobody is ever deleted here.
type contactsModel struct {
	st     Store
	clock  model.Clock
	styles *Styles
	keys   contactKeys
	yesNo  confirmKeys

	width, height int

	// The list is read a window at a time (see contactslist.go): rows
	// are the people at places rowsAt.. of the total who pass the filter,
	// of all in the list. cursor and offset (the first row on screen) are
	// places in the whole list; a place outside the window is drawn as
	// not yet read.
	rows        []model.Contact
	rowsAt      int
	total, all  int
	cursor      int
	offset      int
	landPending bool // a read that lands on someone is on its way
	wantFrom    int  // the window being read, when no landing is
	wantTo      int

	archived bool // showing the archived list
	// dueOnly shows only the people due a reach-out (Today's "and N
	// more"), in who-next order; esc shows everyone again.
	dueOnly        bool
	defaultCadence int // the settings' rhythm for people added now
	loaded         bool
	loadErr        error
	req            int   // id of the newest read; older answers are stale
	selectID       int64 // keep this contact selected after the next load
	// seekOther: selectID may be in the other list (active or archived);
	// look there once if this one lacks them.
	seekOther bool

	filter    textinput.Model
	filtering bool // the filter has the keyboard

	form   *contactForm
	saving bool

	// The selected person's reach-out history, newest first, and how many
	// of them fall on the last 30 days (read with it: a page of the list
	// leaves it out). historyAsked says it has been asked of the journal
	// (see syncHistory), historyIn that the answer is here: until then the
	// pane says it is coming, not that there is none.
	historyFor              int64
	historyAsked, historyIn bool
	history                 []model.ReachOut
	historyReached30        int
	historyErr              error
	confirmArc              *model.Contact // archive (or restore) y/n is showing for this contact
	detailOpen              bool           // full-width detail on narrow screens
	// detailScroll is how far the person's details are scrolled; the
	// whole history is read (historyAll) once they are scrolled to its end.
	detailScroll int
	historyAll   bool
	toEnd        bool // G asked for the end while the rest was being read
	// asks holds what a key asks of the root (see App.updateActive).
	asks
}

func newContactsModel(st Store, clock model.Clock, styles *Styles) contactsModel {
	fi := newInput(styles)
	fi.Prompt = "/ "
	fi.Placeholder = "type to filter by name, circle, group or tag"
	return contactsModel{st: st, clock: clock, styles: styles, keys: newContactKeys(), yesNo: newConfirmKeys(), filter: fi}
}

// load reads the list again, keeping the selection on the same person;
// when they have gone from it, the cursor keeps its place.
func (m *contactsModel) load() tea.Cmd { return m.loadKeeping(m.cursor) }

// capturing reports whether this screen wants every key (a form, the
// filter, or a y/n question is open).
func (m contactsModel) capturing() bool {
	return m.form != nil || m.filtering || m.confirmArc != nil
}

// dirty reports unsaved typing, so quitting can ask first.
func (m contactsModel) dirty() bool { return m.form != nil && m.form.dirty() }

func (m *contactsModel) setSize(w, h int) {
	m.width, m.height = w, h
	m.filter.SetWidth(max(1, m.listWidth()-4))
	if m.form != nil {
		m.form.setSize(w, h)
	}
	m.keepCursorVisible()
}

func (m contactsModel) selected() (model.Contact, bool) {
	i := m.cursor - m.rowsAt
	if m.cursor >= m.total || i < 0 || i >= len(m.rows) {
		return model.Contact{}, false
	}
	return m.rows[i], true
}

// showDue opens the list on everyone due a reach-out (Today's "and N
// more").
func (m *contactsModel) showDue() tea.Cmd {
	m.archived, m.filtering, m.detailOpen, m.dueOnly = false, false, false, true
	m.filter.SetValue("")
	m.filter.Blur()
	return m.loadKeeping(0)
}

// show selects one person in the active list (or the archived one),
// clearing any filter; the Network review's faded list jumps here. With
// anywhere, the person is looked for in the other list too: a reach-out
// names someone who may have been archived since.
func (m *contactsModel) show(id int64, archived, anywhere bool) tea.Cmd {
	// On a wide screen the person shows beside the list, selected; on a
	// narrow one they open full width.
	if archived != m.archived {
		// The other list: nothing of this one stays on screen meanwhile.
		m.forget()
	}
	m.archived, m.filtering, m.detailOpen = archived, false, !m.wide()
	m.filter.SetValue("")
	m.filter.Blur()
	m.selectID, m.seekOther = id, anywhere
	return m.loadKeeping(0)
}

// openAdd opens an empty form; Today's greeting and the a key both use it.
func (m *contactsModel) openAdd() tea.Cmd {
	m.form = newContactForm(model.Contact{CadenceDays: m.defaultCadence}, model.Today(m.clock), m.styles)
	m.form.setSize(m.width, m.height)
	return m.form.focusField(0)
}

func (m contactsModel) update(msg tea.Msg) (contactsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case contactsLoadedMsg:
		return m.listRead(msg)

	case historyDueMsg:
		if msg.contactID != m.historyFor || m.historyAsked {
			return m, nil // moved on since, or already asked
		}
		return m, m.readHistory()

	case historyLoadedMsg:
		if msg.contactID == m.historyFor {
			m.history, m.historyReached30, m.historyErr, m.historyIn = msg.reachOuts, msg.reached30, msg.err, true
			if m.toEnd {
				return m, m.scrollDetail(math.MaxInt)
			}
		}
		return m, nil

	case contactSavedMsg:
		m.saving = false
		if msg.err != nil {
			if m.form != nil {
				m.form.fail(msg.err)
			}
			return m, nil
		}
		m.form = nil
		m.selectID = msg.contact.ID
		if m.archived != msg.contact.Archived {
			m.archived = msg.contact.Archived
		}
		m.filter.SetValue("")
		said := "Saved " + oneLine(msg.contact.Name) + "."
		if msg.twin != "" {
			said = "Saved " + oneLine(msg.contact.Name) + ", who looks like " + oneLine(msg.twin) + " in a list: a nickname tells them apart."
		}
		return m, tea.Batch(m.load(), statusCmd(false, said))

	case restToggledMsg:
		if msg.err != nil {
			return m, statusCmd(true, "Could not change "+oneLine(msg.name)+"'s rhythm: "+msg.err.Error())
		}
		said := "Resumed " + oneLine(msg.name) + "'s rhythm."
		if msg.resting {
			said = "Letting it rest: " + oneLine(msg.name) + " stays in your network without a rhythm; x resumes it."
		}
		return m, tea.Batch(m.load(), statusCmd(false, said))

	case contactArchivedMsg:
		if msg.err != nil {
			return m, statusCmd(true, "Could not change "+oneLine(msg.name)+": "+msg.err.Error())
		}
		verb := "Archived"
		hint := " It stays in your journal; v shows archived people and r restores."
		if !msg.archived {
			verb, hint = "Restored", ""
		}
		return m, tea.Batch(m.load(), statusCmd(false, verb+" "+oneLine(msg.name)+"."+hint))

	case tea.KeyPressMsg:
		m, cmd := m.updateKey(msg)
		m.keepCursorVisible()
		return m, tea.Batch(cmd, m.ensureWindow(), m.syncHistory(true))
	}
	if m.form != nil {
		_, cmd := m.form.update(msg)
		return m, cmd
	}
	if m.filtering {
		was := m.filter.Value()
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		if m.filter.Value() != was { // a paste
			cmd = tea.Batch(cmd, m.refilter())
		}
		return m, cmd
	}
	return m, nil
}

func statusCmd(isErr bool, text string) tea.Cmd {
	return func() tea.Msg { return statusf(isErr, text) }
}

func (m contactsModel) updateKey(msg tea.KeyPressMsg) (contactsModel, tea.Cmd) {
	if m.form != nil {
		if m.saving {
			return m, nil
		}
		action, cmd := m.form.update(msg)
		switch action {
		case formCancel:
			m.form = nil
		case formKeepTheirs:
			m.form = newContactForm(m.form.theirsChosen().(model.Contact), model.Today(m.clock), m.styles)
			m.form.setSize(m.width, m.height)
			return m, statusCmd(false, keptTheirs)
		case formKeepMine:
			m.form.mineChosen()
			fallthrough
		case formSave:
			c, p := m.form.contact()
			if len(p) > 0 {
				m.form.fail(p)
				return m, nil
			}
			m.saving = true
			st := m.st
			named := c.ID == 0 || model.LookAlikeKey(c.Name) != model.LookAlikeKey(m.form.base.Name)
			return m, persist(func() tea.Msg {
				saved, err := st.SaveContact(context.Background(), c)
				msg := contactSavedMsg{contact: saved, err: err}
				if err == nil && named {
					// Not finding out is no reason to trouble the
					// person: a failed look says nothing.
					msg.twin, _ = st.LookAlike(context.Background(), saved.ID, saved.Name)
				}
				return msg
			})
		}
		return m, cmd
	}

	if m.confirmArc != nil {
		c := *m.confirmArc
		switch {
		case key.Matches(msg, m.yesNo.Yes):
			m.confirmArc = nil
			return m, m.setArchived(c, !c.Archived)
		case key.Matches(msg, m.yesNo.No):
			m.confirmArc = nil
		}
		return m, nil
	}

	if m.filtering {
		switch namedKey(msg) {
		case "esc":
			m.filtering = false
			m.filter.SetValue("")
			m.filter.Blur()
			return m, m.refilter()
		case "enter", "tab", "down", "up":
			// Keep the filter, hand the keyboard back to the list.
			m.filtering = false
			m.filter.Blur()
			return m, nil
		}
		was := m.filter.Value()
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		if m.filter.Value() != was {
			cmd = tea.Batch(cmd, m.refilter())
		}
		return m, cmd
	}

	k := m.keys
	if m.detailOpen {
		// The person fills the screen: the list keys scroll them, and the
		// person shown stays the one l logs with.
		switch {
		case key.Matches(msg, k.Up, k.DetailUp):
			return m, m.scrollDetail(-1)
		case key.Matches(msg, k.Down, k.DetailDown):
			return m, m.scrollDetail(1)
		case key.Matches(msg, k.PageUp):
			return m, m.scrollDetail(-max(1, m.height-2))
		case key.Matches(msg, k.PageDown):
			return m, m.scrollDetail(max(1, m.height-2))
		case key.Matches(msg, k.Top):
			return m, m.scrollDetail(math.MinInt)
		case key.Matches(msg, k.Bottom):
			return m, m.scrollDetail(math.MaxInt)
		}
	}
	switch {
	case key.Matches(msg, k.DetailUp):
		return m, m.scrollDetail(-1)
	case key.Matches(msg, k.DetailDown):
		return m, m.scrollDetail(1)
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.Top):
		m.cursor = 0
	case key.Matches(msg, k.Bottom):
		m.cursor = max(0, m.total-1)
	case key.Matches(msg, k.PageUp):
		m.move(-max(1, m.listHeight()-1))
	case key.Matches(msg, k.PageDown):
		m.move(max(1, m.listHeight()-1))
	case key.Matches(msg, k.Filter):
		m.filtering = true
		m.detailOpen = false
		// The list's search keys are read while the first letter is
		// being typed, not after it (30 ms among 30,000 people).
		st, archived := m.st, m.archived
		return m, tea.Batch(m.filter.Focus(), func() tea.Msg {
			_ = st.PrepareFilter(context.Background(), archived) // failed, the first letter reads them
			return nil
		})
	case key.Matches(msg, k.ClearFilter):
		switch {
		case m.detailOpen:
			m.detailOpen = false
		case m.filter.Value() != "":
			m.filter.SetValue("")
			return m, m.refilter()
		case m.dueOnly:
			m.dueOnly = false
			return m, m.refilter()
		}
	case key.Matches(msg, k.Rest):
		if c, ok := m.selected(); ok && !c.Archived {
			return m, m.toggleRest(c)
		}
	case key.Matches(msg, k.Plan):
		if c, ok := m.selected(); ok && !c.Archived {
			m.ask = openPlanMsg{contact: c}
			return m, nil
		}
	case key.Matches(msg, k.Open):
		if _, ok := m.selected(); ok {
			m.detailOpen = !m.detailOpen
		}
	case key.Matches(msg, k.Add):
		m.detailOpen = false
		return m, m.openAdd()
	case key.Matches(msg, k.Edit):
		if c, ok := m.selected(); ok {
			m.form = newContactForm(c, model.Today(m.clock), m.styles)
			m.form.setSize(m.width, m.height)
			return m, m.form.focusField(0)
		}
	case key.Matches(msg, k.Archive):
		if c, ok := m.selected(); ok {
			if c.Archived {
				return m, statusCmd(false, oneLine(c.Name)+" is already archived; r restores them.")
			}
			m.confirmArc = &c
		}
	case key.Matches(msg, k.Log):
		if c, ok := m.selected(); ok {
			m.ask = openLogMsg{contact: &c}
			return m, nil
		}
	case key.Matches(msg, k.Restore):
		// Asks first, as archiving does: a person archived on purpose
		// (someone who supports using) should not come back by a slip.
		if c, ok := m.selected(); ok && c.Archived {
			m.confirmArc = &c
		}
	case key.Matches(msg, k.ShowArchived):
		m.archived = !m.archived
		m.detailOpen = false
		m.forget()
		return m, m.load()
	}
	return m, nil
}

// historyLimit is how much of a person's history the detail pane reads:
// more than any screen shows, few enough to stay instant.
const historyLimit = 50

// historySettle is how long the selection rests on someone before their
// history is read: moving through the list (a held j repeats every 30 ms
// or so) draws one frame per key, with no read competing with each.
const historySettle = 50 * time.Millisecond

// syncHistory fetches the selected person's reach-outs when the selection
// has moved to someone else: at once, or when settle says the selection
// moved by a key, once it has rested (historyLaterMsg).
func (m *contactsModel) syncHistory(settle bool) tea.Cmd {
	c, ok := m.selected()
	if !ok || c.ID == m.historyFor || m.form != nil {
		return nil
	}
	m.historyFor, m.history, m.historyReached30, m.historyErr, m.historyAsked, m.historyIn = c.ID, nil, 0, nil, false, false
	m.detailScroll, m.historyAll, m.toEnd = 0, false, false
	if settle {
		id := c.ID
		return func() tea.Msg { return historyLaterMsg{contactID: id} }
	}
	return m.readHistory()
}

// readHistory reads the history of the person historyFor names: the
// first historyLimit, or all of it once asked (historyAll).
func (m *contactsModel) readHistory() tea.Cmd {
	m.historyAsked = true
	st, id, limit, today := m.st, m.historyFor, historyLimit, model.Today(m.clock)
	if m.historyAll {
		limit = 0
	}
	return func() tea.Msg {
		rs, reached, err := st.ContactHistory(context.Background(), id, today, limit)
		return historyLoadedMsg{contactID: id, reachOuts: rs, reached30: reached, err: err}
	}
}

// scrollDetail scrolls the person's details by n lines (to the top for
// math.MinInt, the end for math.MaxInt), reading the rest of their history
// when the end of what was read comes into view.
func (m *contactsModel) scrollDetail(n int) tea.Cmd {
	c, ok := m.selected()
	if !ok {
		return nil
	}
	w, h := m.detailSize()
	_, last := m.detailFrame(c, w, h)
	switch {
	case n == math.MinInt:
		m.detailScroll = 0
	case n == math.MaxInt:
		m.detailScroll = last
	default:
		m.detailScroll = max(0, min(last, m.detailScroll+n))
	}
	// G is kept until the whole history is in: it lands on the oldest
	// however the reads arrive.
	m.toEnd = n == math.MaxInt
	if m.detailScroll >= last && !m.historyAll && m.historyIn && len(m.history) >= historyLimit {
		m.historyAll = true
		return m.readHistory()
	}
	if m.historyIn && (m.historyAll || len(m.history) < historyLimit) {
		m.toEnd = false
	}
	return nil
}

// detailSize is the size the person's details are drawn at.
func (m contactsModel) detailSize() (w, h int) {
	if m.detailOpen || !m.wide() {
		return m.width, m.height
	}
	return m.width - m.listWidth() - 3, m.height
}

// detailFrame is the person's details for w×h, scrolled: the lines on
// show (the last saying what is below, when more is), and the last line
// the details can scroll to.
func (m contactsModel) detailFrame(c model.Contact, w, h int) (lines []string, last int) {
	all := strings.Split(m.detailView(c, w), "\n")
	h = max(1, h)
	last = max(0, len(all)-h+1) // room for the "more below" line
	if len(all) <= h {
		return all, 0
	}
	top := min(m.detailScroll, last)
	lines = all[top:min(len(all), top+h-1)]
	more := "↓ more below: J/K scroll"
	if m.detailOpen {
		more = "↓ more below: j/k, pgdn, G"
	}
	if top+len(lines) >= len(all) {
		more = "↑ the end; g goes back to the top"
		if !m.detailOpen {
			more = "↑ the end; K scrolls back"
		}
	}
	return append(lines, m.styles.Prompt.Render(truncate(more, w))), last
}

// archiveQuestion asks before a person is archived or restored; restoring
// someone marked as supporting using says so.
func archiveQuestion(c model.Contact) string {
	name := oneLine(c.Name)
	switch {
	case !c.Archived:
		return "Archive " + name + "? y/n"
	case c.Stance == model.StanceSupportsUsing:
		return "Restore " + name + "? You marked them as supporting your using. y/n"
	}
	return "Restore " + name + " to your contacts? y/n"
}

func (m contactsModel) setArchived(c model.Contact, archived bool) tea.Cmd {
	st := m.st
	return persist(func() tea.Msg {
		err := st.SetArchived(context.Background(), c.ID, archived)
		return contactArchivedMsg{id: c.ID, name: c.Name, archived: archived, err: err}
	})
}

// dueMarker is the list's short word for a due state.
func dueMarker(d model.DueInfo) string {
	switch d.State {
	case model.Overdue:
		return "overdue"
	case model.DueNow:
		return "due"
	}
	return ""
}

// helpKeys are the bindings shown in the help line for the current state.
func (m contactsModel) helpKeys() []key.Binding {
	switch {
	case m.form != nil:
		return m.form.helpKeys()
	case m.confirmArc != nil:
		return []key.Binding{m.yesNo.Yes, m.yesNo.No}
	case m.filtering:
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		}
	case m.archived:
		return []key.Binding{m.keys.Restore, m.keys.ShowArchived, m.keys.Filter}
	}
	if m.detailOpen {
		return []key.Binding{m.keys.Log, m.keys.Edit, m.keys.Plan,
			key.NewBinding(key.WithKeys("j"), key.WithHelp("j/k pgdn G", "scroll")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list"))}
	}
	// a, / and enter are named on the list itself; the footer has the rest.
	ks := []key.Binding{m.keys.Log, m.keys.Edit, m.keys.Plan, m.keys.Archive, m.keys.ShowArchived}
	if m.wide() {
		ks = append(ks, m.keys.DetailDown)
	}
	// x (rest or resume a rhythm) is in the full help and the person's
	// details say it: the line keeps room for ? and q at 80 columns.
	if m.filter.Value() != "" || m.dueOnly {
		ks = append(ks, m.keys.ClearFilter)
	}
	return ks
}

func (m contactsModel) fullHelpKeys() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Log, k.Plan, k.Add, k.Edit, k.Rest, k.Archive, k.Restore, k.ShowArchived, k.Filter, k.ClearFilter},
	}
}

// wide reports whether the list and the detail fit side by side.
// Below 96 columns the list keeps every column and the detail is only seen
// with enter.
func (m contactsModel) wide() bool { return m.width >= 96 }

func (m contactsModel) listWidth() int {
	if !m.wide() {
		return m.width
	}
	return max(30, min(64, m.width*11/20))
}

// listHeight is the number of rows for contacts, below the title, the
// filter line and the column header.
func (m contactsModel) listHeight() int { return max(1, m.height-3) }

func (m contactsModel) view() string {
	if m.form != nil {
		return m.form.view()
	}
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
		m.width, m.height = w, h
	}
	if !m.loaded {
		return m.styles.Muted.Render("Opening your contacts…")
	}
	if m.loadErr != nil {
		return m.styles.Error.Render(wrap("Could not read your contacts: "+m.loadErr.Error(), w))
	}
	if m.all == 0 && !m.archived {
		return m.emptyView()
	}
	// enter opens the person full width at any size: on a narrow screen
	// it is the only way to see them, on a wide one it gives their notes
	// and history the whole screen.
	if m.detailOpen {
		if c, ok := m.selected(); ok {
			lines, _ := m.detailFrame(c, w, h)
			return clip(strings.Join(lines, "\n"), w, h)
		}
	}
	list := m.listView()
	if !m.wide() {
		return list
	}
	lw := m.listWidth()
	detail := ""
	if c, ok := m.selected(); ok {
		lines, _ := m.detailFrame(c, w-lw-3, h)
		detail = strings.Join(lines, "\n")
	}
	return beside(list, lw, m.styles.Muted.Render(" │ "), clip(detail, w-lw-3, h), max(1, h))
}

func (m contactsModel) emptyView() string {
	s := m.styles
	lines := []string{
		s.Title.Render("No supporters yet"),
		"",
		"Add the people who help you stay well: a sponsor, a friend, a",
		"counsellor, a meeting you go to. One is a good start.",
		"",
		"Press " + s.Heading.Render("a") + " to add your first supporter.",
	}
	return clip(strings.Join(lines, "\n"), m.width, m.height)
}

// handle and owns put the screen in the table (see screen).
func (m *contactsModel) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.update(msg)
	return cmd
}

func (m *contactsModel) owns(msg tea.Msg) bool {
	switch msg.(type) {
	case contactsLoadedMsg, historyLoadedMsg, historyDueMsg, contactSavedMsg, contactArchivedMsg, restToggledMsg:
		return true
	}
	return false
}

// restToggledMsg is a rhythm put to rest, or resumed, from Contacts.
type restToggledMsg struct {
	name    string
	resting bool
	err     error
}

func (m restToggledMsg) writeErr() error { return m.err }

// toggleRest puts the person's rhythm to rest, or resumes the one at rest.
func (m contactsModel) toggleRest(c model.Contact) tea.Cmd {
	if c.CadenceDays == 0 && c.RestCadence == 0 {
		return statusCmd(false, oneLine(c.Name)+" has no rhythm to rest; e sets one.")
	}
	st, resting := m.st, c.RestCadence == 0
	return persist(func() tea.Msg {
		return restToggledMsg{name: c.Name, resting: resting, err: st.SetResting(context.Background(), c.ID, resting)}
	})
}
