package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold turns text into a key for matching and sorting that ignores case and
// accents, so "zoe" finds "Zoë" and "jose" finds "José". Marks that are
// part of other scripts' spelling (Devanagari vowels, Arabic hamza) stay.
func Fold(s string) string {
	// Most names and tags are plain ASCII, where folding is lower-casing
	// and there are no accents: this way is some twenty times quicker and
	// gives the same key (FuzzFold holds the two ways to each other). Due
	// lists and the contact list fold every name they sort.
	if isASCII(s) {
		return strings.ToLower(strings.TrimSpace(s))
	}
	return foldUnicode(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
	// Broken UTF-8 (a Latin-1 import, a cut paste) makes the normalizer
	// skip the accents on the next character, so the key would change when
	// folded again; replace it first.
	s = strings.ToValidUTF8(s, "\uFFFD")
	out := stripAccents(s)
	return strings.Map(cherokeeFold, cases.Fold().String(strings.TrimSpace(out)))
}

// stripAccents removes combining marks only where they are accents on Latin
// and Greek letters. In scripts such as Devanagari or Arabic the marks are
// vowels and letters in their own right: "के" and "कु" are different words,
// and stripping them would make different tags look like repeats.
func stripAccents(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	accentable := false
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			if accentable {
				continue
			}
		} else {
			accentable = unicode.In(r, unicode.Latin, unicode.Greek)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
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

// LookAlikeKey is a name as it looks: without escape sequences and
// invisible characters (zero-width spaces, joiners, direction marks, which
// show as nothing), in NFC (so an "é" typed as e + accent is the same as
// one "é"), case-folded, with runs of spaces as one. Two people with the
// same key look the same on every screen, so adding one beside the other
// is worth a warning.
func LookAlikeKey(name string) string {
	s := strings.ReplaceAll(PrintableLine(name), "\u200d", "")
	s = cases.Fold().String(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// PeopleNamed are the active people whose name or nickname the text holds
// as whole words, ignoring case and accents.
func PeopleNamed(text string, people []Contact) []Contact {
	names := NamesIn(text)
	var out []Contact
	for _, c := range people {
		if !c.Archived && names(Fold(c.Name), Fold(c.Nickname)) {
			out = append(out, c)
		}
	}
	return out
}

// NamesIn is PeopleNamed's test, built once for a text: whether it names
// someone, given their name and nickname already folded (Fold), as a
// journal keeps them. It holds the name or nickname as whole words.
func NamesIn(text string) func(foldedName, foldedNickname string) bool {
	hay := " " + NameWords(text) + " "
	holds := func(folded string) bool {
		words := wordsOf(folded)
		return words != "" && strings.Contains(hay, " "+words+" ")
	}
	return func(name, nickname string) bool { return holds(name) || holds(nickname) }
}

// NameWords is a name, or any text, as NamesIn reads it: its folded words
// one space apart, signs and spacing left out ("" when it has no word).
// A journal keeps each name's and nickname's, so that the people a text
// names are found in a few ranges of an index (see store's namedIn).
func NameWords(text string) string { return wordsOf(Fold(text)) }

// wordsOf is NameWords of text already folded.
func wordsOf(folded string) string { return strings.Join(strings.FieldsFunc(folded, notWordRune), " ") }

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
