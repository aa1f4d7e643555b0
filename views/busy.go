package views

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A save that finds the journal held by another window or command (a big
// import in another terminal) is not a failure to show: the app says at
// once that it is waiting, keeps the draft where it is, and tries again in
// the background until the save lands. Every key keeps working meanwhile —
// the crisis card above all — and quitting asks, since the save would be
// lost.

// retryDelay is the pause between tries; with the store's short wait for
// the lock (cli sets store.WriteWait) a try costs about a quarter second.
const retryDelay = 250 * time.Millisecond

// waitingWords is the footer while a save waits for another window.
const waitingWords = "Another window is saving — trying again… What you wrote is kept."

// busyMsg says a save gave up waiting for another window; save is the same
// save, to run again. again marks a retry that was busy once more.
type busyMsg struct {
	save  tea.Cmd
	again bool
}

// retryLaterMsg asks the root for the pause before the next try; like the
// autosave's, the root owns the clock, so tests decide when it is over.
type retryLaterMsg struct{ save tea.Cmd }

// retryMsg is the pause before the next try being over.
type retryMsg struct{ save tea.Cmd }

// settledMsg is the answer of a save that had to wait: msg is what it
// would have answered at once.
type settledMsg struct{ msg tea.Msg }

// saveAnswer is every save's answer message: its error, nil when saved.
type saveAnswer interface{ writeErr() error }

// persist runs a save; when the journal was busy, the root gets a busyMsg
// instead of the save's answer, and tries again (see App.waitForJournal).
func persist(save tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg := save()
		if isBusy(msg) {
			return busyMsg{save: save}
		}
		return msg
	}
}

// retried is a further try of a save that was busy.
func retried(save tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg := save()
		if isBusy(msg) {
			return busyMsg{save: save, again: true}
		}
		return settledMsg{msg: msg}
	}
}

// isBusy reports a save's answer that the journal was held elsewhere. The
// store says so with a Busy method on its error (the views do not import
// the store).
func isBusy(msg tea.Msg) bool {
	a, ok := msg.(saveAnswer)
	if !ok || a.writeErr() == nil {
		return false
	}
	var busy interface{ Busy() bool }
	return errors.As(a.writeErr(), &busy) && busy.Busy()
}

// waitForJournal handles the messages of a waiting save: the count of
// saves waiting (the footer says so while it is above zero), the pause
// between tries, and the answer once one lands, handed on as if it had come
// at once.
func (a *App) waitForJournal(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case busyMsg:
		if !msg.again {
			a.waiting++
		}
		return a, func() tea.Msg { return retryLaterMsg{save: msg.save} }
	case retryLaterMsg:
		a.still = true
		return a, tea.Tick(retryDelay, func(time.Time) tea.Msg { return retryMsg(msg) })
	case retryMsg:
		a.still = true
		return a, retried(msg.save)
	case settledMsg:
		a.waiting = max(0, a.waiting-1)
		return a.Update(msg.msg)
	}
	return a, nil
}
