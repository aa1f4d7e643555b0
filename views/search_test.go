package views

import (
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// ctrl+f from any screen finds a person by a word of their notes, as
// typed (case, accents, the start of a word); enter goes to them; a
// reach-out found goes to its day on Check-in.
func TestSearchFindsAndGoesThere(t *testing.T) {
	people := sampleContacts()
	people[1].Notes = "Has a dog called Biscuit"
	st := newFakeStore(people...)
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: 1, At: fixedClock.Now().Add(-50 * 24 * time.Hour), Channel: model.ChannelCall,
		Direction: model.DirectionMine, Note: "Lunch walk by the canal"}
	d := newDriver(t, st, 100, 30)
	for _, screen := range []string{"1", "2", "3", "4", "5"} {
		d.keys(screen, "ctrl+f")
		d.mustSee("Search the journal", "Search:")
		d.keys("esc")
		d.mustNotSee("Search the journal")
	}
	d.keys("1", "ctrl+f")
	d.typeText("BISC")
	d.mustSee("People", people[1].Name, "Has a dog called Biscuit")
	d.keys("enter")
	d.mustSee("[2 Contacts]")
	if c, ok := d.app.contacts.selected(); !ok || c.Name != people[1].Name {
		t.Fatalf("enter went to %+v", c)
	}
	d.keys("ctrl+f")
	d.typeText("lunch")
	d.mustSee("Reach-outs", "Lunch walk by the canal")
	d.keys("enter")
	d.mustSee("[3 Check-in]", "Lunch walk by the canal")
	// Typed text is text: q and ! go into the search, not to quit or the card.
	d.keys("ctrl+f")
	d.typeText("q!")
	d.mustSee("Search: q!")
}
