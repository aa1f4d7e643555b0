package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkStack fails if anything in the binary's dependency graph
// brings in a way to talk over a network with a protocol: Tether is
// offline by construction. (The bare "net" package comes in through a
// UUID library's MAC-address lookup; it opens no connection, and the
// protocol stacks that would are what this test keeps out.)
func TestNoNetworkStack(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/tether-recovery/tether").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{"net/http", "crypto/tls", "net/rpc", "net/smtp", "net/mail", "net/http/httptrace", "golang.org/x/net"}
	for _, pkg := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if pkg == f || strings.HasPrefix(pkg, f+"/") {
				t.Errorf("the binary depends on %s", pkg)
			}
		}
	}
}
