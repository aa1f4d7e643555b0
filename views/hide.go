package views

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A quick hide, for someone who shares a computer with a partner or
// family: when someone walks in, ctrl+x blanks the screen at once, from
// anywhere, mid-sentence included, and ctrl+x again brings back exactly
// what was there. Nothing is closed, saved or reset to hide: the screens,
// forms and overlays stay as they are underneath and go on taking their
// loads and saves (the reflection's autosave, a change from another
// window, a resize), so what shows again is where the person was, up to
// date.
//
// While hidden, every other key and paste is nothing at all: a person who
// hid in a hurry may press keys in a hurry too, and none of them should
// type into the form out of sight, or act. That includes ctrl+c: quitting
// would show the shell, or, with unsaved typing, ask a question the blank
// screen cannot show; ctrl+x and then ctrl+c quits as ever. Closing the
// window still saves the reflection and quits (hangUpMsg is no key).

// hideKey takes a key before anything else sees it: ctrl+x hides or shows
// the screen, and while hidden every other key is taken too, and dropped.
// It reports whether the key was taken.
func (a *App) hideKey(msg tea.KeyPressMsg) bool {
	if key.Matches(msg, a.keys.Hide) {
		a.hidden = !a.hidden
		return true // a frame at once: still stays false
	}
	if a.hidden {
		a.still = true // nothing changes on the blank screen
		return true
	}
	return false
}

// hiddenFrame is the blank screen: one muted line that says nothing of
// the journal, of the people in it, or of the app, then empty lines to
// the screen's height, so nothing of the last frame stays on show.
func (a *App) hiddenFrame(w, h int) string {
	line := truncate(a.styles.Muted.Render("Paused. "+a.keys.Hide.Help().Key+" to come back."), w)
	return line + strings.Repeat("\n", max(0, h-1))
}

// screenHidden reports the blank screen on show, for the display (see
// framed), which hands the terminal to the editor itself.
func (a *App) screenHidden() bool { return a.hidden }

// errHidden is what an editor's outcome is told when the screen was
// hidden before it opened: it would have shown the field's text.
var errHidden = errors.New("not opened while the screen was hidden")

// editorWhileHidden stops the editor opening on a hidden screen (ctrl+e
// pressed, then ctrl+x before the editor started): the field keeps its
// text, the status line says why when the screen shows again, and ctrl+e
// opens it then. It reports whether msg was such a request.
func (a *App) editorWhileHidden(msg tea.Msg) (tea.Cmd, bool) {
	if !a.hidden {
		return nil, false
	}
	switch msg := msg.(type) {
	case openEditorMsg:
		a.status, a.statusErr = editorHeldWords, false
		return nil, true
	case handOverMsg:
		return func() tea.Msg {
			msg.done(errHidden) // removes the private file the text was written to
			return statusMsg{text: editorHeldWords}
		}, true
	}
	return nil, false
}

var editorHeldWords = "Your editor did not open while the screen was hidden: " + editKey.Help().Key + " opens it."
