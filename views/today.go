package views

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
)

// todayData is everything Today shows, read in one command.
type todayData struct {
	roster model.Roster    // how many supporters, and who next (the first few ranked)
	recent []model.CheckIn // the last 14 days
	days   []model.Date    // the current run of check-in days, for the streak
	// everCheckedIn tells a new journal from one whose streak has lapsed.
	everCheckedIn bool
	start         model.Date // recovery start; zero when unset
	// reflected is whether this week's reflection has been begun.
	reflected bool
	// remindCheckups and lastCheckups decide the check-up reminder.
	remindCheckups bool
	lastCheckups   map[model.Instrument]model.Date
	firstUse       model.Date
	// reached is today's reach-outs, either way, newest first.
	reached []model.ReachOut
	// weekPeople and weekSupportive are the week so far: people in touch
	// with, and days with someone supportive.
	weekPeople, weekSupportive int
	// plans are the reach-outs planned for today and days gone by, not yet
	// done or dropped.
	plans []model.Plan
	// occasions are birthdays and recovery anniversaries this week.
	occasions []model.Occasion
	// lapses are the days a use was recorded, for the stretches.
	lapses       []model.Date
	sinceLastUse bool
	// quiet is what Today noticed when the network went quiet, shown
	// when quietShown (the setting is on, and not put aside today).
	quiet      model.QuietSign
	quietShown bool
}

type todayLoadedMsg struct {
	data todayData
	err  error
}

// sparkDays is how many days the mood and craving lines cover.
const sparkDays = 14

// todayModel is the landing screen, answering "who did I reach today, and
// who next?" first: the date and days in recovery (with a milestone on the
// day it lands), today's check-in, who was reached today and the week so
// far, reach-outs planned for today, who to reach next (a few, ranked by
// who matters: model.WhoNext), birthdays and recovery anniversaries this
// week, and two weeks of mood and cravings. On a first run it greets the
// person and shows how to add a first supporter.
type todayModel struct {
	st     Store
	clock  model.Clock
	styles *Styles
	keys   todayKeys
	yesNo  confirmKeys

	width, height int
	loaded        bool
	loadErr       error
	data          todayData
	checkedIn     bool
	streak        int
	stretches     model.Stretches
	mood, craving []model.Point // the last sparkDays days

	// items are what the cursor moves over: plans, then who next, then
	// "and N more".
	items  []todayItem
	cursor int
	scroll int // first line on screen, when the page is taller than it
	// follow keeps the cursor's line on screen: set by moving the cursor,
	// cleared by paging, so a short screen opens on the top of the day.
	follow bool

	// The questions a key asks before it acts.
	snoozing    *model.Contact // "not now: back in how many days?"
	confirmRest *model.Contact // "let this rest?"
	confirmDrop *model.Plan    // "drop this plan?"

	startForm *form // setting the recovery start date
	saving    bool
	// asks holds what a key asks of the root (see App.updateActive).
	asks
}

// todayItem is one line the cursor can rest on.
type todayItem struct {
	plan   *model.Plan
	person *model.Contact
	more   bool // "and N more": opens Contacts on everyone due
}

type todayKeys struct {
	listKeys
	Add, CheckIn, Log, Open, Snooze, Rest, Plan, Move, Drop, SetStart, Reflect key.Binding
	NotToday                                                                   key.Binding // puts the quiet-network word aside for the day
}

func newTodayModel(st Store, clock model.Clock, styles *Styles) todayModel {
	return todayModel{st: st, clock: clock, styles: styles, yesNo: newConfirmKeys(), keys: todayKeys{
		listKeys: newListKeys(),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add a supporter")),
		CheckIn:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "check in")),
		Log:      key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Snooze:   key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "not now")),
		Rest:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "let this rest")),
		Plan:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "plan")),
		Move:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move")),
		Drop:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "drop")),
		SetStart: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "recovery date")),
		Reflect:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reflect")),
		NotToday: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not today")),
	}}
}

// The answers of Today's own writes.
// quietDismissedMsg answers putting the quiet-network word aside.
type quietDismissedMsg struct{ err error }

type snoozedMsg struct {
	name  string
	until model.Date
	err   error
}

type restedMsg struct {
	name string
	err  error
}

type planDroppedMsg struct {
	name    string
	dropped model.Plan // for undo
	err     error
}

type planDoneMsg struct {
	reachOut model.ReachOut
	err      error
}

func (m snoozedMsg) writeErr() error        { return m.err }
func (m quietDismissedMsg) writeErr() error { return m.err }
func (m restedMsg) writeErr() error         { return m.err }
func (m planDroppedMsg) writeErr() error    { return m.err }
func (m planDoneMsg) writeErr() error       { return m.err }

// showDueMsg asks the root to show Contacts with only the people due.
type showDueMsg struct{}

// snoozeDays is "not now" when the person presses enter at the question.
const snoozeDays = 3

// load reads what Today shows, everyone due included.
func (m todayModel) load() tea.Cmd { return m.read(0) }

func (m todayModel) read(firstDue int) tea.Cmd {
	return readToday(m.st, model.Today(m.clock), firstDue)
}

// readToday reads what Today shows on day today: who next is cut to the
// number the settings say, when firstDue is 0 (see Store.Roster).
func readToday(st Store, today model.Date, firstDue int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		var d todayData
		settings, err := st.Settings(ctx)
		if err != nil {
			return todayLoadedMsg{err: err}
		}
		d.remindCheckups, d.sinceLastUse = settings.CheckupReminders, settings.SinceLastUse
		if firstDue <= 0 {
			firstDue = settings.WhoNextCount()
		}
		if d.roster, err = st.Roster(ctx, today, firstDue); err != nil {
			return todayLoadedMsg{err: err}
		}
		if d.recent, err = st.CheckIns(ctx, today.AddDays(1-sparkDays), today); err != nil {
			return todayLoadedMsg{err: err}
		}
		if d.days, d.everCheckedIn, err = st.StreakDays(ctx, today); err != nil {
			return todayLoadedMsg{err: err}
		}
		if d.start, err = st.RecoveryStart(ctx); err != nil {
			return todayLoadedMsg{err: err}
		}
		r, _, err := st.Reflection(ctx, model.WeekOf(today))
		if err != nil {
			return todayLoadedMsg{err: err}
		}
		d.reflected = r.Begun()
		if d.remindCheckups {
			if d.lastCheckups, err = st.LastCheckups(ctx); err != nil {
				return todayLoadedMsg{err: err}
			}
			if d.firstUse, err = st.FirstUse(ctx); err != nil {
				return todayLoadedMsg{err: err}
			}
		}
		if d.reached, err = st.ReachOutsBetween(ctx, today, today); err != nil {
			return todayLoadedMsg{err: err}
		}
		slices.Reverse(d.reached) // newest first
		if d.weekPeople, d.weekSupportive, err = st.WeekGlance(ctx, model.WeekOf(today).Monday(), today); err != nil {
			return todayLoadedMsg{err: err}
		}
		if d.plans, err = st.PlansBetween(ctx, model.Date{}, today); err != nil {
			return todayLoadedMsg{err: err}
		}
		if d.occasions, err = st.Occasions(ctx, today, 7); err != nil {
			return todayLoadedMsg{err: err}
		}
		if settings.QuietNotice {
			f, err := st.QuietFacts(ctx, today)
			if err != nil {
				return todayLoadedMsg{err: err}
			}
			f.LonelyDays = model.LonelyRun(d.recent, today)
			d.quiet, d.quietShown = model.QuietSigns(f, today, settings.QuietAfter())
		}
		d.lapses, err = st.LapseDays(ctx)
		return todayLoadedMsg{data: d, err: err}
	}
}

// capturing: the start form, or a question waiting for its answer (a
// digit for "not now" must not switch screens).
func (m todayModel) capturing() bool {
	return m.startForm != nil || m.question() != ""
}
func (m todayModel) dirty() bool { return m.startForm != nil && m.startForm.dirty() }

func (m *todayModel) setSize(w, h int) {
	m.width, m.height = w, h
	if m.startForm != nil {
		m.startForm.setSize(w, h)
	}
}

func (m todayModel) selected() (todayItem, bool) {
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return todayItem{}, false
	}
	return m.items[m.cursor], true
}

// selectedPerson is the person the cursor is on: who next, or a plan's.
func (m todayModel) selectedPerson() (model.Contact, bool) {
	it, ok := m.selected()
	switch {
	case !ok:
		return model.Contact{}, false
	case it.person != nil:
		return *it.person, true
	case it.plan != nil:
		return model.Contact{ID: it.plan.ContactID, Name: it.plan.ContactName}, true
	}
	return model.Contact{}, false
}

func (m todayModel) update(msg tea.Msg) (todayModel, tea.Cmd) {
	switch msg := msg.(type) {
	case todayLoadedMsg:
		m.loaded, m.loadErr = true, msg.err
		if msg.err != nil {
			return m, nil
		}
		today := model.Today(m.clock)
		m.data = msg.data
		m.items = m.items[:0]
		for i := range m.data.plans {
			m.items = append(m.items, todayItem{plan: &m.data.plans[i]})
		}
		for i := range m.data.roster.Due {
			m.items = append(m.items, todayItem{person: &m.data.roster.Due[i]})
		}
		if m.data.roster.DueCount > len(m.data.roster.Due) {
			m.items = append(m.items, todayItem{more: true})
		}
		m.cursor = max(0, min(m.cursor, len(m.items)-1))
		m.checkedIn = false
		for _, c := range msg.data.recent {
			if c.Day == today {
				m.checkedIn = true
			}
		}
		// Derived once per load, not on every redraw.
		m.streak = model.Streak(msg.data.days, today)
		m.stretches = model.StretchesOf(m.data.start, m.data.lapses, today)
		m.mood = model.DailySeries(msg.data.recent, today, sparkDays, model.MoodOf)
		m.craving = model.DailySeries(msg.data.recent, today, sparkDays, model.CravingOf)
		return m, nil
	case recoveryStartSavedMsg:
		m.saving = false
		if msg.err != nil {
			if m.startForm != nil {
				m.startForm.fail(msg.err)
			}
			return m, nil
		}
		m.startForm = nil
		if msg.start.IsZero() {
			return m, statusCmd(false, "Recovery start date cleared.")
		}
		return m, statusCmd(false, "Recovery start date set to "+msg.start.Human()+".")
	case quietDismissedMsg:
		if msg.err != nil {
			m.data.quietShown = true
			return m, statusCmd(true, "Could not put that aside: "+msg.err.Error())
		}
		return m, statusCmd(false, "Put aside for today.")
	case snoozedMsg:
		if msg.err != nil {
			return m, statusCmd(true, "Could not set "+oneLine(msg.name)+" aside: "+msg.err.Error())
		}
		return m, statusCmd(false, "Not now: "+oneLine(msg.name)+" is back in who next on "+msg.until.Human()+".")
	case restedMsg:
		if msg.err != nil {
			return m, statusCmd(true, "Could not change "+oneLine(msg.name)+"'s rhythm: "+msg.err.Error())
		}
		return m, statusCmd(false, "Letting it rest: "+oneLine(msg.name)+" stays in your network without a rhythm. x on Contacts resumes it.")
	case planDroppedMsg:
		if msg.err != nil {
			return m, statusCmd(true, "Could not drop the plan: "+msg.err.Error())
		}
		return m, statusCmd(false, "Dropped the plan with "+oneLine(msg.name)+".")
	case planDoneMsg:
		if msg.err != nil {
			return m, statusCmd(true, "Could not log it: "+msg.err.Error())
		}
		return m, statusCmd(false, loggedSentence(msg.reachOut, false))
	case tea.PasteMsg:
		if m.startForm != nil && !m.saving {
			_, cmd := m.startForm.update(msg)
			return m, cmd
		}
	case tea.KeyPressMsg:
		if m.startForm != nil {
			return m.updateStartForm(msg)
		}
		if asked, cmd, ok := m.answer(msg); ok {
			return asked, cmd
		}
		return m.updateKey(msg)
	}
	return m, nil
}

// answer takes the key that answers a question Today asked; ok is false
// when none is asked.
func (m todayModel) answer(msg tea.KeyPressMsg) (todayModel, tea.Cmd, bool) {
	switch {
	case m.snoozing != nil:
		c := *m.snoozing
		days := 0
		if r := typed(msg); len(r) == 1 && r[0] >= '1' && r[0] <= '9' {
			days = int(r[0] - '0')
		} else if namedKey(msg) == "enter" {
			days = snoozeDays
		}
		m.snoozing = nil
		if days == 0 {
			return m, nil, true // esc, or anything else: nothing changes
		}
		until := model.Today(m.clock).AddDays(days)
		st := m.st
		return m, persist(func() tea.Msg {
			return snoozedMsg{name: c.Name, until: until, err: st.Snooze(context.Background(), c.ID, until)}
		}), true
	case m.confirmRest != nil:
		c := *m.confirmRest
		if key.Matches(msg, m.yesNo.Yes) {
			m.confirmRest = nil
			st := m.st
			return m, persist(func() tea.Msg {
				return restedMsg{name: c.Name, err: st.SetResting(context.Background(), c.ID, true)}
			}), true
		}
		if key.Matches(msg, m.yesNo.No) {
			m.confirmRest = nil
		}
		return m, nil, true
	case m.confirmDrop != nil:
		p := *m.confirmDrop
		if key.Matches(msg, m.yesNo.Yes) {
			m.confirmDrop = nil
			st := m.st
			return m, persist(func() tea.Msg {
				return planDroppedMsg{name: p.ContactName, dropped: p, err: st.DropPlan(context.Background(), p.ID)}
			}), true
		}
		if key.Matches(msg, m.yesNo.No) {
			m.confirmDrop = nil
		}
		return m, nil, true
	}
	return m, nil, false
}

func (m todayModel) updateKey(msg tea.KeyPressMsg) (todayModel, tea.Cmd) {
	k := m.keys
	it, ok := m.selected()
	switch {
	case key.Matches(msg, k.NotToday) && m.data.quietShown:
		// Gone at once; the day is kept so it stays gone until tomorrow.
		m.data.quietShown = false
		st, today := m.st, model.Today(m.clock)
		return m, persist(func() tea.Msg {
			return quietDismissedMsg{err: st.DismissQuiet(context.Background(), today)}
		})
	case key.Matches(msg, k.Add):
		m.ask = switchToAddContactMsg{}
	case key.Matches(msg, k.CheckIn):
		m.ask = switchToCheckInMsg{}
	case key.Matches(msg, k.Log):
		switch {
		case ok && it.plan != nil:
			// Done as planned: logged now, with the plan's channel and note.
			p, st, now := *it.plan, m.st, m.clock.Now()
			return m, persist(func() tea.Msg {
				r, err := st.PlanDone(context.Background(), p.ID, now)
				return planDoneMsg{reachOut: r, err: err}
			})
		case ok && it.person != nil:
			c := *it.person
			m.ask = openLogMsg{contact: &c}
		default:
			m.ask = openLogMsg{}
		}
	case key.Matches(msg, k.Open):
		switch {
		case ok && it.more:
			m.ask = showDueMsg{}
		case ok:
			if c, ok := m.selectedPerson(); ok {
				m.ask = jumpToContactMsg{id: c.ID}
			}
		}
	case key.Matches(msg, k.Snooze) && ok && it.person != nil:
		c := *it.person
		m.snoozing = &c
	case key.Matches(msg, k.Rest) && ok && it.person != nil:
		c := *it.person
		m.confirmRest = &c
	case key.Matches(msg, k.Plan):
		if c, ok := m.selectedPerson(); ok {
			m.ask = openPlanMsg{contact: c}
		}
	case key.Matches(msg, k.Move) && ok && it.plan != nil:
		p := *it.plan
		m.ask = openPlanMsg{contact: model.Contact{ID: p.ContactID, Name: p.ContactName}, existing: &p}
	case key.Matches(msg, k.Drop) && ok && it.plan != nil:
		p := *it.plan
		m.confirmDrop = &p
	case key.Matches(msg, k.Reflect):
		m.ask = switchToReflectionMsg{}
	case key.Matches(msg, k.SetStart):
		m.startForm = m.newStartForm()
		return m, m.startForm.focusField(0)
	case key.Matches(msg, k.Up):
		m.cursor, m.follow = max(0, m.cursor-1), true
	case key.Matches(msg, k.Down):
		m.cursor, m.follow = max(0, min(len(m.items)-1, m.cursor+1)), true
	case key.Matches(msg, k.Top):
		m.cursor, m.scroll, m.follow = 0, 0, false
	case key.Matches(msg, k.Bottom):
		m.cursor, m.follow = max(0, len(m.items)-1), true
	case key.Matches(msg, k.PageDown):
		m.scroll, m.follow = m.scroll+max(1, m.height-2), false
	case key.Matches(msg, k.PageUp):
		m.scroll, m.follow = max(0, m.scroll-max(1, m.height-2)), false
	}
	return m, nil
}

func (m todayModel) newStartForm() *form {
	today := model.Today(m.clock)
	var f *form
	f = newForm("Your recovery start date", m.styles, []*field{
		textField("recovery_start", "Start date", "YYYY-MM-DD; the day counts as day 0. Leave blank to stop counting. Any lapse never resets what you learned.", m.data.start.String(), "YYYY-MM-DD"),
	}, func() model.Problems {
		if f == nil {
			return nil
		}
		_, p := parseStart(f.field("recovery_start").value(), today)
		return p
	})
	f.enterSaves = true
	f.setSize(m.width, m.height)
	return f
}

func parseStart(text string, today model.Date) (model.Date, model.Problems) {
	d, err := model.ParseDate(text)
	switch {
	case err != nil:
		return d, model.Problems{"recovery_start": sentence(err)}
	case d.After(today):
		return d, model.Problems{"recovery_start": "That date is in the future."}
	}
	return d, model.Problems{}
}

func (m todayModel) updateStartForm(msg tea.KeyPressMsg) (todayModel, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	action, cmd := m.startForm.update(msg)
	switch action {
	case formCancel:
		m.startForm = nil
	case formSave:
		d, p := parseStart(m.startForm.field("recovery_start").value(), model.Today(m.clock))
		if len(p) > 0 {
			m.startForm.fail(p)
			return m, nil
		}
		m.saving = true
		st := m.st
		return m, persist(func() tea.Msg {
			return recoveryStartSavedMsg{start: d, err: st.SetRecoveryStart(context.Background(), d)}
		})
	}
	return m, cmd
}

func (m todayModel) helpKeys() []key.Binding {
	k := m.keys
	switch {
	case m.startForm != nil:
		return m.startForm.helpKeys()
	case m.snoozing != nil:
		return []key.Binding{
			key.NewBinding(key.WithKeys("1"), key.WithHelp("1–9", "days")),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", fmt.Sprintf("%d days", snoozeDays))),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep them")),
		}
	case m.confirmRest != nil || m.confirmDrop != nil:
		return []key.Binding{m.yesNo.Yes, m.yesNo.No}
	case m.loaded && m.data.roster.Active == 0:
		return []key.Binding{k.Add, k.CheckIn}
	}
	ks := []key.Binding{k.CheckIn, k.Log}
	if it, ok := m.selected(); ok {
		switch {
		case it.plan != nil:
			ks = []key.Binding{k.CheckIn, key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "done")), k.Move, k.Drop}
		case it.person != nil:
			// x (let this rest) and enter are in the full help (?): the
			// line must keep room for ? and q.
			ks = append(ks, k.Snooze, k.Plan)
		case it.more:
			ks = append(ks, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "everyone due")))
		}
	}
	if m.reflectionDue(model.Today(m.clock)) {
		ks = append(ks, k.Reflect)
	}
	return ks
}

func (m todayModel) fullHelpKeys() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.CheckIn, k.Log, k.Open, k.Reflect, k.SetStart, k.Add},
		{k.Snooze, k.Rest, k.Plan, k.Move, k.Drop},
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
	}
}

// wideToday is the width from which Today sets the day and the week
// beside who next and the dates.
const wideToday = 120

func (m todayModel) view() string {
	s := m.styles
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
	}
	if m.startForm != nil {
		return m.startForm.view()
	}
	today := model.Today(m.clock)
	head := s.Title.Render(m.clock.Now().Format("Monday 2 January 2006"))
	if n, ok := model.DaysInRecovery(m.data.start, today); ok {
		head += s.Muted.Render(" · ") + s.Success.Render(model.Plural(n, "day")+" in recovery")
	}
	lines := []string{truncate(head, w)}
	if q := m.question(); q != "" {
		lines = append(lines, strings.Split(s.Prompt.Render(wrap(q, w)), "\n")...)
	}
	var body []string
	cursorAt := -1 // the line the cursor is on, kept on screen
	switch {
	case m.loadErr != nil:
		body = screenLines([]string{s.Error.Render(wrap("Could not read your journal: "+m.loadErr.Error(), w))})
	case !m.loaded:
		body = []string{s.Muted.Render("Opening your journal…")}
	case m.data.roster.Active == 0 && !m.data.everCheckedIn:
		body = screenLines(m.welcome(w))
	case w >= wideToday:
		left, right := w/2-1, w-w/2-1
		next, at := m.nextLines(today, right)
		a := strings.Join(append(m.dayLines(today, left), m.laterLines(today, left)...), "\n")
		body = strings.Split(lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(left).Render(a), "  ", strings.Join(next, "\n")), "\n")
		if at >= 0 {
			cursorAt = len(lines) + at
		}
	default:
		day := m.dayLines(today, w)
		next, at := m.nextLines(today, w)
		body = append(append(day, next...), "")
		body = append(body, m.laterLines(today, w)...)
		if at >= 0 {
			cursorAt = len(lines) + len(day) + at
		}
	}
	lines = append(lines, body...)
	return m.fit(lines, w, h, cursorAt)
}

// question is what Today asks before a key acts, "" when nothing is asked.
func (m todayModel) question() string {
	switch {
	case m.snoozing != nil:
		return fmt.Sprintf("Not now: back in who next in how many days? 1–9 (enter: %d, esc: keep %s).", snoozeDays, oneLine(m.snoozing.Name))
	case m.confirmRest != nil:
		return "Let " + oneLine(m.confirmRest.Name) + "'s rhythm rest? They stay in your network; x on Contacts resumes it. y/n"
	case m.confirmDrop != nil:
		return "Drop the plan with " + oneLine(m.confirmDrop.ContactName) + "? y/n"
	}
	return ""
}

// fit shows the page from its scroll position, keeping the cursor's line
// on screen; a page taller than the screen ends in a "more below" line.
func (m todayModel) fit(lines []string, w, h, cursorAt int) string {
	if len(lines) <= h {
		return clip(strings.Join(lines, "\n"), w, h)
	}
	scroll := max(0, min(m.scroll, len(lines)-h))
	switch {
	case cursorAt < 0 || !m.follow:
	case cursorAt < scroll:
		scroll = cursorAt
	case cursorAt >= scroll+h-1: // the last line may be "more below"
		scroll = min(cursorAt-(h-2), len(lines)-h)
	}
	view := lines[scroll:min(len(lines), scroll+h)]
	if scroll+h < len(lines) {
		view[len(view)-1] = m.styles.Muted.Render(truncate("↓ more below: pgdn", w))
	}
	return clip(strings.Join(view, "\n"), w, h)
}

func (m todayModel) welcome(w int) []string {
	s := m.styles
	return []string{
		"",
		s.Heading.Render("Welcome to Tether."),
		"",
		wrap("This is a quiet place to keep the people who support your recovery, and to notice who you reach out to. It stays on this computer, for your eyes only.", w),
		"",
		wrap("A good first step: add one person you could call or text, such as a sponsor, a friend, a counsellor or a meeting you go to.", w),
		"",
		"Press " + s.Heading.Render("a") + " to add your first supporter.",
		"",
		s.Muted.Render(wrap("Any time it gets hard, ! shows the people you can call.", w)),
	}
}

// quietWords are the quiet-network word: what was noticed, one person to
// reach (the first of who next who does not support using), and how to
// put it aside.
func (m todayModel) quietWords() string {
	words := m.data.quiet.Noticed
	for _, c := range m.data.roster.Due {
		if c.Stance == model.StanceSupportsUsing {
			continue
		}
		who := oneLine(c.DisplayName()) + " might be glad to hear from you"
		if p := strings.TrimSpace(c.Phone); p != "" {
			who += ": " + oneLine(p)
		}
		words += " " + who + "."
		break
	}
	return words + " (n: not today)"
}

// dayLines are the day: a milestone, the check-in, the stretches, who was
// reached today, the week so far and the network.
func (m todayModel) dayLines(today model.Date, w int) []string {
	s := m.styles
	var lines []string
	if words, ok := model.Milestone(m.data.start, today); ok {
		lines = append(lines, s.Success.Render(wrap("Today marks "+words+" in recovery. However today goes, it counts.", w)))
	}
	check := "Not checked in yet today. " + s.Muted.Render("c takes a minute.")
	if m.checkedIn {
		check = s.Success.Render("Checked in today.") + s.Muted.Render(" c to look again.")
	}
	lines = append(lines, wrap(check, w))
	if m.streak > 0 {
		lines = append(lines, wrap(fmt.Sprintf("Streak: %s of check-ins in a row.", model.Plural(m.streak, "day")), w))
	}
	if st := m.stretches; st.Current >= 0 {
		words := fmt.Sprintf("Longest stretch: %s.", model.Plural(st.Longest, "day"))
		if len(st.Before) > 0 {
			var runs []string
			for _, n := range st.Before {
				runs = append(runs, strconv.Itoa(n))
			}
			words += " Stretches before each recorded use: " + strings.Join(runs, ", ") + " days."
		}
		if m.data.sinceLastUse {
			words += " " + model.Plural(st.SinceLast, "day") + " since the last."
		}
		lines = append(lines, s.Muted.Render(wrap(words, w)))
	}
	if m.data.quietShown {
		lines = append(lines, s.Prompt.Render(wrapKeepingNumbers(m.quietWords(), w)))
	}
	lines = append(lines, "")

	lines = append(lines, s.Heading.Render(fmt.Sprintf("Reached today (%d)", len(m.data.reached))))
	if len(m.data.reached) == 0 {
		lines = append(lines, s.Muted.Render(wrap("Nobody yet today. A call or a text to anyone counts: l logs it.", w)))
	}
	for i, r := range m.data.reached {
		if i == 4 && len(m.data.reached) > 5 {
			lines = append(lines, s.Muted.Render(fmt.Sprintf("  and %d more on Check-in (3)", len(m.data.reached)-4)))
			break
		}
		lines = append(lines, truncate("  "+r.At.Format("15:04")+"  "+reachedWords(r), w))
	}
	lines = append(lines, s.Muted.Render(wrap(fmt.Sprintf("This week: in touch with %s; supportive contact on %d of %s so far.",
		model.Plural(m.data.weekPeople, "person"), m.data.weekSupportive, model.Plural(int(today.Time().Weekday()+6)%7+1, "day")), w)))
	if r := m.data.roster; r.Active > 0 {
		lines = append(lines, wrap(fmt.Sprintf("Your network: %s, %d you can call any time.", model.Plural(r.Active, "supporter"), r.AnyTime), w))
	}
	return screenLines(append(lines, ""))
}

// screenLines splits entries holding wrapped text into screen lines.
func screenLines(entries []string) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, strings.Split(e, "\n")...)
	}
	return out
}

// laterLines are the gentle reminders, and two weeks of mood and cravings:
// the last of the page, cut first on a short screen.
func (m todayModel) laterLines(today model.Date, w int) []string {
	s := m.styles
	var lines, notes []string
	if m.data.start.IsZero() {
		notes = append(notes, "s sets your recovery start date, to count the days.")
	}
	if d := m.dueCheckup(today); d != "" {
		notes = append(notes, d)
	}
	if m.reflectionDue(today) {
		notes = append(notes, "This week's reflection is waiting, when you have ten quiet minutes: press r.")
	}
	for _, n := range notes {
		lines = append(lines, s.Warning.Render(wrap(n, w)))
	}
	if len(notes) > 0 {
		lines = append(lines, "")
	}
	lines = append(lines,
		truncate(s.Label.Render("Mood    ")+" "+sparkline(m.mood, 1, 5)+s.Muted.Render("  last 14 days, · = no answer"), w),
		truncate(s.Label.Render("Craving ")+" "+sparkline(m.craving, 0, model.MaxCraving), w))
	return screenLines(lines)
}

// reachedWords is one of today's reach-outs: "You called Maria Santos",
// "Denise Okafor reached you (text)".
func reachedWords(r model.ReachOut) string {
	name, how := oneLine(r.ContactName), model.InSentence(r.Channel.Label())
	switch r.Direction {
	case model.DirectionTheirs:
		return name + " reached you (" + how + ")"
	case model.DirectionSupported:
		return "You supported " + name + " (" + how + ")"
	}
	return "You reached " + name + " (" + how + ")"
}

// nextLines are what is ahead: plans, who next, and the week's dates;
// cursorAt is the line of the cursor's item (-1 when it has none).
func (m todayModel) nextLines(today model.Date, w int) (lines []string, cursorAt int) {
	s := m.styles
	cursorAt = -1
	item := 0
	// add puts text on the page a screen line at a time (a wrapped
	// sentence is several), so that cursorAt counts screen lines.
	add := func(texts ...string) {
		for _, t := range texts {
			lines = append(lines, strings.Split(t, "\n")...)
		}
	}
	row := func(text string) string {
		defer func() { item++ }()
		if item == m.cursor {
			cursorAt = len(lines)
			return s.Selected.Render(truncate("› "+text, w))
		}
		return truncate("  "+text, w)
	}
	if len(m.data.plans) > 0 {
		add(s.Heading.Render("Planned"))
		for _, p := range m.data.plans {
			text := model.InSentence(p.Channel.Label()) + " " + oneLine(p.ContactName)
			if p.Day != today {
				text += " (planned " + p.When(today) + ")"
			} else if p.Time != "" {
				text = p.Time + " " + text
			}
			if p.Note != "" {
				text += " — " + oneLine(p.Note)
			}
			add(row(text))
		}
		add("")
	}
	r := m.data.roster
	switch {
	case r.Active == 0:
		add("No supporters yet. Press " + s.Heading.Render("a") + " to add your first.")
	case r.DueCount == 0:
		add(s.Heading.Render("Nobody is due a reach-out."),
			s.Muted.Render(wrap("Reaching out anyway is always welcome: l logs it.", w)))
	default:
		title := "Who next"
		if r.DueCount > len(r.Due) {
			title += fmt.Sprintf(" (%d of %d due)", len(r.Due), r.DueCount)
		}
		add(s.Heading.Render(title))
		phoneW := 0 // the widest number: every row's columns line up
		for _, c := range r.Due {
			phoneW = max(phoneW, lipgloss.Width(oneLine(c.Phone)))
		}
		for _, c := range r.Due {
			add(row(whoNextLine(c, today, w-2, phoneW)))
		}
		if r.DueCount > len(r.Due) {
			add(row(fmt.Sprintf("and %d more: enter shows everyone due", r.DueCount-len(r.Due))))
		}
	}
	if len(m.data.occasions) > 0 {
		add("", s.Heading.Render("This week"))
		for _, o := range m.data.occasions {
			when := "today"
			if o.On != today {
				when = o.On.Time().Format("Monday")
			}
			add(truncate("  "+oneLine(o.Contact.Name)+": "+o.What+", "+when, w))
		}
	}
	return lines, cursorAt
}

// reflectionDue is true from Friday to Sunday while this week's reflection
// is not begun: late enough in the week to have something to look back on.
func (m todayModel) reflectionDue(today model.Date) bool {
	wd := today.Time().Weekday()
	return !m.data.reflected && (wd == time.Friday || wd == time.Saturday || wd == time.Sunday)
}

// dueCheckup is the gentle reminder of a check-up that is due, or "" when
// none is (or the person turned reminders off in Settings).
func (m todayModel) dueCheckup(today model.Date) string {
	if !m.data.remindCheckups {
		return ""
	}
	i, ok := model.CheckupReminder(m.data.lastCheckups, m.data.firstUse, today)
	if !ok {
		return ""
	}
	info, _ := i.Info()
	return "A check-up (" + info.Name + ") is due if you'd like one: u on Network. Settings (S) can turn these reminders off."
}

// handle and owns put the screen in the table (see screen).
func (m *todayModel) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.update(msg)
	return cmd
}

func (m *todayModel) owns(msg tea.Msg) bool {
	switch msg.(type) {
	case todayLoadedMsg, recoveryStartSavedMsg, snoozedMsg, restedMsg, planDroppedMsg, planDoneMsg, quietDismissedMsg:
		return true
	}
	return false
}

// whoNextLine is one person of who next in w columns: their name, how due
// they are, and their phone (phoneW is the widest of the list's). On a hard night the number to call matters
// most, so it stays on the line whatever the width (the column beside the
// day at 120 and more included; under about 50 columns it takes the place
// of "how due"); the circle only goes in where there is room, and a name
// is cut before the number is.
func whoNextLine(c model.Contact, today model.Date, w, phoneW int) string {
	const wordsW, circleW, nameMax, nameMin = 18, 11, 24, 8
	phone := oneLine(c.Phone)
	if phoneW > 0 {
		phoneW++ // and the space before it
	}
	room := w - wordsW - 1 - phoneW // for the name, and the circle if it fits
	if room < nameMin && phone != "" && w-phoneW >= nameMin {
		// Too narrow for all three: the name and the number, not how due.
		return pad(oneLine(c.Name), min(nameMax, w-phoneW)) + " " + phone
	}
	if room < nameMin {
		phone, room = "", w-wordsW-1
	}
	var line string
	if room-circleW-1 >= nameMin+4 {
		line = pad(oneLine(c.Name), min(nameMax, room-circleW-1)) + " " + pad(c.Circle.Short(), circleW)
	} else {
		line = pad(oneLine(c.Name), max(1, min(nameMax, room)))
	}
	words := c.Due(today).Words()
	if phone != "" {
		words = pad(words, wordsW) + " " + phone
	}
	return line + " " + words
}
