package views

import (
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

type planLoadedMsg struct {
	plan model.SafetyPlan
	err  error
}

type planSavedMsg struct{ err error }

// nameSomeone opens the person picker on the plan's lists of people.
var nameSomeone = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "name someone from your contacts"))

// namesPeople: the plan's parts whose lines may name a contact, shown on
// the crisis card with their number.
func namesPeople(part string) bool {
	return part == model.PlanAskForHelp || part == model.PlanDistractions
}

// planEditor edits the safety plan: its six parts, one line per item. It
// is opened from the Network review and from the crisis card.
type planEditor struct {
	st     Store
	styles *Styles
	form   *form
	width  int
	height int
	saving bool
	// picker names someone from the contacts in the part being edited
	// (pickFor): their name is added as a line of its own.
	picker  *personPicker
	pickFor string
	// held are keys typed while the picker's matches were being read.
	held typedAhead
}

// openPlanEditor starts reading the plan; the form appears once it has.
func openPlanEditor(st Store, styles *Styles, w, h int) (*planEditor, tea.Cmd) {
	p := &planEditor{st: st, styles: styles, width: w, height: h}
	p.form = p.newForm(model.SafetyPlan{})
	return p, func() tea.Msg {
		plan, err := st.SafetyPlan(context.Background())
		return planLoadedMsg{plan: plan, err: err}
	}
}

func (p *planEditor) newForm(plan model.SafetyPlan) *form {
	var fields []*field
	for _, part := range model.PlanParts {
		hint := part.Prompt + " One per line."
		if namesPeople(part.Key) {
			hint += " ctrl+o names someone from your contacts: the crisis card then shows their number."
		}
		fields = append(fields, areaField(part.Key, part.Title, hint, strings.Join(plan.Lines(part.Key), "\n")))
	}
	var f *form
	f = newForm("My safety plan", p.styles, fields, func() model.Problems {
		if f == nil {
			return nil
		}
		// A problem with one line shows under its part.
		out := model.Problems{}
		for k, v := range p.plan(f).Validate() {
			for _, part := range model.PlanParts {
				if strings.HasPrefix(k, part.Key) {
					k = part.Key
				}
			}
			out[k] = v
		}
		return out
	})
	f.stacked = true
	f.version = plan.UpdatedAt
	f.reopen = func(record any) *form { return p.newForm(record.(model.SafetyPlan)) }
	f.setSize(p.width, p.height)
	return f
}

func (p *planEditor) plan(f *form) model.SafetyPlan {
	var plan model.SafetyPlan
	for _, part := range model.PlanParts {
		plan.Set(part.Key, strings.Split(f.field(part.Key).value(), "\n"))
	}
	plan.UpdatedAt = f.version
	return plan.Normalize()
}

// update returns done once the editor should close.
func (p *planEditor) update(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case planLoadedMsg:
		if msg.err != nil {
			p.form.fail(msg.err)
			return false, nil
		}
		if !p.form.dirty() {
			p.form = p.newForm(msg.plan)
			return false, p.form.focusField(0)
		}
	case pickerPageMsg:
		if p.picker == nil {
			return false, nil
		}
		cmd := p.picker.setPage(msg)
		for _, k := range p.held.take() {
			done, c := p.update(k)
			cmd = tea.Batch(cmd, c)
			if done {
				return true, cmd
			}
		}
		return false, cmd
	case planSavedMsg:
		p.saving = false
		if msg.err != nil {
			p.form.fail(msg.err)
			return false, nil
		}
		return true, statusCmd(false, "Saved your safety plan. It is on the crisis card (!).")
	case tea.PasteMsg:
		if p.picker != nil && p.held.hold(msg, false) {
			return false, nil
		}
		if p.picker != nil {
			return false, p.picker.paste(msg)
		}
		if !p.saving {
			_, cmd := p.form.update(msg)
			return false, cmd
		}
	case tea.KeyPressMsg:
		if p.saving {
			return false, nil
		}
		if p.picker != nil && p.held.hold(msg, p.picker.waitsFor(msg)) {
			return false, nil
		}
		if p.picker != nil {
			return false, p.updatePicker(msg)
		}
		if key.Matches(msg, nameSomeone) && !p.form.confirming && p.form.changed == nil {
			if part := p.form.fields[p.form.focus].key; namesPeople(part) {
				return false, p.openPicker(part)
			}
		}
		action, cmd := p.form.update(msg)
		switch action {
		case formCancel:
			return true, nil
		case formKeepTheirs:
			p.form = p.newForm(p.form.theirsChosen().(model.SafetyPlan))
			return false, statusCmd(false, keptTheirs)
		case formKeepMine:
			p.form.mineChosen()
			fallthrough
		case formSave:
			plan := p.plan(p.form)
			p.saving = true
			st := p.st
			return false, persist(func() tea.Msg {
				_, err := st.SaveSafetyPlan(context.Background(), plan)
				return planSavedMsg{err: err}
			})
		}
		return false, cmd
	}
	return false, nil
}

// openPicker starts naming someone in part.
func (p *planEditor) openPicker(part string) tea.Cmd {
	var read tea.Cmd
	p.picker, read = newPersonPicker(p.st, p.styles, "Who? ", p.width, p.height)
	p.pickFor = part
	return read
}

// updatePicker takes a key while naming someone: enter adds their name to
// the part as a line of its own (once), esc goes back to the plan as it was.
func (p *planEditor) updatePicker(msg tea.KeyPressMsg) tea.Cmd {
	chosen, cancel, cmd := p.picker.update(msg)
	switch {
	case cancel:
		p.picker = nil
	case chosen != nil:
		p.picker = nil
		fl := p.form.field(p.pickFor)
		name := oneLine(chosen.Name)
		lines := strings.Split(fl.value(), "\n")
		if !slices.Contains(lines, name) {
			if strings.TrimSpace(fl.value()) == "" {
				lines = nil
			}
			fl.area.SetValue(strings.Join(append(lines, name), "\n"))
		}
		p.form.revalidate()
		return p.form.focusField(p.form.focus)
	}
	return cmd
}

func (p *planEditor) helpKeys() []key.Binding {
	if p.picker != nil {
		return p.picker.helpKeys()
	}
	keys := p.form.helpKeys()
	if len(p.form.fields) > 0 && namesPeople(p.form.fields[p.form.focus].key) && !p.form.confirming && p.form.changed == nil {
		keys = append(keys, nameSomeone)
	}
	return keys
}

func (p *planEditor) view(w, h int) string {
	if p.picker != nil {
		title := "Name someone in your plan"
		for _, part := range model.PlanParts {
			if part.Key == p.pickFor {
				title += " · " + strings.ToLower(part.Title[:1]) + part.Title[1:]
			}
		}
		return p.picker.view(title, w, h)
	}
	return p.form.view()
}
