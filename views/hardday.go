package views

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
)

// hardDayMsg asks the root to offer the hard-day card after a check-in
// that HardDayReasons calls hard.
type hardDayMsg struct{ checkIn model.CheckIn }

// hardDayLoadedMsg carries what the card is built from: the crisis card's
// reading (settings, plan, people), read fresh after the check-in.
type hardDayLoadedMsg struct {
	checkIn model.CheckIn
	data    crisisData
	err     error
}

// readHardDay reads what the hard-day card needs.
func readHardDay(st Store, c model.CheckIn) tea.Cmd {
	return func() tea.Msg {
		d, err := loadCrisis(context.Background(), st)
		return hardDayLoadedMsg{checkIn: c, data: d, err: err}
	}
}

// hardDayCard is offered after a hard check-in: calm, never a lecture. It
// names what the check-in said, two or three people to reach now (any-time
// first, then distraction people, with their numbers; l logs the call),
// the next step of the safety plan, and ! for the whole crisis card. It
// can be turned off in Settings.
type hardDayCard struct {
	styles *Styles
	keys   listKeys
	log    key.Binding
	open   key.Binding
	close  key.Binding
	crisis key.Binding

	card          model.HardDayCard
	cursor        int
	width, height int
}

func newHardDayCard(styles *Styles, card model.HardDayCard) *hardDayCard {
	return &hardDayCard{styles: styles, card: card, keys: newListKeys(),
		log:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log a call or text")),
		open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open them")),
		close:  key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
		crisis: key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "crisis card")),
	}
}

// update returns done once the card should close. ! is the root's: it
// opens the crisis card over this one.
func (h *hardDayCard) update(msg tea.KeyPressMsg) (done bool, cmd tea.Cmd) {
	n := len(h.card.People)
	switch {
	case key.Matches(msg, h.close):
		return true, nil
	case key.Matches(msg, h.keys.Down):
		h.cursor = min(max(0, n-1), h.cursor+1)
	case key.Matches(msg, h.keys.Up):
		h.cursor = max(0, h.cursor-1)
	case key.Matches(msg, h.log) && n > 0:
		// The card stays beneath the log: after one call, another.
		c := h.card.People[h.cursor]
		return false, func() tea.Msg { return openLogMsg{contact: &c} }
	case key.Matches(msg, h.open) && n > 0:
		id := h.card.People[h.cursor].ID
		return true, func() tea.Msg { return jumpToContactMsg{id: id} }
	}
	return false, nil
}

func (h *hardDayCard) helpKeys() []key.Binding {
	if len(h.card.People) == 0 {
		return []key.Binding{h.crisis, h.close}
	}
	return []key.Binding{h.log, h.keys.Down, h.open, h.crisis, h.close}
}

func (h *hardDayCard) setSize(w, ht int) { h.width, h.height = w, ht }
func (h *hardDayCard) dirty() bool       { return false }
func (h *hardDayCard) typing() bool      { return false }

func (h *hardDayCard) view() string {
	s := h.styles
	w := cardWidth(h.width)
	lines := []string{s.CardTitle.Render(wrap("That sounds like a hard day. You don't have to carry it alone.", w))}
	if len(h.card.Reasons) > 0 {
		lines = append(lines, s.Muted.Render(wrap("You noted "+model.ListWords(h.card.Reasons)+". Thank you for writing it down.", w)))
	}
	lines = append(lines, "")
	if len(h.card.People) == 0 {
		lines = append(lines, wrap("Nobody is marked yet as someone to call any time or to be with when it gets hard. ! shows the crisis lines; a person can be marked in Contacts (e).", w))
	} else {
		lines = append(lines, s.Heading.Render("Reach someone now"))
		for i, c := range h.card.People {
			row := wrapKeepingNumbers(reachLine(c), w-2)
			marker := "  "
			if i == h.cursor {
				marker = "› "
				row = s.Selected.Render(row)
			}
			for j, l := range strings.Split(row, "\n") {
				if j == 0 {
					lines = append(lines, marker+l)
				} else {
					lines = append(lines, "  "+l)
				}
			}
		}
		lines = append(lines, s.Muted.Render(wrap("l logs a call or text with them · enter opens them", w)))
	}
	if h.card.StepLine != "" {
		lines = append(lines, "", s.Heading.Render(wrap("Your plan's next step: "+strings.ToLower(h.card.StepTitle[:1])+h.card.StepTitle[1:], w)),
			wrap(h.card.StepLine, w))
	}
	lines = append(lines, "", s.Muted.Render(wrap("! shows your whole crisis card · esc closes this", w)))
	body := clip(strings.Join(lines, "\n"), w, max(1, h.height-2))
	if cardCompact(h.width, h.height) {
		return body
	}
	card := s.Card.Width(w + s.Card.GetHorizontalFrameSize()).Render(body)
	return lipgloss.Place(h.width, h.height, lipgloss.Center, lipgloss.Center, card)
}

// reachLine is a person as the hard-day card offers them: name, number and
// the way they like to be reached.
func reachLine(c model.Contact) string {
	parts := []string{oneLine(c.DisplayName())}
	if p := strings.TrimSpace(c.Phone); p != "" {
		parts = append(parts, p)
	} else if e := strings.TrimSpace(c.Email); e != "" {
		parts = append(parts, e)
	}
	if c.Preferred != model.ChannelNone && c.Preferred.Valid() {
		parts = append(parts, "prefers "+model.InSentence(c.Preferred.Label()))
	}
	return strings.Join(parts, " · ")
}
