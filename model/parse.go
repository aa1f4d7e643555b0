package model

import (
	"errors"
	"strconv"
	"strings"
)

// ErrCadenceFormat is returned for a rhythm that is not a number of days.
var ErrCadenceFormat = errors.New("type a number of days, like 7, or weeks, like 2w; 0 means no rhythm")

// ParseCadence reads a reach-out rhythm typed by a person: "7", "7d", "2w",
// or "" for none. Weeks are the way most people think of a rhythm.
func ParseCadence(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	mult := 1
	switch {
	case strings.HasSuffix(s, "w"):
		mult, s = 7, strings.TrimSpace(strings.TrimSuffix(s, "w"))
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSpace(strings.TrimSuffix(s, "d"))
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > MaxCadence/mult {
		return 0, ErrCadenceFormat
	}
	return n * mult, nil
}

// FormatCadence prints a rhythm the way ParseCadence reads it back.
func FormatCadence(days int) string {
	switch {
	case days <= 0:
		return ""
	case days%7 == 0:
		return strconv.Itoa(days/7) + "w"
	default:
		return strconv.Itoa(days)
	}
}
