package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// On the large sample at 80×24: ctrl+f, "biscuit" finds the people whose
// notes mention Biscuit; enter opens the first on Contacts; the command
// line finds the same.
func TestEndToEndSearchOnTheLargeSample(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := largeJournal(t, bin)
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Who next")
	s.keys("C-f")
	s.waitFor("Search the journal")
	s.typeText("biscuit")
	scr := s.waitFor("Has a dog called Biscuit")
	row := lineContaining(scr, "› ")
	name := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(row, " — ", 2)[0], "› "))
	name = strings.TrimSuffix(name, " (archived)") // then it opens on the archived list
	if name == "" {
		t.Fatalf("no person chosen:\n%s", scr)
	}
	s.keys("Enter")
	s.waitFor("[2 Contacts]")
	s.waitFor("› " + name)
	s.keys("q")
	s.waitFor("EXITED:0")

	out := runBinary(t, bin, "--db", db, "search", "biscuit")
	if !strings.HasPrefix(out, "People\n") || !strings.Contains(out, name) || !strings.Contains(out, "Has a dog called [Biscuit]") {
		t.Fatalf("tether search biscuit:\n%s", out)
	}
}
