package model

// Circle is the part of a person's life a supporter belongs to. The codes are
// stored in the journal, so they never change; labels may.
type Circle string

// The circles of the SPEC, in the order they are offered in forms.
const (
	CircleFellowship Circle = "fellowship"
	CircleSponsor    Circle = "sponsor"
	CircleSponsee    Circle = "sponsee"
	CirclePeer       Circle = "peer"
	CircleTreatment  Circle = "treatment"
	CircleHealthcare Circle = "healthcare"
	CirclePartner    Circle = "partner"
	CircleFamily     Circle = "family"
	CircleFriend     Circle = "friend"
	CircleFaith      Circle = "faith"
	CircleVolunteer  Circle = "volunteer"
	CircleWork       Circle = "work"
	CircleHobby      Circle = "hobby"
	CircleOnline     Circle = "online"
	CircleOther      Circle = "other"
)

// Circles lists every circle in display order.
var Circles = []Circle{
	CircleFellowship, CircleSponsor, CircleSponsee, CirclePeer, CircleTreatment,
	CircleHealthcare, CirclePartner, CircleFamily, CircleFriend, CircleFaith,
	CircleVolunteer, CircleWork, CircleHobby, CircleOnline, CircleOther,
}

var circleLabels = map[Circle]string{
	CircleFellowship: "Fellowship / recovery group",
	CircleSponsor:    "Sponsor or mentor",
	CircleSponsee:    "Sponsee",
	CirclePeer:       "Peer in recovery",
	CircleTreatment:  "Treatment",
	CircleHealthcare: "Healthcare",
	CirclePartner:    "Partner",
	CircleFamily:     "Family",
	CircleFriend:     "Friend",
	CircleFaith:      "Faith / spiritual",
	CircleVolunteer:  "Volunteering",
	CircleWork:       "School / work",
	CircleHobby:      "Hobby / activity group",
	CircleOnline:     "Online community",
	CircleOther:      "Other",
}

// short labels fit the narrow circle column of the contact list.
var circleShort = map[Circle]string{
	CircleFellowship: "fellowship",
	CircleSponsor:    "sponsor",
	CircleSponsee:    "sponsee",
	CirclePeer:       "peer",
	CircleTreatment:  "treatment",
	CircleHealthcare: "healthcare",
	CirclePartner:    "partner",
	CircleFamily:     "family",
	CircleFriend:     "friend",
	CircleFaith:      "faith",
	CircleVolunteer:  "volunteer",
	CircleWork:       "school/work",
	CircleHobby:      "hobby",
	CircleOnline:     "online",
	CircleOther:      "other",
}

// labelOf is the label of a stored code, or the fallback code's label for
// a code this version does not know.
func labelOf[T ~string](labels map[T]string, v, fallback T) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return labels[fallback]
}

// known reports whether a code is one this version knows.
func known[T ~string](labels map[T]string, v T) bool { _, ok := labels[v]; return ok }

// Label is the circle's name for people.
func (c Circle) Label() string { return labelOf(circleLabels, c, CircleOther) }

// Short is a one-word label for list columns.
func (c Circle) Short() string { return labelOf(circleShort, c, CircleOther) }

// Valid reports whether c is one of the known circles.
func (c Circle) Valid() bool { return known(circleLabels, c) }

// Stance is a supporter's attitude to my recovery. The research behind the
// Important People instruments found that people who support using are the
// strongest risk in a network, so it is recorded plainly.
type Stance string

// The stances, in display order.
const (
	StanceUnknown       Stance = "unknown"
	StanceSupports      Stance = "supports"
	StanceNeutral       Stance = "neutral"
	StanceSupportsUsing Stance = "supports-using"
)

// Stances lists every stance in display order.
var Stances = []Stance{StanceUnknown, StanceSupports, StanceNeutral, StanceSupportsUsing}

var stanceLabels = map[Stance]string{
	StanceUnknown:       "Not sure",
	StanceSupports:      "Supports my recovery",
	StanceNeutral:       "Neutral",
	StanceSupportsUsing: "Supports my using",
}

// Label is the stance in words.
func (s Stance) Label() string { return labelOf(stanceLabels, s, StanceUnknown) }

// Valid reports whether s is a known stance.
func (s Stance) Valid() bool { return known(stanceLabels, s) }

// Channel is a way of being in touch. Every channel can be logged for a
// reach-out; the PreferredChannels are the ones a contact can prefer.
type Channel string

// The channels, in display order.
const (
	ChannelNone     Channel = ""
	ChannelCall     Channel = "call"
	ChannelText     Channel = "text"
	ChannelInPerson Channel = "in-person"
	ChannelMeeting  Channel = "meeting"
	ChannelVideo    Channel = "video"
	ChannelMessage  Channel = "message"
	ChannelOther    Channel = "other"
)

// PreferredChannels are the choices for "preferred way to reach".
var PreferredChannels = []Channel{ChannelNone, ChannelCall, ChannelText, ChannelInPerson, ChannelVideo, ChannelMessage}

var channelLabels = map[Channel]string{
	ChannelNone:     "No preference",
	ChannelCall:     "Call",
	ChannelText:     "Text",
	ChannelInPerson: "In person",
	ChannelMeeting:  "Meeting",
	ChannelVideo:    "Video",
	ChannelMessage:  "Message",
	ChannelOther:    "Other",
}

// Label is the channel in words.
func (c Channel) Label() string { return labelOf(channelLabels, c, ChannelOther) }

// Valid reports whether c is a known channel (including none).
func (c Channel) Valid() bool { return known(channelLabels, c) }
