package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrPastDay is ParsePastDay's refusal, in words a person can act on.
var ErrPastDay = errors.New("say a day like 2026-03-08, yesterday, last friday, 3 days ago or a week like 2026-W10")

// ParsePastDay reads a day looked back to, as a person says it: "today",
// "yesterday", a weekday ("friday", "fri": the last one before today) or
// "last friday" (the same), "N days ago" (or weeks), a date
// ("2026-03-08"), or a week ("2026-W10": its Sunday, so the whole week is
// on show; today when the week is this one). A day after today is refused:
// there is nothing to look back to there yet.
func ParsePastDay(s string, today Date) (Date, error) {
	words := strings.Fields(strings.ToLower(strings.TrimSpace(s)))
	if len(words) > 0 && words[0] == "last" {
		words = words[1:]
	}
	var day Date
	switch {
	case len(words) == 1 && words[0] == "today":
		day = today
	case len(words) == 1 && words[0] == "yesterday":
		day = today.AddDays(-1)
	case len(words) == 3 && words[2] == "ago":
		n, err := strconv.Atoi(words[0])
		if err != nil || n < 0 || n > 100000 || strings.Trim(words[0], "0123456789") != "" {
			return Date{}, ErrPastDay
		}
		switch strings.TrimSuffix(words[1], "s") {
		case "day":
		case "week":
			n *= 7
		default:
			return Date{}, ErrPastDay
		}
		day = today.AddDays(-n)
	case len(words) == 1:
		w := words[0]
		for d := time.Sunday; d <= time.Saturday; d++ {
			name := strings.ToLower(d.String())
			if w == name || len(w) >= 3 && strings.HasPrefix(name, w) {
				back := (int(today.Time().Weekday()) - int(d) + 7) % 7
				if back == 0 {
					back = 7 // "friday" said on a Friday is last week's
				}
				return today.AddDays(-back), nil
			}
		}
		if wk, err := ParseWeek(strings.ToUpper(w)); err == nil {
			day = wk.Monday().AddDays(6)
			if day.After(today) && !wk.Monday().After(today) {
				day = today
			}
			break
		}
		d, err := ParseDate(w)
		if err != nil || d.IsZero() {
			return Date{}, ErrPastDay
		}
		day = d
	default:
		return Date{}, ErrPastDay
	}
	if day.After(today) {
		return Date{}, fmt.Errorf("%s has not come yet; the timeline looks back", day.Human())
	}
	if !realDay(day) {
		return Date{}, ErrPastDay // further back than any journal goes
	}
	return day, nil
}
