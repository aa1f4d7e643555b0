package sample

import (
	"math"
	"math/rand/v2"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// The weekly reflections: one a week up to last week (this week is the demo
// person's to begin), the ratings following what the week's log and
// check-ins say, the answers in the voice of whoever the person was that
// year.

// LargeReflections is how many weeks the large journal has reflected on:
// the SPEC's decade, 520 weeks ending with last week.
const LargeReflections = 520

// SmallReflections is how many weeks the demo has: the last two months.
const SmallReflections = 8

// olderPrompts are the questions the large journal's person started with,
// in the first weeks after treatment; then they changed to the default set,
// and one prompt had shorter wording for a while. Saved weeks keep the
// prompts they were asked with, which the demo shows.
var olderPrompts = []string{
	"How was this week, honestly?",
	"Who did I reach out to?",
	"What was the hardest moment, and what did I do?",
	"Next week I will…",
}

// The large journal's prompt history: olderPrompts for the first
// olderWeeks, then the defaults with shortPrompt3 in place of the fourth
// until shortPromptWeeks.
const (
	olderWeeks       = 12
	shortPromptWeeks = 150
	shortPrompt3     = "What got in the way of connecting this week?"
)

// weekStats is what a week's log and check-ins say, for its ratings.
type weekStats struct {
	moods, cravings []float64
	people          int
	peopleSeen      map[int]bool
	lapsed          bool
}

func statsByWeek(rs []plannedReachOut, cs []model.CheckIn, lapses []model.Date) map[model.Week]*weekStats {
	m := map[model.Week]*weekStats{}
	get := func(w model.Week) *weekStats {
		if m[w] == nil {
			m[w] = &weekStats{peopleSeen: map[int]bool{}}
		}
		return m[w]
	}
	for _, r := range rs {
		s := get(model.WeekOf(r.Day()))
		if !s.peopleSeen[r.contact] {
			s.peopleSeen[r.contact] = true
			s.people++
		}
	}
	for _, c := range cs {
		s := get(model.WeekOf(c.Day))
		if v, ok := model.MoodOf(c); ok {
			s.moods = append(s.moods, v)
		}
		if v, ok := model.CravingOf(c); ok {
			s.cravings = append(s.cravings, v)
		}
	}
	for _, l := range lapses {
		get(model.WeekOf(l)).lapsed = true
	}
	return m
}

func mean(xs []float64, none float64) float64 {
	if len(xs) == 0 {
		return none
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// reflectionsFor writes n weeks of reflections ending with last week.
// progress runs from start (the first week) to 1 (last week): how far the
// person has come, which lifts the ratings under the week's own noise.
// history says whether the prompt set changed over the years (the large
// journal) or was the defaults throughout (the demo).
func reflectionsFor(r *rand.Rand, today model.Date, n int, start float64, history bool,
	rs []plannedReachOut, cs []model.CheckIn, lapses []model.Date) []model.Reflection {
	stats := statsByWeek(rs, cs, lapses)
	first := model.WeekOf(today)
	for range n {
		first = first.Prev()
	}
	out := make([]model.Reflection, 0, n)
	bags := bags{}
	w := first
	for i := range n {
		progress := start + (1-start)*float64(i)/float64(max(1, n-1))
		s := stats[w]
		if s == nil {
			s = &weekStats{}
		}
		sunday := w.Sunday()
		ago := today.DaysSince(sunday)
		ref := model.Reflection{Week: w}
		rateWeek(r, &ref, s, progress)
		prompts := model.DefaultPrompts
		switch {
		case history && i < olderWeeks:
			prompts = olderPrompts
		case history && i < shortPromptWeeks:
			prompts = append([]string(nil), model.DefaultPrompts...)
			prompts[3] = shortPrompt3
		}
		v := voiceOn(ago)
		pools := answerPools
		if len(prompts) == len(olderPrompts) {
			pools = olderPools
		}
		for p, prompt := range prompts {
			ref.Answers = append(ref.Answers, model.Answer{Prompt: prompt, Text: answerFor(r, bags, v, pools[p], s.lapsed, progress)})
		}
		if !ref.Begun() {
			ref.Answers[0].Text = v.fill(bags.draw(r, answerPools[0].later))
		}
		// Written on Sunday evening, now and then on the Monday morning
		// after; never today, which is the demo's.
		ref.UpdatedAt = clockAt(sunday, hm(19, 0)+r.IntN(210))
		if monday := sunday.AddDays(1); r.IntN(6) == 0 && monday.Before(today) {
			ref.UpdatedAt = clockAt(monday, hm(7, 0)+r.IntN(90))
		}
		out = append(out, ref)
		w = w.Next()
	}
	return out
}

// rateWeek sets the three ratings: feeling supported follows the people
// reached and the mood, confidence the mood and cravings, craving bother
// the cravings; all of them carry how far the person has come, and a
// lapse pulls them down. A rating is skipped now and then.
func rateWeek(r *rand.Rand, ref *model.Reflection, s *weekStats, progress float64) {
	mood := mean(s.moods, 3)
	craving := mean(s.cravings, 4)
	supported := 2.5 + 5*progress + 0.6*(mood-3) + 0.12*float64(min(s.people, 15)) + r.NormFloat64()
	confidence := 3 + 4.8*progress + 0.6*(mood-3) - 0.2*(craving-4) + r.NormFloat64()*1.1
	bother := 7.5 - 5.5*progress + 0.5*(craving-3) + r.NormFloat64()*1.2
	if s.lapsed {
		supported, confidence, bother = supported-1.5, confidence-3, bother+2
	}
	rate := func(v float64) int {
		if r.IntN(25) == 0 {
			return 0
		}
		return clamp(int(math.Round(v)), 1, model.MaxRating)
	}
	ref.Supported, ref.Confidence, ref.CravingBother = rate(supported), rate(confidence), rate(bother)
}

// answerFor is one prompt's answer: blank more often in the early years
// (and the voice-of-recovery prompt most of all), about the lapse in a week
// that had one.
func answerFor(r *rand.Rand, b bags, v voice, pools eraPools, lapsed bool, progress float64) string {
	blank := 0.28 - 0.2*progress
	if pools.hardEarly && progress < 0.3 {
		blank = 0.5
	}
	if lapsed && pools.lapse != "" {
		return v.fill(pools.lapse)
	}
	if r.Float64() < blank {
		return ""
	}
	pool := pools.later
	if v.early && len(pools.early) > 0 {
		pool = pools.early
	}
	return v.fill(b.draw(r, pool))
}

// bags deal each pool's answers in a shuffled order, every one before any
// repeats, so neighbouring weeks rarely read the same: a pool is known by
// its first answer.
type bags map[string][]string

func (b bags) draw(r *rand.Rand, pool []string) string {
	left := b[pool[0]]
	if len(left) == 0 {
		left = append([]string(nil), pool...)
		r.Shuffle(len(left), func(i, j int) { left[i], left[j] = left[j], left[i] })
	}
	b[pool[0]] = left[1:]
	return left[0]
}

// A voice is who the person's life had in it at the time of a week: the
// sponsor, the home meeting, the friends.
type voice struct {
	early            bool
	sponsor, meeting string
	friend, friend2  string
}

func voiceOn(ago int) voice {
	v := voice{early: ago > 2500}
	switch {
	case ago > 2100:
		v.sponsor = "Frank"
	case ago > 415:
		v.sponsor = "Marcus"
	default:
		v.sponsor = "Denise"
	}
	switch {
	case ago > 3250:
		v.meeting = "Aftercare"
	case ago > 1350:
		v.meeting = "Sunday NA"
	case ago > 410:
		v.meeting = "Big Book"
	default:
		v.meeting = "Tuesday SMART"
	}
	var friends []string
	switch {
	case ago > 2100:
		friends = []string{"José", "Shiv", "Ngozi", "Mum"}
	case ago > 410:
		friends = []string{"José", "Shiv", "Ngozi", "Olga", "Fang", "Aisha"}
	default:
		friends = []string{"Zo", "Olga", "Shiv", "Ngozi", "Sam", "Tomás", "Оля"}
	}
	// Two different friends, the same ones for the whole week.
	i := ago % len(friends)
	v.friend, v.friend2 = friends[i], friends[(i+1+ago/7%(len(friends)-1))%len(friends)]
	return v
}

func (v voice) fill(s string) string {
	return strings.NewReplacer("{sponsor}", v.sponsor, "{meeting}", v.meeting,
		"{friend}", v.friend, "{friend2}", v.friend2).Replace(s)
}

// eraPools are one prompt's answers: early is the first years' voice (when
// empty, later serves), lapse is the answer of a week with a lapse, and
// hardEarly marks a prompt often left blank in the first years.
type eraPools struct {
	early, later []string
	lapse        string
	hardEarly    bool
}

var olderPools = []eraPools{
	{later: []string{
		"Rough. Slept badly most nights.",
		"Better than last week. Not saying much.",
		"Honestly? Long. Every evening is long.",
		"Okay. Went to {meeting} twice.",
		"Shaky but here.",
		"Numb, mostly. The nurse said that's normal early on.",
	}},
	{later: []string{
		"{sponsor}, every morning.",
		"Nobody. Thought about calling {sponsor} and didn't.",
		"{sponsor} and {friend}.",
		"{meeting}. Does a group count? Writing it down anyway.",
	}},
	{later: []string{
		"Friday, walking past the off-licence. Crossed the road and rang {sponsor}.",
		"Sunday afternoon with nothing to do. Went to bed at 7.",
		"Payday. Gave my card to Mum for the weekend.",
		"A text from Kev asking if I was out Saturday.\nDidn't answer. Deleted it. Felt sick, then fine.",
	}},
	{later: []string{
		"Call {sponsor} before work every day.",
		"Go to {meeting} and actually speak.",
		"Eat breakfast.",
		"Ring Mum back.",
	}},
}

// answerPools follow model.DefaultPrompts, prompt by prompt.
var answerPools = []eraPools{
	{ // who helped you feel seen and supported
		early: []string{
			"{sponsor}. Every morning, even when I had nothing to say.",
			"{sponsor}, and a woman at {meeting} whose name I didn't catch.",
			"Mum, weirdly. She didn't ask any questions, just made tea.",
			"{friend}. We talked for an hour about nothing.",
			"Nobody really. That's on me, I didn't ask.",
		},
		later: []string{
			"{sponsor}, as always. Rang on Tuesday in a state and got listened to until I wasn't.",
			"{friend}. Sat with me in the car park for twenty minutes and didn't try to fix anything.",
			"{sponsor} and the {meeting} lot 💛",
			"{friend}, who noticed I'd gone quiet and texted first.",
			"Honestly, the {meeting} crowd.\nSomeone said my name when I walked in.",
			"My therapist. Said the thing I've been circling for weeks and nothing bad happened.",
			"{friend} and {friend2}.",
		},
		lapse: "{sponsor}, who didn't make it a big deal. Just said: so, tomorrow then.",
	},
	{ // which spaces felt safe for sharing your truth
		early: []string{
			"{meeting}. Only there, really.",
			"{meeting}, though I only listened.",
			"None yet. Writing here is the closest.",
			"The car, on the phone to {sponsor}.",
		},
		later: []string{
			"{meeting}. Shared about Dad for the first time.",
			"Therapy, and the walk home after.",
			"Kitchen table with {friend}, late.",
			"{meeting}, and here.",
			"Not many this week. Work felt like wearing a costume.",
			"A walk with {friend}. Side by side is easier than face to face.",
		},
	},
	{ // how could you be a voice of recovery for someone else
		hardEarly: true,
		early: []string{
			"Not sure I'm there yet.",
			"Turn up. Someone new might see a face that came back.",
			"Put the chairs out at {meeting}.",
		},
		later: []string{
			"Gave my number to someone new at {meeting}.",
			"Make the tea, stack the chairs. Be the one who says hello.",
			"Share the lapse story at {meeting}. The whole thing, not the tidy version.",
			"Answer the texts from the new people, even the 2am ones.",
			"Just be honest when people at work ask why I don't drink.",
			"Keep showing up. That's most of it.",
		},
	},
	{ // what got in the way of connecting, and what might help
		early: []string{
			"Shame. Thinking everyone knows.\nMight help: remembering they're mostly thinking about themselves.",
			"Time. Evening shifts all week.\nCall on my break instead.",
			"Didn't want to be a burden.",
			"Everything. Try one call a day, that's all.",
		},
		later: []string{
			"Work. Ten-hour days, then too tired to ring anyone.\nText at lunch, call on the walk home.",
			"Old stuff with Dad. Not ready. Maybe a letter I don't send.",
			"Phone anxiety 📵 Text first, then call.",
			"Nothing much — a good week for it.",
			"Fear of judgment at work. Told one person. It was fine.",
			"Tired. Early nights helped more than I expected.",
		},
		lapse: "Shame. Went quiet for two days instead of calling.\nNext time: call before, not after. Text if I can't talk.",
	},
	{ // what did you do that was yours
		later: []string{
			"Baked bread. Two loaves, one edible 🍞",
			"Climbing. Finally got the green route 🧗",
			"Read in the bath for an hour.",
			"Nothing. Next week.",
			"Parkrun. Slow, but finished.",
			"Repotted the tomatoes.",
			"Choir. Sang badly and loudly.",
			"Long walk by the river with headphones.",
			"Fixed the bike.",
			"Cooked a proper dinner for {friend}.",
		},
	},
	{ // one concrete step for next week
		later: []string{
			"Call {sponsor} Monday at 7, before work.",
			"Coffee with {friend}, Thursday, the place by the station.",
			"{meeting}, and stay for tea after this time.",
			"Book the GP about sleep. Yes, that counts.",
			"Mon: call {sponsor}\nWed: climbing\nSat: food bank",
			"Text {friend} back. Today, not 'soon'.",
			"Ask {friend2} to come to {meeting} with me.",
		},
		lapse: "Call {sponsor} every morning this week, no excuses.\n{meeting}, and one more meeting midweek.",
	},
}
