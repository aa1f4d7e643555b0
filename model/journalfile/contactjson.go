package journalfile

import "github.com/tether-recovery/tether/model"

// ContactJSON is a contact in Tether JSON: an object of an export's
// "contacts" list, and what `tether contact list --json` prints for each
// contact, so that a script reads one shape whichever command it reads.
// Pointers are what may be null: an unanswered choice or rating, an unset
// date or instant. The keys are described at the top of exportjson.go.
type ContactJSON struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Nickname     string   `json:"nickname"`
	Circle       string   `json:"circle"`
	Group        string   `json:"group"`
	Phone        string   `json:"phone"`
	Email        string   `json:"email"`
	Preferred    *string  `json:"preferred"`
	Availability string   `json:"availability"`
	AnyTime      bool     `json:"any_time"`
	AnyTimeSince *string  `json:"any_time_since"`
	Distraction  bool     `json:"distraction"`
	Importance   *int     `json:"importance"`
	Supportive   *int     `json:"supportive"`
	Stance       string   `json:"stance"`
	KnownSince   *string  `json:"known_since"`
	CadenceDays  int      `json:"cadence_days"`
	RestCadence  int      `json:"rest_cadence_days"`
	SnoozedUntil *string  `json:"snoozed_until"`
	Birthday     *string  `json:"birthday"`
	RecoveryDate *string  `json:"recovery_date"`
	Notes        string   `json:"notes"`
	Tags         []string `json:"tags"`
	Archived     bool     `json:"archived"`
	CreatedAt    *string  `json:"created_at"`
	UpdatedAt    *string  `json:"updated_at"`
	UID          string   `json:"uid,omitempty"`
}

// NewContactJSON is c in Tether JSON's shape. Its derived facts (last
// contact, reach-outs in 30 days) are not part of it: they belong to the
// journal at a moment, not to the contact.
func NewContactJSON(c model.Contact) ContactJSON {
	tags := c.Tags
	if tags == nil {
		tags = []string{}
	}
	return ContactJSON{
		ID: c.ID, Name: c.Name, Nickname: c.Nickname, Circle: string(c.Circle),
		Group: c.Group, Phone: c.Phone, Email: c.Email,
		Preferred: jsonCode(string(c.Preferred)), Availability: c.Availability,
		AnyTime: c.AnyTime, AnyTimeSince: jsonDate(c.AnyTimeSince), Distraction: c.Distraction,
		Importance: jsonRating(c.Importance), Supportive: jsonRating(c.Supportive),
		Stance: string(c.Stance), KnownSince: jsonDate(c.KnownSince), CadenceDays: c.CadenceDays,
		RestCadence: c.RestCadence, SnoozedUntil: jsonDate(c.SnoozedUntil), Birthday: jsonCode(c.Birthday.String()),
		RecoveryDate: jsonDate(c.RecoveryDate),
		Notes:        c.Notes, Tags: tags, Archived: c.Archived,
		CreatedAt: jsonTime(c.CreatedAt), UpdatedAt: jsonTime(c.UpdatedAt), UID: c.UID,
	}
}
