package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is what the root asks of every tab. Everything the root does for
// all screens — drawing, help, sizing, "is anything unsaved?", "is
// someone typing?", which screen a loaded result belongs to — is derived
// from the table of tabs (see App.tabs), so a new screen is one entry and
// cannot be half-wired: leaving a method out does not compile.
//
// Screens are held by pointer and change in place: Bubble Tea boxes the
// model into an interface on every message, and copying the screens with
// it was an 18 KB copy each time.
type screen interface {
	// load reads what the screen shows; nothing is read until the
	// command runs.
	load() tea.Cmd
	// owns reports whether msg is the screen's own (its loads' and saves'
	// answers): those go to it even while another screen is on show.
	owns(msg tea.Msg) bool
	// handle takes a key (on show) or one of the screen's own messages.
	handle(msg tea.Msg) tea.Cmd
	setSize(w, h int)
	// capturing reports that a form or a filter has the keyboard: every
	// printable key is typed, and only ctrl keys, esc, tab and enter act.
	capturing() bool
	// dirty reports typing that has not been saved, so quitting asks first.
	dirty() bool
	view() string
	helpKeys() []key.Binding
	fullHelpKeys() [][]key.Binding
	// takeAsk returns (and forgets) what a key asked of the root: open the
	// reach-out dialog, go to another screen (see App.updateActive).
	takeAsk() tea.Msg
}

// tab is one entry of the table of screens.
type tab struct {
	name   string
	screen screen
	// lazy screens are heavier to read: they are read ahead after
	// start-up, and a change made while they are out of sight reloads them
	// when next shown rather than at once.
	lazy bool
}

// lazyScreen is what a lazy tab also answers: whether showing it should
// read it (never read, a failed read, or stale and not being edited).
type lazyScreen interface {
	needsLoad(stale bool) bool
}

// asks is the root-bound request a screen's key leaves behind; screens
// embed it to answer takeAsk.
type asks struct{ ask tea.Msg }

func (a *asks) takeAsk() tea.Msg {
	msg := a.ask
	a.ask = nil
	return msg
}

// overlay is what lies over the screens, topmost first in App.overlays:
// the crisis card, the reach-out dialog, the settings. While one is open
// it takes the keys, and its dirty typing counts for quitting like a
// screen's.
type overlay interface {
	setSize(w, h int)
	dirty() bool
	view() string
	helpKeys() []key.Binding
	// typing reports that it is a form: ctrl+g is then offered in the
	// help, since ! would be typed.
	typing() bool
}

// written is a save's answer: once it succeeds, every screen reloads so
// what changed shows everywhere.
type written interface{ writeErr() error }
