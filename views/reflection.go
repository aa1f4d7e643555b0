package views

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// weekData is everything one week's page shows, read in one command.
type weekData struct {
	reflection model.Reflection
	saved      bool
	prompts    []string
	summary    model.WeekSummary
}

// summaryNames is how many of the people who had faded the week's summary
// names ("and 12 more" after them).
const summaryNames = 5

type weekLoadedMsg struct {
	week     model.Week
	data     weekData
	err      error
	prefetch bool
	gen      int // which fresh load it follows; a read-ahead from before is dropped
}

type reflectionSavedMsg struct {
	reflection model.Reflection
	auto       bool
	err        error
}

// autosaveLaterMsg asks for an autosave after a pause in typing; the root
// turns it into a timer. Keeping the timer out of the screen lets tests
// decide when the pause is over instead of sleeping.
type autosaveLaterMsg struct{ seq int }

// autosaveMsg fires a little after the last keystroke; seq tells whether
// more typing came since, in which case a later one will fire.
type autosaveMsg struct{ seq int }

// autosaveDelay is how long typing may pause before it is saved: short
// enough that a closed terminal loses a sentence at most.
const autosaveDelay = 2 * time.Second

type reflectionMode int

const (
	modePage    reflectionMode = iota // one week, to read
	modeList                          // past weeks, newest first
	modePrompts                       // the prompt set editor
)

// reflectionModel is the Reflection screen: a week's page (what the log
// says, the ratings, the prompts and answers), the list of past weeks, and
// the prompt set. Answers save as the person moves between prompts, a
// moment after they stop typing, and with ctrl+s.
type reflectionModel struct {
	asks   // none yet: its keys act on the screen itself
	st     Store
	clock  model.Clock
	styles *Styles
	keys   reflectionKeys

	width, height int
	mode          reflectionMode

	week    model.Week
	ahead   *weekLoadedMsg // the week before, read ahead; nil when not (yet)
	gen     int            // counts fresh loads, to tell a stale read-ahead
	loading bool           // the newest fresh load has not answered yet
	loaded  bool
	loadErr error
	data    weekData
	scroll  int

	form    *form
	answers []model.Answer // the prompts the open form asks, in order
	// writeAsked: e was pressed before the week was read; the form opens
	// when it is, and the keys typed meanwhile (held) go into it.
	writeAsked bool
	held       typedAhead
	saveSeq    int
	saving     bool
	// closing: esc was pressed with words not yet saved; the form closes
	// once they are, and stays open (saying why) if they cannot be.
	closing  bool
	savedMsg string

	// The list of past weeks holds the stretch read so far: more older or
	// newer ones are read as the cursor nears either end.
	headers    []model.ReflectionHeader
	headersErr error
	listCursor int
	moreOlder  bool
	moreNewer  bool
	listGen    int  // counts fresh reads of the list; a stretch from before is dropped
	listBusy   bool // a stretch is being read
	listAt     listPlace

	prompts promptEditor
}

type reflectionKeys struct {
	Edit, Earlier, Later, Move, ThisWeek, Weeks, Prompts, Up, Down, Top, Bottom, Open, Back key.Binding
}

func newReflectionModel(st Store, clock model.Clock, styles *Styles) reflectionModel {
	return reflectionModel{st: st, clock: clock, styles: styles, week: model.WeekOf(model.Today(clock)),
		prompts: newPromptEditor(st, styles),
		keys: reflectionKeys{
			// Writing is e alone: the form saves as you go, so a page that
			// opened straight into it turned a 5 meant for "Network" into a
			// changed rating.
			Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "write")),
			Earlier:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "earlier")),
			Later:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "later")),
			Move:     key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "weeks")),
			ThisWeek: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "this week")),
			Weeks:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "list")),
			Prompts:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "prompts")),
			Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
			Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
			Top:      key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "first")),
			Bottom:   key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "last")),
			Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open week")),
			Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		}}
}

// load reads the shown week afresh: its reflection, the prompt set, and
// the log behind its summary, and then the week before, ahead of [. What
// was read ahead is dropped: the journal may have changed since.
func (m *reflectionModel) load() tea.Cmd {
	m.fresh()
	return m.loadWeek(m.week, false)
}

// fresh starts a fresh load: what was read ahead, and what an earlier
// load answers later, are dropped.
func (m *reflectionModel) fresh() int {
	m.ahead = nil
	m.gen++
	m.loading = true
	return m.gen
}

// loadWeek reads week w. A prefetch is the week before the shown one,
// read ahead so that [ answers at once.
func (m reflectionModel) loadWeek(w model.Week, prefetch bool) tea.Cmd {
	st, today, gen := m.st, model.Today(m.clock), m.gen
	return func() tea.Msg {
		d, err := readWeek(context.Background(), st, w, today)
		return weekLoadedMsg{week: w, data: d, err: err, prefetch: prefetch, gen: gen}
	}
}

// readWeek reads a week's page: its reflection, the prompts, and its
// summary from the journal's figures of the week (who had faded measured
// to its Sunday, or to today while it is being lived), never the whole
// log or everyone in it.
func readWeek(ctx context.Context, st Store, w model.Week, today model.Date) (weekData, error) {
	var d weekData
	var err error
	if d.reflection, d.saved, err = st.Reflection(ctx, w); err != nil {
		return d, err
	}
	if d.prompts, err = st.Prompts(ctx); err != nil {
		return d, err
	}
	h, err := st.Health(ctx, w.Monday(), w.Sunday())
	if err != nil {
		return d, err
	}
	ref := w.Sunday()
	if w.Contains(today) {
		ref = today
	}
	if h.Faded, h.FadedCount, err = st.Faded(ctx, ref, 0, summaryNames); err != nil {
		return d, err
	}
	cis, err := st.CheckIns(ctx, w.Monday(), w.Sunday())
	if err != nil {
		return d, err
	}
	d.summary = model.SummaryOf(w, h, cis)
	return d, nil
}

func (m reflectionModel) capturing() bool {
	return m.form != nil || m.writeAsked || m.prompts.capturing() && m.mode == modePrompts
}

func (m reflectionModel) dirty() bool { return m.weekDirty() || m.promptsDirty() }

// weekDirty reports words in the week's form not yet saved: it saves as
// the person writes, so quitting saves them rather than asking (unless
// its last save failed; see saveFailed).
func (m reflectionModel) weekDirty() bool { return m.form != nil && m.form.dirty() }

// saveFailed reports that the week's last save did not reach the journal:
// quitting then asks, as in any other editor, since saving on the way out
// would most likely fail again and lose the words.
func (m reflectionModel) saveFailed() bool { return m.form != nil && m.form.failed }

// promptsDirty reports a prompt being added or edited: it is saved only
// when the person says so, so quitting asks.
func (m reflectionModel) promptsDirty() bool { return m.mode == modePrompts && m.prompts.dirty() }

func (m *reflectionModel) setSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.setSize(w, m.formHeight())
	}
	m.prompts.setSize(w, h)
}

// formHeight leaves the top of the page to the week's summary line.
func (m reflectionModel) formHeight() int { return max(3, m.height-2) }

// ratingFields come first: quick numbers before the longer writing.
func (m *reflectionModel) newForm() *form {
	r := m.data.reflection
	m.answers = model.AnswersFor(r, m.data.prompts)
	fields := []*field{
		ratingField(model.FieldSupported, "How supported I felt", "1–10 (type 1 then 0 for ten); backspace clears.", r.Supported, model.MaxRating),
		ratingField(model.FieldConfidence, "Confidence for next week", "Staying on track next week, 1–10.", r.Confidence, model.MaxRating),
		ratingField(model.FieldCravingBother, "Craving bother", "How much cravings bothered you, 1–10.", r.CravingBother, model.MaxRating),
	}
	for i, a := range m.answers {
		fl := areaField(fmt.Sprintf("%s%d", model.FieldAnswer, i), a.Prompt, "Enter starts a new line; tab moves on and saves.", a.Text)
		fields = append(fields, fl)
	}
	f := newForm("Reflection · "+m.week.String()+" · "+m.week.Human(), m.styles, fields, nil)
	f.stacked = true
	f.autosaves = true
	f.version = r.UpdatedAt
	f.reopen = func(record any) *form {
		other := *m
		other.data.reflection = record.(model.Reflection)
		return other.newForm()
	}
	return f
}

// reflection reads the open form back.
func (m reflectionModel) reflection() model.Reflection {
	f := m.form
	r := model.Reflection{Week: m.week, UpdatedAt: f.version}
	r.Supported, _ = strconv.Atoi(f.field(model.FieldSupported).value())
	r.Confidence, _ = strconv.Atoi(f.field(model.FieldConfidence).value())
	r.CravingBother, _ = strconv.Atoi(f.field(model.FieldCravingBother).value())
	for i, a := range m.answers {
		r.Answers = append(r.Answers, model.Answer{Prompt: a.Prompt, Text: f.field(fmt.Sprintf("%s%d", model.FieldAnswer, i)).value()})
	}
	return r
}

// save writes the whole week as it stands: one transaction, so a save is
// never half a week.
func (m *reflectionModel) save(auto bool) tea.Cmd {
	if m.form == nil || m.saving {
		return nil
	}
	r := m.reflection()
	if !r.Begun() && !m.data.saved {
		return nil // nothing written yet: nothing to keep
	}
	m.saving = true
	st := m.st
	return persist(func() tea.Msg {
		saved, err := st.SaveReflection(context.Background(), r)
		return reflectionSavedMsg{reflection: saved, auto: auto, err: err}
	})
}

func (m reflectionModel) update(msg tea.Msg) (reflectionModel, tea.Cmd) {
	switch msg := msg.(type) {
	case weekLoadedMsg:
		if msg.prefetch {
			if msg.err == nil && msg.week == m.week.Prev() && msg.gen == m.gen {
				m.ahead = &weekLoadedMsg{week: msg.week, data: msg.data, gen: msg.gen}
			}
			return m, nil
		}
		if msg.gen == m.gen {
			m.loading = false // whichever week it read, the fresh load is over
		}
		if msg.week != m.week || msg.gen != m.gen {
			return m, nil
		}
		m.loaded, m.loadErr = true, msg.err
		var next tea.Cmd
		if msg.err == nil {
			m.ahead = nil
			next = m.loadWeek(m.week.Prev(), true)
		}
		if msg.err == nil && m.form == nil {
			m.data = msg.data
		} else if msg.err == nil {
			// Keep the open form's words; refresh only what it doesn't own.
			m.data.summary = msg.data.summary
		}
		if m.writeAsked {
			return m.writeAsAsked(next)
		}
		return m, next
	case headersLoadedMsg:
		m.headersLoaded(msg)
		return m, m.readMoreWeeks()
	case namedInAnswerMsg:
		return m, m.planWith(msg)
	case reflectionSavedMsg:
		m.saving = false
		if msg.err != nil {
			m.closing = false
			if m.form != nil {
				m.form.fail(msg.err)
				if msg.auto {
					// Asked in the middle of typing, the question would
					// take the next letters typed as its answer: it waits
					// for ctrl+s.
					m.form.decideLater()
				}
			}
			return m, nil
		}
		m.data.reflection, m.data.saved = msg.reflection, true
		if m.form != nil {
			m.form.saved()
			m.form.version = msg.reflection.UpdatedAt
		}
		m.savedMsg = "Saved " + msg.reflection.UpdatedAt.In(m.clock.Now().Location()).Format("15:04") + "."
		if msg.reflection.UpdatedAt.IsZero() {
			m.savedMsg = "Saved."
		}
		if m.form != nil && m.reflectionEqual(msg.reflection) {
			m.form.markClean()
		}
		if m.closing && m.form != nil {
			if m.form.dirty() {
				return m, m.save(false) // typed while the last save was on its way
			}
			m.form, m.closing = nil, false
		}
		return m, nil
	case autosaveMsg:
		if msg.seq == m.saveSeq && m.form != nil && m.form.dirty() && m.form.changed == nil {
			return m, m.save(true)
		}
		return m, nil
	case promptsSavedMsg, promptsLoadedMsg:
		var cmd tea.Cmd
		m.prompts, cmd = m.prompts.update(msg)
		if _, saved := msg.(promptsSavedMsg); saved {
			cmd = tea.Batch(cmd, m.load())
		}
		return m, cmd
	case tea.KeyPressMsg:
		if m.held.hold(msg, m.writeAsked) {
			return m, nil
		}
		return m.updateKey(msg)
	case tea.PasteMsg:
		if m.held.hold(msg, m.writeAsked) {
			return m, nil
		}
		return m.updatePaste(msg)
	}
	return m, nil
}

// writeAsAsked opens the form e asked for, now that the week is read, and
// hands it what was typed meanwhile. A week that could not be read has no
// form to open: what was typed for it is let go, and the line says so,
// rather than handed to the page, where its letters would be taken for
// the page's keys.
func (m reflectionModel) writeAsAsked(next tea.Cmd) (reflectionModel, tea.Cmd) {
	m.writeAsked = false
	if m.loadErr != nil {
		if len(m.held.take()) > 0 {
			return m, tea.Batch(next, statusCmd(true, "This week could not be read, so it could not be written in; what you typed was not kept."))
		}
		return m, next
	}
	cmds := []tea.Cmd{next, m.startWriting()}
	for _, k := range m.held.take() {
		var cmd tea.Cmd
		m, cmd = m.update(k)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// updatePaste takes a paste into the writing, saved soon as typing is, or
// into the prompt being written.
func (m reflectionModel) updatePaste(msg tea.PasteMsg) (reflectionModel, tea.Cmd) {
	switch {
	case m.form != nil:
		_, cmd := m.form.update(msg)
		if m.form.dirty() {
			cmd = tea.Batch(cmd, m.saveSoon())
		}
		return m, cmd
	case m.mode == modePrompts:
		var cmd tea.Cmd
		m.prompts, cmd = m.prompts.updatePaste(msg)
		return m, cmd
	}
	return m, nil
}

// saveSoon has the writing saved after a pause in the typing.
func (m *reflectionModel) saveSoon() tea.Cmd {
	m.saveSeq++
	seq := m.saveSeq
	return func() tea.Msg { return autosaveLaterMsg{seq: seq} }
}

// reflectionEqual reports whether the form still holds what was saved, so
// typing that arrived during the save stays marked unsaved.
func (m reflectionModel) reflectionEqual(saved model.Reflection) bool {
	now := m.reflection().Normalize()
	if now.Supported != saved.Supported || now.Confidence != saved.Confidence || now.CravingBother != saved.CravingBother || len(now.Answers) != len(saved.Answers) {
		return false
	}
	for i := range now.Answers {
		if now.Answers[i] != saved.Answers[i] {
			return false
		}
	}
	return true
}

func (m reflectionModel) updateKey(msg tea.KeyPressMsg) (reflectionModel, tea.Cmd) {
	if m.form != nil {
		if key.Matches(msg, planStep) && m.form.changed == nil && !m.form.confirming {
			return m, m.planFromAnswer()
		}
		before := m.form.focus
		wasDirty := m.form.dirty()
		asking := m.form.changed != nil // keys answer the question, type nothing
		action, cmd := m.form.update(msg)
		switch action {
		case formCancel:
			// Everything typed has been saved or is about to be: esc closes
			// the writing without a question, once a last save has landed
			// (if it cannot, the form stays open and says why).
			if !m.form.dirty() {
				m.form = nil
				return m, cmd
			}
			m.closing = true
			return m, tea.Batch(cmd, m.save(false))
		case formKeepTheirs:
			m.data.reflection, m.data.saved = m.form.theirsChosen().(model.Reflection), true
			m.form = m.newForm()
			m.form.setSize(m.width, m.formHeight())
			return m, tea.Batch(m.form.focusField(0), statusCmd(false, keptTheirs))
		case formKeepMine:
			m.form.mineChosen()
			return m, m.save(false)
		case formSave:
			return m, tea.Batch(cmd, m.save(false))
		}
		if asking {
			return m, cmd
		}
		if m.form.focus != before && m.form.dirty() {
			return m, tea.Batch(cmd, m.save(true))
		}
		if m.form.dirty() && (!wasDirty || len(typed(msg)) > 0 || namedKey(msg) == "enter" || namedKey(msg) == "backspace") {
			cmd = tea.Batch(cmd, m.saveSoon())
		}
		return m, cmd
	}
	switch m.mode {
	case modeList:
		return m.updateList(msg)
	case modePrompts:
		var cmd tea.Cmd
		var done bool
		m.prompts, cmd, done = m.prompts.updateKey(msg)
		if done {
			m.mode = modePage
		}
		return m, cmd
	}
	k := m.keys
	today := model.Today(m.clock)
	switch {
	case key.Matches(msg, k.Edit):
		return m, m.startWriting()
	case key.Matches(msg, k.Earlier):
		return m.showWeek(m.week.Prev())
	case key.Matches(msg, k.Later):
		if !m.week.Before(model.WeekOf(today)) {
			return m, statusCmd(false, "This is this week: the weeks ahead can't be written yet.")
		}
		return m.showWeek(m.week.Next())
	case key.Matches(msg, k.ThisWeek):
		return m.showWeek(model.WeekOf(today))
	case key.Matches(msg, k.Weeks):
		m.mode = modeList
		return m, m.openList(listKeep)
	case key.Matches(msg, k.Prompts):
		m.mode = modePrompts
		return m, m.prompts.open()
	case key.Matches(msg, k.Down):
		m.scroll++
	case key.Matches(msg, k.Up):
		m.scroll = max(0, m.scroll-1)
	}
	return m, nil
}

// startWriting opens the week's form (e).
func (m *reflectionModel) startWriting() tea.Cmd {
	switch {
	case m.loaded && m.loadErr != nil:
		return nil // the error is on the page
	case !m.loaded:
		// Pressed as the screen opens, before its week is read: the form
		// opens when it is (writeAsAsked), with what is typed meanwhile.
		m.writeAsked = true
		if !m.loading {
			return m.load()
		}
		return nil
	}
	m.mode = modePage
	m.form = m.newForm()
	m.form.setSize(m.width, m.formHeight())
	m.savedMsg = ""
	// Start at the first prompt not yet answered: the ratings take a key each.
	return m.form.focusField(0)
}

// showThisWeek shows this week to read (Today's r); e writes it.
func (m *reflectionModel) showThisWeek() tea.Cmd {
	if m.form != nil {
		return nil // already writing: leave it exactly as it is
	}
	m.week, m.loaded, m.scroll, m.mode = model.WeekOf(model.Today(m.clock)), false, 0, modePage
	m.data = weekData{}
	return m.load()
}

func (m reflectionModel) showWeek(w model.Week) (reflectionModel, tea.Cmd) {
	if m.ahead != nil && m.ahead.week == w {
		// Read ahead: show it now, and read the week before it.
		ahead := *m.ahead
		m.week, m.scroll, m.mode = w, 0, modePage
		return m.update(ahead)
	}
	m.week, m.loaded, m.scroll, m.mode = w, false, 0, modePage
	m.data = weekData{}
	return m, m.loadWeek(w, false)
}

func (m reflectionModel) helpKeys() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil && m.form.focus == len(m.form.fields)-1 && m.form.changed == nil && !m.form.confirming:
		// The week's last prompt asks for one concrete step.
		return append(m.form.helpKeys(), planStep)
	case m.form != nil:
		return m.form.helpKeys()
	case m.mode == modeList:
		return []key.Binding{k.Open, k.Back}
	case m.mode == modePrompts:
		return m.prompts.helpKeys()
	}
	return []key.Binding{k.Edit, k.Move, k.Weeks, k.Prompts}
}

func (m reflectionModel) fullHelpKeys() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Edit, k.Earlier, k.Later, k.ThisWeek}, {k.Weeks, k.Prompts, k.Open, k.Back, k.Up, k.Down}}
}

// handle and owns put the screen in the table (see screen).
func (m *reflectionModel) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.update(msg)
	return cmd
}

func (m *reflectionModel) owns(msg tea.Msg) bool {
	switch msg.(type) {
	case weekLoadedMsg, headersLoadedMsg, namedInAnswerMsg, autosaveMsg, promptsLoadedMsg, promptsSavedMsg, reflectionSavedMsg:
		return true
	}
	return false
}

// needsLoad: a week being written is never read over.
func (m *reflectionModel) needsLoad(stale bool) bool {
	return m.form == nil && (stale || !m.loading && (!m.loaded || m.loadErr != nil))
}

// planStep turns the answer being written into a planned reach-out: the
// week's last prompt asks for one concrete step (who, where, when).
var planStep = key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "plan it"))

// planFromAnswer looks for the people of the network the answer being
// written names (Store.PeopleNamed: a look in the list's index, not a read
// of everyone), for planWith.
func (m *reflectionModel) planFromAnswer() tea.Cmd {
	fl := m.form.fields[m.form.focus]
	if fl.kind != kindArea {
		return statusCmd(false, "ctrl+p plans a reach-out from an answer that names someone: write who, where and when.")
	}
	st, text := m.st, fl.value()
	return func() tea.Msg {
		named, err := st.PeopleNamed(context.Background(), text)
		return namedInAnswerMsg{text: text, named: named, err: err}
	}
}

// namedInAnswerMsg is the people an answer names, for ctrl+p.
type namedInAnswerMsg struct {
	text  string
	named []model.Contact
	err   error
}

// planWith opens the plan dialog with the one person the answer names,
// the answer as its note; when it names nobody (or several), the footer
// says how to go on.
func (m *reflectionModel) planWith(msg namedInAnswerMsg) tea.Cmd {
	if msg.err != nil {
		return statusCmd(true, "Could not look for the people this answer names: "+msg.err.Error())
	}
	switch len(msg.named) {
	case 0:
		return statusCmd(false, "Name someone from your network in this answer, then ctrl+p plans it.")
	case 1:
		m.ask = openPlanMsg{contact: msg.named[0], note: model.OneLine(msg.text)}
		return nil
	}
	var names []string
	for _, c := range msg.named {
		names = append(names, oneLine(c.Name))
	}
	return statusCmd(false, "This answer names "+strings.Join(names, ", ")+": p on Contacts plans with one of them.")
}
