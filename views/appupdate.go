package views

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// Update handles the root's own messages, hands a key to whoever has the
// keyboard (see updateKey), and every other message to its owner — the
// screen or overlay that asked for it — even while another screen shows.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.still = false
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case tea.KeyPressMsg:
		// The hide key comes first of all; here, not in updateKey, so that
		// keys typed ahead before hiding still land when replayed.
		if a.hideKey(msg) {
			return a, nil
		}
		return a.updateKey(msg)
	case tea.PasteMsg:
		if a.hidden {
			a.still = true // pasted out of sight: nothing at all
			return a, nil
		}
		return a.updatePaste(msg)
	case tea.BackgroundColorMsg:
		a.restyle(a.profile, msg.IsDark())
		return a, nil
	case hangUpMsg:
		// The window was closed, or the app told to stop: there is nobody
		// left to ask, so keep what can be kept (the reflection's last
		// words; it saves as it goes) and quit, so the journal is closed
		// properly.
		a.hungUp = true
		if a.reflection.weekDirty() {
			return a.saveReflectionThenQuit()
		}
		return a, tea.Quit
	case statusMsg:
		a.status, a.statusErr = msg.text, msg.isErr
		return a, nil
	case openEditorMsg:
		if cmd, held := a.editorWhileHidden(msg); held {
			return a, cmd
		}
		return a, a.openEditor(msg.field)
	case handOverMsg:
		if cmd, held := a.editorWhileHidden(msg); held {
			return a, cmd
		}
		// Bubble Tea's renderer draws the screen: it gives the terminal
		// over and takes it back itself.
		return a, tea.ExecProcess(msg.cmd, msg.done)
	case editorDoneMsg:
		return a.editorDone(msg)
	case busyMsg, retryLaterMsg, retryMsg, settledMsg:
		return a.waitForJournal(msg)
	case todayLoadedMsg:
		cmd := a.today.handle(msg)
		if a.warm || a.displayReports {
			return a, cmd
		}
		// Bubble Tea draws this Update's frame before it reads the next
		// message, so warming up on a message of its own starts the other
		// loads after the first full frame, not alongside it.
		return a, tea.Batch(cmd, func() tea.Msg { return warmUpMsg{} })
	case warmAnswerMsg:
		return a.warmAnswered(msg)
	case openingLaterMsg:
		a.still = true
		return a, tea.Tick(openingDelay, func(time.Time) tea.Msg { return openingDueMsg{} })
	case openingDueMsg:
		a.openingDue = true
		a.still = a.today.loaded // drawn already, with its data
		return a, nil
	case warmUpMsg:
		a.still = true
		if a.settled != nil {
			a.settled()
			a.settled = nil
		}
		return a, tea.Batch(a.warmUp(), a.syncAtStart())
	case preloadLaterMsg:
		a.still = true
		return a, tea.Tick(preloadRest, func(time.Time) tea.Msg { return preloadDueMsg(msg) })
	case preloadDueMsg:
		a.still = true // the reads start; what they find shows when it arrives
		return a, a.preloadDue(msg)
	case historyLaterMsg:
		a.still = true
		return a, tea.Tick(historySettle, func(time.Time) tea.Msg { return historyDueMsg(msg) })
	case historyDueMsg:
		a.still = true // the read starts; what it finds shows when it arrives
		return a, a.contacts.handle(msg)
	case watchLaterMsg:
		a.still = true
		return a, tea.Tick(watchInterval, func(time.Time) tea.Msg { return watchMsg{} })
	case watchMsg:
		a.still = true
		return a, a.readDataVersion()
	case dataVersionMsg:
		return a.noticeChanges(msg)
	case autosaveLaterMsg:
		return a, tea.Tick(autosaveDelay, func(time.Time) tea.Msg { return autosaveMsg(msg) })
	case reflectionSavedMsg:
		return a.reflectionSaved(msg)
	case reachOutDeletedMsg:
		if msg.err != nil {
			a.status, a.statusErr = "Could not remove it: "+msg.err.Error(), true
			return a, nil
		}
		a.status, a.statusErr = "Removed the reach-out with "+oneLine(msg.name)+".", false
		a.offerUndoReachOut(msg.removed)
		return a, a.reloadAll()
	case checkInDeletedMsg:
		if msg.err != nil {
			a.status, a.statusErr = "Could not remove the check-in: "+msg.err.Error(), true
			return a, nil
		}
		a.status, a.statusErr = "Removed the check-in of "+msg.removed.Day.Human()+".", false
		a.offerUndoCheckIn(msg.removed)
		return a, a.reloadAll()
	case contactArchivedMsg:
		if msg.err == nil && msg.archived {
			a.offerUndoArchive(msg.id, msg.name)
		}
		return a, a.toOwner(msg)
	case planDroppedMsg:
		if msg.err == nil {
			a.offerUndoPlan(msg.dropped)
		}
		return a, a.toOwner(msg)
	case undoneMsg:
		return a.undone(msg)
	case pickerPageMsg:
		if a.log == nil || a.log.picker != msg.picker {
			return a, a.toOwner(msg) // the safety plan's picker
		}
		_, cmd := a.log.update(msg)
		return a.replayTypedAhead(cmd)
	case reachOutSavedMsg:
		if a.log == nil {
			return a, nil
		}
		done, cmd := a.log.update(msg)
		if done {
			a.log = nil
			a.status, a.statusErr = loggedSentence(msg.reachOut, msg.edited), false
			if msg.added {
				a.status += " " + oneLine(msg.reachOut.ContactName) + " is in your contacts now."
			}
			cmd = tea.Batch(cmd, a.reloadAll())
		}
		return a.replayTypedAhead(cmd)
	case crisisLoadedMsg:
		var cmd tea.Cmd
		*a.crisis, cmd = a.crisis.update(msg)
		return a, cmd
	case settingsLoadedMsg, settingsSavedMsg:
		if a.settings == nil {
			return a, nil
		}
		done, cmd := a.settings.update(msg)
		if done {
			a.settings = nil
			cmd = tea.Batch(cmd, a.reloadAll())
		}
		a.resize()
		return a, cmd
	case syncNowMsg:
		return a, a.startSync(true)
	case syncedMsg:
		return a.synced(msg)
	case editPromptsMsg:
		a.show(screenReflection)
		a.reflection.mode = modePrompts
		return a, tea.Batch(a.reflection.prompts.open(), a.reflection.load())
	case openSettingsMsg:
		return a.openSettings()
	case editPlanMsg:
		a.show(screenNetwork)
		var cmd tea.Cmd
		a.network.plan, cmd = openPlanEditor(a.st, a.styles, a.width, a.contentHeight())
		a.resize()
		return a, cmd
	case showDueMsg:
		a.show(screenContacts)
		return a, a.contacts.showDue()
	case jumpToContactMsg:
		a.show(screenContacts)
		return a, a.contacts.show(msg.id, msg.archived, false)
	case openPersonMsg:
		a.show(screenContacts)
		return a, a.contacts.show(msg.id, false, true)
	case openPlanMsg:
		if a.planning != nil {
			return a, nil // one at a time; the open one keeps its typing
		}
		var cmd tea.Cmd
		a.planning, cmd = newPlanDialog(a.st, a.clock, a.styles, msg)
		a.resize()
		return a, cmd
	case plannedMsg:
		if a.planning == nil {
			return a, nil
		}
		done, cmd := a.planning.update(msg)
		if done {
			a.planning = nil
			cmd = tea.Batch(cmd, a.reloadAll())
		}
		a.resize()
		return a, cmd
	case searchResultsMsg:
		if a.search != nil {
			a.search.update(msg)
		}
		return a, nil
	case showDayMsg:
		a.show(screenCheckIn)
		return a, a.checkIn.showDay(msg.day)
	case showWeekMsg:
		a.show(screenReflection)
		var cmd tea.Cmd
		*a.reflection, cmd = a.reflection.showWeek(msg.week)
		return a, cmd
	case hardDayMsg:
		return a, readHardDay(a.st, msg.checkIn)
	case hardDayLoadedMsg:
		if msg.err != nil || !msg.data.settings.HardDayCard {
			return a, nil // the check-in is saved and says so; nothing more
		}
		card := model.BuildHardDayCard(msg.checkIn, msg.data.plan, msg.data.people.People, a.clock.Now())
		a.hardDay = newHardDayCard(a.styles, card)
		a.resize()
		return a, nil
	case openLogMsg:
		if a.log != nil {
			return a, nil // one dialog at a time; the open one keeps its typing
		}
		var cmd tea.Cmd
		w, _ := a.size()
		a.log, cmd = newLogDialog(a.st, a.clock, a.styles, msg, w, a.contentHeight())
		a.resize()
		return a, cmd
	case switchToAddContactMsg:
		a.show(screenContacts)
		return a, a.contacts.openAdd()
	case switchToCheckInMsg:
		a.show(screenCheckIn)
		return a, a.checkIn.showToday()
	case switchToReflectionMsg:
		a.show(screenReflection)
		return a, a.reflection.showThisWeek()
	}
	return a, a.toOwner(msg)
}

// toOwner hands a loaded or saved result to the screen that owns it; a
// save that succeeded reloads every screen.
func (a *App) toOwner(msg tea.Msg) tea.Cmd {
	for _, t := range a.tabs {
		if !t.screen.owns(msg) {
			continue
		}
		cmd := t.screen.handle(msg)
		if w, ok := msg.(written); ok && w.writeErr() == nil {
			cmd = tea.Batch(cmd, a.reloadAll())
		}
		if ask := a.takeAsk(); ask != nil {
			// Asked on an answer read (ctrl+p's people): acted on now, as
			// after a key.
			_, askCmd := a.Update(ask)
			cmd = tea.Batch(cmd, askCmd)
		}
		return cmd
	}
	return nil
}

// noticeChanges acts on a look at the journal's data_version: a change
// made elsewhere (another window, `tether log`) reloads every screen.
func (a *App) noticeChanges(msg dataVersionMsg) (tea.Model, tea.Cmd) {
	next := func() tea.Msg { return watchLaterMsg{} }
	if msg.glance {
		next = nil // the watch's own round is already under way
	}
	// Loads only start reads: what they read shows when it arrives.
	a.still = true
	loads := a.warmLoads()
	if msg.err != nil {
		return a, tea.Batch(loads, next) // a passing error; look again later
	}
	changed := a.dataVersion != 0 && msg.version != a.dataVersion
	a.dataVersion = msg.version
	if changed {
		a.still = false
		// Reloads never touch an open form: what is being typed stays.
		return a, tea.Batch(a.reloadAll(), loads, next)
	}
	return a, tea.Batch(loads, next)
}

// reflectionSaved hands a save of the week to Reflection and, when the
// person asked to quit while it was on its way, quits once it is written.
// It reloads only Today (which shows whether the week is begun): the week
// saves as the person writes, and reloading every screen each time would
// be wasted.
func (a *App) reflectionSaved(msg reflectionSavedMsg) (tea.Model, tea.Cmd) {
	cmd := a.reflection.handle(msg)
	if a.quitAfterSave {
		if msg.err != nil && !a.hungUp {
			a.quitAfterSave = false
			a.status, a.statusErr = "Not saved, so not quitting: "+msg.err.Error(), true
			return a, cmd
		}
		// Words typed while that save was on its way are saved too.
		if msg.err == nil && a.reflection.weekDirty() {
			if save := a.reflection.save(false); save != nil {
				return a, tea.Batch(cmd, save)
			}
		}
		return a, tea.Quit
	}
	if msg.err == nil {
		cmd = tea.Batch(cmd, a.today.load())
	}
	return a, cmd
}

// saveReflectionThenQuit saves the reflection's last words (it saves as it
// goes) and quits once they are written; see reflectionSaved.
func (a *App) saveReflectionThenQuit() (tea.Model, tea.Cmd) {
	a.quitAfterSave = true
	if a.reflection.saving {
		// An autosave is on its way: its answer comes first, and whatever
		// was typed since is saved then (see reflectionSaved).
		return a, nil
	}
	if cmd := a.reflection.save(false); cmd != nil {
		return a, cmd
	}
	return a, tea.Quit
}

// show puts a tab on show, sized, without reading anything (see switchTo).
func (a *App) show(i int) {
	a.active = i
	a.resize()
}

// switchTo shows a screen at once with what it holds. Whether the journal
// changed meanwhile (another window, a subcommand) is one glance at
// data_version, which reloads everything only if so; a new day reloads
// too. A lazy screen loads when it has not been read (and is not being
// read: the read-ahead may be on its way), when its last read failed, or
// when a change came while it was out of sight.
func (a *App) switchTo(i int) (tea.Model, tea.Cmd) {
	a.show(i)
	if !a.loadedDay.IsZero() && model.Today(a.clock) != a.loadedDay {
		return a, a.reloadAll()
	}
	if l, ok := a.tabs[i].screen.(lazyScreen); ok && a.tabs[i].lazy && l.needsLoad(a.stale[i]) {
		a.stale[i] = false
		return a, tea.Batch(a.tabs[i].screen.load(), a.lookForChanges(true))
	}
	return a, a.lookForChanges(true)
}

// openSettings shows the settings overlay over the current screen.
func (a *App) openSettings() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	w, _ := a.size()
	a.settings, cmd = openSettings(a.st, a.clock, a.styles, w, a.contentHeight())
	a.resize()
	return a, cmd
}
