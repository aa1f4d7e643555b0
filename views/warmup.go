package views

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

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
// read and the watch's first look still shows. Each answer is handed on as
// it comes; when the last is in, Network and Reflection are read ahead.
func (a *App) warmLoads() tea.Cmd {
	if !a.warmLoadsDue {
		return nil
	}
	a.warmLoadsDue = false
	cmds := []tea.Cmd{a.today.load(), a.contacts.load(), a.checkIn.load()}
	a.warmPending = len(cmds)
	for i, cmd := range cmds {
		cmds[i] = func() tea.Msg { return warmAnswerMsg{msg: cmd()} }
	}
	return tea.Batch(cmds...)
}

// warmAnswerMsg is the answer to one of the warm-up's loads.
type warmAnswerMsg struct{ msg tea.Msg }

// warmAnswered hands on a warm-up load's answer and, once every one is
// in, starts the read-ahead.
func (a *App) warmAnswered(msg warmAnswerMsg) (tea.Model, tea.Cmd) {
	_, cmd := a.Update(msg.msg)
	if a.warmPending--; a.warmPending == 0 {
		cmd = tea.Batch(cmd, a.preloadLater())
	}
	return a, cmd
}

// preloadRest is how long no key must be pressed before the read-ahead
// (preload) starts: on a large journal it is tens of milliseconds of the
// machine's time, which a person moving about just after the start would
// otherwise wait on (on xxl a move in Today waited 8 ms, the first switch
// to Contacts 21 ms).
const preloadRest = 100 * time.Millisecond

// preloadLaterMsg asks for the read-ahead once no key has been pressed
// for preloadRest; keys is how many had been pressed when it was asked.
// The root turns it into a timer (tests answer it at once), and
// preloadDueMsg says the time is up.
type preloadLaterMsg struct{ keys int }
type preloadDueMsg struct{ keys int }

func (a *App) preloadLater() tea.Cmd {
	keys := a.keysPressed
	return func() tea.Msg { return preloadLaterMsg{keys: keys} }
}

// preloadDue starts the read-ahead, unless a key was pressed during the
// rest: then it waits for another.
func (a *App) preloadDue(msg preloadDueMsg) tea.Cmd {
	if msg.keys != a.keysPressed {
		return a.preloadLater()
	}
	return a.preload()
}

// preload reads the crisis card, then Network and Reflection, ahead of
// their first show, so that the card opens with the person's own people
// and the first switch to either screen is as quick as any other. One
// read after the other, after the screens a person can switch to with a
// key have theirs: on a large journal the card's people are thousands, and
// a switch then waits for one read at most, not behind all of them. A
// card or screen already read, or being read (a quick person got there
// first), is left alone, as is a reflection being written.
func (a *App) preload() tea.Cmd {
	card := !a.crisis.loaded
	net := !a.network.loaded && !a.network.loading
	week := !a.reflection.loaded && !a.reflection.loading && a.reflection.form == nil
	if !card && !net && !week {
		return nil
	}
	st, today, w, crisis := a.st, model.Today(a.clock), a.reflection.week, *a.crisis
	names := circleNamesFor(a.network.pageWidth())
	var netGen, weekGen int
	if net {
		netGen = a.network.fresh()
	}
	if week {
		weekGen = a.reflection.fresh()
	}
	return func() tea.Msg {
		ctx := context.Background()
		var out tea.BatchMsg
		if card {
			out = append(out, answer(crisis.read(ctx)))
		}
		if net {
			n, err := loadNetwork(ctx, st, today, names)
			out = append(out, answer(networkLoadedMsg{data: n, err: err, gen: netGen}))
		}
		if week {
			d, err := readWeek(ctx, st, w, today)
			out = append(out, answer(weekLoadedMsg{week: w, data: d, err: err, gen: weekGen}))
		}
		return out
	}
}

// answer is a command that answers msg, already in hand.
func answer(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
