package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// fullPlan has lines in every part, in several scripts.
func fullPlan() model.SafetyPlan {
	return model.SafetyPlan{
		WarningSigns:  []string{"Skipping meals and calling it busy", "Romanticising the pub on Friday", "Not answering Denise"},
		OnMyOwn:       []string{"Walk the canal to the lock and back", "Cold shower, then tea", "Write it down in the craving log"},
		Distractions:  []string{"José — football on Saturday", "The library on Dover St", "王芳's voice notes 🎶"},
		AskForHelp:    []string{"Shiv (after the kids are down)", "Tuesday SMART — tea after"},
		Professionals: []string{"Dr. Priya Raman — alternate Tuesdays", "GP out of hours: 111"},
		SaferPlace:    []string{"Nothing in the house; Olga keeps the car keys on Fridays", "Delete Kev's number from favourites"},
	}
}

// samePlan compares the parts' lines, a part with none being nil or empty
// alike.
func samePlan(a, b model.SafetyPlan) bool {
	eq := func(x, y []string) bool { return len(x) == 0 && len(y) == 0 || slices.Equal(x, y) }
	return eq(a.WarningSigns, b.WarningSigns) && eq(a.OnMyOwn, b.OnMyOwn) && eq(a.Distractions, b.Distractions) &&
		eq(a.AskForHelp, b.AskForHelp) && eq(a.Professionals, b.Professionals) && eq(a.SaferPlace, b.SaferPlace)
}

func TestSafetyPlanEmptyWhenNone(t *testing.T) {
	s := openStore(t)
	p, err := s.SafetyPlan(context.Background())
	if err != nil || !samePlan(p, model.SafetyPlan{}) {
		t.Fatalf("a new journal's plan: %+v, %v", p, err)
	}
}

func TestSafetyPlanRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := s.SaveSafetyPlan(ctx, fullPlan()); err != nil {
		t.Fatal(err)
	}
	got, err := s.SafetyPlan(ctx)
	if err != nil || !samePlan(got, fullPlan()) {
		t.Fatalf("read back %+v, %v", got, err)
	}
	// Normalized on the way in: trimmed, blank lines dropped.
	untidy := model.SafetyPlan{WarningSigns: []string{"  Not sleeping ", "", "   "}, SaferPlace: []string{"\tKeys with Olga"}, UpdatedAt: got.UpdatedAt}
	if _, err := s.SaveSafetyPlan(ctx, untidy); err != nil {
		t.Fatal(err)
	}
	got, _ = s.SafetyPlan(ctx)
	if !samePlan(got, model.SafetyPlan{WarningSigns: []string{"Not sleeping"}, SaferPlace: []string{"Keys with Olga"}}) {
		t.Fatalf("untidy plan read back as %+v", got)
	}
	// The stored form is the store's own, fixed names; readable in a shell.
	v, _, _ := s.Setting(ctx, safetyPlanKey)
	if want := `{"warning_signs":["Not sleeping"],"safer_place":["Keys with Olga"],"updated_at":"` + stamp(fixedNow) + `"}`; v != want {
		t.Errorf("stored as %s", v)
	}
	// An empty plan removes the stored one.
	got, _ = s.SafetyPlan(ctx)
	if _, err := s.SaveSafetyPlan(ctx, model.SafetyPlan{OnMyOwn: []string{" "}, UpdatedAt: got.UpdatedAt}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Setting(ctx, safetyPlanKey); ok {
		t.Error("an empty plan left a stored one")
	}
	if got, err := s.SafetyPlan(ctx); err != nil || !samePlan(got, model.SafetyPlan{}) {
		t.Errorf("after emptying: %+v, %v", got, err)
	}
}

func TestSaveSafetyPlanRefuses(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := s.SaveSafetyPlan(ctx, fullPlan()); err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func(*model.SafetyPlan){
		"a line far too long": func(p *model.SafetyPlan) { p.OnMyOwn = append(p.OnMyOwn, strings.Repeat("walk ", 100)) },
		"too many lines": func(p *model.SafetyPlan) {
			for i := range model.MaxPlanLines + 1 {
				p.Distractions = append(p.Distractions, fmt.Sprintf("Place %d", i+1))
			}
		},
	} {
		p := fullPlan()
		p.AskForHelp = []string{"Would be saved"}
		spoil(&p)
		_, err := s.SaveSafetyPlan(ctx, p)
		var problems model.Problems
		if !errors.As(err, &problems) || len(problems) == 0 {
			t.Errorf("%s: SaveSafetyPlan = %v; want model.Problems", name, err)
		}
		if got, _ := s.SafetyPlan(ctx); !samePlan(got, fullPlan()) {
			t.Errorf("%s: a refused plan changed the stored one to %+v", name, got)
		}
	}
}

// What a terminal would act on never reaches the card: control characters
// and escape sequences go on the way in, and a pasted paragraph becomes
// lines.
func TestSaveSafetyPlanCleansLines(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	in := model.SafetyPlan{
		WarningSigns: []string{"ring\x07ring", "\x1b[2Jcleared", "first\nsecond"},
	}
	if _, err := s.SaveSafetyPlan(ctx, in); err != nil {
		t.Fatal(err)
	}
	got, _ := s.SafetyPlan(ctx)
	for _, l := range got.WarningSigns {
		if strings.ContainsAny(l, "\x07\x1b\n") {
			t.Errorf("stored line %q", l)
		}
	}
	if len(got.WarningSigns) != 4 {
		t.Errorf("lines %q; want the paste split in two", got.WarningSigns)
	}
}

// A stored plan from a later Tether, with a part this one does not know,
// still reads (the crisis card must show what it can); one that is not a
// plan at all is an error that keeps its contents out.
func TestSafetyPlanStoredForms(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if err := s.SetSetting(ctx, safetyPlanKey, `{"warning_signs":["Not sleeping"],"reasons_to_live":["Mum"]}`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.SafetyPlan(ctx); err != nil || !samePlan(got, model.SafetyPlan{WarningSigns: []string{"Not sleeping"}}) {
		t.Errorf("a plan with an unknown part: %+v, %v", got, err)
	}
	if err := s.SetSetting(ctx, safetyPlanKey, `secret words`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SafetyPlan(ctx); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("an unreadable plan: %v", err)
	}
}
