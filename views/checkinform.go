package views

import (
	"strconv"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// The HALT words, ticked by their first letter.
var haltOptions = []option{{"hungry", "Hungry"}, {"angry", "Angry"}, {"lonely", "Lonely"}, {"tired", "Tired"}}

// checkInForm edits one day's check-in. Most answers take one key: a digit
// for mood, the first letter for how hard the day was, y or n.
func newCheckInForm(c model.CheckIn, today model.Date, styles *Styles) *form {
	title := "Check-in · " + dayWords(c.Day, today)
	// A day filled in later speaks of that day, not of today.
	when := "today"
	if c.Day != today {
		when = "that day"
	}
	fields := []*field{
		ratingField(model.FieldMood, "Mood", "1 very low · 2 low · 3 okay · 4 good · 5 very good. 0 clears.", c.Mood, 5),
		choiceField(model.FieldDifficulty, "How hard was "+when, "e easy · n not bad · q questionable · h hard · i impossible.", unsaidFirst(optionsOf(model.Difficulties)), string(c.Difficulty)),
		textField(model.FieldCraving, "Craving (0–10)", "0 none … 10 overwhelming.", intText(c.Craving), "0–10"),
		choiceField("risky", "Risky situation", "In a risky place, or with people who encourage using? y or n.", yesNoOptions(), boolText(c.Risky)),
		textField(model.FieldMeetings, "Meetings or groups", "How many "+when+".", intText(c.Meetings), "e.g. 1"),
		textField(model.FieldSleep, "Sleep (hours)", "Like 7 or 6.5.", floatText(c.SleepHours), "e.g. 7"),
		flagsField("halt", "HALT", "h a l t tick hungry, angry, lonely, tired.", haltOptions, []bool{c.Hungry, c.Angry, c.Lonely, c.Tired}),
		choiceField("used", "Used "+when, "Recorded without judgement. It never breaks your streak or erases a day. y or n.", yesNoOptions(), boolText(c.Used)),
		textField(model.FieldGratitude, "What helped / gratitude", "One thing that helped, or one line of thanks.", c.Gratitude, ""),
		areaField(model.FieldCheckNote, "Note", "Anything else. Enter starts a new line; ctrl+s saves.", c.Note),
	}
	var f *form
	f = newForm(title, styles, fields, func() model.Problems {
		if f == nil {
			return nil
		}
		_, p := checkInFromForm(f, c.Day, today)
		return p
	})
	f.version = c.UpdatedAt
	f.reopen = func(record any) *form { return newCheckInForm(record.(model.CheckIn), today, styles) }
	return f
}

// checkInFromForm reads the form back into a check-in, with every problem
// found in parsing and in the model's rules.
func checkInFromForm(f *form, day, today model.Date) (model.CheckIn, model.Problems) {
	val := func(k string) string { return f.field(k).value() }
	p := model.Problems{}
	c := model.CheckIn{Day: day, UpdatedAt: f.version}
	c.Mood, _ = strconv.Atoi(val(model.FieldMood))
	c.Difficulty = model.Difficulty(val(model.FieldDifficulty))
	var err error
	if c.Craving, err = parseOptInt(val(model.FieldCraving)); err != nil {
		p[model.FieldCraving] = "Craving is a whole number from 0 to 10."
	}
	if c.Meetings, err = parseOptInt(val(model.FieldMeetings)); err != nil {
		p[model.FieldMeetings] = "Meetings is a whole number, like 1."
	}
	if c.SleepHours, err = parseOptFloat(val(model.FieldSleep)); err != nil {
		p[model.FieldSleep] = "Sleep is a number of hours, like 7 or 6.5."
	}
	c.Risky = parseYesNo(val("risky"))
	c.Used = parseYesNo(val("used"))
	halt := f.field("halt")
	c.Hungry, c.Angry, c.Lonely, c.Tired = halt.flag("hungry"), halt.flag("angry"), halt.flag("lonely"), halt.flag("tired")
	c.Gratitude = val(model.FieldGratitude)
	c.Note = val(model.FieldCheckNote)
	c = c.Normalize()
	for k, v := range c.Validate(today) {
		if _, seen := p[k]; !seen {
			p[k] = v
		}
	}
	if msg, ok := p[model.FieldAnswers]; ok {
		// Not a field of its own: show it under the first question.
		delete(p, model.FieldAnswers)
		if _, seen := p[model.FieldMood]; !seen {
			p[model.FieldMood] = msg
		}
	}
	return c, p
}

func intText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func floatText(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

func boolText(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "yes"
	}
	return "no"
}

func parseOptInt(s string) (*int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

func parseOptFloat(s string) (*float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" {
		return nil, nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, err
	}
	return &x, nil
}

func parseYesNo(s string) *bool {
	switch s {
	case "yes":
		t := true
		return &t
	case "no":
		f := false
		return &f
	}
	return nil
}
