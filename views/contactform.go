package views

import (
	"strconv"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// contactForm edits one contact: the form plus the contact it started from,
// so fields the form does not show (ID, archived, timestamps) survive.
type contactForm struct {
	*form
	base  model.Contact
	today model.Date
}

// newContactForm opens the editor on c (a zero Contact to add someone new).
// Name comes first because it is the one thing required.
func newContactForm(c model.Contact, today model.Date, styles *Styles) *contactForm {
	title := "Add a supporter"
	if c.ID != 0 {
		title = "Edit " + oneLine(c.Name)
	}
	if c.Circle == "" {
		c.Circle = model.CircleFriend
	}
	fields := []*field{
		textField(model.FieldName, "Name", "Required. Any language, any spelling, emoji welcome.", c.Name, "e.g. Sam, or Tuesday SMART meeting"),
		textField(model.FieldNickname, "Nickname", "", c.Nickname, ""),
		choiceField(model.FieldCircle, "Circle", "Type the start of one (\"fe\" fellowship, \"fa\" family), or ←/→.", optionsOf(model.Circles), string(c.Circle)),
		textField(model.FieldGroup, "Group or context", "Where you know them from: a meeting, a ward, a job.", c.Group, "e.g. Tuesday SMART meeting"),
		textField(model.FieldPhone, "Phone", "Any country's format.", c.Phone, ""),
		textField(model.FieldEmail, "Email", "", c.Email, ""),
		choiceField(model.FieldPreferred, "Best way to reach", "", optionsOf(model.PreferredChannels), string(c.Preferred)),
		textField(model.FieldAvailability, "Available / time zone", "When they are around, e.g. evenings, CET.", c.Availability, ""),
		toggleField("anytime", "Call any time", "Did they say you can call them at any hour, even 3 a.m.? y/n", c.AnyTime),
		textField(model.FieldAnyTimeSince, "Agreed on", "The day they said yes (YYYY-MM-DD); blank means today.", c.AnyTimeSince.String(), "YYYY-MM-DD"),
		toggleField("distraction", "Good for a distraction", "Someone to be with when it gets hard. y/n", c.Distraction),
		ratingField(model.FieldImportance, "Importance", "How important they are to you: 1–5, 0 clears.", c.Importance, 5),
		ratingField(model.FieldSupportive, "Supportive", "How supportive they are in general: 1–5, 0 clears.", c.Supportive, 5),
		choiceField(model.FieldStance, "Stance on my recovery", "People who support using are worth knowing about, without blame.", optionsOf(model.Stances), string(c.Stance)),
		textField(model.FieldKnownSince, "Known since", "YYYY-MM-DD, or leave blank.", c.KnownSince.String(), "YYYY-MM-DD"),
		textField(model.FieldBirthday, "Birthday", "Month-day (03-09), or with the year (1985-03-09); shown on Today the week it comes.", c.Birthday.String(), "MM-DD"),
		textField(model.FieldRecoveryDate, "Their recovery date", "If they shared it (YYYY-MM-DD): its anniversaries show on Today.", c.RecoveryDate.String(), "YYYY-MM-DD"),
		textField(model.FieldCadence, "Reach out every", "Days (7) or weeks (2w); blank for no rhythm.", model.FormatCadence(c.CadenceDays), "e.g. 7 or 2w"),
		textField(model.FieldTags, "Tags", "Separate with commas.", strings.Join(c.Tags, ", "), "e.g. walks, AA"),
		areaField(model.FieldNotes, "Notes and boundaries", "Enter starts a new line; tab moves on; ctrl+s saves.", c.Notes),
	}
	cf := &contactForm{base: c, today: today}
	cf.form = newForm(title, styles, fields, func() model.Problems {
		if cf.form == nil { // still being built
			return nil
		}
		_, p := cf.contact()
		return p
	})
	cf.form.version = c.UpdatedAt
	cf.form.reopen = func(record any) *form {
		return newContactForm(record.(model.Contact), today, styles).form
	}
	return cf
}

// contact reads the form back into a normalized contact with every problem
// found, both from parsing (dates, rhythm) and from the model's rules.
func (cf *contactForm) contact() (model.Contact, model.Problems) {
	f := cf.form
	c := cf.base
	val := func(k string) string { return f.field(k).value() }
	c.Name = val(model.FieldName)
	c.Nickname = val(model.FieldNickname)
	c.Circle = model.Circle(val(model.FieldCircle))
	c.Group = val(model.FieldGroup)
	c.Phone = val(model.FieldPhone)
	c.Email = val(model.FieldEmail)
	c.Preferred = model.Channel(val(model.FieldPreferred))
	c.Availability = val(model.FieldAvailability)
	c.AnyTime = val("anytime") == "true"
	c.Distraction = val("distraction") == "true"
	c.Importance, _ = strconv.Atoi(val(model.FieldImportance))
	c.Supportive, _ = strconv.Atoi(val(model.FieldSupportive))
	c.Stance = model.Stance(val(model.FieldStance))
	c.Tags = model.ParseTags(val(model.FieldTags))
	c.Notes = val(model.FieldNotes)
	c.UpdatedAt = f.version

	parseProblems := model.Problems{}
	var err error
	if c.AnyTimeSince, err = model.ParseDate(val(model.FieldAnyTimeSince)); err != nil {
		parseProblems[model.FieldAnyTimeSince] = sentence(err)
	}
	if c.AnyTime && c.AnyTimeSince.IsZero() && parseProblems[model.FieldAnyTimeSince] == "" {
		c.AnyTimeSince = cf.today
	}
	if c.KnownSince, err = model.ParseDate(val(model.FieldKnownSince)); err != nil {
		parseProblems[model.FieldKnownSince] = sentence(err)
	}
	if c.Birthday, err = model.ParseBirthday(val(model.FieldBirthday)); err != nil {
		parseProblems[model.FieldBirthday] = sentence(err)
	}
	if c.RecoveryDate, err = model.ParseDate(val(model.FieldRecoveryDate)); err != nil {
		parseProblems[model.FieldRecoveryDate] = sentence(err)
	}
	if c.CadenceDays, err = model.ParseCadence(val(model.FieldCadence)); err != nil {
		parseProblems[model.FieldCadence] = sentence(err)
	}
	c = c.Normalize()
	p := c.Validate(cf.today)
	for k, v := range parseProblems {
		p[k] = v
	}
	return c, p
}

// sentence turns an error into a message that starts with a capital letter
// and ends with a full stop.
func sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	r := []rune(s)
	s = strings.ToUpper(string(r[0])) + string(r[1:])
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
