package views

import (
	"context"
	"errors"
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

	// picking: the person, unless already known; repicking when the form
	// is open and ctrl+o chooses another
	picker    *personPicker
	repicking bool

	// the form, once the person is known
	contact  model.Contact
	existing *model.ReachOut
	form     *form
	saving   bool
}

// newLogDialog opens the dialog at w×h: its picker reads a screen of people
// from the first.
func newLogDialog(st Store, clock model.Clock, styles *Styles, msg openLogMsg, w, h int) (*logDialog, tea.Cmd) {
	d := &logDialog{st: st, clock: clock, styles: styles, day: msg.day, existing: msg.existing, width: w, height: h}
	if d.day.IsZero() {
		d.day = model.Today(clock)
	}
	if msg.contact != nil {
		return d, d.openForm(*msg.contact)
	}
	return d, d.pick(false)
}

// pick opens the person picker (again, over the form, when repicking):
// a new reach-out may be with someone not yet in the contacts.
func (d *logDialog) pick(repicking bool) tea.Cmd {
	var read tea.Cmd
	d.picker, read = newPersonPicker(d.st, d.styles, "Who was it with? ", d.width, d.height)
	d.picker.offerNew = d.existing == nil
	d.repicking = repicking
	return read
}

// adding is true when the person is someone new, added with the log.
func (d *logDialog) adding() bool { return d.contact.ID == 0 }

// formTitle names what the form does, and with whom.
func (d *logDialog) formTitle() string {
	name := oneLine(d.contact.Name)
	switch {
	case d.existing != nil:
		return "Edit a reach-out with " + name
	case d.adding():
		return "Log a reach-out with " + name + " (new to your contacts)"
	}
	return "Log a reach-out with " + name
}

// waitsFor is true when msg cannot be acted on yet: a save is under way,
// or it acts on the people to pick from, who are still being read.
func (d *logDialog) waitsFor(msg tea.Msg) bool {
	return d.saving || d.picker != nil && d.picker.waitsFor(msg)
}

func (d *logDialog) openForm(c model.Contact) tea.Cmd {
	d.picker = nil
	d.contact = c
	r := model.ReachOut{ContactID: c.ID, Channel: c.Preferred, Direction: model.DirectionMine, At: d.defaultTime()}
	if r.Channel == model.ChannelNone || !slices.Contains(model.LogChannels, r.Channel) {
		r.Channel = model.ChannelCall
	}
	title := d.formTitle()
	if d.existing != nil {
		r = *d.existing
	}
	fields := []*field{
		choiceField(model.FieldChannel, "How", channelHint, optionsOf(model.LogChannels), string(r.Channel)),
		choiceField(model.FieldDirection, "Who reached out", `Type the start ("t" they did, "i s" I supported them), or ←/→.`, optionsOf(model.Directions), string(r.Direction)),
		textField(model.FieldAt, "When", "HH:MM on "+dayWords(d.day, model.Today(d.clock))+", or another day too: yesterday 21:40, 2026-03-08 19:00.", r.At.Format("15:04"), "HH:MM"),
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

// when reads the "When" field: a time alone is on the dialog's day; with
// a day, the same words `tether log --at` takes (yesterday 21:40,
// 2026-03-08 19:00), so a reach-out logged on the wrong day is mended in
// place.
func (d *logDialog) when(text string) (time.Time, error) {
	text = strings.TrimSpace(text)
	now := d.clock.Now()
	if t, err := time.ParseInLocation("15:04", text, now.Location()); err == nil {
		return time.Date(d.day.Year, d.day.Month, d.day.Day, t.Hour(), t.Minute(), 0, 0, now.Location()), nil
	}
	if text == "" {
		return time.Time{}, errors.New("say when: hours and minutes, like 21:05, with a day if it was not " + dayWords(d.day, model.Today(d.clock)))
	}
	return model.ParseWhen(text, now)
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
	r.ContactID = d.contact.ID // ctrl+o may have chosen another person
	p := model.Problems{}
	at, err := d.when(val(model.FieldAt))
	if err != nil {
		p[model.FieldAt] = sentence(err)
	} else {
		r.At = at
	}
	r = r.Normalize()
	for k, v := range r.Validate(d.clock.Now()) {
		if k == model.FieldContact && d.adding() {
			continue // added with the reach-out
		}
		if _, seen := p[k]; !seen && !(k == model.FieldAt && err != nil) {
			p[k] = v
		}
	}
	return r, p
}

func (d *logDialog) setSize(w, h int) {
	d.width, d.height = w, h
	if d.picker != nil {
		d.picker.setSize(w, h)
	}
	if d.form != nil {
		d.form.setSize(w, h)
	}
}

func (d *logDialog) dirty() bool { return d.form != nil && d.form.dirty() }

// update returns done=true when the dialog should close.
func (d *logDialog) update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case pickerPageMsg:
		if d.picker != nil {
			return false, d.picker.setPage(msg)
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
			case cancel && d.repicking:
				d.picker, d.repicking = nil, false // back to the form as it was
				return false, nil
			case cancel:
				return true, nil
			case chosen != nil:
				if !d.repicking {
					return false, d.openForm(*chosen)
				}
				d.picker, d.repicking = nil, false
				d.contact = *chosen
				d.form.title = d.formTitle()
				d.form.revalidate()
				return false, nil
			}
			return false, cmd
		}
		if d.saving {
			return false, nil
		}
		if key.Matches(msg, otherPerson) && !d.form.confirming {
			// Logged with the wrong person: choose another; what is typed
			// in the form stays.
			return false, d.pick(true)
		}
		if key.Matches(msg, planInstead) && d.existing == nil && !d.adding() && !d.form.confirming {
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
			st, edited, adding, c := d.st, d.existing != nil, d.adding(), d.contact
			return false, persist(func() tea.Msg {
				if adding {
					// Someone new gets the rhythm chosen in Settings.
					set, err := st.Settings(context.Background())
					if err != nil {
						return reachOutSavedMsg{err: err}
					}
					c.CadenceDays = set.DefaultCadence
					saved, err := st.LogWithNewContact(context.Background(), c, r)
					return reachOutSavedMsg{reachOut: saved, added: true, err: err}
				}
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
	if d.existing == nil && !d.adding() {
		return append(d.form.helpKeys(), planInstead, otherPerson)
	}
	return append(d.form.helpKeys(), otherPerson)
}

// channelHint says how to choose the way a reach-out went.
const channelHint = "Type the start of one (c call, t text, i in person, m meeting, v video), or ←/→."

// otherPerson chooses another person for the reach-out being logged or
// mended.
var otherPerson = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "another person"))

// planInstead turns the reach-out being logged into one planned for later.
var planInstead = key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "plan it instead"))

func (d *logDialog) view() string {
	if d.picker == nil {
		return d.form.view()
	}
	if d.repicking {
		return d.picker.view("Who was it with, instead of "+oneLine(d.contact.Name)+"?", d.width, d.height)
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

// dayRef speaks of a day inside a sentence: "today", "yesterday", and
// "that day" for one further back (its date is in the title already).
func dayRef(d, today model.Date) string {
	if today.DaysSince(d) <= 1 {
		return dayWords(d, today)
	}
	return "that day"
}

// loggedSentence is the footer after a save: "Logged a call with Maria."
func loggedSentence(r model.ReachOut, edited bool) string {
	if edited {
		return "Updated the " + model.ReachOutWith(r.Channel, oneLine(r.ContactName)) + "."
	}
	what := model.InSentence(r.Channel.Label())
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
