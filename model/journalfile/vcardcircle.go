package journalfile

import (
	"slices"

	"github.com/tether-recovery/tether/model"
)

// A contact's circle travels in CATEGORIES, where a phone shows it as a
// group or label: the circle's label ("Sponsor or mentor") first, then the
// tags. Read back, the first category that names a circle is the circle,
// so a Google export's "Family" label makes a person family too.

// circleNamed is the circle a category names, by its label or its short
// word, ignoring case and accents.
func circleNamed(category string) (model.Circle, bool) {
	k := model.Fold(category)
	for _, c := range model.Circles {
		if k == model.Fold(c.Label()) || k == model.Fold(c.Short()) {
			return c, true
		}
	}
	return "", false
}

// vcardCategories are what a contact's CATEGORIES hold: the circle's
// label, then the tags (a tag may repeat the circle's word: people tag so).
// Other, which says nothing, is left out unless a tag would be read back
// as the circle.
func vcardCategories(c model.Contact) []string {
	circle := c.Circle
	if !circle.Valid() {
		circle = model.CircleOther
	}
	needed := circle != model.CircleOther || slices.ContainsFunc(c.Tags, func(t string) bool {
		_, ok := circleNamed(t)
		return ok
	})
	if !needed {
		return slices.Clone(c.Tags)
	}
	return append([]string{circle.Label()}, c.Tags...)
}

// circleOfCategories takes the first category that names a circle as the
// circle; the others are the tags, a word that repeats the circle's among
// them. circle is "" when no category names one.
func circleOfCategories(cats []string) (circle model.Circle, tags []string) {
	for i, t := range cats {
		if c, ok := circleNamed(t); ok {
			return c, slices.Delete(slices.Clone(cats), i, i+1)
		}
	}
	return "", cats
}
