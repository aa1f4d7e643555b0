//go:build unix

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
)

// ctrl+c during `tether log` while another process holds the journal's
// write lock: the binary stops at once, in words, exit 1, instead of
// waiting out the busy timeout (10 s) in silence; and logs nothing.
func TestInterruptedLogStopsWhileTheJournalIsBusy(t *testing.T) {
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "tether.db")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Ngozi Eze")

	// This test's process is the other one, saving.
	release := holdJournal(t, db)

	cmd := exec.Command(bin, "--db", db, "log", "ngozi", "--via", "call")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Time to start and begin waiting for the lock; well inside the busy
	// timeout, so an exit after the interrupt is not the timeout's.
	time.Sleep(time.Second)
	interrupted := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	took := time.Since(interrupted)
	if code := cmd.ProcessState.ExitCode(); code != 1 || stdout.Len() != 0 {
		t.Fatalf("exit %d (%v), stdout %q, stderr %q", code, cmd.ProcessState, stdout.String(), stderr.String())
	}
	journaltest.OneLineErr(t, stderr.String(), "tether: interrupted: stopped before it was done, and saved nothing. If it seemed stuck, the journal was busy")
	// Not a speed assertion: one that ignored ctrl+c would wait out the
	// 10 s busy timeout.
	if took >= 5*time.Second {
		t.Fatalf("tether log took %v to stop after ctrl+c", took)
	}
	release()
	if n := len(exportOf(t, db).ReachOuts); n != 0 {
		t.Fatalf("an interrupted log wrote %d reach-outs", n)
	}
	t.Logf("stopped %v after ctrl+c", took)
}
