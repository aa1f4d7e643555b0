package views

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tether-recovery/tether/model"
)

type screen int

const (
	screenToday screen = iota
	screenContacts
	screenCheckIn
	screenReflection
	screenNetwork
	screenCount
)

var screenNames = [screenCount]string{"Today", "Contacts", "Check-in", "Reflection", "Network"}

// Options configure the app; zero values are sensible.
type Options struct {
	Clock model.Clock
	// Badge is shown at the right of the tab bar, e.g. "demo journal", so a
	// person always knows when they are not looking at their own journal.
	Badge string
	// Settled, when set, is called once, as soon as the first screen with
	// the journal's data has been drawn and before the other screens load:
	// the end of start-up, for what should not slow it down.
	Settled func()
}

// App is the root model: it owns the tab bar, the footer and the crisis
// card, routes keys by the shared contract of the SPEC, and hands each
// loaded result to the screen that asked for it.
type App struct {
	st    Store
	clock model.Clock
	badge string
	// settled is Options.Settled until it has been called.
	settled func()
	// chrome is shared by every copy of the App (Bubble Tea passes it by
	// value), so what it keeps survives from one Update to the next.
	chrome *chrome
	styles *Styles
	keys   globalKeys
	yesNo  confirmKeys
	help   *help.Model

	width, height int
	active        screen

	// The screens are held by pointer: Bubble Tea boxes the App into an
	// interface on every message, and with the screens inside it was an
	// 18 KB copy each time, a garbage collection every few keys.
	today      *todayModel
	contacts   *contactsModel
	checkIn    *checkInModel
	reflection *reflectionModel
	network    *networkModel
	crisis     *crisisModel
	log        *logDialog      // the reach-out dialog, over any screen
	settings   *settingsEditor // the settings overlay, over any screen

	status        string
	statusErr     bool
	confirmQuit   bool
	quitAfterSave bool    // ctrl+c while writing a reflection: save, then quit
	hungUp        bool    // the terminal is gone: quit whatever happens
	dataVersion   int64   // the journal's data_version last seen; 0 before the first look
	firstLoad     tea.Cmd // Today's first reads, already under way (see onTerminal)
	// displayReports says the display sends warmUpMsg once the first full
	// frame is on the screen; without it (tests) the warm-up follows the
	// first load at once.
	displayReports bool
	still          bool         // the last Update changed nothing on the screen (see unchanged)
	warmLoadsDue   bool         // the warm-up's loads wait for the watch's first look
	warmPending    int          // the warm-up's loads not yet answered (see warmAnswered)
	warm           bool         // the loads after the first frame have started
	openingDue     bool         // Today's first read has taken openingDelay
	typedAhead     []tea.KeyMsg // keys typed while the reach-out dialog was busy
	// loadedDay is the day the screens last loaded for; a new day reloads.
	loadedDay model.Date
	// reflectionStale and networkStale mark pages that missed a reload
	// while out of sight.
	reflectionStale, networkStale bool
}

// New builds the app on a journal.
func New(st Store, opts Options) App {
	clock := opts.Clock
	if clock == nil {
		clock = model.SystemClock{}
	}
	styles := DefaultStyles()
	h := help.New()
	h.Styles = styles.Help
	h.ShortSeparator = " · "
	return App{
		st: st, clock: clock, badge: opts.Badge, settled: opts.Settled, chrome: &chrome{}, styles: styles, loadedDay: model.Today(clock),
		keys: newGlobalKeys(), yesNo: newConfirmKeys(), help: &h,
		today:      ptr(newTodayModel(st, clock, styles)),
		contacts:   ptr(newContactsModel(st, clock, styles)),
		checkIn:    ptr(newCheckInModel(st, clock, styles)),
		reflection: ptr(newReflectionModel(st, clock, styles)),
		network:    ptr(newNetworkModel(st, clock, styles)),
		crisis:     ptr(newCrisisModel(st, clock, styles)),
	}
}

func ptr[T any](v T) *T { return &v }

// Init starts the first load (or, on a terminal, hands over the one
// already under way; see onTerminal); nothing here touches the disk itself.
//
// Only Today's data is read before the first frame: on two cores, every
// other load running alongside would delay it. The rest follows the first
// full frame (the warm-up), the heavier Reflection and Network pages last.
func (a App) Init() tea.Cmd {
	if a.firstLoad != nil {
		return tea.Batch(a.firstLoad, func() tea.Msg { return openingLaterMsg{} })
	}
	return a.today.load()
}

// openingDelay is how long the terminal stays blank, at start, for Today's
// first read: it takes a few milliseconds, and drawing "Opening your
// journal…" first would only hold up the screen with the data (and flash).
// On a slow disk the line shows after this long.
const openingDelay = 100 * time.Millisecond

// openingLaterMsg asks for openingDueMsg after openingDelay; the root turns
// it into a timer, so tests decide when the delay is over.
type openingLaterMsg struct{}

// openingDueMsg says Today's first read has taken openingDelay.
type openingDueMsg struct{}

// holdsFirstFrame reports that nothing should be drawn yet: on a terminal,
// Today's first read is under way and has not yet taken openingDelay.
func (a App) holdsFirstFrame() bool { return a.displayReports && !a.today.loaded && !a.openingDue }

// onTerminal readies the app for Run: first is Today's first read,
// already under way (see startToday), and the warm-up waits for the display
// to say the first full frame is on the screen (see awaitingFirstFrame),
// since on two cores the warm-up's reads would otherwise hold up its
// drawing.
func (a App) onTerminal(first tea.Cmd) App {
	a.firstLoad = first
	a.displayReports = true
	return a
}

// startToday starts Today's first read for a terminal height lines tall,
// at once, before the app is even built: it runs while the styles and
// screens are made and the terminal and Bubble Tea are set up (together
// half a millisecond and more on a cold start), and takes only the due
// people that screen can show (see loadFirst).
func startToday(st Store, clock model.Clock, height int) tea.Cmd {
	if clock == nil {
		clock = model.SystemClock{}
	}
	return early(readToday(st, model.Today(clock), max(1, height)))
}

// early runs cmd now, in its own goroutine, and returns a command that
// hands over its message.
func early(cmd tea.Cmd) tea.Cmd {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	return func() tea.Msg { return <-ch }
}

// awaitingFirstFrame reports that Today has what it needs and the warm-up
// has not begun: the next frame drawn is the first full one.
func (a App) awaitingFirstFrame() bool { return a.today.loaded && !a.warm }

// warmUpMsg asks for the warm-up, once the first full frame is drawn.
type warmUpMsg struct{}

// unchanged reports that the last Update left the screen as it was: a
// round of the watch that found nothing new, or the warm-up starting its
// reads (what they read shows when it arrives). Switching screens glances
// at the journal, and drawing again the screen just drawn for that key
// would only compete with putting it on the terminal.
func (a App) unchanged() bool { return a.still }

// watchInterval is how often a window looks for changes made elsewhere:
// another Tether window, or `tether log` in a shell.
const watchInterval = 2 * time.Second

func (a App) readDataVersion() tea.Cmd { return a.lookForChanges(false) }

// lookForChanges reads the journal's data_version: the watch's question,
// and on switching screens a glance.
func (a App) lookForChanges(glance bool) tea.Cmd {
	st := a.st
	return func() tea.Msg {
		v, err := st.DataVersion(context.Background())
		return dataVersionMsg{version: v, err: err, glance: glance}
	}
}

// reloadAll refreshes every screen after a write, so what one screen
// changed shows everywhere (and a change from another window shows too).
func (a *App) reloadAll() tea.Cmd {
	a.loadedDay = model.Today(a.clock)
	cmds := []tea.Cmd{a.today.load(), a.contacts.load(), a.checkIn.load(), a.crisis.load()}
	// The heavier pages reload when on show, else the next time they are.
	a.reflectionStale = a.active != screenReflection
	a.networkStale = a.active != screenNetwork
	switch a.active {
	case screenReflection:
		cmds = append(cmds, a.reflection.load())
	case screenNetwork:
		cmds = append(cmds, a.network.load())
	}
	return tea.Batch(cmds...)
}

// capturing reports whether something has the keyboard for typing, in
// which case only ctrl keys, esc, tab and enter act.
func (a App) capturing() bool {
	if a.log != nil || a.settings != nil {
		return true
	}
	switch a.active {
	case screenToday:
		return a.today.capturing()
	case screenContacts:
		return a.contacts.capturing()
	case screenCheckIn:
		return a.checkIn.capturing()
	case screenReflection:
		return a.reflection.capturing()
	case screenNetwork:
		return a.network.capturing()
	}
	return false
}

// otherDirty reports unsaved typing outside the reflection, which saves
// itself.
func (a App) otherDirty() bool {
	return a.contacts.dirty() || a.today.dirty() || a.checkIn.dirty() || a.network.dirty() ||
		(a.log != nil && a.log.dirty()) || (a.settings != nil && a.settings.form.dirty())
}

// Dirty reports unsaved typing anywhere.
func (a App) Dirty() bool {
	return a.contacts.dirty() || a.today.dirty() || a.checkIn.dirty() || a.reflection.dirty() ||
		(a.log != nil && a.log.dirty())
}

func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.still = false
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case hangUpMsg:
		// The window was closed, or the app told to stop: there is nobody
		// left to ask, so keep what can be kept (the reflection's last
		// words; it saves as it goes) and quit, so the journal is closed
		// properly.
		a.hungUp = true
		if a.reflection.dirty() {
			return a.saveReflectionThenQuit()
		}
		return a, tea.Quit
	case statusMsg:
		a.status, a.statusErr = msg.text, msg.isErr
		return a, nil
	case todayLoadedMsg:
		var cmd tea.Cmd
		*a.today, cmd = a.today.update(msg)
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
		return a, a.warmUp()
	case recoveryStartSavedMsg:
		var cmd tea.Cmd
		*a.today, cmd = a.today.update(msg)
		return a, tea.Batch(cmd, a.afterWrite(msg))
	case contactsLoadedMsg, historyLoadedMsg:
		var cmd tea.Cmd
		*a.contacts, cmd = a.contacts.update(msg)
		return a, cmd
	case historyLaterMsg:
		a.still = true
		return a, tea.Tick(historySettle, func(time.Time) tea.Msg { return historyDueMsg(msg) })
	case historyDueMsg:
		a.still = true // the read starts; what it finds shows when it arrives
		var cmd tea.Cmd
		*a.contacts, cmd = a.contacts.update(msg)
		return a, cmd
	case checkInDayLoadedMsg:
		var cmd tea.Cmd
		*a.checkIn, cmd = a.checkIn.update(msg)
		return a, cmd
	case watchLaterMsg:
		a.still = true
		return a, tea.Tick(watchInterval, func(time.Time) tea.Msg { return watchMsg{} })
	case watchMsg:
		a.still = true
		return a, a.readDataVersion()
	case dataVersionMsg:
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
	case autosaveLaterMsg:
		return a, tea.Tick(autosaveDelay, func(time.Time) tea.Msg { return autosaveMsg(msg) })
	case weekLoadedMsg, headersLoadedMsg, autosaveMsg, promptsLoadedMsg, promptsSavedMsg:
		var cmd tea.Cmd
		*a.reflection, cmd = a.reflection.update(msg)
		return a, cmd
	case reflectionSavedMsg:
		var cmd tea.Cmd
		*a.reflection, cmd = a.reflection.update(msg)
		if a.quitAfterSave {
			if msg.err != nil && !a.hungUp {
				a.quitAfterSave = false
				a.status, a.statusErr = "Not saved, so not quitting: "+msg.err.Error(), true
				return a, cmd
			}
			// Words typed while that save was on its way are saved too.
			if msg.err == nil && a.reflection.dirty() {
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
	case contactSavedMsg, contactArchivedMsg:
		var cmd tea.Cmd
		*a.contacts, cmd = a.contacts.update(msg)
		return a, tea.Batch(cmd, a.afterWrite(msg))
	case checkInSavedMsg:
		var cmd tea.Cmd
		*a.checkIn, cmd = a.checkIn.update(msg)
		return a, tea.Batch(cmd, a.afterWrite(msg))
	case reachOutDeletedMsg:
		if msg.err != nil {
			a.status, a.statusErr = "Could not remove it: "+msg.err.Error(), true
			return a, nil
		}
		a.status, a.statusErr = "Removed the reach-out with "+oneLine(msg.name)+".", false
		return a, a.reloadAll()
	case pickerLoadedMsg, reachOutSavedMsg:
		if a.log == nil {
			return a, nil
		}
		done, cmd := a.log.update(msg)
		if done {
			a.log = nil
			if saved, ok := msg.(reachOutSavedMsg); ok {
				a.status, a.statusErr = loggedSentence(saved.reachOut, saved.edited), false
				cmd = tea.Batch(cmd, a.reloadAll())
			}
		}
		return a.replayTypedAhead(cmd)
	case crisisLoadedMsg:
		var cmd tea.Cmd
		*a.crisis, cmd = a.crisis.update(msg)
		return a, cmd
	case networkLoadedMsg, planLoadedMsg:
		var cmd tea.Cmd
		*a.network, cmd = a.network.update(msg)
		return a, cmd
	case planSavedMsg, checkupSavedMsg:
		var cmd tea.Cmd
		*a.network, cmd = a.network.update(msg)
		return a, tea.Batch(cmd, a.afterWrite(msg))
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
	case editPromptsMsg:
		a.active = screenReflection
		a.reflection.mode = modePrompts
		a.resize()
		return a, tea.Batch(a.reflection.prompts.open(), a.reflection.load())
	case openSettingsMsg:
		return a.openSettings()
	case editPlanMsg:
		a.active = screenNetwork
		var cmd tea.Cmd
		a.network.plan, cmd = openPlanEditor(a.st, a.styles, a.width, a.contentHeight())
		a.resize()
		return a, cmd
	case jumpToContactMsg:
		a.active = screenContacts
		a.resize()
		return a, a.contacts.show(msg.id)
	case openLogMsg:
		if a.log != nil {
			return a, nil // one dialog at a time; the open one keeps its typing
		}
		var cmd tea.Cmd
		a.log, cmd = newLogDialog(a.st, a.clock, a.styles, msg)
		a.resize()
		return a, cmd
	case switchToAddContactMsg:
		a.active = screenContacts
		a.resize()
		return a, a.contacts.openAdd()
	case switchToCheckInMsg:
		a.active = screenCheckIn
		a.resize()
		return a, a.checkIn.showToday()
	case switchToReflectionMsg:
		a.active = screenReflection
		a.resize()
		return a, a.reflection.writeThisWeek()
	case tea.KeyMsg:
		return a.updateKey(msg)
	}
	return a, nil
}

// afterWrite reloads every screen once a write has succeeded.
func (a *App) afterWrite(msg tea.Msg) tea.Cmd {
	var err error
	switch m := msg.(type) {
	case contactSavedMsg:
		err = m.err
	case contactArchivedMsg:
		err = m.err
	case checkInSavedMsg:
		err = m.err
	case recoveryStartSavedMsg:
		err = m.err
	case planSavedMsg:
		err = m.err
	case checkupSavedMsg:
		err = m.err
	}
	if err != nil {
		return nil
	}
	return a.reloadAll()
}

// saveReflectionThenQuit saves the reflection's last words (it saves as it
// goes) and quits once they are written; see reflectionSavedMsg.
func (a App) saveReflectionThenQuit() (tea.Model, tea.Cmd) {
	a.quitAfterSave = true
	if a.reflection.saving {
		// An autosave is on its way: its answer comes first, and whatever
		// was typed since is saved then (see reflectionSavedMsg).
		return a, nil
	}
	if cmd := a.reflection.save(false); cmd != nil {
		return a, cmd
	}
	return a, tea.Quit
}

func (a App) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	a.status, a.statusErr = "", false
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
		if a.reflection.dirty() && !a.otherDirty() {
			return a.saveReflectionThenQuit()
		}
		if a.Dirty() {
			a.confirmQuit = true
			return a, nil
		}
		return a, tea.Quit
	case key.Matches(msg, a.keys.CrisisAnywhere) && !a.crisis.open:
		var cmd tea.Cmd
		*a.crisis, cmd = a.crisis.show()
		return a, cmd
	}
	if a.crisis.open {
		var cmd tea.Cmd
		*a.crisis, cmd = a.crisis.update(msg)
		return a, cmd
	}
	if a.log != nil {
		if a.log.busy() {
			// Saving, or still finding the people to pick from: keys typed
			// meanwhile wait their turn instead of being lost.
			a.typedAhead = append(a.typedAhead, msg)
			return a, nil
		}
		done, cmd := a.log.update(msg)
		if done {
			a.log = nil
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
	if a.capturing() {
		cmd := a.updateActive(msg)
		a.resize() // the help line may have changed height
		return a, cmd
	}
	if a.help.ShowAll && (msg.String() == "esc" || key.Matches(msg, a.keys.Help)) {
		a.help.ShowAll = false
		a.resize()
		return a, nil
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a, tea.Quit
	case key.Matches(msg, a.keys.Help):
		a.help.ShowAll = true
		a.resize()
		return a, nil
	case key.Matches(msg, a.keys.Crisis):
		var cmd tea.Cmd
		*a.crisis, cmd = a.crisis.show()
		return a, cmd
	case key.Matches(msg, a.keys.Settings):
		return a.openSettings()
	case key.Matches(msg, a.keys.NextTab):
		return a.switchTo((a.active + 1) % screenCount)
	case key.Matches(msg, a.keys.PrevTab):
		return a.switchTo((a.active + screenCount - 1) % screenCount)
	}
	for i, b := range []key.Binding{a.keys.Today, a.keys.Contacts, a.keys.CheckIn, a.keys.Reflection, a.keys.Network} {
		if key.Matches(msg, b) {
			return a.switchTo(screen(i))
		}
	}
	cmd := a.updateActive(msg)
	a.resize()
	return a, cmd
}

// updateActive hands a message to the screen on show.
func (a *App) updateActive(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch a.active {
	case screenToday:
		*a.today, cmd = a.today.update(msg)
	case screenContacts:
		*a.contacts, cmd = a.contacts.update(msg)
	case screenCheckIn:
		*a.checkIn, cmd = a.checkIn.update(msg)
	case screenReflection:
		*a.reflection, cmd = a.reflection.update(msg)
	case screenNetwork:
		*a.network, cmd = a.network.update(msg)
	}
	if ask := a.takeAsk(); ask != nil {
		m, askCmd := a.Update(ask)
		*a = m.(App)
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
	for _, ask := range []*tea.Msg{&a.today.ask, &a.contacts.ask, &a.checkIn.ask, &a.network.ask} {
		if *ask != nil {
			msg := *ask
			*ask = nil
			return msg
		}
	}
	return nil
}

// switchTo shows a screen at once with what it holds. Whether the journal
// changed meanwhile (another window, a subcommand) is one glance at
// data_version, which reloads everything only if so; a new day reloads
// too. Reflection and Network load when they have not been read (and are
// not being read: the read-ahead may be on its way), when their last read
// failed, or when a change came while they were out of sight.
func (a App) switchTo(s screen) (tea.Model, tea.Cmd) {
	a.active = s
	a.resize()
	if !a.loadedDay.IsZero() && model.Today(a.clock) != a.loadedDay {
		return a, a.reloadAll()
	}
	switch r, n := a.reflection, a.network; s {
	case screenReflection:
		if r.form == nil && (a.reflectionStale || !r.loading && (!r.loaded || r.loadErr != nil)) {
			a.reflectionStale = false
			return a, tea.Batch(a.reflection.load(), a.lookForChanges(true))
		}
	case screenNetwork:
		if a.networkStale || !n.loading && (!n.loaded || n.loadErr != nil) {
			a.networkStale = false
			return a, tea.Batch(a.network.load(), a.lookForChanges(true))
		}
	}
	return a, a.lookForChanges(true)
}

// replayTypedAhead hands on the keys typed while the reach-out dialog was
// busy, in order, now that it is not (a key may make it busy again, and
// the rest then wait once more).
func (a App) replayTypedAhead(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	keys := a.typedAhead
	a.typedAhead = nil
	var m tea.Model = a
	for _, k := range keys {
		var c tea.Cmd
		m, c = m.(App).updateKey(k)
		cmd = tea.Batch(cmd, c)
	}
	return m, cmd
}

// size returns the terminal size, assuming 80×24 before the first
// WindowSizeMsg so the first frame is sensible.
func (a App) size() (int, int) {
	if a.width <= 0 || a.height <= 0 {
		return 80, 24
	}
	return a.width, a.height
}

// openSettings shows the settings overlay over the current screen.
func (a App) openSettings() (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	w, h := a.size0()
	a.settings, cmd = openSettings(a.st, a.clock, a.styles, w, h)
	a.resize()
	return a, cmd
}

// size0 is the content area's size, for overlays that fill it.
func (a App) size0() (int, int) {
	w, _ := a.size()
	return w, a.contentHeight()
}

// contentHeight is what is left for a screen after the tab bar, its rule,
// the status line and the help.
func (a App) contentHeight() int {
	_, h := a.size()
	return max(1, h-3-a.helpHeight())
}

// helpHeight is how many lines the help takes, without drawing it on every
// key: the short help is always one line (bubbles/help cuts it to the
// width); only the full help, shown on ?, is measured.
func (a App) helpHeight() int {
	if a.showingFullHelp() {
		return lipgloss.Height(a.helpView())
	}
	return 1
}

func (a App) showingFullHelp() bool {
	return a.help.ShowAll && !a.capturing() && !a.crisis.open && !a.confirmQuit
}

func (a *App) resize() {
	w, _ := a.size()
	a.help.Width = w
	h := a.contentHeight()
	a.today.setSize(w, h)
	a.contacts.setSize(w, h)
	a.checkIn.setSize(w, h)
	a.reflection.setSize(w, h)
	a.network.setSize(w, h)
	if a.log != nil {
		a.log.setSize(w, h)
	}
	if a.settings != nil {
		a.settings.width, a.settings.height = w, h
		a.settings.form.setSize(w, h-2)
	}
	a.crisis.width, a.crisis.height = w, h
}

// ShortHelp and FullHelp make App a help.KeyMap built from the active
// screen plus the global keys.
func (a App) ShortHelp() []key.Binding {
	k := a.keys
	switch {
	case a.confirmQuit:
		return []key.Binding{a.yesNo.Yes, a.yesNo.No}
	case a.crisis.open:
		return a.crisis.helpKeys()
	case a.log != nil:
		return append(a.log.helpKeys(), k.CrisisAnywhere)
	case a.settings != nil:
		return append(a.settings.form.helpKeys(), editPrompts, k.CrisisAnywhere)
	}
	ks := a.page().helpKeys()
	if a.capturing() {
		return append(ks, k.CrisisAnywhere)
	}
	return append(ks, k.Help, k.Crisis, k.Quit)
}

func (a App) FullHelp() [][]key.Binding {
	k := a.keys
	views := key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "switch view"))
	global := [][]key.Binding{
		{views, k.NextTab, k.PrevTab, k.Help},
		{k.Crisis, k.CrisisAnywhere, k.Settings, k.Quit, k.ForceQuit},
	}
	return append(a.page().fullHelpKeys(), global...)
}

// page is what the root asks of the screen on show: its view and its keys.
type page interface {
	view() string
	helpKeys() []key.Binding
	fullHelpKeys() [][]key.Binding
}

// page is the active screen, for the root's drawing and help.
func (a App) page() page {
	switch a.active {
	case screenContacts:
		return a.contacts
	case screenCheckIn:
		return a.checkIn
	case screenReflection:
		return a.reflection
	case screenNetwork:
		return a.network
	}
	return a.today
}

// helpView is the help line (or, with ?, the full help), drawn again only
// when the keys on offer or the width change: bubbles/help styles and
// measures every key on each call, a quarter of drawing Today.
func (a App) helpView() string {
	full := a.showingFullHelp()
	var groups [][]key.Binding
	if full {
		groups = a.FullHelp()
	} else {
		groups = [][]key.Binding{a.ShortHelp()}
	}
	var k strings.Builder
	fmt.Fprintf(&k, "%v %d", full, a.help.Width)
	for _, g := range groups {
		k.WriteByte('\x1e')
		for _, b := range g {
			if b.Enabled() {
				k.WriteByte('\x1f')
				k.WriteString(b.Help().Key)
				k.WriteByte('\x1f')
				k.WriteString(b.Help().Desc)
			}
		}
	}
	c := a.chrome
	if key := k.String(); key != c.helpKey {
		c.helpKey = key
		if full {
			c.helpText = a.fullHelpView(groups)
		} else {
			c.helpText = a.help.ShortHelpView(groups[0])
		}
	}
	return c.helpText
}

func (a App) View() string {
	w, h := a.size()
	s := a.styles
	help := a.helpView()
	contentH := max(1, h-3-lipgloss.Height(help))

	var content string
	if a.crisis.open {
		content = lipgloss.Place(w, contentH, lipgloss.Center, lipgloss.Center, a.crisis.view(w, contentH))
	} else if a.log != nil {
		content = a.log.view()
	} else if a.settings != nil {
		content = a.settings.view()
	} else {
		content = a.page().view()
	}
	content = clip(content, w, contentH)
	if n := lipgloss.Height(content); n < contentH {
		content += strings.Repeat("\n", contentH-n)
	}

	status := ""
	switch {
	case a.confirmQuit:
		status = s.Prompt.Render("You have unsaved typing. Quit anyway and lose it? y/n")
	case a.status != "" && a.statusErr:
		status = s.StatusError.Render(a.status)
	case a.status != "":
		status = s.Status.Render(a.status)
	}
	// Every part is cut to the width already (content by clip, the bars
	// and status by truncate, the help by bubbles/help and, in case one
	// column is wider than the screen, clip), so only the height is left
	// to keep, without measuring every line of the frame again.
	out := strings.Join([]string{
		a.chrome.bars(a, w),
		content,
		truncate(status, w),
		clip(help, w, h),
	}, "\n")
	return firstLines(out, h)
}

// fullHelpView sets the full help's columns side by side, in as many rows
// as the width needs: bubbles/help cuts what does not fit, and at 80
// columns that was the last column, where "! crisis" and "q quit" are.
func (a App) fullHelpView(groups [][]key.Binding) string {
	if a.help.Width <= 0 {
		return a.help.FullHelpView(groups)
	}
	h := *a.help
	h.Width = 0 // measure a row whole, uncut
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		wider := append(append([][]key.Binding(nil), row...), g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(wider)) > a.help.Width {
			rows = append(rows, h.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	rows = append(rows, h.FullHelpView(row))
	return strings.Join(rows, "\n\n")
}

// chrome keeps the tab bar and its rule, drawn once per screen and width
// rather than on every key: lipgloss underlines the active tab's label a
// character at a time, which is slow to build.
type chrome struct {
	active screen
	width  int
	text   string
	// The help line as last drawn, and what it was drawn for (see helpView).
	helpKey, helpText string
}

func (c *chrome) bars(a App, w int) string {
	if c.text == "" || c.active != a.active || c.width != w {
		c.active, c.width = a.active, w
		c.text = a.tabBar(w) + "\n" + a.styles.Muted.Render(strings.Repeat("─", w))
	}
	return c.text
}

func (a App) tabBar(w int) string {
	s := a.styles
	var tabs []string
	for i, name := range screenNames {
		label := string(rune('1'+i)) + " " + name
		if screen(i) == a.active {
			tabs = append(tabs, s.TabActive.Render("["+label+"]"))
		} else {
			tabs = append(tabs, s.TabInactive.Render(" "+label+" "))
		}
	}
	bar := strings.Join(tabs, "")
	if a.badge != "" {
		badge := s.Warning.Render(a.badge)
		if gap := w - lipgloss.Width(bar) - lipgloss.Width(badge); gap > 0 {
			bar += strings.Repeat(" ", gap) + badge
		}
	}
	return truncate(bar, w)
}
