package views

import (
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The timeline reads the past as a feed inside Check-in: v shows it, /
// jumps to a day said in words, [ goes further back, enter opens the day.
func TestTimelineJumpsToADay(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	maria, _ := st.byName("Maria Santos")
	today := model.Today(fixedClock)
	old := model.Date{Year: 2019, Month: time.May, Day: 17}
	st.checkIns[old] = model.CheckIn{Day: old, Mood: 4, Note: "first week back at work"}
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: maria.ID, At: old.Time().Add(19 * time.Hour), Channel: model.ChannelCall,
		Direction: model.DirectionMine, Note: "talked it through"}
	st.checkIns[today] = model.CheckIn{Day: today, Mood: 3, Note: "quiet day"}
	d := newDriver(t, st, 100, 30)
	d.keys("3", "v")
	d.mustSee("Timeline ·", today.Time().Format("Monday 2 January 2006"), "quiet day")
	d.keys("/")
	d.mustSee("Go to:")
	d.typeText("next friday")
	d.keys("enter")
	d.mustSee("Say a day like") // kept, with the reason
	d.mustSee("Go to: next friday")
	for range len("next friday") {
		d.keys("backspace")
	}
	d.typeText("2019-05-17")
	d.keys("enter")
	d.mustSee("Friday 17 May 2019", "Mood 4 of 5", "first week back at work", "19:00", "Maria Santos", "talked it through")
	d.mustNotSee("quiet day")
	d.keys("enter")
	d.mustSee("Check-in · Friday 17 May 2019")
	// / works in the day view too, with the same words.
	d.keys("/")
	d.typeText("yesterday")
	d.keys("enter")
	d.mustSee("Check-in · " + today.AddDays(-1).Time().Format("Monday 2 January 2006"))
}
