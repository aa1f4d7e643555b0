package views

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

type planLoadedMsg struct {
	plan model.SafetyPlan
	err  error
}

type planSavedMsg struct{ err error }

// planEditor edits the safety plan: its six parts, one line per item. It
// is opened from the Network review and from the crisis card.
type planEditor struct {
	st     Store
	styles *Styles
	form   *form
	width  int
	height int
	saving bool
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
		fields = append(fields, areaField(part.Key, part.Title, part.Prompt+" One per line.", strings.Join(plan.Lines(part.Key), "\n")))
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
	case planSavedMsg:
		p.saving = false
		if msg.err != nil {
			p.form.fail(msg.err)
			return false, nil
		}
		return true, statusCmd(false, "Saved your safety plan. It is on the crisis card (!).")
	case tea.PasteMsg:
		if !p.saving {
			_, cmd := p.form.update(msg)
			return false, cmd
		}
	case tea.KeyPressMsg:
		if p.saving {
			return false, nil
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
