package views

import (
	"bytes"
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/tether-recovery/tether/model"
)

// hugePaste is 5 MB of text, the wrong file copied by mistake.
var hugePaste = strings.Repeat(strings.Repeat("a long line of text pasted by mistake, ", 25)+"\n", 5<<20/976)

// BenchmarkPasteRefused: a 5 MB paste into a reflection's answer, from the
// paste's arrival to its frame: refused whole without reading it through.
func BenchmarkPasteRefused(b *testing.B) {
	l := reflectionOpenForWriting(b)
	b.ResetTimer()
	for range b.N {
		l.send(tea.PasteMsg{Content: hugePaste})
		_ = l.app.frame()
	}
}

// BenchmarkPasteAtTheLimit: the longest paste taken (as long as the
// longest field holds) into a reflection's answer, to its frame.
func BenchmarkPasteAtTheLimit(b *testing.B) {
	text := strings.Repeat("I walked to the meeting and called Sam after. ", model.MaxPasteLen/46)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		l := reflectionOpenForWriting(b)
		b.StartTimer()
		l.send(tea.PasteMsg{Content: text})
		_ = l.app.frame()
	}
}

// BenchmarkTerminalReadsHugePaste is the part before the app: the terminal
// input reader Bubble Tea uses turning 5 MB of bracketed paste into one
// paste message (it decodes the paste a character at a time).
func BenchmarkTerminalReadsHugePaste(b *testing.B) {
	in := []byte("\x1b[200~" + hugePaste + "\x1b[201~")
	b.SetBytes(int64(len(in)))
	for range b.N {
		r := uv.NewTerminalReader(bytes.NewReader(in), "xterm-256color")
		events := make(chan uv.Event, 16)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for ev := range events {
				if _, ok := ev.(uv.PasteEvent); ok {
					return
				}
			}
		}()
		go r.StreamEvents(context.Background(), events)
		<-done
	}
}

// reflectionOpenForWriting is the app on a fake journal with this week's
// reflection open at its first answer.
func reflectionOpenForWriting(b *testing.B) *loop {
	l := &loop{app: New(newFakeStore(sampleContacts()...), Options{Clock: fixedClock})}
	l.start(100, 30)
	for _, k := range []string{"4", "e", "tab", "tab", "tab"} {
		l.send(keyMsg(k))
	}
	if l.app.reflection.form == nil {
		b.Fatal("the reflection did not open")
	}
	return l
}
