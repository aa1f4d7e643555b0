package views

import (
	"fmt"
	"slices"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/tether-recovery/tether/model"
)

// sampleBehind is the sample contacts and n more whose names sort before
// them all ("Aaron 000", …), so the first page of an unfiltered list holds
// none of the sample.
func sampleBehind(n int) []model.Contact {
	cs := sampleContacts()
	for i := range n {
		cs = append(cs, model.Contact{Name: fmt.Sprintf("Aaron %03d", i), Circle: model.CirclePeer})
	}
	return cs
}

// pagesOnly fails unless the picker read pages of its size since the
// from'th read of the contacts (the rows it shows and half again: 36 in a
// dialog on 30 rows; never the size it reads before it knows its height),
// and nothing read the whole list.
func pagesOnly(t *testing.T, st *fakeStore, from, page int) {
	t.Helper()
	st.mu.Lock()
	defer st.mu.Unlock()
	asked := st.pagesAsked[from:]
	if !slices.Contains(asked, page) || slices.Contains(asked, pickerPage) || slices.Contains(asked, 0) {
		t.Fatalf("pages asked for: %v; want the picker's (%d), never the whole list (0)", asked, page)
	}
}

// l, a few letters and enter typed faster than the matches arrive choose
// from the matches of the letters typed, never from the list as it was
// before them: enter waits its turn, and nothing typed is lost.
func TestPickerEnterWaitsForTheMatchesOfWhatIsTyped(t *testing.T) {
	st := newFakeStore(sampleBehind(150)...)
	d := newDriver(t, st, 100, 30)
	d.keys("2")
	d.mustSee("Contacts · 154")
	d.keys("esc", "1")
	from := len(st.pagesAsked)
	// Every key reaches the app before any read is answered.
	d.burst("l", "m", "a", "r", "i", "enter", "t", "enter")
	if n := len(st.reachOuts); n != 1 {
		t.Fatalf("%d reach-outs saved; want 1\n%s", n, d.view())
	}
	for _, r := range st.reachOuts {
		if maria, _ := st.byName("Maria Santos"); r.ContactID != maria.ID || r.Channel != model.ChannelText {
			t.Fatalf("logged %+v; want a text with Maria Santos", r)
		}
	}
	pagesOnly(t, st, from, 36)
	d.mustSee("Logged: you reached out to Maria Santos (text).")
	if st.filtersPrepared != 1 {
		t.Errorf("the picker prepared %d lists to filter; want 1", st.filtersPrepared)
	}
}

// Moving down the matches reads the next page before the cursor gets to
// the end of those read, and a move past them waits for it: every person
// can be reached with the arrows, and "someone new" comes after them all.
func TestPickerReadsOnAsTheCursorMoves(t *testing.T) {
	st := newFakeStore(sampleBehind(150)...)
	d := newDriver(t, st, 100, 30)
	from := len(st.pagesAsked)
	d.keys("l")
	d.mustSee("Who was it with?", "› Aaron 000")
	for range 100 {
		d.keys("down")
	}
	d.mustSee("› Aaron 100")
	d.mustNotSee("Aaron 000")
	pagesOnly(t, st, from, 36)
	// Each page (36 rows, the 24 shown and half again) is asked for a
	// third of a page before the cursor needs it: rows 0–35 at the start,
	// 36–71 at row 24, 72–107 at row 60, 108–143 at row 96.
	if n := len(st.pagesAsked) - from; n != 4 {
		t.Fatalf("%d pages read by row 100; want 4", n)
	}
	d.keys("esc")

	// Pressed faster than the pages arrive, from the moment l opens the
	// picker, every move still counts.
	d.burst(append([]string{"l"}, slices.Repeat([]string{"down"}, 149)...)...)
	d.mustSee("› Aaron 149")
	d.keys("down")
	d.mustSee("› José Álvarez")
	d.keys("enter")
	d.mustSee("Log a reach-out with José Álvarez")

	// Typed, the name offered as someone new is the last row, after every
	// match.
	d.keys("esc", "l")
	d.typeText("aaron")
	for range 150 {
		d.keys("down")
	}
	d.mustSee("› + Add aaron as someone new")
	pagesOnly(t, st, from, 36)
}

// The safety plan's picker holds keys typed ahead the same way: ctrl+o,
// letters and enter at once name the person typed.
func TestSafetyPlanPickerWaitsForTheMatchesOfWhatIsTyped(t *testing.T) {
	st := newFakeStore(sampleBehind(150)...)
	d := newDriver(t, st, 100, 40)
	d.keys("5", "p")
	d.mustSee("My safety plan", "Warning signs")
	d.keys("tab", "tab", "tab") // people I can ask for help
	from := len(st.pagesAsked)
	d.burst("ctrl+o", "j", "o", "s", "enter", "ctrl+s")
	pagesOnly(t, st, from, 51) // 34 rows shown on 40, and half again
	d.mustSee("Saved your safety plan.")
	if got := st.plan.AskForHelp; len(got) != 1 || got[0] != "José Álvarez" {
		t.Fatalf("ask for help = %q", got)
	}
}

// Letters typed away and back before the first read of them arrives read
// the same list twice; a move made between the two answers stays.
func TestPickerKeepsAMoveWhenTheSameListComesAgain(t *testing.T) {
	st := newFakeStore(sampleBehind(150)...)
	p, _ := newPersonPicker(st, NewStyles(colorprofile.NoTTY, true), "Who? ", 100, 30)
	first := p.read(0)().(pickerPageMsg)
	p.setPage(first)
	p.update(keyMsg("down"))
	p.setPage(first) // the same list, answered again
	if p.cursor != 1 || p.people[p.cursor].Name != "Aaron 001" {
		t.Fatalf("the cursor went back to row %d after the same list came again", p.cursor)
	}
	// What was typed changes: the new list starts at its top.
	p.update(textKey("j"))
	p.setPage(p.read(0)().(pickerPageMsg))
	if p.cursor != 0 || p.people[0].Name != "José Álvarez" {
		t.Fatalf("a new list: cursor %d on %v", p.cursor, p.people)
	}
}
