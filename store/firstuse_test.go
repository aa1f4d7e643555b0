package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

func TestFirstUse(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	first := func() model.Date {
		t.Helper()
		d, err := s.FirstUse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := first(); !d.IsZero() {
		t.Fatalf("a new journal was first used on %s", d)
	}
	id := addContact(t, s, "Maria Santos")
	if d, today := first(), model.DateOf(s.now().UTC()); d != today {
		t.Fatalf("first contact added today: first use %s", d)
	}
	logAt(t, s, id, time.Date(2020, 5, 2, 21, 0, 0, 0, time.UTC))
	if d := first(); d != model.DateOf(time.Date(2020, 5, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("a reach-out of 2 May 2020: first use %s", d)
	}
	if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: model.DateOf(time.Date(2019, 1, 3, 0, 0, 0, 0, time.UTC)), Mood: 3}); err != nil {
		t.Fatal(err)
	}
	if d := first(); d.String() != "2019-01-03" {
		t.Fatalf("a check-in of 3 January 2019: first use %s", d)
	}
}

// The first day is read from the indexes' first entries, never by a scan
// of a decade of reach-outs.
func TestFirstUseReadsNoTable(t *testing.T) {
	plan := queryPlan(t, openStore(t), firstUseSQL)
	for _, table := range []string{"check_ins", "reach_outs"} {
		if strings.Contains(plan, "SCAN "+table+" ") || strings.HasSuffix(plan, "SCAN "+table) || strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("plan scans %s: %s", table, plan)
		}
	}
}
