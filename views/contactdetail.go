package views

import (
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// detailView renders everything known about one contact, in the order a
// person looks for it: how to reach them first, then who they are to me.
func (m contactsModel) detailView(c model.Contact, w int) string {
	s := m.styles
	if w < 10 {
		return ""
	}
	var out []string
	title := s.Heading.Render(truncate(oneLine(c.DisplayName()), w))
	out = append(out, title)
	sub := c.Circle.Label()
	if c.Group != "" {
		sub += " · " + oneLine(c.Group)
	}
	if c.Archived {
		sub += " · archived"
	}
	out = append(out, s.Muted.Render(truncate(sub, w)), "")

	lw := 14
	vw := max(1, w-lw-1)
	row := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		lines := strings.Split(wrap(oneLine(value), vw), "\n")
		out = append(out, s.Label.Render(pad(label, lw))+" "+lines[0])
		for _, l := range lines[1:] {
			out = append(out, strings.Repeat(" ", lw+1)+l)
		}
	}
	if c.AnyTime {
		agreed := "Call any time"
		if !c.AnyTimeSince.IsZero() {
			agreed += ", agreed " + c.AnyTimeSince.Human()
		}
		out = append(out, s.Success.Render(truncate(agreed, w)))
	}
	if c.Distraction {
		out = append(out, s.Success.Render(truncate("Good company when it gets hard", w)))
	}
	if c.Stance == model.StanceSupportsUsing {
		out = append(out, s.Warning.Render(truncate("Supports my using: take care around them", w)))
	}
	if c.AnyTime || c.Distraction || c.Stance == model.StanceSupportsUsing {
		out = append(out, "")
	}
	row("Phone", c.Phone)
	row("Email", c.Email)
	if c.Preferred != model.ChannelNone {
		row("Best reached", c.Preferred.Label())
	}
	row("Available", c.Availability)
	if c.Stance != model.StanceSupportsUsing && c.Stance != model.StanceUnknown {
		row("Stance", c.Stance.Label())
	}
	if c.Importance > 0 {
		row("Importance", fmt.Sprintf("%d of 5", c.Importance))
	}
	if c.Supportive > 0 {
		row("Supportive", fmt.Sprintf("%d of 5", c.Supportive))
	}
	row("Known since", c.KnownSince.Human())
	row("Birthday", c.Birthday.Human())
	row("Their recovery date", c.RecoveryDate.Human())
	switch today := model.Today(m.clock); {
	case c.RestCadence > 0:
		row("Reach out", "resting (was "+model.CadenceLabel(c.RestCadence)+"); x resumes it")
	case c.CadenceDays > 0 && c.Snoozed(today):
		row("Reach out", model.CadenceLabel(c.CadenceDays)+"; not now, until "+c.SnoozedUntil.Human())
	case c.CadenceDays > 0:
		row("Reach out", model.CadenceLabel(c.CadenceDays))
	}
	row("Tags", strings.Join(c.Tags, ", "))
	if strings.TrimSpace(c.Notes) != "" {
		out = append(out, "", s.Label.Render("Notes and boundaries"))
		out = append(out, strings.Split(wrap(c.Notes, w), "\n")...)
	}
	out = append(out, "")
	out = append(out, m.historyLines(c, w)...)
	out = append(out, "", s.Muted.Render(truncate("l log · p plan · e edit · d archive", w)))
	if c.Archived {
		out[len(out)-1] = s.Muted.Render(truncate("r restore · e edit", w))
	}
	return strings.Join(out, "\n")
}

// historyLines lists the person's reach-outs, newest first.
func (m contactsModel) historyLines(c model.Contact, w int) []string {
	s := m.styles
	today := model.Today(m.clock)
	head := "Reach-outs"
	if in := m.historyFor == c.ID && m.historyIn; in && m.historyReached30 > 0 {
		head += fmt.Sprintf(" · %d in the last 30 days", m.historyReached30)
	}
	lines := []string{s.Label.Render(head)}
	switch {
	case m.historyErr != nil:
		return append(lines, s.Error.Render(wrap("Could not read them: "+m.historyErr.Error(), w)))
	case m.historyFor != c.ID || !m.historyIn:
		return append(lines, s.Muted.Render("…"))
	case len(m.history) == 0:
		return append(lines, s.Muted.Render(wrap("None logged yet. l logs one.", w)))
	}
	for _, r := range m.history {
		when := r.At.Format("2 Jan 2006")
		if r.Day() == today {
			when = "today " + r.At.Format("15:04")
		}
		row := pad(when, 12) + " " + model.InSentence(r.Channel.Label())
		if r.Direction != model.DirectionMine {
			row += ", " + model.InSentence(r.Direction.Label())
		}
		if r.Note != "" {
			row += " · " + oneLine(r.Note)
		}
		lines = append(lines, truncate(row, w))
	}
	return lines
}
