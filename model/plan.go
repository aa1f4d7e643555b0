package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Plan is a reach-out planned for a day, and optionally a time: "call Dave
// Monday 6pm", the concrete step a reflection asks for. On its day it shows
// on Today (and in `tether due`); done, it becomes a logged reach-out; it
// can be moved to another day or dropped.
type Plan struct {
	ID          int64
	ContactID   int64
	ContactName string // read with the plan; the name belongs to the contact
	Day         Date
	Time        string // "18:00", or "" for any time that day
	Channel     Channel
	Note        string
	// UID names the plan in every copy of the journal; empty until saved.
	UID       string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Field names of a plan's problems.
const (
	FieldPlanContact = "plan_contact"
	FieldPlanWhen    = "plan_when"
)

// ErrPlanWhen is a day for a plan that could not be read.
var ErrPlanWhen = errors.New("say when: today, tomorrow, a weekday (monday), or a date (2026-03-09), with a time like 18:00 or 6pm if you like")

// Normalize trims what was typed and fills the defaults.
func (p Plan) Normalize() Plan {
	p.Note = cleanText(p.Note, false)
	p.Time = strings.TrimSpace(p.Time)
	if p.Channel == "" {
		p.Channel = ChannelCall
	}
	return p
}

// Validate checks a plan as of today: someone to reach, a real day not
// before today (a plan is for what is ahead; one whose day has passed is
// moved or done), a time of day when there is one, a channel that can be
// logged, a note of a reach-out's length.
func (p Plan) Validate(today Date) Problems {
	pr := Problems{}
	if p.ContactID <= 0 {
		pr[FieldPlanContact] = "Choose who you mean to reach."
	}
	switch {
	case p.Day.IsZero() || !realDay(p.Day):
		pr[FieldPlanWhen] = "Choose a day for it."
	case !today.IsZero() && p.Day.Before(today):
		pr[FieldPlanWhen] = "That day has passed; choose today or a day ahead."
	}
	if p.Time != "" {
		if _, err := time.Parse("15:04", p.Time); err != nil || len(p.Time) != 5 {
			pr[FieldPlanWhen] = "Write the time as hours and minutes, like 18:00."
		}
	}
	if !slices.Contains(LogChannels, p.Channel) {
		pr[FieldChannel] = "Pick one of the ways to reach them."
	}
	if msg := TextProblem(p.Note, MaxNoteLen, true); msg != "" {
		pr[FieldNote] = msg
	}
	return pr
}

// When is the plan's day and time in words, relative to today: "today at
// 18:00", "tomorrow", "Monday 7 December at 09:30".
func (p Plan) When(today Date) string {
	var s string
	switch p.Day {
	case today:
		s = "today"
	case today.AddDays(1):
		s = "tomorrow"
	case today.AddDays(-1):
		s = "yesterday"
	default:
		s = p.Day.Time().Format("Monday 2 January")
		if p.Day.Year != today.Year {
			s += " " + strconv.Itoa(p.Day.Year)
		}
	}
	if p.Time != "" {
		s += " at " + p.Time
	}
	return s
}

// ParsePlanWhen reads when a reach-out is planned for, as a person says it:
// "today", "tomorrow", a weekday ("monday", "mon": the next one after
// today), or a date ("2026-03-09"), optionally followed by a time ("18:00",
// "6pm", "6:30pm"). It returns the day and the time as "HH:MM" ("" when
// none was given).
func ParsePlanWhen(s string, today Date) (Date, string, error) {
	words := strings.Fields(strings.ToLower(strings.TrimSpace(s)))
	if len(words) == 0 || len(words) > 2 {
		return Date{}, "", ErrPlanWhen
	}
	var clock string
	if len(words) == 2 {
		var err error
		if clock, err = parseTimeOfDay(words[1]); err != nil {
			return Date{}, "", err
		}
	} else if c, err := parseTimeOfDay(words[0]); err == nil {
		return today, c, nil // a time alone is today
	}
	day, err := parseDay(words[0], today)
	if err != nil {
		return Date{}, "", err
	}
	return day, clock, nil
}

func parseDay(w string, today Date) (Date, error) {
	switch w {
	case "today":
		return today, nil
	case "tomorrow":
		return today.AddDays(1), nil
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if w == name || len(w) >= 3 && strings.HasPrefix(name, w) {
			ahead := (int(d) - int(today.Time().Weekday()) + 7) % 7
			if ahead == 0 {
				ahead = 7 // "monday" said on a Monday is the next one
			}
			return today.AddDays(ahead), nil
		}
	}
	d, err := ParseDate(w)
	if err != nil {
		return Date{}, fmt.Errorf("%q: %w", w, ErrPlanWhen)
	}
	return d, nil
}

// parseClock reads a time of day: "18:00", "9:05", "6pm", "6:30pm", "12am".
func parseTimeOfDay(w string) (string, error) {
	bad := fmt.Errorf("%q: write the time like 18:00 or 6pm: %w", w, ErrPlanWhen)
	suffix := ""
	for _, s := range []string{"am", "pm"} {
		if strings.HasSuffix(w, s) {
			suffix, w = s, strings.TrimSuffix(w, s)
		}
	}
	hs, ms, hasMinutes := strings.Cut(w, ":")
	// Digits only: Atoi would take a sign ("-1:00", "6:+5").
	digits := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	if !digits(hs) || len(hs) > 2 {
		return "", bad
	}
	h, _ := strconv.Atoi(hs)
	m := 0
	if hasMinutes {
		if !digits(ms) || len(ms) != 2 {
			return "", bad
		}
		if m, _ = strconv.Atoi(ms); m > 59 {
			return "", bad
		}
	} else if suffix == "" {
		return "", bad // "6" alone is not a time
	}
	switch suffix {
	case "am", "pm":
		if h < 1 || h > 12 {
			return "", bad
		}
		h %= 12
		if suffix == "pm" {
			h += 12
		}
	default:
		if h > 23 {
			return "", bad
		}
	}
	return fmt.Sprintf("%02d:%02d", h, m), nil
}

// ParseWhen reads when a reach-out happened, as `tether log --at` and
// the app's log dialog take it: empty is now; "today", "yesterday" or a date, with
// or without a time ("21:40"); a time alone is today. A past day without a
// time is logged at noon, today's at the moment.
func ParseWhen(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return now, nil
	}
	dayText, timeText := s, ""
	if i := strings.LastIndexAny(s, " T"); i > 0 {
		dayText, timeText = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	} else if strings.Contains(s, ":") {
		dayText, timeText = "today", s
	}
	today := DateOf(now)
	var day Date
	switch strings.ToLower(dayText) {
	case "today":
		day = today
	case "yesterday":
		day = today.AddDays(-1)
	default:
		var err error
		if day, err = ParseDate(dayText); err != nil {
			return time.Time{}, fmt.Errorf("%q: %v; or say today or yesterday, with a time like 21:40 if you like", s, err)
		}
	}
	hour, minute := 12, 0
	switch {
	case timeText != "":
		t, err := time.Parse("15:04", timeText)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: write the time as hours and minutes, like 21:40", s)
		}
		hour, minute = t.Hour(), t.Minute()
	case day == today:
		return now, nil
	}
	return time.Date(day.Year, day.Month, day.Day, hour, minute, 0, 0, now.Location()), nil
}
