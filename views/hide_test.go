package views

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/views/term"
)

// hiddenScreen is the blank screen at w×h, as a person reads it.
func hiddenScreen(w, h int) string {
	return truncate("Paused. ctrl+x to come back.", w) + strings.Repeat("\n", h-1)
}

// mustBeHidden checks the screen is the blank one at w×h, every line
// within the width, and none of secrets on it.
func (d *driver) mustBeHidden(w, h int, secrets ...string) {
	d.t.Helper()
	v := d.view()
	if v != hiddenScreen(w, h) {
		d.t.Fatalf("the hidden screen at %d×%d is not blank:\n%s", w, h, v)
	}
	if n := strings.Count(d.app.frame(), "\n") + 1; n != h {
		d.t.Fatalf("the hidden screen has %d lines on a screen of %d", n, h)
	}
	for _, line := range strings.Split(v, "\n") {
		if c := term.Cells(line); c > w {
			d.t.Fatalf("a hidden line %d wide on a screen of %d: %q", c, w, line)
		}
	}
	d.mustNotSee(append(secrets, "Tether", "Today", "Contacts", "help")...)
}

// panicKeys are what a person who hid in a hurry may press next: none of
// them may type, act, quit or show anything.
var panicKeys = []string{"q", "y", "enter", "esc", "ctrl+c", "y", "ctrl+s", "ctrl+g", "!", "?", "tab", "1", "S",
	"ctrl+f", "ctrl+e", "ctrl+z", "backspace", "delete", "down", "pgdown", "u", "d", "y"}

// hideCase is a state the person may be in when someone walks in.
type hideCase struct {
	name string
	// to brings a fresh app there.
	to func(d *driver)
	// secrets are on the screen there, and must not show while hidden:
	// names, numbers, what was typed.
	secrets []string
	// meanwhile happens while the screen is hidden (loads, saves); a
	// twin app that never hid and got the same shows what the screen
	// must be when shown again.
	meanwhile func(d *driver, st *fakeStore)
}

func hideCases() []hideCase {
	typeContact := func(d *driver) { d.keys("2", "a"); d.typeText("Sam Okoro, new frie") }
	return []hideCase{
		{name: "Today", to: func(d *driver) { d.keys("1") },
			secrets: []string{"Maria Santos", "Saturday 21 November 2026"}},
		{name: "Today with the full help", to: func(d *driver) { d.keys("1", "?") },
			secrets: []string{"switch view", "hide the screen"}},
		{name: "Contacts with a filter typed", to: func(d *driver) { d.keys("2", "/"); d.typeText("mar") },
			secrets: []string{"Maria Santos", "/ mar"}},
		{name: "Contacts, a change from another window while hidden",
			to:      func(d *driver) { d.keys("2", "down") },
			secrets: []string{"José Álvarez", "Maria Santos"},
			meanwhile: func(d *driver, st *fakeStore) {
				st.addFromElsewhere("Kai from group")
				d.send(watchMsg{})
			}},
		{name: "the contact form, mid-typing", to: typeContact,
			secrets: []string{"Sam Okoro", "Add a supporter"}},
		{name: "the reflection, mid-typing, saving itself meanwhile",
			to: func(d *driver) {
				d.keys("4", "e")
				for !strings.Contains(d.view(), "› "+model.DefaultPrompts[0]) {
					d.keys("tab")
				}
				d.typeText("Walked with Sam after the meet")
				d.keys("left", "left")
			},
			secrets: []string{"Walked with Sam", "Reflection"},
			meanwhile: func(d *driver, st *fakeStore) {
				d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
				if !strings.Contains(reflectionText(st), "Walked with Sam after the meet") {
					d.t.Fatalf("the autosave did not run while hidden; the journal holds %q", reflectionText(st))
				}
			}},
		{name: "the crisis card", to: func(d *driver) { d.keys("!") },
			secrets: []string{"You don't have to get through this alone", "Maria Santos", "+1 555 0100"}},
		{name: "the crisis card over a form", to: func(d *driver) { typeContact(d); d.keys("ctrl+g") },
			secrets: []string{"You don't have to get through this alone", "Maria Santos"}},
		{name: "the log dialog's picker", to: func(d *driver) { d.keys("3", "l"); d.typeText("Jo") },
			secrets: []string{"Who was it with?", "José Álvarez", "Jo"}},
		{name: "search", to: func(d *driver) { d.keys("ctrl+f"); d.typeText("Maria") },
			secrets: []string{"Search: Maria", "Maria Santos"}},
		{name: "settings", to: func(d *driver) { d.keys("S") },
			secrets: []string{"Settings", "Recovery start"}},
		{name: "the quit question", to: func(d *driver) { typeContact(d); d.keys("ctrl+c") },
			secrets: []string{"Quit anyway", "Sam Okoro"}},
		{name: "the timeline", to: func(d *driver) { d.keys("3", "v") },
			secrets: []string{"Maria Santos"}},
		{name: "Network, scrolled", to: func(d *driver) { d.keys("5", "pgdown") },
			secrets: []string{"Peer in recovery", "Healthcare"}},
	}
}

// ctrl+x, from every state, blanks the screen to one neutral line with
// nothing of the journal on it; every other key and a paste are nothing
// while hidden; ctrl+x brings back exactly the screen that was there
// (same screen, form, typing, cursor and scroll), up to date with what
// loaded and saved meanwhile.
func TestHideFromEveryStateAndComeBackExactly(t *testing.T) {
	const w, h = 80, 24
	for _, c := range hideCases() {
		t.Run(c.name, func(t *testing.T) {
			st := networkStore(t)
			d := newDriver(t, st, w, h)
			c.to(d)
			d.mustSee(c.secrets...)
			before := d.app.frame()
			saved := len(st.contacts) + len(st.reachOuts) + len(st.checkIns)

			d.keys("ctrl+x")
			d.mustBeHidden(w, h, c.secrets...)
			d.typeText("Maria yes")
			d.keys(panicKeys...)
			d.paste("pasted out of sight")
			d.mustBeHidden(w, h, c.secrets...)
			if d.quit {
				t.Fatal("a key pressed while hidden quit the app")
			}
			if c.meanwhile != nil {
				c.meanwhile(d, st)
				d.mustBeHidden(w, h, c.secrets...)
			}
			if now := len(st.contacts) + len(st.reachOuts) + len(st.checkIns); now != saved && c.meanwhile == nil {
				t.Fatalf("keys while hidden saved something: %d records, then %d", saved, now)
			}

			d.keys("ctrl+x")
			want := before
			if c.meanwhile != nil {
				tst := networkStore(t)
				twin := newDriver(t, tst, w, h)
				c.to(twin)
				c.meanwhile(twin, tst)
				want = twin.app.frame()
			}
			if got := d.app.frame(); got != want {
				t.Fatalf("shown again, the screen is not as it was.\nwant:\n%s\ngot:\n%s", ansi.Strip(want), ansi.Strip(got))
			}
			d.mustNotSee("pasted out of sight", "Maria yes")
		})
	}
}

// Hiding and showing each draw a frame at once (the display skips
// drawing after an Update that says nothing changed); a key ignored
// while hidden draws nothing.
func TestHideAndShowEachDrawAFrame(t *testing.T) {
	d := newDriver(t, networkStore(t), 80, 24)
	d.keys("ctrl+x")
	if d.app.unchanged() {
		t.Fatal("hiding did not ask for a frame")
	}
	d.keys("a")
	if !d.app.unchanged() {
		t.Fatal("a key ignored while hidden asked for a frame")
	}
	d.keys("ctrl+x")
	if d.app.unchanged() {
		t.Fatal("showing did not ask for a frame")
	}
	// On a terminal, a screen hidden before Today's first read is drawn
	// blank at once rather than held.
	app := New(networkStore(t), Options{Clock: fixedClock}).onTerminal(nil)
	app.Update(keyMsg("ctrl+x"))
	if app.holdsFirstFrame() {
		t.Fatal("the hidden screen waits for Today's first read")
	}
}

// A resize while hidden keeps the screen blank at the new size, down to
// the smallest; shown again, the screen is drawn for the size it has now.
func TestHideThroughAResize(t *testing.T) {
	to := func(d *driver) { d.keys("2", "a"); d.typeText("Sam Okoro") }
	d := newDriver(t, networkStore(t), 80, 24)
	to(d)
	d.keys("ctrl+x")
	for _, size := range [][2]int{{120, 40}, {20, 5}, {100, 30}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.mustBeHidden(size[0], size[1], "Sam Okoro")
	}
	d.keys("ctrl+x")
	twin := newDriver(t, networkStore(t), 80, 24)
	to(twin)
	twin.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if got, want := d.view(), twin.view(); got != want {
		t.Fatalf("shown after a resize, the screen is not the one for its size.\nwant:\n%s\ngot:\n%s", want, got)
	}
}

// The undo offer and the status line survive a hide: the hide key is
// not "the next key" that ends the offer.
func TestHideKeepsTheUndoOffer(t *testing.T) {
	st := networkStore(t)
	d := newDriver(t, st, 80, 24)
	d.keys("2", "d", "y")
	d.mustSee("u undoes it")
	d.keys("ctrl+x", "u", "ctrl+x")
	d.mustSee("u undoes it")
	d.keys("u")
	d.mustSee("Put back")
}

// ctrl+e pressed just before ctrl+x never opens the editor on the hidden
// screen, whichever step it had reached: the field keeps its text, and
// the status line says so when the screen shows again.
func TestHideKeepsTheEditorClosed(t *testing.T) {
	editor, log := scriptEditor(t, `echo "from the editor" > "$1"`)
	t.Setenv("TMPDIR", t.TempDir()) // where the editor's private file would be
	toNote := func(d *driver) {
		d.keys("3", "e")
		for !strings.Contains(d.view(), "› Note") {
			d.keys("tab")
		}
		d.typeText("A hard morning")
	}

	// ctrl+x before the root has taken ctrl+e's request.
	d := newEditorDriver(t, newFakeStore(sampleContacts()...), editor)
	toNote(d)
	_, request := d.app.Update(keyMsg("ctrl+e"))
	d.keys("ctrl+x")
	d.run(request)
	d.mustBeHidden(100, 30, "A hard morning")
	d.keys("ctrl+x")
	d.mustSee("Your editor did not open while the screen was hidden: ctrl+e opens it.", "A hard morning")
	d.mustNotSee("from the editor")

	// ctrl+x after the request, before the terminal is handed over.
	d = newEditorDriver(t, newFakeStore(sampleContacts()...), editor)
	toNote(d)
	_, request = d.app.Update(keyMsg("ctrl+e"))
	var handOver tea.Cmd
	eachMsg(request, func(msg tea.Msg) { _, handOver = d.app.Update(msg) })
	d.keys("ctrl+x")
	// The test's loop runs an editor itself (as Bubble Tea's renderer
	// would): the request goes to the app here, as it does on a terminal.
	eachMsg(handOver, d.send)
	d.mustBeHidden(100, 30, "A hard morning")
	d.keys("ctrl+x")
	d.mustSee("Your editor did not open while the screen was hidden: ctrl+e opens it.", "A hard morning")
	d.mustNotSee("from the editor")

	if _, err := os.Stat(log); !os.IsNotExist(err) {
		t.Fatalf("the editor ran on a hidden screen (its log: %v)", err)
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "tether-edit-*")); len(left) > 0 {
		t.Fatalf("the editor's private files are left behind: %q", left)
	}
}

// On a terminal the display hands the terminal to the editor itself:
// while hidden it leaves that to the app, which keeps the editor closed.
func TestFramedKeepsTheEditorClosedWhileHidden(t *testing.T) {
	var out syncBuffer
	scr := term.Open(&out, 80, 24)
	defer scr.Close()
	app := New(networkStore(t), Options{Clock: fixedClock})
	app.Update(keyMsg("ctrl+x"))
	f := framed{inner: app, screen: scr}
	var outcome error
	done := func(err error) tea.Msg { outcome = err; return nil }
	_, cmd := f.Update(handOverMsg{cmd: exec.Command("false"), done: done})
	if cmd == nil {
		t.Fatal("no answer to the editor's request")
	}
	if msg, ok := cmd().(statusMsg); !ok || !errors.Is(outcome, errHidden) {
		t.Fatalf("the editor was not kept closed: %#v, its outcome %v", msg, outcome)
	}
}

// Keys typed before hiding while the reach-out dialog was still finding
// the people to pick from land when it is ready, hidden or not; keys
// typed after hiding do not.
func TestHideKeepsKeysTypedAheadAndDropsTheRest(t *testing.T) {
	d := newDriver(t, networkStore(t), 80, 24)
	d.burst("3", "l", "J", "o", "ctrl+x", "x", "enter")
	d.mustBeHidden(80, 24, "José Álvarez")
	d.keys("ctrl+x")
	d.mustSee("Who was it with? Jo", "José Álvarez")
	d.mustNotSee("Jox", "Log a reach-out with")
}
