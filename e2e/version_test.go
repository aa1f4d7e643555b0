package e2e

import (
	"strings"
	"testing"
)

// The version is main's, handed to the command line: the binary prints it.
func TestVersion(t *testing.T) {
	if out := runBinary(t, builtBinary(t), "--version"); !strings.HasPrefix(out, "tether 0.") {
		t.Fatalf("tether --version printed %q", out)
	}
}
