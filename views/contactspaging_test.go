package views

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// manyPeople is a journal of n people, "Person 000" onwards, in name order.
func manyPeople(n int) *fakeStore {
	cs := make([]model.Contact, n)
	for i := range cs {
		cs[i] = model.Contact{Name: fmt.Sprintf("Person %03d", i), Circle: model.CircleFriend}
	}
	return newFakeStore(cs...)
}

// idOf is the id of the person named name.
func idOf(t *testing.T, st *fakeStore, name string) int64 {
	t.Helper()
	c, ok := st.byName(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	return c.ID
}

// noWholeList fails when a read of the list asked for all of it.
func noWholeList(t *testing.T, st *fakeStore) {
	t.Helper()
	if slices.Contains(st.pagesAsked, 0) {
		t.Fatalf("a read asked for the whole list: %v", st.pagesAsked)
	}
}

// TestContactsReadAWindowAtATime: the list is read a few screens at a
// time; moving past the window's edge reads the next one, End and Home
// land on the last and the first, and the title counts everyone.
func TestContactsReadAWindowAtATime(t *testing.T) {
	st := manyPeople(500)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	d.mustSee("Contacts · 500", "› Person 000")
	reads := st.contactReads
	for range 150 {
		d.keys("j")
	}
	d.mustSee("› Person 150")
	if got := st.contactReads - reads; got < 1 || got > 10 {
		t.Fatalf("150 moves read the list %d times; want a window now and then", got)
	}
	d.keys("G")
	d.mustSee("› Person 499", "Person 480")
	d.mustNotSee("Person 150", "…")
	d.keys("k", "k")
	d.mustSee("› Person 497")
	d.keys("g")
	d.mustSee("› Person 000")
	d.keys("end")
	d.mustSee("› Person 499")
	d.keys("home", "pgdown", "pgdown")
	d.mustSee("› Person 044")
	d.keys("pgup")
	d.mustSee("› Person 022")
	noWholeList(t, st)
}

// TestContactsRowsNotReadYetDrawCalmly: between End and the window it
// reads, the rows not read yet are drawn as on their way, with the count
// and the filter line as they were: never "nobody" and never a jump.
func TestContactsRowsNotReadYetDrawCalmly(t *testing.T) {
	st := manyPeople(500)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	m, cmd := d.app.Update(keyMsg("G"))
	d.app = m.(*App)
	d.mustSee("Contacts · 500", "› …")
	d.mustNotSee("Nobody", "No supporters", "Opening")
	d.run(cmd)
	d.mustSee("› Person 499")
	d.mustNotSee("…")
}

// TestContactsFilterThenClearKeepsThePerson: a filter keeps the person
// selected when they pass it, and clearing it leaves them selected in the
// whole list, deep as they are.
func TestContactsFilterThenClearKeepsThePerson(t *testing.T) {
	st := manyPeople(500)
	d := newDriver(t, st, 100, 30)
	d.keys("2", "/")
	d.typeText("person 32")
	d.mustSee("15 of 500", "› Person 032", "Person 329")
	d.keys("enter", "G", "k", "k")
	d.mustSee("› Person 329")
	d.keys("esc")
	d.mustSee("Contacts · 500", "› Person 329", "Person 328")
	d.keys("/")
	d.typeText("nobody")
	d.mustSee("Nobody matches that filter", "0 of 500")
	d.keys("esc") // nobody was selected: the list starts at the top, as before
	d.mustSee("Contacts · 500", "› Person 000")
	noWholeList(t, st)
}

// TestContactsShowLandsDeepInTheList: a person shown from elsewhere (a
// reach-out, Network's faded list) is selected however deep in the list,
// and one looked for in the wrong list is found in the other.
func TestContactsShowLandsDeepInTheList(t *testing.T) {
	st := manyPeople(500)
	d := newDriver(t, st, 100, 30)
	d.send(jumpToContactMsg{id: idOf(t, st, "Person 400")})
	d.mustSee("› Person 400", "Contacts · 500")
	d.keys("j")
	d.mustSee("› Person 401")
	// Archived since: a reach-out opens them in the archived list.
	id := idOf(t, st, "Person 250")
	st.changeElsewhere(func(f *fakeStore) {
		c := f.contacts[id]
		c.Archived = true
		f.contacts[id] = c
	})
	d.send(openPersonMsg{id: id})
	d.mustSee("Archived contacts · 1", "› Person 250")
	noWholeList(t, st)
}

// TestContactsChangeElsewhereKeepsThePerson: people added before the
// selected one in another window move them down the list; the reload
// keeps them selected, and the count grows.
func TestContactsChangeElsewhereKeepsThePerson(t *testing.T) {
	st := manyPeople(500)
	d := newDriver(t, st, 100, 30)
	d.send(jumpToContactMsg{id: idOf(t, st, "Person 300")})
	d.mustSee("› Person 300")
	st.changeElsewhere(func(f *fakeStore) {
		for i := range 60 {
			f.nextID++
			f.contacts[f.nextID] = model.Contact{ID: f.nextID, Name: fmt.Sprintf("Aaron %02d", i), Circle: model.CircleOther}.Normalize()
		}
	})
	d.send(watchMsg{})
	d.mustSee("Contacts · 560", "› Person 300")
	if got := d.app.contacts.cursor; got != 360 {
		t.Fatalf("the cursor is at %d; want Person 300's new place, 360", got)
	}
	// Someone archived elsewhere: the cursor keeps its place, on the
	// next person.
	id := idOf(t, st, "Person 300")
	st.changeElsewhere(func(f *fakeStore) {
		c := f.contacts[id]
		c.Archived = true
		f.contacts[id] = c
	})
	d.send(watchMsg{})
	d.mustSee("Contacts · 559", "› Person 301")
}

// TestContactsDueOnlyPages: Today's "and N more" shows the due in
// who-next order, filtered like any list, counted against everyone.
func TestContactsDueOnlyPages(t *testing.T) {
	st := manyPeople(200)
	st.changeElsewhere(func(f *fakeStore) {
		for id, c := range f.contacts {
			if id%2 == 0 {
				c.CadenceDays = 7
				if id%4 == 0 {
					c.Circle = model.CircleSponsor // first in who-next order
				}
				f.contacts[id] = c
			}
		}
	})
	d := newDriver(t, st, 100, 30)
	d.send(showDueMsg{})
	d.mustSee("Due a reach-out", "100 of 200", "› Person 003")
	d.keys("/")
	d.typeText("person 1")
	d.mustSee("64 of 200", "› Person 011")
	d.keys("esc", "esc")
	d.mustSee("Contacts · 200")
}

// TestContactsFilterLetterReadsOnePage: each letter typed into the filter
// reads one page, the screen and half a screen either side, not the
// whole window a move reads, whether the selected person passes the
// filter deep in the list or the list starts again from its top.
func TestContactsFilterLetterReadsOnePage(t *testing.T) {
	st := manyPeople(500)
	d := newDriver(t, st, 100, 30)
	d.send(jumpToContactMsg{id: idOf(t, st, "Person 250")})
	d.mustSee("› Person 250")
	d.keys("/")
	if st.filtersPrepared != 1 {
		t.Fatalf("opening the filter prepared %d lists; want 1", st.filtersPrepared)
	}
	for _, letter := range strings.Split("person 25x", "") {
		before := len(st.pagesAsked)
		d.typeText(letter)
		if asked := st.pagesAsked[before:]; len(asked) != 1 || asked[0] != d.app.contacts.filterWindow() {
			t.Fatalf("after %q the pages asked for were %v; want one of %d", letter, asked, d.app.contacts.filterWindow())
		}
		if letter != "x" {
			d.mustSee("› Person 250")
		}
	}
	d.mustSee("Nobody matches that filter")
	d.keys("backspace", "backspace") // "person 2": from the top, as nobody was selected
	d.mustSee("176 of 500", "› Person 025")
	d.keys("enter")
	// Moving on reads whole windows once the narrow one runs out, and the
	// rows are there when the cursor gets to them.
	from := d.app.contacts.cursor
	for range 60 {
		d.keys("j")
	}
	if c, ok := d.app.contacts.selected(); !ok || d.app.contacts.cursor != from+60 {
		t.Fatalf("after 60 moves from %d the cursor is at %d on %q", from, d.app.contacts.cursor, c.Name)
	} else {
		d.mustSee("› " + c.Name)
	}
	noWholeList(t, st)
}
