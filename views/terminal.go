package views

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	xterm "github.com/charmbracelet/x/term"

	"github.com/tether-recovery/tether/views/term"
)

// Run shows the app on the journal st full screen on the terminal and
// returns when it quits.
//
// Bubble Tea's own renderer draws on a ticker (60 frames a second, 120 at
// most), so every keypress waits up to a frame for its answer: 8 ms on
// average, and the first frame waits too. A person on a hard day feels a
// screen that lags behind their fingers. So Tether draws each frame the
// moment it exists (see the term package) and Bubble Tea does the rest: input,
// the update loop, commands. Without a terminal (a pipe, a test) it falls
// back to Bubble Tea's renderer.
func Run(st Store, opts Options) error {
	in, out := os.Stdin, os.Stdout
	// What colours the terminal shows is read from the environment
	// (TERM, COLORTERM, NO_COLOR…), never by asking the terminal; its
	// background is asked once the program runs (see framed.Init).
	opts.Profile = detectProfile(out, os.Environ())
	width, height, err := xterm.GetSize(out.Fd())
	if err != nil || !xterm.IsTerminal(in.Fd()) || !term.Serves || opts.BubbleTeaRenderer {
		env, _ := withoutTmux(os.Environ())
		p := tea.NewProgram(New(st, opts), tea.WithoutSignalHandler(), tea.WithColorProfile(opts.Profile), tea.WithEnvironment(env))
		stopHangUp := watchHangUp(p)
		defer stopHangUp()
		if _, err := p.Run(); err != nil {
			return fmt.Errorf("run the app: %w", err)
		}
		return nil
	}
	// Today's reads begin first, while the app is built and the terminal
	// and Bubble Tea are set up; the display says when the first full
	// frame is drawn.
	first := startToday(st, opts.Clock)
	var m tea.Model = New(st, opts).onTerminal(first)
	tty := &ttyState{in: in, out: out}
	if err := tty.raw(); err != nil {
		return err
	}
	defer tty.restore()

	scr := term.Open(out, width, height)
	defer scr.Close()

	// The size is known now, so the very first frame is drawn at full size
	// instead of waiting for a resize message to come round the loop.
	m, sized := m.Update(tea.WindowSizeMsg{Width: width, Height: height})
	f := framed{inner: m, screen: scr, tty: tty, first: sized, pace: &pacing{now: time.Now},
		measure: func() (int, int, error) { return xterm.GetSize(out.Fd()) }}
	// Without its renderer Bubble Tea does not measure the terminal, and it
	// sends the size it is given as its first message.
	p := tea.NewProgram(f, tea.WithoutRenderer(), tea.WithoutSignalHandler(), tea.WithFilter(f.beforeSuspend), tea.WithWindowSize(width, height),
		tea.WithColorProfile(opts.Profile)) // detected once, above, without running anything
	scr.ReportFirstFull(func() { p.Send(warmUpMsg{}) })

	stop := term.WatchResize(out, width, height, func(w, h int) { p.Send(tea.WindowSizeMsg{Width: w, Height: h}) })
	defer stop()
	stopHangUp := watchHangUp(p)
	defer stopHangUp()
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("run the app: %w", err)
	}
	return nil
}

// ttyState is the terminal's mode before the app took it over, kept to
// give it back: at the end, and while the app is suspended.
type ttyState struct {
	in, out *os.File
	saved   *xterm.State
}

func (t *ttyState) raw() error {
	saved, err := xterm.MakeRaw(t.in.Fd())
	if err != nil {
		return fmt.Errorf("set up the terminal: %w", err)
	}
	t.saved = saved
	return nil
}

func (t *ttyState) restore() {
	if t.saved != nil {
		_ = xterm.Restore(t.in.Fd(), t.saved)
		t.saved = nil
	}
}

// framed wraps the app so that each new view goes straight to the screen.
// The frame is posted at the end of Init and of every Update (Bubble Tea's
// documented steps), not from View, which Bubble Tea need not call without
// a renderer; posting is a hand-over to the screen's writer, never a wait
// on the terminal.
type framed struct {
	inner  tea.Model
	screen *term.Display
	tty    *ttyState
	first  tea.Cmd // what the first size asked for, run with Init
	// still says the last message changed nothing on the screen (see
	// App.unchanged), so there is no frame to draw.
	still bool
	pace  *pacing // nil: every change is drawn at once
	// measure asks the terminal its size (nil: a size message is taken as
	// it comes). A size message can be older than the last: Bubble Tea
	// sends the size the program started at from a goroutine of its own,
	// which can arrive after the watch's newer one (term.WatchResize), and
	// the app then drew 30-row frames on a pane resized to 24 as it
	// started. Whatever the order they come in, the size applied is the
	// terminal's as the message is taken; a later change brings another.
	measure func() (int, int, error)
}

// pacing keeps a burst of typed text from drawing a frame for every
// character. Bubble Tea v2 hands each character of a burst (a paste where
// the terminal does not mark pastes, dictation, typing over a slow link)
// to the app as a key of its own, and drawing a screen with a long answer
// costs more than taking a character into it. A character typed after a
// pause is drawn at once, as every key is; within a burst the screen is
// drawn at most once every burstGap, and once more when it ends. Every
// key still reaches the app as it came, one by one: only drawing waits.
type pacing struct {
	now      func() time.Time
	last     time.Time // when the last frame was posted
	deferred bool      // a frame is owed, and a flushMsg is on its way
}

// burstGap is far below what a person sees, and far above the time
// between two characters of one burst.
const burstGap = 4 * time.Millisecond

// flushMsg asks for the frame a burst owes.
type flushMsg struct{}

// inBurst reports text typed within burstGap of the last frame.
func (p *pacing) inBurst(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	return ok && p != nil && namedKey(km) == "" && len(typed(km)) > 0 && p.now().Sub(p.last) < burstGap
}

func (f framed) Init() tea.Cmd {
	f.post()
	return tea.Batch(f.first, f.inner.Init())
}

// beforeSuspend gives the terminal back to the shell as ctrl+z is carried
// out: Bubble Tea stops reading keys and stops the process, but the
// screen and the terminal's mode are the display's to restore. The app
// is taken up again at tea.ResumeMsg.
func (f framed) beforeSuspend(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.SuspendMsg); ok && term.CanSuspend {
		f.screen.Suspend()
		f.tty.restore()
	}
	return msg
}

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); ok && f.measure != nil {
		if w, h, err := f.measure(); err == nil && w > 0 && h > 0 {
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width <= 0 || msg.Height <= 0 {
			return f, nil // not a size: the terminal could not be measured
		}
		f.screen.Resize(msg.Width, msg.Height)
	case tea.ResumeMsg:
		// Back from fg: the terminal is ours again.
		if err := f.tty.raw(); err != nil {
			return f, tea.Quit
		}
		if cmd, ok := f.retake(); ok {
			return f, cmd
		}
	case handOverMsg:
		if h, ok := f.inner.(interface{ screenHidden() bool }); ok && h.screenHidden() {
			break // the app keeps the editor closed (see editorWhileHidden)
		}
		// The editor (ctrl+e) gets the terminal as the shell does at
		// ctrl+z: the screen and the terminal's mode given back first,
		// taken again after.
		done := msg.done
		return f, tea.Exec(&handedOver{cmd: msg.cmd, screen: f.screen, tty: f.tty}, func(err error) tea.Msg {
			return handedBackMsg{inner: done(err)}
		})
	case handedBackMsg:
		cmd, _ := f.retake()
		var next tea.Cmd
		f.inner, next = f.inner.Update(msg.inner)
		f.still = false
		f.post()
		return f, tea.Batch(cmd, next)
	}
	if _, ok := msg.(flushMsg); ok {
		if f.pace != nil && f.pace.deferred {
			f.still = false
			f.post()
		}
		return f, nil
	}
	var cmd tea.Cmd
	f.inner, cmd = f.inner.Update(msg)
	u, ok := f.inner.(interface{ unchanged() bool })
	f.still = ok && u.unchanged()
	if !f.still && f.pace.inBurst(msg) {
		if !f.pace.deferred {
			f.pace.deferred = true
			cmd = tea.Batch(cmd, tea.Tick(burstGap, func(time.Time) tea.Msg { return flushMsg{} }))
		}
		return f, cmd
	}
	f.post()
	return f, cmd
}

// retake draws the screen whole at whatever size the terminal has now,
// once it is the app's again (after fg, or the editor).
func (f *framed) retake() (tea.Cmd, bool) {
	w, h, err := xterm.GetSize(f.tty.out.Fd())
	if err != nil {
		return nil, false
	}
	f.screen.Resume(w, h)
	var cmd tea.Cmd
	f.inner, cmd = f.inner.Update(tea.WindowSizeMsg{Width: w, Height: h})
	f.still = false
	f.post()
	return cmd, true
}

// handedBackMsg is the editor's outcome, once the terminal is taken back.
type handedBackMsg struct{ inner tea.Msg }

// handedOver runs a command with the terminal given back as it was before
// Tether: Bubble Tea has stopped reading keys (tea.Exec), the display
// leaves its screen, and the terminal leaves raw mode, until it ends.
type handedOver struct {
	cmd    *exec.Cmd
	screen *term.Display
	tty    *ttyState
}

func (h *handedOver) SetStdin(r io.Reader)  { h.cmd.Stdin = r }
func (h *handedOver) SetStdout(w io.Writer) { h.cmd.Stdout = w }
func (h *handedOver) SetStderr(w io.Writer) { h.cmd.Stderr = w }

func (h *handedOver) Run() error {
	h.screen.Suspend()
	h.tty.restore()
	err := h.cmd.Run()
	if rawErr := h.tty.raw(); rawErr != nil && err == nil {
		err = rawErr
	}
	return err
}

// post hands the frame to the display, marked full when it is the first
// with the journal's data, so the display can say when that one is on the
// screen.
func (f framed) post() {
	if f.still {
		return
	}
	if h, ok := f.inner.(interface{ holdsFirstFrame() bool }); ok && h.holdsFirstFrame() {
		return // the first frame waits for Today's data, briefly
	}
	frame := f.inner.(interface{ frame() string }).frame()
	w, ok := f.inner.(interface{ awaitingFirstFrame() bool })
	f.screen.Post(frame, ok && w.awaitingFirstFrame())
	if f.pace != nil {
		f.pace.last, f.pace.deferred = f.pace.now(), false
	}
}

// View is empty: Bubble Tea draws nothing itself here (WithoutRenderer).
func (f framed) View() tea.View { return tea.View{} }

// hangUpMsg says the app is being ended from outside: its window was
// closed (SIGHUP), or it was told to stop (SIGTERM, say at shutdown, or
// SIGINT from kill; in the terminal ctrl+c is a key).
type hangUpMsg struct{}

// watchHangUp turns those signals into hangUpMsg, so the app saves what
// the reflection holds and closes the journal properly instead of being
// killed mid-way. Bubble Tea's own handler, which quits on SIGTERM without
// a word to the app, is off (see Run). On Windows there is no hang-up:
// closing the console window arrives as SIGTERM, and Go holds the process
// open for the handler (Windows allows it a few seconds), so the same
// save happens there.
func watchHangUp(p *tea.Program) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			// Once asked, a second signal ends the program the usual way,
			// should saving hang (a journal locked by another window).
			signal.Stop(sig)
			p.Send(hangUpMsg{})
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
