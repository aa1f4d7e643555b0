package views

import (
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Four days without reaching anyone: Today says so once, privately, and
// names someone; n puts it aside until tomorrow; the setting turns it off.
func TestQuietWordOnToday(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: 1, At: fixedClock.Now().Add(-4 * 24 * time.Hour), Channel: model.ChannelCall, Direction: model.DirectionMine}
	d := newDriver(t, st, 100, 30)
	d.mustSee("It has been 4 days since you last reached out to someone.", "(n: not today)")
	d.keys("n")
	d.mustNotSee("It has been 4 days")
	d.mustSee("Put aside for today.")
	if st.quietDismissed != model.Today(fixedClock) {
		t.Fatalf("put aside on %v", st.quietDismissed)
	}
	// Still aside when Today is read again, and in a new window.
	d.keys("2", "1")
	d.mustNotSee("It has been 4 days")
	d2 := newDriver(t, st, 100, 30)
	d2.mustNotSee("It has been 4 days")

	// Tomorrow it may speak again; turned off, never.
	st.quietDismissed = model.Date{}
	st.settings.QuietNotice = false
	d3 := newDriver(t, st, 100, 30)
	d3.mustSee("Your network: 4 supporters")
	d3.mustNotSee("It has been 4 days")
}
