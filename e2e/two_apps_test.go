package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tether-recovery/tether/store"
)

// The SPEC's promise "Two Tether windows on one journal both work", as a
// person meets it: two terminals with the app open on one journal, each
// logging reach-outs as fast as the dialog lets a person, at the same time.
// No "database is locked" (nor any other error) may reach either screen,
// and every reach-out either window said it logged is in the journal.

// twoWindowsWritesEnv overrides how many reach-outs each window logs:
// 1,000 by default (26 to 38 s on a 2-core machine: two screen updates of
// the app a write), 100 with -short.
const (
	twoWindowsWritesEnv = "TETHER_TWO_WINDOWS_WRITES"
	twoWindowsDefault   = 1000
	twoWindowsShort     = 100
)

// troubleOnScreen is what must never show while the two windows write:
// SQLite's words for contention, and the app's words for a failed save or
// read.
var troubleOnScreen = regexp.MustCompile(`(?i)locked|busy|sqlite|could not|not saved|error|damaged`)

// paneWatch is one window driven from a goroutine: it reports problems as
// errors (t.Fatal belongs to the test's own goroutine) and remembers how
// many screens it looked at.
type paneWatch struct {
	name    string
	looks   int
	lastScr string
}

func (p *paneWatch) capture() (string, error) {
	cmd := tmux("capture-pane", "-p", "-t", p.name)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s: capture-pane: %v: %s", p.name, err, strings.TrimSpace(stderr.String()))
	}
	p.looks++
	p.lastScr = string(out)
	if m := troubleOnScreen.FindString(p.lastScr); m != "" {
		return "", fmt.Errorf("%s showed %q:\n%s", p.name, m, p.lastScr)
	}
	return p.lastScr, nil
}

func (p *paneWatch) send(keys ...string) error {
	args := append([]string{"send-keys", "-t", p.name}, keys...)
	if out, err := tmux(args...).CombinedOutput(); err != nil {
		return fmt.Errorf("%s: send-keys %v: %v %s", p.name, keys, err, out)
	}
	return nil
}

// await looks at the screen until it shows text, checking every screen it
// sees for trouble. The deadline only bounds a broken run.
func (p *paneWatch) await(text string) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr, err := p.capture()
		if err != nil {
			return err
		}
		if strings.Contains(scr, text) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s never showed %q; it shows:\n%s", p.name, text, scr)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// logReachOuts logs n reach-outs to the contact selected on Contacts: l
// opens the dialog on them, enter logs it with the defaults. Each key waits
// for the screen the previous one leads to, as a person's eyes do. It must:
// keys sent in one burst are lost or go elsewhere. The dialog opens from a
// command's message, which queues behind keys already read, so an enter
// right after l reaches the list (and opens the details); and while a
// reach-out is being saved the dialog swallows every key, so the next l is
// dropped. Ten "l enter" in one burst log two.
func (p *paneWatch) logReachOuts(n int, who string) error {
	for i := range n {
		if err := p.send("l"); err != nil {
			return err
		}
		if err := p.await("Log a reach-out with " + who); err != nil {
			return fmt.Errorf("write %d: %w", i+1, err)
		}
		if err := p.send("Enter"); err != nil {
			return err
		}
		if err := p.await("Logged: you reached out to " + who + " (call)."); err != nil {
			return fmt.Errorf("write %d: %w", i+1, err)
		}
	}
	return nil
}

func twoWindowsWrites(t *testing.T) int {
	t.Helper()
	v := os.Getenv(twoWindowsWritesEnv)
	switch {
	case v == "" && testing.Short():
		return twoWindowsShort
	case v == "":
		return twoWindowsDefault
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a number of at least 1", twoWindowsWritesEnv, v)
	}
	return n
}

// reachOutsIn counts the journal's reach-outs, after checking it whole
// (integrity_check, closed cleanly).
func reachOutsIn(t *testing.T, db string) int {
	t.Helper()
	ctx := context.Background()
	if _, err := store.CheckJournalFile(ctx, db); err != nil {
		t.Fatalf("the journal after both windows closed: %v", err)
	}
	return len(exportOf(t, db).ReachOuts)
}

func TestEndToEndTwoWindowsWriteAtOnce(t *testing.T) {
	longAlongside(t)
	requireTmux(t)
	n := twoWindowsWrites(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	const who = "Ngozi Eze"
	runBinary(t, bin, "--db", db, "contact", "add", "--name", who, "--circle", "peer")
	runBinary(t, bin, "--db", db, "log", who, "--via", "text", "--at", "yesterday")
	before := reachOutsIn(t, db)

	var windows []*paneWatch
	for range 2 {
		s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
		s.waitFor("Your network: 1 supporter")
		s.keys("2")
		s.waitFor("› " + who)
		windows = append(windows, &paneWatch{name: s.name})
	}

	start := time.Now()
	errs := make([]error, len(windows))
	var wg sync.WaitGroup
	for i, w := range windows {
		wg.Go(func() { errs[i] = w.logReachOuts(n, who) })
	}
	wg.Wait()
	elapsed := time.Since(start)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	looks := 0
	for _, w := range windows {
		looks += w.looks
		// The last screen, once the other window has finished too.
		if _, err := w.capture(); err != nil {
			t.Fatal(err)
		}
		if err := w.send("q"); err != nil {
			t.Fatal(err)
		}
		if err := w.await("EXITED:0"); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d reach-outs logged in each of two windows at once in %v (%v a write per window); %d screens looked at, none showing trouble",
		n, elapsed.Round(time.Millisecond), (elapsed / time.Duration(n)).Round(100*time.Microsecond), looks)

	if got := reachOutsIn(t, db) - before; got != 2*n {
		t.Fatalf("the journal holds %d new reach-outs; the two windows logged %d", got, 2*n)
	}
}
