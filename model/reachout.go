package model

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Direction says who reached whom. Supporting someone else counts as
// connection too: being a voice of recovery protects the one who speaks.
type Direction string

// The directions, in display order.
const (
	DirectionMine      Direction = "mine"      // I reached out
	DirectionTheirs    Direction = "theirs"    // they reached out
	DirectionSupported Direction = "supported" // I supported them
)

// Directions lists every direction in display order.
var Directions = []Direction{DirectionMine, DirectionTheirs, DirectionSupported}

var directionLabels = map[Direction]string{
	DirectionMine:      "I reached out",
	DirectionTheirs:    "They reached out",
	DirectionSupported: "I supported them",
}

// Label is the direction in words.
func (d Direction) Label() string { return labelOf(directionLabels, d, DirectionMine) }

// Valid reports whether d is a known direction.
func (d Direction) Valid() bool { return known(directionLabels, d) }

// Helped is whether a reach-out helped; empty when not said.
type Helped string

// The answers, in display order.
const (
	HelpedUnsaid   Helped = ""
	HelpedYes      Helped = "yes"
	HelpedSomewhat Helped = "somewhat"
	HelpedNo       Helped = "no"
)

// HelpedAnswers lists the answers in display order.
var HelpedAnswers = []Helped{HelpedUnsaid, HelpedYes, HelpedSomewhat, HelpedNo}

var helpedLabels = map[Helped]string{
	HelpedUnsaid: "Not said", HelpedYes: "Yes", HelpedSomewhat: "Somewhat", HelpedNo: "No",
}

// Label is the answer in words.
func (h Helped) Label() string { return labelOf(helpedLabels, h, HelpedUnsaid) }

// Valid reports whether h is a known answer.
func (h Helped) Valid() bool { return known(helpedLabels, h) }

// LogChannels are the channels a reach-out can be logged with.
var LogChannels = []Channel{ChannelCall, ChannelText, ChannelInPerson, ChannelMeeting, ChannelVideo, ChannelMessage, ChannelOther}

// ReachOut is one moment of connection with a contact.
type ReachOut struct {
	ID        int64
	ContactID int64
	// ContactName is filled in by queries for display; it is not stored
	// with the reach-out, so renaming a contact renames their history.
	ContactName string
	At          time.Time // local date and time
	// UID names the reach-out in every copy of the journal (see store's
	// schema 9); empty until saved.
	UID       string
	UpdatedAt time.Time // when it was last logged or changed; zero until saved
	Channel   Channel
	Direction Direction
	Note      string
	Helped    Helped
}

// Day is the local calendar day of the reach-out.
func (r ReachOut) Day() Date { return DateOf(r.At) }

// Field names of a reach-out's problems.
const (
	FieldContact   = "contact"
	FieldAt        = "at"
	FieldChannel   = "channel"
	FieldDirection = "direction"
	FieldNote      = "note"
	FieldHelped    = "helped"
)

// MaxNoteLen bounds a reach-out note.
const MaxNoteLen = 2000

// Normalize trims the note and fills the defaults: a call, that I made.
func (r ReachOut) Normalize() ReachOut {
	r.Note = cleanText(r.Note, true)
	if r.Channel == ChannelNone {
		r.Channel = ChannelCall
	}
	if r.Direction == "" {
		r.Direction = DirectionMine
	}
	return r
}

// FutureSlack is how far ahead of now a reach-out may be dated: a clock a
// few minutes off must not refuse an honest entry.
const FutureSlack = 15 * time.Minute

// Validate checks a normalized reach-out. now bounds it in time; a zero now
// skips that check.
func (r ReachOut) Validate(now time.Time) Problems {
	p := Problems{}
	if r.ContactID <= 0 {
		p[FieldContact] = "Choose who it was with."
	}
	switch {
	case r.At.IsZero():
		p[FieldAt] = "A reach-out needs a date and time."
	case r.At.Year() < 1900 || r.At.Year() > 9999:
		p[FieldAt] = "That year looks mistyped."
	case !now.IsZero() && r.At.After(now.Add(FutureSlack)):
		p[FieldAt] = "That is in the future; log reach-outs once they happen."
	}
	if r.Channel == ChannelNone || !r.Channel.Valid() {
		p[FieldChannel] = "Pick how you were in touch."
	}
	if !r.Direction.Valid() {
		p[FieldDirection] = "Pick who reached out."
	}
	if !r.Helped.Valid() {
		p[FieldHelped] = "Pick yes, somewhat, no, or leave it."
	}
	if msg := TextProblem(r.Note, MaxNoteLen, true); msg != "" {
		p[FieldNote] = msg
	}
	return p
}

// TextProblem is the shared check for free text: readable, not too long
// (maxLen characters), and free of characters that would disturb the
// screen; line breaks and tabs are fine only where multiline. It returns
// the sentence to show beside the field, or "" when the text is fine, so
// that an importer can judge a field the way the form does.
func TextProblem(s string, maxLen int, multiline bool) string {
	switch {
	case !utf8.ValidString(s):
		return badEncoding
	case uniseg.GraphemeClusterCount(s) > maxLen || len(s) > MaxBytes(maxLen):
		return fmt.Sprintf("Please keep this to %d characters.", maxLen)
	case hasControl(s, multiline):
		if multiline {
			return "This can't hold control characters."
		}
		return "This can't hold line breaks or control characters."
	case !multiline && hasInvisible(s):
		return "This can't hold invisible characters (a zero-width space or a direction mark, say). Please retype it."
	}
	return ""
}
