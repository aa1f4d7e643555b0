package journalfile

import (
	"strings"
	"unicode"
)

// nameParts splits a name for a card's N, which phones file people by
// and some insist on. A person's name (see personName) gives its last word
// as the family name, with the particles before it ("van Beethoven"), and
// the words before as the given names: "Ana María Lima" is Lima; Ana
// María. Anything else (one word, a group such as "Tuesday SMART
// meeting", a name in a script without capitals, where the family name
// may well come first) is the given name whole, so a phone shows it as it
// is written and files it under its first letter.
func nameParts(name string) (family, given string) {
	words := strings.Fields(name)
	if len(words) < 2 || !personName(words) {
		return "", strings.Join(words, " ")
	}
	last := len(words) - 1
	for last > 1 && nameParticles[strings.ToLower(words[last-1])] {
		last--
	}
	return strings.Join(words[last:], " "), strings.Join(words[:last], " ")
}

// personName reports words that read as a person's name: each begins with
// a capital (or is a particle such as "de", between names), holds letters
// and . ' ’ - only, is not in capitals throughout (SMART, AA: a group's
// initials) and is not a word groups are named with (meeting, clinic,
// line…).
func personName(words []string) bool {
	for i, w := range words {
		lower := strings.ToLower(w)
		switch {
		case groupWords[strings.Trim(lower, ".")]:
			return false
		case nameParticles[lower] && i > 0 && i < len(words)-1:
			continue
		}
		first := []rune(w)[0]
		if !unicode.IsUpper(first) {
			return false
		}
		capitals := 0
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				capitals++
			case unicode.IsLetter(r), unicode.Is(unicode.Mn, r), strings.ContainsRune(".'’-", r):
			default:
				return false
			}
		}
		if capitals > 1 && capitals == len([]rune(strings.Trim(w, ".'’-"))) {
			return false
		}
	}
	return true
}

// nameParticles come before a family name and belong to it.
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"da": true, "das": true, "do": true, "dos": true, "di": true, "du": true, "la": true,
	"le": true, "ten": true, "ter": true, "bin": true, "ibn": true, "al": true, "el": true,
}

// groupWords name groups, meetings and services rather than people.
var groupWords = map[string]bool{
	"meeting": true, "meetings": true, "group": true, "groups": true, "line": true,
	"helpline": true, "hotline": true, "clinic": true, "centre": true, "center": true,
	"service": true, "services": true, "team": true, "club": true, "church": true,
	"hall": true, "trust": true, "fellowship": true, "society": true, "anonymous": true,
	"recovery": true, "support": true, "crisis": true, "hospital": true, "surgery": true,
	"practice": true, "ward": true, "office": true, "night": true, "morning": true,
}
