package cli

import (
	"bytes"
	"flag"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The man page and the help are made from the commands' own flags: every
// flag any command parses is in both, so a flag added to a command cannot
// be missing from either.
func TestManPageAndHelpHoldEveryFlag(t *testing.T) {
	t.Parallel()
	code, page, errs := runCLI("man")
	if code != 0 || errs != "" || !strings.HasPrefix(page, `.\"`) || !strings.Contains(page, "\n.TH TETHER 1 ") {
		t.Fatalf("tether man: exit %d, stderr %q, starts %q", code, errs, page[:min(len(page), 80)])
	}
	root, _, _ := rootFlags()
	all := append([]leaf{{path: "", f: root}}, leaves()...)
	for _, l := range all {
		if l.hidden {
			if strings.Contains(page, roffText(l.path)) {
				t.Errorf("the man page names the hidden command %s", l.path)
			}
			continue
		}
		if l.path != "" && !strings.Contains(page, "\n.SS "+roffQuoted("tether "+l.path)+"\n") {
			t.Errorf("the man page has no section for tether %s", l.path)
		}
		help := l.f.help()
		l.f.VisitAll(func(fl *flag.Flag) {
			name := "--" + fl.Name
			if len(fl.Name) == 1 {
				name = "-" + fl.Name // a short alias
			}
			if !strings.Contains(page, `\fB`+roffText(name)+`\fR`) {
				t.Errorf("the man page lacks tether %s %s", l.path, name)
			}
			if !regexp.MustCompile(`[ ,]` + regexp.QuoteMeta(name) + `[ ,\n]`).MatchString(help) {
				t.Errorf("tether %s --help lacks %s", l.path, name)
			}
		})
	}
}

// The page is read by man without a warning, and says what the help says.
func TestManPageRenders(t *testing.T) {
	t.Parallel()
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("no groff here")
	}
	_, page, _ := runCLI("man")
	// Plain text: no bold or underline, by escape codes or by overstriking.
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-rLL=100n", "-P-c", "-P-b", "-P-u")
	cmd.Stdin = strings.NewReader(page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("groff: %v\n%s", err, stderr.String())
	}
	// groff may print a minus sign, or a hyphen, for \-.
	text := strings.NewReplacer("\u2212", "-", "\u2010", "-").Replace(string(out))
	for _, want := range []string{
		"tether - keep your support network", "--via CHANNEL", "María Santos", "in-person",
		"tether checkin [--day DAY]", "-o, --output FILE", "tether man > ~/.local/share/man/man1/tether.1",
		"Exit codes: 0 success, 1 failure, 2 wrong usage.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
}

func TestRoffText(t *testing.T) {
	for in, want := range map[string]string{
		"--via":           `\-\-via`,
		`C:\path`:         `C:\epath`,
		".hidden request": `\&.hidden request`,
		"'quote":          `\&'quote`,
		"Zoë 🌻":           `Zo\[u00EB] \[u1F33B]`,
		"bell\a":          "bell",
	} {
		if got := roffText(in); got != want {
			t.Errorf("roffText(%q) = %q, want %q", in, got, want)
		}
	}
}
