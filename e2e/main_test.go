package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The binary is built at most once per run, by the first test that needs
// it, into a folder TestMain removes at the end. Built lazily, a run of
// only the tests that need no binary builds nothing, and neither does the
// file size limit's helper process (this test binary again, which ends in
// an exec and so never reaches TestMain's clean-up).
var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	_ = tmux("kill-server").Run() // this run's own server (see tmuxSocket)
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// builtBinary is the path of tether built from this checkout, the same
// file for every test.
func builtBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "tether-e2e-bin-")
		if binErr != nil {
			binErr = fmt.Errorf("make a folder for the binary: %w", binErr)
			return
		}
		bin := filepath.Join(binDir, "tether")
		out, err := exec.Command("go", "build", "-o", bin, "github.com/tether-recovery/tether").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("build tether: %w\n%s", err, out)
			return
		}
		binPath = bin
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// The large sample journal is written once per run, by the first test
// that needs it, beside the binary; each test gets a copy of its own.
// Six tests use it, and writing it took 10 s each.
var (
	largeOnce sync.Once
	largePath string
	largeErr  error
)

// longAlongside marks one of the long tests that run beside each other,
// after the others: the kill tests, which mostly wait (for a random moment
// to kill at, for a backup's fsync), and the two windows logging 1,000
// reach-outs each, which waits on tmux. One after another they took 173
// of the package's 229 s on a 2-core machine. Each has a journal of its
// own, and only the two windows use tmux.
func longAlongside(t *testing.T) {
	t.Helper()
	t.Parallel()
}

// largeJournal is a fresh copy of the large sample journal, as of today.
func largeJournal(t *testing.T, bin string) string {
	t.Helper()
	largeOnce.Do(func() {
		largePath = filepath.Join(binDir, "large.db")
		if out, err := exec.Command(bin, "demo", "--save", largePath, "--size", "large").CombinedOutput(); err != nil {
			largeErr = fmt.Errorf("write the large sample journal: %v: %s", err, out)
		}
	})
	if largeErr != nil {
		t.Fatal(largeErr)
	}
	db := filepath.Join(t.TempDir(), "large.db")
	data, err := os.ReadFile(largePath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}
