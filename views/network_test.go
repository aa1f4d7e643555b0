package views

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/views/term"
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
	d.mustSee("Network", "14 days", "12 weeks", "Circles", "Sponsor or mentor", "Maria Santos",
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
	lines := heatmap(counts, today, 52, 80, NewStyles(colorprofile.NoTTY, true))
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
	if !strings.Contains(lines[0], "Dec") || !strings.Contains(lines[8], "5–6") {
		t.Errorf("months or legend missing:\n%s", strings.Join(lines, "\n"))
	}
}

// A busy year is not one solid block: the shades follow the person's own
// range (the quartiles of the days with any), and the legend says what
// each means. Under NO_COLOR the map and its legend read the same,
// their shapes telling the shades apart.
func TestHeatmapShadesByThePersonsOwnRange(t *testing.T) {
	today := model.Date{Year: 2026, Month: time.November, Day: 21}
	counts := map[model.Date]int{}
	for i := range 7 * 52 {
		counts[today.AddDays(-i)] = 10 + i%40 // 10 to 49 a day, every day
	}
	counts[today.AddDays(-8)] = 0 // one day without
	plain := heatmap(counts, today, 52, 80, NewStyles(colorprofile.NoTTY, true))
	cells := strings.Join(plain[1:8], "\n")
	for _, shade := range append(slices.Clone(heatShades), heatNone) {
		if !strings.Contains(cells, shade) {
			t.Errorf("no %q in the map:\n%s", shade, strings.Join(plain, "\n"))
		}
	}
	if legend := plain[8]; !regexp.MustCompile(`^    reach-outs a day: · 0  ░ 10–\d\d  ▒ \d\d–\d\d  ▓ \d\d–\d\d  █ \d\d–49$`).MatchString(legend) {
		t.Errorf("legend: %q", legend)
	}
	for _, p := range []colorprofile.Profile{colorprofile.ASCII, colorprofile.TrueColor} {
		drawn := heatmap(counts, today, 52, 80, NewStyles(p, true))
		for i, l := range drawn {
			if got := ansi.Strip(l); got != plain[i] {
				t.Errorf("profile %v, line %d: %q, without a terminal %q", p, i, got, plain[i])
			}
			if p == colorprofile.ASCII && strings.Contains(l, "\x1b[3") {
				t.Errorf("line %d has colour under NO_COLOR: %q", i, l)
			}
		}
	}
}

// A year without a reach-out, or with days of one count only, still has a
// legend that says what the map shows.
func TestHeatmapLegendForFewCounts(t *testing.T) {
	today := model.Date{Year: 2026, Month: time.November, Day: 21}
	s := NewStyles(colorprofile.NoTTY, true)
	if got := heatmap(nil, today, 52, 80, s)[8]; strings.TrimSpace(got) != "· a day without reach-outs" {
		t.Errorf("no reach-outs: legend %q", got)
	}
	three := map[model.Date]int{today: 3, today.AddDays(-1): 3}
	if got := heatmap(three, today, 52, 80, s)[8]; strings.TrimSpace(got) != "reach-outs a day: · 0  █ 3" {
		t.Errorf("all days alike: legend %q", got)
	}
	// Narrow, the legend wraps between its parts, never inside one.
	busy := map[model.Date]int{today: 1, today.AddDays(-1): 5, today.AddDays(-2): 9, today.AddDays(-3): 14}
	lines := heatmap(busy, today, 20, 30, s)
	if got := strings.Join(lines[8:], "|"); got != "    reach-outs a day: · 0  ░ 1|    ▒ 2–5  ▓ 6–9  █ 10–14" {
		t.Errorf("narrow legend: %q", got)
	}
}

func TestSomeNames(t *testing.T) {
	names := []string{"Ana", "Ben", "Cal Tan"}
	tests := []struct {
		w    int
		want string
	}{
		{40, "Ana, Ben, Cal Tan"},
		{17, "Ana, Ben, Cal Tan"},
		{16, "Ana and 2 more"}, // "Ana, Ben and 1 more" is 19
		{14, "Ana and 2 more"},
		{13, ""},
	}
	for _, tt := range tests {
		if got := someNames(names, tt.w); got != tt.want {
			t.Errorf("someNames(%d) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestHangingKeepsWordsWhole(t *testing.T) {
	s := NewStyles(colorprofile.NoTTY, true)
	got := hanging("Lead  ", "in touch once; a hard day followed once ("+together("15 Oct")+")", 6, 30, s.Muted)
	want := []string{"Lead  in touch once; a hard", "      day followed once", "      (15 Oct)"}
	if !slices.Equal(got, want) {
		t.Errorf("hanging = %q, want %q", got, want)
	}
	// A first word too wide for the first line starts the second.
	if got := hanging("A long lead ", "Wordy", 2, 14, s.Muted); !slices.Equal(got, []string{"A long lead", "  Wordy"}) {
		t.Errorf("hanging = %q", got)
	}
	// A word wider than a whole line is cut, with an ellipsis.
	if got := hanging("", "Supercalifragilistic", 0, 8, s.Muted); !slices.Equal(got, []string{"Superca…"}) {
		t.Errorf("hanging = %q", got)
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

// openLargeJournal opens the large sample journal (see largeJournal).
func openLargeJournal(t *testing.T) *store.Store {
	t.Helper()
	if testing.Short() {
		t.Skip("writes the large sample journal")
	}
	st, err := store.Open(t.Context(), largeJournal(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Golden Network screens on the large sample journal: one column at
// 80×24, two from 120 columns.
func TestNetworkGoldenOnTheLargeJournal(t *testing.T) {
	st := openLargeJournal(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, st, size[0], size[1])
			d.keys("5")
			golden.RequireEqual(t, []byte(d.view()))
		})
	}
}

// networkLabels are Network's labels and headings, and the help line's
// words: shortened or wrapped where they do not fit, never cut.
func networkLabels() []string {
	labels := []string{"Network", "the shape of your support", "last 14 days", "last 12 weeks",
		"People reached", "Circles reached", "Days with supportive contact", "With people who support using",
		"Faded (no contact 14+ days)", "Can call any time", "Circles", "People who support using", "in your journal only",
		"Knowing who they are helps", "Faded: no contact in 14+ days", "j/k choose, enter goes to them",
		"Reach-outs over the last year", "reach-outs a day", "Trends, week by week", "Mood", "Craving", "latest week",
		"Check-ups are for self-reflection, never a diagnosis", "more below", "go to person", "safety plan", "check-up"}
	for _, c := range model.Circles {
		labels = append(labels, c.Label())
	}
	for _, i := range model.Instruments {
		info, _ := i.Info()
		labels = append(labels, info.Name, info.ScoreLabel)
	}
	return labels
}

// On the large journal nothing on Network is cut without an ellipsis and
// no label is cut at all, at 80, 100 and 200 columns: the whole page (on
// a screen tall enough for it), and a screenful with its footer.
func TestNetworkCutsNothing(t *testing.T) {
	st := openLargeJournal(t)
	for _, w := range []int{80, 100, 200} {
		for _, h := range []int{24, 400} {
			t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
				d := newDriver(t, st, w, h)
				d.keys("5")
				assertNothingCut(t, d.view(), w, networkLabels()...)
				d.keys("G")
				assertNothingCut(t, d.view(), w, networkLabels()...)
			})
		}
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
	others := 0
	for _, c := range st.contacts {
		if !c.Archived && c.Circle == model.CircleOther {
			others++
		}
	}
	if n := m.data.circles[model.CircleOther].Count; n != others {
		t.Fatalf("after the older answer came last, Network holds %d people in Other; want the newer %d", n, others)
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

// From 120 columns the review is two columns, each section whole in one
// of them; below, one column. The same sections show in both.
func TestNetworkSideBySideFrom120Columns(t *testing.T) {
	headings := []string{"Circles", "People who support using", "Reach-outs over the last year", "Trends, week by week", "Faded: no contact in 14+ days"}
	lines := map[int]int{}
	for _, w := range []int{119, 120, 160} {
		m := newNetworkModel(networkStore(t), fixedClock, NewStyles(colorprofile.NoTTY, true))
		m, _ = m.update(m.load()())
		m.setSize(w, 300)
		page := m.drawPage(w)
		lines[w] = len(page.lines)
		columns := map[int]bool{}
		for _, h := range headings {
			at := -1
			for _, l := range page.lines {
				if i := strings.Index(l, h); i >= 0 && (i == 0 || strings.HasSuffix(l[:i], "  ")) {
					at = term.Cells(l[:i])
					break
				}
			}
			if at < 0 {
				t.Fatalf("at %d columns no heading %q:\n%s", w, h, strings.Join(page.lines, "\n"))
			}
			columns[at] = true
		}
		if two := len(columns) == 2; two != (w >= 120) {
			t.Errorf("at %d columns the headings start at columns %v", w, columns)
		}
		for _, l := range page.lines {
			if term.Cells(l) >= w {
				t.Errorf("at %d columns a line reaches the edge: %q", w, l)
			}
		}
	}
	if lines[120] >= lines[119] {
		t.Errorf("two columns are %d lines, one %d", lines[120], lines[119])
	}
}

// The columns are as even as the sections' order allows: the taller as
// short as it can be.
func TestNetworkColumnsAreEven(t *testing.T) {
	sec := func(n int) networkSection { return plainSection(make([]string, n)) }
	tests := []struct {
		heights []int
		want    int
	}{
		{[]int{8, 17, 5, 10, 8, 3}, 2},   // 8+17 (+1) | 5+10+8+3 (+3)
		{[]int{8, 17, 9, 11, 8, 170}, 5}, // a long faded list alone on the right
		{[]int{8, 17, 9, 11, 8, 3}, 2},   // 26 | 34 beats 36 | 24? no: max 34 < 36
		{[]int{40}, 1},                   // one section: all on the left
		{[]int{10, 10}, 1},               // one each
		{[]int{5, 5, 5, 5}, 2},           // two each
	}
	for _, tt := range tests {
		secs := make([]networkSection, len(tt.heights))
		for i, h := range tt.heights {
			secs[i] = sec(h)
		}
		if got := evenSplit(secs); got != tt.want {
			t.Errorf("evenSplit(%v) = %d, want %d", tt.heights, got, tt.want)
		}
	}
}

// In two columns the page scrolls as one: j moves through the faded
// people in their column (the other column beside them untouched), enter
// goes to the one chosen, and pgdn, G and g scroll both columns.
func TestNetworkScrollsInTwoColumns(t *testing.T) {
	d := newDriver(t, openLargeJournal(t), 200, 50)
	d.keys("5")
	d.mustSee("↓ more below: j, pgdn or G")
	if row := lineWith(d.view(), "› "); !strings.Contains(row, "People reached") {
		t.Fatalf("the first faded person is not chosen beside the first figures: %q", row)
	}
	d.keys("j")
	row := lineWith(d.view(), "› ")
	if !strings.Contains(row, "Circles reached") {
		t.Fatalf("j did not choose the second faded person, beside the second figures: %q", row)
	}
	name, _, _ := strings.Cut(strings.TrimSpace(row[strings.Index(row, "› ")+len("› "):]), "  ")
	d.keys("pgdown")
	d.mustNotSee("Network · the shape of your support")
	d.keys("G")
	d.mustNotSee("↓ more below")
	d.mustSee("parkrun Saturday") // the last of the faded
	d.keys("g")
	d.mustSee("Network · the shape of your support", "› "+name)
	d.keys("enter")
	d.mustSee("[2 Contacts]", "› "+name)
}

// No line of the review is wider than the screen, from 20 columns to
// 200: the frame would cut it off without an ellipsis.
func TestNetworkLinesFitEveryWidth(t *testing.T) {
	m := newNetworkModel(networkStore(t), fixedClock, NewStyles(colorprofile.NoTTY, true))
	m, _ = m.update(m.load()())
	for w := 20; w <= 200; w++ {
		page := m.drawPage(w)
		for _, l := range append(page.lines, page.fadedChose...) {
			if term.Cells(l) > w {
				t.Errorf("at %d columns: %q", w, l)
			}
		}
	}
}

// fadedStore holds n people, each reached once, the i-th i+20 days ago:
// all of them faded, "Faded 0000" the latest, "Faded n-1" the longest ago.
func fadedStore(t *testing.T, n int) *fakeStore {
	var people []model.Contact
	for i := range n {
		people = append(people, model.Contact{Name: fmt.Sprintf("Faded %04d", i), Circle: model.CircleFriend})
	}
	st := newFakeStore(people...)
	for i := range n {
		c, _ := st.byName(fmt.Sprintf("Faded %04d", i))
		if _, err := st.SaveReachOut(context.Background(), model.ReachOut{ContactID: c.ID, At: fixedClock.T.AddDate(0, 0, -20-i)}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// A long list of the faded is read a screenful at a time as the page
// scrolls to it: the end and the start show whole, j moves through it
// past what was read first, and enter goes to the one chosen.
func TestNetworkReadsTheFadedAScreenfulAtATime(t *testing.T) {
	st := fadedStore(t, 400)
	d := newDriver(t, st, 200, 40)
	d.keys("5")
	d.mustSee("Faded (no contact 14+ days)    400", "› Faded 0399")
	d.keys("G")
	d.mustSee("Faded 0000") // the last of them
	d.mustNotSee("Faded 0399")
	// The one chosen is out of sight, and no longer read: enter reads
	// them, then goes to them.
	d.keys("enter")
	d.mustSee("[2 Contacts]", "› Faded 0399")
	d.keys("5", "g")
	d.mustSee("› Faded 0399")
	for range 120 {
		d.keys("j")
	}
	d.mustSee("› Faded 0279")
	for _, n := range st.fadedAsked {
		if n > 3*40 {
			t.Fatalf("a read of the faded asked for %d of them; want a screenful or so (%v)", n, st.fadedAsked)
		}
	}
	d.keys("enter")
	d.mustSee("[2 Contacts]", "› Faded 0279")
}
