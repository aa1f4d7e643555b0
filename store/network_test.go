package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// ReachOutCounts counts by the local day each reach-out was logged on, in
// the range asked, and leaves quiet days out.
func TestReachOutCounts(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a, b := addContact(t, s, "Denise"), addContact(t, s, "Zoë")
	evening := func(daysAgo int, zone *time.Location) time.Time {
		d := testToday.AddDays(-daysAgo)
		return time.Date(d.Year, d.Month, d.Day, 20, 30, 0, 0, zone)
	}
	logAt(t, s, a, evening(0, time.UTC))
	logAt(t, s, b, evening(0, time.UTC).Add(-time.Hour))
	// 20:30 in UTC-5 is the next day in UTC; it counts on its own evening.
	logAt(t, s, a, evening(2, eastern))
	logAt(t, s, a, evening(10, kiritimati))
	logAt(t, s, b, evening(400, time.UTC))

	got, err := s.ReachOutCounts(ctx, testToday.AddDays(-363), testToday)
	want := map[model.Date]int{testToday: 2, testToday.AddDays(-2): 1, testToday.AddDays(-10): 1}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("52 weeks: %v, %v; want %v", got, err, want)
	}
	// The ends are inclusive.
	got, _ = s.ReachOutCounts(ctx, testToday.AddDays(-10), testToday.AddDays(-2))
	if !reflect.DeepEqual(got, map[model.Date]int{testToday.AddDays(-2): 1, testToday.AddDays(-10): 1}) {
		t.Fatalf("inclusive range: %v", got)
	}
	// Open ends, as ReachOutsBetween has them.
	got, _ = s.ReachOutCounts(ctx, model.Date{}, model.Date{})
	if len(got) != 4 || got[testToday.AddDays(-400)] != 1 {
		t.Fatalf("everything: %v", got)
	}
	// Nothing in range: an empty map, not nil.
	if got, err := s.ReachOutCounts(ctx, testToday.AddDays(1), testToday.AddDays(30)); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("future range: %v, %v", got, err)
	}
	// It agrees with the log it counts.
	log, _ := s.ReachOutsBetween(ctx, model.Date{}, model.Date{})
	byDay := map[model.Date]int{}
	for _, r := range log {
		byDay[r.Day()]++
	}
	all, _ := s.ReachOutCounts(ctx, model.Date{}, model.Date{})
	if !reflect.DeepEqual(all, byDay) {
		t.Fatalf("counts %v; the log says %v", all, byDay)
	}
}

// The heatmap's query reads one range of the kept daily counts, already
// grouped: not the log, no sort.
func TestReachOutCountsUseTheDayIndex(t *testing.T) {
	s := openStore(t)
	plan := queryPlan(t, s, reachOutCountsSQL, "2025-03-11", "2026-03-09")
	if !strings.Contains(plan, "SEARCH reach_out_days USING PRIMARY KEY (day>? AND day<?)") ||
		strings.Contains(plan, "TEMP B-TREE") {
		t.Fatalf("plan: %s", plan)
	}
}

// Professionals are the active healthcare and treatment contacts with a
// phone, by name.
func TestProfessionals(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	for _, c := range []model.Contact{
		{Name: "Dr. Priya Raman", Circle: model.CircleHealthcare, Phone: "+44 20 7946 0321", Tags: []string{"therapy"}},
		{Name: "Ward 3 nurses", Circle: model.CircleTreatment, Phone: "01632 960 418"},
		{Name: "Álvaro (old GP)", Circle: model.CircleHealthcare, Phone: "01632 960 100", Archived: true},
		{Name: "Counsellor by email", Circle: model.CircleHealthcare, Email: "c@example.org"},
		{Name: "Denise", Circle: model.CircleSponsor, Phone: "(312) 555-0147"},
	} {
		if _, err := s.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Professionals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(names, []string{"Dr. Priya Raman", "Ward 3 nurses"}) || !reflect.DeepEqual(got[0].Tags, []string{"therapy"}) {
		t.Fatalf("professionals %v (%+v)", names, got)
	}
}

// The crisis card's professionals come from the active range of the
// contact list's index, in its order: no sort.
func TestProfessionalsUseTheListIndex(t *testing.T) {
	s := openStore(t)
	plan := queryPlan(t, s, professionalsSQL)
	if !strings.Contains(plan, "SEARCH contacts USING INDEX contacts_list (archived=?)") || strings.Contains(plan, "TEMP B-TREE") {
		t.Fatalf("plan: %s", plan)
	}
}
