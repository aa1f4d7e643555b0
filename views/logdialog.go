package views

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// logDialog logs (or edits) one reach-out. Opened from Today, Contacts or
// Check-in, it is one dialog owned by the root so it behaves the same
// everywhere: pick the person (type a few letters, enter) unless they are
// already known, then a short form whose defaults are right most of the
// time — their preferred channel, "I reached out", now — so enter alone
// logs it.
type logDialog struct {
	st     Store
	clock  model.Clock
	styles *Styles
	day    model.Date

	width, height int

	// picking: the person, unless already known
	picker *personPicker

	// the form, once the person is known
	contact  model.Contact
	existing *model.ReachOut
	form     *form
	saving   bool
}

func newLogDialog(st Store, clock model.Clock, styles *Styles, msg openLogMsg) (*logDialog, tea.Cmd) {
	d := &logDialog{st: st, clock: clock, styles: styles, day: msg.day, existing: msg.existing}
	if d.day.IsZero() {
		d.day = model.Today(clock)
	}
	if msg.contact != nil {
		return d, d.openForm(*msg.contact)
	}
	var focus tea.Cmd
	d.picker, focus = newPersonPicker(styles, "Who was it with? ")
	today := model.Today(clock)
	return d, tea.Batch(focus, func() tea.Msg {
		cs, err := st.Contacts(context.Background(), false, today)
		return pickerLoadedMsg{contacts: cs, err: err}
	})
}

// busy is true while keys cannot be acted on yet: a save is under way, or
// the people to pick from are still being read.
func (d *logDialog) busy() bool { return d.saving || d.picker != nil && !d.picker.loaded }

func (d *logDialog) openForm(c model.Contact) tea.Cmd {
	d.picker = nil
	d.contact = c
	r := model.ReachOut{ContactID: c.ID, Channel: c.Preferred, Direction: model.DirectionMine, At: d.defaultTime()}
	if r.Channel == model.ChannelNone || !slices.Contains(model.LogChannels, r.Channel) {
		r.Channel = model.ChannelCall
	}
	title := "Log a reach-out with " + oneLine(c.Name)
	if d.existing != nil {
		r = *d.existing
		title = "Edit a reach-out with " + oneLine(c.Name)
	}
	fields := []*field{
		choiceField(model.FieldChannel, "How", channelHint, optionsOf(model.LogChannels), string(r.Channel)),
		choiceField(model.FieldDirection, "Who reached out", `Type the start ("t" they did, "i s" I supported them), or ←/→.`, optionsOf(model.Directions), string(r.Direction)),
		textField(model.FieldAt, "When", "HH:MM on "+dayWords(d.day, model.Today(d.clock))+".", r.At.Format("15:04"), "HH:MM"),
		textField(model.FieldNote, "Note", "Optional: what you talked about.", r.Note, "optional"),
		choiceField(model.FieldHelped, "Did it help?", "y yes, s somewhat, n no.", unsaidFirst(optionsOf(model.HelpedAnswers)), string(r.Helped)),
	}
	var f *form
	f = newForm(title, d.styles, fields, func() model.Problems {
		if f == nil {
			return nil
		}
		_, p := d.reachOut()
		return p
	})
	f.enterSaves = true
	d.form = f
	d.form.setSize(d.width, d.height)
	return d.form.focusField(0)
}

// defaultTime is now for today; for a day gone by, the same clock time on
// that day, which the person can change.
func (d *logDialog) defaultTime() time.Time {
	now := d.clock.Now()
	if d.day == model.DateOf(now) {
		return now.Truncate(time.Minute)
	}
	return time.Date(d.day.Year, d.day.Month, d.day.Day, now.Hour(), now.Minute(), 0, 0, now.Location())
}

// reachOut reads the form back, with every problem found.
func (d *logDialog) reachOut() (model.ReachOut, model.Problems) {
	val := func(k string) string { return d.form.field(k).value() }
	r := model.ReachOut{ContactID: d.contact.ID}
	if d.existing != nil {
		r = *d.existing
	}
	r.Channel = model.Channel(val(model.FieldChannel))
	r.Direction = model.Direction(val(model.FieldDirection))
	r.Note = val(model.FieldNote)
	r.Helped = model.Helped(val(model.FieldHelped))
	p := model.Problems{}
	at, err := time.ParseInLocation("15:04", strings.TrimSpace(val(model.FieldAt)), d.clock.Now().Location())
	if err != nil {
		p[model.FieldAt] = "Use hours and minutes, like 09:30 or 21:05."
	} else {
		r.At = time.Date(d.day.Year, d.day.Month, d.day.Day, at.Hour(), at.Minute(), 0, 0, at.Location())
	}
	r = r.Normalize()
	for k, v := range r.Validate(d.clock.Now()) {
		if _, seen := p[k]; !seen && !(k == model.FieldAt && err != nil) {
			p[k] = v
		}
	}
	return r, p
}

func (d *logDialog) setSize(w, h int) {
	d.width, d.height = w, h
	if d.picker != nil {
		d.picker.setWidth(w)
	}
	if d.form != nil {
		d.form.setSize(w, h)
	}
}

func (d *logDialog) dirty() bool { return d.form != nil && d.form.dirty() }

// update returns done=true when the dialog should close.
func (d *logDialog) update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case pickerLoadedMsg:
		if d.picker != nil {
			d.picker.setPeople(msg.contacts, msg.err)
		}
		return false, nil
	case reachOutSavedMsg:
		d.saving = false
		if msg.err != nil {
			d.form.fail(msg.err)
			return false, nil
		}
		return true, nil
	case tea.PasteMsg:
		// A paste is text for the field being typed in, whole.
		if d.picker != nil {
			return false, d.picker.paste(msg)
		}
		if d.saving {
			return false, nil
		}
		_, cmd := d.form.update(msg)
		return false, cmd
	case tea.KeyPressMsg:
		if d.picker != nil {
			chosen, cancel, cmd := d.picker.update(msg)
			switch {
			case cancel:
				return true, nil
			case chosen != nil:
				return false, d.openForm(*chosen)
			}
			return false, cmd
		}
		if d.saving {
			return false, nil
		}
		if key.Matches(msg, planInstead) && d.existing == nil && !d.form.confirming {
			// Not done yet, only meant: the same person and note, planned.
			c, note := d.contact, d.form.field(model.FieldNote).value()
			return true, func() tea.Msg { return openPlanMsg{contact: c, note: note} }
		}
		action, cmd := d.form.update(msg)
		switch action {
		case formCancel:
			return true, nil
		case formSave:
			r, p := d.reachOut()
			if len(p) > 0 {
				d.form.fail(p)
				return false, nil
			}
			d.saving = true
			st, edited := d.st, d.existing != nil
			return false, persist(func() tea.Msg {
				saved, err := st.SaveReachOut(context.Background(), r)
				return reachOutSavedMsg{reachOut: saved, edited: edited, err: err}
			})
		}
		return false, cmd
	}
	return false, nil
}

func (d *logDialog) helpKeys() []key.Binding {
	if d.picker != nil {
		return d.picker.helpKeys()
	}
	if d.existing == nil {
		return append(d.form.helpKeys(), planInstead)
	}
	return d.form.helpKeys()
}

// channelHint says how to choose the way a reach-out went.
const channelHint = "Type the start of one (c call, t text, i in person, m meeting, v video), or ←/→."

// planInstead turns the reach-out being logged into one planned for later.
var planInstead = key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "plan it instead"))

func (d *logDialog) view() string {
	if d.picker == nil {
		return d.form.view()
	}
	return d.picker.view("Log a reach-out · "+dayWords(d.day, model.Today(d.clock)), d.width, d.height)
}

// dayWords names a day relative to today: "today", "yesterday", or the date.
func dayWords(d, today model.Date) string {
	switch today.DaysSince(d) {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return d.Time().Format("Monday 2 January 2006")
}

// loggedSentence is the footer after a save: "Logged a call with Maria."
func loggedSentence(r model.ReachOut, edited bool) string {
	if edited {
		return fmt.Sprintf("Updated the %s with %s.", strings.ToLower(r.Channel.Label()), oneLine(r.ContactName))
	}
	what := strings.ToLower(r.Channel.Label())
	switch r.Direction {
	case model.DirectionTheirs:
		return fmt.Sprintf("Logged: %s reached out (%s).", oneLine(r.ContactName), what)
	case model.DirectionSupported:
		return fmt.Sprintf("Logged: you supported %s (%s).", oneLine(r.ContactName), what)
	}
	return fmt.Sprintf("Logged: you reached out to %s (%s).", oneLine(r.ContactName), what)
}

// typing: the dialog is a form (see overlay).
func (d *logDialog) typing() bool { return true }
