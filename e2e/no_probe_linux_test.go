package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// terminalQuery is any question a program asks the terminal and waits on:
// its background or foreground colour (OSC 10/11), the cursor's place
// (DSR 6n), what it is (DA1, DA2, XTVERSION), a mode (DECRQM).
var terminalQuery = regexp.MustCompile(`\x1b\]1[01];\?|\x1b\[\??6n|\x1b\[[>=]?0?c|\x1b\[>0?q|\x1b\[\??[0-9]+\$p`)

// TestCommandsAskTheTerminalNothing: under a pseudo-terminal that never
// answers (script(1) with nobody reading the questions), the commands that
// are not the app print only what they were asked for, at once: no query
// for the terminal's background in `tether sos` before the crisis card, or
// in `tether due` in a shell greeting. (Bubble Tea v1 asked in every
// command, before main, and waited 5 s for an answer that never came.)
func TestCommandsAskTheTerminalNothing(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is not installed")
	}
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveContact(ctx, model.Contact{Name: "Denise Okafor", Circle: model.CircleSponsor,
		Phone: "+1 312 555 0147", AnyTime: true, Preferred: model.ChannelCall}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	for _, args := range [][]string{
		{"sos"},
		{"due"},
		{"log", "Denise", "--via", "call"},
		{"--version"},
		{"checkin", "--mood", "4"},
		{"completion", "bash"},
		{"man"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			line := bin + " --db " + db + " " + strings.Join(args, " ")
			cmd := exec.Command("script", "-q", "-e", "-c", line, "/dev/null")
			// Input that is open and silent: a terminal that never answers.
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			cmd.Stdin = r
			cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
			start := time.Now()
			out, err := cmd.Output()
			took := time.Since(start)
			r.Close()
			if err != nil {
				t.Fatalf("tether %s: %v\n%q", strings.Join(args, " "), err, out)
			}
			if q := terminalQuery.Find(out); q != nil {
				t.Fatalf("tether %s asked the terminal %q:\n%q", strings.Join(args, " "), q, out)
			}
			if len(strings.TrimSpace(string(out))) == 0 && args[0] != "due" {
				t.Fatalf("tether %s printed nothing", strings.Join(args, " "))
			}
			// Not a measure of speed (that is .ci/speed's): a command that
			// waits on the terminal waits seconds.
			if took > 2*time.Second {
				t.Fatalf("tether %s took %v: waiting on the terminal?", strings.Join(args, " "), took)
			}
			t.Logf("tether %s: %v under a terminal that never answers", strings.Join(args, " "), took)
		})
	}
}
