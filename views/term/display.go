package term

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
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

// Display draws frames on the terminal as soon as they are posted, from one
// writer goroutine, rewriting only the lines that changed. When frames come
// faster than the terminal takes them, only the newest is drawn.
type Display struct {
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

	// writing is held while a frame is written, so a suspension waits for
	// it; suspended holds frames back until the session resumes.
	writing   sync.Mutex
	suspended bool

	// full is set when the frame waiting to be drawn is the first with
	// the journal's data; once it is drawn, firstFull is called (once).
	full      bool
	firstFull func()
}

// Open takes over the terminal out of width by height cells for a whole
// screen session (the alternate screen, no cursor, bracketed paste) and
// starts the writer. The caller has put the terminal in raw mode.
func Open(out io.Writer, width, height int) *Display {
	s := &Display{
		out: out, width: width, height: height,
		wake: make(chan struct{}, 1),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	_, _ = io.WriteString(out, hideCursor+enterAltScreen+clearScreen+pasteOn)
	go s.loop()
	return s
}

// Close stops the writer and gives the terminal back as it was.
func (s *Display) Close() {
	close(s.quit)
	<-s.done
	_, _ = io.WriteString(s.out, pasteOff+resetStyle+exitAltScreen+showCursor)
}

// Suspend gives the terminal back as it was before Open, as Close does,
// but keeps the writer: frames posted meanwhile wait for Resume. It
// returns once any frame being written is done.
func (s *Display) Suspend() {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.mu.Lock()
	s.suspended = true
	s.mu.Unlock()
	_, _ = io.WriteString(s.out, pasteOff+resetStyle+exitAltScreen+showCursor)
}

// Resume takes the terminal over again at width by height cells and draws
// the newest frame whole: what the shell printed meanwhile is gone, and
// the size may have changed.
func (s *Display) Resume(width, height int) {
	s.writing.Lock()
	_, _ = io.WriteString(s.out, hideCursor+enterAltScreen+clearScreen+pasteOn)
	s.writing.Unlock()
	s.mu.Lock()
	s.suspended = false
	s.width, s.height, s.repaint = width, height, true
	s.pending = s.pending || s.next != "" // the newest frame, drawn or not
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// ReportFirstFull has the writer call fn once, just after it has drawn
// the first frame posted as full: the moment start-up is over for the
// person looking at the screen.
func (s *Display) ReportFirstFull(fn func()) {
	s.mu.Lock()
	s.firstFull = fn
	s.mu.Unlock()
}

// Post hands over the newest frame and returns at once, never waiting on
// the terminal; full says it has the journal's data.
func (s *Display) Post(frame string, full bool) {
	s.mu.Lock()
	s.next, s.pending = frame, true
	s.full = s.full || full
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // a draw is already due and will take this frame
	}
}

// Resize says the terminal is now width by height cells: the next frame
// is drawn whole on a cleared screen, since the terminal may have moved
// or cut what it showed.
func (s *Display) Resize(width, height int) {
	s.mu.Lock()
	s.width, s.height, s.repaint = width, height, true
	s.mu.Unlock()
}

func (s *Display) loop() {
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

func (s *Display) draw() {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.mu.Lock()
	if !s.pending || s.suspended {
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
	if strings.Contains(frame, "\t") {
		// Notes are drawn with their tabs as spaces (views' wrap); any other
		// tab would jump over cells without clearing them.
		frame = strings.ReplaceAll(frame, "\t", " ")
	}
	lines := strings.Split(frame, "\n")
	if height > 0 && len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	for i, l := range lines {
		if width > 0 && Cells(l) > width {
			lines[i] = cutToCells(l, width)
		}
	}
	return lines
}

// frameDiff is what to write to turn the screen showing old into one
// showing lines: of each changed line, only what differs from where the
// change begins (see lineChange), and lines the new frame no longer has
// erased. The terminal reads every byte, and tmux took 0.1 ms more for
// each KB a key's answer wrote; a move in Contacts wrote 3.6 KB when it
// rewrote whole lines.
func frameDiff(old, lines []string, width int, repaint bool) []byte {
	var b bytes.Buffer
	if repaint {
		b.WriteString(clearScreen)
	}
	for i, l := range lines {
		was := ""
		if !repaint && i < len(old) {
			if old[i] == l {
				continue
			}
			was = old[i]
		}
		col, rest := lineChange(was, l)
		if width > 0 && col >= width {
			continue // the change is past the edge: colours, nothing shown
		}
		// Erased first, then written: erasing after a line that fills the
		// width would take its last character (the cursor waits there to
		// wrap), and a terminal may measure a line's characters wider than
		// the screens do, so where a line ends is not known for sure.
		moveToCell(&b, i, col)
		if !repaint {
			b.WriteString(eraseRight) // a repaint has cleared the screen
		}
		b.WriteString(rest)
		b.WriteString(resetStyle)
	}
	for i := len(lines); i < len(old); i++ {
		moveTo(&b, i)
		b.WriteString(eraseLine)
	}
	return b.Bytes()
}

// lineChange is what to write, from which column (in cells), to turn a
// terminal line showing old into one showing line. It starts at the last
// place in their common beginning where line's style is the plain one and
// plain ASCII meets plain ASCII, so a list beside a changed pane is not
// written again; and it leaves out plain spaces at the end, which erasing
// the line (frameDiff does, first) draws the same. ASCII on both sides
// makes the place a border between characters whatever the script (a
// combining accent or a prepended sign joins its neighbour into one); no
// place after an escape that is not a colour, a control or a character
// whose width terminals disagree on counts, so at worst it starts at the
// line's start.
func lineChange(old, line string) (col int, rest string) {
	same := 0
	for same < len(old) && same < len(line) && old[same] == line[same] {
		same++
	}
	start, plain, afterASCII := 0, true, true
	for i := 0; i <= same; {
		if plain && afterASCII && startsCharacter(line, i) && startsCharacter(old, i) {
			start = i
		}
		if i == len(line) {
			break
		}
		n, sgr := styleSeq(line, i)
		if n > 0 && !sgr {
			break // not a colour: no start after it
		}
		if sgr {
			plain = isReset(line[i : i+n])
		} else {
			r, size := utf8.DecodeRuneInString(line[i:])
			if r < 0x20 || r == 0x7f || (r >= utf8.RuneSelf && cellsOf(r) == 0) {
				// A control (a tab jumps to a stop), or a character whose
				// width terminals disagree on (emoji with their modifiers
				// and selectors, joiners): past it, this column count and
				// the terminal's may differ, so no start after it.
				break
			}
			n, afterASCII = size, size == 1
		}
		i += n
	}
	return Cells(line[:start]), trimPlainEnd(line[start:])
}

// startsCharacter says whether a character (or the end) begins at i in s
// once any colour sequences there are passed, and is plain ASCII, which
// never joins the character before it.
func startsCharacter(s string, i int) bool {
	for i < len(s) {
		n, ok := styleSeq(s, i)
		if n == 0 {
			return s[i] >= 0x20 && s[i] < 0x7f
		}
		if !ok {
			return false
		}
		i += n
	}
	return true
}

// styleSeq measures an escape sequence at i in s: its length (0 when
// none starts there) and whether it is SGR, a colour or style.
func styleSeq(s string, i int) (n int, sgr bool) {
	if s[i] != 0x1b {
		return 0, false
	}
	if i+1 >= len(s) || s[i+1] != '[' {
		return 1, false
	}
	j := i + 2
	for j < len(s) && s[j] >= 0x20 && s[j] < 0x40 {
		j++
	}
	if j >= len(s) {
		return len(s) - i, false
	}
	return j + 1 - i, s[j] == 'm' && !strings.ContainsAny(s[i+2:j], " !\"#$%&'()*+,-./<=>?")
}

func isReset(sgr string) bool { return sgr == resetStyle || sgr == "\x1b[0m" }

// trimPlainEnd drops the spaces at the end of s that are drawn in the
// plain style (after a reset, or before any colour): erasing to the end of
// the line draws the same. A space straight after a character outside
// ASCII stays, since it may be part of it (a prepended sign takes the
// next character, whatever it is).
func trimPlainEnd(s string) string {
	end, plain, afterASCII := 0, true, true
	for i := 0; i < len(s); {
		n, sgr := styleSeq(s, i)
		switch {
		case sgr:
			plain = isReset(s[i : i+n])
			if !plain {
				end = i + n
			}
		case n > 0:
			n, end = len(s)-i, len(s) // unknown: keep the rest as it is
		case s[i] == ' ' && plain && afterASCII:
			n = 1
		default:
			_, n = utf8.DecodeRuneInString(s[i:])
			end = i + n
			afterASCII = n == 1
		}
		i += n
	}
	return s[:end]
}

func moveTo(b *bytes.Buffer, row int) { moveToCell(b, row, 0) }

func moveToCell(b *bytes.Buffer, row, col int) {
	b.WriteString("\x1b[")
	b.WriteString(strconv.Itoa(row + 1))
	b.WriteString(";")
	b.WriteString(strconv.Itoa(col + 1))
	b.WriteString("H")
}
