package views

import (
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// duePeople are three people due today, the sponsor first in who next.
func duePeople() []model.Contact {
	return []model.Contact{
		{Name: "Maria Santos", Circle: model.CircleSponsor, Importance: 5, CadenceDays: 1, Phone: "+1 555 0100"},
		{Name: "José Álvarez", Circle: model.CircleFriend, CadenceDays: 7},
		{Name: "Tuesday meeting", Circle: model.CircleFellowship, CadenceDays: 7},
	}
}

// "Not now" puts someone aside for the days typed, saying when they come
// back; "let this rest" asks, then takes their rhythm off while keeping it
// to resume from Contacts.
func TestTodayNotNowAndLetThisRest(t *testing.T) {
	st := newFakeStore(duePeople()...)
	d := newDriver(t, st, 80, 24)
	d.mustSee("Who next", "› Maria Santos")
	d.keys("z")
	d.mustSee("1–9 days")
	d.keys("3")
	back := model.Today(fixedClock).AddDays(3)
	d.mustSee("Not now: Maria Santos is back in who next on " + back.Human() + ".")
	for _, c := range d.app.today.data.roster.Due {
		if c.Name == "Maria Santos" {
			t.Fatal("Maria is still in who next")
		}
	}
	if c, _ := st.byName("Maria Santos"); c.SnoozedUntil != back {
		t.Fatalf("snoozed until %v; want %v", c.SnoozedUntil, back)
	}

	// esc at the question changes nothing.
	d.keys("z", "esc")
	if c, _ := st.byName("José Álvarez"); !c.SnoozedUntil.IsZero() {
		t.Fatal("esc at 'not now' snoozed someone")
	}

	d.keys("j")
	d.mustSee("› José Álvarez")
	d.keys("x")
	d.mustSee("Let José Álvarez's rhythm rest?")
	d.keys("y")
	d.mustSee("Letting it rest: José Álvarez stays in your network")
	if c, _ := st.byName("José Álvarez"); c.CadenceDays != 0 || c.RestCadence != 7 {
		t.Fatalf("after letting it rest: rhythm %d, at rest %d", c.CadenceDays, c.RestCadence)
	}
	// Resumed from Contacts.
	d.keys("2")
	for i := 0; i < 5; i++ {
		if c, _ := d.app.contacts.selected(); c.Name == "José Álvarez" {
			break
		}
		d.keys("j")
	}
	d.keys("x")
	d.mustSee("Resumed José Álvarez's rhythm.")
	if c, _ := st.byName("José Álvarez"); c.CadenceDays != 7 || c.RestCadence != 0 {
		t.Fatalf("after resuming: rhythm %d, at rest %d", c.CadenceDays, c.RestCadence)
	}
}

// A plan for today is on Today: l logs it as done (it joins "reached
// today"), m moves it, d drops it after asking; p plans one with the
// person selected.
func TestTodayPlansAreLoggedMovedAndDropped(t *testing.T) {
	st := newFakeStore(duePeople()...)
	maria, _ := st.byName("Maria Santos")
	today := model.Today(fixedClock)
	st.plans[100] = model.Plan{ID: 100, ContactID: maria.ID, Day: today, Time: "21:00", Channel: model.ChannelCall, Note: "step work"}
	d := newDriver(t, st, 80, 24)
	d.mustSee("Planned", "› 21:00 call Maria Santos — step work", "Reached today (0)")
	d.keys("l")
	d.mustSee("Logged: you reached out to Maria Santos (call).", "Reached today (1)", "You reached Maria Santos (call)")
	d.mustNotSee("21:00 call Maria Santos")
	if len(st.plans) != 0 {
		t.Fatalf("a plan done is still planned: %+v", st.plans)
	}

	// p on who next plans one, said as a person says it.
	d.keys("g", "p")
	d.mustSee("Plan a reach-out with")
	d.keys("ctrl+u")
	d.typeText("today 22:30")
	d.keys("ctrl+s")
	d.mustSee("Planned: call with", "today at 22:30.")
	d.mustSee("Planned", "22:30 call")

	// m moves it to tomorrow: off today's list.
	d.keys("g", "m")
	d.mustSee("Move the reach-out planned with")
	d.keys("ctrl+u")
	d.typeText("tomorrow")
	d.keys("ctrl+s")
	d.mustSee("Moved: call with", "tomorrow.")
	d.mustNotSee("22:30 call")
	if len(st.plans) != 1 {
		t.Fatalf("plans: %+v", st.plans)
	}

	// Dropped, after asking.
	for id, p := range st.plans {
		p.Day = today
		st.plans[id] = p
	}
	d.run(d.app.today.load())
	d.keys("g", "d")
	d.mustSee("Drop the plan with")
	d.keys("y")
	d.mustSee("Dropped the plan with")
	if len(st.plans) != 0 {
		t.Fatalf("a dropped plan is still planned: %+v", st.plans)
	}
}

// The milestone of the day, the stretches after a recorded use, and the
// birthdays of the week, in the same quiet voice.
func TestTodayMilestonesStretchesAndDates(t *testing.T) {
	today := model.Today(fixedClock)
	people := duePeople()
	people[1].Birthday = model.Birthday{Year: 1986, Month: today.AddDays(2).Month, Day: today.AddDays(2).Day}
	st := newFakeStore(people...)
	st.start = today.AddDays(-90)
	used := true
	st.checkIns[today.AddDays(-30)] = model.CheckIn{Day: today.AddDays(-30), Used: &used}
	d := newDriver(t, st, 80, 24)
	d.mustSee("90 days in recovery", "Today marks 90 days in recovery. However today goes, it counts.")
	d.mustSee("Longest stretch: 60 days.", "Stretches before each recorded use: 60 days.")
	d.mustNotSee("since the last") // the counter is off unless chosen
	scr := d.view()
	if !strings.Contains(scr, "This week") || !strings.Contains(scr, "José Álvarez: birthday (40), "+today.AddDays(2).Time().Format("Monday")) {
		t.Fatalf("no birthday this week:\n%s", scr)
	}
}

// At 40×12 Today's sentences wrap rather than being cut mid-word, and a
// page taller than the screen says there is more below; pgdn shows it.
func TestTodayOnASmallScreen(t *testing.T) {
	st := newFakeStore(duePeople()...)
	d := newDriver(t, st, 40, 12)
	scr := d.view()
	if !strings.Contains(scr, "↓ more below") {
		t.Fatalf("no 'more below' on a small screen:\n%s", scr)
	}
	if !strings.Contains(scr, "Nobody yet today. A call or a text to\n") {
		t.Fatalf("the empty day's line does not wrap at 40 columns:\n%s", scr)
	}
	d.keys("pgdown")
	if scr2 := d.view(); scr2 == scr {
		t.Fatal("pgdn did not move the page")
	}
}

// The reflection's concrete step becomes a plan: ctrl+p on an answer that
// names someone opens the plan dialog with them, the answer as its note.
func TestReflectionStepBecomesAPlan(t *testing.T) {
	st := newFakeStore(duePeople()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e")
	f := d.app.reflection.form
	for f.focus != len(f.fields)-1 {
		d.keys("tab")
	}
	d.mustSee("ctrl+p plan it")
	d.keys("ctrl+p")
	d.mustSee("Name someone from your network in this answer")
	d.typeText("Call Maria on Monday evening")
	d.keys("ctrl+p")
	d.mustSee("Name someone") // "Maria" alone is not her name
	d.keys("ctrl+u")
	d.typeText("Call Maria Santos on Monday evening")
	d.keys("ctrl+p")
	d.mustSee("Plan a reach-out with Maria Santos", "Call Maria Santos on Monday evening")
	d.keys("ctrl+u")
	d.typeText("mon 6pm")
	d.keys("ctrl+s")
	d.mustSee("Planned: call with Maria Santos, Monday 23 November at 18:00.")
	if len(st.plans) != 1 {
		t.Fatalf("plans: %+v", st.plans)
	}
	for _, p := range st.plans {
		if p.Note != "Call Maria Santos on Monday evening" {
			t.Errorf("the plan's note is %q", p.Note)
		}
	}
}

// From the reach-out dialog, ctrl+p plans it instead: the same person, the
// note kept.
func TestLogDialogPlansInstead(t *testing.T) {
	st := newFakeStore(duePeople()...)
	d := newDriver(t, st, 100, 30)
	d.keys("l")
	d.mustSee("Log a reach-out with Maria Santos", "ctrl+p plan it instead")
	for d.app.log.form.fields[d.app.log.form.focus].key != model.FieldNote {
		d.keys("tab")
	}
	d.typeText("about the weekend")
	d.keys("ctrl+p")
	d.mustSee("Plan a reach-out with Maria Santos", "about the weekend")
	d.keys("ctrl+s")
	d.mustSee("Planned: call with Maria Santos, tomorrow.")
	if len(st.reachOuts) != 0 || len(st.plans) != 1 {
		t.Fatalf("%d reach-outs, %d plans; want none logged, one planned", len(st.reachOuts), len(st.plans))
	}
}

// The number to call stays on a who-next line at every width: at 80
// columns, in the column beside the day at 130, and at 40 in place of how
// due they are.
func TestWhoNextKeepsThePhoneAtEveryWidth(t *testing.T) {
	today := model.Today(fixedClock)
	c := model.Contact{Name: "Maria Santos", Circle: model.CircleSponsor, CadenceDays: 1, Phone: "+1 555 0100"}
	for _, w := range []int{78, 62, 38} {
		line := whoNextLine(c, today, w, len(c.Phone))
		if !strings.Contains(line, "+1 555 0100") || !strings.HasPrefix(line, "Maria") || len([]rune(line)) > w {
			t.Errorf("at %d columns: %q", w, line)
		}
	}
}

// A plan dropped by mistake, even one from a day gone by, comes back with u.
func TestDroppedPlanComesBackWithU(t *testing.T) {
	st := newFakeStore(duePeople()...)
	maria, _ := st.byName("Maria Santos")
	yesterday := model.Today(fixedClock).AddDays(-1)
	st.plans[100] = model.Plan{ID: 100, ContactID: maria.ID, ContactName: maria.Name, Day: yesterday, Time: "21:00", Channel: model.ChannelCall, Note: "step work"}
	d := newDriver(t, st, 80, 24)
	d.mustSee("Planned", "call Maria Santos (planned yesterday at 21:00) — step work")
	d.keys("d", "y")
	d.mustSee("Dropped the plan with Maria Santos. u undoes it.")
	if len(st.plans) != 0 {
		t.Fatalf("still planned: %+v", st.plans)
	}
	d.keys("u")
	d.mustSee("Put back the plan with Maria Santos.", "call Maria Santos (planned yesterday at 21:00) — step work")
	if len(st.plans) != 1 {
		t.Fatalf("plans after undo: %+v", st.plans)
	}
	for _, p := range st.plans {
		if p.Day != yesterday || p.Time != "21:00" || p.Note != "step work" || p.ContactID != maria.ID {
			t.Fatalf("put back as %+v", p)
		}
	}
}
