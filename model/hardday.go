package model

import (
	"fmt"
	"strings"
	"time"
)

// The thresholds of a hard day (see HardDayReasons).
const (
	// HardCraving is the craving, of 10, from which a day counts as hard.
	HardCraving = 7
	// VeryLowMood is the mood, of 5, that counts as very low.
	VeryLowMood = 1
	// HardDayPeople is how many people the hard-day card suggests.
	HardDayPeople = 3
)

// HardDayReasons says, in the person's own terms and without judgement,
// what in a check-in makes it a hard day: a craving of HardCraving or more
// out of 10, a very low mood (VeryLowMood), the day called hard or
// impossible, a risky situation, or a recorded use. None for an ordinary
// day.
func HardDayReasons(c CheckIn) []string {
	var out []string
	if c.Craving != nil && *c.Craving >= HardCraving {
		out = append(out, fmt.Sprintf("a craving of %d out of 10", *c.Craving))
	}
	if c.Mood == VeryLowMood {
		out = append(out, "a very low mood")
	}
	switch c.Difficulty {
	case DifficultyHard:
		out = append(out, "a hard day")
	case DifficultyImpossible:
		out = append(out, "a day that felt impossible")
	}
	if c.Risky != nil && *c.Risky {
		out = append(out, "a risky situation")
	}
	if c.Used != nil && *c.Used {
		out = append(out, "a use")
	}
	return out
}

// HardDayCard is what Tether offers after a hard check-in: a few people to
// reach now and the next step of the safety plan.
type HardDayCard struct {
	Reasons []string
	People  []Contact
	// StepTitle and StepLine are the plan's next step after its warning
	// signs: the first of its parts with something written, and its first
	// line; both empty when the plan has none.
	StepTitle, StepLine string
}

// BuildHardDayCard chooses the people to suggest from people (anyone the
// crisis card may show): first those who said call any time, then those
// good for a distraction, each in the crisis card's order (a number to
// call first, then who may be awake at now, then importance and name), at
// most HardDayPeople. Someone marked as supporting using is never
// suggested, nor an archived contact, nor anyone with no way to reach them
// written down.
func BuildHardDayCard(c CheckIn, plan SafetyPlan, people []Contact, now time.Time) HardDayCard {
	card := HardDayCard{Reasons: HardDayReasons(c)}
	reachable := func(p *Contact) bool {
		return p.Stance != StanceSupportsUsing && (strings.TrimSpace(p.Phone) != "" || strings.TrimSpace(p.Email) != "" || p.Preferred != ChannelNone)
	}
	var anyTime, distraction []*Contact
	for _, p := range uniqueActive(people) {
		switch {
		case !reachable(p):
		case p.AnyTime:
			anyTime = append(anyTime, p)
		case p.Distraction:
			distraction = append(distraction, p)
		}
	}
	for _, p := range append(byWhoMayAnswer(anyTime, now), byWhoMayAnswer(distraction, now)...) {
		if len(card.People) == HardDayPeople {
			break
		}
		card.People = append(card.People, *p)
	}
	plan = plan.Normalize()
	for _, part := range PlanParts {
		if part.Key == PlanWarningSigns {
			continue
		}
		if lines := plan.Lines(part.Key); len(lines) > 0 {
			card.StepTitle, card.StepLine = part.Title, cardLine(lines[0])
			break
		}
	}
	return card
}
