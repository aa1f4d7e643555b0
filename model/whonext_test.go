package model

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestWhoNext(t *testing.T) {
	today := day(2024, 3, 9)
	ago := func(n int) time.Time {
		d := today.AddDays(-n)
		return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	}
	contacts := []Contact{
		// A sponsor due today, rated 5: first, whoever else is late.
		{ID: 1, Name: "Maria", Circle: CircleSponsor, CadenceDays: 1, LastContact: ago(1), Importance: 5},
		// An old friend, unrated, two years late on a monthly rhythm:
		// lateness counts at most two rhythms.
		{ID: 2, Name: "Old Buddy", Circle: CircleFriend, CadenceDays: 30, LastContact: ago(782)},
		// A colleague, rated 2, three weeks late on a weekly rhythm.
		{ID: 3, Name: "Colleague", Circle: CircleWork, CadenceDays: 7, LastContact: ago(28), Importance: 2},
		// Any-time people weigh nearly as much as a sponsor.
		{ID: 4, Name: "Denise", Circle: CircleFriend, AnyTime: true, CadenceDays: 7, LastContact: ago(7), Importance: 3},
		// Fellowship, not reached yet: as if due today.
		{ID: 5, Name: "Tuesday group", Circle: CircleFellowship, CadenceDays: 7, Importance: 3},
		// Snoozed until after today: left out.
		{ID: 6, Name: "Snoozed", Circle: CircleSponsor, CadenceDays: 1, LastContact: ago(9), Importance: 5, SnoozedUntil: today.AddDays(2)},
		// Snoozed until today: back.
		{ID: 7, Name: "Back today", Circle: CirclePeer, CadenceDays: 7, LastContact: ago(8), Importance: 3, SnoozedUntil: today},
		// Resting: no rhythm, never due.
		{ID: 8, Name: "Resting", Circle: CircleFamily, RestCadence: 7, LastContact: ago(400), Importance: 5},
		// Archived: left out.
		{ID: 9, Name: "Archived", Circle: CircleSponsor, CadenceDays: 1, LastContact: ago(30), Importance: 5, Archived: true},
		// Not due yet.
		{ID: 10, Name: "Not yet", Circle: CircleSponsor, CadenceDays: 7, LastContact: ago(2), Importance: 5},
		// Two alike but for their name: by name.
		{ID: 11, Name: "Bea", Circle: CircleFamily, CadenceDays: 7, LastContact: ago(7), Importance: 3},
		{ID: 12, Name: "Abe", Circle: CircleFamily, CadenceDays: 7, LastContact: ago(7), Importance: 3},
	}
	quiet := map[Circle]bool{CircleWork: true}
	// Points: Maria 10+15+0=25; Denise 6+8+0=14; Colleague 4+1+4+2
	// (quiet)=11; Old Buddy 4+2+4=10; Back today 6+3+2/7 ≈9.3; Tuesday
	// group 6+3+0=9; Abe and Bea 6+2+0=8.
	want := []string{"Maria", "Denise", "Colleague", "Old Buddy", "Back today", "Tuesday group", "Abe", "Bea"}
	names := func(cs []Contact) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return out
	}
	in := slices.Clone(contacts)
	if got := names(WhoNext(contacts, today, quiet)); !slices.Equal(got, want) {
		t.Errorf("WhoNext = %v\nwant      %v", got, want)
	}
	for i := range contacts {
		if contacts[i].ID != in[i].ID {
			t.Fatal("WhoNext reordered its input")
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		shuffled := slices.Clone(contacts)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := names(WhoNext(shuffled, today, quiet)); !slices.Equal(got, want) {
			t.Fatalf("shuffled input: WhoNext = %v, want %v", got, want)
		}
	}
	// Without the quiet work circle, the colleague drops below the friend.
	if got := names(WhoNext(contacts, today, nil)); slices.Index(got, "Old Buddy") > slices.Index(got, "Colleague") {
		t.Errorf("without quiet circles: %v", got)
	}
	if got := WhoNext(nil, today, nil); len(got) != 0 {
		t.Errorf("WhoNext(nil) = %v", got)
	}
}

func TestQuietCircles(t *testing.T) {
	today := day(2024, 3, 9)
	at := func(n int) time.Time { return today.AddDays(-n).Time().Add(12 * time.Hour) }
	got := QuietCircles(map[Circle]time.Time{
		CircleSponsor: at(0), CircleFriend: at(QuietDays - 1), CircleWork: at(QuietDays), CircleFaith: {},
	}, today)
	want := map[Circle]bool{CircleWork: true, CircleFaith: true}
	if len(got) != len(want) || !got[CircleWork] || !got[CircleFaith] {
		t.Errorf("QuietCircles = %v; want %v", got, want)
	}
}
