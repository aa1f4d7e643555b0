package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

func TestPlansAreSavedMovedDoneAndDropped(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c, err := s.SaveContact(ctx, model.Contact{Name: "Dave", CadenceDays: 7})
	if err != nil {
		t.Fatal(err)
	}
	tomorrow := testToday.AddDays(1)
	p, err := s.SavePlan(ctx, model.Plan{ContactID: c.ID, Day: tomorrow, Time: "18:00", Note: "about Sunday"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.ContactName != "Dave" || p.Channel != model.ChannelCall || p.Day != tomorrow {
		t.Fatalf("saved %+v", p)
	}
	// Refused: a day gone, nobody.
	var problems model.Problems
	if _, err := s.SavePlan(ctx, model.Plan{ContactID: c.ID, Day: testToday.AddDays(-1)}); !errors.As(err, &problems) {
		t.Errorf("a plan for yesterday: %v", err)
	}
	if _, err := s.SavePlan(ctx, model.Plan{ContactID: 99, Day: tomorrow}); !errors.As(err, &problems) || problems[model.FieldPlanContact] == "" {
		t.Errorf("a plan for nobody: %v", err)
	}
	// Moved to today.
	p.Day = testToday
	if p, err = s.SavePlan(ctx, p); err != nil || p.Day != testToday {
		t.Fatalf("moved: %+v, %v", p, err)
	}
	list, err := s.PlansBetween(ctx, testToday, testToday)
	if err != nil || len(list) != 1 || list[0].ID != p.ID {
		t.Fatalf("today's plans: %+v, %v", list, err)
	}
	// Done: a reach-out with its note, the plan gone, in one step.
	r, err := s.PlanDone(ctx, p.ID, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if r.ContactID != c.ID || r.Note != "about Sunday" || r.Channel != model.ChannelCall || r.Direction != model.DirectionMine {
		t.Errorf("logged %+v", r)
	}
	if list, _ := s.PlansBetween(ctx, model.Date{}, model.Date{}); len(list) != 0 {
		t.Errorf("a done plan is still planned: %+v", list)
	}
	if _, err := s.PlanDone(ctx, p.ID, fixedNow); !errors.Is(err, ErrNotFound) {
		t.Errorf("doing a plan twice: %v", err)
	}
	// Dropped.
	q, err := s.SavePlan(ctx, model.Plan{ContactID: c.ID, Day: tomorrow})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DropPlan(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.PlansBetween(ctx, model.Date{}, model.Date{}); len(list) != 0 {
		t.Errorf("a dropped plan is still planned: %+v", list)
	}
	// An archived person's plans wait.
	if _, err := s.SavePlan(ctx, model.Plan{ContactID: c.ID, Day: tomorrow}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.PlansBetween(ctx, model.Date{}, model.Date{}); len(list) != 0 {
		t.Errorf("an archived person's plan is listed: %+v", list)
	}
}

func TestSnoozeAndRest(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	c, err := s.SaveContact(ctx, model.Contact{Name: "Dave", CadenceDays: 7})
	if err != nil {
		t.Fatal(err)
	}
	due := func(day model.Date) bool {
		r, err := s.Roster(ctx, day, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(r.Due) == 1 && r.DueCount == 1
	}
	if !due(testToday) {
		t.Fatal("someone never reached, with a rhythm, is not due")
	}
	if err := s.Snooze(ctx, c.ID, testToday.AddDays(3)); err != nil {
		t.Fatal(err)
	}
	if due(testToday) || due(testToday.AddDays(2)) || !due(testToday.AddDays(3)) {
		t.Error("a snooze of 3 days: not gone for 3 days, or not back on the third")
	}
	if err := s.Snooze(ctx, c.ID, model.Date{}); err != nil || !due(testToday) {
		t.Errorf("unsnoozed: %v", err)
	}
	// Rest: never due, the rhythm kept; resume gives it back.
	if err := s.SetResting(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Contact(ctx, c.ID)
	if got.CadenceDays != 0 || got.RestCadence != 7 || due(testToday.AddDays(100)) {
		t.Errorf("resting: %+v", got)
	}
	if err := s.SetResting(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Contact(ctx, c.ID); got.CadenceDays != 7 || got.RestCadence != 0 || !due(testToday) {
		t.Errorf("resumed: %+v", got)
	}
	if err := s.SetResting(ctx, 99, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("resting nobody: %v", err)
	}
	// A snooze or a rest is a change a form open elsewhere must not undo.
	before := got
	s.Now = func() time.Time { return fixedNow.Add(time.Minute) }
	if err := s.Snooze(ctx, c.ID, testToday.AddDays(2)); err != nil {
		t.Fatal(err)
	}
	var changed *model.ChangedError
	if _, err := s.SaveContact(ctx, before); !errors.As(err, &changed) {
		t.Errorf("saving over a snooze: %v", err)
	}
}

// TestWeekGlanceAgreesWithTheModel: the week's count of people and of days
// with supportive contact, in SQL, is the model's (SupportiveDays).
func TestWeekGlanceAgreesWithTheModel(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	var people []model.Contact
	for _, c := range []model.Contact{
		{Name: "Sponsor", Circle: model.CircleSponsor},
		{Name: "Friend", Circle: model.CircleFriend},
		{Name: "Kind friend", Circle: model.CircleFriend, Stance: model.StanceSupports},
		{Name: "Peer who uses", Circle: model.CirclePeer, Stance: model.StanceSupportsUsing},
	} {
		saved, err := s.SaveContact(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, saved)
	}
	monday := model.WeekOf(testToday).Prev().Monday()
	log := []struct {
		who, day int
	}{{0, 0}, {1, 1}, {3, 2}, {2, 3}, {1, 3}, {0, 0}}
	var all []model.ReachOut
	for _, l := range log {
		d := monday.AddDays(l.day)
		r, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: people[l.who].ID, At: d.Time().Add(12 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, r)
	}
	byID := map[int64]model.Contact{}
	for _, c := range people {
		byID[c.ID] = c
	}
	n, days, err := s.WeekGlance(ctx, monday, monday.AddDays(6))
	want := model.SupportiveDays(all, byID, monday, monday.AddDays(6))
	if err != nil || n != 4 || days != want || days != 2 {
		t.Errorf("WeekGlance = %d people, %d supportive days, %v; want 4 and %d (the model's)", n, days, err, want)
	}
}
