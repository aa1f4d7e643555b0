package model

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Field names used as keys of Problems, so a form can show each message
// next to the field it is about.
const (
	FieldName         = "name"
	FieldNickname     = "nickname"
	FieldCircle       = "circle"
	FieldGroup        = "group"
	FieldPhone        = "phone"
	FieldEmail        = "email"
	FieldPreferred    = "preferred"
	FieldAvailability = "availability"
	FieldAnyTimeSince = "anytime_since"
	FieldImportance   = "importance"
	FieldSupportive   = "supportive"
	FieldStance       = "stance"
	FieldKnownSince   = "known_since"
	FieldCadence      = "cadence"
	FieldNotes        = "notes"
	FieldTags         = "tags"
	FieldBirthday     = "birthday"
	FieldRecoveryDate = "recovery_date"
	FieldSnoozedUntil = "snoozed_until"
)

// Limits on what a person can type. Generous: they exist to catch a paste
// gone wrong, not to police anyone.
const (
	MaxNameLen  = 200
	MaxShortLen = 200
	MaxNotesLen = 10000
	MaxTagLen   = 40
	MaxCadence  = 3650

	// MaxPasteLen is the most one paste may bring: what the longest field
	// (notes, a reflection's answer) holds. A longer paste could never be
	// saved, so the app refuses it whole and at once, rather than take
	// seconds laying out text it would then refuse.
	MaxPasteLen = max(MaxNotesLen, MaxAnswerLen)
)

// LongerThan reports whether s holds more than n characters (as the
// limits count them), looking at no more of s than it must: a paste of
// megabytes is answered at once.
func LongerThan(s string, n int) bool {
	switch {
	case len(s) <= n: // a character is at least a byte
		return false
	case len(s) > MaxBytes(n):
		return true
	}
	return uniseg.GraphemeClusterCount(s) > n
}

// Problems maps a field to a sentence that says what is wrong and how to fix
// it. An empty Problems means the value is fine.
type Problems map[string]string

// Error joins the problems into one line, in a stable order.
func (p Problems) Error() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msgs := make([]string, len(keys))
	for i, k := range keys {
		msgs[i] = k + ": " + strings.TrimSuffix(p[k], ".")
	}
	return strings.Join(msgs, "; ")
}

// Validate checks a normalized contact against the rules of the SPEC. today
// is needed because dates in the future are almost always typos.
func (c Contact) Validate(today Date) Problems {
	p := Problems{}
	n := uniseg.GraphemeClusterCount(c.Name)
	switch {
	case strings.TrimSpace(c.Name) == "":
		p[FieldName] = "A name is needed — a first name or a nickname is enough."
	case n > MaxNameLen || len(c.Name) > MaxBytes(MaxNameLen):
		p[FieldName] = fmt.Sprintf("That name is %d characters; please keep it to %d.", n, MaxNameLen)
	case !utf8.ValidString(c.Name):
		p[FieldName] = badEncoding
	case hasControl(c.Name, false):
		p[FieldName] = "A name can't hold line breaks or control characters."
	case !hasVisible(c.Name):
		p[FieldName] = "A name needs at least one visible character."
	case hasInvisible(c.Name):
		p[FieldName] = "A name can't hold invisible characters (a zero-width space or a direction mark, say): they make it look like someone else's name. Please retype it."
	}
	short := map[string]string{
		FieldNickname: c.Nickname, FieldGroup: c.Group, FieldAvailability: c.Availability,
		FieldPhone: c.Phone, FieldEmail: c.Email,
	}
	for f, v := range short {
		if msg := TextProblem(v, MaxShortLen, false); msg != "" {
			p[f] = msg
		}
	}
	if _, bad := p[FieldPhone]; !bad {
		if msg := PhoneProblem(c.Phone); msg != "" {
			p[FieldPhone] = msg
		}
	}
	if _, bad := p[FieldEmail]; !bad {
		if msg := EmailProblem(c.Email); msg != "" {
			p[FieldEmail] = msg
		}
	}
	if msg := TextProblem(c.Notes, MaxNotesLen, true); msg != "" {
		p[FieldNotes] = msg
	}
	for _, t := range c.Tags {
		if msg := TextProblem(t, MaxTagLen, false); msg != "" {
			p[FieldTags] = "One of the tags needs a look. " + msg
		}
	}
	if !c.Circle.Valid() {
		p[FieldCircle] = "Pick one of the circles."
	}
	if !c.Stance.Valid() {
		p[FieldStance] = "Pick one of the choices."
	}
	// Every channel can be logged, but only the PreferredChannels can be
	// preferred: "meeting" or "other" is no way to reach a person.
	if !slices.Contains(PreferredChannels, c.Preferred) {
		p[FieldPreferred] = "Pick one of the ways to reach them."
	}
	if c.Importance < 0 || c.Importance > 5 {
		p[FieldImportance] = "Importance is 1 to 5 (or blank)."
	}
	if c.Supportive < 0 || c.Supportive > 5 {
		p[FieldSupportive] = "Supportive is 1 to 5 (or blank)."
	}
	if c.CadenceDays < 0 || c.CadenceDays > MaxCadence {
		p[FieldCadence] = fmt.Sprintf("Reach out every 1 to %d days, or 0 for no rhythm.", MaxCadence)
	}
	if c.RestCadence < 0 || c.RestCadence > MaxCadence {
		p[FieldCadence] = fmt.Sprintf("A rhythm at rest is 1 to %d days, or 0.", MaxCadence)
	}
	if b := c.Birthday; !b.IsZero() {
		if back, err := ParseBirthday(b.String()); err != nil || back != b {
			p[FieldBirthday] = "That is not a day of the year; use month-day (03-09) or year-month-day (1985-03-09)."
		}
	}
	for f, d := range map[string]Date{FieldKnownSince: c.KnownSince, FieldAnyTimeSince: c.AnyTimeSince,
		FieldRecoveryDate: c.RecoveryDate, FieldSnoozedUntil: c.SnoozedUntil} {
		// A Date built in code (an import, a bug) may not be a real day;
		// stored, it could not be read back.
		if !d.IsZero() && !realDay(d) {
			p[f] = "That is not a real calendar day; use year-month-day, like 2024-03-09."
		}
	}
	if !today.IsZero() {
		if c.KnownSince.After(today) {
			p[FieldKnownSince] = "That date is in the future."
		}
		if c.AnyTimeSince.After(today) {
			p[FieldAnyTimeSince] = "That date is in the future."
		}
		if c.RecoveryDate.After(today) {
			p[FieldRecoveryDate] = "That date is in the future."
		}
		if b := c.Birthday; b.Year != 0 && b.In(b.Year).After(today) {
			p[FieldBirthday] = "That birthday is in the future."
		}
	}
	return p
}

// MaxBytes caps the bytes behind n characters: one character may carry any
// number of combining marks, and a pasted wall of them should not be stored.
// Forty bytes a character leaves room for the longest emoji sequences.
func MaxBytes(n int) int { return 40 * n }

// badEncoding is the message for bytes that are not UTF-8, typically from
// a file saved in an old encoding.
const badEncoding = "This text has characters that could not be read (not UTF-8); please retype them."

// hasControl reports characters that would disturb the screen: control
// characters (an escape sequence could repaint the terminal), line and
// paragraph separators, and bidirectional overrides that make text display
// in a different order than it was typed. multiline allows line breaks and
// tabs.
func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		switch {
		case unicode.IsControl(r),
			r == '\u2028', r == '\u2029',
			r >= '\u202A' && r <= '\u202E',
			r >= '\u2066' && r <= '\u2069':
			return true
		}
	}
	return false
}

// hasInvisible reports a format character that shows nothing (Invisible):
// in a one-line field it only makes two texts that look the same differ,
// as "Maria" and "Ma\u200bria" would, so `tether log maria` could pick
// either.
func hasInvisible(s string) bool {
	return strings.IndexFunc(s, Invisible) >= 0
}

// hasVisible reports whether s has something a person can see: a name made
// only of zero-width or format characters would show as blank.
func hasVisible(s string) bool {
	for _, r := range s {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return false
}

// PhoneProblem returns a friendly sentence when text does not look like a
// phone number, or "" when it does (or is empty). It is deliberately
// lenient: every country writes numbers its own way, short codes such as 988
// are real, and letters may spell a number or an extension.
func PhoneProblem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "@") {
		return "That looks like an email address — it belongs in the Email field."
	}
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r), unicode.IsSpace(r), strings.ContainsRune("+-().,/#*~", r):
		default:
			return fmt.Sprintf("A phone number can't contain %q; digits, spaces, + - ( ) are fine.", r)
		}
	}
	switch {
	case digits == 0:
		return "A phone number needs digits, like +44 20 7946 0018 or 988."
	case digits < 3:
		return "That looks too short for a phone number."
	case digits > 20:
		return "That has more digits than any phone number; is something pasted twice?"
	}
	return ""
}

// EmailProblem returns a friendly sentence when text does not look like an
// email address, or "" when it does (or is empty).
func EmailProblem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	const hint = "That email looks incomplete: it needs a name, an @ and a domain, like sam@example.org."
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return "An email address has no spaces."
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") {
		return hint
	}
	dot := strings.LastIndex(domain, ".")
	if dot <= 0 || dot == len(domain)-1 || strings.HasPrefix(domain, ".") || strings.Contains(domain, "..") {
		return hint
	}
	return ""
}

// cleanText tidies multi-line text a person typed or pasted: Windows and old
// Mac line endings become plain line breaks (a lone carriage return would
// send the terminal's cursor back over the line), and blank space at the
// end, and with trimStart at the start, goes.
func cleanText(s string, trimStart bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if trimStart {
		s = strings.TrimLeft(s, " \t\n")
	}
	return strings.TrimRight(s, " \t\n")
}

// Thousands writes n with its thousands grouped, as in a sentence:
// "50,000".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
