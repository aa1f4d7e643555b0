package model

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// availability is what MayBeAwake understood of a free-text "when they are
// around": windows of the day, and the days they apply to.
type availability struct {
	windows []window
	days    map[time.Weekday]bool // nil: every day
}

// window is a stretch of the day in minutes after midnight, from
// inclusive to exclusive; to may be 24:00, and a from after to runs past
// midnight into the next day.
type window struct{ from, to int }

const (
	minutesPerDay = 24 * 60
	wakeUp        = 6 * 60 // where "before 9" starts
)

// availabilityPatterns are the words and times MayBeAwake knows.
type availabilityPatterns struct {
	// words are each a window of the day.
	words []struct {
		re *regexp.Regexp
		w  window
	}
	weekdays, weekends          *regexp.Regexp
	between, rng, after, before *regexp.Regexp
	noon, midnight              *regexp.Regexp
	replacer                    *strings.Replacer
}

// patterns are compiled the first time availability is read (the crisis
// card, a contact's details), not at every start of the program: thirteen
// regular expressions were a quarter of a millisecond before the first
// frame.
var patterns = sync.OnceValue(func() *availabilityPatterns {
	// clockPattern is a time of day: 9, 9am, 9 pm, 9:30, 18:00, 18.00, 18h00.
	const clockPattern = `(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?`
	p := &availabilityPatterns{
		weekdays: regexp.MustCompile(`\b(week ?days?|mon(day)?s? ?(-|to) ?fri(day)?s?)\b`),
		weekends: regexp.MustCompile(`\b(week-?ends?|sat(urday)?s? ?(-|to|and|&) ?sun(day)?s?)\b`),
		between:  regexp.MustCompile(`\bbetween\s+` + clockPattern + `\s+and\s+` + clockPattern + `\b`),
		rng:      regexp.MustCompile(`\b` + clockPattern + `\s*(?:-|to|till|til|until)\s*` + clockPattern + `\b`),
		after:    regexp.MustCompile(`\b(?:after|from|since)\s+` + clockPattern + `\b`),
		before:   regexp.MustCompile(`\b(?:before|until|till|til|up to)\s+` + clockPattern + `\b`),
		// Whole words only: "noon" is also in "afternoon".
		noon:     regexp.MustCompile(`\b(noon|midday)\b`),
		midnight: regexp.MustCompile(`\bmidnight\b`),
		replacer: strings.NewReplacer(
			"–", "-", "—", "-", "‒", "-", "−", "-", "‑", "-",
			"a.m.", "am", "p.m.", "pm",
		),
	}
	for _, w := range []struct {
		pattern string
		w       window
	}{
		{`\b(any ?time|24/7|24-7|24 ?h(ours|rs)?|(a)?round the clock|day or night|day and night|all hours)\b`, window{0, minutesPerDay}},
		{`\bmornings?\b`, window{6 * 60, 12 * 60}},
		{`\bafternoons?\b`, window{12 * 60, 18 * 60}},
		{`\bevenings?\b`, window{17 * 60, 23 * 60}},
		{`\b(nights?|night ?shifts?|up late|late nights?|overnight|night owl)\b`, window{21 * 60, 5 * 60}},
	} {
		p.words = append(p.words, struct {
			re *regexp.Regexp
			w  window
		}{regexp.MustCompile(w.pattern), w.w})
	}
	return p
})

// parseAvailability reads what it can of the text; see MayBeAwake.
func parseAvailability(text string) availability {
	p := patterns()
	var a availability
	t := " " + p.replacer.Replace(strings.ToLower(text)) + " "
	t = p.midnight.ReplaceAllString(p.noon.ReplaceAllString(t, "12pm"), "12am")
	for _, w := range p.words {
		if w.re.MatchString(t) {
			a.windows = append(a.windows, w.w)
		}
	}
	weekdays, weekends := p.weekdays.MatchString(t), p.weekends.MatchString(t)
	if weekdays || weekends {
		a.days = map[time.Weekday]bool{}
		for d := time.Sunday; d <= time.Saturday; d++ {
			isWeekend := d == time.Saturday || d == time.Sunday
			a.days[d] = (weekends && isWeekend) || (weekdays && !isWeekend)
		}
	}
	// Ranges first, taken out of the text so that their ends are not read
	// again as "until 5" or "from 9".
	for _, re := range []*regexp.Regexp{p.between, p.rng} {
		for _, m := range re.FindAllStringSubmatch(t, -1) {
			if w, ok := rangeWindow(m[1:4], m[4:7]); ok {
				a.windows = append(a.windows, w)
			}
		}
		t = re.ReplaceAllString(t, " ")
	}
	for _, m := range p.after.FindAllStringSubmatch(t, -1) {
		if c, ok := parseClock(m[1:4]); ok {
			if from := c.alone(); from > 0 {
				a.windows = append(a.windows, window{from, minutesPerDay})
			}
		}
	}
	for _, m := range p.before.FindAllStringSubmatch(t, -1) {
		if c, ok := parseClock(m[1:4]); ok {
			switch to := c.alone(); {
			case to == 0: // before midnight
				a.windows = append(a.windows, window{wakeUp, minutesPerDay})
			case to > wakeUp:
				a.windows = append(a.windows, window{wakeUp, to})
			default: // before 2am: up in the evening until then
				a.windows = append(a.windows, window{17 * 60, to})
			}
		}
	}
	return a
}

// known reports whether the text said anything about time.
func (a availability) known() bool { return len(a.windows) > 0 || a.days != nil }

// covers reports whether now falls in one of the windows, on an allowed
// day. The part of a window after midnight belongs to the day it began.
func (a availability) covers(now time.Time) bool {
	m := now.Hour()*60 + now.Minute()
	today := now.Weekday()
	yesterday := (today + 6) % 7
	dayOK := func(d time.Weekday) bool { return a.days == nil || a.days[d] }
	if len(a.windows) == 0 {
		return dayOK(today)
	}
	for _, w := range a.windows {
		if w.from < w.to {
			if m >= w.from && m < w.to && dayOK(today) {
				return true
			}
			continue
		}
		if (m >= w.from && dayOK(today)) || (m < w.to && dayOK(yesterday)) {
			return true
		}
	}
	return false
}

// clock is a time of day as written: hour, minutes and "am" or "pm" if
// given.
type clock struct {
	h, m int
	mer  string // "am", "pm" or ""
}

// parseClock reads the hour, minutes and am/pm matched by clockPattern.
func parseClock(parts []string) (clock, bool) {
	h, err := strconv.Atoi(parts[0])
	if err != nil {
		return clock{}, false
	}
	c := clock{h: h, mer: parts[2]}
	if parts[1] != "" {
		if c.m, err = strconv.Atoi(parts[1]); err != nil || c.m > 59 {
			return clock{}, false
		}
	}
	switch {
	case h > 24, h == 24 && c.m > 0:
		return clock{}, false
	case c.mer != "" && (h < 1 || h > 12): // "13pm", "0am"
		return clock{}, false
	}
	return c, true
}

// explicit reports a time that needs no guessing: with am or pm, or on the
// 24-hour clock (0, 13–24).
func (c clock) explicit() bool { return c.mer != "" || c.h == 0 || c.h > 12 }

// half is "am" or "pm" for an explicit time.
func (c clock) half() string {
	switch {
	case c.mer != "":
		return c.mer
	case c.h >= 12:
		return "pm"
	}
	return "am"
}

// guessHalf reads a bare hour as a waking hour: 1–6 and 12 in the
// afternoon, 7–11 in the morning.
func (c clock) guessHalf() string {
	if c.h <= 6 || c.h == 12 {
		return "pm"
	}
	return "am"
}

// on is the time in minutes after midnight, in the given half of the day
// (for an explicit time, the half it says).
func (c clock) on(half string) int {
	if c.explicit() && c.mer == "" {
		return c.h*60 + c.m // 24-hour clock
	}
	h := c.h % 12
	if half == "pm" {
		h += 12
	}
	return h*60 + c.m
}

// alone is the time of a clock read on its own ("after 6").
func (c clock) alone() int {
	if c.explicit() {
		return c.on(c.half())
	}
	return c.on(c.guessHalf())
}

// rangeWindow reads "9-5", "9am-5pm", "7-11pm", "10pm-2", "18:00-22:00":
// an end without am/pm is in the start's half of the day if it comes later
// on the 12-hour clock face, otherwise in the other half; a start without
// am/pm likewise from the end; with neither, the start is a waking hour.
func rangeWindow(fromParts, toParts []string) (window, bool) {
	a, ok1 := parseClock(fromParts)
	b, ok2 := parseClock(toParts)
	if !ok1 || !ok2 || a.h == 24 {
		return window{}, false
	}
	face := func(c clock) int { return (c.h%12)*60 + c.m }
	other := func(h string) string {
		if h == "am" {
			return "pm"
		}
		return "am"
	}
	var from, to int
	switch {
	case a.explicit() && b.explicit():
		from, to = a.on(a.half()), b.on(b.half())
	case a.explicit():
		from = a.on(a.half())
		half := a.half()
		if face(b) <= face(a) {
			half = other(half)
		}
		to = b.on(half)
	case b.explicit():
		to = b.on(b.half())
		half := b.half()
		if face(a) >= face(b) {
			half = other(half)
		}
		from = a.on(half)
	default:
		half := a.guessHalf()
		from = a.on(half)
		if face(b) <= face(a) {
			half = other(half)
		}
		to = b.on(half)
	}
	if to == 0 {
		to = minutesPerDay // "8pm-12am": up to midnight
	}
	if from == to {
		return window{}, false
	}
	return window{from, to}, true
}
