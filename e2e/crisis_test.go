package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The crisis card from every view and from inside a form, as a person on
// a hard night would reach for it: region and own number set in Settings,
// an any-time contact, ! from each of the five views, ctrl+g while typing.
func TestEndToEndCrisisCardFromEveryView(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Welcome to Tether")

	// An any-time contact.
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Denise Okafor")
	s.keys("Tab", "Tab", "Tab", "Tab")
	s.typeText("(312) 555-0147")
	for range 4 {
		s.keys("Tab")
	}
	s.typeText("y")
	s.keys("C-s")
	s.waitFor("Saved Denise Okafor.")

	// Settings: region United States, an own number.
	s.keys("S")
	s.waitFor("Region for crisis lines")
	s.keys("Tab")
	s.typeText("united s") // type-ahead, never by cycling from the current one
	s.waitFor("‹ United States ›")
	s.waitFor("On the card: 988 Suicide & Crisis Lifeline 988")
	s.keys("Tab")
	s.typeText("My therapist: 555 0199")
	s.keys("C-s")
	s.waitFor("Settings saved.")

	for view, name := range []string{"Today", "Contacts", "Check-in", "Reflection", "Network"} {
		s.keys(fmt.Sprint(view + 1))
		s.waitFor("[" + fmt.Sprint(view+1) + " " + name + "]")
		s.keys("!")
		scr := s.waitFor("You don't have to get through this alone")
		for _, want := range []string{"Denise Okafor", "(312) 555-0147", "My therapist", "555 0199", "988", "911"} {
			if !strings.Contains(scr, want) {
				t.Fatalf("card from %s lacks %q:\n%s", name, want, scr)
			}
		}
		if strings.Contains(scr, "Samaritans") {
			t.Fatalf("a US card shows Samaritans:\n%s", scr)
		}
		s.keys("Escape")
		s.waitFor("[" + fmt.Sprint(view+1) + " " + name + "]")
	}

	// ctrl+g while typing in a form: the card, then back with the typing.
	s.keys("2")
	s.waitFor("[2 Contacts]")
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Half-typed na")
	s.keys("C-g")
	s.waitFor("You don't have to get through this alone")
	s.keys("Escape")
	scr := s.waitFor("Add a supporter")
	if !strings.Contains(scr, "Half-typed na") {
		t.Fatalf("typing lost after the card:\n%s", scr)
	}
	s.keys("Escape")
	s.waitFor("Discard what you typed?")
	s.keys("y")
	s.keys("q")
	s.waitFor("EXITED:0")
}

// A reach-out logged from the shell shows up in the open app by itself.
func TestEndToEndLogFromTheShellShowsInTheOpenApp(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	if out, err := exec.Command(bin, "--db", db, "contact", "add", "--name", "Ngozi Eze").CombinedOutput(); err != nil {
		t.Fatalf("contact add: %v\n%s", err, out)
	}
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Your network: 1 supporter")
	s.keys("2")
	s.waitFor("[2 Contacts]")
	scr := s.waitFor("› Ngozi Eze")
	if row := lineContaining(scr, "› Ngozi Eze"); !strings.Contains(row, "never") {
		t.Fatalf("before: %q", row)
	}
	if out, err := exec.Command(bin, "--db", db, "log", "ngozi", "--via", "call").CombinedOutput(); err != nil {
		t.Fatalf("log: %v\n%s", err, out)
	}
	// Within the app's watch interval, with no key pressed.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if strings.Contains(lineContaining(s.screen(), "› Ngozi Eze"), "today") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the shell's reach-out never showed:\n%s", s.screen())
		}
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}
