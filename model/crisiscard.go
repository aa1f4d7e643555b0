package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// CrisisCard is the card's content, built once and rendered by the TUI and
// by `tether sos` alike.
type CrisisCard struct {
	Sections []CardSection
}

// CardSection is one titled part of the card.
type CardSection struct {
	Title string
	Lines []string
	// Short is each line cut to what is needed to call: name and number,
	// or a line's name and number, for a small screen; nil when the lines
	// are short already (the plan's own words).
	Short []string
	Note  string // a quieter line under it, e.g. the directory pointer
}

// The titles of the card's sections that are not safety-plan parts.
const (
	CardAnyTimeTitle       = "People who said call any time"
	CardMoreAnyTimeTitle   = "More people who said call any time"
	CardCrisisLinesTitle   = "Crisis line"
	CardDistractionTitle   = "People who take my mind off it"
	CardProfessionalsTitle = "Professionals"
	CardSubstanceTitle     = "Alcohol and drug helplines"
)

// CardFirstPeople is how many any-time people the card shows before its
// crisis line: enough to have someone to call, few enough that the line
// and the emergency number are on the first screen at 80×24.
const CardFirstPeople = 4

// CardGroupPeople is the most people the card lists of one group (the
// any-time people, those good for a distraction, the professionals, the
// people one part of the plan names): more than anyone reads through in a
// hard moment, and few enough that a journal of thousands (an address book
// imported whole) gives a card as quick to read and to scroll as any. The
// rest of a group is counted at its foot (MoreInContacts).
const CardGroupPeople = 30

// CardPeople is whom the crisis card may show, as the journal gives them:
// at most CardGroupPeople of each group, the first in the card's order as
// far as it can be kept in an index (a number to call, importance, name),
// and how many each group holds in all. A count below what People brings
// of a group counts what People brings.
type CardPeople struct {
	People []Contact
	// AnyTime counts the people who said call any time; Distraction those
	// good for a distraction who did not (never those marked as supporting
	// using); Professionals the professionals who are neither.
	AnyTime, Distraction, Professionals int
	// Named counts the people each part of the plan names, by its key.
	Named map[string]int
}

// MoreInContacts is the line at the foot of a group the card cannot list
// whole: how many more, and where they all are.
func MoreInContacts(n int) string {
	return fmt.Sprintf("…and %s more, all in Contacts", Thousands(n))
}

// EmergencyLine stands for the emergency number where Tether bundles none
// (no region chosen, or one without lines).
const EmergencyLine = "If you are in danger right now, call your local emergency number."

// BuildCrisisCard puts the card together, numbers first:
//
//   - the first CardFirstPeople of the people who said "call me any time",
//     those who may be awake now first, with number, preferred way and
//     availability;
//   - the crisis line: the person's own numbers, their region's crisis
//     lines and its emergency number (or, without a region or for one
//     without bundled lines, the directory pointer and EmergencyLine);
//   - the safety plan's parts that have lines; under "people I can ask for
//     help" and "people and places that take my mind off it", the contacts
//     a line names, with their number and way to reach them;
//   - the rest of the any-time people; the people good for a distraction
//     (never those marked as supporting using); professionals (contacts in
//     the healthcare and treatment circles who have a phone); the region's
//     alcohol and drug helplines.
//
// people is whom the card may show (see CardPeople), in any order and
// with repeats: each section takes whom it needs, at most CardGroupPeople,
// and says how many more its group holds in all. Archived contacts are
// left out, and nobody is listed twice. People are ordered by whether they may be awake
// (see MayBeAwake: known awake, then not known, then known asleep), then
// by importance, then by name, those with no number after those with one.
// Every line is plain text on one line. The same input gives the same
// card.
func BuildCrisisCard(plan SafetyPlan, settings Settings, people CardPeople, now time.Time) CrisisCard {
	plan = plan.Normalize()
	active := uniqueActive(people.People)
	shown := make(map[int64]bool, len(active))
	pick := func(keep func(*Contact) bool) []*Contact {
		var out []*Contact
		for _, c := range active {
			if !shown[c.ID] && keep(c) {
				out = append(out, c)
				shown[c.ID] = true
			}
		}
		return byWhoMayAnswer(out, now)
	}
	// folded is each person's name and nickname folded, made once, when a
	// part of the plan may name them.
	var folded [][2]string
	named := func(text string) []*Contact {
		if folded == nil {
			folded = make([][2]string, len(active))
			for i, c := range active {
				folded[i] = [2]string{Fold(c.Name), Fold(c.Nickname)}
			}
		}
		names := NamesIn(text)
		var out []*Contact
		for i, c := range active {
			if names(folded[i][0], folded[i][1]) {
				out = append(out, c)
			}
		}
		return out
	}

	var card CrisisCard
	// add lists people under title, and after them how many more their
	// group holds (more); for the any-time people, who said to call at
	// any hour, it says who may be asleep now.
	add := func(title string, cs []*Contact, anyTime bool, more int) {
		if len(cs) == 0 && more <= 0 {
			return
		}
		sec := CardSection{Title: title}
		for _, c := range cs {
			line := personLine(*c)
			if anyTime && awakeRank(*c, now) == 2 {
				line += " · may be asleep now"
			}
			sec.Lines = append(sec.Lines, line)
			sec.Short = append(sec.Short, shortPersonLine(*c))
		}
		if more > 0 {
			sec.Lines = append(sec.Lines, MoreInContacts(more))
			sec.Short = append(sec.Short, MoreInContacts(more))
		}
		card.Sections = append(card.Sections, sec)
	}
	// firstOf cuts a group's people, in the card's order, to the first
	// CardGroupPeople, and says how many more it holds of the total the
	// journal counted (or, counted lower, of the people given).
	firstOf := func(cs []*Contact, total int) ([]*Contact, int) {
		total = max(total, len(cs))
		cs = cs[:min(len(cs), CardGroupPeople)]
		return cs, total - len(cs)
	}
	// group picks a group's people and cuts them so.
	group := func(total int, keep func(*Contact) bool) ([]*Contact, int) { return firstOf(pick(keep), total) }

	anyTime, moreAnyTime := group(people.AnyTime, func(c *Contact) bool { return c.AnyTime })
	first := anyTime[:min(len(anyTime), CardFirstPeople)]
	add(CardAnyTimeTitle, first, true, 0)
	card.Sections = append(card.Sections, crisisLinesSection(settings))

	for _, part := range PlanParts {
		lines := plan.Lines(part.Key)
		if len(lines) == 0 {
			continue
		}
		sec := CardSection{Title: "My safety plan: " + lowerFirst(part.Title), Lines: cardLines(lines)}
		if part.Key == PlanAskForHelp || part.Key == PlanDistractions {
			named, more := firstOf(byWhoMayAnswer(named(strings.Join(lines, "\n")), now), people.Named[part.Key])
			if len(named) > 0 || more > 0 {
				sec.Short = slices.Clone(sec.Lines)
			}
			for _, c := range named {
				sec.Lines = append(sec.Lines, "→ "+personLine(*c))
				sec.Short = append(sec.Short, "→ "+shortPersonLine(*c))
			}
			if more > 0 {
				sec.Lines = append(sec.Lines, "→ "+MoreInContacts(more))
				sec.Short = append(sec.Short, "→ "+MoreInContacts(more))
			}
		}
		card.Sections = append(card.Sections, sec)
	}

	add(CardMoreAnyTimeTitle, anyTime[len(first):], true, moreAnyTime)
	distraction, more := group(people.Distraction, func(c *Contact) bool { return c.Distraction && c.Stance != StanceSupportsUsing })
	add(CardDistractionTitle, distraction, false, more)
	professionals, more := group(people.Professionals, func(c *Contact) bool { return c.Professional() })
	add(CardProfessionalsTitle, professionals, false, more)

	var help CardSection
	help.Title = CardSubstanceTitle
	for _, l := range LinesFor(settings.Region) {
		if l.Kind == LineSubstanceUse {
			help.Lines = append(help.Lines, cardLine(joinParts(l.Label, l.Number, l.Text, l.Hours)))
			help.Short = append(help.Short, cardLine(joinParts(l.Label, l.Number, l.Text)))
		}
	}
	if len(help.Lines) > 0 {
		card.Sections = append(card.Sections, help)
	}
	return card
}

// crisisLinesSection is the person's own numbers, the region's crisis
// lines and its emergency number, with a note on where they came from.
func crisisLinesSection(settings Settings) CardSection {
	sec := CardSection{Title: CardCrisisLinesTitle}
	for _, n := range settings.OwnNumbers {
		if number := strings.TrimSpace(n.Number); number != "" {
			sec.Lines = append(sec.Lines, joinParts(n.Label, number))
			sec.Short = append(sec.Short, joinParts(n.Label, number))
		}
	}
	region, known := RegionByCode(settings.Region)
	bundled := LinesFor(settings.Region)
	emergency := 0
	for _, l := range bundled {
		if l.Kind == LineCrisis {
			sec.Lines = append(sec.Lines, joinParts(l.Label, l.Number, l.Text, l.Hours))
			sec.Short = append(sec.Short, joinParts(l.Label, l.Number, l.Text))
		}
	}
	for _, l := range bundled {
		if l.Kind == LineEmergency {
			sec.Lines = append(sec.Lines, joinParts(l.Label, l.Number, "if you are in danger right now"))
			sec.Short = append(sec.Short, joinParts("Emergency", l.Number))
			emergency++
		}
	}
	if emergency == 0 {
		sec.Lines = append(sec.Lines, EmergencyLine)
		sec.Short = append(sec.Short, EmergencyLine)
	}
	switch {
	case strings.TrimSpace(settings.Region) == "":
		sec.Note = "No region chosen yet, so Tether shows no helplines of its own. Find a free helpline in your country at " +
			HelplineDirectory + ", or choose your region in Settings."
	case !known || len(bundled) == 0:
		sec.Note = "Tether has no crisis lines for that region. Find a free helpline in your country at " +
			HelplineDirectory + ", or choose another region in Settings."
	default:
		sec.Note = region.Name + "'s lines, each checked against its service's official page."
	}
	sec.Lines, sec.Short = cardLines(sec.Lines), cardLines(sec.Short)
	return sec
}

// shortPersonLine is a person as a small screen shows them: name and
// number (or, without one, their preferred way).
func shortPersonLine(c Contact) string {
	if strings.TrimSpace(c.Phone) == "" && c.Preferred != ChannelNone && c.Preferred.Valid() {
		return cardLine(joinParts(c.DisplayName(), "prefers "+strings.ToLower(c.Preferred.Label())))
	}
	return cardLine(joinParts(c.DisplayName(), c.Phone))
}

// Professional: in the healthcare or treatment circle, with a phone to
// call: the card's professionals.
func (c Contact) Professional() bool {
	return (c.Circle == CircleHealthcare || c.Circle == CircleTreatment) && strings.TrimSpace(c.Phone) != ""
}

// uniqueActive keeps each active contact once, by ID.
func uniqueActive(people []Contact) []*Contact {
	seen := make(map[int64]bool, len(people))
	out := make([]*Contact, 0, len(people))
	for i := range people {
		c := &people[i]
		if c.Archived || seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		out = append(out, c)
	}
	return out
}

// awakeRank is 0 for someone who may be awake at now, 1 when their
// availability says nothing about time, 2 when they may be asleep.
func awakeRank(c Contact, now time.Time) int {
	awake, known := MayBeAwake(c.Availability, now)
	switch {
	case known && awake:
		return 0
	case known:
		return 2
	}
	return 1
}

// byWhoMayAnswer orders people as the card lists them: those with a number
// to call first; then those who may be awake now first, then by
// importance, then by name, then by ID.
func byWhoMayAnswer(cs []*Contact, now time.Time) []*Contact {
	type person struct {
		c       *Contact
		noPhone bool
		rank    int
		key     string
	}
	ps := make([]person, len(cs))
	for i, c := range cs {
		ps[i] = person{c, strings.TrimSpace(c.Phone) == "", awakeRank(*c, now), c.SortKey()}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		switch {
		case a.noPhone != b.noPhone:
			return b.noPhone
		case a.rank != b.rank:
			return a.rank < b.rank
		case a.c.Importance != b.c.Importance:
			return a.c.Importance > b.c.Importance
		case a.key != b.key:
			return a.key < b.key
		}
		return a.c.ID < b.c.ID
	})
	out := make([]*Contact, len(ps))
	for i, p := range ps {
		out[i] = p.c
	}
	return out
}
