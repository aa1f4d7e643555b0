package model

import (
	"strconv"
	"strings"
)

// The check-in's answers as a person types them rather than picks them:
// at a shell's prompt, or as a flag. Whether an answer is in range is
// CheckIn.Validate's to say; these only read the words.

// ParseDifficulty reads how hard a day was: its code ("not-bad"), its
// label ("Not bad") or its first letter (e, n, q, h, i, the form's keys),
// ignoring case and accents.
func ParseDifficulty(s string) (Difficulty, bool) {
	key := strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "-")
	for _, d := range Difficulties[1:] {
		if key == string(d) || key == string(d)[:1] {
			return d, true
		}
	}
	return DifficultyUnsaid, false
}

// ParseYesNo reads yes (y) or no (n), ignoring case.
func ParseYesNo(s string) (yes, ok bool) {
	switch Fold(s) {
	case "yes", "y":
		return true, true
	case "no", "n":
		return false, true
	}
	return false, false
}

// HALTWords are the HALT check's words, in its order.
var HALTWords = []string{"hungry", "angry", "lonely", "tired"}

// ParseHALT reads which HALT words fit: any of hungry, angry, lonely and
// tired, or their first letters, separated by commas or spaces; "none"
// (or "no") for none of them. Each is ticked or not, so the four answers
// come back together.
func ParseHALT(s string) (halt [4]bool, ok bool) {
	words := strings.FieldsFunc(Fold(s), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '/' })
	if len(words) == 1 && (words[0] == "none" || words[0] == "no") {
		return halt, true
	}
	if len(words) == 0 {
		return halt, false
	}
next:
	for _, w := range words {
		for i, h := range HALTWords {
			if w == h || w == h[:1] {
				halt[i] = true
				continue next
			}
		}
		return [4]bool{}, false
	}
	return halt, true
}

// ParseHours reads a number of hours, like 7 or 6.5 (or 6,5, as many
// write it).
func ParseHours(s string) (float64, bool) {
	x, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
	return x, err == nil
}
