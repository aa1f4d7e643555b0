package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold turns text into a key for matching and sorting that ignores case and
// accents, so "zoe" finds "Zoë" and "jose" finds "José". Scripts without
// case or accents pass through unchanged.
func Fold(s string) string {
	// Broken UTF-8 (a Latin-1 import, a cut paste) makes the normalizer
	// skip the accents on the next character, so the key would change when
	// folded again; replace it first.
	s = strings.ToValidUTF8(s, "\uFFFD")
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.Map(cherokeeFold, cases.Fold().String(strings.TrimSpace(out)))
}

// cherokeeFold corrects x/text's case folding of Cherokee (golang/go#46101):
// Unicode folds Cherokee to its uppercase letters, but x/text lowercases
// them, so folding twice swapped the case back and a folded key stopped
// matching itself.
func cherokeeFold(r rune) rune {
	if unicode.Is(unicode.Cherokee, r) {
		return unicode.ToUpper(r)
	}
	return r
}

// Matches reports whether every word of the folded query occurs in one of the
// folded fields; an empty query matches everything.
func Matches(query string, fields ...string) bool {
	words := strings.Fields(Fold(query))
	if len(words) == 0 {
		return true
	}
	hay := make([]string, len(fields))
	for i, f := range fields {
		hay[i] = Fold(f)
	}
	for _, w := range words {
		found := false
		for _, h := range hay {
			if strings.Contains(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
