package views

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
)

func TestNumberKeysAndTabSwitchViews(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.mustSee("[1 Today]", "Saturday 21 November 2026")
	for i, tab := range d.app.tabs {
		d.keys(fmt.Sprint(i + 1))
		d.mustSee("[" + fmt.Sprint(i+1) + " " + tab.name + "]")
	}
	d.keys("tab")
	d.mustSee("[1 Today]")
	d.keys("shift+tab")
	d.mustSee("[5 Network]")

}

func TestHelpToggles(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 120, 30)
	d.keys("2")
	d.mustNotSee("previous view")
	d.keys("?")
	d.mustSee("previous view", "ctrl+g", "page down")
	d.keys("?")
	d.mustNotSee("previous view")
	d.keys("?", "esc")
	d.mustNotSee("previous view")
}

func TestCrisisCardListsAnyTimePeopleAndReturns(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.keys("2", "/")
	d.typeText("jose")
	d.keys("enter")
	d.keys("!")
	d.mustSee(model.CardAnyTimeTitle, "Maria Santos", "+1 555 0100", "evenings", "prefers call")
	d.mustNotSee("Old Drinking Buddy", "王芳")
	d.keys("esc")
	d.mustSee("[2 Contacts]", "1 of 4", "José Álvarez")
	d.mustNotSee(model.CardAnyTimeTitle)
}

// A save does not read the crisis card's people while the card is
// closed (thousands on a large journal); opening it reads them afresh, so
// it shows who is on it now.
func TestCrisisCardIsReadWhenOpenedNotAfterEverySave(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	before := st.cardReads
	d.keys("l", "enter") // log a call with the first person
	if len(st.reachOuts) != 1 || st.cardReads != before {
		t.Fatalf("%d reach-outs saved, the card read %d times more; want 1 and 0", len(st.reachOuts), st.cardReads-before)
	}
	if _, err := st.SaveContact(context.Background(), model.Contact{Name: "Priya Nair", Phone: "+1 555 0199", AnyTime: true}); err != nil {
		t.Fatal(err)
	}
	d.keys("!")
	d.mustSee(model.CardAnyTimeTitle, "Priya Nair · +1 555 0199")
	d.keys("esc")
}

func TestCrisisCardWithNobodyAnyTime(t *testing.T) {
	d := newDriver(t, newFakeStore(), 100, 30)
	d.keys("!")
	d.mustSee("findahelpline.com", "choose your region", "local emergency number")
	d.keys("esc")
	d.mustSee("Welcome to Tether")
}

func TestCtrlGOpensCrisisWhileTypingAndKeepsTheForm(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.keys("2", "a")
	d.typeText("Sam!q?1")
	if d.quit || d.app.crisis.open || d.app.active != screenContacts {
		t.Fatal("printable keys acted instead of typing into the form")
	}
	d.keys("ctrl+g")
	d.mustSee(model.CardAnyTimeTitle, "Maria Santos")
	d.keys("esc")
	d.mustSee("Add a supporter", "Sam!q?1")
	d.keys("ctrl+s")
	d.mustSee("Saved Sam!q?1.")
}

func TestQuitKeys(t *testing.T) {
	d := newDriver(t, newFakeStore(), 100, 30)
	d.keys("q")
	if !d.quit {
		t.Fatal("q did not quit")
	}

	d = newDriver(t, newFakeStore(), 100, 30)
	d.keys("2", "a")
	d.typeText("Unsaved")
	d.keys("ctrl+c")
	if d.quit {
		t.Fatal("ctrl+c quit without asking about unsaved typing")
	}
	d.mustSee("Quit anyway and lose it? y/n")
	d.keys("n")
	d.mustSee("Unsaved")
	d.keys("ctrl+c", "y")
	if !d.quit {
		t.Fatal("y did not quit")
	}

	d = newDriver(t, newFakeStore(), 100, 30)
	d.keys("2", "ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c with nothing typed should quit at once")
	}
}

// Every screen, every state, every size from 20×5 up renders without a
// panic and never wider or taller than the terminal.
func TestEveryScreenFitsEverySize(t *testing.T) {
	long := model.Contact{Name: strings.Repeat("長い名前🌻", 30), Circle: model.CircleOnline, AnyTime: true,
		Phone: "+81-3-1234-5678", Notes: strings.Repeat("Boundaries matter. ", 40), Tags: []string{"a", "b"}}
	sizes := [][2]int{{20, 5}, {24, 8}, {40, 12}, {80, 24}, {100, 30}, {200, 50}}
	states := map[string][]string{
		"today":     {"1"},
		"contacts":  {"2"},
		"detail":    {"2", "enter"},
		"form":      {"2", "a"},
		"filter":    {"2", "/"},
		"archive":   {"2", "d"},
		"archived":  {"2", "v"},
		"checkin":   {"3"},
		"checkform": {"3", "enter"},
		"logpick":   {"3", "l"},
		"logform":   {"2", "l"},
		"start":     {"1", "s"},
		"reflect":   {"4"},
		"network":   {"5"},
		"help":      {"2", "?"},
		"crisis":    {"2", "!"},
	}
	for _, size := range sizes {
		for name, keys := range states {
			t.Run(fmt.Sprintf("%s-%dx%d", name, size[0], size[1]), func(t *testing.T) {
				d := newDriver(t, newFakeStore(append(sampleContacts(), long)...), size[0], size[1])
				d.keys(keys...)
				v := d.view()
				if h := lipgloss.Height(v); h > size[1] {
					t.Fatalf("%d lines on a %d-line screen:\n%s", h, size[1], v)
				}
				for _, l := range strings.Split(v, "\n") {
					if w := lipgloss.Width(l); w > size[0] {
						t.Fatalf("line of %d cells on a %d-cell screen: %q", w, size[0], l)
					}
				}
			})
		}
	}
}

func TestFirstFrameBeforeWindowSize(t *testing.T) {
	a := New(newFakeStore(), Options{Clock: fixedClock})
	if v := screenText(a); !strings.Contains(v, "Today") {
		t.Fatalf("first frame: %q", v)
	}
}

// On a short screen, the whole add form can be reached and each field scrolls into
// view as focus moves.
func TestFormScrollsToTheFocusedField(t *testing.T) {
	d := newDriver(t, newFakeStore(), 60, 16)
	d.keys("2", "a")
	d.mustSee("› Name")
	d.mustNotSee("Notes and boundaries")
	for range 19 {
		d.keys("tab")
	}
	d.mustSee("› Notes and boundaries")
	d.mustNotSee("› Name")
}

// A change made in another window shows up without a keypress, and what
// is being typed stays.
func TestOtherWindowsChangesShowUp(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	d.send(watchMsg{}) // nothing changed: nothing to do
	d.mustNotSee("Written elsewhere")
	d.keys("a")
	d.typeText("Half a na")
	st.addFromElsewhere("Written elsewhere")
	d.send(watchMsg{})
	if f := d.app.contacts.form; f == nil || f.field(model.FieldName).value() != "Half a na" {
		t.Fatal("the reload disturbed the form")
	}
	d.keys("esc", "y")
	d.mustSee("Written elsewhere", "Contacts · 5")
}

// Switching screens shows what each holds at once, without asking the
// journal again; a change made elsewhere is noticed on the switch itself,
// without waiting for the watch.
func TestSwitchingScreensRereadsOnlyWhatChanged(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	d.mustSee("Contacts · 4")
	before := st.contactReads
	d.keys("1", "3", "2", "1", "2")
	if st.contactReads != before {
		t.Fatalf("switching with nothing changed read the contact list %d more times", st.contactReads-before)
	}
	d.keys("1")
	st.addFromElsewhere("Written elsewhere")
	d.keys("2")
	d.mustSee("Written elsewhere", "Contacts · 5")
}

// A screen switched to on a new day shows the new day, even with nothing
// written.
func TestSwitchingOnANewDayReloads(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	st.checkIns[model.Today(fixedClock)] = model.CheckIn{Day: model.Today(fixedClock), Mood: 4}
	clock := &movableClock{t: fixedClock.T}
	d := &driver{t: t, loop: loop{app: New(st, Options{Clock: clock})}}
	d.start(100, 30)
	d.mustSee("Checked in today.")
	clock.t = clock.t.Add(6 * time.Hour) // past midnight
	d.keys("2", "1")
	d.mustSee("Sunday 22 November 2026", "Not checked in yet today.")
}

// From the card, S goes straight to the region and own numbers.
func TestCrisisCardOpensSettings(t *testing.T) {
	d := newDriver(t, newFakeStore(), 100, 30)
	d.keys("!")
	d.mustSee("safety plan · S sets your region")
	d.keys("S")
	d.mustSee("Settings", "Region for crisis lines")
}

// movableClock is a clock a test can move on, as midnight passes.
type movableClock struct{ t time.Time }

func (c *movableClock) Now() time.Time { return c.t }

// l enter, typed three times faster than the journal saves: three
// reach-outs, and no enter lands on the screen underneath.
func TestLoggingInABurstLosesNoKeys(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	d.mustSee("Contacts · 4")
	d.burst("l", "enter", "l", "enter", "l", "enter")
	if n := len(st.reachOuts); n != 3 {
		t.Fatalf("%d reach-outs saved; want 3", n)
	}
	if d.app.log != nil || d.app.contacts.detailOpen || d.app.active != screenContacts {
		t.Fatalf("keys went astray: dialog open %v, detail open %v, screen %v",
			d.app.log != nil, d.app.contacts.detailOpen, d.app.active)
	}
	// From Today, enter on its own means check in: it must not steal the
	// dialog's enter. With nobody due, l asks who; enter picks the first
	// match once the list has loaded, and a second enter saves.
	d.keys("1")
	d.burst("l", "enter")
	if d.app.log == nil || d.app.log.picker != nil || d.app.active != screenToday {
		t.Fatalf("from Today: dialog %v, screen %v", d.app.log != nil, d.app.active)
	}
	d.keys("enter")
	if n := len(st.reachOuts); n != 4 {
		t.Fatalf("from Today: %d reach-outs; want 4", n)
	}
}

// Start-up reads only what Today shows (the roster, not the contact list),
// draws it, and only then says it has settled and warms the other screens
// up: after Today has its data, Contacts' tab is read, then Network and
// Reflection (from the journal's figures, never the contact list), so
// that their first show reads nothing; Settled is called once however
// often the screens reload later.
func TestStartUpReadsTodayFirstAndSettlesOnce(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	settled, readsAtSettle := 0, -1
	l := &loop{app: New(st, Options{Clock: fixedClock, Settled: func() {
		settled++
		readsAtSettle = st.contactReads
	}})}
	l.start(100, 30)
	if settled != 1 || readsAtSettle != 0 {
		t.Fatalf("settled %d times, with %d reads of the contact list before it; want once, after none", settled, readsAtSettle)
	}
	if st.contactReads != 1 {
		t.Fatalf("start-up read the contact list %d times; want once, for Contacts' tab", st.contactReads)
	}
	view := screenText(l.app)
	for _, want := range []string{"Your network: 4 supporters, 1 you can call any time", "due a reach-out"} {
		if !strings.Contains(view, want) {
			t.Fatalf("Today lacks %q:\n%s", want, view)
		}
	}
	for _, sw := range []struct{ key, want string }{{"4", "The week in connection"}, {"5", "People reached"}} {
		m, cmd := l.app.Update(keyMsg(sw.key))
		l.app = m.(*App)
		if view := screenText(l.app); !strings.Contains(view, sw.want) {
			t.Fatalf("first show of %s, before any answer, lacks %q:\n%s", sw.key, sw.want, view)
		}
		l.run(cmd)
	}
	if st.contactReads != 1 {
		t.Fatalf("the first show of Reflection and Network read the contact list (%d reads)", st.contactReads)
	}
	l.send(keyMsg("1"))
	st.addFromElsewhere("Written elsewhere")
	l.send(watchMsg{})
	l.send(keyMsg("2"))
	if !strings.Contains(screenText(l.app), "Written elsewhere") || settled != 1 {
		t.Fatalf("after a reload: settled %d times\n%s", settled, screenText(l.app))
	}
}

// When an Update says it changed nothing (and the terminal skips drawing),
// the screen really is as it was: for the watch's rounds that find nothing
// new, on every screen. A change found elsewhere is drawn.
//
// Each message meets an app of its own: the screens are shared between an
// App and the one its Update returns, so an Update whose result is thrown
// away still leaves its mark on them.
func TestUnchangedUpdatesLeaveTheScreenAsItIs(t *testing.T) {
	for _, screen := range []string{"1", "2", "3", "4", "5"} {
		for _, tt := range []struct {
			msg       func(version int64) tea.Msg
			unchanged bool
		}{
			{func(v int64) tea.Msg { return dataVersionMsg{version: v} }, true},
			{func(v int64) tea.Msg { return dataVersionMsg{version: v, glance: true} }, true},
			{func(int64) tea.Msg { return dataVersionMsg{err: errors.New("busy")} }, true},
			{func(int64) tea.Msg { return watchMsg{} }, true},
			{func(int64) tea.Msg { return watchLaterMsg{} }, true},
			{func(int64) tea.Msg { return warmUpMsg{} }, true},
			{func(v int64) tea.Msg { return dataVersionMsg{version: v + 1} }, false},
			{func(int64) tea.Msg { return keyMsg("j") }, false},
		} {
			d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
			d.keys(screen)
			msg := tt.msg(d.app.dataVersion)
			before := screenText(d.app)
			m, _ := d.app.Update(msg)
			after := m.(*App)
			if after.unchanged() != tt.unchanged {
				t.Fatalf("screen %s, %#v: unchanged = %v, want %v", screen, msg, after.unchanged(), tt.unchanged)
			}
			if after.unchanged() && screenText(after) != before {
				t.Fatalf("screen %s changed after %#v, which said it did not:\nbefore:\n%s\nafter:\n%s",
					screen, msg, before, screenText(after))
			}
		}
	}
}

// On a terminal, Today's reads are under way before Bubble Tea starts, and
// the warm-up waits for the display's word that the first full frame is
// drawn. The warm-up reads Today again with the watch's first look, so what
// another window wrote in between still shows.
func TestOnTerminalWarmsUpWhenTheFirstFullFrameIsDrawn(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	settled := 0
	app := New(st, Options{Clock: fixedClock, Settled: func() { settled++ }}).onTerminal(startToday(st, fixedClock))
	if app.awaitingFirstFrame() {
		t.Fatal("awaiting the first full frame before Today has loaded")
	}
	l := &loop{app: app}
	l.start(100, 30)
	if !l.app.awaitingFirstFrame() || settled != 0 || st.contactReads != 0 {
		t.Fatalf("after Today's load: awaiting %v, settled %d, contact list read %d times; want true, 0, 0",
			l.app.awaitingFirstFrame(), settled, st.contactReads)
	}
	if !strings.Contains(screenText(l.app), "Your network: 4 supporters") {
		t.Fatalf("Today is not drawn from the early load:\n%s", screenText(l.app))
	}
	st.addFromElsewhere("Written in between")
	// The warm-up begins with the watch's first look alone; the loads
	// follow its answer, so they do not fill a second connection.
	m, cmd := l.app.Update(warmUpMsg{})
	l.app = m.(*App)
	first := cmd()
	if _, ok := first.(dataVersionMsg); !ok || st.contactReads != 0 {
		t.Fatalf("the warm-up began with %T and %d contact reads; want the watch's first look alone", first, st.contactReads)
	}
	l.send(first)
	if l.app.awaitingFirstFrame() || settled != 1 || st.contactReads != 1 {
		t.Fatalf("after the display's word: awaiting %v, settled %d, contact list read %d times; want false, 1, 1",
			l.app.awaitingFirstFrame(), settled, st.contactReads)
	}
	if !strings.Contains(screenText(l.app), "Your network: 5 supporters") {
		t.Fatalf("a change made before the watch's first look does not show:\n%s", screenText(l.app))
	}

	l.send(warmUpMsg{})
	if settled != 1 || st.contactReads != 1 {
		t.Fatalf("a second word warmed up again: settled %d, %d reads", settled, st.contactReads)
	}
}

// A closed window (SIGHUP, as hangUpMsg) quits at once when nothing is
// being typed, without the "unsaved typing" question nobody could answer.
func TestHangUpQuitsWithoutAsking(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.keys("2", "a")
	d.typeText("Half a name")
	_, cmd := d.app.Update(hangUpMsg{})
	if cmd == nil {
		t.Fatal("hang-up did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatalf("hang-up did not quit")
	}
}

// On a terminal the screen stays blank while Today's first read is under
// way, for at most openingDelay: the first frame drawn is the one with the
// data, with no "Opening your journal…" flashing before it; a slow read
// shows that line once the delay is over.
func TestTheFirstFrameWaitsBrieflyForTodaysData(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	app := New(st, Options{Clock: fixedClock}).onTerminal(startToday(st, fixedClock))
	if !app.holdsFirstFrame() {
		t.Fatal("a frame may be drawn before Today's first read is in")
	}
	m, _ := app.Update(openingDueMsg{})
	if slow := m.(*App); slow.holdsFirstFrame() || !strings.Contains(screenText(slow), "Opening your journal…") {
		t.Fatalf("after the delay, still holding %v; screen:\n%s", slow.holdsFirstFrame(), screenText(slow))
	}

	l := &loop{app: app}
	l.start(100, 30)
	if l.app.holdsFirstFrame() || !strings.Contains(screenText(l.app), "Your network: 4 supporters") {
		t.Fatalf("with Today read, holding %v; screen:\n%s", l.app.holdsFirstFrame(), screenText(l.app))
	}
	// Without a terminal (tests, a pipe) nothing is held.
	if New(st, Options{Clock: fixedClock}).holdsFirstFrame() {
		t.Fatal("held the first frame without a terminal's display")
	}
}

// The help line drawn from the cache is the one bubbles/help would draw
// now, through every screen, form, overlay, full help and width.
func TestCachedHelpIsTheHelpOfTheMoment(t *testing.T) {
	d := newDriver(t, networkStore(t), 100, 30)
	fresh := func() string {
		if d.app.showingFullHelp() {
			return d.app.fullHelpView(d.app.FullHelp())
		}
		return d.app.help.ShortHelpView(d.app.ShortHelp())
	}
	steps := []func(){
		func() { d.keys("2") }, func() { d.keys("/") }, func() { d.typeText("ma") }, func() { d.keys("esc", "esc") },
		func() { d.keys("a") }, func() { d.keys("esc") }, func() { d.keys("?") }, func() { d.keys("?") },
		func() { d.send(tea.WindowSizeMsg{Width: 44, Height: 20}) }, func() { d.keys("3") }, func() { d.keys("enter") },
		func() { d.keys("esc") }, func() { d.keys("4") }, func() { d.keys("w") }, func() { d.keys("5") }, func() { d.keys("!") },
		func() { d.keys("esc") }, func() { d.send(tea.WindowSizeMsg{Width: 120, Height: 40}) }, func() { d.keys("1", "l") },
	}
	for i, step := range steps {
		step()
		if got, want := d.app.helpView(), fresh(); got != want {
			t.Fatalf("step %d: the help line drawn is\n%q\nbubbles/help draws\n%q", i, got, want)
		}
	}
}

// Who next is a short list, whatever the number due: the first five
// ranked, all of them counted, and "and N more" opens Contacts on
// everyone due, in the same order.
func TestWhoNextIsShortAndOpensEveryoneDue(t *testing.T) {
	var many []model.Contact
	for i := range 40 {
		many = append(many, model.Contact{Name: fmt.Sprintf("Person %02d", i), CadenceDays: 7})
	}
	many = append(many, model.Contact{Name: "Maria Sponsor", Circle: model.CircleSponsor, Importance: 5, CadenceDays: 1})
	st := newFakeStore(many...)
	l := &loop{app: New(st, Options{Clock: fixedClock}).onTerminal(startToday(st, fixedClock))}
	l.start(100, 30)
	scr := screenText(l.app)
	if n := len(l.app.today.data.roster.Due); n != model.WhoNextDefault || !strings.Contains(scr, "Who next (5 of 41 due)") {
		t.Fatalf("Today holds %d of the due; screen:\n%s", n, scr)
	}
	if first := l.app.today.data.roster.Due[0].Name; first != "Maria Sponsor" {
		t.Errorf("who next starts with %s, not the sponsor", first)
	}
	if !strings.Contains(scr, "and 36 more: enter shows everyone due") {
		t.Fatalf("no \"and N more\":\n%s", scr)
	}
	l.send(keyMsg("G"))
	l.send(keyMsg("enter"))
	scr = screenText(l.app)
	if l.app.active != screenContacts || !strings.Contains(scr, "Due a reach-out · 41") {
		t.Fatalf("enter on \"and N more\" did not show everyone due:\n%s", scr)
	}
	if c, _ := l.app.contacts.selected(); c.Name != "Maria Sponsor" {
		t.Errorf("everyone due starts with %s, not the sponsor", c.Name)
	}
	l.send(keyMsg("esc"))
	if scr := screenText(l.app); strings.Contains(scr, "Due a reach-out") {
		t.Errorf("esc kept the list on the due:\n%s", scr)
	}
}

func TestFullHelpFitsEveryKeyAt80Columns(t *testing.T) {
	for _, screenKey := range []string{"1", "2", "3", "4", "5"} {
		d := newDriver(t, networkStore(t), 80, 40)
		d.keys(screenKey, "?")
		help := d.app.helpView()
		for _, want := range []string{"! ", "crisis", "ctrl+g", "q ", "quit", "1-5", "switch view"} {
			if !strings.Contains(help, want) {
				t.Errorf("screen %s: the full help lacks %q:\n%s", screenKey, want, help)
			}
		}
		for _, line := range strings.Split(d.view(), "\n") {
			if w := lipgloss.Width(line); w > 80 {
				t.Errorf("screen %s: a line %d wide: %q", screenKey, w, line)
			}
		}
		if strings.Contains(help, "…") {
			t.Errorf("screen %s: the full help is cut:\n%s", screenKey, help)
		}
	}
}

// The read-ahead leaves a screen alone that a quick person already asked
// for: pressed before the warm-up's loads, Network's own load stands (it
// used to be dropped, and the screen waited for the read-ahead), and
// Reflection is still read ahead on its own.
func TestTheReadAheadLeavesAScreenAlreadyAskedFor(t *testing.T) {
	st := networkStore(t)
	l := &loop{app: New(st, Options{Clock: fixedClock}).onTerminal(startToday(st, fixedClock))}
	l.start(100, 30)
	m, netLoad := l.app.Update(keyMsg("5"))
	l.app = m.(*App)
	m, lookCmd := l.app.Update(warmUpMsg{})
	l.app = m.(*App)
	m, warm := l.app.Update(lookCmd())
	l.app = m.(*App)
	reads := st.contactReads
	l.run(warm) // the warm-up's loads, then the read-ahead, all before Network answers
	if !l.app.reflection.loaded {
		t.Fatal("Reflection was not read ahead")
	}
	// Contacts' tab, and Reflection's week: not Network again.
	if got := st.contactReads - reads; got != 1 || st.networkReads != 0 {
		t.Fatalf("the warm-up read the contact list %d times and Network %d; want 1 and 0 (Network is being read already)", got, st.networkReads)
	}
	l.run(netLoad) // Network's own answer, at last, then the glance
	if !l.app.network.loaded || st.networkReads != 1 || !strings.Contains(screenText(l.app), "People reached") {
		t.Fatalf("Network's own load was dropped (%d reads):\n%s", st.networkReads, screenText(l.app))
	}
}

// A read of Network that failed (during the busy warm-up, say) is tried
// again when the person opens Network, not shown as an error for good.
func TestAFailedReadAheadIsTriedAgainOnShow(t *testing.T) {
	st := networkStore(t)
	st.countsErr = errors.New("disk I/O error")
	l := &loop{app: New(st, Options{Clock: fixedClock}).onTerminal(startToday(st, fixedClock))}
	l.start(100, 30)
	l.send(warmUpMsg{})
	if !l.app.network.loaded || l.app.network.loadErr == nil {
		t.Fatalf("the read-ahead did not fail as set up: loaded %v, err %v", l.app.network.loaded, l.app.network.loadErr)
	}
	st.countsErr = nil
	l.send(keyMsg("5"))
	if l.app.network.loadErr != nil || !strings.Contains(screenText(l.app), "People reached") {
		t.Fatalf("Network still shows the read-ahead's failure:\n%s", screenText(l.app))
	}
}

// Quitting (here the window closing) while an autosave of the reflection
// is on its way waits for it, then saves what was typed since, then quits:
// nothing typed is lost to the race.
func TestQuittingDuringAnAutosaveKeepsTheLatestWords(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e", "tab", "tab", "tab")
	d.typeText("First words")
	m, autosave := d.app.Update(autosaveMsg{seq: d.app.reflection.saveSeq})
	d.app = m.(*App)
	if autosave == nil || !d.app.reflection.saving {
		t.Fatal("no autosave under way")
	}
	d.typeText(", and more")
	m, cmd := d.app.Update(hangUpMsg{})
	d.app = m.(*App)
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("quit while the autosave was on its way, losing ', and more'")
		}
	}
	m, cmd = d.app.Update(autosave()) // the autosave answers: save again
	d.app = m.(*App)
	if cmd == nil {
		t.Fatal("nothing after the autosave's answer")
	}
	var quit bool
	var handle func(tea.Msg)
	handle = func(msg tea.Msg) {
		switch msg := msg.(type) {
		case tea.QuitMsg:
			quit = true
		case reflectionSavedMsg:
			m, cmd := d.app.Update(msg)
			d.app = m.(*App)
			eachMsg(cmd, handle)
		}
	}
	eachMsg(cmd, handle)
	if !quit {
		t.Fatal("did not quit once saved")
	}
	if got := st.reflects[thisWeek].Answers[0].Text; got != "First words, and more" {
		t.Fatalf("saved %q; want every word typed", got)
	}
}
