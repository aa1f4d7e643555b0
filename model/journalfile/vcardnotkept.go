package journalfile

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// vcWords names a property in a person's words, for one and for several.
type vcWords struct{ one, many string }

// vcNotKeptWords name the properties Tether has no place for. The kept
// ones are here for a second of what a contact holds one of (FN, ORG,
// BDAY, an anniversary), and N for the parts of a name the name kept does
// not hold (a title such as "Dr.", or a name unlike the one shown).
var vcNotKeptWords = map[string]vcWords{
	"ADR":                    {"address", "addresses"},
	"LABEL":                  {"address label", "address labels"},
	"PHOTO":                  {"photo", "photos"},
	"LOGO":                   {"logo", "logos"},
	"SOUND":                  {"sound", "sounds"},
	"URL":                    {"web address", "web addresses"},
	"IMPP":                   {"messaging address", "messaging addresses"},
	"X-AIM":                  {"messaging address", "messaging addresses"},
	"X-ICQ":                  {"messaging address", "messaging addresses"},
	"X-JABBER":               {"messaging address", "messaging addresses"},
	"X-MSN":                  {"messaging address", "messaging addresses"},
	"X-YAHOO":                {"messaging address", "messaging addresses"},
	"X-SKYPE":                {"messaging address", "messaging addresses"},
	"X-SKYPE-USERNAME":       {"messaging address", "messaging addresses"},
	"X-GOOGLE-TALK":          {"messaging address", "messaging addresses"},
	"X-GTALK":                {"messaging address", "messaging addresses"},
	"X-QQ":                   {"messaging address", "messaging addresses"},
	"X-SOCIALPROFILE":        {"social profile", "social profiles"},
	"X-TWITTER":              {"social profile", "social profiles"},
	"TITLE":                  {"job title", "job titles"},
	"ROLE":                   {"role", "roles"},
	"GEO":                    {"map location", "map locations"},
	"TZ":                     {"time zone", "time zones"},
	"LANG":                   {"language", "languages"},
	"GENDER":                 {"gender", "genders"},
	"X-GENDER":               {"gender", "genders"},
	"RELATED":                {"related person", "related people"},
	"X-ABRELATEDNAMES":       {"related person", "related people"},
	"X-SPOUSE":               {"related person", "related people"},
	"X-ASSISTANT":            {"related person", "related people"},
	"X-MANAGER":              {"related person", "related people"},
	"AGENT":                  {"person who acts for them", "people who act for them"},
	"X-ABDATE":               {"date", "dates"},
	"KEY":                    {"encryption key", "encryption keys"},
	"CALURI":                 {"calendar address", "calendar addresses"},
	"CALADRURI":              {"calendar address", "calendar addresses"},
	"FBURL":                  {"calendar address", "calendar addresses"},
	"MEMBER":                 {"group member", "group members"},
	"X-PHONETIC-FIRST-NAME":  {"phonetic name", "phonetic names"},
	"X-PHONETIC-MIDDLE-NAME": {"phonetic name", "phonetic names"},
	"X-PHONETIC-LAST-NAME":   {"phonetic name", "phonetic names"},
	"X-PHONETIC-ORG":         {"phonetic name", "phonetic names"},
	"X-MAIDENNAME":           {"maiden name", "maiden names"},
	"FN":                     {"another name", "other names"},
	"N":                      {"part of the name", "parts of the name"},
	"ORG":                    {"another organisation", "other organisations"},
	"BDAY":                   {"another birthday", "other birthdays"},
	"ANNIVERSARY":            {"another anniversary", "other anniversaries"},
	"X-ANNIVERSARY":          {"another anniversary", "other anniversaries"},
}

// vcOtherField names a property not among vcNotKeptWords.
var vcOtherField = vcWords{"other field", "other fields"}

// vcAndroidWords name what Android writes as X-ANDROID-CUSTOM, by the
// kind of data it says it is (its nickname is kept).
var vcAndroidWords = map[string]vcWords{
	"vnd.android.cursor.item/relation":      {"related person", "related people"},
	"vnd.android.cursor.item/contact_event": {"date", "dates"},
}

// vcQuiet are properties that say how a card was made, filed or shown,
// not who the person is: leaving them out loses nothing, so they are not
// named. (X-ABADR is the country format of an address, named as the
// address; X-ABLABEL labels its group's item, kept or named.)
var vcQuiet = map[string]bool{
	"BEGIN": true, "END": true, "PRODID": true, "REV": true, "UID": true, "PROFILE": true,
	"NAME": true, "SOURCE": true, "KIND": true, "CLIENTPIDMAP": true, "CLASS": true,
	"MAILER": true, "SORT-STRING": true, "X-ABSHOWAS": true, "X-ABUID": true, "X-ABADR": true,
	"X-ABLABEL": true, "X-EVOLUTION-FILE-AS": true,
}

// vcLost gathers what one card held that its contact does not keep, kind
// by kind (by their words: an X-PHONETIC-FIRST-NAME and an
// X-PHONETIC-LAST-NAME are two phonetic names), in the order of the card.
type vcLost struct {
	kinds []vcLostKind
}

type vcLostKind struct {
	words vcWords
	props map[string]bool // the properties' names
	order []string        // the first vcLostNames of them, in card order
	pos   int             // where in the card the kind first came
	n     int
}

// vcLostNames is how many property names a kind lists: a card can hold
// thousands of X- properties of its own.
const vcLostNames = 5

// add counts the property at pos in the card: of the kind its name says,
// or of words when they are given (X-ANDROID-CUSTOM says its kind in its
// value).
func (l *vcLost) add(pos int, prop string, words ...vcWords) {
	if vcQuiet[prop] {
		return
	}
	w, ok := vcNotKeptWords[prop]
	if len(words) > 0 {
		w, ok = words[0], true
	}
	if !ok {
		w = vcOtherField
	}
	i := slices.IndexFunc(l.kinds, func(k vcLostKind) bool { return k.words == w })
	if i < 0 {
		i = len(l.kinds)
		l.kinds = append(l.kinds, vcLostKind{words: w, props: map[string]bool{}, pos: pos})
	}
	k := &l.kinds[i]
	k.n++
	if !k.props[prop] {
		k.props[prop] = true
		if len(k.order) < vcLostNames {
			k.order = append(k.order, prop)
		}
	}
}

// list is what was not kept in words, in the order of the card:
// "address (ADR)", "2 photos (PHOTO)"; nil when nothing was lost.
func (l *vcLost) list() []string {
	sort.SliceStable(l.kinds, func(i, j int) bool { return l.kinds[i].pos < l.kinds[j].pos })
	var out []string
	for _, k := range l.kinds {
		// A property's name is letters, digits, - and _ only (see
		// parseVCardLine), but it may be long.
		names := make([]string, len(k.order))
		for i, p := range k.order {
			names[i] = labelText(p)
		}
		list := strings.Join(names, ", ")
		if more := len(k.props) - len(k.order); more > 0 {
			list += fmt.Sprintf(" and %d more", more)
		}
		what := k.words.one
		if k.n > 1 {
			what = fmt.Sprintf("%d %s", k.n, k.words.many)
		}
		out = append(out, what+" ("+list+")")
	}
	return out
}

// androidKind is the kind of data an X-ANDROID-CUSTOM value holds
// ("vnd.android.cursor.item/nickname") and its fields after it.
func androidKind(v string) (kind string, fields []string) {
	parts := splitEscaped(v, ';')
	return strings.ToLower(strings.TrimSpace(parts[0])), parts[1:]
}

// androidWords name an X-ANDROID-CUSTOM of a kind.
func androidWords(kind string) vcWords {
	if w, ok := vcAndroidWords[kind]; ok {
		return w
	}
	return vcOtherField
}
