package sample

import (
	"time"

	"github.com/tether-recovery/tether/model"
)

// datesAndPauses gives the cast shared by both sizes what Today's "who
// next" and "this week" show: birthdays (one this week, with the year;
// one without; 29 February), the sponsor's own recovery date with its
// anniversary this week, someone put aside until three days from now, and
// a rhythm let rest. It changes no random draw, so the rest of the sample
// is as it was.
func datesAndPauses(cs []model.Contact, today model.Date) {
	set := func(name string, f func(c *model.Contact)) {
		for i := range cs {
			if cs[i].Name == name {
				f(&cs[i])
				return
			}
		}
	}
	soon := today.AddDays(2)
	set("Denise Okafor", func(c *model.Contact) {
		c.RecoveryDate = model.Date{Year: today.Year - 12, Month: soon.Month, Day: soon.Day}
	})
	set("Siobhán Byrne", func(c *model.Contact) {
		c.Birthday = model.Birthday{Year: today.Year - 34, Month: soon.Month, Day: soon.Day}
	})
	set("José Álvarez", func(c *model.Contact) { c.Birthday = model.Birthday{Month: time.February, Day: 29} })
	set("Maureen Byrne", func(c *model.Contact) { c.Birthday = model.Birthday{Year: 1958, Month: time.June, Day: 14} })
	set("Liam Kavanagh", func(c *model.Contact) {
		if c.CadenceDays > 0 {
			c.SnoozedUntil = today.AddDays(3)
		}
	})
	set("Aisha Rahman", func(c *model.Contact) {
		if c.CadenceDays > 0 {
			c.RestCadence, c.CadenceDays = c.CadenceDays, 0
		}
	})
}

// plansFor are reach-outs planned in the sample: a call with the sponsor
// this evening and a coffee with a friend tomorrow, for the person trying
// the demo to log or move.
func plansFor(today model.Date) []plannedPlan {
	return []plannedPlan{
		{name: "Denise Okafor", plan: model.Plan{Day: today, Time: "18:00", Channel: model.ChannelCall, Note: "Step work, and Sunday's meeting"}},
		{name: "Ngozi Eze", plan: model.Plan{Day: today.AddDays(1), Channel: model.ChannelInPerson, Note: "Coffee after work"}},
	}
}

// plannedPlan is a sample plan with its person by name, resolved to an id
// once the contacts are stored.
type plannedPlan struct {
	name string
	plan model.Plan
}
