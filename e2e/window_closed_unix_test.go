//go:build unix

package e2e

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Closing the terminal window (tmux kills the session: SIGHUP), or being
// told to stop (SIGTERM, as at shutdown; SIGINT from kill), while a
// reflection is half typed, before its autosave: what was typed is saved,
// and the journal is closed properly (its -wal folded in and removed), as
// if the person had quit.
func TestEndToEndClosingTheWindowKeepsTheReflection(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	for _, end := range []string{"SIGHUP", "SIGTERM", "SIGINT"} {
		t.Run(end, func(t *testing.T) { endingKeepsTheReflection(t, bin, end) })
	}
}

func endingKeepsTheReflection(t *testing.T, bin, end string) {
	db := filepath.Join(t.TempDir(), "journal.db")
	run := fmt.Sprintf("%s --db %s", bin, db)

	s := startTmux(t, run)
	s.beginFirstReflection()
	s.keys("Tab", "Tab", "Tab")
	s.typeText("Typed just before the window closed 🌙")
	s.waitFor("window closed 🌙")
	if end == "SIGHUP" {
		if out, err := tmux("kill-session", "-t", s.name).CombinedOutput(); err != nil {
			t.Fatalf("kill-session: %v\n%s", err, out)
		}
	} else {
		sig := map[string]syscall.Signal{"SIGTERM": syscall.SIGTERM, "SIGINT": syscall.SIGINT}[end]
		if err := syscall.Kill(s.appPID(), sig); err != nil {
			t.Fatal(err)
		}
		s.waitFor("EXITED:0")
	}
	// The deadline only bounds a broken run; it is not a speed assertion.
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := os.Stat(db + "-wal")
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the journal was not closed after the window closed (its -wal is still there: %v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	e := exportOf(t, db)
	if len(e.Reflections) != 1 || !strings.Contains(fmt.Sprint(e.Reflections[0]), "Typed just before the window closed 🌙") {
		t.Fatalf("the half-typed reflection was lost: %+v", e.Reflections)
	}
}
