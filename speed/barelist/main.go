// Command barelist is the speed harness's floor for Bubble Tea: a program
// that only draws a list of 500 names and moves a cursor through it, with
// none of Tether's work. Whatever it costs, any Bubble Tea program pays.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type list struct {
	items         []string
	cursor, top   int
	width, height int
}

func (l list) Init() tea.Cmd { return nil }

func (l list) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.width, l.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return l, tea.Quit
		case "j", "down":
			if l.cursor < len(l.items)-1 {
				l.cursor++
			}
		case "k", "up":
			if l.cursor > 0 {
				l.cursor--
			}
		}
	}
	rows := l.height - 2
	if rows < 1 {
		rows = 1
	}
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+rows {
		l.top = l.cursor - rows + 1
	}
	return l, nil
}

func (l list) View() tea.View {
	var b strings.Builder
	b.WriteString("People\n")
	rows := l.height - 2
	for i := l.top; i < len(l.items) && i < l.top+rows; i++ {
		mark := "  "
		if i == l.cursor {
			mark = "> "
		}
		b.WriteString(mark + l.items[i] + "\n")
	}
	b.WriteString("j/k move · q quit")
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 60, "frames per second (Bubble Tea's default is 60, its ceiling 120)")
	flag.Parse()
	items := make([]string, 500)
	for i := range items {
		items[i] = fmt.Sprintf("Person %03d", i+1)
	}
	p := tea.NewProgram(list{items: items}, tea.WithFPS(*fps))
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "barelist:", err)
		os.Exit(1)
	}
}
