package views

import (
	"context"
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
)

type checkupSavedMsg struct {
	checkup model.Checkup
	err     error
}

// checkupForm asks one questionnaire: each statement rated with a digit.
// tab on the instrument line switches between BARC-10 and MSPSS before
// anything is answered.
type checkupForm struct {
	st     Store
	clock  model.Clock
	styles *Styles
	info   model.InstrumentInfo
	form   *form
	width  int
	height int
	saving bool
}

func newCheckupForm(st Store, clock model.Clock, styles *Styles, i model.Instrument) *checkupForm {
	c := &checkupForm{st: st, clock: clock, styles: styles}
	c.use(i)
	return c
}

func (c *checkupForm) use(i model.Instrument) {
	c.info, _ = i.Info()
	n := len(c.info.Scale)
	var fields []*field
	for idx, item := range c.info.Items {
		fields = append(fields, ratingField(fmt.Sprintf("item%d", idx), fmt.Sprintf("%d. %s", idx+1, item.Text),
			fmt.Sprintf("1 %s … %d %s", c.info.Scale[0], n, c.info.Scale[n-1]), 0, n))
	}
	var f *form
	f = newForm(c.info.Name+" · "+c.info.About, c.styles, fields, func() model.Problems {
		if f == nil {
			return nil
		}
		return c.checkup(f).Validate(model.Today(c.clock))
	})
	f.stacked = true
	c.form = f
	c.form.setSize(c.width, c.formHeight())
}

func (c *checkupForm) setSize(w, h int) {
	c.width, c.height = w, h
	c.form.setSize(w, c.formHeight())
}

// formHeight leaves room above the form for the authors' credit.
func (c *checkupForm) formHeight() int {
	return max(1, c.height-lipgloss.Height(wrap(c.info.Credit+" For self-reflection, not a diagnosis.", max(1, c.width))))
}

func (c *checkupForm) checkup(f *form) model.Checkup {
	ck := model.Checkup{Instrument: c.info.ID, Day: model.Today(c.clock)}
	for idx := range c.info.Items {
		v, _ := strconv.Atoi(f.field(fmt.Sprintf("item%d", idx)).value())
		ck.Answers = append(ck.Answers, v)
	}
	return ck
}

var switchInstrument = key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "other check-up"))

func (c *checkupForm) helpKeys() []key.Binding {
	return append(c.form.helpKeys(), switchInstrument)
}

// update returns done once the form should close.
func (c *checkupForm) update(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case checkupSavedMsg:
		c.saving = false
		if msg.err != nil {
			c.form.fail(msg.err)
			return false, nil
		}
		total, _ := msg.checkup.Score()
		return true, statusCmd(false, fmt.Sprintf("Saved your %s: %.1f (%s). For reflection, not a diagnosis.", c.info.Name, total, c.info.ScoreLabel))
	case tea.PasteMsg:
		if !c.saving {
			_, cmd := c.form.update(msg)
			return false, cmd
		}
	case tea.KeyPressMsg:
		if c.saving {
			return false, nil
		}
		if key.Matches(msg, switchInstrument) && !c.form.dirty() {
			next := model.Instruments[0]
			for i, in := range model.Instruments {
				if in == c.info.ID {
					next = model.Instruments[(i+1)%len(model.Instruments)]
				}
			}
			c.use(next)
			return false, c.form.focusField(0)
		}
		before := c.form.focus
		action, cmd := c.form.update(msg)
		switch action {
		case formCancel:
			return true, nil
		case formSave:
			ck := c.checkup(c.form)
			c.saving = true
			st := c.st
			return false, persist(func() tea.Msg {
				saved, err := st.SaveCheckup(context.Background(), ck)
				return checkupSavedMsg{checkup: saved, err: err}
			})
		}
		// A digit answers and moves on: twelve statements, twelve keys.
		if fl := c.form.fields[before]; c.form.focus == before && len(typed(msg)) > 0 && fl.rating > 0 {
			cmd = tea.Batch(cmd, c.form.focusField(before+1))
		}
		return false, cmd
	}
	return false, nil
}

func (c *checkupForm) view() string {
	credit := c.styles.Muted.Render(wrap(c.info.Credit+" For self-reflection, not a diagnosis.", max(1, c.width)))
	return credit + "\n" + c.form.view()
}
