package cli

import (
	"errors"
	"strconv"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// question is one question of the check-in, the same as a flag of tether
// checkin and as a line it asks: how it is put, how the answer is read
// into a check-in, and the answer already saved.
type question struct {
	flag  string // "mood"
	name  string // what tether checkin calls it when it says what it saved
	field string // the model's name for its problems, "" when it has none
	usage string // the flag's help
	// values are the words it takes, for completion.
	values []string
	// ask is the line asked, of "today" or "that day".
	ask func(day string) string
	// set puts the answer in c; blank clears it. An error is a sentence
	// saying what answer is wanted.
	set func(c *model.CheckIn, s string) error
	// now is the answer saved in c, "" when there is none.
	now func(c model.CheckIn) string
}

// questions are the check-in's questions in the form's order.
var questions = []question{
	{
		flag: "mood", name: "mood", field: model.FieldMood,
		usage: "your mood, `N` from 1 (very low) to 5 (very good)",
		ask:   func(string) string { return "Mood, from 1 very low to 5 very good" },
		set: func(c *model.CheckIn, s string) error {
			n, err := optionalInt(s, "Mood is a whole number from 1 to 5.")
			c.Mood = 0
			if n != nil {
				c.Mood = *n
			}
			return err
		},
		now: func(c model.CheckIn) string {
			if c.Mood == 0 {
				return ""
			}
			return strconv.Itoa(c.Mood)
		},
	},
	{
		flag: "difficulty", name: "how hard", field: model.FieldDifficulty,
		usage:  "how hard the day was: `WORD` is easy, not-bad, questionable, hard or impossible",
		values: codeList(model.Difficulties[1:]),
		ask: func(day string) string {
			return "How hard was " + day + ": easy, not bad, questionable, hard or impossible"
		},
		set: func(c *model.CheckIn, s string) error {
			c.Difficulty = model.DifficultyUnsaid
			if strings.TrimSpace(s) == "" {
				return nil
			}
			d, ok := model.ParseDifficulty(s)
			if !ok {
				return errors.New("say easy, not bad, questionable, hard or impossible (or the first letter)")
			}
			c.Difficulty = d
			return nil
		},
		now: func(c model.CheckIn) string {
			if c.Difficulty == model.DifficultyUnsaid {
				return ""
			}
			return strings.ToLower(c.Difficulty.Label())
		},
	},
	{
		flag: "craving", name: "craving", field: model.FieldCraving,
		usage: "how strong cravings were, `N` from 0 (none) to 10 (overwhelming)",
		ask:   func(string) string { return "Craving, from 0 none to 10 overwhelming" },
		set: func(c *model.CheckIn, s string) (err error) {
			c.Craving, err = optionalInt(s, "Craving is a whole number from 0 to 10.")
			return err
		},
		now: func(c model.CheckIn) string { return intText(c.Craving) },
	},
	{
		flag: "risky", name: "risky situation", usage: "in a risky situation, or with people who encourage using: `ANSWER` is yes or no",
		values: []string{"yes", "no"},
		ask: func(string) string {
			return "In a risky situation, or with people who encourage using? yes or no"
		},
		set: func(c *model.CheckIn, s string) (err error) {
			c.Risky, err = optionalYesNo(s)
			return err
		},
		now: func(c model.CheckIn) string { return yesNoText(c.Risky) },
	},
	{
		flag: "meetings", name: "meetings", field: model.FieldMeetings,
		usage: "the number of meetings or groups you went to, `N`",
		ask:   func(day string) string { return "Meetings or groups " + day + ", how many" },
		set: func(c *model.CheckIn, s string) (err error) {
			c.Meetings, err = optionalInt(s, "Meetings is a whole number, like 1.")
			return err
		},
		now: func(c model.CheckIn) string { return intText(c.Meetings) },
	},
	{
		flag: "sleep", name: "sleep", field: model.FieldSleep,
		usage: "how long you slept: `HOURS` like 7 or 6.5",
		ask:   func(string) string { return "Sleep, in hours, like 7 or 6.5" },
		set: func(c *model.CheckIn, s string) error {
			c.SleepHours = nil
			if strings.TrimSpace(s) == "" {
				return nil
			}
			x, ok := model.ParseHours(s)
			if !ok {
				return errors.New("sleep is a number of hours, like 7 or 6.5")
			}
			c.SleepHours = &x
			return nil
		},
		now: func(c model.CheckIn) string {
			if c.SleepHours == nil {
				return ""
			}
			return strconv.FormatFloat(*c.SleepHours, 'f', -1, 64)
		},
	},
	{
		flag: "halt", name: "HALT", usage: "which of hungry, angry, lonely and tired you were: `WORDS` with commas, like lonely,tired, or none",
		values: append(append([]string{}, model.HALTWords...), "none"),
		ask: func(string) string {
			return "Hungry, angry, lonely or tired? Any that fit, with commas, or none"
		},
		set: func(c *model.CheckIn, s string) error {
			halt, ok := [4]bool{}, true
			if strings.TrimSpace(s) != "" {
				halt, ok = model.ParseHALT(s)
			}
			if !ok {
				return errors.New("say any of hungry, angry, lonely and tired, with commas between, or none")
			}
			c.Hungry, c.Angry, c.Lonely, c.Tired = halt[0], halt[1], halt[2], halt[3]
			return nil
		},
		now: func(c model.CheckIn) string { return strings.Join(c.HALT(), ", ") },
	},
	{
		flag: "used", name: "used", usage: "used that day: `ANSWER` is yes or no; recorded without judgement, it never breaks your streak",
		values: []string{"yes", "no"},
		ask: func(day string) string {
			return "Used " + day + "? yes or no. Recorded without judgement; it never breaks your streak or erases a day"
		},
		set: func(c *model.CheckIn, s string) (err error) {
			c.Used, err = optionalYesNo(s)
			return err
		},
		now: func(c model.CheckIn) string { return yesNoText(c.Used) },
	},
	{
		flag: "what-helped", name: "what helped", field: model.FieldGratitude,
		usage: "one thing that helped, or one line of thanks",
		ask:   func(string) string { return "What helped, or one line of thanks" },
		set:   func(c *model.CheckIn, s string) error { c.Gratitude = s; return nil },
		now:   func(c model.CheckIn) string { return answeredText(c.Gratitude) },
	},
	{
		flag: "note", name: "note", field: model.FieldCheckNote,
		usage: "anything else, in your words",
		ask:   func(string) string { return "Note, anything else" },
		set:   func(c *model.CheckIn, s string) error { c.Note = s; return nil },
		now:   func(c model.CheckIn) string { return answeredText(c.Note) },
	},
}

// optionalInt reads a whole number, or nil for blank; wrong is the
// sentence for anything else.
func optionalInt(s, wrong string) (*int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, errors.New(wrong)
	}
	return &n, nil
}

func optionalYesNo(s string) (*bool, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	yes, ok := model.ParseYesNo(s)
	if !ok {
		return nil, errors.New("say yes or no")
	}
	return &yes, nil
}

func intText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func yesNoText(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "yes"
	}
	return "no"
}

// answeredText stands for saved free text in a prompt, which says that
// there is some without repeating it.
func answeredText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return "answered"
}
