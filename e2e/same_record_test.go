package e2e

import (
	"fmt"
	"path/filepath"
	"testing"
)

// Two terminals with the app open on one journal, both editing the same
// thing: the later save must not silently undo the earlier one. It asks,
// shows both, and keeps what the person chooses.

// twoApps starts the app twice on db, each at its first screen.
func twoApps(t *testing.T, bin, db string) (a, b *tmuxSession) {
	t.Helper()
	a = startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	a.waitFor("Your network")
	b = startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	b.waitFor("Your network")
	return a, b
}

func quitApp(s *tmuxSession) {
	s.t.Helper()
	s.keys("Escape", "q")
	s.waitFor("EXITED:0")
}

func TestEndToEndTwoWindowsEditOneContact(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	const who = "Ngozi Eze"
	runBinary(t, bin, "--db", db, "contact", "add", "--name", who, "--circle", "peer")
	a, b := twoApps(t, bin, db)
	for _, s := range []*tmuxSession{a, b} {
		s.keys("2")
		s.waitFor("› " + who)
		s.keys("e")
		s.waitFor("Edit " + who)
		s.keys("Tab") // to the nickname
	}

	a.typeText("Sunny")
	a.keys("C-s")
	a.waitFor("Saved " + who)

	b.typeText("Bee")
	b.keys("C-s")
	b.waitFor("another window saved " + who + " after you opened it")
	b.waitFor("keep mine")
	b.keys("b")
	b.waitFor("yours:  Bee")
	b.waitFor("theirs: Sunny")
	b.keys("m")
	b.waitFor("Saved " + who)
	quitApp(a)
	quitApp(b)

	e := exportOf(t, db)
	if len(e.Contacts) != 1 || e.Contacts[0].Nickname != "Bee" {
		t.Fatalf("after keep mine the journal holds %+v; want one contact, nicknamed Bee", e.Contacts)
	}
}

func TestEndToEndTwoWindowsWriteOneWeek(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Ngozi Eze", "--circle", "peer")
	a, b := twoApps(t, bin, db)
	for _, s := range []*tmuxSession{a, b} {
		s.keys("4")
		s.waitFor("Reflection")
		s.keys("e")
		s.waitFor("How supported I felt")
	}

	a.keys("6", "C-s")
	a.waitFor("6 of 10")
	a.waitFor("Saved")

	b.keys("3", "C-s")
	b.waitFor("another window saved your reflection")
	b.keys("t")
	b.waitFor("Kept the version saved in the other window")
	b.waitFor("6 of 10")
	quitApp(a)
	quitApp(b)

	e := exportOf(t, db)
	if len(e.Reflections) != 1 || e.Reflections[0].Supported != 6 {
		t.Fatalf("after keep theirs the journal holds %+v; want the week rated 6", e.Reflections)
	}
}
