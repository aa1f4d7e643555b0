package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/rivo/uniseg"
)

// OwnNumber is a crisis number the person added themselves; listed first.
type OwnNumber struct {
	Label  string
	Number string
}

// Settings are the person's choices, kept in the journal.
type Settings struct {
	RecoveryStart    Date
	Region           string // "" until chosen
	OwnNumbers       []OwnNumber
	DefaultCadence   int  // days, for new contacts; 0 = none
	CheckupReminders bool // remind on Today when a check-up is due
	// WhoNext is how many people Today's "who next" shows: 1 to
	// MaxWhoNext, 0 for WhoNextDefault.
	WhoNext int
	// SinceLastUse shows a "days since last use" counter on Today: off
	// unless the person turns it on (for some it helps, for some not).
	SinceLastUse bool
	// HardDayCard offers, after a hard check-in (HardDayReasons), a few
	// people to reach and the plan's next step. On unless turned off.
	HardDayCard bool
	// QuietNotice says on Today, privately, when the network goes quiet
	// (QuietSigns). On unless turned off.
	QuietNotice bool
	// QuietDays is how many days without reaching anyone count as quiet:
	// 1 to MaxQuietDays; 0 for QuietDaysDefault.
	QuietDays int

	// SyncFolder and SyncEncrypt belong to this computer alone, never
	// exported or merged: the folder another computer's copy of the
	// journal is kept in step through (its path differs from computer to
	// computer; "" for none), and whether this copy's changes file there
	// is encrypted with this computer's sync key.
	SyncFolder  string
	SyncEncrypt bool

	// UpdatedAt is when the settings were last saved (zero until then):
	// the version a save replaces.
	UpdatedAt time.Time
}

// DefaultSettings are the settings of a journal where none were saved: the
// gentle helps on (check-up reminders, the hard-day card, the word when
// the network goes quiet), the counters off.
func DefaultSettings() Settings {
	return Settings{CheckupReminders: true, HardDayCard: true, QuietNotice: true}
}

// Field names of the settings' problems. A problem with one of the
// person's own numbers is under FieldOwnNumber and its index from 0, e.g.
// "own_number1".
const (
	FieldRecoveryStart  = "recovery_start"
	FieldRegion         = "region"
	FieldOwnNumber      = "own_number"
	FieldDefaultCadence = "default_cadence"
	FieldWhoNext        = "who_next"
	FieldQuietDays      = "quiet_days"
)

// MaxWhoNext bounds Today's "who next": a short list is the point.
const MaxWhoNext = 20

// WhoNextCount is how many people "who next" shows.
func (s Settings) WhoNextCount() int {
	if s.WhoNext <= 0 {
		return WhoNextDefault
	}
	return s.WhoNext
}

// QuietDaysDefault is how many days without a reach-out count as quiet
// when the person has not chosen, and MaxQuietDays the most they can.
const (
	QuietDaysDefault = 3
	MaxQuietDays     = 14
)

// QuietAfter is how many days without a reach-out count as quiet.
func (s Settings) QuietAfter() int {
	if s.QuietDays <= 0 {
		return QuietDaysDefault
	}
	return s.QuietDays
}

// MaxOwnLabelLen bounds the label of one of the person's own numbers.
const MaxOwnLabelLen = 60

// Normalize trims what the person typed, upper-cases the region code and
// drops own numbers left entirely blank.
func (s Settings) Normalize() Settings {
	s.Region = strings.ToUpper(strings.TrimSpace(s.Region))
	var own []OwnNumber
	for _, n := range s.OwnNumbers {
		n.Label, n.Number = strings.TrimSpace(n.Label), strings.TrimSpace(n.Number)
		if n.Label != "" || n.Number != "" {
			own = append(own, n)
		}
	}
	s.OwnNumbers = own
	return s
}

// Validate checks the settings.
//
// The region is empty or one of Regions (any case); each own number has a
// number that PhoneProblem accepts (short codes such as 988 are fine) and
// a label of at most MaxOwnLabelLen characters on one line; the default
// rhythm is 0 to MaxCadence days; the recovery start, when set, is a real
// day and not after today (a zero today skips that).
func (s Settings) Validate(today Date) Problems {
	p := Problems{}
	if s.QuietDays < 0 || s.QuietDays > MaxQuietDays {
		p[FieldQuietDays] = fmt.Sprintf("Quiet means 1 to %d days without reaching anyone.", MaxQuietDays)
	}
	if s.WhoNext < 0 || s.WhoNext > MaxWhoNext {
		p[FieldWhoNext] = fmt.Sprintf("Who next shows 1 to %d people.", MaxWhoNext)
	}
	switch {
	case s.RecoveryStart.IsZero():
	case !realDay(s.RecoveryStart):
		p[FieldRecoveryStart] = "That is not a real calendar day; use year-month-day, like 2024-03-09."
	case !today.IsZero() && s.RecoveryStart.After(today):
		p[FieldRecoveryStart] = "That date is in the future; the count starts from a day already lived."
	}
	if strings.TrimSpace(s.Region) != "" {
		if _, ok := RegionByCode(s.Region); !ok {
			p[FieldRegion] = "Tether has no crisis lines for that region; leave it unchosen to see a directory of helplines."
		}
	}
	for i, n := range s.OwnNumbers {
		key := fmt.Sprintf("%s%d", FieldOwnNumber, i)
		label := strings.TrimSpace(n.Label)
		switch {
		case strings.TrimSpace(n.Number) == "":
			p[key] = fmt.Sprintf("Your number %d has no number to call; add one, or remove the line.", i+1)
		case TextProblem(n.Number, MaxShortLen, false) != "":
			p[key] = TextProblem(n.Number, MaxShortLen, false)
		case PhoneProblem(n.Number) != "":
			p[key] = PhoneProblem(n.Number)
		case uniseg.GraphemeClusterCount(label) > MaxOwnLabelLen:
			p[key] = fmt.Sprintf("Please keep the name of a number to %d characters.", MaxOwnLabelLen)
		case TextProblem(label, MaxOwnLabelLen, false) != "":
			p[key] = TextProblem(label, MaxOwnLabelLen, false)
		}
	}
	if s.DefaultCadence < 0 || s.DefaultCadence > MaxCadence {
		p[FieldDefaultCadence] = fmt.Sprintf("Reach out every 1 to %d days, or 0 for no rhythm.", MaxCadence)
	}
	return p
}

// MayBeAwake reads free-text availability ("evenings", "9-5 weekdays",
// "any time", "night shifts", "after 6pm") and says whether the person may
// be awake and reachable at now; known is false when the text says nothing
// about time, so such people sort after those known to be available and
// before those known not to be.
//
// It is a heuristic, read in now's own time zone: "any time", "anytime",
// "24/7" and "day or night" are the whole day; "mornings" 6–12,
// "afternoons" 12–18, "evenings" 17–23, "nights", "night shifts" and "up
// late" 21–05; hour ranges such as "9-5", "9am-5pm", "18:00–22:00" or
// "between 7 and 10pm"; "after 6pm" (to midnight) and "before 9" (from
// 6 in the morning). An hour without am or pm is read as a waking hour:
// 1–6 in the afternoon, 7–11 in the morning. "weekdays" and "weekends"
// restrict the days (a night that began on an allowed day still counts
// after midnight). Several times add up ("mornings and evenings"). Time
// zones are beyond it: a text that only names a zone is not known.
func MayBeAwake(availability string, now time.Time) (awake, known bool) {
	a := parseAvailability(availability)
	if !a.known() {
		return false, false
	}
	return a.covers(now), true
}

// personLine is a person on the card: name (nickname) · number · how they
// prefer to be reached · when they are available.
func personLine(c Contact) string {
	var prefers string
	if c.Preferred != ChannelNone && c.Preferred.Valid() {
		prefers = "prefers " + strings.ToLower(c.Preferred.Label())
	}
	return cardLine(joinParts(c.DisplayName(), c.Phone, prefers, c.Availability))
}

// joinParts joins the non-blank parts with a middle dot.
func joinParts(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

// cardLines makes every line safe to print as it is.
func cardLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = cardLine(l)
	}
	return out
}

// cardLine keeps text to one plain line with single spaces: line breaks,
// tabs, escape sequences and bidirectional overrides cannot reach the
// terminal. `tether sos` prints the card as it is, so this is the last
// guard.
func cardLine(s string) string {
	return strings.Join(strings.Fields(OneLine(s)), " ")
}
