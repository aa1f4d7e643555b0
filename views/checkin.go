package views

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// checkInModel is the Check-in screen: one day at a glance (today unless
// the person moves with [ and ]), its form, and the day's reach-outs.
type checkInModel struct {
	st     Store
	clock  model.Clock
	styles *Styles
	keys   checkInKeys
	yesNo  confirmKeys

	width, height int

	day     model.Date
	loaded  bool
	loadErr error
	checkIn model.CheckIn
	has     bool
	// reachOuts are the day's first reach-outs, reachTotal how many it
	// has: a day is read a screenful and more at a time (readAhead),
	// and further as the cursor comes near the end of what was read,
	// however many were logged on it. reachWant is how many to read (0:
	// the first readAhead).
	reachOuts  []model.ReachOut
	reachTotal int
	reachWant  int
	cursor     int // selected reach-out, -1 for none

	form       *form
	saving     bool
	confirmDel *model.ReachOut
	// confirmDrop asks before the day's check-in is removed (d with no
	// reach-out selected).
	confirmDrop bool
	// timeline is the days as a feed, shown while not nil; goTo is the
	// "go to a day" line, open while not nil, and goToErr what it said.
	timeline *timeline
	goTo     *textinput.Model
	goToErr  string
	// asks holds what a key asks of the root (see App.updateActive).
	asks
}

type checkInKeys struct {
	Edit, Earlier, Later, Move, Today, Log, Up, Down, OpenReach, OpenPerson, Remove, Deselect key.Binding
}

func newCheckInModel(st Store, clock model.Clock, styles *Styles) checkInModel {
	return checkInModel{st: st, clock: clock, styles: styles, yesNo: newConfirmKeys(), day: model.Today(clock), cursor: -1,
		keys: checkInKeys{
			Edit:    key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "check in")),
			Earlier: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "earlier")),
			Later:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "later")),
			Move:    key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "days")),
			Today:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "today")),
			Log:     key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log")),
			Up:      key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "reach-outs")),
			Down:    key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "reach-outs")),
			// On a reach-out, as on a person anywhere, enter opens the
			// person; e changes the reach-out, as e edits everywhere.
			OpenReach:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit reach-out")),
			OpenPerson: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open person")),
			Remove:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove reach-out")),
			Deselect:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the day")),
		}}
}

// readAhead is how many of a day's reach-outs are read at a time: as many
// as the day's list can show (the screen less the fewest lines around the
// list: the day's title and a blank, one line of check-in and a blank, the
// list's heading and its "more below"), so a day costs the same however
// busy, and one busier than a screen reads what one that fills it does.
// Moving down a busy day's list reads on a quarter of them before its end.
func (m checkInModel) readAhead() int {
	if m.height == 0 {
		return 24 // not sized yet: a screen's worth
	}
	return max(8, m.height-6)
}

func (m checkInModel) load() tea.Cmd {
	st, day, want := m.st, m.day, m.reachWant
	if want <= 0 {
		want = m.readAhead()
	}
	read := func() tea.Msg {
		ctx := context.Background()
		c, ok, err := st.CheckIn(ctx, day)
		if err != nil {
			return checkInDayLoadedMsg{day: day, err: err}
		}
		rs, counts, err := st.ReachOutsOnDays(ctx, day, day, want)
		return checkInDayLoadedMsg{day: day, checkIn: c, ok: ok, reachOuts: rs, total: max(counts[day], len(rs)), err: err}
	}
	if t := m.timeline; t != nil {
		// A change anywhere: the page again, reflections included.
		return tea.Batch(read, readTimeline(st, t.anchor, t.req, nil))
	}
	return read
}

func (m checkInModel) capturing() bool {
	return m.form != nil || m.confirmDel != nil || m.confirmDrop || m.goTo != nil
}
func (m checkInModel) dirty() bool { return m.form != nil && m.form.dirty() }

func (m *checkInModel) setSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.setSize(w, m.formHeight())
	}
}

// formHeight leaves room under the form for a few of the day's reach-outs.
func (m checkInModel) formHeight() int {
	if len(m.reachOuts) == 0 || m.height < 16 {
		return m.height
	}
	return m.height - min(len(m.reachOuts), 4) - 2
}

// openForm starts filling in the shown day, with what was saved so far.
func (m *checkInModel) openForm() tea.Cmd {
	c := m.checkIn
	if !m.has {
		c = model.CheckIn{Day: m.day}
	}
	m.form = newCheckInForm(c, model.Today(m.clock), m.styles)
	m.form.setSize(m.width, m.formHeight())
	return m.form.focusField(0)
}

// showToday moves to today and opens the form; Today's c key lands here.
func (m *checkInModel) showToday() tea.Cmd {
	if m.day != model.Today(m.clock) {
		m.day, m.loaded, m.has = model.Today(m.clock), false, false
		m.reachOuts, m.reachTotal, m.reachWant, m.cursor = nil, 0, 0, -1
	}
	return tea.Batch(m.load(), m.openForm())
}

// showDay moves to day (a search's place); a form being filled in stays
// as it is.
func (m *checkInModel) showDay(day model.Date) tea.Cmd {
	if m.form != nil {
		return nil
	}
	if m.day != day {
		m.day, m.loaded, m.has = day, false, false
		m.reachOuts, m.reachTotal, m.reachWant, m.cursor = nil, 0, 0, -1
	}
	return m.load()
}

func (m checkInModel) selectedReachOut() (model.ReachOut, bool) {
	if m.cursor < 0 || m.cursor >= len(m.reachOuts) {
		return model.ReachOut{}, false
	}
	return m.reachOuts[m.cursor], true
}

func (m checkInModel) update(msg tea.Msg) (checkInModel, tea.Cmd) {
	switch msg := msg.(type) {
	case checkInDayLoadedMsg:
		if msg.day != m.day {
			return m, nil // the person has moved on to another day
		}
		m.loaded, m.loadErr = true, msg.err
		if msg.err == nil {
			m.checkIn, m.has, m.reachOuts, m.reachTotal = msg.checkIn, msg.ok, msg.reachOuts, msg.total
			m.cursor = min(m.cursor, len(m.reachOuts)-1)
		}
		if m.form != nil {
			m.form.setSize(m.width, m.formHeight())
		}
		return m, nil
	case tea.PasteMsg:
		if m.goTo != nil {
			in, cmd := m.goTo.Update(msg)
			m.goTo = &in
			return m, cmd
		}
	case timelineLoadedMsg:
		if t := m.timeline; t != nil && msg.req == t.req {
			t.days, t.err, t.loaded, t.heads = msg.days, msg.err, true, msg.heads
			t.lines = nil
		}
		return m, nil
	case checkInSavedMsg:
		m.saving = false
		if msg.err != nil {
			if m.form != nil {
				m.form.fail(msg.err)
			}
			return m, nil
		}
		m.form = nil
		saved := statusCmd(false, "Saved your check-in for "+dayWords(msg.checkIn.Day, model.Today(m.clock))+".")
		if msg.checkIn.Day == model.Today(m.clock) && len(model.HardDayReasons(msg.checkIn)) > 0 {
			// Tonight is hard: offer people, not only a saved form.
			c := msg.checkIn
			return m, tea.Batch(saved, func() tea.Msg { return hardDayMsg{checkIn: c} })
		}
		return m, saved
	case tea.KeyPressMsg:
		return m.updateKey(msg)
	}
	if m.form != nil {
		_, cmd := m.form.update(msg)
		return m, cmd
	}
	return m, nil
}

func (m checkInModel) updateKey(msg tea.KeyPressMsg) (checkInModel, tea.Cmd) {
	if m.form != nil {
		if m.saving {
			return m, nil
		}
		action, cmd := m.form.update(msg)
		switch action {
		case formCancel:
			m.form = nil
		case formKeepTheirs:
			m.form = newCheckInForm(m.form.theirsChosen().(model.CheckIn), model.Today(m.clock), m.styles)
			m.form.setSize(m.width, m.formHeight())
			return m, statusCmd(false, keptTheirs)
		case formKeepMine:
			m.form.mineChosen()
			fallthrough
		case formSave:
			c, p := checkInFromForm(m.form, m.day, model.Today(m.clock))
			if len(p) > 0 {
				m.form.fail(p)
				return m, nil
			}
			m.saving = true
			st := m.st
			return m, persist(func() tea.Msg {
				saved, err := st.SaveCheckIn(context.Background(), c)
				return checkInSavedMsg{checkIn: saved, err: err}
			})
		}
		return m, cmd
	}
	if m.confirmDrop {
		switch {
		case key.Matches(msg, m.yesNo.Yes):
			m.confirmDrop = false
			st, c := m.st, m.checkIn
			return m, persist(func() tea.Msg {
				return checkInDeletedMsg{removed: c, err: st.DeleteCheckIn(context.Background(), c.Day)}
			})
		case key.Matches(msg, m.yesNo.No):
			m.confirmDrop = false
		}
		return m, nil
	}
	if m.confirmDel != nil {
		r := *m.confirmDel
		switch {
		case key.Matches(msg, m.yesNo.Yes):
			m.confirmDel = nil
			st := m.st
			return m, persist(func() tea.Msg {
				return reachOutDeletedMsg{name: r.ContactName, removed: r, err: st.DeleteReachOut(context.Background(), r.ID)}
			})
		case key.Matches(msg, m.yesNo.No):
			m.confirmDel = nil
		}
		return m, nil
	}
	if m.goTo != nil {
		return m.updateGoTo(msg)
	}
	if key.Matches(msg, goToKey) {
		in := newGoToInput(m.styles)
		in.SetWidth(max(1, m.width-len(in.Prompt)-2))
		m.goTo, m.goToErr = &in, ""
		return m, m.goTo.Focus()
	}
	if m.timeline != nil {
		return m.updateTimeline(msg)
	}
	if key.Matches(msg, timelineToggle) {
		return m, m.showTimeline(m.day)
	}

	k := m.keys
	today := model.Today(m.clock)
	if r, ok := m.selectedReachOut(); ok {
		switch {
		case key.Matches(msg, k.OpenReach):
			c := model.Contact{ID: r.ContactID, Name: r.ContactName}
			m.ask = openLogMsg{contact: &c, day: r.Day(), existing: &r}
			return m, nil
		case key.Matches(msg, k.OpenPerson):
			m.ask = openPersonMsg{id: r.ContactID}
			return m, nil
		case key.Matches(msg, k.Remove):
			m.confirmDel = &r
			return m, nil
		case key.Matches(msg, k.Deselect):
			m.cursor = -1
			return m, nil
		}
	}
	switch {
	case key.Matches(msg, k.Remove) && m.has:
		m.confirmDrop = true
		return m, nil
	case key.Matches(msg, k.Edit):
		return m, m.openForm()
	case key.Matches(msg, k.Earlier):
		return m.moveDay(m.day.AddDays(-1))
	case key.Matches(msg, k.Later):
		if !m.day.Before(today) {
			return m, statusCmd(false, "That's today: the days ahead can't be filled in yet.")
		}
		return m.moveDay(m.day.AddDays(1))
	case key.Matches(msg, k.Today):
		return m.moveDay(today)
	case key.Matches(msg, k.Log):
		day := m.day
		m.ask = openLogMsg{day: day}
		return m, nil
	case key.Matches(msg, k.Down):
		m.cursor = min(len(m.reachOuts)-1, m.cursor+1)
		// Near the end of what was read, and the day has more: read on,
		// unless a read for more is on its way.
		if have := len(m.reachOuts); m.cursor >= have-m.readAhead()/4 && have < m.reachTotal && m.reachWant <= have {
			m.reachWant = have + m.readAhead()
			return m, m.load()
		}
	case key.Matches(msg, k.Up):
		m.cursor = max(-1, m.cursor-1)
	}
	return m, nil
}

func (m checkInModel) moveDay(d model.Date) (checkInModel, tea.Cmd) {
	m.day, m.loaded, m.has, m.checkIn = d, false, false, model.CheckIn{}
	m.reachOuts, m.reachTotal, m.reachWant, m.cursor = nil, 0, 0, -1
	return m, m.load()
}

func (m checkInModel) helpKeys() []key.Binding {
	switch {
	case m.form != nil:
		return m.form.helpKeys()
	case m.confirmDel != nil || m.confirmDrop:
		return []key.Binding{m.yesNo.Yes, m.yesNo.No}
	case m.goTo != nil:
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		}
	case m.timeline != nil:
		return []key.Binding{timelineKeys.Older, timelineKeys.Open, goToKey, timelineKeys.Back}
	}
	k := m.keys
	if _, ok := m.selectedReachOut(); ok {
		return []key.Binding{k.OpenReach, k.OpenPerson, k.Remove, k.Deselect, k.Log}
	}
	if m.has {
		return []key.Binding{k.Edit, k.Move, k.Log, removeCheckIn}
	}
	return []key.Binding{k.Edit, k.Move, k.Log}
}

// removeCheckIn is d on a day with a check-in and no reach-out chosen.
var removeCheckIn = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove check-in"))

func (m checkInModel) fullHelpKeys() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Edit, k.Earlier, k.Later, k.Today, timelineToggle, goToKey}, {k.Log, k.Down, k.Up, k.OpenReach, k.OpenPerson, k.Remove, k.Deselect}}
}

func (m checkInModel) view() string {
	s := m.styles
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
	}
	today := model.Today(m.clock)
	if m.form == nil && (m.timeline != nil || m.goTo != nil) {
		return m.withGoTo(w, h)
	}
	var lines []string
	if m.form != nil {
		lines = append(lines, m.form.view())
	} else {
		head := s.Title.Render("Check-in · " + m.day.Time().Format("Monday 2 January 2006"))
		if m.day == today {
			head += s.Muted.Render(" (today)")
		}
		lines = append(lines, head, "")
		switch {
		case m.loadErr != nil:
			lines = append(lines, s.Error.Render(wrap("Could not read this day: "+m.loadErr.Error(), w)))
		case !m.loaded:
			lines = append(lines, s.Muted.Render("Opening the day…"))
		case !m.has && m.day == today:
			lines = append(lines, "Not checked in yet today.", s.Muted.Render(wrap("Press enter to check in. Every question is optional; one answer is enough.", w)))
		case !m.has:
			lines = append(lines, "No check-in for this day.", s.Muted.Render(wrap("Press enter to fill it in now, if you remember.", w)))
		default:
			lines = append(lines, checkInSummary(m.checkIn, s, w)...)
		}
		if m.confirmDrop {
			lines = append(lines, "", s.Prompt.Render(wrap("Remove "+dayRef(m.day, today)+"'s check-in? Its reach-outs stay. y/n", w)))
		}
		if m.confirmDel != nil {
			lines = append(lines, "", s.Prompt.Render(wrap("Remove the "+model.ReachOutWith(m.confirmDel.Channel, oneLine(m.confirmDel.ContactName))+" from "+dayRef(m.day, today)+"? y/n", w)))
		}
	}
	lines = append(lines, "")
	used := strings.Count(strings.Join(lines, "\n"), "\n") + 1
	lines = append(lines, m.reachOutLines(w, h-used, today)...)
	return clip(strings.Join(lines, "\n"), w, h)
}

// reachOutLines is the day's reach-outs in room lines: all of them when
// they fit, else the rows around the cursor and a line saying how many
// more there are below.
func (m checkInModel) reachOutLines(w, room int, today model.Date) []string {
	s := m.styles
	title := "Reach-outs " + dayWords(m.day, today)
	if len(m.reachOuts) == 0 {
		return []string{s.Heading.Render(title), s.Muted.Render(wrap("None logged. l logs one: who you called, texted, met or supported.", w))}
	}
	total := max(m.reachTotal, len(m.reachOuts))
	lines := []string{s.Heading.Render(fmt.Sprintf("%s (%s)", title, model.Thousands(total)))}
	first, last := 0, len(m.reachOuts)
	if rows := room - 2; total > room-1 && rows >= 1 {
		first = max(0, m.cursor-rows+1)
		last = min(len(m.reachOuts), first+rows)
	}
	for i := first; i < last; i++ {
		r := m.reachOuts[i]
		row := r.At.Format("15:04") + "  " + pad(oneLine(r.ContactName), min(24, max(6, w/4))) + "  " +
			pad(r.Channel.Label(), 9) + "  " + r.Direction.Label()
		if r.Helped != model.HelpedUnsaid {
			row += " · helped: " + model.InSentence(r.Helped.Label())
		}
		if r.Note != "" {
			row += " · " + oneLine(r.Note)
		}
		if i == m.cursor && m.form == nil {
			lines = append(lines, s.Selected.Render(truncate("› "+row, w)))
		} else {
			lines = append(lines, truncate("  "+row, w))
		}
	}
	if below := total - last; below > 0 {
		lines = append(lines, s.Prompt.Render(truncate(fmt.Sprintf("↓ %s more below: j", model.Thousands(below)), w)))
	}
	return lines
}

// checkInSummary shows a saved day in a few lines, only what was answered.
// checkInParts are a check-in's answers in a few words each.
func checkInParts(c model.CheckIn) []string {
	var parts []string
	if c.Mood > 0 {
		parts = append(parts, fmt.Sprintf("Mood %d of 5", c.Mood))
	}
	if c.Difficulty != model.DifficultyUnsaid {
		parts = append(parts, c.Difficulty.Label())
	}
	if c.Craving != nil {
		parts = append(parts, fmt.Sprintf("craving %d/10", *c.Craving))
	}
	if c.Meetings != nil {
		parts = append(parts, model.Plural(*c.Meetings, "meeting"))
	}
	if c.SleepHours != nil {
		parts = append(parts, floatText(c.SleepHours)+"h sleep")
	}
	if c.Risky != nil {
		parts = append(parts, "risky situation: "+boolText(c.Risky))
	}
	if c.Used != nil {
		parts = append(parts, "used: "+boolText(c.Used))
	}
	if halt := c.HALT(); len(halt) > 0 {
		parts = append(parts, "HALT: "+strings.Join(halt, ", "))
	}
	return parts
}

func checkInSummary(c model.CheckIn, s *Styles, w int) []string {
	parts := checkInParts(c)
	lines := []string{s.Success.Render("Checked in.") + " " + s.Muted.Render("e to change it.")}
	if len(parts) > 0 {
		lines = append(lines, strings.Split(wrap(strings.Join(parts, " · "), w), "\n")...)
	}
	if c.Gratitude != "" {
		lines = append(lines, strings.Split(wrap("What helped: "+c.Gratitude, w), "\n")...)
	}
	if c.Note != "" {
		lines = append(lines, strings.Split(wrap("Note: "+c.Note, w), "\n")...)
	}
	return lines
}

// withGoTo draws the timeline or the day, with the "go to a day" line
// under it while it is open.
func (m checkInModel) withGoTo(w, h int) string {
	var below []string
	if m.goTo != nil {
		below = append(below, m.goTo.View())
		if m.goToErr != "" {
			below = append(below, m.styles.Error.Render(truncate(m.goToErr, w)))
		}
	}
	bh := max(1, h-len(below))
	var body string
	if m.timeline != nil {
		body = m.timelineView(w, bh)
	} else {
		day := m
		day.goTo = nil
		body = clip(day.view(), w, bh)
	}
	if n := strings.Count(body, "\n") + 1; n < bh {
		body += strings.Repeat("\n", bh-n)
	}
	return strings.Join(append([]string{body}, below...), "\n")
}

// updateGoTo takes a key on the "go to a day" line: enter goes there (in
// the timeline or the day view), esc closes it; a day it cannot read is
// said under it, and what was typed stays.
func (m checkInModel) updateGoTo(msg tea.KeyPressMsg) (checkInModel, tea.Cmd) {
	switch namedKey(msg) {
	case "esc":
		m.goTo, m.goToErr = nil, ""
		return m, nil
	case "enter":
		day, err := model.ParsePastDay(m.goTo.Value(), model.Today(m.clock))
		if err != nil {
			m.goToErr = sentence(err)
			return m, nil
		}
		m.goTo, m.goToErr = nil, ""
		if m.timeline != nil {
			return m, m.showTimeline(day)
		}
		return m.moveDay(day)
	}
	in, cmd := m.goTo.Update(msg)
	m.goTo = &in
	m.goToErr = ""
	return m, cmd
}

// handle and owns put the screen in the table (see screen).
func (m *checkInModel) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.update(msg)
	return cmd
}

func (m *checkInModel) owns(msg tea.Msg) bool {
	switch msg.(type) {
	case checkInDayLoadedMsg, checkInSavedMsg, timelineLoadedMsg:
		return true
	}
	return false
}
