package store

import (
	"context"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Each removal leaves a marker naming the record as every copy of the
// journal names it, at the store's time; putting the record back (undo)
// takes the marker away.
func TestRemovalsAreMarkedAndUndone(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	id := addContact(t, s, "Maria Santos")
	r := logAt(t, s, id, fixedNow.Add(-time.Hour))
	if !validUID(r.UID) {
		t.Fatalf("a logged reach-out has uid %q", r.UID)
	}
	day := model.DateOf(fixedNow)
	if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: day, Mood: 3}); err != nil {
		t.Fatal(err)
	}
	p, err := s.SavePlan(ctx, model.Plan{ContactID: id, Day: day.AddDays(1), Channel: model.ChannelCall})
	if err != nil {
		t.Fatal(err)
	}
	done, err := s.SavePlan(ctx, model.Plan{ContactID: id, Day: day, Channel: model.ChannelText})
	if err != nil {
		t.Fatal(err)
	}
	if !validUID(p.UID) || p.UID == done.UID || p.UpdatedAt.IsZero() {
		t.Fatalf("plans: %+v, %+v", p, done)
	}

	if err := s.DeleteReachOut(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCheckIn(ctx, day); err != nil {
		t.Fatal(err)
	}
	if err := s.DropPlan(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PlanDone(ctx, done.ID, fixedNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.Removals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.Removal]bool{
		{Kind: removedReachOut, Ref: r.UID, At: fixedNow}:       true,
		{Kind: removedCheckIn, Ref: day.String(), At: fixedNow}: true,
		{Kind: removedPlan, Ref: p.UID, At: fixedNow}:           true,
		{Kind: removedPlan, Ref: done.UID, At: fixedNow}:        true,
	}
	if len(got) != len(want) {
		t.Fatalf("removals: %+v", got)
	}
	for _, g := range got {
		g.At = g.At.UTC()
		if !want[g] {
			t.Errorf("unexpected removal %+v", g)
		}
	}

	// Undone: the same records back, the markers gone.
	if err := s.AddReachOuts(ctx, []model.ReachOut{r}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCheckIns(ctx, []model.CheckIn{{Day: day, Mood: 3}}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddPlans(ctx, []model.Plan{p}); err != nil {
		t.Fatal(err)
	}
	got, err = s.Removals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Ref != done.UID {
		t.Fatalf("after undo, removals: %+v (only the plan done should stay)", got)
	}
	back, err := historyOf(s, ctx, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range back {
		found = found || b.UID == r.UID
	}
	if !found {
		t.Fatalf("the reach-out came back under another uid: %+v", back)
	}
}
