package model

import (
	"slices"
	"testing"
)

func TestHardDayReasons(t *testing.T) {
	n := func(v int) *int { return &v }
	yes, no := true, false
	for _, tt := range []struct {
		name string
		c    CheckIn
		want []string
	}{
		{"an ordinary day", CheckIn{Mood: 3, Craving: n(2), Difficulty: DifficultyNotBad, Risky: &no, Used: &no}, nil},
		{"nothing answered", CheckIn{}, nil},
		{"craving 6 is not yet", CheckIn{Craving: n(6)}, nil},
		{"craving 7", CheckIn{Craving: n(7)}, []string{"a craving of 7 out of 10"}},
		{"craving 10", CheckIn{Craving: n(10)}, []string{"a craving of 10 out of 10"}},
		{"mood 2 is low, not very low", CheckIn{Mood: 2}, nil},
		{"mood 1", CheckIn{Mood: 1}, []string{"a very low mood"}},
		{"questionable", CheckIn{Difficulty: DifficultyQuestionable}, nil},
		{"hard", CheckIn{Difficulty: DifficultyHard}, []string{"a hard day"}},
		{"impossible", CheckIn{Difficulty: DifficultyImpossible}, []string{"a day that felt impossible"}},
		{"risky", CheckIn{Risky: &yes}, []string{"a risky situation"}},
		{"used", CheckIn{Used: &yes}, []string{"a use"}},
		{"everything", CheckIn{Mood: 1, Craving: n(9), Difficulty: DifficultyImpossible, Risky: &yes, Used: &yes},
			[]string{"a craving of 9 out of 10", "a very low mood", "a day that felt impossible", "a risky situation", "a use"}},
	} {
		if got := HardDayReasons(tt.c); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBuildHardDayCard(t *testing.T) {
	people := []Contact{
		{ID: 1, Name: "Colleague", Phone: "555 0001", Circle: CircleWork},
		{ID: 2, Name: "Sponsee", Phone: "555 0002", Circle: CircleSponsee},
		{ID: 3, Name: "Old pal", Phone: "555 0003", AnyTime: true, Stance: StanceSupportsUsing},
		{ID: 4, Name: "Gym buddy", Phone: "555 0004", Distraction: true},
		{ID: 5, Name: "Denise", Phone: "555 0005", AnyTime: true, Importance: 5, Availability: "any time"},
		{ID: 6, Name: "No way to reach", AnyTime: true},
		{ID: 7, Name: "Moved away", Phone: "555 0007", AnyTime: true, Archived: true},
		{ID: 8, Name: "Sam", Phone: "555 0008", AnyTime: true, Availability: "mornings"},
		{ID: 9, Name: "Walker", Email: "w@example.org", Distraction: true},
	}
	used := true
	card := BuildHardDayCard(CheckIn{Used: &used}, SafetyPlan{WarningSigns: []string{"isolating"}, Distractions: []string{"the gym"}, AskForHelp: []string{"Denise"}}, people, cardNow)
	var names []string
	for _, c := range card.People {
		names = append(names, c.Name)
	}
	// Any-time first (awake now before asleep), then distraction people;
	// never the pal who supports using, the archived, or someone with no
	// way to reach them written down; at most three.
	if want := []string{"Denise", "Sam", "Gym buddy"}; !slices.Equal(names, want) {
		t.Errorf("people = %q, want %q", names, want)
	}
	if card.StepTitle != "People and places that take my mind off it" || card.StepLine != "the gym" {
		t.Errorf("next step = %q: %q", card.StepTitle, card.StepLine)
	}
	if !slices.Equal(card.Reasons, []string{"a use"}) {
		t.Errorf("reasons = %q", card.Reasons)
	}
	if c := BuildHardDayCard(CheckIn{}, SafetyPlan{}, nil, cardNow); len(c.People) != 0 || c.StepLine != "" {
		t.Errorf("an empty journal: %+v", c)
	}
}
