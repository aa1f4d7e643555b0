package model

import (
	"strings"
	"unicode"
)

// SearchKind is where a search result was found.
type SearchKind string

// The kinds, in the order results are shown.
const (
	SearchContact    SearchKind = "contact"
	SearchReachOut   SearchKind = "reach-out"
	SearchCheckIn    SearchKind = "check-in"
	SearchReflection SearchKind = "reflection"
	SearchPlan       SearchKind = "plan"
)

// SearchKinds lists the kinds in display order, with their headings.
var SearchKinds = []struct {
	Kind    SearchKind
	Heading string
}{
	{SearchContact, "People"},
	{SearchReachOut, "Reach-outs"},
	{SearchCheckIn, "Check-ins"},
	{SearchReflection, "Reflections"},
	{SearchPlan, "Safety plan"},
}

// SearchHit is one place a search found: a person, a reach-out (and its
// person and day), a check-in's day, a reflection's week, or the plan.
type SearchHit struct {
	Kind       SearchKind
	ContactID  int64 // the person: a contact, or a reach-out's
	Archived   bool  // a contact who is archived
	ReachOutID int64
	Day        Date // a reach-out's or check-in's day; a reflection's Monday
	Week       Week // a reflection's
	// Title is what the place is called: the person's name, or the
	// reflection's prompt.
	Title string
	// Snippet is the text around what matched, each match between
	// SearchMark and SearchUnmark.
	Snippet string
}

// The marks around a match in a snippet: control characters, which text
// kept in the journal never holds (see TextProblem).
const (
	SearchMark   = "\x01"
	SearchUnmark = "\x02"
)

// SearchQuery turns what a person typed into an FTS5 query: each word (a
// run of letters and digits) must start a word somewhere in the place, in
// any case and with or without accents. Everything else is a separator, so
// nothing typed is read as query syntax. "" when nothing is left to find.
func SearchQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	if len(words) > 8 {
		words = words[:8] // a sentence pasted in finds what its first words find
	}
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}
