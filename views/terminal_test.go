package views

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/views/term"
)

type fixedView string

func (v fixedView) Init() tea.Cmd                       { return nil }
func (v fixedView) Update(tea.Msg) (tea.Model, tea.Cmd) { return v, nil }
func (v fixedView) View() tea.View                      { return tea.NewView(v.frame()) }
func (v fixedView) frame() string                       { return string(v) }

// countedView counts how often it is drawn; it says a message changed
// nothing when the message is the string "nothing".
type countedView struct {
	views *int
	still bool
}

func (v countedView) Init() tea.Cmd { return nil }
func (v countedView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	v.still = msg == "nothing"
	return v, nil
}
func (v countedView) View() tea.View  { return tea.NewView(v.frame()) }
func (v countedView) frame() string   { *v.views++; return "frame" }
func (v countedView) unchanged() bool { return v.still }

// After an Update that changed nothing on the screen the model is not
// drawn again; after anything else it is.
func TestFramedSkipsTheFrameAfterAnUnchangedUpdate(t *testing.T) {
	var out syncBuffer
	d := term.Open(&out, 20, 3)
	defer d.Close()
	views := 0
	var m tea.Model = framed{inner: countedView{views: &views}, screen: d}
	m, _ = m.Update("nothing")
	m.View()
	if views != 0 {
		t.Fatal("drawn after an Update that changed nothing")
	}
	m, _ = m.Update(keyMsg("j"))
	m.View()
	if views != 1 {
		t.Fatalf("drawn %d times after a key; want once", views)
	}
}

// sizedView keeps the last size it was given.
type sizedView struct{ w, h int }

func (v sizedView) Init() tea.Cmd { return nil }
func (v sizedView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		v.w, v.h = m.Width, m.Height
	}
	return v, nil
}
func (v sizedView) View() tea.View { return tea.NewView(v.frame()) }
func (v sizedView) frame() string  { return "" }

// A size message that arrives after a newer one (Bubble Tea's own first
// one does, now and then, when the pane is resized as Tether starts) does
// not put the app back at the old size: the size applied is the
// terminal's as the message is taken.
func TestFramedAppliesTheTerminalsSizeWhateverTheMessageSays(t *testing.T) {
	var out syncBuffer
	d := term.Open(&out, 100, 30)
	defer d.Close()
	w, h := 80, 24
	f := framed{inner: sizedView{}, screen: d, measure: func() (int, int, error) { return w, h, nil }}
	m, _ := f.Update(tea.WindowSizeMsg{Width: 100, Height: 30}) // stale
	if got := m.(framed).inner.(sizedView); got.w != 80 || got.h != 24 {
		t.Fatalf("the app was sized %d×%d; the terminal is 80×24", got.w, got.h)
	}
	// Not measured: the message stands.
	w, h = 0, 0
	m, _ = m.Update(tea.WindowSizeMsg{Width: 90, Height: 20})
	if got := m.(framed).inner.(sizedView); got.w != 90 || got.h != 20 {
		t.Fatalf("the app was sized %d×%d; the message said 90×20", got.w, got.h)
	}
}

// framed hands each view to the display, and a new size to it too, so the
// frame after a resize is drawn whole. (What the display writes around
// the frames is term's TestDisplayDrawsEachFrameAndRestoresTheTerminal.)
func TestFramedDrawsEachViewAndResizesTheDisplay(t *testing.T) {
	var out syncBuffer
	d := term.Open(&out, 20, 3)
	f := framed{inner: fixedView("hello\nworld"), screen: d}
	f.View()
	m, _ := f.Update(tea.WindowSizeMsg{Width: 30, Height: 5})
	m.View()
	// The writer draws on its own goroutine; wait for the repaint: the
	// screen cleared, then the frame from the top.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(out.String(), "\x1b[2J\x1b[1;1Hhello"); {
		if time.Now().After(deadline) {
			t.Fatalf("the resized frame was never drawn: %q", out.String())
		}
		time.Sleep(time.Millisecond)
	}
	d.Close()
	got := out.String()
	for _, want := range []string{"hello", "world"} {
		if !strings.Contains(got, want) {
			t.Fatalf("output lacks %q:\n%q", want, got)
		}
	}
}

// syncBuffer is a bytes.Buffer safe to read while the display's writer
// goroutine writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// A burst of typed text is drawn at most once every burstGap, and once
// when it ends; a character after a pause, and any named key, are drawn
// at once. Every key reaches the app as it came.
func TestFramedPacesABurstOfTypedText(t *testing.T) {
	var out syncBuffer
	d := term.Open(&out, 20, 3)
	defer d.Close()
	clock := time.Unix(1_000_000, 0)
	views := 0
	var m tea.Model = framed{inner: countedView{views: &views}, screen: d,
		pace: &pacing{now: func() time.Time { return clock }}}
	step := func(msg tea.Msg, after time.Duration) tea.Cmd {
		t.Helper()
		clock = clock.Add(after)
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		return cmd
	}

	step(runeKey('a'), time.Second)
	if views != 1 {
		t.Fatalf("a character after a pause: drawn %d times, want once", views)
	}
	if cmd := step(runeKey('b'), time.Millisecond); views != 1 || cmd == nil {
		t.Fatalf("the next character of a burst: drawn %d times (want 1), and no frame owed (cmd %v)", views, cmd)
	}
	if cmd := step(runeKey('c'), time.Millisecond); views != 1 || cmd != nil {
		t.Fatalf("a third character: drawn %d times (want 1), cmd %v (want none: a frame is owed already)", views, cmd)
	}
	step(flushMsg{}, burstGap)
	if views != 2 {
		t.Fatalf("the burst's end: drawn %d times, want 2", views)
	}
	step(flushMsg{}, burstGap) // owed nothing now
	if views != 2 {
		t.Fatalf("a second flush drew again: %d", views)
	}
	step(runeKey('d'), time.Millisecond) // the last frame is burstGap+1 ms old
	step(runeKey('f'), time.Millisecond) // within a burst again
	if views != 3 {
		t.Fatalf("after a gap, then within a burst: drawn %d times, want 3", views)
	}
	step(keyMsg("down"), time.Millisecond)
	if views != 4 {
		t.Fatalf("a named key within a burst: drawn %d times, want 4", views)
	}
	step(runeKey('e'), 50*time.Millisecond)
	if views != 5 {
		t.Fatalf("a character typed 50 ms later: drawn %d times, want 5", views)
	}
}
