package model

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// netContacts is a small network for the health figures: one of each kind
// the figures tell apart. Eve was archived after the reach-out of 12
// November, in the middle of the two weeks below.
func netContacts() []Contact {
	return []Contact{
		{ID: 1, Name: "Ana", Circle: CircleFellowship, Stance: StanceSupports, AnyTime: true, Importance: 3},
		{ID: 2, Name: "Ben", Circle: CircleFamily, Stance: StanceNeutral},
		{ID: 3, Name: "Cal", Circle: CircleFriend, Stance: StanceSupportsUsing},
		{ID: 4, Name: "Dee", Circle: CircleSponsor, Stance: StanceUnknown, AnyTime: true},
		{ID: 5, Name: "Eve", Circle: CircleFriend, Stance: StanceSupports, AnyTime: true, Archived: true},
		{ID: 6, Name: "Fay", Circle: CircleHealthcare, Stance: StanceSupports},
		{ID: 7, Name: "Gus", Circle: "", Stance: StanceUnknown},
	}
}

// netLog is the whole reach-out log of netContacts (99 is no contact).
func netLog() []ReachOut {
	return []ReachOut{
		ro(7, time.Date(2026, time.October, 1, 12, 0, 0, 0, time.UTC)),
		ro(6, at(5, 9, 0)),
		ro(4, at(8, 19, 0)), // the day before the two weeks
		ro(1, at(9, 10, 0)),
		ro(1, at(9, 18, 0)),
		ro(3, at(10, 12, 0)),
		ro(5, at(12, 9, 0)),
		ro(2, at(15, 20, 0)),
		ro(3, at(20, 21, 0)),
		ro(99, at(21, 8, 0)),
		ro(6, at(23, 9, 0)), // the day after
	}
}

// lastUpTo is each contact's last reach-out in netLog up to a day, as the
// store gives it to HealthOver.
func lastUpTo(to Date) map[int64]time.Time {
	var upTo []ReachOut
	for _, r := range netLog() {
		if !r.Day().After(to) {
			upTo = append(upTo, r)
		}
	}
	return LastContacts(upTo)
}

// names lists contacts' names in order.
func names(cs []Contact) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestHealthOver(t *testing.T) {
	tests := []struct {
		name     string
		from, to Date
		want     NetworkHealth
		faded    []string
	}{
		{
			// Seven reach-outs from 9 to 21 November: Ana twice, Cal
			// twice, Eve, Ben, and someone not among the contacts.
			// Supportive days: the 9th (Ana) and the 12th (Eve, archived
			// since, but supportive then); Ben is neutral family, Cal
			// supports using. Faded by the 22nd: Gus (52 days), Fay (17),
			// Dee (14); Ana (13) not yet.
			name: "two weeks", from: day(2026, 11, 9), to: day(2026, 11, 22),
			want: NetworkHealth{
				Days: 14, ReachOuts: 7, People: 5,
				Circles:        []Circle{CircleFellowship, CircleFamily, CircleFriend},
				SupportiveDays: 2, UseReachOuts: 2, UseShare: 2.0 / 7, AnyTime: 2,
			},
			faded: []string{"Gus", "Fay", "Dee"},
		},
		{
			// No reach-outs at all: nothing divided by nothing, and
			// everyone reached before has faded, except archived Eve.
			// By 7 December: Gus 67 days, Dee 29, Ana 28, Ben 22, Cal 17,
			// Fay 14.
			name: "a week with no reach-outs", from: day(2026, 12, 1), to: day(2026, 12, 7),
			want:  NetworkHealth{Days: 7, AnyTime: 2},
			faded: []string{"Gus", "Dee", "Ana", "Ben", "Cal", "Fay"},
		},
		{
			// One day: only Eve's reach-out, before she was archived. Her
			// circle and her support count; she herself never fades.
			name: "the day of the archived contact's reach-out", from: day(2026, 11, 12), to: day(2026, 11, 12),
			want: NetworkHealth{
				Days: 1, ReachOuts: 1, People: 1, Circles: []Circle{CircleFriend},
				SupportiveDays: 1, AnyTime: 2,
			},
			faded: []string{"Gus"}, // 42 days; Fay 7, Dee 4, Ana 3
		},
		{
			// Only Cal, who supports using: all of the reach-outs.
			// Reached, and counted apart: never a circle of support.
			name: "only use-supporting contact", from: day(2026, 11, 10), to: day(2026, 11, 10),
			want: NetworkHealth{
				Days: 1, ReachOuts: 1, People: 1,
				UseReachOuts: 1, UseShare: 1, AnyTime: 2,
			},
			faded: []string{"Gus"},
		},
		{
			// Into the day after: Fay's reach-out counts and ends her fade;
			// the unknown contact is a person without a circle.
			name: "someone unknown, and healthcare", from: day(2026, 11, 21), to: day(2026, 11, 23),
			want: NetworkHealth{
				Days: 3, ReachOuts: 2, People: 2, Circles: []Circle{CircleHealthcare},
				SupportiveDays: 1, AnyTime: 2,
			},
			faded: []string{"Gus", "Dee", "Ana"}, // 53, 15 and 14 days; Ben 8
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := HealthOver(tt.from, tt.to, netLog(), netContacts(), lastUpTo(tt.to))
			tt.want.From, tt.want.To = tt.from, tt.to
			faded := got.Faded
			if got.FadedCount != len(faded) {
				t.Errorf("FadedCount = %d for %d faded", got.FadedCount, len(faded))
			}
			got.Faded, got.FadedCount = nil, 0
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("HealthOver =\n%+v\nwant\n%+v", got, tt.want)
			}
			if !slices.Equal(names(faded), tt.faded) {
				t.Errorf("Faded = %q, want %q", names(faded), tt.faded)
			}
			last := lastUpTo(tt.to)
			for _, c := range faded {
				if !c.LastContact.Equal(last[c.ID]) {
					t.Errorf("Faded %s: LastContact %v, want %v", c.Name, c.LastContact, last[c.ID])
				}
			}
			if math.IsNaN(got.UseShare) {
				t.Errorf("UseShare is NaN")
			}
		})
	}
}

// TestHealthOverFadeEdge: 13 days without contact up to To is not yet
// faded; 14 is.
func TestHealthOverFadeEdge(t *testing.T) {
	cs := []Contact{{ID: 1, Name: "Ana"}}
	last := map[int64]time.Time{1: at(1, 23, 59)}
	if h := HealthOver(day(2026, 11, 14), day(2026, 11, 14), nil, cs, last); h.Faded != nil {
		t.Errorf("13 days: Faded = %q, want nobody", names(h.Faded))
	}
	if h := HealthOver(day(2026, 11, 15), day(2026, 11, 15), nil, cs, last); !slices.Equal(names(h.Faded), []string{"Ana"}) {
		t.Errorf("14 days: Faded = %q, want Ana", names(h.Faded))
	}
}

func TestHealthOverEmptyAndReversed(t *testing.T) {
	h := HealthOver(day(2026, 11, 9), day(2026, 11, 22), nil, nil, nil)
	want := NetworkHealth{From: day(2026, 11, 9), To: day(2026, 11, 22), Days: 14}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("empty = %+v, want %+v", h, want)
	}
	a := HealthOver(day(2026, 11, 9), day(2026, 11, 22), netLog(), netContacts(), lastUpTo(day(2026, 11, 22)))
	b := HealthOver(day(2026, 11, 22), day(2026, 11, 9), netLog(), netContacts(), lastUpTo(day(2026, 11, 22)))
	if !reflect.DeepEqual(a, b) {
		t.Errorf("a from after to is not read the other way round:\n%+v\n%+v", a, b)
	}
}

// TestHealthOverMatchesSummarizeWeek: over a past week, the two views of
// the same rules agree figure for figure.
func TestHealthOverMatchesSummarizeWeek(t *testing.T) {
	for _, w := range []Week{{2026, 45}, {2026, 46}, {2026, 47}, {2026, 48}} {
		last := lastUpTo(w.Sunday())
		h := HealthOver(w.Monday(), w.Sunday(), netLog(), netContacts(), last)
		s := SummarizeWeek(w, day(2027, 1, 10), netLog(), nil, netContacts(), last)
		if h.ReachOuts != s.ReachOuts || h.People != s.People || !slices.Equal(h.Circles, s.Circles) ||
			h.SupportiveDays != s.SupportiveDays || h.UseReachOuts != s.UseReachOuts || h.UseShare != s.UseShare ||
			!reflect.DeepEqual(h.Faded, s.Faded) {
			t.Errorf("%v: HealthOver %+v\ndisagrees with SummarizeWeek %+v", w, h, s)
		}
	}
}

func TestHealthOverOrderFree(t *testing.T) {
	from, to := day(2026, 11, 9), day(2026, 11, 22)
	want := HealthOver(from, to, netLog(), netContacts(), lastUpTo(to))
	ros, cs := netLog(), netContacts()
	r := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		r.Shuffle(len(ros), func(i, j int) { ros[i], ros[j] = ros[j], ros[i] })
		r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
		if got := HealthOver(from, to, ros, cs, lastUpTo(to)); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input gave\n%+v\nwant\n%+v", got, want)
		}
	}
}

func TestCircleGroups(t *testing.T) {
	cs := []Contact{
		{ID: 1, Name: "zoë", Circle: CirclePeer},
		{ID: 2, Name: "Émile", Circle: CirclePeer},
		{ID: 3, Name: "adam", Circle: CirclePeer},
		{ID: 4, Name: "Old", Circle: CirclePeer, Archived: true},
		{ID: 5, Name: "Sam", Circle: CircleSponsor},
		{ID: 6, Name: "sam", Circle: CircleSponsor},
		{ID: 7, Name: "Mystery", Circle: "from-the-future"},
		{ID: 8, Name: "Unset", Circle: ""},
		{ID: 9, Name: "Bo", Circle: CircleOther},
	}
	g := CircleGroups(cs)
	if len(g) != len(Circles) {
		t.Errorf("%d circles, want all %d", len(g), len(Circles))
	}
	want := map[Circle][]string{
		CirclePeer:    {"adam", "Émile", "zoë"}, // by name, ignoring case and accents; archived left out
		CircleSponsor: {"Sam", "sam"},           // same name: by ID
		CircleOther:   {"Bo", "Mystery", "Unset"},
	}
	for _, c := range Circles {
		list, ok := g[c]
		if !ok || list == nil {
			t.Errorf("%s: missing (present %v, list %v)", c, ok, list)
		}
		if got := names(list); !slices.Equal(got, want[c]) {
			t.Errorf("%s = %q, want %q", c, got, want[c])
		}
	}
	if g := CircleGroups(nil); len(g) != len(Circles) {
		t.Errorf("no contacts: %d circles, want every one", len(g))
	}
}

func TestCircleSuggestion(t *testing.T) {
	if got, want := CircleSuggestion(CircleHobby), "No hobby or activity group yet: a life beyond recovery protects recovery too — a class, a team, a choir?"; got != want {
		t.Errorf("hobby = %q, want %q", got, want)
	}
	// An empty partner or family circle may be a loss or a choice that
	// keeps someone safe: no nudge there.
	for _, c := range []Circle{CirclePartner, CircleFamily, CircleOther, "from-the-future", ""} {
		if s := CircleSuggestion(c); s != "" {
			t.Errorf("%q: suggestion %q, want none", c, s)
		}
	}
	seen := map[string]Circle{}
	for _, c := range Circles {
		s := CircleSuggestion(c)
		if c == CirclePartner || c == CircleFamily || c == CircleOther {
			continue
		}
		assertSentence(t, string(c), s)
		if len([]rune(s)) > 160 {
			t.Errorf("%s: %d characters; a suggestion should fit two lines", c, len([]rune(s)))
		}
		if other, dup := seen[s]; dup {
			t.Errorf("%s and %s share a suggestion", c, other)
		}
		seen[s] = c
		for _, scold := range []string{"should", "must", "need to", "you have no"} {
			if strings.Contains(strings.ToLower(s), scold) {
				t.Errorf("%s: %q sounds like a reproach (%q)", c, s, scold)
			}
		}
	}
	for c, want := range map[Circle]string{
		CircleFellowship: "meeting", CircleSponsor: "time in recovery", CircleHealthcare: "GP",
		CircleOnline: "moderated", CircleVolunteer: "giving", CircleFaith: "If faith",
	} {
		if s := CircleSuggestion(c); !strings.Contains(s, want) {
			t.Errorf("%s: %q does not mention %q", c, s, want)
		}
	}
}

func TestDailyCounts(t *testing.T) {
	est := time.FixedZone("EST", -5*60*60)
	ros := append(netLog(),
		ro(1, time.Date(2026, 11, 22, 23, 30, 0, 0, est)), // Monday in UTC, Sunday where it happened
		ReachOut{ContactID: 1},                            // no time: not a day
	)
	want := map[Date]int{
		day(2026, 11, 9): 2, day(2026, 11, 10): 1, day(2026, 11, 12): 1, day(2026, 11, 15): 1,
		day(2026, 11, 20): 1, day(2026, 11, 21): 1, day(2026, 11, 22): 1,
	}
	if got := DailyCounts(ros, day(2026, 11, 9), day(2026, 11, 22)); !reflect.DeepEqual(got, want) {
		t.Errorf("DailyCounts = %v, want %v", got, want)
	}
	if got := DailyCounts(ros, day(2026, 11, 22), day(2026, 11, 9)); !reflect.DeepEqual(got, want) {
		t.Errorf("reversed: %v, want %v", got, want)
	}
	if got := DailyCounts(ros, day(2026, 12, 1), day(2026, 12, 31)); len(got) != 0 {
		t.Errorf("a month without reach-outs: %v, want none", got)
	}
}

func TestWeeklySeries(t *testing.T) {
	checkIns := []CheckIn{
		{Day: day(2026, 10, 31), Mood: 1, Craving: ptr(9)}, // W44: before the range
		{Day: day(2026, 11, 2), Mood: 4, Craving: ptr(2)},  // W45
		{Day: day(2026, 11, 8), Mood: 2},                   // W45, Sunday
		{Day: day(2026, 11, 4), Craving: ptr(0)},           // W45: a craving of 0 is an answer
		{Day: day(2026, 11, 10), Note: "no mood today"},    // W46: a gap for mood
		{Day: day(2026, 11, 16), Mood: 5, Craving: ptr(7)}, // W47
		{Day: day(2026, 11, 23), Mood: 1},                  // W48: after the range
		{Note: "no day"},
	}
	from, to := Week{2026, 45}, Week{2026, 47}
	mood := WeeklySeries(checkIns, from, to, MoodOf)
	wantMood := []Point{
		{Day: day(2026, 11, 2), Value: 3, OK: true}, // (4+2)/2
		{Day: day(2026, 11, 9)},                     // gap
		{Day: day(2026, 11, 16), Value: 5, OK: true},
	}
	if !reflect.DeepEqual(mood, wantMood) {
		t.Errorf("mood = %+v, want %+v", mood, wantMood)
	}
	craving := WeeklySeries(checkIns, from, to, CravingOf)
	wantCraving := []Point{
		{Day: day(2026, 11, 2), Value: 1, OK: true}, // (2+0)/2
		{Day: day(2026, 11, 9)},
		{Day: day(2026, 11, 16), Value: 7, OK: true},
	}
	if !reflect.DeepEqual(craving, wantCraving) {
		t.Errorf("craving = %+v, want %+v", craving, wantCraving)
	}
	if got := WeeklySeries(checkIns, to, from, MoodOf); !reflect.DeepEqual(got, wantMood) {
		t.Errorf("reversed = %+v, want %+v", got, wantMood)
	}
	if got := WeeklySeries(checkIns, from, from, MoodOf); !reflect.DeepEqual(got, wantMood[:1]) {
		t.Errorf("one week = %+v, want %+v", got, wantMood[:1])
	}
	if got := WeeklySeries(checkIns, Week{}, to, MoodOf); got != nil {
		t.Errorf("zero week = %+v, want nothing", got)
	}

	// Across New Year: 2026 has a week 53, and 2027-W01 starts on 4 January.
	ny := []CheckIn{{Day: day(2026, 12, 31), Mood: 2}, {Day: day(2027, 1, 3), Mood: 4}, {Day: day(2027, 1, 4), Mood: 5}}
	got := WeeklySeries(ny, Week{2026, 52}, Week{2027, 1}, MoodOf)
	want := []Point{{Day: day(2026, 12, 21)}, {Day: day(2026, 12, 28), Value: 3, OK: true}, {Day: day(2027, 1, 4), Value: 5, OK: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("New Year = %+v, want %+v", got, want)
	}
}
