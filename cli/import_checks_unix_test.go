//go:build unix

package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
)

// runCLIWithin runs tether as runCLI does, but gives up after d: a command
// that waits for ever (reading a FIFO nobody writes to) fails the test
// instead of hanging it.
func runCLIWithin(t *testing.T, d time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := Run(ctx, Env{Args: args, Stdout: &out, Stderr: &errb, Clock: model.FixedClock{T: testNow},
			Version: "0.1.0-test", Getenv: func(string) string { return "" }})
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-ctx.Done():
		t.Fatalf("tether %v was still running after %v", args, d)
		return 0, "", ""
	}
}

// import refuses at once what is not an ordinary file: a device that never
// ends and a FIFO that would wait for a writer.
func TestImportRefusesDevicesAndFIFOsAtOnce(t *testing.T) {
	db := journal(t)
	fifo := filepath.Join(t.TempDir(), "contacts.vcf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	for _, file := range []string{"/dev/zero", fifo} {
		code, out, errs := runCLIWithin(t, 10*time.Second, "--db", db, "import", file)
		if code != 1 || out != "" {
			t.Fatalf("import %s: exit %d, stdout %q", file, code, out)
		}
		journaltest.OneLineErr(t, errs, "import "+file+": this is not an ordinary file (it is a device, a pipe or a socket)")
		if exists(db) {
			t.Errorf("import %s made a journal", file)
		}
	}
}
