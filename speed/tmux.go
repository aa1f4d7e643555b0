package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// ctl drives one private tmux server through a control-mode client. Control
// mode matters for timing: tmux tells us, line by line and the moment it
// reads it, every chunk a program writes to its pane (%output), so the
// time a screen changed is when tmux saw the bytes, not when a polling loop
// happened to look.
type ctl struct {
	socket string
	cmd    *exec.Cmd
	in     io.WriteCloser
	lines  chan stamped
	// outputs holds %output notifications read while waiting for a command's
	// reply, in arrival order, for the next waitOutput.
	outputs []time.Time
	window  string // the id of the window the program runs in
}

type stamped struct {
	at   time.Time
	text string
	err  error
}

// patience is how long a screen may take to become what is waited for
// before the harness gives up. A slow answer is a figure to print, not a
// failure: on xxl the first switch to Contacts has taken seconds.
const patience = time.Minute

// errTimeout is returned when a screen never became what was expected.
var errTimeout = errors.New("timed out waiting for the screen")

func startTmux(socket string, width, height int) (*ctl, error) {
	// Kill any server left over from an interrupted run on this socket.
	_ = exec.Command("tmux", "-L", socket, "kill-server").Run()
	c := &ctl{socket: socket, lines: make(chan stamped, 1<<16)}
	c.cmd = exec.Command("tmux", "-L", socket, "-f", "/dev/null", "-C",
		"new-session", "-s", "speed", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height),
		"exec sleep 1000000")
	c.cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	in, err := c.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	c.in = in
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start tmux: %w", err)
	}
	go func() {
		r := bufio.NewReaderSize(out, 1<<20)
		for {
			s, err := r.ReadString('\n')
			if err != nil {
				c.lines <- stamped{err: err}
				close(c.lines)
				return
			}
			c.lines <- stamped{at: time.Now(), text: strings.TrimSuffix(s, "\n")}
		}
	}()
	// new-session's own reply comes first.
	if _, err := c.reply("new-session"); err != nil {
		return nil, err
	}
	if _, err := c.run("set -g status off"); err != nil {
		return nil, err
	}
	// A program that ends by itself (a crash) leaves its pane and what it
	// printed, to be shown in the error, instead of taking the session
	// and the server with it.
	if _, err := c.run("set -g remain-on-exit on"); err != nil {
		return nil, err
	}
	if _, err := c.run(fmt.Sprintf("resize-window -t speed -x %d -y %d", width, height)); err != nil {
		return nil, err
	}
	lines, err := c.run("display -p -t speed '#{window_id}'")
	if err != nil || len(lines) == 0 {
		return nil, fmt.Errorf("tmux window id: %v", err)
	}
	c.window = lines[0]
	return c, nil
}

// replace runs command in a new window and closes the one before. tmux
// (3.3a to 3.6a at least) can crash on respawn-pane while a control client
// has not yet been sent all of the pane's output (tmux/tmux#5499), which a
// busy machine makes likely; a new pane starts with nothing owed.
func (c *ctl) replace(command string) error {
	lines, err := c.run("new-window -P -F '#{window_id}' -t speed: " + quote(command))
	if err != nil {
		return err
	}
	if len(lines) == 0 {
		return errors.New("tmux new-window: no window id")
	}
	old := c.window
	c.window = lines[0]
	_, err = c.run("kill-window -t " + old)
	return err
}

func (c *ctl) close() {
	_, _ = c.run("kill-server")
	_ = c.in.Close()
	_ = c.cmd.Wait()
}

// run sends one tmux command and returns its reply lines.
func (c *ctl) run(command string) ([]string, error) {
	if _, err := io.WriteString(c.in, command+"\n"); err != nil {
		return nil, fmt.Errorf("tmux %q: %w", command, err)
	}
	return c.reply(command)
}

// reply reads the next reply block, keeping the notifications around it.
func (c *ctl) reply(command string) ([]string, error) {
	var reply []string
	inBlock := false
	deadline := time.After(10 * time.Second)
	for {
		var l stamped
		select {
		case l = <-c.lines:
		case <-deadline:
			return nil, fmt.Errorf("tmux %q: no reply", command)
		}
		if l.err != nil {
			return nil, fmt.Errorf("tmux %q: %w", command, l.err)
		}
		switch {
		case strings.HasPrefix(l.text, "%begin "):
			inBlock = true
			reply = reply[:0]
		case inBlock && strings.HasPrefix(l.text, "%end "):
			return reply, nil
		case inBlock && strings.HasPrefix(l.text, "%error "):
			return nil, fmt.Errorf("tmux %q: %s", command, strings.Join(reply, " "))
		case inBlock:
			reply = append(reply, l.text)
		case strings.HasPrefix(l.text, "%output "):
			c.outputs = append(c.outputs, l.at)
		case strings.HasPrefix(l.text, "%exit"):
			return nil, fmt.Errorf("tmux %q: the control client left (%s)", command, l.text)
		}
	}
}

// nextOutput returns the time of the next chunk a program wrote, waiting
// up to d for it.
func (c *ctl) nextOutput(d time.Duration) (time.Time, error) {
	if len(c.outputs) > 0 {
		at := c.outputs[0]
		c.outputs = c.outputs[1:]
		return at, nil
	}
	deadline := time.After(d)
	for {
		select {
		case l, ok := <-c.lines:
			if !ok || l.err != nil {
				return time.Time{}, errors.New("tmux went away")
			}
			if strings.HasPrefix(l.text, "%output ") {
				return l.at, nil
			}
		case <-deadline:
			return time.Time{}, errTimeout
		}
	}
}

// settle waits until the pane has been quiet for quiet, so that the next
// measurement starts from a still screen.
func (c *ctl) settle(quiet time.Duration) {
	c.outputs = c.outputs[:0]
	for {
		if _, err := c.nextOutput(quiet); err != nil {
			return
		}
	}
}

var sgr = regexp.MustCompile("\x1b\\[[0-9;:?]*[a-zA-Z]")

// screen is one capture of the pane: raw keeps colours and attributes (a
// highlight that moves is a change), text is what a person reads.
type screen struct{ raw, text string }

func (c *ctl) capture() (screen, error) {
	lines, err := c.run("capture-pane -p -e -t speed")
	if err != nil {
		return screen{}, err
	}
	raw := strings.Join(lines, "\n")
	return screen{raw: raw, text: sgr.ReplaceAllString(raw, "")}, nil
}

// waitFor returns when the screen first satisfied ok: the time of the
// output chunk after which it did, measured from start.
func (c *ctl) waitFor(start time.Time, ok func(screen) bool, limit time.Duration) (time.Duration, screen, error) {
	end := start.Add(limit)
	for {
		at, err := c.nextOutput(time.Until(end))
		if err != nil {
			s, _ := c.capture()
			return 0, s, err
		}
		s, err := c.capture()
		if err != nil {
			return 0, s, err
		}
		if ok(s) {
			return at.Sub(start), s, nil
		}
	}
}

// launch replaces whatever runs in the pane with command and measures the
// time until its first full frame.
func (c *ctl) launch(command string, full func(screen) bool) (time.Duration, error) {
	if err := c.blank(); err != nil {
		return 0, err
	}
	start := time.Now()
	if err := c.replace("exec " + command); err != nil {
		return 0, err
	}
	d, s, err := c.waitFor(start, full, patience)
	if err != nil {
		return 0, fmt.Errorf("%s: first frame: %w; screen was:\n%s", command, err, s.text)
	}
	return d, nil
}

// blank leaves an empty, quiet pane so no earlier frame can pass for a new one.
// It waits for the program that was there to be gone: one still closing its
// journal would take a core from the next start, and keep the journal's
// files in use while they are dropped from the page cache.
func (c *ctl) blank() error {
	pid, err := c.panePID()
	if err != nil {
		return err
	}
	if err := c.replace("exec sleep 1000000"); err != nil {
		return err
	}
	waitGone(pid, 5*time.Second)
	c.settle(30 * time.Millisecond)
	return nil
}

// key sends one key (tmux key name) and measures the time until the
// screen changed and satisfied ok (nil: any change).
func (c *ctl) key(name string, ok func(screen) bool) (time.Duration, error) {
	c.settle(25 * time.Millisecond)
	before, err := c.capture()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if _, err := c.run("send-keys -t speed " + quote(name)); err != nil {
		return 0, err
	}
	d, s, err := c.waitFor(start, func(s screen) bool {
		return s.raw != before.raw && (ok == nil || ok(s))
	}, patience)
	if err != nil {
		return 0, fmt.Errorf("key %s: %w; screen was:\n%s", name, err, s.text)
	}
	return d, nil
}

// send types keys without measuring (to get somewhere).
func (c *ctl) send(keys ...string) error {
	for _, k := range keys {
		if _, err := c.run("send-keys -t speed " + quote(k)); err != nil {
			return err
		}
		// Apart, as a person types them: two escapes back to back would
		// read as one alt+escape.
		c.settle(60 * time.Millisecond)
	}
	return nil
}

// await waits, unmeasured, until the screen satisfies done.
func (c *ctl) await(done func(screen) bool) error {
	s, err := c.capture()
	if err == nil && !done(s) {
		_, s, err = c.waitFor(time.Now(), done, patience)
	}
	if err != nil {
		return fmt.Errorf("waiting: %w; screen was:\n%s", err, s.text)
	}
	return nil
}

// until presses key, unmeasured, until the screen satisfies done, up to
// three times, each waiting for the screen to answer: on a busy machine a
// program may not read a key before the next one is sent, and two escapes
// read together are one alt+escape, which leaves the walk where it was.
func (c *ctl) until(key string, done func(screen) bool) error {
	s, err := c.capture()
	for try := 0; err == nil && !done(s); try++ {
		if try == 3 {
			return fmt.Errorf("key %s: the screen never became what was wanted; it was:\n%s", key, s.text)
		}
		if _, err := c.run("send-keys -t speed " + quote(key)); err != nil {
			return err
		}
		_, s, err = c.waitFor(time.Now(), done, 2*time.Second)
		if errors.Is(err, errTimeout) {
			err = nil
		}
	}
	if err != nil {
		return err
	}
	c.settle(25 * time.Millisecond)
	return nil
}

// waitGone waits, up to limit, until process pid has ended. Where there is
// no /proc to look in, it does not wait.
func waitGone(pid int, limit time.Duration) {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(time.Millisecond) {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
			return
		}
	}
}

// panePID is the process in the pane (commands are started with exec).
func (c *ctl) panePID() (int, error) {
	lines, err := c.run("display -p -t speed '#{pane_pid}'")
	if err != nil || len(lines) == 0 {
		return 0, fmt.Errorf("pane pid: %v", err)
	}
	var pid int
	_, err = fmt.Sscan(lines[0], &pid)
	return pid, err
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
