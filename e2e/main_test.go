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
