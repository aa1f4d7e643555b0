package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// tmuxSocket is this run's own tmux server, so the tests neither see nor
// disturb a person's tmux, or another test run on the same machine.
var tmuxSocket = fmt.Sprintf("tether-e2e-%d", os.Getpid())

// tmux is a tmux command on this run's server.
func tmux(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-L", tmuxSocket}, args...)...)
}

// tmuxSession is one terminal running tether.
type tmuxSession struct {
	t    *testing.T
	name string
}

func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is required for the end-to-end tests in CI; .ci/run installs it")
		}
		t.Skip("tmux not installed; the end-to-end tests need it")
	}
}

// appPID is the program's process: the child of the pane's shell.
func (s *tmuxSession) appPID() int {
	s.t.Helper()
	out, err := tmux("display", "-p", "-t", s.name, "#{pane_pid}").Output()
	if err != nil {
		s.t.Fatalf("pane pid: %v", err)
	}
	sh := strings.TrimSpace(string(out))
	children, err := os.ReadFile(fmt.Sprintf("/proc/%s/task/%s/children", sh, sh))
	if err != nil {
		s.t.Skipf("cannot find the program's process (%v)", err)
	}
	pid, err := strconv.Atoi(strings.Fields(string(children) + " x")[0])
	if err != nil {
		s.t.Fatalf("the pane's shell has no child: %q", children)
	}
	return pid
}

// startTmux runs command in a detached 100×30 tmux session. The command is
// followed by a marker so the test can see how the program exited.
// keepServer starts, once per run, a session that outlives every test's
// own: tmux ends its server with the last session, and a new-session sent
// while it is ending fails ("server exited unexpectedly").
var keepServer sync.Once

// sessionEnv is the terminal every session runs in.
func sessionEnv() []string {
	return append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color")
}

// ensureServer starts this run's server with its keeping session.
func ensureServer() {
	keepServer.Do(func() {
		cmd := tmux("-u", "new-session", "-d", "-s", "tether-e2e-keep", "sleep 86400")
		cmd.Env = sessionEnv()
		_ = cmd.Run() // if it fails, each test's own session still runs
	})
}

func startTmux(t *testing.T, command string) *tmuxSession {
	t.Helper()
	ensureServer()
	name := fmt.Sprintf("tether-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	script := command + `; echo "EXITED:$?"; sleep 60`
	cmd := tmux("-u", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", "sh", "-c", script)
	cmd.Env = sessionEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { _ = tmux("kill-session", "-t", name).Run() })
	return s
}

func (s *tmuxSession) screen() string {
	out, err := tmux("capture-pane", "-p", "-t", s.name).Output()
	if err != nil {
		s.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// waitFor polls the screen until it shows text. The deadline only bounds a
// broken run; it is not a speed assertion.
func (s *tmuxSession) waitFor(text string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, text) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", text, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// keys sends tmux key names (Enter, Escape, C-s, ...), one at a time.
// After Escape it pauses as a person's fingers would: an escape followed at
// once by a key, in one read, is how a terminal spells alt+key, and on a
// busy machine Escape then 3 arrived as alt+3.
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if out, err := tmux("send-keys", "-t", s.name, k).CombinedOutput(); err != nil {
			s.t.Fatalf("send-keys %v: %v\n%s", k, err, out)
		}
		if k == "Escape" {
			time.Sleep(escapePause)
		}
	}
}

// escapePause is longer than Bubble Tea waits to tell a lone escape from
// the start of a sequence.
const escapePause = 60 * time.Millisecond

// typeText sends text literally, as typed.
// paste pastes text as a terminal does with bracketed paste on (tmux
// paste-buffer -p): the app gets it as one paste, not as typed keys.
func (s *tmuxSession) paste(text string) {
	s.t.Helper()
	buf := s.name + "-paste"
	load := tmux("load-buffer", "-b", buf, "-")
	load.Stdin = strings.NewReader(text)
	if out, err := load.CombinedOutput(); err != nil {
		s.t.Fatalf("load-buffer: %v\n%s", err, out)
	}
	if out, err := tmux("paste-buffer", "-p", "-d", "-b", buf, "-t", s.name).CombinedOutput(); err != nil {
		s.t.Fatalf("paste-buffer: %v\n%s", err, out)
	}
}

func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	if out, err := tmux("send-keys", "-t", s.name, "-l", text).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys -l: %v\n%s", err, out)
	}
}
