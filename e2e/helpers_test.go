package e2e

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

// Helpers of the tests that hold the SPEC's promises against the built
// binary: two windows at once, a full disk, bad files and places.

// exportOf opens the journal as the app does and reads everything in it.
func exportOf(t *testing.T, db string) journalfile.Export {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ex, err := st.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// runBinary runs the built tether and returns its output; a failure fails
// the test.
func runBinary(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tether %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.String())
	}
	return string(out)
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
