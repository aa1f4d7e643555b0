package model

import "testing"

func TestParseDifficulty(t *testing.T) {
	for s, want := range map[string]Difficulty{
		"easy": DifficultyEasy, "Not bad": DifficultyNotBad, "not-bad": DifficultyNotBad, "NOT_BAD": DifficultyNotBad,
		"n": DifficultyNotBad, "q": DifficultyQuestionable, " Hard ": DifficultyHard, "I": DifficultyImpossible,
	} {
		if got, ok := ParseDifficulty(s); !ok || got != want {
			t.Errorf("ParseDifficulty(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "not", "bad", "x", "no", "easy peasy"} {
		if got, ok := ParseDifficulty(s); ok {
			t.Errorf("ParseDifficulty(%q) = %q, want none", s, got)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	for s, want := range map[string]bool{"yes": true, "Y": true, " no ": false, "N": false} {
		if got, ok := ParseYesNo(s); !ok || got != want {
			t.Errorf("ParseYesNo(%q) = %v, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "maybe", "yess", "0"} {
		if _, ok := ParseYesNo(s); ok {
			t.Errorf("ParseYesNo(%q) read an answer", s)
		}
	}
}

func TestParseHALT(t *testing.T) {
	for s, want := range map[string][4]bool{
		"none": {}, "No": {}, "hungry": {true, false, false, false}, "lonely, tired": {false, false, true, true},
		"h a l t": {true, true, true, true}, "Angry/Tired": {false, true, false, true}, "t,t": {false, false, false, true},
	} {
		if got, ok := ParseHALT(s); !ok || got != want {
			t.Errorf("ParseHALT(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", " , ", "sad", "hungry, sad", "none, tired"} {
		if got, ok := ParseHALT(s); ok {
			t.Errorf("ParseHALT(%q) = %v, want none read", s, got)
		}
	}
}

func TestParseHours(t *testing.T) {
	for s, want := range map[string]float64{"7": 7, "6.5": 6.5, " 6,5 ": 6.5, "0": 0} {
		if got, ok := ParseHours(s); !ok || got != want {
			t.Errorf("ParseHours(%q) = %v, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "seven", "7h", "6.5.1"} {
		if _, ok := ParseHours(s); ok {
			t.Errorf("ParseHours(%q) read a number", s)
		}
	}
}
