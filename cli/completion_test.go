package cli

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// bashCompleter loads tether's bash completion into a bash that is not
// interactive, as a shell would load it, and returns a function that
// completes the last of the words given as bash would split a line. The
// first word, tether, is this test binary in the line bash sees, which
// answers as tether (see TestMain), so the names come from the real
// command.
func bashCompleter(t *testing.T) func(words ...string) []string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash here")
	}
	code, script, errs := runCLI("completion", "bash")
	if code != 0 || errs != "" {
		t.Fatalf("completion bash: exit %d, %s", code, errs)
	}
	path := filepath.Join(t.TempDir(), "tether.bash")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", `source "$1" && complete -p tether`, "bash", path)
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "complete -F _tether tether" {
		t.Fatalf("sourcing the script: %v\n%s", err, out)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return func(words ...string) []string {
		t.Helper()
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", `source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_tether
printf '%s\n' "${COMPREPLY[@]}"`, "bash", path, self)
		cmd.Args = append(cmd.Args, words[1:]...)
		cmd.Env = append(os.Environ(), asTether+"=1", "TETHER_DB=")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("completing %q: %v\n%s", words, err, stderr.String())
		}
		var got []string
		for _, l := range strings.Split(string(out), "\n") {
			if l != "" {
				got = append(got, l)
			}
		}
		slices.Sort(got)
		return got
	}
}

func TestBashCompletionOffersCommandsFlagsAndValues(t *testing.T) {
	t.Parallel()
	complete := bashCompleter(t)
	var shown []string
	for _, c := range visible(commands) {
		shown = append(shown, c.name)
	}
	slices.Sort(shown)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "contacts.vcf"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		want  []string
	}{
		{[]string{""}, shown},
		{[]string{"co"}, []string{"completion", "contact"}},
		{[]string{"--"}, []string{"--db", "--help", "--version"}},
		{[]string{"--db", "x.db", "lo"}, []string{"log"}},
		{[]string{"log", "--v"}, []string{"--via"}},
		{[]string{"log", "--via", ""}, codeList(model.LogChannels)},
		{[]string{"log", "--via", "in"}, []string{"in-person"}},
		{[]string{"log", "--via", "=", "ca"}, []string{"call"}},
		{[]string{"log", "--via", "="}, codeList(model.LogChannels)},
		{[]string{"log", "--direction", "s"}, []string{"supported"}},
		{[]string{"log", "--helped", ""}, []string{"no", "somewhat", "yes"}},
		{[]string{"log", "--note", ""}, nil},
		{[]string{"log", "--note", "a walk", "--at", "yesterday", "--he"}, []string{"--help", "--helped"}},
		{[]string{"contact", ""}, []string{"add", "list"}},
		{[]string{"contact", "add", "--ci"}, []string{"--circle"}},
		{[]string{"contact", "add", "--circle", "spo"}, []string{"sponsee", "sponsor"}},
		{[]string{"contact", "add", "--prefer", "v"}, []string{"video"}},
		{[]string{"contact", "ls", "--a"}, []string{"--archived"}},
		{[]string{"checkin", "--difficulty", "n"}, []string{"not-bad"}},
		{[]string{"checkin", "--halt", ""}, []string{"angry", "hungry", "lonely", "none", "tired"}},
		{[]string{"checkin", "--used", ""}, []string{"no", "yes"}},
		{[]string{"completion", ""}, []string{"bash", "fish", "zsh"}},
		{[]string{"completion", "bash", ""}, nil},
		{[]string{"import", filepath.Join(dir, "con")}, []string{filepath.Join(dir, "contacts.vcf")}},
		{[]string{"export", "-o", filepath.Join(dir, "con")}, []string{filepath.Join(dir, "contacts.vcf")}},
		{[]string{"log", "--", "--v"}, nil},
	}
	for _, tt := range tests {
		slices.Sort(tt.want)
		if got := complete(append([]string{"tether"}, tt.words...)...); !slices.Equal(got, tt.want) {
			t.Errorf("tether %s<tab>: %q, want %q", strings.Join(tt.words, " "), got, tt.want)
		}
	}
}

// Every flag every command parses is offered after a dash: the script is
// made from the commands' own flags.
func TestBashCompletionOffersEveryFlag(t *testing.T) {
	t.Parallel()
	complete := bashCompleter(t)
	for _, l := range leaves() {
		if l.hidden {
			continue
		}
		words := append([]string{"tether"}, strings.Fields(l.path)...)
		got := complete(append(words, "-")...)
		l.f.VisitAll(func(fl *flag.Flag) {
			name := "--" + fl.Name
			if len(fl.Name) == 1 {
				name = "-" + fl.Name
			}
			if !slices.Contains(got, name) {
				t.Errorf("tether %s -<tab> does not offer %s: %q", l.path, name, got)
			}
		})
	}
}

// tether log's names come from the journal, as tether log matches them;
// with no journal there are none, and none is made.
func TestBashCompletionOffersNamesForLog(t *testing.T) {
	t.Parallel()
	complete := bashCompleter(t)
	db := journal(t)
	addPeople(t, db,
		person{model.Contact{Name: "María Santos"}, -1},
		person{model.Contact{Name: "Sam Okafor"}, -1},
		person{model.Contact{Name: "Zoë O'Brien", Nickname: "Zo"}, -1},
		person{model.Contact{Name: "Old Flame", Archived: true}, -1},
	)
	tests := []struct {
		words []string
		want  []string
	}{
		{[]string{"--db", db, "log", ""}, []string{"María Santos", "Sam Okafor", "Zoë O'Brien"}},
		{[]string{"--db", db, "log", "mar"}, []string{"María Santos"}},
		{[]string{"log", "--db", db, "s"}, []string{"María Santos", "Sam Okafor"}},
		{[]string{"log", "--via", "call", "--db", db, "zoe"}, []string{"Zoë O'Brien"}},
		{[]string{"log", "--db", db, "'Zo"}, []string{"Zoë O'Brien"}},
		{[]string{"log", "--db", db, "old"}, nil},
		{[]string{"log", "--db", db, "sam", ""}, nil},
	}
	for _, tt := range tests {
		if got := complete(append([]string{"tether"}, tt.words...)...); !slices.Equal(got, tt.want) {
			t.Errorf("tether %s<tab>: %q, want %q", strings.Join(tt.words, " "), got, tt.want)
		}
	}
	missing := filepath.Join(t.TempDir(), "none.db")
	if got := complete("tether", "--db", missing, "log", "m"); got != nil {
		t.Errorf("no journal: %q", got)
	}
	if exists(missing) {
		t.Error("completing a name made a journal")
	}
}

func TestCompleteNames(t *testing.T) {
	t.Parallel()
	db := journal(t)
	addPeople(t, db,
		person{model.Contact{Name: "Alex Kim", Circle: model.CircleWork}, -1},
		person{model.Contact{Name: "Alex Kim", Circle: model.CircleFellowship}, -1},
		person{model.Contact{Name: "Jean-Pierre Dubois"}, -1},
	)
	for prefix, want := range map[string]string{
		"":       "Alex Kim\nJean-Pierre Dubois\n",
		"ALEX K": "Alex Kim\n",
		"pierre": "Jean-Pierre Dubois\n",
		"nobody": "",
	} {
		code, out, errs := cli(db, completeNamesCommand, "--", prefix)
		if code != 0 || out != want || errs != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", prefix, code, out, errs)
		}
	}
	for _, bad := range []string{filepath.Join(t.TempDir(), "none.db"), t.TempDir()} {
		if code, out, errs := cli(bad, completeNamesCommand, "a"); code != 0 || out != "" || errs != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", bad, code, out, errs)
		}
	}
}

// The zsh and fish scripts are at least read without a syntax error by
// the shells they are for, where those are installed.
func TestZshAndFishScriptsParse(t *testing.T) {
	t.Parallel()
	for _, sh := range []struct{ shell, check string }{{"zsh", "-n"}, {"fish", "--no-execute"}} {
		t.Run(sh.shell, func(t *testing.T) {
			code, script, errs := runCLI("completion", sh.shell)
			if code != 0 || errs != "" || !strings.Contains(script, "__complete-names") {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			bin, err := exec.LookPath(sh.shell)
			if err != nil {
				t.Skipf("no %s here", sh.shell)
			}
			path := filepath.Join(t.TempDir(), "tether."+sh.shell)
			if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(bin, sh.check, path).CombinedOutput(); err != nil {
				t.Fatalf("%s %s: %v\n%s", sh.shell, sh.check, err, out)
			}
		})
	}
	if code, _, errs := runCLI("completion", "powershell"); code != 2 || !strings.Contains(errs, "bash, zsh or fish") {
		t.Fatalf("an unknown shell: exit %d, %q", code, errs)
	}
}
