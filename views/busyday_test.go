package views

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// busyDay gives the fake journal n reach-outs on day, one a minute from
// 08:00, each with a note naming its place in the day.
func busyDay(st *fakeStore, day model.Date, n int) {
	maria, _ := st.byName("Maria Santos")
	for i := range n {
		id := int64(1000 + i)
		st.reachOuts[id] = model.ReachOut{ID: id, ContactID: maria.ID, At: day.Time().Add(8*time.Hour + time.Duration(i)*time.Minute),
			Channel: model.ChannelText, Direction: model.DirectionMine, Note: fmt.Sprintf("message %d", i+1)}
	}
}

// noteRow is the screen's row of the reach-out noted "message k", or "".
func noteRow(screen string, k int) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasSuffix(strings.TrimRight(l, " "), fmt.Sprintf("message %d", k)) {
			return l
		}
	}
	return ""
}

// A day with more reach-outs than a screen holds, and more than are read
// at once: the heading counts them all, the list follows the cursor with
// a line saying how many are below, and moving down reads on, to the
// last of them.
func TestCheckInBusyDayReadsAsTheCursorGoes(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	day := today.AddDays(-1)
	const n = 150
	busyDay(st, day, n)
	d := newDriver(t, st, 100, 30)
	d.keys("3", "[")
	d.mustSee("Reach-outs yesterday (150)", "more below: j")
	if noteRow(d.view(), 1) == "" || noteRow(d.view(), 40) != "" {
		t.Fatalf("the day opens on its first reach-outs, as many as fit:\n%s", d.view())
	}
	for range 100 { // the first j selects the first
		d.keys("j")
	}
	// The hundredth is selected and on screen, past the first read.
	if row := noteRow(d.view(), 100); !strings.HasPrefix(strings.TrimSpace(row), "›") {
		t.Fatalf("after 100 moves, the hundredth is not selected and shown:\n%s", d.view())
	}
	d.mustSee("↓ 50 more below: j")
	for range n {
		d.keys("j")
	}
	if row := noteRow(d.view(), 150); !strings.HasPrefix(strings.TrimSpace(row), "›") {
		t.Fatalf("the last of the day is not selected and shown:\n%s", d.view())
	}
	d.mustNotSee("more below")
	// Opening it opens the one selected.
	d.keys("e")
	d.mustSee("message 150")
}

// A busy day reads as many reach-outs as its list can show on this screen,
// and no more than a few beyond: its list fills the room it has, whatever
// the screen's height and with or without a check-in above it, and a day
// busier than a screen costs what one that fills it does.
func TestCheckInBusyDayReadsWhatItsListShows(t *testing.T) {
	day := today.AddDays(-1)
	for _, checkedIn := range []bool{false, true} {
		for _, h := range []int{16, 24, 30, 50} {
			st := newFakeStore(sampleContacts()...)
			busyDay(st, day, 150)
			if checkedIn {
				st.checkIns[day] = model.CheckIn{Day: day, Mood: 4, Craving: new(2), Meetings: new(1), Lonely: true, Gratitude: "the walk"}
			}
			d := newDriver(t, st, 100, h)
			d.keys("3", "[")
			shown := 0
			for k := 1; k <= 150; k++ {
				if noteRow(d.view(), k) != "" {
					shown++
				}
			}
			lines := strings.Split(d.view(), "\n")
			more := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "↓ ") })
			read := len(d.app.checkIn.reachOuts)
			// Beyond what shows: the lines of check-in past the first
			// (readAhead counts one), and at least 8 on a tiny screen.
			if shown == 0 || more != len(lines)-3 || read < shown || read > max(8, shown+4) {
				t.Errorf("checked in %v, %d rows: %d shown, %d read, the line saying how many more on row %d of %d:\n%s",
					checkedIn, h, shown, read, more+1, len(lines), d.view())
			}
		}
	}
}

// The timeline shows a day's first reach-outs and says how many more it
// has; enter opens the day with all of them.
func TestTimelineBusyDaySaysHowManyMore(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	day := today.AddDays(-2)
	busyDay(st, day, timelinePerDay+7)
	d := newDriver(t, st, 100, 30)
	d.keys("3", "v")
	d.mustSee("Timeline ·", "… and 7 more on this day: enter opens it")
	if v := d.view(); noteRow(v, 1) == "" || noteRow(v, timelinePerDay) == "" || noteRow(v, timelinePerDay+1) != "" {
		t.Fatalf("the feed shows the day's first %d:\n%s", timelinePerDay, v)
	}
	for range 3 { // to the busy day's heading
		d.keys("j")
	}
	d.keys("enter")
	d.mustSee("Check-in · "+day.Time().Format("Monday 2 January 2006"), fmt.Sprintf("(%d)", timelinePerDay+7))
}
