package sample

import "github.com/tether-recovery/tether/model"

// The sample person's settings and safety plan. They live in the UK (the
// therapist, the work friend and the choir are there; the sponsor's and the
// sister's numbers are the only ones abroad, and they are contacts
// already), so the region is GB, and their own number is the one a person
// there calls for urgent help that is not an emergency.

// settingsFor are the sample's choices as of its recovery start date.
func settingsFor(size Size, recoveryStart model.Date) model.Settings {
	st := model.Settings{
		RecoveryStart:    recoveryStart,
		Region:           "GB",
		OwnNumbers:       []model.OwnNumber{{Label: "My GP out of hours", Number: "111"}},
		DefaultCadence:   14,
		CheckupReminders: true,
		HardDayCard:      true,
		QuietNotice:      true,
	}
	if size == Large {
		st.OwnNumbers = append(st.OwnNumbers,
			model.OwnNumber{Label: "Harbour House alumni line", Number: "01632 960418"})
	}
	return st
}

// planFor is the sample's safety plan, written with the people of the
// demo network in it. The large journal's person has had a decade to add
// to theirs.
func planFor(size Size) model.SafetyPlan {
	p := model.SafetyPlan{
		WarningSigns: []string{
			"Skipping meals and telling myself I'm just busy",
			"Friday evening, payday, walking home past the Crown",
			"Letting Denise's call go to voicemail",
			"\"One won't hurt\" or \"I've earned it\"",
			"Kev's texts start to sound like a good idea",
		},
		OnMyOwn: []string{
			"Play the urge through to the end: where am I at 2 a.m.?",
			"Walk the canal to the lock and back, phone in my pocket",
			"Hot shower, then tea and toast (HALT: am I just hungry or tired?)",
			"Write it in the craving log for Dr. Raman",
		},
		Distractions: []string{
			"José: football on Saturday, coffee after",
			"Night owls 🌙 online, from 11pm",
			"The library on Dover Street",
			"Food bank on Saturday morning",
		},
		AskForHelp: []string{
			"Denise: any hour, she means it",
			"Zoë: text first, night shifts Thu–Sat",
			"Shiv, after the kids are down",
			"Olga: say it's a bad day instead of making her guess",
		},
		Professionals: []string{
			"Dr. Priya Raman: alternate Tuesdays; office line Mon–Thu 9–5",
			"Community drug and alcohol team: self-referral, weekdays",
		},
		SaferPlace: []string{
			"No alcohol in the flat; Olga and I agreed, no exceptions",
			"Olga keeps my bank card on Friday nights",
			"Kev muted, and out of my favourites",
			"Take the bus past the Crown rather than walk",
		},
	}
	if size == Large {
		p.OnMyOwn = append(p.OnMyOwn, "Read Frank's letter in the kitchen drawer")
		p.Professionals = append(p.Professionals, "Harbour House alumni line, evenings")
		p.WarningSigns = append(p.WarningSigns, "Christmas week at Mum's, when Dad opens the whiskey")
	}
	return p
}
