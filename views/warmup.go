package views

import (
	"context"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tether-recovery/tether/model"
)

// warmUp begins, once, right after the first frame: it starts watching for
// changes made elsewhere, and when the watch has had its first look, loads
// what the other screens need (see warmLoads). The first look opens the
// connection the watch keeps, work the first frame should not wait for.
func (a *App) warmUp() tea.Cmd {
	if a.warm {
		return nil
	}
	a.warm = true
	a.warmLoadsDue = true
	return a.readDataVersion()
}

// warmLoads is the warm-up's reading, after the watch's first look: by
// then the watch holds its own connection, so the loads take turns on the
// other one as they always do, rather than filling a second page cache
// alongside (0.5-1 MB more at peak on a decade of data). Today is read
// again with them, so a change another window made between Today's first
// read and the watch's first look still shows.
func (a *App) warmLoads() tea.Cmd {
	if !a.warmLoadsDue {
		return nil
	}
	a.warmLoadsDue = false
	return after(a.preload(), a.today.load(), a.contacts.load(), a.checkIn.load(), a.crisis.load())
}

// preload reads Network and Reflection ahead of their first show, once
// the warm-up's other loads are in, so that the first switch to either is
// as quick as any other (read on show, they took 26 and 14 ms on a decade
// of data). One read after the other, and of everyone in the journal only
// once: the week's summary needs the same people Network lists. A screen
// already read (a quick person got there first) is not read again.
func (a *App) preload() tea.Cmd {
	if a.network.loaded || a.reflection.loaded {
		return nil
	}
	st, today := a.st, model.Today(a.clock)
	netGen := a.network.fresh()
	week, weekGen := a.reflection.week, a.reflection.fresh()
	return func() tea.Msg {
		ctx := context.Background()
		n, netErr := loadNetwork(ctx, st, today)
		people := n.contacts
		if netErr != nil {
			people = nil // the week reads them itself
		}
		w, weekErr := readWeek(ctx, st, week, today, people)
		return tea.BatchMsg{
			answer(networkLoadedMsg{data: n, err: netErr, gen: netGen}),
			answer(weekLoadedMsg{week: week, data: w, err: weekErr, gen: weekGen}),
		}
	}
}

// after runs cmds at once and, when every one has answered, hands on
// their answers and starts next.
func after(next tea.Cmd, cmds ...tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msgs := make([]tea.Msg, len(cmds))
		var wg sync.WaitGroup
		for i, cmd := range cmds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				msgs[i] = cmd()
			}()
		}
		wg.Wait()
		out := make(tea.BatchMsg, 0, len(msgs)+1)
		for _, msg := range msgs {
			out = append(out, answer(msg))
		}
		return append(out, next)
	}
}

// answer is a command that answers msg, already in hand.
func answer(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
