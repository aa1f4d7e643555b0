package cli

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(rev, modified, at string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: at}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "6bb362159c47f311402597d227992ace96d3f56f"
	tests := []struct {
		name     string
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"go install @v0.3.0", "v0.3.0", nil, "v0.3.0"},
		{"go install @commit", "v0.0.0-20260309120000-6bb362159c47", nil, "v0.0.0-20260309120000-6bb362159c47"},
		{"a build in a checkout", "(devel)", vcs(rev, "false", "2026-03-09T12:00:00Z"), "6bb362159c47 (2026-03-09)"},
		{"with changes", "(devel)", vcs(rev, "true", "2026-03-09T12:00:00Z"), "6bb362159c47-dirty (2026-03-09)"},
		{"since Go 1.24", "v0.0.0-20260309120000-6bb362159c47+dirty", vcs(rev, "true", "2026-03-09T12:00:00Z"), "6bb362159c47-dirty (2026-03-09)"},
		{"after a tag", "v0.3.1-0.20260309120000-6bb362159c47", vcs(rev, "false", "2026-03-09T12:00:00Z"), "6bb362159c47 (2026-03-09)"},
		{"at a tag", "v0.3.0", vcs(rev, "false", "2026-03-09T12:00:00Z"), "v0.3.0"},
		{"no commit time", "(devel)", vcs(rev, "false", ""), "6bb362159c47"},
		{"nothing recorded", "(devel)", nil, "devel"},
		{"nothing at all", "", nil, "devel"},
	}
	for _, tt := range tests {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/tether-recovery/tether", Version: tt.version}, Settings: tt.settings}
		if got := versionOf(info); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Env.Version wins over the build's, so tests and packagers can fix it.
func TestVersionOverride(t *testing.T) {
	t.Parallel()
	if code, out, _ := runCLI("--version"); code != 0 || out != "tether 0.1.0-test\n" {
		t.Fatalf("exit %d, %q", code, out)
	}
	if v := buildVersion(); v == "" || strings.ContainsAny(v, "\n") {
		t.Fatalf("the build's version: %q", v)
	}
}
