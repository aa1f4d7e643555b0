package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostile is what another program can leave in a journal, past Tether's
// input checks: a title set (OSC 0), the clipboard written (OSC 52), the
// screen cleared (CSI 2J), a bell, text turned right to left, a
// zero-width space. As SQL, so the sqlite3 shell would write the same.
const hostile = `char(27) || ']0;pwned' || char(7) || char(27) || ']52;c;cHduZWQ=' || char(7) || char(27) || '[2J' || char(7) || char(8238) || char(8203)`

// terminalMoves is anything in output that a terminal would act on rather
// than show: ESC and the other C0 controls but line breaks and tabs, the C1
// controls, and bidirectional controls. (A zero-width space moves nothing;
// names refuse it, and a note keeps it in a vCard so the card reads back
// as written.)
var terminalMoves = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]")

// TestCraftedTextNeverReachesTheTerminal: names, numbers and notes written
// into a journal with SQL come out of every command and every export
// format without a single character a terminal would act on.
func TestCraftedTextNeverReachesTheTerminal(t *testing.T) {
	db := smallJournal(t)
	withSQL(t, db,
		`UPDATE contacts SET name = name || `+hostile+`, nickname = 'Nick' || `+hostile+
			`, phone = CASE WHEN phone = '' THEN '' ELSE phone || `+hostile+` END, notes = 'note' || `+hostile,
		`UPDATE reach_outs SET note = 'lunch' || `+hostile,
		`UPDATE check_ins SET note = 'walk' || `+hostile,
		`UPDATE reflection_answers SET answer = 'answer' || `+hostile,
	)
	dir := t.TempDir()
	outputs := map[string]string{}
	run := func(name string, args ...string) {
		t.Helper()
		code, out, errs := cli(db, args...)
		if code != 0 {
			t.Fatalf("tether %s: exit %d\n%s", strings.Join(args, " "), code, errs)
		}
		outputs[name] = out + errs
	}
	run("due", "due")
	run("due --json", "due", "--json")
	run("contact list", "contact", "list")
	run("contact list --json", "contact", "list", "--json")
	run("sos", "sos")
	for _, f := range []string{"json", "md", "vcf"} {
		path := filepath.Join(dir, "export."+f)
		run("export "+f, "export", "--format", f, "-o", path)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		outputs["the "+f+" file"] = string(b)
	}
	csvDir := filepath.Join(dir, "csv")
	run("export csv", "export", "--format", "csv", "-o", csvDir)
	files, err := os.ReadDir(csvDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(csvDir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		outputs["the CSV file "+f.Name()] = string(b)
	}
	// Logging finds the person by the name as shown, and says so cleanly.
	run("log", "log", "denise", "--via", "call")

	for name, out := range outputs {
		if strings.Contains(name, "json") {
			// JSON is the journal's data, kept exactly (an export imports
			// back byte for byte); its encoder writes every control
			// character as \u escapes, never raw.
			if strings.ContainsAny(out, "\x1b\x07") {
				t.Errorf("%s holds a raw control character", name)
			}
			continue
		}
		if strings.Contains(out, "pwned") {
			t.Errorf("%s: the sequence's words came through: %q", name, firstMatchLine(out, "pwned"))
		}
		out = strings.ReplaceAll(out, "\r\n", "\n") // CSV and vCard lines end so
		if loc := terminalMoves.FindStringIndex(out); loc != nil {
			from := max(0, loc[0]-40)
			t.Errorf("%s holds %q at %d: …%q…", name, out[loc[0]:loc[1]], loc[0], out[from:min(len(out), loc[1]+20)])
		}
	}
}

func firstMatchLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
