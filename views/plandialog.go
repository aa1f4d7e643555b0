package views

import (
	"context"
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// openPlanMsg asks the root to open the plan dialog: a reach-out planned
// with contact for a day ahead ("call Dave Monday 6pm"), or existing moved
// or changed. note fills the note of a new plan (a reflection's concrete
// step).
type openPlanMsg struct {
	contact  model.Contact
	existing *model.Plan
	note     string
}

// plannedMsg is the plan dialog's save answered.
type plannedMsg struct {
	plan  model.Plan
	moved bool
	err   error
}

func (m plannedMsg) writeErr() error { return m.err }

// planDialog plans one reach-out, or moves one: when (as a person says it:
// "tomorrow 6pm", "mon", a date), how, and a note. Owned by the root, as
// the reach-out dialog is, so it is the same from Today and Contacts.
type planDialog struct {
	st       Store
	clock    model.Clock
	styles   *Styles
	contact  model.Contact
	existing *model.Plan
	form     *form
	saving   bool
}

func newPlanDialog(st Store, clock model.Clock, styles *Styles, msg openPlanMsg) (*planDialog, tea.Cmd) {
	d := &planDialog{st: st, clock: clock, styles: styles, contact: msg.contact, existing: msg.existing}
	p := model.Plan{ContactID: msg.contact.ID, Channel: msg.contact.Preferred, Note: msg.note}
	when := "tomorrow"
	title := "Plan a reach-out with " + oneLine(msg.contact.Name)
	if msg.existing != nil {
		p = *msg.existing
		when = p.Day.String()
		if p.Time != "" {
			when += " " + p.Time
		}
		title = "Move the reach-out planned with " + oneLine(msg.contact.Name)
	}
	if !slices.Contains(model.LogChannels, p.Channel) {
		p.Channel = model.ChannelCall
	}
	fields := []*field{
		textField(model.FieldPlanWhen, "When", "today, tomorrow, a weekday (mon) or a date (2026-12-24); a time like 18:00 or 6pm if you like.", when, "e.g. mon 6pm"),
		choiceField(model.FieldChannel, "How", channelHint, optionsOf(model.LogChannels), string(p.Channel)),
		textField(model.FieldNote, "Note", "Optional: what you mean to talk about.", p.Note, "optional"),
	}
	var f *form
	f = newForm(title, styles, fields, func() model.Problems {
		if f == nil {
			return nil
		}
		_, pr := d.plan()
		return pr
	})
	f.enterSaves = true
	d.form = f
	return d, f.focusField(0)
}

// plan reads the form back, with every problem found.
func (d *planDialog) plan() (model.Plan, model.Problems) {
	val := func(k string) string { return d.form.field(k).value() }
	p := model.Plan{ContactID: d.contact.ID}
	if d.existing != nil {
		p = *d.existing
	}
	today := model.Today(d.clock)
	p.Channel, p.Note = model.Channel(val(model.FieldChannel)), val(model.FieldNote)
	day, clock, err := model.ParsePlanWhen(val(model.FieldPlanWhen), today)
	p.Day, p.Time = day, clock
	pr := p.Normalize().Validate(today)
	if err != nil {
		pr[model.FieldPlanWhen] = sentence(model.ErrPlanWhen)
	}
	return p, pr
}

// update returns done once the dialog should close.
func (d *planDialog) update(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case plannedMsg:
		d.saving = false
		if msg.err != nil {
			d.form.fail(msg.err)
			return false, nil
		}
		verb := "Planned"
		if msg.moved {
			verb = "Moved"
		}
		return true, statusCmd(false, fmt.Sprintf("%s: %s, %s.", verb, model.ReachOutWith(msg.plan.Channel,
			oneLine(msg.plan.ContactName)), msg.plan.When(model.Today(d.clock))))
	case tea.PasteMsg:
		if !d.saving {
			_, cmd := d.form.update(msg)
			return false, cmd
		}
	case tea.KeyPressMsg:
		if d.saving {
			return false, nil
		}
		action, cmd := d.form.update(msg)
		switch action {
		case formCancel:
			return true, nil
		case formSave:
			p, pr := d.plan()
			if len(pr) > 0 {
				d.form.fail(pr)
				return false, nil
			}
			d.saving = true
			st, moved := d.st, d.existing != nil
			return false, persist(func() tea.Msg {
				saved, err := st.SavePlan(context.Background(), p)
				return plannedMsg{plan: saved, moved: moved, err: err}
			})
		}
		return false, cmd
	}
	return false, nil
}

func (d *planDialog) setSize(w, h int)        { d.form.setSize(w, h) }
func (d *planDialog) dirty() bool             { return d.form.dirty() }
func (d *planDialog) view() string            { return d.form.view() }
func (d *planDialog) helpKeys() []key.Binding { return d.form.helpKeys() }
func (d *planDialog) typing() bool            { return true }
