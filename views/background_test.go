package views

import (
	"fmt"
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// asksForBackground runs cmd (and the batches in it) and reports whether
// it asks the terminal for its background colour.
func asksForBackground(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if asksForBackground(c) {
				return true
			}
		}
	default:
		return fmt.Sprintf("%T", msg) == fmt.Sprintf("%T", tea.RequestBackgroundColor())
	}
	return false
}

// A terminal that shows colours is asked for its background once the app
// runs, and the styles take the shades for it when the answer comes, on
// every screen at once; without colours nothing is asked.
func TestStylesFollowTheTerminalsBackground(t *testing.T) {
	a := New(newFakeStore(sampleContacts()...), Options{Clock: fixedClock, Profile: colorprofile.TrueColor})
	if !asksForBackground(a.Init()) {
		t.Fatal("the app does not ask for the terminal's background")
	}
	light, dark := painter(colorprofile.TrueColor, false)(colorAccent), painter(colorprofile.TrueColor, true)(colorAccent)
	if got := a.styles.Title.GetForeground(); got != dark {
		t.Fatalf("before the answer the accent is %v; want the dark background's %v", got, dark)
	}
	a.Update(tea.BackgroundColorMsg{Color: color.White})
	if got := a.contacts.styles.Title.GetForeground(); got != light {
		t.Fatalf("on a white background Contacts' accent is %v; want %v", got, light)
	}
	if got := a.help.Styles.ShortKey.GetForeground(); got != NewStyles(colorprofile.TrueColor, false).Help.ShortKey.GetForeground() {
		t.Fatalf("the help line kept the dark background's colours: %v", got)
	}
	a.Update(tea.BackgroundColorMsg{Color: color.Black})
	if got := a.styles.Title.GetForeground(); got != dark {
		t.Fatalf("on a black background the accent is %v; want %v", got, dark)
	}

	for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ASCII} {
		plain := New(newFakeStore(), Options{Clock: fixedClock, Profile: p})
		if asksForBackground(plain.Init()) {
			t.Errorf("profile %v: the terminal is asked for a background no colour depends on", p)
		}
	}
}

// The read-ahead after the start waits for a rest in typing: a key
// pressed during the rest puts it off for another, rather than have it
// run while the person moves about.
func TestReadAheadWaitsForARestInTyping(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.keys("j")
	later, ok := d.app.preloadDue(preloadDueMsg{keys: d.app.keysPressed - 1})().(preloadLaterMsg)
	if !ok || later.keys != d.app.keysPressed {
		t.Fatalf("a key pressed during the rest: %#v; want another rest from %d keys", later, d.app.keysPressed)
	}
	d.app.network.loaded, d.app.network.loading = false, false
	if cmd := d.app.preloadDue(preloadDueMsg{keys: d.app.keysPressed}); cmd == nil {
		t.Fatal("no key during the rest, and Network not read: the read-ahead did not start")
	}
}
