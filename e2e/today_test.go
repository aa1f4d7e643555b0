package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Today as a person meets it at 80×24: l then enter logs a call with the
// first of who next, and Today names them under "reached today"; "not
// now" for 3 days takes someone out of who next until the days have
// passed; a reach-out planned for tomorrow is on Today when tomorrow
// comes, and one key logs it. The days passing are written into the
// journal as they would have passed (the plan's day, the snooze's end),
// since the built binary reads the real clock.
func TestEndToEndTodayReachedWhoNextAndPlans(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Denise Okafor", "--circle", "sponsor", "--importance", "5", "--every", "1", "--phone", "(312) 555-0147")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Ngozi Eze", "--circle", "peer", "--every", "7")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Kev Doyle", "--circle", "friend", "--every", "7")

	open := func() *tmuxSession {
		s := startTmux80(t, fmt.Sprintf("%s --db %s", bin, db))
		s.waitFor("Who next")
		return s
	}
	s := open()
	s.waitFor("› Denise Okafor")
	s.keys("l")
	s.waitFor("Log a reach-out with Denise Okafor")
	s.keys("Enter")
	s.waitFor("Reached today (1)")
	s.waitFor("You reached Denise Okafor (call)")

	// Not now, for 3 days.
	s.waitFor("› Ngozi Eze")
	s.keys("z")
	s.waitFor("back in who next in how many days")
	s.keys("3")
	back := model.Today(model.SystemClock{}).AddDays(3)
	s.waitFor("Not now: Ngozi Eze is back in who next on " + back.Human())
	if scr := s.screen(); strings.Contains(scr, "› Ngozi Eze") || strings.Contains(scr, "  Ngozi Eze ") {
		t.Fatalf("Ngozi is still in who next:\n%s", scr)
	}

	// Planned for tomorrow: not on today's list.
	s.waitFor("› Kev Doyle")
	s.keys("p")
	s.waitFor("Plan a reach-out with Kev Doyle")
	s.keys("C-u")
	s.typeText("tomorrow 18:00")
	s.keys("Tab", "Tab")
	s.typeText("coffee")
	s.keys("C-s")
	s.waitFor("Planned: call with Kev Doyle, tomorrow at 18:00.")
	if strings.Contains(s.screen(), "18:00 call Kev Doyle") {
		t.Fatal("a plan for tomorrow is on today's list")
	}
	s.keys("q")
	s.waitFor("EXITED:0")

	// Three days later, as far as the journal knows: Ngozi is back, and
	// the plan's day has come.
	passDays(t, db, `UPDATE contacts SET snoozed_until = ? WHERE name = 'Ngozi Eze'`, model.Today(model.SystemClock{}).String())
	passDays(t, db, `UPDATE planned_reach_outs SET day = ?`, model.Today(model.SystemClock{}).String())
	s = open()
	s.waitFor("Ngozi Eze")
	s.waitFor("Planned")
	s.waitFor("› 18:00 call Kev Doyle — coffee")
	s.keys("l")
	s.waitFor("Logged: you reached out to Kev Doyle (call).")
	s.waitFor("You reached Kev Doyle (call)")
	s.keys("q")
	s.waitFor("EXITED:0")

	e := exportOf(t, db)
	var kev int
	for _, r := range e.ReachOuts {
		if r.Note == "coffee" {
			kev++
		}
	}
	if len(e.ReachOuts) != 2 || kev != 1 {
		t.Fatalf("the journal holds %d reach-outs (%d from the plan); want Denise's call and the plan done", len(e.ReachOuts), kev)
	}
}

// startTmux80 is startTmux at 80×24, the size the SPEC holds Today to.
func startTmux80(t *testing.T, command string) *tmuxSession {
	t.Helper()
	s := startTmux(t, command)
	if out, err := tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24").CombinedOutput(); err != nil {
		t.Fatalf("resize-window: %v\n%s", err, out)
	}
	return s
}

// passDays writes into the journal, with no Tether open, what the days
// passing would have made true.
func passDays(t *testing.T, db, query string, args ...any) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := conn.ExecContext(ctx, query, args...); err != nil {
		t.Fatal(err)
	}
}
