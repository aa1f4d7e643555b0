package views

import (
	"context"
	"github.com/charmbracelet/colorprofile"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// The tabs' places in the table (see App.tabs), for the few things the
// root does for one screen in particular: the first frame waits for
// Today, and a screen may ask to be shown.
const (
	screenToday = iota
	screenContacts
	screenCheckIn
	screenReflection
	screenNetwork
)

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
	// Profile is the colours the terminal shows; the zero value is plain
	// text, as for a pipe or a test. Run sets it.
	Profile colorprofile.Profile
	// BubbleTeaRenderer draws with Bubble Tea's own renderer instead of
	// Tether's display (TETHER_RENDERER=bubbletea): for a terminal that
	// draws Tether's frames wrongly, and to measure one against the other.
	BubbleTeaRenderer bool
	// Editor is the command line ctrl+e opens a long text field with
	// (see EditorCommand); none offers no editor.
	Editor []string
	// Sync syncs the journal through its sync folder: at start, once the
	// first screen is drawn, and on ctrl+y in Settings. Nil for a journal
	// that does not sync (the demo).
	Sync SyncFunc
}

// App is the root model: it owns the tab bar, the footer and the
// overlays, routes keys by the shared contract of the SPEC, and hands each
// loaded result to the screen that asked for it. It is a pointer model:
// Bubble Tea boxes it into an interface on every message, and a copy each
// time would be wasted.
type App struct {
	st    Store
	clock model.Clock
	badge string
	// settled is Options.Settled until it has been called.
	settled func()
	chrome  chrome
	styles  *Styles
	keys    globalKeys
	yesNo   confirmKeys
	help    *help.Model
	editor  []string // Options.Editor
	sync    SyncFunc // Options.Sync
	syncing bool     // a sync is under way
	// syncStarted says the sync at start has begun (once, whatever
	// follows).
	syncStarted bool

	width, height int
	active        int // the tab on show, an index into tabs

	// tabs is the table of screens: the tab bar, the number keys, help,
	// sizes, "unsaved?" and "typing?" are all derived from it.
	tabs []tab
	// tabKeys are the number keys, one per tab.
	tabKeys []key.Binding
	// stale marks lazy tabs that missed a reload while out of sight.
	stale []bool
	// The screens the root also needs by name: the first frame waits for
	// Today; the read-ahead fills Reflection and Network; the reflection
	// saves itself as it goes, so quitting saves it rather than asking.
	today      *todayModel
	contacts   *contactsModel
	checkIn    *checkInModel
	reflection *reflectionModel
	network    *networkModel

	// The overlays, over any screen (see overlays).
	crisis   *crisisModel
	log      *logDialog      // the reach-out dialog; nil when closed
	planning *planDialog     // the plan dialog; nil when closed
	hardDay  *hardDayCard    // offered after a hard check-in
	search   *searchDialog   // ctrl+f; nil when closed
	undo     *undoOffer      // the last removal or archive, while u can put it back
	settings *settingsEditor // the settings; nil when closed

	status      string
	statusErr   bool
	confirmQuit bool
	// hidden says the screen is blanked (ctrl+x, see hide.go): everything
	// underneath stays as it is and goes on loading and saving.
	hidden bool
	// waiting counts saves waiting for another window to finish its own
	// (see busy.go): the footer says so, and quitting asks.
	waiting       int
	quitAfterSave bool    // ctrl+c while writing a reflection: save, then quit
	hungUp        bool    // the terminal is gone: quit whatever happens
	dataVersion   int64   // the journal's data_version last seen; 0 before the first look
	firstLoad     tea.Cmd // Today's first reads, already under way (see onTerminal)
	// displayReports says the display sends warmUpMsg once the first full
	// frame is on the screen; without it (tests) the warm-up follows the
	// first load at once.
	displayReports bool
	still          bool // the last Update changed nothing on the screen (see unchanged)
	warmLoadsDue   bool // the warm-up's loads wait for the watch's first look
	warmPending    int  // the warm-up's loads not yet answered (see warmAnswered)
	// keysPressed counts keys, so the read-ahead waits for a rest in typing
	// (preloadLaterMsg).
	keysPressed int
	warm        bool       // the loads after the first frame have started
	openingDue  bool       // Today's first read has taken openingDelay
	typedAhead  typedAhead // keys and pastes typed while the reach-out dialog could not act on them
	// loadedDay is the day the screens last loaded for; a new day reloads.
	loadedDay model.Date
	// profile is the colours the terminal shows (Options.Profile).
	profile colorprofile.Profile
}

// restyle rebuilds the styles for the terminal's background once it is
// known. Every screen holds the same *Styles, so all of them change with
// it, and the next frame is drawn anew.
func (a *App) restyle(p colorprofile.Profile, dark bool) {
	*a.styles = *NewStyles(p, dark)
	a.help.Styles = a.styles.Help
}

// New builds the app on a journal.
func New(st Store, opts Options) *App {
	clock := opts.Clock
	if clock == nil {
		clock = model.SystemClock{}
	}
	// The background is taken as dark until the terminal says otherwise
	// (see restyle): most terminals are, and it is asked once running.
	styles := NewStyles(opts.Profile, true)
	h := help.New()
	h.Styles = styles.Help
	h.ShortSeparator = " · "
	a := &App{
		st: st, clock: clock, badge: opts.Badge, settled: opts.Settled, sync: opts.Sync, styles: styles, profile: opts.Profile, loadedDay: model.Today(clock),
		keys: newGlobalKeys(), yesNo: newConfirmKeys(), help: &h, editor: opts.Editor,
		today:      ptr(newTodayModel(st, clock, styles)),
		contacts:   ptr(newContactsModel(st, clock, styles)),
		checkIn:    ptr(newCheckInModel(st, clock, styles)),
		reflection: ptr(newReflectionModel(st, clock, styles)),
		network:    ptr(newNetworkModel(st, clock, styles)),
		crisis:     ptr(newCrisisModel(st, clock, styles)),
	}
	// The table of screens, in the order of the tab bar and the number keys.
	a.tabs = []tab{
		{name: "Today", screen: a.today},
		{name: "Contacts", screen: a.contacts},
		{name: "Check-in", screen: a.checkIn},
		{name: "Reflection", screen: a.reflection, lazy: true},
		{name: "Network", screen: a.network, lazy: true},
	}
	a.stale = make([]bool, len(a.tabs))
	for i, t := range a.tabs {
		n := string(rune('1' + i))
		a.tabKeys = append(a.tabKeys, key.NewBinding(key.WithKeys(n), key.WithHelp(n, t.name)))
	}
	a.resize()
	return a
}

func ptr[T any](v T) *T { return &v }

// overlays are the overlays open now, topmost first: the crisis card
// covers everything, the reach-out dialog may be opened over the settings'
// screen, the settings over a screen.
func (a *App) overlays() []overlay {
	var open []overlay
	if a.crisis.open {
		open = append(open, a.crisis)
	}
	if a.search != nil {
		open = append(open, a.search)
	}
	if a.log != nil {
		open = append(open, a.log)
	}
	if a.planning != nil {
		open = append(open, a.planning)
	}
	if a.hardDay != nil {
		open = append(open, a.hardDay)
	}
	if a.settings != nil {
		open = append(open, a.settings)
	}
	return open
}

// top is the overlay on top, nil when none is open.
func (a *App) top() overlay {
	if o := a.overlays(); len(o) > 0 {
		return o[0]
	}
	return nil
}

// page is the screen on show.
func (a *App) page() screen { return a.tabs[a.active].screen }

// capturing reports whether something has the keyboard for typing, in
// which case only ctrl keys, esc, tab and enter act.
func (a *App) capturing() bool {
	if a.log != nil || a.planning != nil || a.settings != nil || a.search != nil {
		return true
	}
	return a.page().capturing()
}

// Dirty reports unsaved typing anywhere: on any screen (on show or not)
// and in any open overlay.
func (a *App) Dirty() bool {
	for _, t := range a.tabs {
		if t.screen.dirty() {
			return true
		}
	}
	for _, o := range a.overlays() {
		if o.dirty() {
			return true
		}
	}
	return false
}

// otherDirty reports unsaved typing besides the week's reflection, which
// saves itself (unless its last save failed: then it counts too).
func (a *App) otherDirty() bool {
	if a.reflection.promptsDirty() || a.reflection.saveFailed() {
		return true
	}
	for _, t := range a.tabs {
		if t.screen != screen(a.reflection) && t.screen.dirty() {
			return true
		}
	}
	for _, o := range a.overlays() {
		if o.dirty() {
			return true
		}
	}
	return false
}

// Init starts the first load (or, on a terminal, hands over the one
// already under way; see onTerminal); nothing here touches the disk itself.
//
// Only Today's data is read before the first frame: on two cores, every
// other load running alongside would delay it. The rest follows the first
// full frame (the warm-up), the heavier lazy screens last.
func (a *App) Init() tea.Cmd {
	first := a.today.load()
	if a.firstLoad != nil {
		first = tea.Batch(a.firstLoad, func() tea.Msg { return openingLaterMsg{} })
	}
	if a.profile > colorprofile.ASCII {
		// Which shade of each colour suits the terminal's background: asked
		// once, here, in the running app (see restyle), never before.
		return tea.Batch(first, tea.RequestBackgroundColor)
	}
	return first
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
// Today's first read is under way and has not yet taken openingDelay. A
// screen hidden that early is drawn blank at once.
func (a *App) holdsFirstFrame() bool {
	return a.displayReports && !a.today.loaded && !a.openingDue && !a.hidden
}

// onTerminal readies the app for Run: first is Today's first read,
// already under way (see startToday), and the warm-up waits for the display
// to say the first full frame is on the screen (see awaitingFirstFrame),
// since on two cores the warm-up's reads would otherwise hold up its
// drawing.
func (a *App) onTerminal(first tea.Cmd) *App {
	a.firstLoad = first
	a.displayReports = true
	return a
}

// startToday starts Today's first read at once, before the app is even
// built: it runs while the styles and screens are made and the terminal
// and Bubble Tea are set up (together half a millisecond and more on a
// cold start). Who next holds the few the settings say, all the due
// counted.
func startToday(st Store, clock model.Clock) tea.Cmd {
	if clock == nil {
		clock = model.SystemClock{}
	}
	return early(readToday(st, model.Today(clock), 0))
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
func (a *App) awaitingFirstFrame() bool { return a.today.loaded && !a.warm }

// warmUpMsg asks for the warm-up, once the first full frame is drawn.
type warmUpMsg struct{}

// unchanged reports that the last Update left the screen as it was: a
// round of the watch that found nothing new, or the warm-up starting its
// reads (what they read shows when it arrives). Switching screens glances
// at the journal, and drawing again the screen just drawn for that key
// would only compete with putting it on the terminal.
func (a *App) unchanged() bool { return a.still }

// watchInterval is how often a window looks for changes made elsewhere:
// another Tether window, or `tether log` in a shell.
const watchInterval = 2 * time.Second

func (a *App) readDataVersion() tea.Cmd { return a.lookForChanges(false) }

// lookForChanges reads the journal's data_version: the watch's question,
// and on switching screens a glance.
func (a *App) lookForChanges(glance bool) tea.Cmd {
	st := a.st
	return func() tea.Msg {
		v, err := st.DataVersion(context.Background())
		return dataVersionMsg{version: v, err: err, glance: glance}
	}
}

// reloadAll refreshes every screen after a write, so what one screen
// changed shows everywhere (and a change from another window shows too).
// The lazy screens reload when on show, else the next time they are.
func (a *App) reloadAll() tea.Cmd {
	a.loadedDay = model.Today(a.clock)
	var cmds []tea.Cmd
	if a.crisis.open {
		// Closed, the card is read afresh when it next opens (show), while
		// it shows what it has: not read after every save beside the
		// screens, thousands of people on a large journal.
		cmds = append(cmds, a.crisis.load())
	}
	for i, t := range a.tabs {
		if t.lazy && i != a.active {
			a.stale[i] = true
			continue
		}
		a.stale[i] = false
		cmds = append(cmds, t.screen.load())
	}
	return tea.Batch(cmds...)
}
