package e2e

import (
	"debug/buildinfo"
	"os/exec"
	"strings"
	"testing"
)

// tether --version says what Go recorded when it built the binary: here,
// a build from this checkout, the commit it was built from (with -dirty
// when the checkout had changes) and that commit's day; where the build
// recorded none (no git, or -buildvcs=false), "devel". A release installed
// with go install …@vX says vX (cli's TestVersionFromBuildInfo).
func TestVersion(t *testing.T) {
	bin := builtBinary(t)
	out := strings.TrimSuffix(runBinary(t, bin, "--version"), "\n")
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatalf("read the binary's build information: %v", err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		if out != "tether devel" {
			t.Fatalf("a build that recorded no commit: tether --version printed %q", out)
		}
		return
	}
	want := "tether " + rev[:12]
	if settings["vcs.modified"] == "true" {
		want += "-dirty"
	}
	want += " (" + settings["vcs.time"][:len("2006-01-02")] + ")"
	if out != want {
		t.Fatalf("tether --version printed %q, want %q", out, want)
	}
	// The commit is this checkout's.
	if head, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil && strings.TrimSpace(string(head)) != rev {
		t.Fatalf("built from %s, but the checkout is at %s", rev, head)
	}
}
