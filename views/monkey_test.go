package views

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// TestMonkey presses thousands of random keys across every screen and
// form, pastes long and wide text, and resizes the terminal from 20×5 to
// 300×100: nothing may panic and no frame may be wider or taller than the
// terminal. The seed is fixed so a failure can be replayed.
func TestMonkey(t *testing.T) {
	keys := []string{
		"1", "2", "3", "4", "5", "tab", "shift+tab", "?", "!", "ctrl+g", "esc", "enter",
		"j", "k", "g", "G", "/", "a", "e", "d", "y", "n", "l", "v", "r", "c", "s", "w", "p",
		"[", "]", "t", "K", "J", "up", "down", "left", "right", "backspace", " ", "ctrl+s",
		"ctrl+u", "0", "7", "h", "x", "z", "é", "王", "🌻",
	}
	pastes := []string{
		strings.Repeat("長い名前🌻", 80),
		"line one\nline two\n\tindented",
		strings.Repeat("a", 5000),
		"\x1b[31mred?\x1b[0m",
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	st := newFakeStore(sampleContacts()...)
	d := &driver{t: t, loop: loop{app: New(st, Options{Clock: fixedClock})}}
	w, h := 80, 24
	d.start(w, h)
	for i := range n {
		switch r := rng.IntN(100); {
		case r < 2:
			w, h = 20+rng.IntN(281), 5+rng.IntN(96)
			d.send(tea.WindowSizeMsg{Width: w, Height: h})
		case r < 4:
			d.paste(pastes[rng.IntN(len(pastes))])
		default:
			k := keys[rng.IntN(len(keys))]
			if k == "q" || k == "ctrl+c" {
				continue
			}
			d.send(keyMsg(k))
		}
		if d.quit {
			t.Fatalf("quit at key %d", i)
		}
		v := d.view()
		if got := lipgloss.Height(v); got > h {
			t.Fatalf("key %d: %d lines on a %d-line terminal:\n%s", i, got, h, v)
		}
		for _, l := range strings.Split(v, "\n") {
			if lw := lipgloss.Width(l); lw > w {
				t.Fatalf("key %d: a line of %d cells on a %d-cell terminal: %q", i, lw, w, l)
			}
		}
	}
}
