package sample

import (
	"math/rand/v2"
	"time"

	"github.com/tether-recovery/tether/model"
)

// days turns "so many days before today" into dates and instants; every
// date in a sample is relative to today, so the demo always looks current.
type days struct{ today model.Date }

func (d days) ago(n int) model.Date { return d.today.AddDays(-n) }

// at is an evening instant n days ago, when a person would type a contact in.
func (d days) at(n int) time.Time {
	return d.ago(n).Time().Add(20*time.Hour + time.Duration(n%60)*time.Minute)
}

// smallContacts is the demo network of someone about fourteen months into
// recovery: a sponsor, a therapist, a meeting, family (with its
// complications), friends, one old drinking buddy kept at a distance, and
// a few people who have moved on.
func smallContacts(today model.Date) []model.Contact {
	d := days{today}
	cs := []model.Contact{
		{
			Name: "Denise Okafor", Circle: model.CircleSponsor, Group: "Thursday night Big Book group",
			Phone: "(312) 555-0147", Preferred: model.ChannelCall,
			Availability: "Up at 5. Says any hour is fine, and means it.",
			AnyTime:      true, AnyTimeSince: d.ago(390), Importance: 5, Supportive: 5,
			Stance: model.StanceSupports, KnownSince: d.ago(400), CadenceDays: 1,
			Notes: "Sponsor since my second month. Daily call, even the two-minute ones.\n" +
				"Ask about her tomatoes. She won't let me skip step work, which is the point.",
			Tags: []string{"sponsor", "AA", "daily"}, CreatedAt: d.at(400),
		},
		{
			Name: "Dr. Priya Raman", Circle: model.CircleHealthcare, Group: "Riverside Psychology",
			Phone: "+44 20 7946 0321", Email: "reception@riverside-psych.example.org", Preferred: model.ChannelCall,
			Availability: "Alternate Tuesdays 4pm; office line Mon–Thu 9–5",
			Importance:   5, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(380), CadenceDays: 14,
			Notes: "Therapist (CBT). Bring the craving log. If I want to cancel, that's exactly when to go.",
			Tags:  []string{"therapy"}, CreatedAt: d.at(380),
		},
		{
			Name: "Tuesday SMART meeting", Circle: model.CircleFellowship, Group: "St Aidan's church hall, 7pm",
			Preferred: model.ChannelInPerson, Availability: "Tuesdays 7–8:30pm, tea after",
			Importance: 4, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(410), CadenceDays: 7,
			Notes: "Side door, down the stairs. Facilitator is Rob. Worksheets on the back table.",
			Tags:  []string{"meeting", "SMART"}, CreatedAt: d.at(405),
		},
		{
			Name: "Zoë Fontaine", Nickname: "Zo", Circle: model.CirclePeer, Group: "Tuesday SMART meeting",
			Phone: "+33 6 39 98 41 07", Email: "zoe.fontaine@example.org", Preferred: model.ChannelText,
			Availability: "Night shifts Thu–Sat; text first",
			AnyTime:      true, AnyTimeSince: d.ago(200), Distraction: true, Importance: 5, Supportive: 5,
			Stance: model.StanceSupports, KnownSince: d.ago(350), CadenceDays: 3,
			Notes: "Same clean date give or take a week. We said we'd call each other before, not after.",
			Tags:  []string{"SMART", "night owl"}, CreatedAt: d.at(350),
		},
		{
			Name: "José Álvarez", Circle: model.CircleFriend,
			Phone: "07700 900214", Preferred: model.ChannelText, Availability: "Weekends",
			Distraction: true, Importance: 4, Supportive: 4, Stance: model.StanceSupports,
			KnownSince: d.ago(3650), CadenceDays: 7,
			Notes: "Saturday football, then coffee not the pub. Knows everything, never makes it weird.",
			Tags:  []string{"football"}, CreatedAt: d.at(398),
		},
		{
			Name: "Aisha Rahman", Circle: model.CircleWork, Group: "Design team",
			Email: "aisha.rahman@example.com", Preferred: model.ChannelMessage, Availability: "Weekdays, UK time",
			Importance: 3, Supportive: 4, Stance: model.StanceSupports, KnownSince: d.ago(900), CadenceDays: 14,
			Notes: "The one at work who knows. Lunch walks when the Friday drinks invite goes round.",
			Tags:  []string{"work"}, CreatedAt: d.at(300),
		},
		{
			Name: "王芳", Nickname: "Fang", Circle: model.CircleHobby, Group: "Community choir",
			Phone: "+61 491 570 156", Email: "fang.wang@example.net", Preferred: model.ChannelMessage,
			Availability: "Sydney time, UTC+10/11",
			Distraction:  true, Importance: 3, Supportive: 4, Stance: model.StanceNeutral,
			KnownSince: d.ago(1500), CadenceDays: 30,
			Notes: "Sang next to her for three years before she moved home. Voice notes, never calls.",
			Tags:  []string{"choir"}, CreatedAt: d.at(290),
		},
		{
			Name: "Ольга Смирнова", Nickname: "Оля", Circle: model.CirclePartner,
			Phone: "07700 900588", Preferred: model.ChannelInPerson,
			AnyTime: true, AnyTimeSince: d.ago(380), Distraction: true, Importance: 5, Supportive: 5,
			Stance: model.StanceSupports, KnownSince: d.ago(2100),
			Notes: "Partner. Boundaries we agreed: she is not my sponsor, and I tell her when it's a bad day\n" +
				"instead of making her guess.",
			Tags: []string{"home"}, CreatedAt: d.at(399),
		},
		{
			Name: "Siobhán Byrne", Nickname: "Shiv", Circle: model.CircleFamily,
			Phone: "+353 20 914 2761", Email: "siobhan.byrne@example.org", Preferred: model.ChannelCall,
			Availability: "Evenings after the kids are down (Dublin)",
			AnyTime:      true, AnyTimeSince: d.ago(120), Importance: 5, Supportive: 5,
			Stance: model.StanceSupports, KnownSince: d.ago(3650), CadenceDays: 7,
			Notes: "Sister. Came to the family session at treatment. Sunday call.",
			Tags:  []string{"family"}, CreatedAt: d.at(397),
		},
		{
			Name: "Maureen Byrne", Nickname: "Mum", Circle: model.CircleFamily,
			Phone: "+353 20 917 0044", Preferred: model.ChannelCall, Availability: "Mornings; not after 9pm",
			Importance: 4, Supportive: 3, Stance: model.StanceSupports, KnownSince: d.ago(3650), CadenceDays: 7,
			Notes: "Worries out loud. Don't bring up Dad's drinking unless she does.",
			Tags:  []string{"family"}, CreatedAt: d.at(397),
		},
		{
			Name: "Gerry Byrne", Nickname: "Dad", Circle: model.CircleFamily,
			Phone: "+353 20 917 0045", Preferred: model.ChannelInPerson,
			Importance: 3, Supportive: 2, Stance: model.StanceNeutral, KnownSince: d.ago(3650), CadenceDays: 30,
			Notes: "Still drinks. Visit in the daytime, keep it short, go with Shiv. Leave if the bottle comes out.",
			Tags:  []string{"family", "boundaries"}, CreatedAt: d.at(396),
		},
		{
			Name: "Kev Doyle", Circle: model.CircleFriend,
			Phone: "07700 900911", Preferred: model.ChannelText,
			Importance: 2, Supportive: 1, Stance: model.StanceSupportsUsing, KnownSince: d.ago(3200),
			Notes: "Old drinking buddy. Texts on Friday nights. Not now — maybe one day, in daylight, somewhere dry.",
			Tags:  []string{"boundaries", "risky"}, CreatedAt: d.at(395),
		},
		{
			Name: "Tomás Reyes", Circle: model.CircleTreatment, Group: "Ward 3 alumni",
			Phone: "(415) 555-0182", Preferred: model.ChannelText,
			Importance: 3, Supportive: 4, Stance: model.StanceSupports, KnownSince: d.ago(430), CadenceDays: 14,
			Notes: "Roommate in detox. We check on each other around the anniversaries.",
			Tags:  []string{"treatment"}, CreatedAt: d.at(394),
		},
		{
			Name: "Night owls 🌙", Circle: model.CircleOnline, Group: "SMART Recovery online, 11pm chat",
			Preferred: model.ChannelMessage, Availability: "Every night 11pm–1am",
			Distraction: true, Importance: 3, Supportive: 4, Stance: model.StanceSupports,
			KnownSince: d.ago(330), CadenceDays: 0,
			Notes: "For the 1 a.m. wobbles when I don't want to wake anyone.",
			Tags:  []string{"online", "night owl"}, CreatedAt: d.at(330),
		},
		{
			Name: "Pastor Grace Mensah", Circle: model.CircleFaith, Group: "St Aidan's",
			Phone: "+44 20 7946 0752", Email: "grace.mensah@example.org", Preferred: model.ChannelInPerson,
			Availability: "Office hours Wed 10–12",
			Importance:   3, Supportive: 4, Stance: model.StanceSupports, KnownSince: d.ago(410), CadenceDays: 30,
			Notes:     "Lets the meeting use the hall. Good for the big questions; never preachy.",
			CreatedAt: d.at(300),
		},
		{
			Name: "Food bank Saturday crew", Circle: model.CircleVolunteer, Group: "Eastside Food Bank",
			Preferred: model.ChannelInPerson, Availability: "Saturdays 9–12",
			Distraction: true, Importance: 3, Supportive: 4, Stance: model.StanceSupports,
			KnownSince: d.ago(240), CadenceDays: 7,
			Notes: "Three hours of lifting boxes and nobody asks how I am, which is sometimes exactly right.",
			Tags:  []string{"volunteering"}, CreatedAt: d.at(240),
		},
		{
			Name: "Liam Kavanagh", Circle: model.CircleSponsee, Group: "Thursday night Big Book group",
			Phone: "07700 900377", Preferred: model.ChannelCall, Availability: "After 6pm",
			Importance: 4, Supportive: 4, Stance: model.StanceSupports, KnownSince: d.ago(90), CadenceDays: 2,
			Notes: "Denise suggested I take him on. Eleven weeks. Listen more than I talk.",
			Tags:  []string{"AA"}, CreatedAt: d.at(85),
		},
		{
			Name: "Sam 🧗", Circle: model.CircleHobby, Group: "Climbing wall Wednesdays",
			Phone: "+61 491 570 158", Preferred: model.ChannelText,
			Distraction: true, Importance: 3, Supportive: 4, Stance: model.StanceSupports,
			KnownSince: d.ago(180), CadenceDays: 7,
			Notes: "Belay partner. Doesn't drink either, never asked why.",
			Tags:  []string{"climbing"}, CreatedAt: d.at(175),
		},
		{
			Name: "Dr. Hannah Lee", Circle: model.CircleHealthcare, Group: "Park Lane Surgery",
			Phone: "+44 20 7946 0990", Preferred: model.ChannelCall, Availability: "Book online; 8am line for same day",
			Importance: 3, Supportive: 4, Stance: model.StanceSupports, KnownSince: d.ago(1800), CadenceDays: 90,
			Notes: "GP. Liver bloods every three months; sleep meds review.",
			Tags:  []string{"health"}, CreatedAt: d.at(392),
		},
		{
			Name: "Ngozi Eze", Circle: model.CircleFriend,
			Phone: "+1 646-555-0123", Email: "ngozi.eze@example.com", Preferred: model.ChannelVideo,
			Availability: "New York time — her evening is my midnight",
			Importance:   4, Supportive: 5, Stance: model.StanceSupports, KnownSince: d.ago(4000), CadenceDays: 21,
			Notes: "University friend. Video call every few weeks; she sends books.",
			Tags:  []string{"far away"}, CreatedAt: d.at(391),
		},

		// People who have moved on: archived, never deleted.
		{
			Name: "Chris Walsh", Circle: model.CirclePartner, Phone: "07700 900640",
			Importance: 1, Supportive: 1, Stance: model.StanceSupportsUsing, KnownSince: d.ago(2900),
			Notes: "Ex. We drank together for six years. No contact; archived so the history stays honest.",
			Tags:  []string{"boundaries"}, Archived: true, CreatedAt: d.at(400), UpdatedAt: d.at(370),
		},
		{
			Name: "Danny (old flatmate)", Circle: model.CircleFriend, Phone: "(212) 555-0164",
			Importance: 1, Supportive: 2, Stance: model.StanceSupportsUsing, KnownSince: d.ago(2500),
			Notes:    "Moved to Leeds. The flat was where the drinking happened.",
			Archived: true, CreatedAt: d.at(399), UpdatedAt: d.at(310),
		},
		{
			Name: "Ruth Ó Súilleabháin", Circle: model.CircleTreatment, Group: "Harbour House intake",
			Phone: "+44 20 7946 0412", Importance: 4, Supportive: 5, Stance: model.StanceSupports,
			KnownSince: d.ago(440),
			Notes:      "Intake counsellor. Retired in the spring; sent her a card.",
			Archived:   true, CreatedAt: d.at(398), UpdatedAt: d.at(150),
		},
		{
			Name: "Monday lunchtime AA", Circle: model.CircleFellowship, Group: "Library meeting room",
			Preferred: model.ChannelInPerson, Importance: 3, Supportive: 4, Stance: model.StanceSupports,
			KnownSince: d.ago(400), CadenceDays: 7,
			Notes:    "Closed when the library changed its hours.",
			Tags:     []string{"meeting", "AA"},
			Archived: true, CreatedAt: d.at(400), UpdatedAt: d.at(60),
		},
	}
	for i := range cs {
		if cs[i].UpdatedAt.IsZero() {
			cs[i].UpdatedAt = cs[i].CreatedAt
		}
	}
	return cs
}

// circleWeight says how a decade of a network is spread over the circles:
// friends, family and meetings make up most of it.
var circleWeights = []struct {
	circle model.Circle
	weight int
}{
	{model.CircleFellowship, 14}, {model.CircleSponsor, 2}, {model.CircleSponsee, 3}, {model.CirclePeer, 12},
	{model.CircleTreatment, 6}, {model.CircleHealthcare, 6}, {model.CirclePartner, 1}, {model.CircleFamily, 10},
	{model.CircleFriend, 18}, {model.CircleFaith, 4}, {model.CircleVolunteer, 4}, {model.CircleWork, 8},
	{model.CircleHobby, 6}, {model.CircleOnline, 4}, {model.CircleOther, 2},
}

func pickCircle(r *rand.Rand) model.Circle {
	total := 0
	for _, w := range circleWeights {
		total += w.weight
	}
	x := r.IntN(total)
	for _, w := range circleWeights {
		if x < w.weight {
			return w.circle
		}
		x -= w.weight
	}
	return model.CircleOther
}

// cadences are the rhythms people choose, by circle; 0 (no rhythm) is common.
var cadences = map[model.Circle][]int{
	model.CircleFellowship: {7, 7, 7, 14, 0},
	model.CircleSponsor:    {1, 1, 2, 3},
	model.CircleSponsee:    {1, 2, 3, 7},
	model.CirclePeer:       {3, 7, 7, 14, 30, 0},
	model.CircleTreatment:  {14, 30, 60, 0},
	model.CircleHealthcare: {14, 28, 90, 180},
	model.CirclePartner:    {0, 1},
	model.CircleFamily:     {7, 7, 14, 30, 90, 0},
	model.CircleFriend:     {7, 14, 21, 30, 60, 90, 0, 0},
	model.CircleFaith:      {7, 30, 0},
	model.CircleVolunteer:  {7, 14, 0},
	model.CircleWork:       {14, 30, 0, 0},
	model.CircleHobby:      {7, 14, 0},
	model.CircleOnline:     {0, 0, 1, 7},
	model.CircleOther:      {0, 30, 365},
}

var noteLines = []string{
	"Met at the Christmas meeting; brought mince pies.",
	"Good listener. Doesn't try to fix things.",
	"Texts back fast, calls back slow.",
	"Ask how the new job is going.",
	"Knows the early days; went through them the same year.",
	"Only in daylight, somewhere without a bar.",
	"Has a dog called Biscuit. Walks on Sundays.",
	"Not about money. Said no once, kindly, and it was fine.",
	"Birthday in the spring — send a card.",
	"Said I could call when it's bad. Haven't yet. Should.",
	"Drifted after the move; worth a message.",
	"Talks too much about the old days — keep it to coffee.",
	"Helped me move house. Owes me nothing, I owe them a lot.",
	"Runs the tea rota. Knows everyone.",
	"Quiet, but always there at the back of the room.",
	"",
	"",
	"",
}

var tagPool = []string{"AA", "NA", "SMART", "night owl", "coffee", "walks", "far away", "old friend",
	"music", "football", "books", "early days", "gym", "parent", "Spanish speaker", "dog person"}

// largeContacts generates count contacts met over the ten years before
// today: about two in five archived (people move, meetings close), about a
// dozen more who agreed to any-time calls, every circle represented.
func largeContacts(r *rand.Rand, today model.Date, count int) []model.Contact {
	d := days{today}
	cs := make([]model.Contact, 0, count)
	anyTimeLeft := 11
	for i := range count {
		circle := pickCircle(r)
		if i < len(model.Circles) {
			circle = model.Circles[i] // every circle, whatever the dice say
		}
		known := 30 + r.IntN(3620) // up to ten years ago
		c := model.Contact{
			Circle:      circle,
			KnownSince:  d.ago(known),
			Importance:  1 + r.IntN(5),
			Supportive:  1 + r.IntN(5),
			Stance:      pickStance(r),
			CadenceDays: pick(r, cadences[circle]),
			Preferred:   model.PreferredChannels[r.IntN(len(model.PreferredChannels))],
			Distraction: r.IntN(6) == 0,
			Notes:       pick(r, noteLines),
		}
		if r.IntN(8) == 0 {
			c.KnownSince = model.Date{} // not everyone remembers when
		}
		if gs := groups[string(circle)]; len(gs) > 0 && r.IntN(3) == 0 {
			c.Name = gs[r.IntN(len(gs))]
			c.Preferred = model.ChannelInPerson
		} else {
			c.Name, c.Email = personName(r)
			if r.IntN(5) > 0 {
				c.Phone = phone(r)
			}
			if gs := groups[string(circle)]; len(gs) > 0 && r.IntN(2) == 0 {
				c.Group = gs[r.IntN(len(gs))]
			}
		}
		for range r.IntN(4) {
			c.Tags = append(c.Tags, pick(r, tagPool))
		}
		if c.Stance == model.StanceSupportsUsing {
			c.Supportive, c.CadenceDays = 1, 0
			c.Tags = append(c.Tags, "risky")
		}

		// Older acquaintances are likelier to have moved on.
		c.Archived = r.IntN(3650) < known*3/4 || c.Stance == model.StanceSupportsUsing && r.IntN(2) == 0
		if !c.Archived && anyTimeLeft > 0 && c.Stance == model.StanceSupports && c.Importance >= 4 && r.IntN(3) == 0 {
			c.AnyTime, c.AnyTimeSince = true, d.ago(r.IntN(min(known, 900)+1))
			anyTimeLeft--
		}

		// Entered into Tether some time after meeting them (Tether's own
		// history is ten years too), edited now and then since.
		entered := r.IntN(min(known, 3650) + 1)
		c.CreatedAt = d.at(entered)
		c.UpdatedAt = d.at(r.IntN(entered + 1))
		cs = append(cs, c)
	}
	return cs
}

func pickStance(r *rand.Rand) model.Stance {
	switch x := r.IntN(100); {
	case x < 70:
		return model.StanceSupports
	case x < 85:
		return model.StanceNeutral
	case x < 95:
		return model.StanceUnknown
	default:
		return model.StanceSupportsUsing
	}
}

func pick[T any](r *rand.Rand, from []T) T { return from[r.IntN(len(from))] }
