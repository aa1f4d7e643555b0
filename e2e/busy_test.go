package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// While another process holds the journal (a big import in another
// terminal), a save in the app says so at once, keeps what was typed, lets
// the crisis card open, and lands by itself once the journal is free.
func TestEndToEndASaveWaitsForAnotherWindowOutLoud(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	const who = "Ngozi Eze"
	runBinary(t, bin, "--db", db, "contact", "add", "--name", who, "--circle", "peer", "--phone", "555 0147", "--any-time")
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Your network")
	s.keys("2")
	s.waitFor("› " + who)
	s.keys("e")
	s.waitFor("Edit " + who)
	s.keys("Tab")
	s.typeText("Sunny")

	release := holdJournal(t, db)
	s.keys("C-s")
	scr := s.waitFor("Another window is saving — trying again")
	for _, bad := range []string{"locked", "SQLITE", "Not saved"} {
		if strings.Contains(scr, bad) {
			t.Fatalf("while waiting the screen shows %q:\n%s", bad, scr)
		}
	}
	s.keys("C-g")
	s.waitFor("You don't have to get through this alone")
	s.waitFor("555 0147")
	s.keys("Escape")
	s.waitFor("Another window is saving — trying again")
	s.waitFor("Sunny")

	release()
	s.waitFor("Saved " + who + ".")
	s.keys("q")
	s.waitFor("EXITED:0")
	e := exportOf(t, db)
	if len(e.Contacts) != 1 || e.Contacts[0].Nickname != "Sunny" {
		t.Fatalf("the journal holds %+v; want the nickname saved once the journal was free", e.Contacts)
	}
}
