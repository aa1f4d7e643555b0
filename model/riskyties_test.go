package model

import (
	"slices"
	"testing"
	"time"
)

func TestRiskyTies(t *testing.T) {
	from, to := Date{2026, 11, 1}, Date{2026, 11, 30}
	contacts := []Contact{
		{ID: 1, Name: "Kev", Stance: StanceSupportsUsing},
		{ID: 2, Name: "Ana", Stance: StanceSupports},
		{ID: 3, Name: "Old mate", Stance: StanceSupportsUsing},
		{ID: 4, Name: "Gone", Stance: StanceSupportsUsing, Archived: true},
	}
	at := func(id int64, d Date) ReachOut {
		return ReachOut{ContactID: id, At: d.Time().Add(20 * time.Hour), Direction: DirectionMine}
	}
	ros := []ReachOut{
		at(1, Date{2026, 11, 12}), at(1, Date{2026, 11, 12}), // twice, one day
		at(1, Date{2026, 11, 20}),
		at(1, Date{2026, 10, 20}), // before the window
		at(2, Date{2026, 11, 12}),
		at(3, Date{2026, 11, 25}),
		at(4, Date{2026, 11, 25}),
	}
	craving, used := 8, true
	cis := []CheckIn{
		{Day: Date{2026, 11, 13}, Craving: &craving}, // the day after Kev
		{Day: Date{2026, 11, 20}, Used: &used},       // the same day
		{Day: Date{2026, 11, 27}, Mood: 1},           // two days after Old mate: not counted
		{Day: Date{2026, 10, 21}, Used: &used},       // after a contact before the window
	}
	got := RiskyTies(contacts, ros, cis, from, to)
	if len(got) != 2 || got[0].Contact.Name != "Kev" || got[1].Contact.Name != "Old mate" {
		t.Fatalf("ties = %+v", got)
	}
	if got[0].ReachOuts != 3 || !slices.Equal(got[0].HardAfter, []Date{{2026, 11, 12}, {2026, 11, 20}}) {
		t.Errorf("Kev = %d reach-outs, hard after %v", got[0].ReachOuts, got[0].HardAfter)
	}
	if got[1].ReachOuts != 1 || len(got[1].HardAfter) != 0 {
		t.Errorf("Old mate = %+v", got[1])
	}
	if RiskyTies(contacts[1:2], ros, cis, from, to) != nil {
		t.Error("ties named where nobody supports using")
	}
}
