package model

import (
	"slices"
	"strings"
	"time"
)

// Contact is one supporter in the network, or a group such as "Tuesday SMART
// meeting". The derived facts at the end (last contact, reach-outs in 30
// days) are filled in by queries from the reach-out log and never stored.
type Contact struct {
	ID int64
	// UID names the contact in every copy of the journal (an import of
	// another copy finds them by it); empty until saved.
	UID      string
	Name     string
	Nickname string
	Circle   Circle
	// Group is the group or context: "Tuesday SMART meeting", "Ward 3 alumni".
	Group        string
	Phone        string
	Email        string
	Preferred    Channel
	Availability string // when they are available, their time zone: free text
	// AnyTime marks the people who agreed to a call at any hour; AnyTimeSince
	// is the day they agreed, because such promises are worth re-checking.
	AnyTime      bool
	AnyTimeSince Date
	Distraction  bool // good to be with when it gets hard
	Importance   int  // 1–5, 0 when not rated
	Supportive   int  // 1–5, 0 when not rated
	Stance       Stance
	KnownSince   Date
	CadenceDays  int // how often I mean to reach out; 0 = no rhythm
	// RestCadence is the rhythm put to rest ("let this rest"): while it
	// is above 0, CadenceDays is 0 and the person is never due, yet stays
	// in the network; resuming gives the rhythm back.
	RestCadence int
	// SnoozedUntil is the day someone put aside with "not now" comes back
	// to who-next; zero when not snoozed.
	SnoozedUntil Date
	Birthday     Birthday
	// RecoveryDate is their own recovery date, when they shared it: its
	// anniversaries are a reason to reach out.
	RecoveryDate Date
	Notes        string
	Tags         []string
	Archived     bool
	CreatedAt    time.Time
	UpdatedAt    time.Time

	LastContact time.Time // zero when never reached
	Reached30   int       // reach-outs in the 30 days up to today
}

// Due is the contact's reach-out status on a day.
func (c Contact) Due(today Date) DueInfo {
	var last Date
	if !c.LastContact.IsZero() {
		last = DateOf(c.LastContact)
	}
	return DueStatus(c.CadenceDays, last, today)
}

// SupportiveCircles are the recovery and care circles: time with anyone in
// them counts as supportive contact unless they were marked as supporting
// the person's using.
var SupportiveCircles = []Circle{CircleFellowship, CircleSponsor, CircleSponsee, CirclePeer, CircleTreatment, CircleHealthcare}

// IsSupportive reports whether time with this person counts as supportive
// contact: they support my recovery, or they belong to a recovery or care
// circle and have not been marked as supporting my using.
func (c Contact) IsSupportive() bool {
	switch {
	case c.Stance == StanceSupportsUsing:
		return false
	case c.Stance == StanceSupports:
		return true
	}
	return slices.Contains(SupportiveCircles, c.Circle)
}

// DisplayName is the name with the nickname in brackets when there is one.
func (c Contact) DisplayName() string {
	if c.Nickname != "" && c.Nickname != c.Name {
		return c.Name + " (" + c.Nickname + ")"
	}
	return c.Name
}

// SearchText is everything a filter may match on, folded once so a list can
// cache it instead of folding on every keypress.
func (c Contact) SearchText() string {
	return Fold(strings.Join([]string{
		c.Name, c.Nickname, c.Group, c.Circle.Label(), c.Circle.Short(),
		strings.Join(c.Tags, " "),
	}, "\n"))
}

// SortKey orders contacts by name ignoring case and accents.
func (c Contact) SortKey() string { return Fold(c.Name) }

// Normalize trims the fields a person typed and fills defaults, so what is
// validated is exactly what will be stored.
func (c Contact) Normalize() Contact {
	c.Name = strings.TrimSpace(c.Name)
	c.Nickname = strings.TrimSpace(c.Nickname)
	c.Group = strings.TrimSpace(c.Group)
	c.Phone = strings.TrimSpace(c.Phone)
	c.Email = strings.TrimSpace(c.Email)
	c.Availability = strings.TrimSpace(c.Availability)
	c.Notes = cleanText(c.Notes, false)
	if c.Circle == "" {
		c.Circle = CircleOther
	}
	if c.Stance == "" {
		c.Stance = StanceUnknown
	}
	c.Tags = NormalizeTags(c.Tags)
	if !c.AnyTime {
		c.AnyTimeSince = Date{}
	}
	if c.CadenceDays > 0 {
		c.RestCadence = 0 // a rhythm set again ends its rest
	}
	return c
}

// ParseTags splits comma-separated text into tags.
func ParseTags(s string) []string { return NormalizeTags(strings.Split(s, ",")) }

// NormalizeTags trims tags, drops empty ones and repeats (ignoring case and
// accents), keeping the first spelling and the order given.
func NormalizeTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		k := Fold(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}
