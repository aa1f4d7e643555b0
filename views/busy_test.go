package views

import (
	"strings"
	"testing"
)

// busyError is what the store says when another window held the journal
// for longer than a save waits: in words, with a Busy method.
type busyError struct{}

func (busyError) Error() string {
	return "another Tether is saving or restoring this journal and did not finish in time, so nothing was saved; try again in a moment"
}
func (busyError) Busy() bool { return true }

// TestASaveWaitsForAnotherWindowOutLoud: while another window holds the
// journal (a big import in another terminal), ctrl+s in an editor says at
// once that it is waiting, keeps the form and its words, never shows
// SQLite's words or "Not saved", lets the crisis card open, asks before
// quitting, and saves by itself once the journal is free.
func TestASaveWaitsForAnotherWindowOutLoud(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2", "e", "tab")
	d.typeText("Sunny")
	f := d.app.contacts.form
	st.failSaves(busyError{})
	d.keys("ctrl+s")
	d.mustSee("Another window is saving — trying again")
	d.mustNotSee("Not saved", "locked", "SQLITE")
	if d.app.contacts.form != f || !strings.Contains(formText(f.form), "Sunny") {
		t.Fatalf("waiting for the journal closed the form or lost its words:\n%s", d.view())
	}
	if len(d.waiting) != 1 {
		t.Fatalf("%d saves waiting to be tried again; want 1", len(d.waiting))
	}

	// Still held on the next try: still waiting, said once.
	d.tryAgain()
	d.mustSee("Another window is saving — trying again")
	if d.app.waiting != 1 || len(d.waiting) != 1 {
		t.Fatalf("after a second busy try: %d saves counted waiting, %d to try; want 1 and 1", d.app.waiting, len(d.waiting))
	}

	// The crisis card opens while the save waits, and closes again.
	d.keys("ctrl+g")
	if !d.app.crisis.open {
		t.Fatalf("ctrl+g did not open the crisis card while a save waited:\n%s", d.view())
	}
	d.keys("esc")

	// Quitting would lose the save: it asks.
	d.keys("ctrl+c")
	if d.quit {
		t.Fatal("ctrl+c quit while a save was waiting for another window")
	}
	d.mustSee("A save is still waiting for another window. Quit anyway and lose it?")
	d.keys("n")

	// The journal is free: the next try saves, and the form closes as a
	// save always closes it.
	st.failSaves(nil)
	d.tryAgain()
	d.mustSee("Saved ")
	d.mustNotSee("Another window is saving")
	if d.app.waiting != 0 || len(d.waiting) != 0 {
		t.Fatalf("after the save landed: %d counted waiting, %d to try", d.app.waiting, len(d.waiting))
	}
	if !strings.Contains(savedText(st), "Sunny") {
		t.Error("the journal does not hold the nickname Sunny")
	}
}

// TestEverySaveWaitsForAnotherWindow: in every editor, a save that finds
// the journal busy waits and lands, never failing in front of the person.
func TestEverySaveWaitsForAnotherWindow(t *testing.T) {
	cases := append([]editorCase(nil), overlayEditors...)
	for _, tab := range []string{"Today", "Contacts", "Check-in", "Reflection", "Network"} {
		cases = append(cases, editorsByTab[tab]...)
	}
	for _, ec := range cases {
		t.Run(ec.name, func(t *testing.T) {
			st := newFakeStore(sampleContacts()...)
			d := newDriver(t, st, 100, 30)
			d.keys(ec.open...)
			f := openForm(ec, d.app)
			if f == nil {
				t.Fatalf("%v did not open the %s editor:\n%s", ec.open, ec.name, d.view())
			}
			typed := writeDraft(t, d, f, ec.name)
			st.failSaves(busyError{})
			d.keys("ctrl+s")
			if len(d.waiting) == 0 {
				t.Fatalf("a busy save in the %s editor is not waiting to be tried again:\n%s", ec.name, d.view())
			}
			d.mustSee("Another window is saving")
			d.mustNotSee("Not saved")
			st.failSaves(nil)
			d.tryAgain()
			d.mustNotSee("Another window is saving", "Not saved")
			if d.app.Dirty() {
				t.Fatalf("after the journal was free, the %s editor still counts as unsaved:\n%s", ec.name, d.view())
			}
			if ec.name != "check-up" && ec.name != "prompts" && ec.name != "reach-out" && !strings.Contains(savedText(st), typed) {
				t.Errorf("the %s editor's %q is not in the journal", ec.name, typed)
			}
		})
	}
}
