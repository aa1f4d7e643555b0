package views

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgramAddsAContact runs the real Bubble Tea program loop (commands on
// their own goroutines, as in the binary) at a fixed size.
func TestProgramAddsAContact(t *testing.T) {
	st := newFakeStore()
	tm := teatest.NewTestModel(t, New(st, Options{Clock: fixedClock}), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Welcome to Tether")
	tm.Type("a")
	waitFor(t, tm, "Add a supporter")
	for _, r := range "Zoë 🌻 O'Brien" {
		tm.Send(runeKey(r))
	}
	tm.Send(keyMsg("ctrl+s"))
	waitFor(t, tm, "Saved Zoë 🌻 O'Brien.")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
	if final.active != screenContacts {
		t.Fatalf("ended on screen %d", final.active)
	}
	if _, ok := st.byName("Zoë 🌻 O'Brien"); !ok {
		t.Fatal("contact not in the store")
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// Golden screens at 80×24 catch layout drift; update with -update.
func TestGoldenScreens(t *testing.T) {
	cases := map[string][]string{
		"today_first_run": nil,
		"contacts":        {"2"},
		"contact_form":    {"2", "a"},
		"crisis":          {"!"},
	}
	for name, keys := range cases {
		t.Run(name, func(t *testing.T) {
			st := newFakeStore()
			if name != "today_first_run" {
				st = newFakeStore(sampleContacts()...)
			}
			d := newDriver(t, st, 80, 24)
			d.keys(keys...)
			golden.RequireEqual(t, []byte(d.view()))
		})
	}
}
