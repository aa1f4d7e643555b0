package views

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// undoOffer is the last removal or archive, which u puts back while the
// status line still offers it (the next key ends the offer).
type undoOffer struct {
	what string         // what is put back, in words
	do   func() tea.Msg // the write that puts it back: an undoneMsg
}

// undoneMsg answers an undo.
type undoneMsg struct {
	what string
	err  error
}

func (m undoneMsg) writeErr() error { return m.err }

// undoKey is the typed letter that takes the offer.
const undoKey = "u"

// offerUndoReachOut offers to put back a reach-out removed by mistake: logged
// again as it was (with a new id).
func (a *App) offerUndoReachOut(r model.ReachOut) {
	st := a.st
	r.ID = 0
	a.undo = &undoOffer{what: "the reach-out with " + oneLine(r.ContactName), do: func() tea.Msg {
		_, err := st.SaveReachOut(context.Background(), r)
		return undoneMsg{what: "the reach-out with " + oneLine(r.ContactName), err: err}
	}}
}

// offerUndoCheckIn offers to put back a day's check-in removed by mistake.
func (a *App) offerUndoCheckIn(c model.CheckIn) {
	st := a.st
	c.UpdatedAt = time.Time{}
	what := "the check-in of " + c.Day.Human()
	a.undo = &undoOffer{what: what, do: func() tea.Msg {
		_, err := st.SaveCheckIn(context.Background(), c)
		return undoneMsg{what: what, err: err}
	}}
}

// offerUndoPlan offers to put back a plan dropped by mistake, on its day
// as it was (an overdue one too).
func (a *App) offerUndoPlan(p model.Plan) {
	st := a.st
	what := "the plan with " + oneLine(p.ContactName)
	a.undo = &undoOffer{what: what, do: func() tea.Msg {
		return undoneMsg{what: what, err: st.AddPlans(context.Background(), []model.Plan{p})}
	}}
}

// offerUndoArchive offers to bring back someone just archived.
func (a *App) offerUndoArchive(id int64, name string) {
	st := a.st
	what := oneLine(name) + " to your network"
	a.undo = &undoOffer{what: what, do: func() tea.Msg {
		return undoneMsg{what: what, err: st.SetArchived(context.Background(), id, false)}
	}}
}

// takeUndo ends the offer on any key, and takes it on u when nothing is
// being typed; taken reports that the key was the undo.
func (a *App) takeUndo(msg tea.KeyPressMsg) (taken bool, cmd tea.Cmd) {
	offer := a.undo
	a.undo = nil
	if offer == nil || msg.Text != undoKey || a.capturing() || a.top() != nil {
		return false, nil
	}
	return true, persist(offer.do)
}

// undone says what the undo put back.
func (a *App) undone(msg undoneMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		a.status, a.statusErr = "Could not put back "+msg.what+": "+msg.err.Error(), true
		return a, nil
	}
	a.status, a.statusErr = "Put back "+msg.what+".", false
	return a, a.reloadAll()
}
