package views

import (
	"testing"

	"github.com/tether-recovery/tether/model"
)

// A check-in with craving 9 and a use: the hard-day card names the person
// who said call any time, with their number, and l then enter logs the
// call with them.
func TestHardDayCardAfterAHardCheckIn(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	st.plan = model.SafetyPlan{OnMyOwn: []string{"A walk round the block"}}
	d := newDriver(t, st, 100, 30)
	d.keys("c")
	d.mustSee("Check-in · today", "› Mood")
	d.keys("tab", "tab")
	d.typeText("9") // craving
	for range 5 {
		d.keys("tab")
	}
	d.typeText("y") // used
	d.keys("ctrl+s")
	d.mustSee("That sounds like a hard day", "a craving of 9 out of 10 and a use",
		"Reach someone now", "› Maria Santos · +1 555 0100 · prefers call",
		"Your plan's next step: things I can do on my own", "A walk round the block")
	d.mustSee("Saved your check-in for today.") // and saved, as always
	d.keys("l")
	d.mustSee("Log a reach-out with Maria Santos")
	d.keys("enter")
	d.mustSee("Logged: you reached out to Maria Santos (call).")
	if len(st.reachOuts) != 1 {
		t.Fatalf("reach-outs: %+v", st.reachOuts)
	}
	// The card is still there for one more call; ! opens the whole card
	// over it and esc comes back.
	d.mustSee("Reach someone now")
	d.keys("!")
	d.mustSee("You don't have to get through this alone")
	d.keys("esc")
	d.mustSee("Reach someone now")
	d.keys("esc")
	d.mustNotSee("Reach someone now")
}

// An ordinary check-in gets no card, and neither does a hard one when the
// card is turned off in Settings.
func TestHardDayCardOnlyWhenHardAndWanted(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("c", "3", "ctrl+s")
	d.mustSee("Saved your check-in for today.")
	d.mustNotSee("That sounds like a hard day")

	st.settings.HardDayCard = false
	d.keys("1", "c", "1", "ctrl+s") // mood very low
	d.mustSee("Saved your check-in for today.")
	d.mustNotSee("That sounds like a hard day")
	st.settings.HardDayCard = true
	d.keys("1", "c", "1", "ctrl+s")
	d.mustSee("That sounds like a hard day", "a very low mood")
}
