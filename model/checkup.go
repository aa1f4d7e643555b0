package model

import (
	"fmt"
	"time"
)

// Instrument names a self-measure. These are self-reflection, never a
// diagnosis.
type Instrument string

// The bundled instruments.
const (
	BARC10 Instrument = "barc10" // Brief Assessment of Recovery Capital, 10 items
	MSPSS  Instrument = "mspss"  // Multidimensional Scale of Perceived Social Support
)

// Instruments lists them in display order.
var Instruments = []Instrument{BARC10, MSPSS}

// CheckupItem is one statement, in our own words.
type CheckupItem struct {
	Text     string
	Subscale string // "" when the instrument has none
}

// InstrumentInfo describes how an instrument is asked and scored.
type InstrumentInfo struct {
	ID     Instrument
	Name   string // shown to the person
	About  string // one line on what it looks at
	Credit string // the authors, as they ask to be credited
	Scale  []string
	Items  []CheckupItem
	// EveryDays is how often a reminder suggests taking it.
	EveryDays int
	// ScoreLabel explains the score: "10–60, higher is more recovery capital".
	ScoreLabel string
	Min, Max   float64
}

// The MSPSS subscales, as CheckupItem.Subscale and Score name them.
const (
	SubscaleSignificantOther = "Significant other"
	SubscaleFamily           = "Family"
	SubscaleFriends          = "Friends"
)

// The statements are our own words for what each published item asks
// about, in the published order (scoring depends on it); never the
// instruments' own wording.
var instruments = map[Instrument]InstrumentInfo{
	BARC10: {
		ID:     BARC10,
		Name:   "BARC-10 recovery capital",
		About:  "The strengths and supports in your life that help recovery; for self-reflection, not a diagnosis.",
		Credit: "Brief Assessment of Recovery Capital (BARC-10): Vilsaint, Kelly, Bergman, Groshkova, Best & White (2017), Drug and Alcohol Dependence.",
		Scale:  []string{"Strongly disagree", "Disagree", "Somewhat disagree", "Somewhat agree", "Agree", "Strongly agree"},
		Items: []CheckupItem{
			{Text: "Other things in my life matter more to me than using."},
			{Text: "Overall, I am content with the life I have."},
			{Text: "I have the energy to get done what I set out to do."},
			{Text: "I feel I belong to where I live, and I am proud of it."},
			{Text: "My friends give me a lot of support."},
			{Text: "Without alcohol or drugs, my life feels full and worth the effort."},
			{Text: "The place I live in helps my recovery along."},
			{Text: "I own what I do and its consequences."},
			{Text: "I am at ease dealing with professionals such as doctors, counsellors or officials."},
			{Text: "I am moving forward well in my recovery."},
		},
		EveryDays:  30,
		ScoreLabel: "10–60, higher is more recovery capital",
		Min:        10,
		Max:        60,
	},
	MSPSS: {
		ID:     MSPSS,
		Name:   "MSPSS perceived support",
		About:  "How supported you feel by a special person, family and friends; for self-reflection, not a diagnosis.",
		Credit: "Multidimensional Scale of Perceived Social Support: Zimet et al. (1988), Journal of Personality Assessment.",
		Scale: []string{"Very strongly disagree", "Strongly disagree", "Mildly disagree", "Neutral",
			"Mildly agree", "Strongly agree", "Very strongly agree"},
		Items: []CheckupItem{
			{Text: "When I need someone, there is one special person who is there for me.", Subscale: SubscaleSignificantOther},
			{Text: "There is one special person I can share good news and sadness with.", Subscale: SubscaleSignificantOther},
			{Text: "My family make a real effort to help me.", Subscale: SubscaleFamily},
			{Text: "My family give me the emotional help and backing I need.", Subscale: SubscaleFamily},
			{Text: "One special person in my life truly comforts me.", Subscale: SubscaleSignificantOther},
			{Text: "My friends make a real effort to help me.", Subscale: SubscaleFriends},
			{Text: "When things go wrong, I can rely on my friends.", Subscale: SubscaleFriends},
			{Text: "I can talk my problems through with my family.", Subscale: SubscaleFamily},
			{Text: "I have friends I can share good news and sadness with.", Subscale: SubscaleFriends},
			{Text: "One special person in my life cares how I feel.", Subscale: SubscaleSignificantOther},
			{Text: "My family are willing to help me make decisions.", Subscale: SubscaleFamily},
			{Text: "I can talk my problems through with my friends.", Subscale: SubscaleFriends},
		},
		EveryDays:  91,
		ScoreLabel: "1–7 on average, higher is more support felt",
		Min:        1,
		Max:        7,
	},
}

// Info returns the instrument's description; ok false for an unknown one.
func (i Instrument) Info() (InstrumentInfo, bool) {
	info, ok := instruments[i]
	if !ok {
		return InstrumentInfo{}, false
	}
	// Copies, so a caller that edits its slices cannot change the table.
	info.Scale = append([]string(nil), info.Scale...)
	info.Items = append([]CheckupItem(nil), info.Items...)
	return info, true
}

// Subscales lists the instrument's subscales in the order their first
// statement is asked; nil when it has none.
func (info InstrumentInfo) Subscales() []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range info.Items {
		if it.Subscale != "" && !seen[it.Subscale] {
			seen[it.Subscale] = true
			out = append(out, it.Subscale)
		}
	}
	return out
}

// Checkup is one completed questionnaire.
type Checkup struct {
	ID         int64
	Instrument Instrument
	Day        Date
	Answers    []int // one per item, 1..len(Scale)
	CreatedAt  time.Time
}

// Score is the total as the instrument's authors describe it, with the
// subscale scores when there are any.
//
// BARC-10 is the sum of its ten answers (10–60). MSPSS is the mean of its
// twelve answers (1–7), and each subscale the mean of its four. A
// check-up whose answers do not fit its instrument (see Validate) scores
// 0 with no subscales, rather than a figure that means nothing.
func (c Checkup) Score() (total float64, subscales map[string]float64) {
	info, ok := instruments[c.Instrument]
	if !ok || !answersFit(info, c.Answers) {
		return 0, nil
	}
	var sum float64
	for _, a := range c.Answers {
		sum += float64(a)
	}
	if c.Instrument == BARC10 {
		return sum, nil
	}
	sums := map[string]float64{}
	counts := map[string]int{}
	for i, it := range info.Items {
		if it.Subscale != "" {
			sums[it.Subscale] += float64(c.Answers[i])
			counts[it.Subscale]++
		}
	}
	if len(sums) > 0 {
		subscales = make(map[string]float64, len(sums))
		for k, s := range sums {
			subscales[k] = s / float64(counts[k])
		}
	}
	return sum / float64(len(c.Answers)), subscales
}

// answersFit reports exactly one answer per statement, each on the scale.
func answersFit(info InstrumentInfo, answers []int) bool {
	if len(answers) != len(info.Items) {
		return false
	}
	for _, a := range answers {
		if a < 1 || a > len(info.Scale) {
			return false
		}
	}
	return true
}

// Field names of a check-up's problems. A statement's problem is under
// FieldCheckupItem and its index from 0, e.g. "item3".
const (
	FieldInstrument  = "instrument"
	FieldCheckupItem = "item"
)

// Validate checks the answers against the instrument.
//
// The instrument must be known; the day real and not after today (a zero
// today skips that); and there must be exactly one answer per statement,
// each a point on the scale. Problems are under FieldInstrument, FieldDay,
// FieldAnswers (the wrong number of answers) and FieldCheckupItem plus the
// statement's index.
func (c Checkup) Validate(today Date) Problems {
	p := Problems{}
	switch {
	case c.Day.IsZero():
		p[FieldDay] = "A check-up needs its day."
	case !realDay(c.Day):
		p[FieldDay] = "That is not a real calendar day."
	case !today.IsZero() && c.Day.After(today):
		p[FieldDay] = "That day hasn't happened yet; a check-up is dated the day it is taken."
	}
	info, ok := instruments[c.Instrument]
	if !ok {
		p[FieldInstrument] = "Pick one of the check-ups."
		return p
	}
	n := len(info.Items)
	if len(c.Answers) != n {
		p[FieldAnswers] = fmt.Sprintf("The %s has %d statements; %d answers were given.", info.Name, n, len(c.Answers))
	}
	for i, a := range c.Answers {
		if i >= n {
			break
		}
		switch {
		case a == 0:
			p[fmt.Sprintf("%s%d", FieldCheckupItem, i)] = fmt.Sprintf("Statement %d needs an answer: one number from 1 to %d.", i+1, len(info.Scale))
		case a < 1 || a > len(info.Scale):
			p[fmt.Sprintf("%s%d", FieldCheckupItem, i)] = fmt.Sprintf("Statement %d is answered with a number from 1 to %d.", i+1, len(info.Scale))
		}
	}
	for i := len(c.Answers); i < n; i++ {
		p[fmt.Sprintf("%s%d", FieldCheckupItem, i)] = fmt.Sprintf("Statement %d needs an answer: one number from 1 to %d.", i+1, len(info.Scale))
	}
	return p
}

// CheckupDue reports whether a reminder is due: never taken, or taken at
// least EveryDays ago.
//
// An unknown instrument is never due, and neither is one last taken on a
// day after today (a clock set back).
func CheckupDue(i Instrument, last Date, today Date) bool {
	info, ok := instruments[i]
	if !ok {
		return false
	}
	if last.IsZero() {
		return true
	}
	return today.DaysSince(last) >= info.EveryDays
}

// CheckupFirstAfterDays is how long Tether is used before the first
// check-up reminder: a score of recovery capital or of support means
// little in the first days, and a new user has enough to set up.
const CheckupFirstAfterDays = 28

// CheckupReminder is the instrument Today's reminder offers, if any. None
// before CheckupFirstAfterDays of use (firstUse is the journal's first
// day with anything in it; zero is a new journal). An instrument taken
// before is due its EveryDays after the last time (CheckupDue); one never
// taken waits until no check-up of any kind was taken in the last
// CheckupFirstAfterDays, so finishing one never brings the other straight
// back. Instruments are offered in their listed order.
func CheckupReminder(last map[Instrument]Date, firstUse, today Date) (Instrument, bool) {
	if firstUse.IsZero() || today.DaysSince(firstUse) < CheckupFirstAfterDays {
		return "", false
	}
	recent := false
	for _, d := range last {
		if n := today.DaysSince(d); n < CheckupFirstAfterDays {
			recent = true
		}
	}
	for _, i := range Instruments {
		d, taken := last[i]
		switch {
		case taken && CheckupDue(i, d, today):
			return i, true
		case !taken && !recent && CheckupDue(i, Date{}, today):
			return i, true
		}
	}
	return "", false
}
