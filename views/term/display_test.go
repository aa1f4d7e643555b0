package term

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
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
	d := Open(&out, 20, 3)
	defer d.Close()
	reported := make(chan string, 4)
	d.ReportFirstFull(func() { reported <- out.String() })
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
	d.Post("loading", false)
	waitFor("loading")
	select {
	case <-reported:
		t.Fatal("the loading frame was reported as the first full one")
	case <-time.After(20 * time.Millisecond):
	}
	d.Post("Today", true)
	select {
	case screen := <-reported:
		if !strings.Contains(screen, "Today") {
			t.Fatalf("reported before the full frame was written: %q", screen)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the first full frame was never reported")
	}
	d.Post("Today again", true)
	waitFor("Today again")
	select {
	case <-reported:
		t.Fatal("reported twice")
	case <-time.After(20 * time.Millisecond):
	}
}

func TestDisplayDrawsEachFrameAndRestoresTheTerminal(t *testing.T) {
	var out syncBuffer
	d := Open(&out, 20, 3)
	d.Post("hello\nworld", false)
	d.Resize(30, 5)
	d.Post("hello\nworld", false)
	// The writer draws on its own goroutine; wait for the repaint.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(out.String(), clearScreen+"\x1b[1;1Hhello"); {
		if time.Now().After(deadline) {
			t.Fatalf("the resized frame was never drawn: %q", out.String())
		}
		time.Sleep(time.Millisecond)
	}
	d.Close()
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
