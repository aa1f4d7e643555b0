package views

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// todayData is everything Today shows, read in one command.
type todayData struct {
	roster model.Roster    // how many supporters, and who is due
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
}

type todayLoadedMsg struct {
	data todayData
	err  error
}

// sparkDays is how many days the mood and craving lines cover.
const sparkDays = 14

// todayModel is the landing screen: the date, days in recovery, whether
// today's check-in is done, the streak, who is due a reach-out (most
// overdue first, l to log), and two weeks of mood and cravings. On a first
// run it greets the person and shows how to add a first supporter.
type todayModel struct {
	st     Store
	clock  model.Clock
	styles *Styles
	keys   todayKeys

	width, height int
	loaded        bool
	loadErr       error
	data          todayData
	due           []model.Contact
	checkedIn     bool
	streak        int
	mood, craving []model.Point // the last sparkDays days
	cursor        int

	startForm *form // setting the recovery start date
	saving    bool
	// asks holds what a key asks of the root (see App.updateActive).
	asks
}

type todayKeys struct {
	listKeys
	Add, CheckIn, Log, SetStart, Reflect key.Binding
}

func newTodayModel(st Store, clock model.Clock, styles *Styles) todayModel {
	return todayModel{st: st, clock: clock, styles: styles, keys: todayKeys{
		listKeys: newListKeys(),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add a supporter")),
		CheckIn:  key.NewBinding(key.WithKeys("c", "enter"), key.WithHelp("c", "check in")),
		Log:      key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log")),
		SetStart: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "recovery date")),
		Reflect:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reflect")),
	}}
}

// load reads what Today shows, everyone due included.
func (m todayModel) load() tea.Cmd { return m.read(0) }

func (m todayModel) read(firstDue int) tea.Cmd {
	return readToday(m.st, model.Today(m.clock), firstDue)
}

// readToday reads what Today shows on day today, only the first firstDue
// of the due when above 0 (see Store.Roster).
func readToday(st Store, today model.Date, firstDue int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		var d todayData
		var err error
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
		settings, err := st.Settings(ctx)
		if err != nil {
			return todayLoadedMsg{err: err}
		}
		d.remindCheckups = settings.CheckupReminders
		d.lastCheckups, err = st.LastCheckups(ctx)
		return todayLoadedMsg{data: d, err: err}
	}
}

func (m todayModel) capturing() bool { return m.startForm != nil }
func (m todayModel) dirty() bool     { return m.startForm != nil && m.startForm.dirty() }

func (m *todayModel) setSize(w, h int) {
	m.width, m.height = w, h
	if m.startForm != nil {
		m.startForm.setSize(w, h)
	}
}

func (m todayModel) selected() (model.Contact, bool) {
	if m.cursor < 0 || m.cursor >= len(m.due) {
		return model.Contact{}, false
	}
	return m.due[m.cursor], true
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
		m.due = msg.data.roster.Due
		m.cursor = max(0, min(m.cursor, len(m.due)-1))
		m.checkedIn = false
		for _, c := range msg.data.recent {
			if c.Day == today {
				m.checkedIn = true
			}
		}
		// Derived once per load, not on every redraw.
		m.streak = model.Streak(msg.data.days, today)
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
	case tea.PasteMsg:
		if m.startForm != nil && !m.saving {
			_, cmd := m.startForm.update(msg)
			return m, cmd
		}
	case tea.KeyPressMsg:
		if m.startForm != nil {
			return m.updateStartForm(msg)
		}
		k := m.keys
		switch {
		case key.Matches(msg, k.Add):
			m.ask = switchToAddContactMsg{}
			return m, nil
		case key.Matches(msg, k.CheckIn):
			m.ask = switchToCheckInMsg{}
			return m, nil
		case key.Matches(msg, k.Log):
			if c, ok := m.selected(); ok {
				m.ask = openLogMsg{contact: &c}
				return m, nil
			}
			m.ask = openLogMsg{}
			return m, nil
		case key.Matches(msg, k.Reflect):
			m.ask = switchToReflectionMsg{}
			return m, nil
		case key.Matches(msg, k.SetStart):
			m.startForm = m.newStartForm()
			return m, m.startForm.focusField(0)
		case key.Matches(msg, k.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, k.Down):
			m.cursor = max(0, min(len(m.due)-1, m.cursor+1))
		case key.Matches(msg, k.Top):
			m.cursor = 0
		case key.Matches(msg, k.Bottom):
			m.cursor = max(0, len(m.due)-1)
		}
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
	if m.startForm != nil {
		return m.startForm.helpKeys()
	}
	if m.loaded && m.data.roster.Active == 0 {
		return []key.Binding{m.keys.Add, m.keys.CheckIn}
	}
	ks := []key.Binding{m.keys.CheckIn}
	if len(m.due) > 0 {
		ks = append(ks, m.keys.Log)
	}
	if m.reflectionDue(model.Today(m.clock)) {
		ks = append(ks, m.keys.Reflect)
	}
	return append(ks, m.keys.SetStart)
}

func (m todayModel) fullHelpKeys() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.CheckIn, k.Log, k.Reflect, k.SetStart, k.Add}, {k.Up, k.Down, k.Top, k.Bottom}}
}

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
		head += s.Muted.Render(" · ") + s.Success.Render(plural(n, "day")+" in recovery")
	}
	lines := []string{head, ""}
	switch {
	case m.loadErr != nil:
		lines = append(lines, s.Error.Render(wrap("Could not read your journal: "+m.loadErr.Error(), w)))
	case !m.loaded:
		lines = append(lines, s.Muted.Render("Opening your journal…"))
	case m.data.roster.Active == 0 && !m.data.everCheckedIn:
		lines = append(lines, m.welcome(w)...)
	default:
		lines = append(lines, m.dayLines(today, w, len(lines))...)
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

func (m todayModel) welcome(w int) []string {
	s := m.styles
	return []string{
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

// dayLines is the day's screen below the first above lines, which count
// against the room the due list has.
func (m todayModel) dayLines(today model.Date, w, above int) []string {
	s := m.styles
	var lines []string
	if m.checkedIn {
		lines = append(lines, s.Success.Render("Checked in today.")+s.Muted.Render(" c to look again or change it."))
	} else {
		lines = append(lines, "Not checked in yet today. "+s.Muted.Render("Press c; it takes a minute."))
	}
	if m.streak > 0 {
		lines = append(lines, fmt.Sprintf("Streak: %s of check-ins in a row.", plural(m.streak, "day")))
	}
	if r := m.data.roster; r.Active > 0 {
		lines = append(lines, fmt.Sprintf("Your network: %s, %d you can call any time.", plural(r.Active, "supporter"), r.AnyTime))
	}
	if m.data.start.IsZero() {
		lines = append(lines, s.Muted.Render(truncate("s sets your recovery start date, to count the days.", w)))
	}
	if d := m.dueCheckup(today); d != "" {
		lines = append(lines, s.Warning.Render(truncate(d, w)))
	}
	if m.reflectionDue(today) {
		lines = append(lines, s.Warning.Render(truncate("This week's reflection is waiting, when you have ten quiet minutes: press r.", w)))
	}
	lines = append(lines, "")

	lines = append(lines,
		s.Label.Render("Mood    ")+" "+sparkline(m.mood, 1, 5)+s.Muted.Render("  last 14 days, · = no answer"),
		s.Label.Render("Craving ")+" "+sparkline(m.craving, 0, model.MaxCraving),
		"")

	if m.data.roster.Active == 0 {
		lines = append(lines, "No supporters yet. Press "+s.Heading.Render("a")+" to add your first.")
		return lines
	}
	if len(m.due) == 0 {
		lines = append(lines, s.Heading.Render("Nobody is due a reach-out."), s.Muted.Render(wrap("Reaching out when nobody is due counts double. l logs one.", w)))
		return lines
	}
	lines = append(lines, s.Heading.Render(fmt.Sprintf("Due a reach-out (%d)", m.data.roster.DueCount)))
	rows := max(1, m.height-above-len(lines))
	start := max(0, min(m.cursor-rows+1, len(m.due)-rows))
	nameW := max(6, min(28, w-40))
	for i := start; i < min(len(m.due), start+rows); i++ {
		c := m.due[i]
		row := pad(oneLine(c.Name), nameW) + " " + pad(c.Circle.Short(), 11) + " " + pad(c.Due(today).Words(), 18)
		if c.Phone != "" {
			row += " " + c.Phone
		}
		if i == m.cursor {
			lines = append(lines, s.Selected.Render(truncate("› "+row, w)))
		} else {
			lines = append(lines, truncate("  "+row, w))
		}
	}
	return lines
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	if word == "person" {
		return fmt.Sprintf("%d people", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
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
	for _, i := range model.Instruments {
		if model.CheckupDue(i, m.data.lastCheckups[i], today) {
			info, _ := i.Info()
			return "A check-up (" + info.Name + ") is due if you'd like one: u on Network. S to stop these."
		}
	}
	return ""
}

// handle and owns put the screen in the table (see screen).
func (m *todayModel) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.update(msg)
	return cmd
}

func (m *todayModel) owns(msg tea.Msg) bool {
	switch msg.(type) {
	case todayLoadedMsg, recoveryStartSavedMsg:
		return true
	}
	return false
}
