package views

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// The crisis card on a decade of data, with a safety plan filled in: the
// first screen holds someone who said call any time, with their number, and
// the region's crisis line, at every size.
func TestCrisisCardGoldenOnTheLargeJournal(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the large sample journal")
	}
	st, err := store.Open(t.Context(), largeJournal(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, size := range [][2]int{{80, 24}, {100, 30}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, st, size[0], size[1])
			d.keys("!")
			screen := d.view()
			d.mustSee("People who said call any time", "Crisis line")
			golden.RequireEqual(t, []byte(screen))
		})
	}
}

// The card scrolls as any long page does: j/k and the arrows by a line,
// space, pgdn and pgup by a page, g/G and home/end to the top and the end.
func TestCrisisCardScrolls(t *testing.T) {
	var people []model.Contact
	for i := range 30 {
		people = append(people, model.Contact{Name: fmt.Sprintf("Friend %02d", i+1), Phone: fmt.Sprintf("555 01%02d", i+1), AnyTime: true})
	}
	people = append(people, model.Contact{Name: "Dr Lee", Circle: model.CircleHealthcare, Phone: "020 7946 0018"})
	d := newDriver(t, newFakeStore(people...), 80, 24)
	d.keys("!")
	top := "People who said call any time"
	end := "esc goes back to where you were"
	d.mustSee(top, "Friend 01 · 555 0101", "Crisis line")
	d.mustNotSee(end)
	for _, k := range []string{"G", "end"} {
		d.keys("g")
		d.keys(k)
		d.mustSee("Dr Lee · 020 7946 0018", end)
		d.mustNotSee(top)
	}
	for _, k := range []string{"g", "home"} {
		d.keys("G")
		d.keys(k)
		d.mustSee(top)
	}
	for _, k := range []string{"space", "pgdown"} {
		d.keys("g")
		d.keys(k)
		d.mustNotSee(top)
		d.mustSee("Friend 10")
		d.keys("pgup")
		d.mustSee(top)
	}
	d.keys("j", "j", "down")
	d.mustNotSee("You don't have to get through this alone")
	d.keys("k", "up", "k", "k")
	d.mustSee("You don't have to get through this alone")
	// Past the end is still the end: one k shows one more line.
	d.keys("G", "G", "j", "j", "k")
	d.mustSee("Dr Lee")
}

// The plan names someone picked from the contacts (ctrl+o, a few letters,
// enter), and the crisis card shows them with their number under that
// part; free text stays as written.
func TestSafetyPlanNamesSomeoneFromTheContacts(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 40)
	d.keys("5", "p")
	d.mustSee("My safety plan", "Warning signs")
	d.keys("tab", "tab", "tab") // people I can ask for help
	d.typeText("My neighbour")
	d.keys("ctrl+o")
	d.mustSee("Name someone in your plan · people I can ask for help", "Who?")
	d.typeText("mari")
	d.keys("enter")
	d.mustSee("My neighbour", "Maria Santos")
	d.keys("ctrl+o")
	d.typeText("mari")
	d.keys("enter") // twice: still one line
	d.keys("ctrl+s")
	d.mustSee("Saved your safety plan.")
	if got := st.plan.AskForHelp; len(got) != 2 || got[0] != "My neighbour" || got[1] != "Maria Santos" {
		t.Fatalf("ask for help = %q", got)
	}
	d.keys("!")
	d.mustSee("My safety plan: people I can ask for help", "My neighbour", "→ Maria Santos · +1 555 0100 · prefers call")
}
