package views

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// updatePaste takes a paste (bracketed by the terminal, so it arrives
// whole): while someone is typing it is text for the field, whole, never
// keys; anywhere else it is nothing at all.
func (a *App) updatePaste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	if !a.typingText() {
		return a, nil
	}
	if model.LongerThan(msg.Content, model.MaxPasteLen) {
		// Whole or not at all: nothing typed before changes, and the
		// clipboard still holds it to paste a part.
		a.status, a.statusErr = fmt.Sprintf("Not pasted: that is more than %s characters, the most any field holds. Paste a shorter part.",
			model.Thousands(model.MaxPasteLen)), true
		return a, nil
	}
	a.status, a.statusErr = "", false
	var cmd tea.Cmd
	switch {
	case a.search != nil:
		_, cmd = a.search.update(msg)
	case a.log != nil:
		if a.logWaits(msg) {
			return a, nil
		}
		_, cmd = a.log.update(msg)
	case a.planning != nil:
		_, cmd = a.planning.update(msg)
	case a.settings != nil:
		_, cmd = a.settings.update(msg)
	default:
		cmd = a.updateActive(msg)
	}
	a.resize()
	return a, cmd
}

// typingText reports whether typed text goes into a text field now.
func (a *App) typingText() bool {
	if a.confirmQuit || a.crisis.open {
		return false
	}
	return a.capturing()
}

// updateKey routes one key: the quit question first, then the keys that
// act from anywhere (ctrl+c, ctrl+g), then the overlay on top, then a
// screen that is typing, then the global keys, then the screen on show.
func (a *App) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	a.keysPressed++
	a.status, a.statusErr = "", false
	if taken, cmd := a.takeUndo(msg); taken {
		return a, cmd
	}
	if key.Matches(msg, a.keys.Suspend) {
		// Everything is kept as it is, the question on screen included.
		return a, tea.Suspend
	}
	if a.confirmQuit {
		switch {
		case key.Matches(msg, a.yesNo.Yes), key.Matches(msg, a.keys.ForceQuit):
			return a, tea.Quit
		case key.Matches(msg, a.yesNo.No):
			a.confirmQuit = false
		}
		return a, nil
	}
	switch {
	case key.Matches(msg, a.keys.ForceQuit):
		return a.quit()
	case key.Matches(msg, a.keys.CrisisAnywhere) && !a.crisis.open:
		return a.showCrisis()
	}
	if a.crisis.open {
		var cmd tea.Cmd
		*a.crisis, cmd = a.crisis.update(msg)
		a.resize() // the help under it changes
		return a, cmd
	}
	if a.search != nil {
		done, cmd := a.search.update(msg)
		if done {
			a.search = nil
		}
		a.resize()
		return a, cmd
	}
	if a.log != nil {
		if a.logWaits(msg) {
			return a, nil
		}
		done, cmd := a.log.update(msg)
		if done {
			a.log = nil
		}
		a.resize()
		return a, cmd
	}
	if a.planning != nil {
		done, cmd := a.planning.update(msg)
		if done {
			a.planning = nil
		}
		a.resize()
		return a, cmd
	}
	if a.settings != nil {
		done, cmd := a.settings.update(msg)
		if done {
			a.settings = nil
		}
		a.resize()
		return a, cmd
	}
	if a.hardDay != nil {
		if key.Matches(msg, a.keys.Crisis) {
			return a.showCrisis() // over the card; esc comes back to it
		}
		done, cmd := a.hardDay.update(msg)
		if done {
			a.hardDay = nil
		}
		a.resize()
		return a, cmd
	}
	if a.capturing() {
		cmd := a.updateActive(msg)
		a.resize() // the help line may have changed height
		return a, cmd
	}
	if a.help.ShowAll && (namedKey(msg) == "esc" || key.Matches(msg, a.keys.Help)) {
		a.help.ShowAll = false
		a.resize()
		return a, nil
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.quit()
	case key.Matches(msg, a.keys.Help):
		a.help.ShowAll = true
		a.resize()
		return a, nil
	case key.Matches(msg, a.keys.Crisis):
		return a.showCrisis()
	case key.Matches(msg, a.keys.Search):
		var cmd tea.Cmd
		a.search, cmd = newSearchDialog(a.st, a.styles)
		a.resize()
		return a, cmd
	case key.Matches(msg, a.keys.Settings):
		return a.openSettings()
	case key.Matches(msg, a.keys.NextTab):
		return a.switchTo((a.active + 1) % len(a.tabs))
	case key.Matches(msg, a.keys.PrevTab):
		return a.switchTo((a.active + len(a.tabs) - 1) % len(a.tabs))
	}
	for i, b := range a.tabKeys {
		if key.Matches(msg, b) {
			return a.switchTo(i)
		}
	}
	cmd := a.updateActive(msg)
	a.resize()
	return a, cmd
}

// quit answers ctrl+c: at once when nothing is unsaved; saving first when
// only the reflection (which saves as it goes) holds new words; otherwise
// it asks, so no typing is thrown away.
func (a *App) quit() (tea.Model, tea.Cmd) {
	if a.waiting > 0 {
		a.confirmQuit = true // a save waiting for another window would be lost
		return a, nil
	}
	if a.reflection.weekDirty() && !a.otherDirty() {
		return a.saveReflectionThenQuit()
	}
	if a.Dirty() {
		a.confirmQuit = true
		return a, nil
	}
	return a, tea.Quit
}

// updateActive hands a key to the screen on show, then acts on what it
// asked of the root.
func (a *App) updateActive(msg tea.Msg) tea.Cmd {
	cmd := a.page().handle(msg)
	if ask := a.takeAsk(); ask != nil {
		_, askCmd := a.Update(ask)
		cmd = tea.Batch(cmd, askCmd)
	}
	return cmd
}

// takeAsk collects what a screen asked of the root during its update: open
// the reach-out dialog, go to another screen. The root acts on it in the
// same Update, before the next key is read; sent as a command instead, a
// person typing l enter quickly would have the enter land on the screen
// underneath before the dialog opened.
func (a *App) takeAsk() tea.Msg {
	for _, t := range a.tabs {
		if ask := t.screen.takeAsk(); ask != nil {
			return ask
		}
	}
	return nil
}

// logWaits keeps msg for later when the reach-out dialog cannot act on it
// yet (saving, or choosing from people still being read), or keys typed
// before it are still waiting: keys typed meanwhile wait their turn, in
// order, instead of being lost or acting on an older list.
func (a *App) logWaits(msg tea.Msg) bool {
	return a.typedAhead.hold(msg, a.log.waitsFor(msg))
}

// replayTypedAhead hands on the keys typed while the reach-out dialog was
// busy, in order, now that it is not (a key may make it busy again, and
// the rest then wait once more).
func (a *App) replayTypedAhead(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	for _, k := range a.typedAhead.take() {
		var c tea.Cmd
		switch k := k.(type) {
		case tea.KeyPressMsg:
			_, c = a.updateKey(k)
		case tea.PasteMsg:
			_, c = a.updatePaste(k)
		}
		cmd = tea.Batch(cmd, c)
	}
	return a, cmd
}

// showCrisis opens the crisis card over whatever is on show; esc returns
// exactly there.
func (a *App) showCrisis() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	*a.crisis, cmd = a.crisis.show()
	a.resize()
	return a, cmd
}
