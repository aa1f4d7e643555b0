package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tether-recovery/tether/model"
)

// todayModel is the landing screen. On a first run it greets the person and
// shows how to add a first supporter; afterwards it says how the network
// stands. The check-in, streak and who is due arrive with the check-in.
type todayModel struct {
	clock  model.Clock
	styles *Styles
	add    key.Binding

	width, height int
	loaded        bool
	supporters    int
	anyTime       int
}

func newTodayModel(clock model.Clock, styles *Styles) todayModel {
	return todayModel{clock: clock, styles: styles,
		add: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add a supporter"))}
}

// setContacts takes the active contact list the Contacts screen loaded, so
// both screens agree without a second query.
func (m *todayModel) setContacts(cs []model.Contact) {
	m.loaded = true
	m.supporters, m.anyTime = len(cs), 0
	for _, c := range cs {
		if c.AnyTime {
			m.anyTime++
		}
	}
}

func (m todayModel) update(msg tea.Msg) (todayModel, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && key.Matches(km, m.add) {
		return m, func() tea.Msg { return switchToAddContactMsg{} }
	}
	return m, nil
}

func (m todayModel) helpKeys() []key.Binding { return []key.Binding{m.add} }

func (m todayModel) view() string {
	s := m.styles
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
	}
	now := m.clock.Now()
	lines := []string{s.Title.Render(now.Format("Monday 2 January 2006")), ""}
	switch {
	case !m.loaded:
		lines = append(lines, s.Muted.Render("Opening your journal…"))
	case m.supporters == 0:
		lines = append(lines,
			s.Heading.Render("Welcome to Tether."),
			"",
			wrap("This is a quiet place to keep the people who support your recovery, and to notice who you reach out to. It stays on this computer, for your eyes only.", w),
			"",
			wrap("A good first step: add one person you could call or text, such as a sponsor, a friend, a counsellor or a meeting you go to.", w),
			"",
			"Press "+s.Heading.Render("a")+" to add your first supporter.",
			"",
			s.Muted.Render(wrap("Any time it gets hard, ! shows the people you can call.", w)),
		)
	default:
		people := "supporters"
		if m.supporters == 1 {
			people = "supporter"
		}
		lines = append(lines, fmt.Sprintf("Your network: %d %s, %d you can call any time.", m.supporters, people, m.anyTime))
		if m.anyTime == 0 {
			lines = append(lines, s.Muted.Render(wrap("Nobody is marked \"call any time\" yet. When someone says you can call them at any hour, mark it in Contacts.", w)))
		}
		lines = append(lines, "", s.Muted.Render(wrap("Your daily check-in, streak and the people due a call will be shown here once check-ins arrive in a later version.", w)))
	}
	return clip(strings.Join(lines, "\n"), w, h)
}
