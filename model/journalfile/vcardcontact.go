package journalfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/tether-recovery/tether/model"
)

// vcardDay reads a BDAY or ANNIVERSARY as phones and address books write
// it: 19850309, 1985-03-09, --0309, --03-09 (no year), with or without a
// time after T, which is not kept. v is the property's value, unescaped.
// ok is false for a value that is not a day; an empty value is ok, and
// the zero Birthday: it says nothing, so nothing is left out.
func vcardDay(p vcProp, v string) (b model.Birthday, ok bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, "Tt"); i > 0 {
		v = v[:i]
	}
	// Apple's Contacts writes a day without its year under a placeholder
	// year (BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-09) and names that year
	// in the parameter: it is no year, and the birthday is 03-09.
	if omit := p.param("X-APPLE-OMIT-YEAR"); len(omit) == 4 {
		if rest, ok := strings.CutPrefix(v, omit); ok {
			v = "--" + strings.TrimPrefix(rest, "-")
		}
	}
	b, err := model.ParseBirthday(v)
	return b, err == nil
}

// vcItem is one phone number or email address of a card.
type vcItem struct {
	text  string
	label string // "mobile", "work", an Apple label…
	rank  int    // lower is preferred
}

// contact builds the card's contact, and names what Tether has no place
// for (see vcLost); ok is false when it is skipped.
func (card *vcCard) contact() (c model.Contact, notKept []string, warnings []vcWarning, ok bool) {
	var notices []string
	warn := func(s string) {
		if !slices.Contains(notices, s) {
			notices = append(notices, s)
		}
	}
	labels := map[string]string{}
	for _, p := range card.props {
		if p.name == "X-ABLABEL" && p.group != "" {
			labels[p.group] = appleLabel(model.OneLine(unescapeText(p.decoded(warn))))
		}
	}

	var fn, fromN, org, email0, tel0 string
	var birthday model.Birthday
	var recovery model.Date
	var orgParts, nicks, notes, tags, extras []string
	var tels, emails []vcItem
	var lost vcLost
	type structured struct {
		pos   int
		value string
	}
	var ns []structured // every N, to see that the name holds it
	for i, p := range card.props {
		v := p.decoded(warn)
		switch p.name {
		case "FN":
			raw := unescapeText(v)
			switch one := model.OneLine(raw); {
			case fn == "":
				if fn = one; fn == "" {
					fn = strings.TrimSpace(raw) // nothing visible: said so, and N is taken
				}
			case one != "" && model.Fold(one) != model.Fold(fn):
				lost.add(i, p.name)
			}
		case "N":
			if fromN == "" {
				fromN = nameFromN(v)
			}
			ns = append(ns, structured{i, v})
		case "ORG":
			var parts []string
			for _, part := range splitEscaped(v, ';') {
				if part = model.OneLine(unescapeText(part)); part != "" {
					parts = append(parts, part)
				}
			}
			switch {
			case orgParts == nil:
				orgParts, org = parts, strings.Join(parts, ", ")
			case parts != nil && model.Fold(strings.Join(parts, ", ")) != model.Fold(org):
				lost.add(i, p.name)
			}
		case "X-ANDROID-CUSTOM":
			// Android writes a nickname so in 2.1 cards.
			kind, fields := androidKind(v)
			if kind != "vnd.android.cursor.item/nickname" {
				lost.add(i, p.name, androidWords(kind))
				continue
			}
			if len(fields) > 0 {
				if n := model.OneLine(unescapeText(fields[0])); n != "" {
					nicks = append(nicks, n)
				}
			}
		case "NICKNAME":
			for _, n := range splitEscaped(v, ',') {
				if n = model.OneLine(unescapeText(n)); n != "" {
					nicks = append(nicks, n)
				}
			}
		case "BDAY":
			// The first birthday is kept; a later one is not a second.
			switch b, ok := vcardDay(p, unescapeText(v)); {
			case !ok:
				warn("its birthday " + quoteText(model.OneLine(unescapeText(v))) + " is not a day of the year, so it was left out")
			case b.IsZero():
			case birthday.IsZero():
				birthday = b
			case b != birthday:
				lost.add(i, p.name)
			}
		case "ANNIVERSARY", "X-ANNIVERSARY":
			// Tether's place for a yearly date of a person is their own
			// recovery date: it needs its year.
			switch b, ok := vcardDay(p, unescapeText(v)); {
			case !ok || b.Year == 0 && !b.IsZero():
				warn("its anniversary " + quoteText(model.OneLine(unescapeText(v))) + " is not a date with its year, so it was left out")
			case b.IsZero():
			case recovery.IsZero():
				recovery = model.Date(b)
			case model.Date(b) != recovery:
				lost.add(i, p.name)
			}
		case "NOTE":
			if n := strings.TrimRight(model.MultiLine(unescapeText(v)), " \t\n"); strings.TrimSpace(n) != "" {
				notes = append(notes, n)
			}
		case "CATEGORIES":
			for _, t := range splitEscaped(v, ',') {
				if t = model.OneLine(unescapeText(t)); t != "" && !strings.EqualFold(t, "myContacts") {
					tags = append(tags, t)
				}
			}
		case "TEL":
			t := phoneFromVCard(unescapeText(v))
			if t == "" {
				continue
			}
			if tel0 == "" {
				tel0 = t
			}
			tels = append(tels, vcItem{t, itemLabel(p, labels), prefRank(p)})
		case "EMAIL":
			e := model.OneLine(unescapeText(v))
			for len(e) >= 7 && strings.EqualFold(e[:7], "mailto:") {
				e = strings.TrimSpace(e[7:])
			}
			if e == "" {
				continue
			}
			if email0 == "" {
				email0 = e
			}
			emails = append(emails, vcItem{e, itemLabel(p, labels), prefRank(p)})
		case "X-ABLABEL":
			// Read above: it labels its group's phone or email, or goes
			// with an item that is not kept.
		default:
			lost.add(i, p.name)
		}
	}

	// The name, from the first source that gives a usable one.
	type source struct{ text, from string }
	sources := []source{{fn, ""}, {fromN, ""}, {org, "org"}, {email0, "its email address"}, {tel0, "its phone number"}}
	var nameFrom, rejected, why string
	for _, s := range sources {
		if s.text == "" {
			continue
		}
		if msg := (model.Contact{Name: s.text}).Validate(model.Date{})[model.FieldName]; msg != "" {
			if rejected == "" {
				rejected, why = s.text, msg
			}
			continue
		}
		c.Name, nameFrom = s.text, s.from
		break
	}
	label := fmt.Sprintf("card %d", card.pos)
	switch {
	case c.Name != "":
		label += " (" + labelText(c.Name) + ")"
	case rejected != "":
		label += " (" + labelText(rejected) + ")"
	}
	add := func(line int, s string) { warnings = append(warnings, vcWarning{line, label + ": " + s}) }
	if card.unended != "" {
		// A card cut off mid-way (a file copied in part, a phone's export
		// stopped) may end in a cut value: a phone saved as "+1 555 01"
		// would be worse than no phone. So it is named and left out.
		add(card.line, unendedSentence(card.unended))
		return model.Contact{}, nil, warnings, false
	}
	if len(card.junk) > 0 {
		add(card.line, junkSentence(card.junk))
	}
	for _, n := range notices {
		add(card.line, n)
	}
	switch {
	case c.Name == "" && rejected == "":
		add(card.line, "it has no name, organisation, email or phone, so it was skipped")
		return model.Contact{}, nil, warnings, false
	case c.Name == "":
		add(card.line, "skipped: "+problemsSentence(model.Problems{model.FieldName: why}))
		return model.Contact{}, nil, warnings, false
	case rejected != "" && rejected != c.Name:
		add(card.line, "its name could not be used ("+sentencePart(why)+"), so it is named "+quoteText(c.Name))
	case nameFrom != "" && nameFrom != "org":
		add(card.line, "it has no name, so it is named after "+nameFrom)
	}

	for _, n := range ns {
		if !nameHolds(c.Name, n.value) {
			lost.add(n.pos, "N")
		}
	}

	c.Birthday, c.RecoveryDate = birthday, recovery
	c.Nickname = strings.Join(nicks, ", ")
	if model.TextProblem(c.Nickname, model.MaxShortLen, false) != "" {
		extras, c.Nickname = append(extras, "Nickname: "+c.Nickname), ""
	}
	if nameFrom != "org" && model.Fold(org) != model.Fold(c.Name) {
		c.Group = org
		if model.TextProblem(c.Group, model.MaxShortLen, false) != "" {
			extras, c.Group = append(extras, "Organisation: "+c.Group), ""
		}
	}
	var other []vcItem
	c.Phone, other = pickItem(tels, func(s string) bool { return model.PhoneProblem(s) == "" })
	if len(other) > 0 {
		extras = append(extras, "Other phones: "+itemList(other))
	}
	c.Email, other = pickItem(emails, func(s string) bool { return model.EmailProblem(s) == "" })
	if len(other) > 0 {
		extras = append(extras, "Other emails: "+itemList(other))
	}
	c.Circle, tags = circleOfCategories(tags)
	var longTags []string
	for _, t := range tags {
		if model.TextProblem(t, model.MaxTagLen, false) != "" {
			longTags = append(longTags, t)
		} else {
			c.Tags = append(c.Tags, t)
		}
	}
	if len(longTags) > 0 {
		extras = append(extras, "Other tags: "+strings.Join(longTags, ", "))
	}

	// The notes as written, cut if they must be so the extras fit.
	extra := model.MultiLine(strings.Join(extras, "\n"))
	note := strings.Join(notes, "\n\n")
	room := model.MaxNotesLen
	if extra != "" {
		room -= uniseg.GraphemeClusterCount(extra) + 2
	}
	cut := false
	if note != "" && model.TextProblem(joinNonEmpty("\n\n", note, extra), model.MaxNotesLen, true) != "" {
		note, cut = cutText(note, max(room, 0))
	}
	c.Notes = joinNonEmpty("\n\n", note, extra)
	if model.TextProblem(c.Notes, model.MaxNotesLen, true) != "" {
		c.Notes, cut = cutText(c.Notes, model.MaxNotesLen)
	}
	if cut {
		add(card.line, fmt.Sprintf("its notes were longer than %d characters and were cut", model.MaxNotesLen))
	}

	c = c.Normalize()
	if p := c.Validate(model.Date{}); len(p) > 0 {
		add(card.line, "skipped: "+problemsSentence(p))
		return model.Contact{}, nil, warnings, false
	}
	return c, lost.list(), warnings, true
}

// nameFromN is "Given Additional Family" from a structured N value.
func nameFromN(v string) string {
	parts := splitEscaped(v, ';')
	get := func(i int) string {
		if i >= len(parts) {
			return ""
		}
		var words []string
		for _, w := range splitEscaped(parts[i], ',') {
			if w = model.OneLine(unescapeText(w)); w != "" {
				words = append(words, w)
			}
		}
		return strings.Join(words, " ")
	}
	return joinNonEmpty(" ", get(1), get(2), get(0))
}

// nameHolds reports whether every word of a structured name (N) is in the
// name kept, so that nothing of it is lost: "Lima;Ana;;Dr.;" is held by
// "Dr. Ana Lima", not by "Ana Lima" or "Mum".
func nameHolds(name, n string) bool {
	folded := model.Fold(name)
	for _, part := range splitEscaped(n, ';') {
		for _, w := range splitEscaped(part, ',') {
			for _, word := range strings.Fields(model.OneLine(unescapeText(w))) {
				if !strings.Contains(folded, model.Fold(word)) {
					return false
				}
			}
		}
	}
	return true
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// phoneFromVCard reads a TEL value, plain or a "tel:" URI.
func phoneFromVCard(v string) string {
	v = model.OneLine(v)
	if len(v) >= 4 && strings.EqualFold(v[:4], "tel:") {
		parts := strings.Split(v[4:], ";")
		v = strings.TrimSpace(parts[0])
		for _, p := range parts[1:] {
			if k, x, ok := strings.Cut(p, "="); ok && strings.EqualFold(strings.TrimSpace(k), "ext") && strings.TrimSpace(x) != "" {
				v += " ext. " + strings.TrimSpace(x)
			}
		}
	}
	return v
}

// appleLabel reads Apple's "_$!<Mobile>!$_" as "mobile"; a label the
// person typed stays as it is.
func appleLabel(s string) string {
	if inner, ok := strings.CutPrefix(s, "_$!<"); ok {
		if inner, ok = strings.CutSuffix(inner, ">!$_"); ok {
			return strings.ToLower(inner)
		}
	}
	return s
}

var vcTypeWords = map[string]string{
	"CELL": "mobile", "MOBILE": "mobile", "HOME": "home", "WORK": "work", "FAX": "fax",
	"PAGER": "pager", "MAIN": "main", "IPHONE": "iPhone", "TEXT": "text", "VIDEO": "video",
	"OTHER": "other", "MSG": "message", "CAR": "car", "ISDN": "ISDN", "TEXTPHONE": "textphone",
}

// itemLabel names a phone or email: its Apple label, or its types.
func itemLabel(p vcProp, labels map[string]string) string {
	if l := labels[p.group]; p.group != "" && l != "" {
		return l
	}
	var words []string
	for _, t := range p.params["TYPE"] {
		if w := vcTypeWords[t]; w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// prefRank is how preferred an item is: PREF=1 (4.0) and TYPE=pref (3.0,
// 2.1) first, then the rest in file order.
func prefRank(p vcProp) int {
	if n, err := strconv.Atoi(p.param("PREF")); err == nil && n >= 1 && n <= 100 {
		return n
	}
	if p.hasType("PREF") {
		return 1
	}
	return 101
}

// pickItem takes the most preferred item that is fine for the field, and
// returns the others in file order.
func pickItem(items []vcItem, fine func(string) bool) (string, []vcItem) {
	best := -1
	for i, it := range items {
		if fine(it.text) && model.TextProblem(it.text, model.MaxShortLen, false) == "" && (best < 0 || it.rank < items[best].rank) {
			best = i
		}
	}
	if best < 0 {
		return "", items
	}
	var rest []vcItem
	seen := map[string]bool{items[best].text: true}
	for _, it := range items {
		if !seen[it.text] {
			seen[it.text] = true
			rest = append(rest, it)
		}
	}
	return items[best].text, rest
}

func itemList(items []vcItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.text
		if it.label != "" {
			parts[i] += " (" + it.label + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// cutText keeps at most n characters (grapheme clusters) of s, and no more
// bytes than a field allows for them.
func cutText(s string, n int) (string, bool) {
	if uniseg.GraphemeClusterCount(s) <= n && len(s) <= model.MaxBytes(n) {
		return s, false
	}
	if n <= 1 {
		return "", true
	}
	g := uniseg.NewGraphemes(s)
	end, count := 0, 0
	for g.Next() {
		_, to := g.Positions()
		if count == n-1 || to > model.MaxBytes(n)-len("…") {
			break
		}
		end, count = to, count+1
	}
	return strings.TrimRight(s[:end], " \t\n") + "…", true
}
