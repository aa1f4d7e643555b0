package cli

import (
	"runtime/debug"
	"strings"
)

// buildVersion is what tether --version prints when no version was given:
// the module's version when it was installed as one (go install
// …@v1.2.0 prints v1.2.0), else the commit it was built from, with -dirty
// when the checkout had changes, and that commit's day; "devel" when the
// build recorded neither.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(info)
}

func versionOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	// A build in a checkout has the commit; since Go 1.24 it also has a
	// version made from it (a pseudo-version, +dirty for changes), which
	// says the same less plainly. A tagged release is the version itself.
	if rev != "" && (v == "" || v == "(devel)" || isPseudo(v)) {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if settings["vcs.modified"] == "true" {
			rev += "-dirty"
		}
		if day, _, ok := strings.Cut(settings["vcs.time"], "T"); ok {
			return rev + " (" + day + ")"
		}
		return rev
	}
	if v == "" || v == "(devel)" {
		return "devel"
	}
	return v
}

// isPseudo reports whether v is a version Go makes up for a commit
// (v0.0.0-20260309120000-6bb362159c47, …+dirty), not one a release was
// tagged with.
func isPseudo(v string) bool {
	base, _, _ := strings.Cut(v, "+")
	parts := strings.Split(base, "-")
	if len(parts) < 3 {
		return false
	}
	stamp := parts[len(parts)-2]
	if i := strings.LastIndex(stamp, "."); i >= 0 {
		stamp = stamp[i+1:] // v1.2.4-0.20260309120000-…
	}
	return len(stamp) == 14 && strings.Trim(stamp, "0123456789") == "" && len(parts[len(parts)-1]) == 12
}
