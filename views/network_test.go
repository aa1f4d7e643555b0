package views

import (
	"context"
	"fmt"
	"github.com/charmbracelet/colorprofile"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// networkStore is a small journal with answers you can check by hand:
// Maria reached today and 3 days ago, José 20 days ago (faded), the buddy
// (supports using) yesterday.
func networkStore(t *testing.T) *fakeStore {
	st := newFakeStore(sampleContacts()...)
	maria, _ := st.byName("Maria Santos")
	jose, _ := st.byName("José Álvarez")
	buddy, _ := st.byName("Old Drinking Buddy")
	for _, r := range []model.ReachOut{
		{ContactID: maria.ID, At: fixedClock.T.Add(-time.Hour)},
		{ContactID: maria.ID, At: fixedClock.T.AddDate(0, 0, -3)},
		{ContactID: jose.ID, At: fixedClock.T.AddDate(0, 0, -20)},
		{ContactID: buddy.ID, At: fixedClock.T.AddDate(0, 0, -1)},
	} {
		if _, err := st.SaveReachOut(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestNetworkShowsTheShapeOfTheNetwork(t *testing.T) {
	d := newDriver(t, networkStore(t), 120, 80)
	d.keys("5")
	d.mustSee("Network", "last 14 days", "last 12 weeks", "Circles", "Sponsor or mentor", "Maria Santos",
		"Faded: no contact in 14+ days", "José Álvarez", "Reach-outs over the last year", "reach-outs a day", "Mood", "Craving")
	v := d.view()
	if row := lineWith(v, "People reached"); !strings.Contains(row, "2") || !strings.Contains(row, "3") {
		t.Fatalf("people reached (14 days: Maria and the buddy; 12 weeks: and José): %q", row)
	}
	if row := lineWith(v, "With people who support using"); !strings.Contains(row, "33% of 3") {
		t.Fatalf("share with people who support using: %q", row)
	}
	// The buddy is named, privately, and is no circle of support.
	if row := lineWith(v, "  Old Drinking Buddy "); !strings.Contains(row, "in touch once in 12 weeks") {
		t.Fatalf("the buddy is not named among the people who support using: %q\n%s", row, v)
	}
	d.mustSee("People who support using · in your journal only")
	if row := lineWith(v, "Circles reached"); !strings.Contains(row, "1 of 15") {
		t.Fatalf("circles reached (the sponsor only; the buddy is not a circle of support): %q", row)
	}
	// An empty circle is named with a suggestion.
	if row := lineWith(v, "Hobby / activity group"); !strings.Contains(row, "life beyond recovery") && row == "" {
		t.Fatalf("no suggestion for the empty hobby circle:\n%s", v)
	}
}

func TestEnterOnAFadedPersonJumpsToThemInContacts(t *testing.T) {
	d := newDriver(t, networkStore(t), 120, 60)
	d.keys("5", "enter")
	d.mustSee("[2 Contacts]", "› José Álvarez")
}

func TestHeatmapColumnsLineUpWithDates(t *testing.T) {
	today := model.Date{Year: 2026, Month: time.November, Day: 21} // a Saturday
	counts := map[model.Date]int{
		today:               1, // Saturday, last column
		today.AddDays(-5):   3, // Monday of the same week
		today.AddDays(-7):   6, // Saturday of the week before
		today.AddDays(-362): 4, // the Monday fifty-one weeks back: first column
	}
	lines := heatmap(counts, today, 52, NewStyles(colorprofile.NoTTY, true))
	rows := lines[1:8] // Monday..Sunday
	cell := func(weekday, col int) string { return string([]rune(rows[weekday])[4+col]) }
	if got := cell(5, 51); got != "░" {
		t.Errorf("today (Saturday, last column): %q", got)
	}
	if got := cell(0, 51); got != "▒" {
		t.Errorf("Monday of this week: %q", got)
	}
	if got := cell(5, 50); got != "█" {
		t.Errorf("last Saturday: %q", got)
	}
	if got := cell(6, 51); got != " " {
		t.Errorf("tomorrow must be blank: %q", got)
	}
	if got := cell(0, 0); got != "▓" {
		t.Errorf("first column's Monday: %q", got)
	}
	if !strings.Contains(lines[0], "Dec") || !strings.Contains(lines[8], "6+") {
		t.Errorf("months or legend missing:\n%s", strings.Join(lines, "\n"))
	}
}

func TestSafetyPlanFromNetworkAndFromTheCard(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 40)
	d.keys("5", "p")
	d.mustSee("My safety plan")
	d.typeText("Skipping meals")
	d.send(keyMsg("enter"))
	d.typeText("Not answering texts")
	d.keys("tab")
	d.typeText("Walk the dog")
	d.keys("ctrl+s")
	if got := st.plan.Lines(model.PlanParts[0].Key); len(got) != 2 || got[1] != "Not answering texts" {
		t.Fatalf("warning signs saved as %q", got)
	}
	d.keys("!")
	d.mustSee("Skipping meals", "Walk the dog")
	d.keys("p")
	d.mustSee("My safety plan", "Skipping meals")
	d.keys("esc")
	d.mustSee("[5 Network]")
}

func TestSettingsRegionAndOwnNumbersOnTheCard(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 40)
	d.keys("3", "S")
	d.mustSee("Settings", "Region for crisis lines")
	d.keys("tab")
	d.typeText("united s") // type-ahead: United States, never by cycling
	d.mustSee("‹ United States ›", "On the card: 988 Suicide & Crisis Lifeline 988 · Emergency services 911")
	d.keys("tab")
	d.typeText("My therapist's line: 555 0199")
	d.keys("ctrl+s")
	if st.settings.Region != "US" || len(st.settings.OwnNumbers) != 1 || st.settings.OwnNumbers[0].Number != "555 0199" {
		t.Fatalf("settings saved as %+v", st.settings)
	}
	d.mustSee("[3 Check-in]", "Settings saved.")
	d.keys("!")
	v := d.view()
	own, line := strings.Index(v, "555 0199"), strings.Index(v, "988")
	if own < 0 || line < 0 || own > line {
		t.Fatalf("own number should come before the region's lines:\n%s", v)
	}
}

func TestTakeACheckupAndTheReminderGoes(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	// Used for five weeks: check-up reminders wait for four.
	first := model.Today(fixedClock).AddDays(-35)
	st.checkIns[first] = model.CheckIn{Day: first, Mood: 3}
	d := newDriver(t, st, 100, 40)
	d.mustSee(") is due if you'd like one")
	// Turned off in Settings, the reminder goes; on again, it is back.
	toggle := func() {
		d.keys("S")
		for !strings.Contains(d.view(), "› Check-up reminders") {
			d.keys("tab")
		}
		d.keys("space", "ctrl+s")
	}
	toggle()
	d.mustNotSee(") is due if you'd like one")
	toggle()
	d.mustSee(") is due if you'd like one")

	d.keys("5", "u")
	info, _ := model.BARC10.Info()
	d.mustSee(info.Name, "Vilsaint", "not a diagnosis")
	for range info.Items {
		d.keys("5")
	}
	d.keys("ctrl+s")
	if len(st.checkups) != 1 || st.checkups[0].Instrument != model.BARC10 {
		t.Fatalf("check-ups: %+v", st.checkups)
	}
	d.mustSee("Saved your " + info.Name + ": 50.0")
	d.keys("u") // the other is there for whoever wants it
	mspss, _ := model.MSPSS.Info()
	d.mustSee(mspss.Name, "Zimet")
	d.keys("ctrl+t")
	d.mustSee(info.Name)
	d.keys("esc", "1")
	// One just taken: no reminder of the other straight after.
	d.mustSee("[1 Today]")
	d.mustNotSee(") is due if you'd like one")
}

// A journal in its first weeks is not asked for a check-up.
func TestNoCheckupReminderInTheFirstWeeks(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	first := model.Today(fixedClock).AddDays(-(model.CheckupFirstAfterDays - 1))
	st.checkIns[first] = model.CheckIn{Day: first, Mood: 3}
	d := newDriver(t, st, 100, 40)
	d.mustSee("[1 Today]", "Mood")
	d.mustNotSee(") is due if you'd like one")
}

// Golden Network screens on the large sample journal at 80×24 and 200×50.
func TestNetworkGoldenOnTheLargeJournal(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the large sample journal")
	}
	path := filepath.Join(t.TempDir(), "large.db")
	if err := sample.Write(context.Background(), path, sample.Large, model.Today(fixedClock)); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, st, size[0], size[1])
			d.keys("5")
			golden.RequireEqual(t, []byte(d.view()))
		})
	}
}

func TestSettingsOpenTheReflectionPrompts(t *testing.T) {
	d := newDriver(t, newFakeStore(), 100, 30)
	d.keys("S")
	d.mustSee("Settings", "ctrl+p")
	d.send(keyMsg("ctrl+p"))
	d.mustSee("[4 Reflection]", "Reflection prompts", model.DefaultPrompts[0])
}

// A load's answer that arrives after a newer load has been asked for (a
// change came from another window while the first was reading) is
// dropped: the screen keeps the newer answer.
func TestNetworkDropsAnAnswerOvertakenByANewerLoad(t *testing.T) {
	st := networkStore(t)
	m := newNetworkModel(st, fixedClock, NewStyles(colorprofile.NoTTY, true))
	m.setSize(120, 60)
	older := m.load()()
	st.addFromElsewhere("Written elsewhere")
	newer := m.load()()
	m, _ = m.update(newer)
	m, _ = m.update(older)
	if n := len(m.data.contacts); n != len(sampleContacts())+1 {
		t.Fatalf("after the older answer came last, Network holds %d people; want the newer %d", n, len(sampleContacts())+1)
	}
}

// Network at 80×24 says there is more and scrolls to its end with the keys
// every long page uses; j moves through the faded people while they are in
// sight.
func TestNetworkScrollsAtEightyByTwentyFour(t *testing.T) {
	d := newDriver(t, networkStore(t), 80, 24)
	d.keys("5")
	d.mustSee("↓ more below: j, pgdn or G")
	d.mustNotSee("Trends, week by week")
	d.keys("G")
	d.mustSee("Trends, week by week", "Check-ups are for self-reflection")
	d.mustNotSee("↓ more below")
	d.keys("g")
	d.mustSee("Network · the shape of your support")
	d.keys("pgdown")
	d.mustNotSee("Network · the shape of your support")
	d.keys("pgup")
	d.mustSee("Network · the shape of your support")
	for range 60 {
		d.keys("j")
	}
	d.mustSee("Check-ups are for self-reflection")
}
