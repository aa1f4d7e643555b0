package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// streakToday is the pinned "today" of the streak tests.
var streakToday = day(2024, 3, 9)

// daysBack lists today minus each offset.
func daysBack(today Date, offsets ...int) []Date {
	out := make([]Date, len(offsets))
	for i, o := range offsets {
		out[i] = today.AddDays(-o)
	}
	return out
}

// dayRange lists the days from..to inclusive, oldest first.
func dayRange(from, to Date) []Date {
	var out []Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		out = append(out, d)
	}
	return out
}

func TestStreak(t *testing.T) {
	today := streakToday
	tests := []struct {
		name  string
		days  []Date
		today Date // zero means streakToday
		want  int
	}{
		{"nothing", nil, Date{}, 0},
		{"empty", []Date{}, Date{}, 0},
		{"only today", daysBack(today, 0), Date{}, 1},
		{"today and yesterday", daysBack(today, 0, 1), Date{}, 2},
		{"yesterday only: today not yet done does not break it", daysBack(today, 1), Date{}, 1},
		{"yesterday and the day before, today not yet done", daysBack(today, 1, 2), Date{}, 2},
		{"a missing day breaks it", daysBack(today, 0, 2), Date{}, 1},
		{"a missing day breaks it, longer", daysBack(today, 0, 1, 2, 4, 5, 6, 7), Date{}, 3},
		{"two days missed: nothing", daysBack(today, 2, 3, 4), Date{}, 0},
		{"only long ago", daysBack(today, 30), Date{}, 0},
		{"duplicates count once", daysBack(today, 0, 0, 1, 1, 1, 2), Date{}, 3},
		{"unsorted", daysBack(today, 3, 0, 2, 1), Date{}, 4},
		{"unsorted with a hole", daysBack(today, 5, 1, 0, 3, 2), Date{}, 4},
		{"future days play no part", daysBack(today, -1, -2, 0), Date{}, 1},
		{"only a future day", daysBack(today, -1), Date{}, 0},
		{"across a month end", dayRange(day(2024, 1, 29), day(2024, 2, 2)), day(2024, 2, 2), 5},
		{"across a 30-day month end", dayRange(day(2024, 4, 29), day(2024, 5, 1)), day(2024, 5, 1), 3},
		{"across a year end", dayRange(day(2026, 12, 30), day(2027, 1, 2)), day(2027, 1, 2), 4},
		{"across a year end, today not yet done", dayRange(day(2026, 12, 30), day(2027, 1, 1)), day(2027, 1, 2), 3},
		{"across the leap day", []Date{day(2024, 2, 28), day(2024, 2, 29), day(2024, 3, 1)}, day(2024, 3, 1), 3},
		{"the leap day missing breaks it", []Date{day(2024, 2, 28), day(2024, 3, 1)}, day(2024, 3, 1), 1},
		{"non-leap February: 28th then 1st is consecutive", []Date{day(2023, 2, 27), day(2023, 2, 28), day(2023, 3, 1)}, day(2023, 3, 1), 3},
		{"century non-leap year 2100", []Date{day(2100, 2, 28), day(2100, 3, 1)}, day(2100, 3, 1), 2},
		{"leap year 2000", []Date{day(2000, 2, 28), day(2000, 2, 29), day(2000, 3, 1)}, day(2000, 3, 1), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			td := tt.today
			if td.IsZero() {
				td = today
			}
			if got := Streak(tt.days, td); got != tt.want {
				t.Errorf("Streak(%v, %v) = %d, want %d", tt.days, td, got, tt.want)
			}
		})
	}
}

func TestStreakDoesNotReorderInput(t *testing.T) {
	days := daysBack(streakToday, 2, 0, 1)
	in := slices.Clone(days)
	Streak(days, streakToday)
	if !slices.Equal(days, in) {
		t.Errorf("Streak changed its input: %v, was %v", days, in)
	}
}

func TestStreakLong(t *testing.T) {
	const n = 3650
	days := make([]Date, n)
	for i := range days {
		days[i] = streakToday.AddDays(-i)
	}
	if got := Streak(days, streakToday); got != n {
		t.Errorf("Streak of %d days = %d", n, got)
	}
	// The same days with today not yet done: still all of them.
	if got := Streak(days, streakToday.AddDays(1)); got != n {
		t.Errorf("Streak of %d days ending yesterday = %d", n, got)
	}
	// One hole in the middle keeps only the part after it.
	holed := slices.Delete(slices.Clone(days), 1000, 1001)
	if got := Streak(holed, streakToday); got != 1000 {
		t.Errorf("Streak with a hole 1000 days back = %d, want 1000", got)
	}
	// Shuffled, the answer is the same.
	r := rand.New(rand.NewPCG(1, 2))
	shuffled := slices.Clone(days)
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := Streak(shuffled, streakToday); got != n {
		t.Errorf("Streak of %d shuffled days = %d", n, got)
	}
}

// TestStreakAcrossDST checks that a clock change neither breaks nor doubles a
// day: check-in days come from DateOf of local times around the March and
// October/November changes, at hours including those near the change.
func TestStreakAcrossDST(t *testing.T) {
	zones := []struct {
		name           string
		spring, autumn Date // the days the clocks change in 2024
	}{
		{"Europe/London", day(2024, 3, 31), day(2024, 10, 27)},
		{"America/New_York", day(2024, 3, 10), day(2024, 11, 3)},
	}
	for _, z := range zones {
		loc, err := time.LoadLocation(z.name)
		if err != nil {
			t.Logf("skipping %s: %v", z.name, err)
			continue
		}
		for _, change := range []Date{z.spring, z.autumn} {
			// Setup: the change really happens on that day in this zone.
			noonBefore := time.Date(change.Year, change.Month, change.Day-1, 12, 0, 0, 0, loc)
			noonAfter := time.Date(change.Year, change.Month, change.Day, 12, 0, 0, 0, loc)
			if h := noonAfter.Sub(noonBefore).Hours(); h == 24 {
				t.Fatalf("setup: no clock change in %s on %v", z.name, change)
			}
			for _, hour := range []int{0, 1, 2, 3, 12, 23} {
				t.Run(fmt.Sprintf("%s/%v/%02d:30", z.name, change, hour), func(t *testing.T) {
					const n = 7
					var days []Date
					for i := range n {
						// Three days before the change to three after.
						tm := time.Date(change.Year, change.Month, change.Day-3+i, hour, 30, 0, 0, loc)
						days = append(days, DateOf(tm))
					}
					distinct := slices.Compact(slices.Clone(days))
					if len(distinct) != n {
						t.Fatalf("local days %v repeat a day", days)
					}
					last := days[n-1]
					if last != change.AddDays(3) {
						t.Fatalf("last day %v, want %v", last, change.AddDays(3))
					}
					if got := Streak(days, last); got != n {
						t.Errorf("Streak across the change = %d, want %d (%v)", got, n, days)
					}
					if got := Streak(days, last.AddDays(1)); got != n {
						t.Errorf("Streak across the change, today not yet done = %d, want %d", got, n)
					}
					if got := last.DaysSince(days[0]); got != n-1 {
						t.Errorf("DaysSince across the change = %d, want %d", got, n-1)
					}
				})
			}
		}
		// Every day of the year in the zone, from a local time just after
		// midnight: a year-long streak, unbroken by both changes.
		var year []Date
		for i := range 366 {
			year = append(year, DateOf(time.Date(2024, 1, 1+i, 0, 30, 0, 0, loc)))
		}
		if got := Streak(year, day(2024, 12, 31)); got != 366 {
			t.Errorf("%s: Streak over every local day of 2024 = %d, want 366", z.name, got)
		}
	}
}

// TestStreakCountsUsedDays is the SPEC's promise: "used today" never breaks
// the streak of check-ins.
func TestStreakCountsUsedDays(t *testing.T) {
	var checkIns []CheckIn
	for i := 6; i >= 0; i-- {
		c := CheckIn{Day: streakToday.AddDays(-i), Mood: 3, Used: ptr(false)}
		if i == 3 {
			c.Used, c.Mood, c.Difficulty = ptr(true), 1, DifficultyImpossible
		}
		if i == 5 {
			c.Used = nil // not said
		}
		checkIns = append(checkIns, c)
	}
	var days []Date
	for _, c := range checkIns {
		if p := c.Validate(streakToday); len(p) != 0 {
			t.Fatalf("setup: %v refused: %v", c.Day, p)
		}
		days = append(days, c.Day)
	}
	if got := Streak(days, streakToday); got != 7 {
		t.Errorf("Streak with a used day in the middle = %d, want 7", got)
	}
	lapses := LapseDays(checkIns)
	if want := []Date{streakToday.AddDays(-3)}; !slices.Equal(lapses, want) {
		t.Errorf("LapseDays = %v, want %v", lapses, want)
	}
	// Even a run of used days is a run of check-ins.
	for i := range checkIns {
		checkIns[i].Used = ptr(true)
	}
	if got := Streak(days, streakToday); got != 7 {
		t.Errorf("Streak of used days = %d, want 7", got)
	}
	if got := LapseDays(checkIns); len(got) != 7 {
		t.Errorf("LapseDays of 7 used days = %v", got)
	}
}

func TestDaysInRecovery(t *testing.T) {
	today := streakToday
	tests := []struct {
		name   string
		start  Date
		today  Date // zero means streakToday
		want   int
		wantOK bool
	}{
		{"starts today", today, Date{}, 0, true},
		{"started yesterday", today.AddDays(-1), Date{}, 1, true},
		{"a week", today.AddDays(-7), Date{}, 7, true},
		{"starts tomorrow", today.AddDays(1), Date{}, 0, false},
		{"starts next year", day(2025, 1, 1), Date{}, 0, false},
		{"no start", Date{}, Date{}, 0, false},
		{"across a leap day", day(2024, 2, 28), day(2024, 3, 1), 2, true},
		{"across a common February", day(2023, 2, 28), day(2023, 3, 1), 1, true},
		{"four years including one leap day", day(2020, 3, 1), day(2024, 3, 1), 1461, true},
		{"leap day to leap day", day(2020, 2, 29), day(2024, 2, 29), 1461, true},
		{"a leap year", day(2024, 1, 1), day(2025, 1, 1), 366, true},
		{"a common year", day(2023, 1, 1), day(2024, 1, 1), 365, true},
		{"across 1900, not a leap year", day(1899, 12, 31), day(1901, 1, 1), 366, true},
		{"across 2000, a leap year", day(1999, 12, 31), day(2001, 1, 1), 367, true},
		{"decades", day(1990, 6, 15), day(2024, 3, 9), civilDays(2024, 3, 9) - civilDays(1990, 6, 15), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			td := tt.today
			if td.IsZero() {
				td = today
			}
			got, ok := DaysInRecovery(tt.start, td)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("DaysInRecovery(%v, %v) = %d, %v; want %d, %v", tt.start, td, got, ok, tt.want, tt.wantOK)
			}
			if ok && got != civil(td)-civil(tt.start) {
				t.Errorf("disagrees with the civil-day oracle: %d vs %d", got, civil(td)-civil(tt.start))
			}
		})
	}
}

func TestLapseDays(t *testing.T) {
	yes, no := ptr(true), ptr(false)
	checkIns := []CheckIn{
		{Day: day(2024, 3, 5), Used: yes},
		{Day: day(2024, 1, 2), Used: yes},
		{Day: day(2024, 2, 1), Used: no},
		{Day: day(2024, 3, 5), Used: yes}, // the same day twice
		{Day: day(2023, 12, 31), Used: yes},
		{Day: day(2024, 2, 2)}, // not said
		{Day: day(2024, 2, 29), Used: yes},
		{Day: day(2024, 3, 6), Used: no, Mood: 1},
	}
	want := []Date{day(2023, 12, 31), day(2024, 1, 2), day(2024, 2, 29), day(2024, 3, 5)}
	got := LapseDays(checkIns)
	if !slices.Equal(got, want) {
		t.Errorf("LapseDays = %v, want %v", got, want)
	}
	if got := LapseDays(nil); len(got) != 0 {
		t.Errorf("LapseDays(nil) = %v", got)
	}
	none := LapseDays([]CheckIn{{Day: streakToday, Used: no}, {Day: streakToday}})
	if len(none) != 0 {
		t.Errorf("LapseDays without any use = %v", none)
	}
	if gaps := TimeBetweenLapses(none); len(gaps) != 0 {
		t.Errorf("TimeBetweenLapses(none) = %v", gaps)
	}
}

func TestTimeBetweenLapses(t *testing.T) {
	tests := []struct {
		name   string
		lapses []Date
		want   []int
	}{
		{"none", nil, nil},
		{"one", []Date{streakToday}, nil},
		{"two a day apart", []Date{day(2024, 3, 1), day(2024, 3, 2)}, []int{1}},
		{"growing gaps", []Date{day(2024, 1, 1), day(2024, 1, 4), day(2024, 1, 14), day(2024, 3, 14)}, []int{3, 10, 60}},
		{"across the leap day", []Date{day(2024, 2, 28), day(2024, 3, 1)}, []int{2}},
		{"across a year end", []Date{day(2023, 12, 25), day(2024, 1, 5)}, []int{11}},
		{"years apart", []Date{day(2019, 3, 9), day(2024, 3, 9)}, []int{civilDays(2024, 3, 9) - civilDays(2019, 3, 9)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TimeBetweenLapses(tt.lapses)
			if !slices.Equal(got, tt.want) {
				t.Errorf("TimeBetweenLapses(%v) = %v, want %v", tt.lapses, got, tt.want)
			}
			if len(tt.lapses) >= 2 && len(got) != len(tt.lapses)-1 {
				t.Errorf("%d lapses give %d gaps", len(tt.lapses), len(got))
			}
		})
	}
	// Straight from the check-ins, as the views use it.
	checkIns := []CheckIn{
		{Day: day(2024, 3, 1), Used: ptr(true)},
		{Day: day(2024, 1, 1), Used: ptr(true)},
		{Day: day(2024, 2, 1), Used: ptr(false)},
		{Day: day(2024, 1, 31), Used: ptr(true)},
	}
	if got := TimeBetweenLapses(LapseDays(checkIns)); !slices.Equal(got, []int{30, 30}) {
		t.Errorf("gaps from check-ins = %v, want [30 30]", got)
	}
}

func TestIsSupportive(t *testing.T) {
	recovery := map[Circle]bool{
		CircleFellowship: true, CircleSponsor: true, CircleSponsee: true,
		CirclePeer: true, CircleTreatment: true, CircleHealthcare: true,
	}
	for _, circle := range Circles {
		for _, stance := range append(slices.Clone(Stances), "") {
			c := Contact{Name: "x", Circle: circle, Stance: stance}
			var want bool
			switch stance {
			case StanceSupports:
				want = true
			case StanceSupportsUsing:
				want = false
			default: // unknown, neutral, not yet normalized
				want = recovery[circle]
			}
			if got := c.IsSupportive(); got != want {
				t.Errorf("circle %q, stance %q: IsSupportive = %v, want %v", circle, stance, got, want)
			}
		}
	}
	// The cases the SPEC's reasoning rests on, spelled out.
	named := []struct {
		name string
		c    Contact
		want bool
	}{
		{"a friend who supports my recovery", Contact{Circle: CircleFriend, Stance: StanceSupports}, true},
		{"a sponsor marked as supporting using", Contact{Circle: CircleSponsor, Stance: StanceSupportsUsing}, false},
		{"a fellowship member, stance unknown", Contact{Circle: CircleFellowship, Stance: StanceUnknown}, true},
		{"a therapist, neutral", Contact{Circle: CircleHealthcare, Stance: StanceNeutral}, true},
		{"a friend, stance unknown", Contact{Circle: CircleFriend, Stance: StanceUnknown}, false},
		{"family, neutral", Contact{Circle: CircleFamily, Stance: StanceNeutral}, false},
		{"an unknown circle that supports", Contact{Circle: "pub", Stance: StanceSupports}, true},
	}
	for _, tt := range named {
		if got := tt.c.IsSupportive(); got != tt.want {
			t.Errorf("%s: IsSupportive = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSupportiveDays(t *testing.T) {
	contacts := map[int64]Contact{
		1: {ID: 1, Name: "Sponsor", Circle: CircleSponsor, Stance: StanceUnknown},
		2: {ID: 2, Name: "Friend", Circle: CircleFriend, Stance: StanceUnknown},
		3: {ID: 3, Name: "Good friend", Circle: CircleFriend, Stance: StanceSupports},
		4: {ID: 4, Name: "Old sponsor", Circle: CircleSponsor, Stance: StanceSupportsUsing},
		5: {ID: 5, Name: "Therapist", Circle: CircleHealthcare, Stance: StanceNeutral},
	}
	from, to := day(2024, 3, 3), day(2024, 3, 9)
	at := func(d Date, hour int) time.Time {
		return time.Date(d.Year, d.Month, d.Day, hour, 0, 0, 0, time.UTC)
	}
	est := time.FixedZone("UTC-5", -5*60*60)
	reachOuts := []ReachOut{
		{ContactID: 1, At: at(from, 9)},  // the first day counts
		{ContactID: 1, At: at(from, 18)}, // same day again
		{ContactID: 5, At: at(from, 20)}, // and again, someone else
		{ContactID: 3, At: at(day(2024, 3, 5), 12), Direction: DirectionTheirs},
		{ContactID: 5, At: at(day(2024, 3, 6), 12), Direction: DirectionSupported},
		{ContactID: 2, At: at(day(2024, 3, 7), 12)},                  // a friend, stance unknown: no
		{ContactID: 4, At: at(day(2024, 3, 8), 12)},                  // supports using: no
		{ContactID: 99, At: at(day(2024, 3, 8), 12)},                 // not a known contact
		{ContactID: 0, At: at(day(2024, 3, 8), 13)},                  // no contact at all
		{ContactID: 1, At: at(from.AddDays(-1), 23)},                 // the day before: outside
		{ContactID: 1, At: at(to.AddDays(1), 0)},                     // the day after: outside
		{ContactID: 3, At: time.Date(2024, 3, 9, 23, 30, 0, 0, est)}, // the last day, local time; already the 10th in UTC
	}
	// Days: 3rd, 5th, 6th, 9th.
	if got := SupportiveDays(reachOuts, contacts, from, to); got != 4 {
		t.Errorf("SupportiveDays = %d, want 4", got)
	}
	// One-day windows, each boundary inclusive.
	for _, tt := range []struct {
		d    Date
		want int
	}{
		{from, 1}, {day(2024, 3, 4), 0}, {day(2024, 3, 7), 0}, {day(2024, 3, 8), 0}, {to, 1}, {to.AddDays(1), 1}, {from.AddDays(-1), 1},
	} {
		if got := SupportiveDays(reachOuts, contacts, tt.d, tt.d); got != tt.want {
			t.Errorf("SupportiveDays on %v = %d, want %d", tt.d, got, tt.want)
		}
	}
	if got := SupportiveDays(reachOuts, contacts, to, from); got != 0 {
		t.Errorf("SupportiveDays over an empty range = %d", got)
	}
	if got := SupportiveDays(nil, contacts, from, to); got != 0 {
		t.Errorf("SupportiveDays with no reach-outs = %d", got)
	}
	if got := SupportiveDays(reachOuts, nil, from, to); got != 0 {
		t.Errorf("SupportiveDays with no contacts = %d", got)
	}
}

func TestLastContacts(t *testing.T) {
	est := time.FixedZone("UTC-5", -5*60*60)
	t1 := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	t2 := time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)
	late := time.Date(2024, 3, 5, 20, 0, 0, 0, est) // 01:00 UTC on the 6th: later than t2
	reachOuts := []ReachOut{
		{ContactID: 1, At: t2},
		{ContactID: 1, At: t1},
		{ContactID: 2, At: t1},
		{ContactID: 3, At: t1},
		{ContactID: 3, At: late},
		{ContactID: 3, At: t2},
	}
	got := LastContacts(reachOuts)
	want := map[int64]time.Time{1: t2, 2: t1, 3: late}
	if len(got) != len(want) {
		t.Fatalf("LastContacts = %v, want %v", got, want)
	}
	for id, w := range want {
		if !got[id].Equal(w) {
			t.Errorf("last contact of %d = %v, want %v", id, got[id], w)
		}
	}
	if _, ok := got[4]; ok {
		t.Error("a contact never reached has a last contact")
	}
	if got := LastContacts(nil); len(got) != 0 {
		t.Errorf("LastContacts(nil) = %v", got)
	}

	// Fed into Contact.Due, the local day of the last contact is what
	// counts: 23:30 in UTC-5 on the 2nd is the 2nd, seven days before the
	// 9th, even though in UTC it is the 3rd.
	today := day(2024, 3, 9)
	last := LastContacts([]ReachOut{{ContactID: 1, At: time.Date(2024, 3, 2, 23, 30, 0, 0, est)}})
	c := Contact{ID: 1, Name: "Sam", CadenceDays: 7, LastContact: last[1]}
	if d := c.Due(today); d != (DueInfo{DueNow, 7, 0}) {
		t.Errorf("Due = %+v, want due now after 7 days", d)
	}
	never := Contact{ID: 2, Name: "Ash", CadenceDays: 7, LastContact: last[2]}
	if d := never.Due(today); d != (DueInfo{DueNow, -1, 0}) {
		t.Errorf("never contacted with a rhythm: Due = %+v, want due now, never", d)
	}
	free := Contact{ID: 1, Name: "Sam", LastContact: last[1]}
	if d := free.Due(today); d.State != NoRhythm || d.DaysSince != 7 {
		t.Errorf("no rhythm: Due = %+v, want NoRhythm after 7 days", d)
	}
	if d := (Contact{Name: "Ash"}).Due(today); d != (DueInfo{NoRhythm, -1, 0}) {
		t.Errorf("no rhythm, never contacted: Due = %+v", d)
	}
}

func TestSinceLabel(t *testing.T) {
	tests := []struct {
		days int
		want string
	}{
		{-100, "never"}, {-1, "never"}, {0, "today"}, {1, "1d"}, {6, "6d"}, {13, "13d"},
		{14, "2w"}, {20, "2w"}, {21, "3w"}, {89, "12w"},
		{90, "3mo"}, {119, "3mo"}, {120, "4mo"}, {365, "12mo"}, {729, "24mo"},
		{730, "2y"}, {1094, "2y"}, {1095, "3y"}, {3650, "10y"},
	}
	for _, tt := range tests {
		if got := SinceLabel(tt.days); got != tt.want {
			t.Errorf("SinceLabel(%d) = %q, want %q", tt.days, got, tt.want)
		}
	}
}

func TestDailySeries(t *testing.T) {
	end := day(2024, 3, 2)
	checkIns := []CheckIn{
		{Day: day(2024, 3, 2), Mood: 5},                   // craving not answered
		{Day: day(2024, 2, 27), Mood: 3, Craving: ptr(0)}, // craving 0 is a value, not a gap
		{Day: day(2024, 2, 29), Craving: ptr(7)},          // mood not answered
		{Day: day(2024, 3, 3), Mood: 1, Craving: ptr(9)},  // after end: outside
		{Day: day(2024, 2, 20), Mood: 1, Craving: ptr(9)}, // before the window
	}
	wantDays := []Date{day(2024, 2, 27), day(2024, 2, 28), day(2024, 2, 29), day(2024, 3, 1), day(2024, 3, 2)}
	tests := []struct {
		name string
		pick func(CheckIn) (float64, bool)
		want []Point
	}{
		{"mood", MoodOf, []Point{
			{wantDays[0], 3, true}, {wantDays[1], 0, false}, {wantDays[2], 0, false},
			{wantDays[3], 0, false}, {wantDays[4], 5, true},
		}},
		{"craving", CravingOf, []Point{
			{wantDays[0], 0, true}, {wantDays[1], 0, false}, {wantDays[2], 7, true},
			{wantDays[3], 0, false}, {wantDays[4], 0, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DailySeries(checkIns, end, 5, tt.pick)
			if !slices.Equal(got, tt.want) {
				t.Errorf("DailySeries =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
	for _, n := range []int{0, 1, 2, 14, 30, 400} {
		got := DailySeries(checkIns, end, n, MoodOf)
		if len(got) != n {
			t.Fatalf("n=%d: %d points", n, len(got))
		}
		for i, p := range got {
			if want := end.AddDays(i - n + 1); p.Day != want {
				t.Fatalf("n=%d: point %d is %v, want %v", n, i, p.Day, want)
			}
			if i > 0 && p.Day.DaysSince(got[i-1].Day) != 1 {
				t.Fatalf("n=%d: days %v and %v are not consecutive", n, got[i-1].Day, p.Day)
			}
		}
		if n > 0 && got[n-1].Day != end {
			t.Fatalf("n=%d: series ends on %v, want %v", n, got[n-1].Day, end)
		}
	}
	// No check-ins: all gaps.
	for _, p := range DailySeries(nil, end, 7, CravingOf) {
		if p.OK || p.Value != 0 {
			t.Errorf("a day with no check-in is not a gap: %+v", p)
		}
	}
}

func TestMoodOfCravingOf(t *testing.T) {
	tests := []struct {
		c         CheckIn
		mood      float64
		moodOK    bool
		craving   float64
		cravingOK bool
	}{
		{CheckIn{}, 0, false, 0, false},
		{CheckIn{Mood: 1, Craving: ptr(0)}, 1, true, 0, true},
		{CheckIn{Mood: 5, Craving: ptr(10)}, 5, true, 10, true},
	}
	for _, tt := range tests {
		if v, ok := MoodOf(tt.c); v != tt.mood || ok != tt.moodOK {
			t.Errorf("MoodOf(%+v) = %v, %v", tt.c, v, ok)
		}
		if v, ok := CravingOf(tt.c); v != tt.craving || ok != tt.cravingOK {
			t.Errorf("CravingOf(%+v) = %v, %v", tt.c, v, ok)
		}
	}
}

// naiveStreak is the reference for FuzzStreak, over whole-day offsets back
// from today (negative offsets are days still ahead): the run of offsets
// 0, 1, 2, … or, when today is missing, 1, 2, 3, ….
func naiveStreak(offsets []int) int {
	set := map[int]bool{}
	for _, o := range offsets {
		set[o] = true
	}
	start := 0
	if !set[0] {
		start = 1
	}
	n := 0
	for set[start+n] {
		n++
	}
	return n
}

func FuzzStreak(f *testing.F) {
	f.Add(uint16(0), int16(0), uint16(0), []byte{})
	f.Add(uint16(59), int16(0), uint16(1), []byte{0, 1, 2})
	f.Add(uint16(60), int16(1), uint16(5), []byte{0, 2})
	f.Add(uint16(365), int16(0), uint16(3650), []byte{})
	f.Add(uint16(1000), int16(-3), uint16(10), []byte{255, 254, 1, 1, 1, 3})
	f.Add(uint16(1461), int16(2), uint16(400), []byte{0, 1, 0x80, 0x7f})
	f.Add(uint16(65535), int16(-1), uint16(2), []byte{5, 4, 3, 2, 1})
	f.Fuzz(func(t *testing.T, todayShift uint16, runStart int16, runLen uint16, offs []byte) {
		// Days are built with time.Date, not AddDays, so the reference does
		// not lean on the arithmetic under test.
		base := time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)
		today := DateOf(base.AddDate(0, 0, int(todayShift)))
		var offsets []int
		for _, b := range offs {
			offsets = append(offsets, int(int8(b)))
		}
		for i := range int(runLen % 4000) {
			offsets = append(offsets, int(runStart)+i)
		}
		days := make([]Date, len(offsets))
		distinct := map[Date]bool{}
		for i, o := range offsets {
			days[i] = DateOf(base.AddDate(0, 0, int(todayShift)-o))
			distinct[days[i]] = true
		}
		got := Streak(days, today)
		if got > len(distinct) {
			t.Fatalf("Streak = %d from %d distinct days", got, len(distinct))
		}
		if want := naiveStreak(offsets); got != want {
			t.Fatalf("Streak = %d, reference %d (today %v, offsets %v)", got, want, today, offsets)
		}
		if got < 0 {
			t.Fatalf("Streak = %d", got)
		}
	})
}
