package sample

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/tether-recovery/tether/model"
)

// LargeCheckIns is how many check-ins the large journal holds: a decade of
// days (spread over a little more than ten years, since some days were
// missed).
const LargeCheckIns = 3650

// smallLapse is the demo person's one lapse: a Saturday about six weeks ago.
func smallLapse(today model.Date) model.Date { return weekdayFrom(today, 41, time.Saturday) }

// smallRecoveryStart is about fourteen months back: the day after detox.
// They kept the date after the lapse; some people do, some don't.
func smallRecoveryStart(today model.Date) model.Date { return today.AddDays(-428) }

// smallCheckIns are the last two months of the demo, up to yesterday:
// today is left for the person trying the demo to fill in. A few days are
// missing (the two after the lapse among them), moods and cravings slowly
// getting better.
func smallCheckIns(r *rand.Rand, today, lapse model.Date, meetings meetingLog) []model.CheckIn {
	missing := map[model.Date]bool{
		lapse.AddDays(1): true, lapse.AddDays(2): true,
		today.AddDays(-23): true, today.AddDays(-52): true,
	}
	phases := lapsePhases([]model.Date{lapse})
	var out []model.CheckIn
	for ago := 60; ago >= 1; ago-- {
		day := today.AddDays(-ago)
		if missing[day] {
			continue
		}
		c := checkInFor(r, day, float64(60-ago)/59, phases[day], meetings[day])
		if day == lapse {
			c.Note = lapseNotes[0] // the story the reach-outs around it tell
		}
		out = append(out, c)
	}
	return out
}

// A phase is where a day sits relative to a lapse: the run-up shows in
// cravings and HALT ticks, the days after in mood.
type phase int

const (
	ordinary phase = iota
	runUp
	lapsed
	aftermath
)

func lapsePhases(lapses []model.Date) map[model.Date]phase {
	m := map[model.Date]phase{}
	for _, l := range lapses {
		for i := 1; i <= 7; i++ {
			m[l.AddDays(i)] = aftermath
		}
	}
	for _, l := range lapses {
		for i := 1; i <= 4; i++ {
			m[l.AddDays(-i)] = runUp
		}
	}
	for _, l := range lapses {
		m[l] = lapsed
	}
	return m
}

// checkInFor makes one day's answers. progress runs from 0 (the first day of
// the sample) to 1 (yesterday): moods rise, cravings fall, sleep improves,
// with the noise of real days on top.
func checkInFor(r *rand.Rand, day model.Date, progress float64, ph phase, meetings int) model.CheckIn {
	c := model.CheckIn{Day: day}
	mood := 2.4 + 1.5*progress + r.NormFloat64()*0.8
	craving := 6.0 - 4.5*progress + r.NormFloat64()*1.5
	weekday := day.Time().Weekday()
	switch ph {
	case runUp:
		mood, craving = mood-0.8, craving+3
	case aftermath:
		mood, craving = mood-1, craving+1
	}
	if weekday == time.Friday {
		craving++
	}
	if r.IntN(20) > 0 {
		c.Mood = clamp(int(math.Round(mood)), 1, 5)
	}
	if r.IntN(8) > 0 {
		c.Difficulty = difficultyFor(r, c.Mood)
	}
	if r.IntN(10) > 0 {
		c.Craving = ptr(clamp(int(math.Round(craving)), 0, model.MaxCraving))
	}
	if r.IntN(10) > 0 {
		risky := r.Float64() < 0.08-0.05*progress || weekday == time.Friday && r.IntN(6) == 0
		c.Risky = &risky
	}
	if r.IntN(7) > 0 {
		c.Meetings = ptr(meetings)
	}
	if r.IntN(5) > 0 {
		sleep := math.Round((5.5+2*progress+r.NormFloat64()*0.9)*2) / 2
		c.SleepHours = ptr(math.Max(3, math.Min(10, sleep)))
	}
	tiredness := 0.4 - 0.2*progress
	if ph == runUp {
		tiredness += 0.3
	}
	c.Tired = r.Float64() < tiredness
	c.Lonely = r.Float64() < 0.3-0.15*progress || ph == runUp && r.IntN(2) == 0
	c.Angry = r.Float64() < 0.12
	c.Hungry = r.Float64() < 0.15
	if r.IntN(7) > 0 {
		c.Used = ptr(false)
	}
	if r.IntN(10) < 7 {
		c.Gratitude = pick(r, gratitudeLines)
	}
	if r.IntN(6) == 0 {
		c.Note = pick(r, dayNotes)
	}
	if ph == lapsed {
		c.Mood, c.Difficulty = 1, pick(r, []model.Difficulty{model.DifficultyHard, model.DifficultyImpossible})
		c.Craving, c.Risky, c.Used = ptr(9), ptr(true), ptr(true)
		c.Lonely, c.Tired = true, true
		c.Gratitude = "That I wrote this down at all."
		c.Note = pick(r, lapseNotes)
	}
	if !c.Answered() {
		c.Mood = 3
	}
	// Filled in that evening, or the next morning now and then.
	c.UpdatedAt = clockAt(day, hm(21, 0)+r.IntN(120))
	if r.IntN(10) == 0 {
		c.UpdatedAt = clockAt(day.AddDays(1), hm(7, 30)+r.IntN(90))
	}
	return c
}

func difficultyFor(r *rand.Rand, mood int) model.Difficulty {
	switch mood {
	case 5:
		return model.DifficultyEasy
	case 4:
		return pick(r, []model.Difficulty{model.DifficultyEasy, model.DifficultyNotBad, model.DifficultyNotBad})
	case 3:
		return pick(r, []model.Difficulty{model.DifficultyNotBad, model.DifficultyQuestionable})
	case 2:
		return pick(r, []model.Difficulty{model.DifficultyQuestionable, model.DifficultyHard})
	case 1:
		return pick(r, []model.Difficulty{model.DifficultyHard, model.DifficultyImpossible})
	}
	return pick(r, model.Difficulties[1:])
}

// largeLapses places the decade's lapses: one to three a year at first,
// thinning out, none in the last years.
func largeLapses(r *rand.Rand, today model.Date) []model.Date {
	var lapses []model.Date
	last := 1 << 30
	for year := range 10 {
		var n int
		switch {
		case year < 3:
			n = 1 + r.IntN(3)
		case year < 6:
			n = r.IntN(2)
		case year == 6:
			n = r.IntN(4) / 3
		}
		agos := make([]int, n)
		for i := range agos {
			agos[i] = 3650 - 365*year - r.IntN(365)
		}
		slices.SortFunc(agos, func(a, b int) int { return b - a }) // oldest first
		for _, ago := range agos {
			if ago < last-20 { // a few weeks apart at least
				lapses = append(lapses, today.AddDays(-ago))
				last = ago
			}
		}
	}
	return lapses
}

// largeRecoveryStart is the day after the last lapse: the date they count
// from now.
func largeRecoveryStart(today model.Date, lapses []model.Date) model.Date {
	if len(lapses) == 0 {
		return today.AddDays(-3650)
	}
	return lapses[len(lapses)-1].AddDays(1)
}

// largeCheckIns are LargeCheckIns days of check-ins walking back from
// yesterday, with the gaps a real decade has: more missed days early on,
// the days right after a lapse, a holiday or two away from it all.
func largeCheckIns(r *rand.Rand, today model.Date, lapses []model.Date, meetings meetingLog) []model.CheckIn {
	skip := map[model.Date]bool{}
	isLapse := map[model.Date]bool{}
	for _, l := range lapses {
		isLapse[l] = true
		for i := range 1 + r.IntN(3) {
			skip[l.AddDays(1+i)] = true
		}
	}
	for range 5 {
		start := 30 + r.IntN(3700)
		for i := range 5 + r.IntN(8) {
			skip[today.AddDays(-start+i)] = true
		}
	}
	var days []model.Date
	for ago := 1; len(days) < LargeCheckIns; ago++ {
		day := today.AddDays(-ago)
		missChance := 0.015
		switch {
		case ago > 2500:
			missChance = 0.06
		case ago > 1000:
			missChance = 0.035
		}
		if ago > 1 && !isLapse[day] && (skip[day] || r.Float64() < missChance) {
			continue
		}
		days = append(days, day)
	}
	span := float64(today.DaysSince(days[len(days)-1]))
	phases := lapsePhases(lapses)
	out := make([]model.CheckIn, len(days))
	for i, day := range days {
		// Oldest first in the slice, as they were written.
		j := len(days) - 1 - i
		out[j] = checkInFor(r, day, 1-float64(today.DaysSince(day))/span, phases[day], meetings[day])
	}
	return out
}

func clamp(n, lo, hi int) int { return max(lo, min(hi, n)) }

func ptr[T any](v T) *T { return &v }

var gratitudeLines = []string{
	"Denise picking up on the first ring.",
	"Tea on the back step before anyone else was up.",
	"The dog, who doesn't know what day it is and doesn't care.",
	"Made it through the Friday drinks invite with a lunch walk instead.",
	"Shiv's kids singing down the phone at me.",
	"Slept seven hours. Seven!",
	"A stranger at the meeting who said exactly my thing out loud.",
	"Fresh bread from the place on the corner.",
	"That I called before, not after.",
	"Rain on the window and nowhere I had to be.",
	"Olga laughing at my terrible pun.",
	"The food bank crew; nobody asked how I was, and it was perfect.",
	"Got to the top of the climb.",
	"Paid the gas bill on time, first time in years.",
	"Liam said I helped. I think he helped me more.",
	"Mum said she's proud of me. Didn't know I needed to hear it.",
	"Soup.",
	"A quiet evening that didn't feel like a fight.",
	"Remembered why I started.",
	"Woke up without a headache. Still not used to it.",
	"Zo's voice note at midnight.",
	"Finished a book. An actual whole book.",
	"My hands don't shake any more.",
	"Someone new at the meeting asked me for my number.",
	"Walked the long way home past the river.",
	"Cooked a proper dinner and ate it at the table.",
	"Money in the bank on the 28th.",
	"The tomatoes Denise gave me finally went red.",
	"Nothing went wrong today. That's allowed to count.",
	"Turned down the pub without making a speech about it.",
}

var dayNotes = []string{
	"Work was a lot. Walked it off before calling anyone.",
	"Craving hit around 6, the usual. Ate something, it passed.",
	"Couldn't settle. Night owls chat helped more than I expected.",
	"Good day. Writing that down so I remember they happen.",
	"Argument with Olga about nothing. Said sorry first.",
	"Passed the old pub. Kept walking. Hands in pockets.",
	"Tired and flat. Early night.",
	"Payday. Old me would have had plans. New me bought running shoes.",
	"Dad rang, slurring. Kept it short. Called Shiv after.",
	"Therapy homework: noticed the thought before the craving. Twice!",
	"Didn't want to do this check-in. Did it anyway.",
}

var lapseNotes = []string{
	"Drank at Kev's. Three pints, then stopped and walked home. Telling Denise tomorrow. This doesn't erase the months.",
	"Used. Lonely and tired and said yes when I meant no. Calling my sponsor in the morning.",
	"Had a drink at the wedding. Left after. Not pretending it didn't happen.",
}
