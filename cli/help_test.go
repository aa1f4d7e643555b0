package cli

import (
	"strings"
	"testing"
)

// Every command answers --help on stdout, exit 0, listing each of its
// flags; tether --help lists every command.
func TestEveryCommandHasHelp(t *testing.T) {
	t.Parallel()
	flagsOf := map[string][]string{
		"sos": {"--db"},
		"due": {"--json", "--all", "--limit N", "--db"},
		"log": {"--via", "--note", "--at", "--direction", "--helped", "--plan", "--db"},
		"checkin": {"--day", "--mood N", "--difficulty", "--craving N", "--risky", "--meetings N", "--sleep", "--halt",
			"--used", "--what-helped", "--note", "--db"},
		"completion":   {},
		"man":          {},
		"contact add":  {"--name", "--nickname", "--circle", "--group", "--phone", "--email", "--prefer", "--available", "--any-time", "--distraction", "--importance", "--supportive", "--stance", "--known-since", "--every", "--notes", "--tags", "--db"},
		"contact list": {"--json", "--archived", "--db"},
		"export":       {"--format", "--from", "--to", "--week", "-o, --output", "--table", "--force", "--db"},
		"import":       {"--dry-run", "--db"},
		"backup":       {"--db"},
		"restore":      {"--db"},
		"demo":         {"--save", "--size"},
	}
	for cmd, flags := range flagsOf {
		for _, help := range []string{"--help", "-h"} {
			code, out, errs := runCLI(append(strings.Fields(cmd), help)...)
			if code != 0 || errs != "" || !strings.HasPrefix(out, "Usage: tether "+cmd) {
				t.Fatalf("%s %s: exit %d, stdout %q, stderr %q", cmd, help, code, out, errs)
			}
			for _, f := range append(flags, "-h, --help") {
				if !strings.Contains(out, "\n  "+f+" ") && !strings.Contains(out, "\n  "+f+"\n") {
					t.Errorf("%s --help does not list %s:\n%s", cmd, f, out)
				}
			}
			for _, l := range strings.Split(out, "\n") {
				if len([]rune(l)) > 80 {
					t.Errorf("%s --help: line longer than 80 columns: %q", cmd, l)
				}
			}
		}
	}

	code, out, _ := runCLI("--help")
	if code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, c := range visible(commands) {
		if !strings.Contains(out, "\n  "+c.name+" ") {
			t.Errorf("tether --help does not list %s", c.name)
		}
	}
	if code, out, _ := runCLI("help", "log"); code != 0 || !strings.HasPrefix(out, "Usage: tether log") {
		t.Fatalf("help log: exit %d, %q", code, out)
	}
	if code, out, _ := runCLI("contact", "--help"); code != 0 || !strings.Contains(out, "tether contact add") ||
		!strings.Contains(out, "list your contacts") {
		t.Fatalf("contact --help: exit %d, %q", code, out)
	}
	if _, out, _ := runCLI("--help"); strings.Contains(out, completeNamesCommand) {
		t.Fatal("tether --help lists the hidden command")
	}
}

// --db before the command and after it both choose the journal, and the
// one after wins.
func TestDBBeforeOrAfterTheCommand(t *testing.T) {
	t.Parallel()
	a, b := journal(t), journal(t)
	mustCLI(t, a, "contact", "add", "--name", "In A")
	if code, out, _ := runCLI("contact", "list", "--db", a); code != 0 || !strings.Contains(out, "In A") {
		t.Fatalf("--db after: %q", out)
	}
	if code, out, _ := runCLI("--db", a, "contact", "list", "--db", b); code != 0 || !strings.HasPrefix(out, "No contacts yet") {
		t.Fatalf("--db after wins: %q", out)
	}
}

// Every command that runs answers --help with its own flags before it
// does anything else, which is how the man page and the completion
// scripts find them (leaves).
func TestLeavesAreEveryCommand(t *testing.T) {
	t.Parallel()
	var paths []string
	for _, l := range leaves() {
		if l.f.cmd != l.path {
			t.Errorf("tether %s --help gave the flags of %q", l.path, l.f.cmd)
		}
		paths = append(paths, l.path)
	}
	want := "sos due log checkin search contact add contact list export import sync backup restore demo completion man " + completeNamesCommand
	if got := strings.Join(paths, " "); got != want {
		t.Fatalf("leaves: %s\nwant:   %s", got, want)
	}
}
