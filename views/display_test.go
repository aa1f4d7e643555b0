package views

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

func TestFrameDiffRewritesOnlyChangedLines(t *testing.T) {
	old := []string{"one", "two", "three"}
	got := string(frameDiff(old, []string{"one", "TWO", "three"}, 10, false))
	want := "\x1b[2;1H" + eraseRight + "TWO" + resetStyle
	if got != want {
		t.Fatalf("diff = %q, want %q", got, want)
	}
	if got := frameDiff(old, old, 10, false); len(got) != 0 {
		t.Fatalf("an unchanged frame writes %q", got)
	}
}

func TestFrameDiffErasesLinesTheNewFrameLacks(t *testing.T) {
	got := string(frameDiff([]string{"a", "b", "c"}, []string{"a"}, 10, false))
	want := "\x1b[2;1H" + eraseLine + "\x1b[3;1H" + eraseLine
	if got != want {
		t.Fatalf("diff = %q, want %q", got, want)
	}
}

func TestFrameDiffKeepsTheLastCharacterOfAFullLine(t *testing.T) {
	got := string(frameDiff([]string{"abcx", "abcx"}, []string{"abcd", "ab"}, 4, false))
	if strings.Contains(got, "abcd"+resetStyle+eraseRight) || strings.Contains(got, "d"+resetStyle+eraseRight) {
		t.Fatalf("a line filling the width is followed by erase-right, which eats its last cell: %q", got)
	}
	checkFrameDiff(t, []string{"abcx", "abcx"}, []string{"abcd", "ab"}, 4, 2)
}

func TestFrameDiffRepaintClearsAndDrawsEverything(t *testing.T) {
	got := string(frameDiff([]string{"same"}, []string{"same"}, 10, true))
	if !strings.HasPrefix(got, clearScreen) || !strings.Contains(got, "same") {
		t.Fatalf("repaint = %q", got)
	}
}

func TestFitFrameCutsWideLinesAndKeepsTheBottom(t *testing.T) {
	lines := fitFrame("top\nmiddle 🌻🌻🌻\nhelp · q quit", 8, 2)
	if len(lines) != 2 || lines[1] != "help · q" {
		t.Fatalf("fit = %q", lines)
	}
	if lines[0] != "middle 🌻" && lines[0] != "middle " {
		t.Fatalf("a wide line is not cut to 8 cells: %q", lines[0])
	}
}

// syncBuffer is a bytes.Buffer safe to read while the writer goroutine
// writes.
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

// The display says once, after drawing it, that the first full frame is on
// the screen; frames before it (the loading line) do not count.
func TestDisplayReportsTheFirstFullFrameOnceDrawn(t *testing.T) {
	var out syncBuffer
	d := openDisplay(&out, 20, 3)
	defer d.close()
	reported := make(chan string, 4)
	d.reportFirstFull(func() { reported <- out.String() })
	shown := func() string {
		v := newVScreen(20, 3)
		v.write(out.String())
		return v.text()
	}
	waitFor := func(text string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !strings.Contains(shown(), text); {
			if time.Now().After(deadline) {
				t.Fatalf("%q was never drawn: %q", text, out.String())
			}
			time.Sleep(time.Millisecond)
		}
	}
	d.post("loading", false)
	waitFor("loading")
	select {
	case <-reported:
		t.Fatal("the loading frame was reported as the first full one")
	case <-time.After(20 * time.Millisecond):
	}
	d.post("Today", true)
	select {
	case screen := <-reported:
		if !strings.Contains(screen, "Today") {
			t.Fatalf("reported before the full frame was written: %q", screen)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first full frame was never reported")
	}
	d.post("Today again", true)
	waitFor("Today again")
	select {
	case <-reported:
		t.Fatal("reported twice")
	case <-time.After(20 * time.Millisecond):
	}
}

type fixedView string

func (v fixedView) Init() tea.Cmd                       { return nil }
func (v fixedView) Update(tea.Msg) (tea.Model, tea.Cmd) { return v, nil }
func (v fixedView) View() string                        { return string(v) }

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
func (v countedView) View() string    { *v.views++; return "frame" }
func (v countedView) unchanged() bool { return v.still }

// After an Update that changed nothing on the screen the model is not
// drawn again; after anything else it is.
func TestFramedSkipsTheFrameAfterAnUnchangedUpdate(t *testing.T) {
	var out syncBuffer
	d := openDisplay(&out, 20, 3)
	defer d.close()
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

func TestFramedDrawsEachViewAndRestoresTheTerminal(t *testing.T) {
	var out syncBuffer
	d := openDisplay(&out, 20, 3)
	f := framed{inner: fixedView("hello\nworld"), screen: d}
	f.View()
	m, _ := f.Update(tea.WindowSizeMsg{Width: 30, Height: 5})
	m.View()
	// The writer draws on its own goroutine; wait for the repaint.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(out.String(), clearScreen+"\x1b[1;1Hhello"); {
		if time.Now().After(deadline) {
			t.Fatalf("the resized frame was never drawn: %q", out.String())
		}
		time.Sleep(time.Millisecond)
	}
	d.close()
	got := out.String()
	for _, want := range []string{hideCursor, enterAltScreen, pasteOn, "hello", "world", clearScreen, pasteOff, exitAltScreen, showCursor} {
		if !strings.Contains(got, want) {
			t.Fatalf("output lacks %q:\n%q", want, got)
		}
	}
	if !strings.HasSuffix(got, exitAltScreen+showCursor) {
		t.Fatalf("the terminal is not given back last: %q", got)
	}
}
