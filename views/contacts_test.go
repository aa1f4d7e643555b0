package views

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

func sampleContacts() []model.Contact {
	return []model.Contact{
		{Name: "Maria Santos", Circle: model.CircleSponsor, Phone: "+1 555 0100", AnyTime: true,
			AnyTimeSince: model.Date{Year: 2025, Month: 3, Day: 9}, Availability: "evenings", Preferred: model.ChannelCall},
		{Name: "José Álvarez", Circle: model.CircleFriend, Tags: []string{"walks"}},
		{Name: "王芳", Circle: model.CircleFamily},
		{Name: "Old Drinking Buddy", Circle: model.CircleFriend, Stance: model.StanceSupportsUsing},
	}
}

func TestAddContactThroughTheForm(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 100, 30)
	d.mustSee("Welcome to Tether", "Press a to add your first supporter")

	d.keys("a") // from Today's greeting
	d.mustSee("Add a supporter", "Name")
	d.typeText("Zoë 🌻 O'Brien")
	d.keys("tab", "tab") // nickname, then circle
	d.keys("s", "s")     // letters cycle: School / work, then Sponsor or mentor
	d.mustSee("‹ Sponsor or mentor ›")
	d.keys("tab", "tab") // group, phone
	d.typeText("+44 20 7946 0018")
	d.keys("ctrl+s")

	c, ok := st.byName("Zoë 🌻 O'Brien")
	if !ok {
		t.Fatalf("contact not saved; screen:\n%s", d.view())
	}
	if c.Circle != model.CircleSponsor || c.Phone != "+44 20 7946 0018" {
		t.Fatalf("saved %+v", c)
	}
	d.mustSee("Zoë 🌻 O'Brien", "Saved Zoë 🌻 O'Brien.", "sponsor")
	d.mustNotSee("Add a supporter")
}

func TestFormValidatesInPlaceAndKeepsTyping(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2", "a")
	d.keys("ctrl+s")
	d.mustSee("A name is needed", "Add a supporter")
	if st.saves != 0 {
		t.Fatal("saved an empty contact")
	}

	// A name of 201 characters is refused but not cut: what was typed stays.
	long := strings.Repeat("a", 201)
	d.typeText(long)
	d.keys("tab", "tab", "tab", "tab") // to phone
	d.typeText("none")
	d.keys("ctrl+s")
	d.mustSee("201 characters", "A phone number needs digits")
	f := d.app.contacts.form
	if f == nil {
		t.Fatal("form closed after a validation error")
	}
	if got := f.field(model.FieldName).value(); got != long {
		t.Fatalf("name changed to %d chars", len(got))
	}
	if got := f.field(model.FieldPhone).value(); got != "none" {
		t.Fatalf("phone changed to %q", got)
	}
	// ctrl+s focused the first bad field; fix it and the message goes away.
	d.keys("backspace")
	d.mustNotSee("201 characters")
	d.keys("tab", "tab", "tab", "tab")
	d.keys("ctrl+u")
	d.typeText("988")
	d.keys("ctrl+s")
	if _, ok := st.byName(strings.Repeat("a", 200)); !ok {
		t.Fatalf("fixed contact not saved:\n%s", d.view())
	}
}

func TestFormShowsStoreErrorAndKeepsTyping(t *testing.T) {
	st := newFakeStore()
	st.saveErr = errors.New("disk full")
	d := newDriver(t, st, 100, 30)
	d.keys("2", "a")
	d.typeText("Sam")
	d.keys("ctrl+s")
	d.mustSee("Not saved: disk full")
	if d.app.contacts.form == nil || d.app.contacts.form.field(model.FieldName).value() != "Sam" {
		t.Fatal("typing lost after a failed save")
	}
	st.saveErr = nil
	d.keys("ctrl+s")
	if _, ok := st.byName("Sam"); !ok {
		t.Fatal("retry did not save")
	}
}

func TestFormBadDatesAndRhythm(t *testing.T) {
	d := newDriver(t, newFakeStore(), 100, 30)
	d.keys("2", "a")
	d.typeText("Sam")
	for d.app.contacts.form.fields[d.app.contacts.form.focus].key != model.FieldKnownSince {
		d.keys("tab")
	}
	d.typeText("2024-02-30")
	for d.app.contacts.form.fields[d.app.contacts.form.focus].key != model.FieldCadence {
		d.keys("tab")
	}
	d.typeText("often")
	d.keys("ctrl+s")
	d.mustSee("February has no day 30", "Type a number of days")
	if f := d.app.contacts.form; f.field(model.FieldKnownSince).value() != "2024-02-30" || f.field(model.FieldCadence).value() != "often" {
		t.Fatal("bad input was not kept as typed")
	}
}

func TestEscAsksBeforeDiscarding(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 100, 30)
	d.keys("2", "a", "esc")
	if d.app.contacts.form != nil {
		t.Fatal("untouched form should close on esc without asking")
	}
	d.keys("a")
	d.typeText("Half a name")
	d.keys("esc")
	d.mustSee("Discard what you typed?")
	d.keys("n")
	if f := d.app.contacts.form; f == nil || f.field(model.FieldName).value() != "Half a name" {
		t.Fatal("n should return to the form with the typing intact")
	}
	d.keys("esc", "y")
	if d.app.contacts.form != nil || st.saves != 0 {
		t.Fatal("y should discard without saving")
	}
}

func TestEditContact(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	d.mustSee("José Álvarez")
	d.keys("/")
	d.typeText("jose")
	d.keys("enter", "e")
	d.mustSee("Edit José Álvarez")
	d.keys("ctrl+u")
	d.typeText("José Á.")
	d.keys("ctrl+s")
	c, ok := st.byName("José Á.")
	if !ok {
		t.Fatalf("edit not saved:\n%s", d.view())
	}
	if len(c.Tags) != 1 || c.Tags[0] != "walks" || c.Circle != model.CircleFriend {
		t.Fatalf("edit lost fields: %+v", c)
	}
	if len(st.contacts) != 4 {
		t.Fatalf("edit created a new contact: %d contacts", len(st.contacts))
	}
}

func TestFilterIgnoresCaseAndAccents(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.keys("2", "/")
	d.typeText("JOSE")
	d.mustSee("José Álvarez", "1 of 4")
	d.mustNotSee("Maria Santos")
	// While filtering, letters type: "q" must not quit.
	d.typeText("q")
	if d.quit {
		t.Fatal("q quit while typing in the filter")
	}
	d.mustSee("Nobody matches")
	d.keys("backspace", "enter")
	d.mustSee("José Álvarez")
	d.keys("esc")
	d.mustSee("Maria Santos", "王芳")

	d.keys("/")
	d.typeText("family")
	d.mustSee("王芳")
	d.mustNotSee("Maria Santos")
	d.keys("esc")
	d.mustSee("Maria Santos")
}

func TestArchiveAndRestore(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2", "/")
	d.typeText("buddy")
	d.keys("enter", "d")
	d.mustSee("Archive Old Drinking Buddy? y/n")
	d.keys("n")
	if c, _ := st.byName("Old Drinking Buddy"); c.Archived {
		t.Fatal("n archived anyway")
	}
	d.keys("d", "y")
	if c, _ := st.byName("Old Drinking Buddy"); !c.Archived {
		t.Fatal("y did not archive")
	}
	d.mustSee("Archived Old Drinking Buddy.")
	d.keys("esc")
	d.mustNotSee("Old Drinking Buddy")

	d.keys("v")
	d.mustSee("Archived contacts", "Old Drinking Buddy")
	d.keys("r")
	d.mustSee("Restore Old Drinking Buddy? You marked them as", "supporting your using. y/n")
	d.keys("n")
	if c, _ := st.byName("Old Drinking Buddy"); !c.Archived {
		t.Fatal("restored without a yes")
	}
	d.mustNotSee("y/n")
	d.keys("r", "y")
	if c, _ := st.byName("Old Drinking Buddy"); c.Archived {
		t.Fatal("r then y did not restore")
	}
	d.mustSee("Restored Old Drinking Buddy.", "Nobody is archived")
	d.keys("v")
	d.mustSee("Old Drinking Buddy", "Maria Santos")
}

func TestDetailPaneShowsTheContact(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 120, 30)
	d.keys("2", "/")
	d.typeText("maria")
	d.keys("enter")
	d.mustSee("Call any time, agreed 9 Mar 2025", "+1 555 0100", "evenings", "Sponsor or mentor")
	d.keys("/")
	d.typeText("") // still filtering
	d.keys("esc", "/")
	d.typeText("buddy")
	d.keys("enter")
	d.mustSee("Supports my using")
}

func TestNarrowScreenOpensDetailWithEnter(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 50, 20)
	d.keys("2")
	d.mustNotSee("+1 555 0100")
	d.keys("/")
	d.typeText("maria")
	d.keys("enter", "enter")
	d.mustSee("+1 555 0100")
	d.keys("esc")
	d.mustNotSee("+1 555 0100")
}

func TestListScrollsWithCursor(t *testing.T) {
	var cs []model.Contact
	for i := 0; i < 60; i++ {
		cs = append(cs, model.Contact{Name: "Person " + string(rune('A'+i%26)) + string(rune('a'+i/26))})
	}
	d := newDriver(t, newFakeStore(cs...), 100, 24)
	d.keys("2", "G")
	d.mustSee("› Person Zb") // the last by name
	d.mustNotSee("Person Aa")
	d.keys("g")
	d.mustSee("› Person Aa")
	d.mustNotSee("Person Zb")
}

// Moving through the list draws each move without reading anyone's
// history: the selected person's history is read once the selection has
// rested, and a burst of moves (a held j) reads it once, for the person
// the selection rests on.
func TestContactHistoryIsReadOnceTheSelectionRests(t *testing.T) {
	st := networkStore(t)
	d := newDriver(t, st, 120, 40)
	d.keys("2")
	before := st.historyReads

	// historyComing is the detail pane saying the history is on its way:
	// "…" on the line under its heading.
	historyComing := func() bool {
		lines := strings.Split(d.view(), "\n")
		for i, l := range lines[:len(lines)-1] {
			if strings.Contains(l, "│ Reach-outs") {
				return strings.Contains(lines[i+1], "│ …")
			}
		}
		t.Fatalf("no history in the detail pane:\n%s", d.view())
		return false
	}
	m, cmd := d.app.Update(keyMsg("j"))
	d.app = m.(*App)
	if !historyComing() {
		t.Fatalf("the moved-to person's history is not shown as coming:\n%s", d.view())
	}
	var later []historyLaterMsg
	eachMsg(cmd, func(msg tea.Msg) {
		if msg, ok := msg.(historyLaterMsg); ok {
			later = append(later, msg)
		}
	})
	if st.historyReads != before || len(later) != 1 {
		t.Fatalf("a move read history %d times at once and asked %d times for later; want 0 and 1", st.historyReads-before, len(later))
	}
	d.send(historyDueMsg(later[0]))
	if st.historyReads != before+1 || historyComing() {
		t.Fatalf("once the selection rested: %d reads, screen:\n%s", st.historyReads-before, d.view())
	}

	before = st.historyReads
	d.burst("j", "k", "j")
	if st.historyReads != before+1 {
		t.Fatalf("a burst of three moves read history %d times; want once, where it rests", st.historyReads-before)
	}
	if sel, ok := d.app.contacts.selected(); !ok || d.app.contacts.historyFor != sel.ID || !d.app.contacts.historyAsked {
		t.Fatalf("the history read is not the selected person's")
	}
}

// TestAPastedInvisibleCharacterIsLeftOut: a name pasted with a zero-width
// space looks right and cannot be fixed by eye, so the form saves it
// without the invisible character instead of refusing it.
func TestAPastedInvisibleCharacterIsLeftOut(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 80, 24)
	d.keys("a")
	d.mustSee("Add a supporter")
	d.paste("Ma\u200bria Santos\u200e")
	d.keys("ctrl+s")
	if _, ok := st.byName("Maria Santos"); !ok {
		t.Fatalf("not saved as Maria Santos; screen:\n%s", d.view())
	}
	d.mustSee("Saved Maria Santos.")
}

// TestAddingALookAlikeSaysSo: a person added (or renamed) with a name that
// looks the same as someone's already in the journal is saved, and the
// footer names who they look like; a different name says nothing more.
func TestAddingALookAlikeSaysSo(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("2", "a")
	d.typeText("MARIA  santos")
	d.keys("ctrl+s")
	d.mustSee("Saved MARIA santos, who looks like Maria Santos in a list: a nickname tells them apart.")
	d.keys("a")
	d.typeText("Sam Okafor")
	d.keys("ctrl+s")
	d.mustSee("Saved Sam Okafor.")
	d.mustNotSee("looks like")
}

// A person's whole history can be read at 80×24: with their details open,
// j, pgdn and G scroll them (never to another person, so l still logs with
// them), down to the oldest of 200 reach-outs.
func TestContactHistoryScrollsToTheOldest(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	for i := range 200 {
		id := int64(i + 1)
		st.reachOuts[id] = model.ReachOut{ID: id, ContactID: 1, At: fixedClock.Now().AddDate(0, 0, -3*(i+1)),
			Channel: model.ChannelCall, Direction: model.DirectionMine, Note: fmt.Sprintf("call %03d", i+1)}
	}
	d := newDriver(t, st, 80, 24)
	d.keys("2", "j")
	name := sampleContacts()[0].Name
	d.mustSee("› " + name)
	d.keys("enter")
	d.mustSee("call 001", "↓ more below")
	d.keys("j", "pgdown")
	d.mustNotSee("call 001")
	d.keys("G")
	d.mustSee("call 200", "the end")
	d.keys("g")
	d.mustSee("call 001")
	d.keys("l")
	d.mustSee("Log a reach-out with " + name)
}

// TestDetailCountsTheLast30DaysWithItsHistory: a page of the list holds no
// 30 days' count (store.ContactPage leaves it out); the details say it once
// the person's history is read with it, and never carry one person's count
// over to another.
func TestDetailCountsTheLast30DaysWithItsHistory(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	for i, daysAgo := range []int{1, 12, 40} {
		id := int64(i + 1)
		st.reachOuts[id] = model.ReachOut{ID: id, ContactID: 1, At: fixedClock.Now().AddDate(0, 0, -daysAgo),
			Channel: model.ChannelCall, Direction: model.DirectionMine}
	}
	d := newDriver(t, st, 200, 50)
	d.keys("2")
	d.mustSee("› José Álvarez", "None logged yet")
	d.mustNotSee("in the last 30 days")
	d.keys("j")
	d.mustSee("› Maria Santos", "Reach-outs · 2 in the last 30 days")
	d.keys("k")
	d.mustSee("› José Álvarez", "None logged yet")
	d.mustNotSee("in the last 30 days")
}

// At 200×50 the details sit beside the list; J (or shift+↓) scrolls them to
// the oldest reach-out while j still moves in the list.
func TestContactHistoryScrollsBesideTheList(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	for i := range 200 {
		id := int64(i + 1)
		st.reachOuts[id] = model.ReachOut{ID: id, ContactID: 1, At: fixedClock.Now().AddDate(0, 0, -3*(i+1)),
			Channel: model.ChannelCall, Direction: model.DirectionMine, Note: fmt.Sprintf("call %03d", i+1)}
	}
	d := newDriver(t, st, 200, 50)
	d.keys("2", "j")
	d.mustSee("› Maria Santos", "call 001", "↓ more below: J/K scroll", "J/K scroll details")
	for range 250 {
		d.keys("J")
	}
	d.mustSee("call 200", "the end", "› Maria Santos")
	d.keys("K")
	d.mustSee("› Maria Santos")
}
