package views

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// Escape sequences for the whole-screen session.
const (
	hideCursor     = "\x1b[?25l"
	showCursor     = "\x1b[?25h"
	enterAltScreen = "\x1b[?1049h"
	exitAltScreen  = "\x1b[?1049l"
	clearScreen    = "\x1b[2J"
	pasteOn        = "\x1b[?2004h"
	pasteOff       = "\x1b[?2004l"
	resetStyle     = "\x1b[m"
	eraseRight     = "\x1b[K"
	eraseLine      = "\x1b[2K"
)

// display draws frames on the terminal as soon as they are posted, from one
// writer goroutine, rewriting only the lines that changed. When frames come
// faster than the terminal takes them, only the newest is drawn.
type display struct {
	out io.Writer

	mu            sync.Mutex
	next          string
	pending       bool
	width, height int
	repaint       bool // the whole screen, after a resize

	wake chan struct{}
	quit chan struct{}
	done chan struct{}

	last []string // what is on the terminal now, line by line

	// full is set when the frame waiting to be drawn is the first with
	// the journal's data; once it is drawn, firstFull is called (once).
	full      bool
	firstFull func()
}

func openDisplay(out io.Writer, width, height int) *display {
	s := &display{
		out: out, width: width, height: height,
		wake: make(chan struct{}, 1),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	_, _ = io.WriteString(out, hideCursor+enterAltScreen+clearScreen+pasteOn)
	go s.loop()
	return s
}

// close stops the writer and gives the terminal back as it was.
func (s *display) close() {
	close(s.quit)
	<-s.done
	_, _ = io.WriteString(s.out, pasteOff+resetStyle+exitAltScreen+showCursor)
}

// reportFirstFull has the writer call fn once, just after it has drawn
// the first frame posted as full: the moment start-up is over for the
// person looking at the screen.
func (s *display) reportFirstFull(fn func()) {
	s.mu.Lock()
	s.firstFull = fn
	s.mu.Unlock()
}

// post hands over the newest frame; full says it has the journal's data.
func (s *display) post(frame string, full bool) {
	s.mu.Lock()
	s.next, s.pending = frame, true
	s.full = s.full || full
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // a draw is already due and will take this frame
	}
}

func (s *display) resize(width, height int) {
	s.mu.Lock()
	s.width, s.height, s.repaint = width, height, true
	s.mu.Unlock()
}

func (s *display) loop() {
	defer close(s.done)
	for {
		select {
		case <-s.wake:
			s.draw()
		case <-s.quit:
			return
		}
	}
}

func (s *display) draw() {
	s.mu.Lock()
	if !s.pending {
		s.mu.Unlock()
		return
	}
	frame, width, height, repaint := s.next, s.width, s.height, s.repaint
	s.pending, s.repaint = false, false
	var report func()
	if s.full && s.firstFull != nil {
		report, s.firstFull = s.firstFull, nil
	}
	s.mu.Unlock()

	if repaint {
		s.last = nil
	}
	lines := fitFrame(frame, width, height)
	b := frameDiff(s.last, lines, width, repaint)
	s.last = lines
	if len(b) > 0 {
		_, _ = s.out.Write(b)
	}
	if report != nil {
		// The program may be busy; its answer must not hold up the next frame.
		go report()
	}
}

// fitFrame cuts a frame to the terminal: lines past the width are cut, and
// when there are too many lines the top ones go, as Bubble Tea does, so
// the help line at the bottom stays in sight.
func fitFrame(frame string, width, height int) []string {
	lines := strings.Split(frame, "\n")
	if height > 0 && len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	for i, l := range lines {
		if width > 0 && cells(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return lines
}

// frameDiff is what to write to turn the screen showing old into one
// showing lines: each changed line rewritten in place, and lines the new
// frame no longer has erased.
func frameDiff(old, lines []string, width int, repaint bool) []byte {
	var b bytes.Buffer
	if repaint {
		b.WriteString(clearScreen)
	}
	for i, l := range lines {
		if !repaint && i < len(old) && old[i] == l {
			continue
		}
		moveTo(&b, i)
		b.WriteString(l)
		b.WriteString(resetStyle)
		// A line that fills the width leaves the cursor waiting to wrap;
		// erasing there would take the last character with it.
		if cells(l) < width {
			b.WriteString(eraseRight)
		}
	}
	for i := len(lines); i < len(old); i++ {
		moveTo(&b, i)
		b.WriteString(eraseLine)
	}
	return b.Bytes()
}

func moveTo(b *bytes.Buffer, row int) {
	b.WriteString("\x1b[")
	b.WriteString(strconv.Itoa(row + 1))
	b.WriteString(";1H")
}
