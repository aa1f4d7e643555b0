package views

import (
	"context"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

var today = model.Today(fixedClock)

func TestFillAndSaveTodaysCheckIn(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("3")
	d.mustSee("Check-in · Saturday 21 November 2026 (today)", "Not checked in yet today.")
	d.keys("enter")
	d.mustSee("› Mood")
	d.keys("4", "tab", "n", "tab")
	d.typeText("3")
	d.keys("tab", "n", "tab")
	d.typeText("1")
	d.keys("tab")
	d.typeText("6.5")
	d.keys("tab")
	d.typeText("lt") // HALT: lonely, tired
	d.keys("tab", "n", "tab")
	d.typeText("A walk with Sam 🌻")
	d.keys("ctrl+s")

	c, ok := st.checkIns[today]
	if !ok {
		t.Fatalf("check-in not saved:\n%s", d.view())
	}
	if c.Mood != 4 || c.Difficulty != model.DifficultyNotBad || *c.Craving != 3 || *c.Risky || *c.Meetings != 1 ||
		*c.SleepHours != 6.5 || !c.Lonely || !c.Tired || c.Hungry || *c.Used || c.Gratitude != "A walk with Sam 🌻" {
		t.Fatalf("saved %+v", c)
	}
	d.mustSee("Saved your check-in for today.", "Checked in.", "Mood 4 of 5", "Not bad", "craving 3/10", "HALT: lonely, tired", "What helped: A walk with Sam 🌻")

	// Saving again edits the same day: the form opens with what was saved.
	d.keys("e")
	d.mustSee("6.5", "A walk with Sam 🌻")
	d.keys("2", "ctrl+s")
	if len(st.checkIns) != 1 || st.checkIns[today].Mood != 2 || st.checkIns[today].Gratitude != "A walk with Sam 🌻" {
		t.Fatalf("second save: %d check-ins, %+v", len(st.checkIns), st.checkIns[today])
	}
}

func TestCheckInNeedsOneAnswerAndKeepsBadInput(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 100, 30)
	d.keys("3", "enter", "ctrl+s")
	d.mustSee("Answer at least one question")
	d.keys("tab", "tab")
	d.typeText("eleven")
	d.keys("ctrl+s")
	d.mustSee("Craving is a whole number from 0 to 10.")
	if len(st.checkIns) != 0 {
		t.Fatal("saved a check-in with bad input")
	}
	if got := d.app.checkIn.form.field(model.FieldCraving).value(); got != "eleven" {
		t.Fatalf("craving input changed to %q", got)
	}
}

func TestBackFillYesterdayButNotTomorrow(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 100, 30)
	d.keys("3", "[")
	d.mustSee("Check-in · Friday 20 November 2026", "No check-in for this day.")
	d.keys("enter", "3", "ctrl+s")
	if c, ok := st.checkIns[today.AddDays(-1)]; !ok || c.Mood != 3 {
		t.Fatalf("yesterday not saved: %+v", st.checkIns)
	}
	d.mustSee("Saved your check-in for yesterday.")
	d.keys("]")
	d.mustSee("(today)", "Not checked in yet today.")
	d.keys("]")
	d.mustSee("(today)", "the days ahead can't be filled in yet")
}

func TestLogFromContactsMarksThemToday(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 120, 30)
	d.keys("2", "/")
	d.typeText("maria")
	d.keys("enter")
	d.mustSee("never", "None logged yet")
	d.keys("l")
	d.mustSee("Log a reach-out with Maria Santos", "‹ Call ›", "20:00")
	d.keys("enter") // one keystroke confirms the defaults
	if len(st.reachOuts) != 1 {
		t.Fatalf("%d reach-outs logged", len(st.reachOuts))
	}
	for _, r := range st.reachOuts {
		if r.Channel != model.ChannelCall || r.Direction != model.DirectionMine || !r.At.Equal(fixedClock.T) {
			t.Fatalf("logged %+v", r)
		}
	}
	d.mustSee("Logged: you reached out to Maria Santos (call).", "today 20:00  call", "1 in the last 30 days")
	if row := lineWith(d.view(), "› Maria Santos"); !contains(row, "today") {
		t.Fatalf("list row lacks 'today': %q", row)
	}
}

func TestLogWithNoteAndDirection(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 120, 30)
	d.keys("2", "/")
	d.typeText("josé")
	d.keys("enter", "l")
	d.keys("t", "tab")
	d.typeText("i s")    // I supported them
	d.keys("tab", "tab") // the note
	d.typeText("helped him move")
	d.keys("tab", "y", "enter")
	for _, r := range st.reachOuts {
		if r.Channel != model.ChannelText || r.Direction != model.DirectionSupported || r.Note != "helped him move" || r.Helped != model.HelpedYes {
			t.Fatalf("logged %+v", r)
		}
	}
	d.mustSee("Logged: you supported José Álvarez (text).")
}

func TestLogRefusesAFutureTimeAndKeepsTheNote(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 120, 30)
	d.keys("2", "l", "tab", "tab", "ctrl+u")
	d.typeText("23:30")
	d.keys("tab")
	d.typeText("later")
	d.keys("enter")
	d.mustSee("That is in the future")
	if len(st.reachOuts) != 0 || d.app.log == nil || d.app.log.form.field(model.FieldNote).value() != "later" {
		t.Fatal("future reach-out saved or note lost")
	}
	d.keys("ctrl+u") // saving moved focus back to the time
	d.typeText("19:45")
	d.keys("enter")
	if len(st.reachOuts) != 1 {
		t.Fatalf("fixed time not saved:\n%s", d.view())
	}
}

func TestLogFromCheckInWithPickerThenEditAndRemove(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 120, 30)
	d.keys("3", "[", "l")
	d.mustSee("Log a reach-out · yesterday", "Who was it with?")
	d.typeText("wang") // no match
	d.mustSee("Nobody matches")
	d.keys("backspace", "backspace", "backspace", "backspace")
	d.typeText("JOSE")
	d.keys("enter")
	d.mustSee("Log a reach-out with José Álvarez")
	d.keys("enter")
	var id int64
	for _, r := range st.reachOuts {
		id = r.ID
		if r.Day() != today.AddDays(-1) {
			t.Fatalf("logged on %v, want yesterday", r.Day())
		}
	}
	d.mustSee("Reach-outs yesterday (1)", "José Álvarez", "I reached out")

	d.keys("j", "e")
	d.mustSee("Edit a reach-out with José Álvarez")
	d.keys("tab", "tab", "tab")
	d.typeText("coffee")
	d.keys("enter")
	if len(st.reachOuts) != 1 || st.reachOuts[id].Note != "coffee" {
		t.Fatalf("edit made %d entries, note %q", len(st.reachOuts), st.reachOuts[id].Note)
	}
	d.keys("j", "d")
	d.mustSee("Remove the call with José Álvarez from yesterday? y/n")
	d.keys("y")
	if len(st.reachOuts) != 0 {
		t.Fatal("not removed")
	}
	d.mustSee("Removed the reach-out with José Álvarez.", "None logged.")
}

func TestTodayShowsStreakDueAndSparklines(t *testing.T) {
	cs := sampleContacts()
	cs[0].CadenceDays = 1 // Maria, every day
	cs[1].CadenceDays = 7 // José, weekly
	st := newFakeStore(cs...)
	maria, _ := st.byName("Maria Santos")
	st.SaveReachOut(t.Context(), model.ReachOut{ContactID: maria.ID, At: fixedClock.T.AddDate(0, 0, -4)})
	craving := 2
	for i, mood := range []int{3, 0, 4, 5} { // four days ago .. yesterday
		day := today.AddDays(i - 4)
		c := model.CheckIn{Day: day, Mood: mood, Craving: &craving}
		if mood == 0 {
			c.Note = "no mood today"
		}
		st.checkIns[day] = c
	}
	d := newDriver(t, st, 100, 30)
	d.mustSee("Not checked in yet today.", "Streak: 4 days of check-ins in a row.", "Who next", "Reached today (0)")
	v := d.view()
	// Four days since the last reach-out: Today says so, and names her.
	d.mustSee("It has been 4 days since you last reached out to someone. Maria Santos might be glad", "+1 555 0100. (n: not today)")
	if row := lineWith(v, "› Maria Santos"); !contains(row, "overdue 3 days") {
		t.Fatalf("Maria should be first and overdue: %q", row)
	}
	if row := lineWith(v, "José Álvarez"); !contains(row, "not reached yet") {
		t.Fatalf("José row: %q", row)
	}
	// 14 days ending today: nine without a check-in, mood 3, a day
	// answered without a mood, 4, 5, and today not yet done.
	if row := lineWith(v, "Mood"); !contains(row, "·········▄·▆█·") {
		t.Fatalf("mood sparkline without gaps: %q", row)
	}
	d.keys("l", "enter")
	d.mustSee("Logged: you reached out to Maria Santos (call).", "Reached today (1)", "You reached Maria Santos (call)")
	if row := lineWith(d.view(), "José Álvarez"); !contains(row, "›") {
		t.Fatalf("after Maria was reached, José is not first in who next: %q", row)
	}
	d.keys("c")
	d.mustSee("Check-in · today", "› Mood")
	d.keys("5", "ctrl+s", "1")
	d.mustSee("Checked in today.", "Streak: 5 days")
}

func TestRecoveryStartDate(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.mustSee("s sets your recovery start date")
	d.keys("s")
	d.typeText("2026-11-31")
	d.keys("enter")
	d.mustSee("November has no day 31")
	d.keys("backspace", "backspace")
	d.typeText("01")
	d.keys("enter")
	d.mustSee("20 days in recovery", "Recovery start date set to 1 Nov 2026.")
	if st.start != (model.Date{Year: 2026, Month: time.November, Day: 1}) {
		t.Fatalf("start %v", st.start)
	}
}

// A reach-out logged with the wrong person on the wrong day is mended in
// place: ctrl+o chooses the person, the When field takes a day too.
func TestMendAReachOutsPersonAndDay(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	maria, _ := st.byName("Maria Santos")
	jose, _ := st.byName("José Álvarez")
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: maria.ID, At: fixedClock.Now().Add(-time.Hour), Channel: model.ChannelCall,
		Direction: model.DirectionMine, Note: "about the weekend"}
	d := newDriver(t, st, 100, 30)
	d.keys("3", "j", "e")
	d.mustSee("Edit a reach-out with Maria Santos", "ctrl+o another person")
	d.keys("ctrl+o")
	d.mustSee("Who was it with, instead of Maria Santos?")
	d.typeText("jos")
	d.keys("enter")
	d.mustSee("Edit a reach-out with José Álvarez", "about the weekend")
	d.keys("tab", "tab", "ctrl+u")
	d.typeText("yesterday 20:15")
	d.keys("ctrl+s")
	r := st.reachOuts[1]
	want := model.Today(fixedClock).AddDays(-1)
	if r.ContactID != jose.ID || r.Day() != want || r.At.Format("15:04") != "20:15" || r.Note != "about the weekend" {
		t.Fatalf("mended as %+v", r)
	}
}

// A day's check-in can be removed (asks first), and u puts it back while
// the status line offers it; a removed reach-out and an archived person
// come back the same way.
func TestRemoveAndUndo(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	maria, _ := st.byName("Maria Santos")
	today := model.Today(fixedClock)
	st.checkIns[today] = model.CheckIn{Day: today, Mood: 2, Note: "long day"}
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: maria.ID, At: fixedClock.Now().Add(-time.Hour), Channel: model.ChannelCall,
		Direction: model.DirectionMine, Note: "about the weekend"}
	d := newDriver(t, st, 100, 30)
	d.keys("3")
	d.mustSee("d remove check-in")
	d.keys("d")
	d.mustSee("Remove today's check-in? Its reach-outs stay. y/n")
	d.keys("n")
	if _, ok := st.checkIns[today]; !ok {
		t.Fatal("n removed the check-in")
	}
	d.keys("d", "y")
	d.mustSee("Removed the check-in of", "u undoes it.")
	if _, ok := st.checkIns[today]; ok {
		t.Fatal("the check-in is still there")
	}
	d.keys("u")
	d.mustSee("Put back the check-in of")
	if c, ok := st.checkIns[today]; !ok || c.Note != "long day" {
		t.Fatalf("put back as %+v", c)
	}

	// A removed reach-out; any other key ends the offer.
	d.keys("j", "d", "y")
	d.mustSee("Removed the reach-out with Maria Santos. u undoes it.")
	d.keys("u")
	d.mustSee("Put back the reach-out with Maria Santos.")
	if len(st.reachOuts) != 1 {
		t.Fatalf("reach-outs after undo: %+v", st.reachOuts)
	}
	for _, r := range st.reachOuts {
		if r.Note != "about the weekend" || r.ContactID != maria.ID {
			t.Fatalf("put back as %+v", r)
		}
	}
	d.keys("j", "d", "y")
	d.mustSee("u undoes it.")
	d.keys("t", "u") // t first: the offer ends
	if len(st.reachOuts) != 0 {
		t.Fatal("u after another key put it back")
	}

	// An archived person.
	d.keys("2")
	d.mustSee("› José Álvarez")
	d.keys("d", "y")
	d.mustSee("Archived José Álvarez.", "u undoes it.")
	d.keys("u")
	d.mustSee("Put back José Álvarez to your network.")
	if c, _ := st.byName("José Álvarez"); c.Archived {
		t.Fatal("still archived after undo")
	}
}

// A day filled in later speaks of that day, and a meeting is named once.
func TestBackfilledDayWords(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	today := model.Today(fixedClock)
	group, err := st.SaveContact(context.Background(), model.Contact{Name: "Tuesday night meeting", Circle: model.CircleFellowship})
	if err != nil {
		t.Fatal(err)
	}
	st.reachOuts[90] = model.ReachOut{ID: 90, ContactID: group.ID, ContactName: group.Name,
		At: today.AddDays(-3).Time().Add(19 * time.Hour), Channel: model.ChannelMeeting, Direction: model.DirectionMine}
	d := newDriver(t, st, 100, 30)
	d.keys("3")
	d.mustSee("[3 Check-in]")
	d.keys("enter")
	d.mustSee("How hard was today", "Used today")
	d.keys("esc", "[", "[", "[")
	d.mustSee("Tuesday night meeting")
	d.keys("down", "d")
	d.mustSee("Remove the Tuesday night meeting from that day? y/n")
	d.keys("n", "esc", "e")
	d.mustSee("How hard was that day", "Used that day")
	d.mustNotSee("today")
}

// enter on a reach-out opens its person, archived since or not; e edits it.
func TestEnterOnAReachOutOpensThePerson(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	maria, _ := st.byName("Maria Santos")
	buddy, _ := st.byName("Old Drinking Buddy")
	buddy.Archived = true
	st.contacts[buddy.ID] = buddy
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: maria.ID, At: fixedClock.Now().Add(-2 * time.Hour), Channel: model.ChannelCall,
		Direction: model.DirectionMine}
	st.reachOuts[2] = model.ReachOut{ID: 2, ContactID: buddy.ID, At: fixedClock.Now().Add(-time.Hour), Channel: model.ChannelText,
		Direction: model.DirectionTheirs}
	d := newDriver(t, st, 120, 30)
	d.keys("3", "j")
	d.mustSee("e edit reach-out", "enter open person")
	d.keys("enter")
	d.mustSee("[2 Contacts]", "Sponsor or mentor")
	d.mustSee("› Maria Santos")
	d.keys("3", "j", "j", "enter")
	d.mustSee("[2 Contacts]", "Archived contacts", "› Old Drinking Buddy")
}

// The log picker offers the name typed as someone new: saved, they are
// in the contacts with the reach-out; cancelled, nobody is added.
func TestLogSomeoneNewFromThePicker(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	st.settings.DefaultCadence = 14
	before := len(st.contacts)
	d := newDriver(t, st, 100, 30)
	d.keys("3", "l")
	d.mustSee("Who was it with?")
	d.typeText("Ana from Tuesday")
	d.mustSee("Nobody matches: enter adds them", "› + Add Ana from Tuesday as someone new")
	d.keys("enter")
	d.mustSee("Log a reach-out with Ana from Tuesday (new to your contacts)")
	d.mustNotSee("ctrl+p plan it instead")
	d.keys("esc")
	if len(st.contacts) != before || len(st.reachOuts) != 0 {
		t.Fatalf("cancelled, yet %d contacts and %d reach-outs", len(st.contacts), len(st.reachOuts))
	}

	d.keys("l")
	d.typeText("mar") // Maria matches; the new row is last
	d.mustSee("› Maria Santos", "+ Add mar as someone new")
	d.keys("backspace", "backspace", "backspace")
	d.typeText("Ana from Tuesday")
	d.keys("enter", "t") // a text
	d.keys("enter")
	d.mustSee("Logged: you reached out to Ana from Tuesday (text).", "Ana from Tuesday is in your contacts now")
	ana, ok := st.byName("Ana from Tuesday")
	if !ok || ana.CadenceDays != 14 {
		t.Fatalf("the new contact: %+v, %v", ana, ok)
	}
	if len(st.reachOuts) != 1 {
		t.Fatalf("reach-outs: %+v", st.reachOuts)
	}
	for _, r := range st.reachOuts {
		if r.ContactID != ana.ID || r.Channel != model.ChannelText {
			t.Fatalf("logged %+v", r)
		}
	}
}
