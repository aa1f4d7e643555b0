package model

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// sumWeek is the week of the summary tests: Monday 16 to Sunday 22
// November 2026.
var sumWeek = Week{2026, 47}

// afterSumWeek is a "today" well after sumWeek, so it is a past week.
var afterSumWeek = day(2027, 1, 10)

// at is a local time on a day of November 2026, in UTC.
func at(d, h, m int) time.Time { return time.Date(2026, time.November, d, h, m, 0, 0, time.UTC) }

// ro is a reach-out to a contact at a time.
func ro(id int64, t time.Time) ReachOut {
	return ReachOut{ContactID: id, At: t, Channel: ChannelCall, Direction: DirectionMine}
}

// sumContacts is a small network with one of each kind the summary tells
// apart.
func sumContacts() []Contact {
	return []Contact{
		{ID: 1, Name: "Ana", Circle: CircleFellowship, Stance: StanceSupports, Importance: 3},
		{ID: 2, Name: "Ben", Circle: CircleFamily, Stance: StanceNeutral, Importance: 4},
		{ID: 3, Name: "Cal", Circle: CircleFriend, Stance: StanceSupportsUsing, Importance: 2},
		{ID: 4, Name: "Dee", Circle: CircleSponsor, Stance: StanceUnknown, Importance: 5},
		{ID: 5, Name: "Eve", Circle: CircleFriend, Stance: StanceSupports, Archived: true},
		{ID: 6, Name: "Fay", Circle: CircleHealthcare, Stance: StanceSupports},
		{ID: 7, Name: "Gus", Circle: "", Stance: StanceUnknown},
		{ID: 8, Name: "Émile", Circle: CirclePeer, Stance: StanceSupports, Importance: 3},
		{ID: 9, Name: "zoë", Circle: CirclePeer, Stance: StanceSupports, Importance: 3},
	}
}

func TestSummarizeWeekEmpty(t *testing.T) {
	s := SummarizeWeek(sumWeek, afterSumWeek, nil, nil, nil, nil)
	want := WeekSummary{Week: sumWeek}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("empty summary = %+v, want %+v", s, want)
	}
	if math.IsNaN(s.UseShare) || math.IsNaN(s.MoodAvg) || math.IsNaN(s.CravingAvg) {
		t.Errorf("NaN in an empty summary: %+v", s)
	}
	// Contacts but no reach-outs: the same, apart from who faded.
	s = SummarizeWeek(sumWeek, afterSumWeek, nil, nil, sumContacts(), nil)
	if s.ReachOuts != 0 || s.People != 0 || s.Circles != nil || s.UseShare != 0 || s.Faded != nil {
		t.Errorf("summary of contacts without reach-outs = %+v", s)
	}
}

func TestSummarizeWeekReachOutsInTheWeekOnly(t *testing.T) {
	est := time.FixedZone("EST", -5*60*60)
	tests := []struct {
		name string
		ros  []ReachOut
		want int
	}{
		{"Monday just after midnight", []ReachOut{ro(1, at(16, 0, 0))}, 1},
		{"Sunday just before midnight", []ReachOut{ro(1, time.Date(2026, 11, 22, 23, 59, 59, 0, time.UTC))}, 1},
		{"the Sunday before", []ReachOut{ro(1, time.Date(2026, 11, 15, 23, 59, 59, 0, time.UTC))}, 0},
		{"the Monday after", []ReachOut{ro(1, at(23, 0, 0))}, 0},
		{"a year later, same week number", []ReachOut{ro(1, time.Date(2027, 11, 17, 12, 0, 0, 0, time.UTC))}, 0},
		{"the local day counts, not UTC's", []ReachOut{
			ro(1, time.Date(2026, 11, 22, 23, 30, 0, 0, est)), // 04:30 on Monday in UTC
			ro(1, time.Date(2026, 11, 15, 23, 30, 0, 0, est)), // Sunday before, locally
		}, 1},
		{"mixed", []ReachOut{
			ro(1, at(15, 12, 0)), ro(1, at(16, 12, 0)), ro(2, at(19, 12, 0)),
			ro(3, at(22, 12, 0)), ro(4, at(23, 12, 0)), ro(4, at(1, 12, 0)),
		}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeWeek(sumWeek, afterSumWeek, tt.ros, nil, sumContacts(), nil)
			if s.ReachOuts != tt.want {
				t.Errorf("ReachOuts = %d, want %d", s.ReachOuts, tt.want)
			}
			if s.Week != sumWeek {
				t.Errorf("Week = %v, want %v", s.Week, sumWeek)
			}
		})
	}
}

func TestSummarizeWeekPeopleAndCircles(t *testing.T) {
	tests := []struct {
		name    string
		ros     []ReachOut
		people  int
		circles []Circle
	}{
		{"one person, three times", []ReachOut{ro(1, at(16, 9, 0)), ro(1, at(16, 18, 0)), ro(1, at(20, 9, 0))},
			1, []Circle{CircleFellowship}},
		// Cal, a friend who supports using, is a person reached but not
		// a circle of support.
		{"circles in display order, not in the order reached", []ReachOut{
			ro(3, at(16, 9, 0)), ro(2, at(17, 9, 0)), ro(4, at(18, 9, 0)), ro(1, at(19, 9, 0)), ro(4, at(20, 9, 0)),
		}, 4, []Circle{CircleFellowship, CircleSponsor, CircleFamily}},
		{"two people in one circle", []ReachOut{ro(8, at(16, 9, 0)), ro(9, at(17, 9, 0))}, 2, []Circle{CirclePeer}},
		{"an unknown contact is a person without a circle", []ReachOut{ro(99, at(16, 9, 0)), ro(99, at(17, 9, 0)), ro(1, at(17, 9, 0))},
			2, []Circle{CircleFellowship}},
		{"only unknown contacts", []ReachOut{ro(99, at(16, 9, 0)), ro(98, at(17, 9, 0))}, 2, nil},
		{"an unset circle shows as Other", []ReachOut{ro(7, at(16, 9, 0)), ro(6, at(16, 10, 0))}, 2, []Circle{CircleHealthcare, CircleOther}},
		{"an archived contact's circle still counts", []ReachOut{ro(5, at(16, 9, 0))}, 1, []Circle{CircleFriend}},
		{"reach-outs outside the week add no one", []ReachOut{ro(1, at(16, 9, 0)), ro(2, at(15, 9, 0)), ro(3, at(23, 9, 0))},
			1, []Circle{CircleFellowship}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeWeek(sumWeek, afterSumWeek, tt.ros, nil, sumContacts(), nil)
			if s.People != tt.people {
				t.Errorf("People = %d, want %d", s.People, tt.people)
			}
			if !slices.Equal(s.Circles, tt.circles) {
				t.Errorf("Circles = %v, want %v", s.Circles, tt.circles)
			}
		})
	}
}

func TestSummarizeWeekSupportiveDays(t *testing.T) {
	tests := []struct {
		name string
		ros  []ReachOut
		want int
	}{
		{"none", nil, 0},
		{"several on one day count once", []ReachOut{ro(1, at(16, 9, 0)), ro(1, at(16, 18, 0)), ro(4, at(16, 20, 0))}, 1},
		{"distinct days", []ReachOut{ro(1, at(16, 9, 0)), ro(4, at(18, 9, 0)), ro(6, at(22, 23, 0))}, 3},
		{"neutral family and a use-supporting friend are not supportive", []ReachOut{ro(2, at(17, 9, 0)), ro(3, at(19, 9, 0))}, 0},
		{"an unknown contact is not supportive", []ReachOut{ro(99, at(17, 9, 0))}, 0},
		{"a sponsor of unknown stance is", []ReachOut{ro(4, at(17, 9, 0))}, 1},
		{"outside the week does not count", []ReachOut{ro(1, at(15, 9, 0)), ro(1, at(23, 9, 0)), ro(1, at(20, 9, 0))}, 1},
		{"every day", []ReachOut{
			ro(1, at(16, 9, 0)), ro(1, at(17, 9, 0)), ro(1, at(18, 9, 0)), ro(1, at(19, 9, 0)),
			ro(1, at(20, 9, 0)), ro(1, at(21, 9, 0)), ro(1, at(22, 9, 0)), ro(1, at(23, 9, 0)),
		}, 7},
		{"an archived supporter still counts for the past", []ReachOut{ro(5, at(16, 9, 0))}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeWeek(sumWeek, afterSumWeek, tt.ros, nil, sumContacts(), nil)
			if s.SupportiveDays != tt.want {
				t.Errorf("SupportiveDays = %d, want %d", s.SupportiveDays, tt.want)
			}
		})
	}
}

// fadedNames lists the names in Faded, in order.
func fadedNames(s WeekSummary) []string {
	var out []string
	for _, c := range s.Faded {
		out = append(out, c.Name)
	}
	return out
}

func TestSummarizeWeekFaded(t *testing.T) {
	// For a past week, gaps count to its Sunday, 22 November.
	pastLast := map[int64]time.Time{
		1:  at(8, 10, 0),                                  // 14 days before Sunday: faded
		2:  at(9, 23, 59),                                 // 13 days: not yet
		3:  time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC), // 52 days: the longest gap
		4:  at(8, 7, 0),                                   // 14 days, more important than Ana
		5:  time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC),  // archived: never faded
		7:  {},                                            // a zero time is never contacted
		8:  at(8, 20, 0),                                  // 14 days, same importance as Ana
		9:  at(8, 21, 0),                                  // 14 days, same importance as Ana
		99: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC),  // no such contact
	}
	// Fay (6) has no entry: never contacted, never faded.
	s := SummarizeWeek(sumWeek, afterSumWeek, nil, nil, sumContacts(), pastLast)
	want := []string{"Cal", "Dee", "Ana", "Émile", "zoë"}
	if got := fadedNames(s); !slices.Equal(got, want) {
		t.Errorf("Faded = %q, want %q (longest gap, then importance, then name)", got, want)
	}
	for _, c := range s.Faded {
		if !c.LastContact.Equal(pastLast[c.ID]) {
			t.Errorf("Faded %s: LastContact %v, want their last contact %v", c.Name, c.LastContact, pastLast[c.ID])
		}
	}

	t.Run("someone reached during the week is not faded", func(t *testing.T) {
		ros := []ReachOut{ro(3, at(20, 9, 0)), ro(1, at(22, 9, 0))}
		s := SummarizeWeek(sumWeek, afterSumWeek, ros, nil, sumContacts(), pastLast)
		if got, want := fadedNames(s), []string{"Dee", "Émile", "zoë"}; !slices.Equal(got, want) {
			t.Errorf("Faded = %q, want %q", got, want)
		}
	})
	t.Run("a reach-out after the week does not hide a fade", func(t *testing.T) {
		ros := []ReachOut{ro(3, at(24, 9, 0))}
		s := SummarizeWeek(sumWeek, afterSumWeek, ros, nil, sumContacts(), pastLast)
		if got := fadedNames(s); !slices.Contains(got, "Cal") {
			t.Errorf("Faded = %q, want Cal among them", got)
		}
	})

	// For the week still going, gaps count to today.
	nowLast := map[int64]time.Time{
		1: at(5, 12, 0), // 13 days before Wednesday 18th: not yet; 17 before Sunday
		2: at(4, 12, 0), // 14 days before Wednesday 18th: faded
	}
	tests := []struct {
		name  string
		today Date
		want  []string
	}{
		{"this week, on Wednesday: counted to today", day(2026, 11, 18), []string{"Ben"}},
		{"this week, on Monday: nobody yet", day(2026, 11, 16), nil},
		{"this week, on Sunday: the same as the week's end", day(2026, 11, 22), []string{"Ben", "Ana"}},
		{"a past week: counted to its Sunday", day(2026, 12, 1), []string{"Ben", "Ana"}},
		{"no today: counted to Sunday", Date{}, []string{"Ben", "Ana"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeWeek(sumWeek, tt.today, nil, nil, sumContacts(), nowLast)
			if got := fadedNames(s); !slices.Equal(got, tt.want) {
				t.Errorf("Faded = %q, want %q", got, tt.want)
			}
		})
	}

	t.Run("archived never fades", func(t *testing.T) {
		cs := []Contact{{ID: 1, Name: "Old friend", Archived: true, Importance: 5}}
		s := SummarizeWeek(sumWeek, afterSumWeek, nil, nil, cs, map[int64]time.Time{1: at(1, 9, 0)})
		if s.Faded != nil {
			t.Errorf("Faded = %q, want nobody", fadedNames(s))
		}
	})
	t.Run("never contacted never fades", func(t *testing.T) {
		cs := []Contact{{ID: 1, Name: "New", Importance: 5, LastContact: at(1, 9, 0)}}
		s := SummarizeWeek(sumWeek, afterSumWeek, nil, nil, cs, map[int64]time.Time{})
		if s.Faded != nil {
			t.Errorf("Faded = %q, want nobody", fadedNames(s))
		}
	})
	t.Run("same name: a stable order", func(t *testing.T) {
		cs := []Contact{{ID: 2, Name: "Sam"}, {ID: 1, Name: "sam"}}
		last := map[int64]time.Time{1: at(1, 9, 0), 2: at(1, 9, 0)}
		a := SummarizeWeek(sumWeek, afterSumWeek, nil, nil, cs, last)
		b := SummarizeWeek(sumWeek, afterSumWeek, nil, nil, []Contact{cs[1], cs[0]}, last)
		if !reflect.DeepEqual(a.Faded, b.Faded) || a.Faded[0].ID != 1 {
			t.Errorf("same-name order depends on input order: %v then %v", a.Faded, b.Faded)
		}
	})
}

func TestSummarizeWeekUseShare(t *testing.T) {
	tests := []struct {
		name  string
		ros   []ReachOut
		count int
		share float64
	}{
		{"no reach-outs: 0, not NaN", nil, 0, 0},
		{"only outside the week", []ReachOut{ro(3, at(15, 9, 0))}, 0, 0},
		{"none with people who support using", []ReachOut{ro(1, at(16, 9, 0)), ro(2, at(17, 9, 0))}, 0, 0},
		{"one in four", []ReachOut{ro(3, at(16, 9, 0)), ro(1, at(16, 10, 0)), ro(2, at(17, 9, 0)), ro(99, at(18, 9, 0))}, 1, 0.25},
		{"all of them", []ReachOut{ro(3, at(16, 9, 0)), ro(3, at(18, 9, 0))}, 2, 1},
		{"outside the week ignored on both sides", []ReachOut{ro(3, at(16, 9, 0)), ro(1, at(17, 9, 0)), ro(3, at(23, 9, 0)), ro(1, at(15, 9, 0))}, 1, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeWeek(sumWeek, afterSumWeek, tt.ros, nil, sumContacts(), nil)
			if s.UseReachOuts != tt.count || s.UseShare != tt.share || math.IsNaN(s.UseShare) {
				t.Errorf("UseReachOuts, UseShare = %d, %v; want %d, %v", s.UseReachOuts, s.UseShare, tt.count, tt.share)
			}
		})
	}
}

func TestSummarizeWeekCheckIns(t *testing.T) {
	mon := sumWeek.Monday()
	tests := []struct {
		name              string
		checkIns          []CheckIn
		count             int
		mood, craving     float64
		moodOK, cravingOK bool
	}{
		{"none", nil, 0, 0, 0, false, false},
		{"averages over the days that answered", []CheckIn{
			{Day: mon, Mood: 4, Craving: ptr(2)},
			{Day: mon.AddDays(1), Note: "no mood, no craving"},
			{Day: mon.AddDays(2), Mood: 2, Craving: ptr(0)},
			{Day: mon.AddDays(3), Craving: ptr(7)},
		}, 4, 3, 3, true, true},
		{"a craving of 0 is an answer", []CheckIn{{Day: mon, Craving: ptr(0)}, {Day: mon.AddDays(1), Craving: ptr(0)}}, 2, 0, 0, false, true},
		{"answered nothing the averages use", []CheckIn{{Day: mon, Note: "x"}, {Day: mon.AddDays(6), Hungry: true}}, 2, 0, 0, false, false},
		{"only the week's days", []CheckIn{
			{Day: mon.AddDays(-1), Mood: 1, Craving: ptr(10)},
			{Day: mon.AddDays(6), Mood: 5, Craving: ptr(1)},
			{Day: mon.AddDays(7), Mood: 1, Craving: ptr(10)},
		}, 1, 5, 1, true, true},
		{"uneven average", []CheckIn{{Day: mon, Mood: 4}, {Day: mon.AddDays(1), Mood: 4}, {Day: mon.AddDays(2), Mood: 3}}, 3, 11.0 / 3, 0, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeWeek(sumWeek, afterSumWeek, nil, tt.checkIns, nil, nil)
			if s.CheckIns != tt.count {
				t.Errorf("CheckIns = %d, want %d", s.CheckIns, tt.count)
			}
			if s.MoodOK != tt.moodOK || math.Abs(s.MoodAvg-tt.mood) > 1e-9 {
				t.Errorf("mood = %v (%v), want %v (%v)", s.MoodAvg, s.MoodOK, tt.mood, tt.moodOK)
			}
			if s.CravingOK != tt.cravingOK || math.Abs(s.CravingAvg-tt.craving) > 1e-9 {
				t.Errorf("craving = %v (%v), want %v (%v)", s.CravingAvg, s.CravingOK, tt.craving, tt.cravingOK)
			}
		})
	}
}

// TestSummarizeWeekOrderFree: the summary does not depend on the order of
// its inputs, and leaves them as they were.
func TestSummarizeWeekOrderFree(t *testing.T) {
	var ros []ReachOut
	for i := range 60 {
		ros = append(ros, ro(int64(i%10+1), at(10+i%16, i%24, i)))
	}
	last := map[int64]time.Time{}
	for id := int64(1); id <= 9; id++ {
		last[id] = at(int(id), 12, 0)
	}
	mon := sumWeek.Monday()
	checkIns := []CheckIn{{Day: mon, Mood: 3, Craving: ptr(4)}, {Day: mon.AddDays(2), Mood: 5}}
	contacts := sumContacts()
	want := SummarizeWeek(sumWeek, afterSumWeek, ros, checkIns, contacts, last)

	rosCopy, contactsCopy := slices.Clone(ros), slices.Clone(contacts)
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		r.Shuffle(len(ros), func(i, j int) { ros[i], ros[j] = ros[j], ros[i] })
		r.Shuffle(len(contacts), func(i, j int) { contacts[i], contacts[j] = contacts[j], contacts[i] })
		if got := SummarizeWeek(sumWeek, afterSumWeek, ros, checkIns, contacts, last); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input gave\n%+v\nwant\n%+v", got, want)
		}
	}
	slices.SortFunc(ros, func(a, b ReachOut) int { return a.At.Compare(b.At) })
	slices.SortFunc(rosCopy, func(a, b ReachOut) int { return a.At.Compare(b.At) })
	if !slices.EqualFunc(ros, rosCopy, func(a, b ReachOut) bool { return a == b }) {
		t.Errorf("SummarizeWeek changed the reach-outs")
	}
	slices.SortFunc(contacts, func(a, b Contact) int { return int(a.ID - b.ID) })
	if !reflect.DeepEqual(contacts, contactsCopy) {
		t.Errorf("SummarizeWeek changed the contacts")
	}
}
