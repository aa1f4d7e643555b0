package journalfile

// Tether JSON, the journal export (format "tether-journal", version 1).
//
// One UTF-8 JSON object, indented by two spaces, keys in snake_case and in
// the order below, records in the order they were given, and a final
// newline: the same journal always gives the same bytes. Every key is
// always written; an unanswered answer is null.
//
//	{
//	  "format": "tether-journal",       // always this text
//	  "version": 1,                     // a whole number; see below
//	  "exported_at": "2026-11-22T20:15:00+01:00",  // or null
//	  "from": "2026-11-01",             // the period exported, or null and
//	  "to": "2026-11-30",               //   null for the whole journal
//	  "settings": {"prompts": "[\"…\"]", "recovery_start": "2025-01-06"},
//	  "contacts": [ … ],
//	  "reach_outs": [ … ],
//	  "check_ins": [ … ],
//	  "reflections": [ … ],
//	  "check_ups": [ … ]
//	}
//
// Dates are "YYYY-MM-DD", weeks ISO 8601 "YYYY-Www" ("2026-W47"), and
// instants RFC 3339 with the offset they were lived at
// ("2026-11-16T19:30:00+01:00"; fractions of a second only when there are
// some), so the local day of a reach-out survives a move to another time
// zone. Choices are written as the codes the journal stores ("fellowship",
// "supports-using", "in-person", "not-bad"), never as labels. Settings are
// text by key, sorted; "recovery_start" is a date and "prompts" a JSON
// array of text (as the journal stores it), other keys are carried as
// they are.
//
// A contact: "id" (a whole number from 1, unique in the file; reach-outs
// refer to it), "name", "nickname", "circle", "group", "phone", "email",
// "preferred" (a channel or null), "availability", "any_time",
// "any_time_since" (date or null), "distraction", "importance" and
// "supportive" (1–5 or null), "stance", "known_since" (date or null),
// "cadence_days" (0 for no rhythm), "rest_cadence_days" (the rhythm put
// to rest with "let this rest", 0 when none), "snoozed_until" (date or
// null: "not now" until that day), "birthday" ("MM-DD", or "YYYY-MM-DD"
// with the year, or null), "recovery_date" (their own, date or null),
// "notes", "tags" (a list of text),
// "archived", "created_at", "updated_at" (instants or null). Derived facts
// (last contact, reach-outs in 30 days) are never written.
//
// A reach-out: "id" (0 when it has none), "contact_id" (the id of a
// contact in the same file), "at" (instant), "channel", "direction",
// "helped" (yes, somewhat, no, or null), "note". The contact's name is not
// repeated: it belongs to the contact.
//
// A check-in: "day" (date, one check-in a day), "mood" (1–5 or null),
// "difficulty" (code or null), "craving" (0–10 or null), "risky" (true,
// false or null), "meetings" (a count or null), "sleep_hours" (a number or
// null), "hungry", "angry", "lonely", "tired" (true or false: unticked is
// no), "used" (true, false or null), "gratitude", "note", "updated_at".
// Null and 0 differ: a craving of 0 and "used": false are answers.
//
// A reflection: "week" (one reflection a week), "supported",
// "confidence", "craving_bother" (1–10 or null), "answers" (a list of
// {"prompt", "answer"}, each prompt as it was asked), "updated_at".
//
// A check-up (a questionnaire taken, for self-reflection): "instrument"
// ("barc10" or "mspss"), "day" (date; a day has one of each instrument),
// "answers" (a list of whole numbers, one per statement in the
// instrument's order, each a point on its scale: 1–6 for BARC-10, 1–7 for
// MSPSS), "created_at" (instant or null). The score is not written: it
// follows from the answers (see model.Checkup.Score). Files written before
// check-ups were exported have no "check_ups" key, and read as having
// none.
//
// The keys by which another copy of the journal merges the file record by
// record (uids, plans, removals) are described in identity.go.
//
// Reading (ReadExport, and DecodeExport through it) is more forgiving than
// writing, for files edited by hand: a key may be left out when its value would be null, "", false,
// 0 or [] (all but "format", "version", a contact's "id", a reach-out's
// "contact_id" and "at", a check-in's "day", a reflection's "week", and a
// check-up's "instrument", "day" and "answers");
// a left-out circle is "other", stance "unknown", channel "call" and
// direction "mine"; a rating or mood of 0 means unanswered; dates may use
// / or . ("2026/11/16"); a birthday may be written as a vCard writes it
// ("--03-09", "19850309"); a "rest_cadence_days" beside a "cadence_days"
// above 0 is dropped, as a rhythm set again ends its rest; text is
// trimmed as the journal trims it; a UTF-8 byte order mark is skipped.
// The keys may come in any order, each once.
// Files written before a key was added (a contact's birthday, recovery
// date, snooze and rhythm at rest came later) read as having it empty.
// What it returns re-encodes to the canonical form above.
//
// Versions: DecodeExport reads this version and every earlier one, and
// refuses a later one with a sentence saying to update Tether. It ignores
// keys it does not know, so a later Tether that only adds keys can keep
// the version number; anything that changes the meaning of an existing key
// raises ExportVersion.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// The JSON shapes of an Export (a contact's, ContactJSON, is in
// contactjson.go). Pointers are what may be null.
type (
	// jsonBody is an export as read: each record is decoded on its own, so
	// that an error can say which record it is about.
	jsonBody struct {
		ExportedAt  *string           `json:"exported_at"`
		From        *string           `json:"from"`
		To          *string           `json:"to"`
		Settings    map[string]string `json:"settings"`
		Contacts    []json.RawMessage `json:"contacts"`
		ReachOuts   []json.RawMessage `json:"reach_outs"`
		CheckIns    []json.RawMessage `json:"check_ins"`
		Reflections []json.RawMessage `json:"reflections"`
		Checkups    []json.RawMessage `json:"check_ups"`
		Journal     string            `json:"journal"`
		Plans       []json.RawMessage `json:"plans"`
		Removed     []json.RawMessage `json:"removed"`
		Seen        map[string]string `json:"seen"`
		SettingsAt  map[string]string `json:"settings_changed"`
	}

	jsonReachOut struct {
		ID        int64   `json:"id"`
		ContactID int64   `json:"contact_id"`
		At        *string `json:"at"`
		Channel   string  `json:"channel"`
		Direction string  `json:"direction"`
		Helped    *string `json:"helped"`
		Note      string  `json:"note"`
		UID       string  `json:"uid,omitempty"`
		UpdatedAt *string `json:"updated_at,omitempty"`
	}

	jsonPlan struct {
		UID       string  `json:"uid"`
		ContactID int64   `json:"contact_id"`
		Day       string  `json:"day"`
		Time      string  `json:"time"`
		Channel   string  `json:"channel"`
		Note      string  `json:"note"`
		CreatedAt *string `json:"created_at"`
		UpdatedAt *string `json:"updated_at"`
	}

	jsonRemoval struct {
		Kind string  `json:"kind"`
		Ref  string  `json:"ref"`
		At   *string `json:"at"`
	}

	jsonCheckIn struct {
		Day        string   `json:"day"`
		Mood       *int     `json:"mood"`
		Difficulty *string  `json:"difficulty"`
		Craving    *int     `json:"craving"`
		Risky      *bool    `json:"risky"`
		Meetings   *int     `json:"meetings"`
		SleepHours *float64 `json:"sleep_hours"`
		Hungry     bool     `json:"hungry"`
		Angry      bool     `json:"angry"`
		Lonely     bool     `json:"lonely"`
		Tired      bool     `json:"tired"`
		Used       *bool    `json:"used"`
		Gratitude  string   `json:"gratitude"`
		Note       string   `json:"note"`
		UpdatedAt  *string  `json:"updated_at"`
	}

	jsonReflection struct {
		Week          string       `json:"week"`
		Supported     *int         `json:"supported"`
		Confidence    *int         `json:"confidence"`
		CravingBother *int         `json:"craving_bother"`
		Answers       []jsonAnswer `json:"answers"`
		UpdatedAt     *string      `json:"updated_at"`
	}

	jsonAnswer struct {
		Prompt string `json:"prompt"`
		Answer string `json:"answer"`
	}

	jsonCheckup struct {
		Instrument string  `json:"instrument"`
		Day        string  `json:"day"`
		Answers    []int   `json:"answers"`
		CreatedAt  *string `json:"created_at"`
	}
)

// EncodeExport writes e as Tether JSON (described at the top of this file),
// through WriteExport. Format and version are always ExportFormat and
// ExportVersion, whatever e says: this is the writer of the current
// version. The output is the same for the same Export, byte for byte, and
// ends with a newline. Derived fields (model.Contact.LastContact,
// Reached30, model.ReachOut.ContactName) are not written. Nothing is
// written when e cannot be written (hours of sleep that are not a number).
func EncodeExport(w io.Writer, e Export) error {
	for _, c := range e.CheckIns {
		if _, err := newJSONCheckIn(c); err != nil {
			return err
		}
	}
	_, err := WriteExport(w, partsOf(e))
	return err
}

// partsOf is an Export held in memory as ExportParts.
func partsOf(e Export) ExportParts {
	return ExportParts{
		ExportedAt: e.ExportedAt, From: e.From, To: e.To, Settings: e.Settings,
		Contacts: eachOf(e.Contacts), ReachOuts: eachOf(e.ReachOuts), CheckIns: eachOf(e.CheckIns),
		Reflections: eachOf(e.Reflections), Checkups: eachOf(e.Checkups),
		Journal: e.Journal, Plans: eachOf(e.Plans), Removed: eachOf(e.Removed),
		Seen: e.Seen, SettingsChanged: e.SettingsChanged,
	}
}

func jsonTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339Nano)
	return &s
}

func jsonDate(d model.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// jsonCode is text that may be unset — a choice's code, a birthday —:
// null when it is.
func jsonCode(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// jsonRating is a rating where 0 means "not rated": null then.
func jsonRating(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// exportVersion reads the version of an export; msg says why it cannot be
// read, if it cannot.
func exportVersion(raw json.RawMessage) (v int, msg string) {
	const newer = "this journal was exported by a newer Tether (format version %s; this one reads up to %d); update Tether to import it"
	s := string(raw)
	if strings.HasPrefix(s, `"`) {
		return 0, "this Tether journal export's version is text, not a whole number"
	}
	if v, err := strconv.Atoi(s); err == nil {
		switch {
		case v > ExportVersion:
			return 0, fmt.Sprintf(newer, s, ExportVersion)
		case v < 1:
			return 0, fmt.Sprintf("this Tether journal export has version %d, which no Tether writes", v)
		}
		return v, ""
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange), f != math.Trunc(f):
		return 0, "this Tether journal export's version is not a whole number"
	case f > ExportVersion:
		return 0, fmt.Sprintf(newer, shortJSON(raw), ExportVersion)
	case f < 1:
		return 0, "this Tether journal export has a version below 1, which no Tether writes"
	}
	return int(f), ""
}

// recordError is the error about one record: its label and what is wrong,
// made safe to print.
func recordError(label, msg string) error { return errors.New(safeMessage(label + ": " + msg)) }

func decodeContact(i int, raw json.RawMessage, seen func(id string) int) (model.Contact, error) {
	if isNull(raw) {
		return model.Contact{}, fmt.Errorf("contact at position %d is empty (null)", i+1)
	}
	var w ContactJSON
	err := json.Unmarshal(raw, &w)
	label := fmt.Sprintf("contact at position %d", i+1)
	if w.ID >= 1 {
		label = fmt.Sprintf("contact %d", w.ID)
	}
	if n := labelText(w.Name); n != "" {
		label += " (" + n + ")"
	}
	if err != nil {
		return model.Contact{}, recordError(label, typeProblem(err))
	}
	if w.ID < 1 {
		return model.Contact{}, recordError(label, "it needs an id, a whole number from 1, for its reach-outs to refer to")
	}
	if at := seen(strconv.FormatInt(w.ID, 10)); at != 0 {
		return model.Contact{}, recordError(label, fmt.Sprintf("the contact at position %d has the same id", at))
	}
	c := model.Contact{
		ID: w.ID, Name: w.Name, Nickname: w.Nickname, Circle: model.Circle(w.Circle), Group: w.Group,
		Phone: w.Phone, Email: w.Email, Availability: w.Availability, AnyTime: w.AnyTime,
		Distraction: w.Distraction, Stance: model.Stance(w.Stance), CadenceDays: w.CadenceDays,
		RestCadence: w.RestCadence, Notes: w.Notes, Tags: w.Tags, Archived: w.Archived,
	}
	if w.Birthday != nil {
		if c.Birthday, err = model.ParseBirthday(*w.Birthday); err != nil {
			return model.Contact{}, recordError(label, fmt.Sprintf("birthday %s is not a day of the year like 03-09 or 1985-03-09", quoteText(*w.Birthday)))
		}
	}
	if w.Preferred != nil {
		c.Preferred = model.Channel(*w.Preferred)
	}
	if w.Importance != nil {
		c.Importance = *w.Importance
	}
	if w.Supportive != nil {
		c.Supportive = *w.Supportive
	}
	switch {
	case w.Circle != "" && !c.Circle.Valid():
		return model.Contact{}, recordError(label, unknownCode("circle", w.Circle, model.Circles))
	case w.Stance != "" && !c.Stance.Valid():
		return model.Contact{}, recordError(label, unknownCode("stance", w.Stance, model.Stances))
	case !slices.Contains(model.PreferredChannels, c.Preferred):
		return model.Contact{}, recordError(label, unknownCode("preferred", string(c.Preferred), model.PreferredChannels[1:]))
	}
	if c.SnoozedUntil, err = parseJSONDate(w.SnoozedUntil, "snoozed_until"); err == nil {
		c.RecoveryDate, err = parseJSONDate(w.RecoveryDate, "recovery_date")
	}
	if err != nil {
		return model.Contact{}, recordError(label, err.Error())
	}
	if c.AnyTimeSince, err = parseJSONDate(w.AnyTimeSince, "any_time_since"); err == nil {
		if c.KnownSince, err = parseJSONDate(w.KnownSince, "known_since"); err == nil {
			if c.CreatedAt, err = parseJSONTime(w.CreatedAt, "created_at"); err == nil {
				c.UpdatedAt, err = parseJSONTime(w.UpdatedAt, "updated_at")
			}
		}
	}
	if err != nil {
		return model.Contact{}, recordError(label, err.Error())
	}
	// A journal from before invisible characters were refused in names
	// may hold them: they go, so its export still imports.
	for _, f := range []*string{&c.Name, &c.Nickname, &c.Group, &c.Phone, &c.Email, &c.Availability} {
		*f = model.DropInvisible(*f)
	}
	for i := range c.Tags {
		c.Tags[i] = model.DropInvisible(c.Tags[i])
	}
	c = c.Normalize()
	if p := contactProblems(c); len(p) > 0 {
		return model.Contact{}, recordError(label, problemsSentence(p))
	}
	if !ValidUID(w.UID) {
		return model.Contact{}, recordError(label, uidProblem)
	}
	c.UID = w.UID
	return c, nil
}

// restCadenceKey is a contact's key for its rhythm at rest, which has no
// field name of its own in model.
const restCadenceKey = "rest_cadence_days"

// contactProblems is what c.Validate finds, with a rhythm at rest's
// problem under its own key: the form has one rhythm field, so Validate
// files it under the cadence (over the cadence's own problem, if any),
// while a file has a key for each and the message should name the one
// that is wrong.
func contactProblems(c model.Contact) model.Problems {
	p := c.Validate(model.Date{})
	if c.RestCadence >= 0 && c.RestCadence <= model.MaxCadence {
		return p
	}
	p[restCadenceKey] = p[model.FieldCadence]
	delete(p, model.FieldCadence)
	c.RestCadence = 0
	if msg, bad := c.Validate(model.Date{})[model.FieldCadence]; bad {
		p[model.FieldCadence] = msg
	}
	return p
}

// decodeReachOut reads and checks a reach-out, all but its contact (the
// caller checks contact_id against the file's contacts); seen finds its id
// given twice. It returns the label its errors begin with.
func decodeReachOut(i int, raw json.RawMessage, seen func(key string) int) (model.ReachOut, string, error) {
	if isNull(raw) {
		return model.ReachOut{}, "", fmt.Errorf("reach-out at position %d is empty (null)", i+1)
	}
	var w jsonReachOut
	err := json.Unmarshal(raw, &w)
	label := fmt.Sprintf("reach-out at position %d", i+1)
	if w.ID >= 1 {
		label = fmt.Sprintf("reach-out %d", w.ID)
	}
	at, timeErr := parseJSONTime(w.At, "at")
	if timeErr == nil && !at.IsZero() {
		label += " on " + model.DateOf(at).String()
	}
	switch {
	case err != nil:
		return model.ReachOut{}, label, recordError(label, typeProblem(err))
	case timeErr != nil:
		return model.ReachOut{}, label, recordError(label, timeErr.Error())
	case w.ID < 0:
		return model.ReachOut{}, label, recordError(label, "its id is below 1; leave it out, or use a whole number from 1")
	}
	if w.ID != 0 {
		if first := seen(strconv.FormatInt(w.ID, 10)); first != 0 {
			return model.ReachOut{}, label, recordError(label, fmt.Sprintf("the reach-out at position %d has the same id", first))
		}
	}
	updated, err := parseJSONTime(w.UpdatedAt, "updated_at")
	if err != nil {
		return model.ReachOut{}, label, recordError(label, err.Error())
	}
	if !ValidUID(w.UID) {
		return model.ReachOut{}, label, recordError(label, uidProblem)
	}
	r := model.ReachOut{ID: w.ID, ContactID: w.ContactID, At: at, Channel: model.Channel(w.Channel), Direction: model.Direction(w.Direction), Note: w.Note,
		UID: w.UID, UpdatedAt: updated}
	if w.Helped != nil {
		r.Helped = model.Helped(*w.Helped)
	}
	switch {
	case w.Channel != "" && !slices.Contains(model.LogChannels, r.Channel):
		return model.ReachOut{}, label, recordError(label, unknownCode("channel", w.Channel, model.LogChannels))
	case w.Direction != "" && !r.Direction.Valid():
		return model.ReachOut{}, label, recordError(label, unknownCode("direction", w.Direction, model.Directions))
	case !r.Helped.Valid():
		return model.ReachOut{}, label, recordError(label, unknownCode("helped", string(r.Helped), model.HelpedAnswers[1:]))
	}
	switch {
	case at.IsZero():
		return model.ReachOut{}, label, recordError(label, "it has no time (at)")
	case at.Year() < 1900 || at.Year() > 9999:
		return model.ReachOut{}, label, recordError(label, "its time (at) is outside the years 1900 to 9999")
	}
	// The journal keeps the offset within the widest any time zone has
	// used; a wider one is a mistyped time.
	if _, off := at.Zone(); off < -18*3600 || off > 18*3600 {
		return model.ReachOut{}, label, recordError(label, "its time is more than 18 hours off UTC, which no time zone is")
	}
	r = r.Normalize()
	if p := r.Validate(time.Time{}); len(p) > 0 {
		return model.ReachOut{}, label, recordError(label, problemsSentence(p))
	}
	return r, label, nil
}

// unknownContact is the error about a record (its label) whose contact_id
// names no contact of the file.
func unknownContact(label string, id int64) error {
	return recordError(label, fmt.Sprintf("its contact_id %d is not the id of any contact in the file", id))
}

// decodeCheckIn reads and checks a check-in; seen finds its day given twice.
func decodeCheckIn(i int, raw json.RawMessage, seen func(key string) int) (model.CheckIn, error) {
	if isNull(raw) {
		return model.CheckIn{}, fmt.Errorf("check-in at position %d is empty (null)", i+1)
	}
	var w jsonCheckIn
	err := json.Unmarshal(raw, &w)
	label := fmt.Sprintf("check-in at position %d", i+1)
	d, dayErr := model.ParseDate(w.Day)
	if dayErr == nil && !d.IsZero() {
		label = "check-in " + d.String()
	}
	switch {
	case err != nil:
		return model.CheckIn{}, recordError(label, typeProblem(err))
	case dayErr != nil:
		return model.CheckIn{}, recordError(label, fmt.Sprintf("its day %s is not a date like 2025-03-02", quoteText(w.Day)))
	}
	c := model.CheckIn{
		Day: d, Craving: w.Craving, Risky: w.Risky, Meetings: w.Meetings, SleepHours: w.SleepHours,
		Hungry: w.Hungry, Angry: w.Angry, Lonely: w.Lonely, Tired: w.Tired, Used: w.Used,
		Gratitude: w.Gratitude, Note: w.Note,
	}
	if w.Mood != nil {
		c.Mood = *w.Mood
	}
	if w.Difficulty != nil {
		c.Difficulty = model.Difficulty(*w.Difficulty)
		if !c.Difficulty.Valid() {
			return model.CheckIn{}, recordError(label, unknownCode("difficulty", *w.Difficulty, model.Difficulties[1:]))
		}
	}
	if c.UpdatedAt, err = parseJSONTime(w.UpdatedAt, "updated_at"); err != nil {
		return model.CheckIn{}, recordError(label, err.Error())
	}
	c = c.Normalize()
	if p := c.Validate(model.Date{}); len(p) > 0 {
		return model.CheckIn{}, recordError(label, problemsSentence(p))
	}
	if first := seen(c.Day.String()); first != 0 {
		return model.CheckIn{}, recordError(label, fmt.Sprintf("the check-in at position %d is for the same day; a day has one check-in", first))
	}
	return c, nil
}

// decodeReflection reads and checks a reflection; seen finds its week
// given twice.
func decodeReflection(i int, raw json.RawMessage, seen func(key string) int) (model.Reflection, error) {
	if isNull(raw) {
		return model.Reflection{}, fmt.Errorf("reflection at position %d is empty (null)", i+1)
	}
	var w jsonReflection
	err := json.Unmarshal(raw, &w)
	label := fmt.Sprintf("reflection at position %d", i+1)
	wk, weekErr := model.ParseWeek(w.Week)
	if weekErr == nil {
		label = "reflection " + wk.String()
	}
	switch {
	case err != nil:
		return model.Reflection{}, recordError(label, typeProblem(err))
	case strings.TrimSpace(w.Week) == "":
		return model.Reflection{}, recordError(label, "it has no week")
	case weekErr != nil:
		return model.Reflection{}, recordError(label, fmt.Sprintf("its week %s is not a week like 2026-W47", quoteText(w.Week)))
	}
	r := model.Reflection{Week: wk, Answers: make([]model.Answer, len(w.Answers))}
	for j, a := range w.Answers {
		r.Answers[j] = model.Answer{Prompt: a.Prompt, Text: a.Answer}
	}
	for _, x := range []struct {
		to   *int
		from *int
	}{{&r.Supported, w.Supported}, {&r.Confidence, w.Confidence}, {&r.CravingBother, w.CravingBother}} {
		if x.from != nil {
			*x.to = *x.from
		}
	}
	if r.UpdatedAt, err = parseJSONTime(w.UpdatedAt, "updated_at"); err != nil {
		return model.Reflection{}, recordError(label, err.Error())
	}
	r = r.Normalize()
	if p := r.Validate(model.Date{}); len(p) > 0 {
		return model.Reflection{}, recordError(label, problemsSentence(p))
	}
	if first := seen(r.Week.String()); first != 0 {
		return model.Reflection{}, recordError(label, fmt.Sprintf("the reflection at position %d is for the same week; a week has one reflection", first))
	}
	return r, nil
}

// decodeCheckup reads and checks a check-up; seen finds its instrument and
// day given twice (a day has one of each instrument).
func decodeCheckup(i int, raw json.RawMessage, seen func(key string) int) (model.Checkup, error) {
	if isNull(raw) {
		return model.Checkup{}, fmt.Errorf("check-up at position %d is empty (null)", i+1)
	}
	var w jsonCheckup
	err := json.Unmarshal(raw, &w)
	inst := model.Instrument(w.Instrument)
	info, known := inst.Info()
	d, dayErr := model.ParseDate(w.Day)
	label := fmt.Sprintf("check-up at position %d", i+1)
	if dayErr == nil && !d.IsZero() {
		if known {
			label = fmt.Sprintf("check-up %s on %s", inst, d)
		} else {
			label += " on " + d.String()
		}
	}
	switch {
	case err != nil:
		return model.Checkup{}, recordError(label, typeProblem(err))
	case w.Instrument == "":
		return model.Checkup{}, recordError(label, fmt.Sprintf("it has no instrument (%s)", strings.Join(instrumentCodes(), " or ")))
	case !known:
		return model.Checkup{}, recordError(label, unknownCode("instrument", w.Instrument, model.Instruments))
	case strings.TrimSpace(w.Day) == "":
		return model.Checkup{}, recordError(label, "it has no day")
	case dayErr != nil:
		return model.Checkup{}, recordError(label, fmt.Sprintf("its day %s is not a date like 2025-03-02", quoteText(w.Day)))
	}
	c := model.Checkup{Instrument: inst, Day: d, Answers: w.Answers}
	if c.CreatedAt, err = parseJSONTime(w.CreatedAt, "created_at"); err != nil {
		return model.Checkup{}, recordError(label, err.Error())
	}
	if !c.CreatedAt.IsZero() && (c.CreatedAt.Year() < 1900 || c.CreatedAt.Year() > 9999) {
		return model.Checkup{}, recordError(label, "its created_at is outside the years 1900 to 9999")
	}
	if p := c.Validate(model.Date{}); len(p) > 0 {
		return model.Checkup{}, recordError(label, checkupProblems(c, info, p))
	}
	if first := seen(string(c.Instrument) + " " + c.Day.String()); first != 0 {
		return model.Checkup{}, recordError(label, fmt.Sprintf("the check-up at position %d is the same instrument on the same day; a day has one of each", first))
	}
	return c, nil
}

func instrumentCodes() []string {
	codes := make([]string, len(model.Instruments))
	for i, in := range model.Instruments {
		codes[i] = string(in)
	}
	return codes
}

// checkupProblems says what model.Checkup.Validate found, in the words of a file
// (its list of answers) rather than a form's statements: the number of
// answers, then the first few answers off the scale.
func checkupProblems(c model.Checkup, info model.InstrumentInfo, p model.Problems) string {
	var parts []string
	rest := model.Problems{}
	for k, msg := range p {
		if k != model.FieldAnswers && !strings.HasPrefix(k, model.FieldCheckupItem) {
			rest[k] = msg
		}
	}
	if len(rest) > 0 {
		parts = append(parts, problemsSentence(rest))
	}
	if _, ok := p[model.FieldAnswers]; ok {
		n := "none"
		if len(c.Answers) > 0 {
			n = strconv.Itoa(len(c.Answers))
		}
		parts = append(parts, fmt.Sprintf("answers: there are %s, and the %s has %d statements, one answer each",
			n, info.Name, len(info.Items)))
	}
	const show = 3
	var off []string
	for i := range min(len(c.Answers), len(info.Items)) {
		if _, bad := p[fmt.Sprintf("%s%d", model.FieldCheckupItem, i)]; !bad {
			continue
		}
		if a := c.Answers[i]; a == 0 {
			off = append(off, fmt.Sprintf("answer %d is blank (0 or null), and each statement needs one from 1 to %d", i+1, len(info.Scale)))
		} else {
			off = append(off, fmt.Sprintf("answer %d is %d, not a number from 1 to %d", i+1, a, len(info.Scale)))
		}
	}
	if len(off) > show {
		off = append(off[:show:show], fmt.Sprintf("and %d more answers are off the scale", len(off)-show))
	}
	parts = append(parts, off...)
	if len(parts) == 0 { // a problem Validate may add one day
		return problemsSentence(p)
	}
	return strings.Join(parts, "; ")
}

// settingsProblem checks the settings Tether itself reads; any other key
// is carried as it is.
func settingsProblem(s map[string]string) string {
	if _, ok := s[""]; ok {
		return "a setting has no name"
	}
	if v, ok := s[SettingRecoveryStart]; ok {
		if d, err := model.ParseDate(v); err != nil || d.IsZero() {
			return fmt.Sprintf("%s %s is not a date like 2025-01-06", SettingRecoveryStart, quoteText(v))
		}
	}
	v, ok := s[SettingPrompts]
	if !ok {
		return ""
	}
	var prompts []string
	if err := json.Unmarshal([]byte(v), &prompts); err != nil || prompts == nil {
		return fmt.Sprintf("%s is not a list of prompts (a JSON array of text)", SettingPrompts)
	}
	switch {
	case len(prompts) == 0:
		return fmt.Sprintf("%s holds no prompt; a week needs something to answer", SettingPrompts)
	case len(prompts) > model.MaxPrompts:
		return fmt.Sprintf("%s holds %d prompts; a set holds at most %d", SettingPrompts, len(prompts), model.MaxPrompts)
	}
	seen := map[string]int{}
	for i, q := range prompts {
		q = strings.TrimSpace(q)
		if msg := model.PromptProblem(q); msg != "" {
			return fmt.Sprintf("prompt %d: %s", i+1, sentencePart(msg))
		}
		if first, dup := seen[model.Fold(q)]; dup {
			return fmt.Sprintf("prompt %d is the same as prompt %d", i+1, first+1)
		}
		seen[model.Fold(q)] = i
	}
	return ""
}

func parseJSONTime(s *string, key string) (time.Time, error) {
	if s == nil {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %s is not a date and time like 2026-11-16T19:30:00+01:00", key, quoteText(*s))
	}
	return t, nil
}

func parseJSONDate(s *string, key string) (model.Date, error) {
	if s == nil {
		return model.Date{}, nil
	}
	d, err := model.ParseDate(*s)
	if err != nil {
		return model.Date{}, fmt.Errorf("%s %s is not a date like 2025-03-02", key, quoteText(*s))
	}
	return d, nil
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// typeProblem says which value of a record has the wrong kind.
func typeProblem(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return "it could not be read"
	}
	field := te.Field
	switch {
	case field == "":
		field = "it"
	case field == "settings" && te.Type != nil && te.Type.Kind() == reflect.String:
		field = "each of the settings"
	}
	got := te.Value
	switch {
	case got == "string":
		got = "text"
	case got == "number":
		got = "a number"
	case got == "bool":
		got = "true or false"
	case got == "array":
		got = "a list"
	case got == "object":
		got = "an object"
	case strings.HasPrefix(got, "number "):
		got = strings.TrimPrefix(got, "number ")
	}
	return fmt.Sprintf("%s should be %s, not %s", field, kindWords(te.Type), got)
}

func kindWords(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "something else"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

func unknownCode[T ~string](field, got string, known []T) string {
	codes := make([]string, len(known))
	for i, k := range known {
		codes[i] = string(k)
	}
	return fmt.Sprintf("%s %s is not one Tether knows (%s)", field, quoteText(got), strings.Join(codes, ", "))
}

// Words for fields in messages about a file, where the form's field names
// are not in sight.
var fieldWords = map[string]string{
	model.FieldAnyTimeSince: "any_time_since", model.FieldKnownSince: "known_since", model.FieldCadence: "cadence_days",
	model.FieldCheckNote: "note", model.FieldSleep: "sleep_hours", model.FieldCravingBother: "craving_bother",
	model.FieldContact: "contact_id",
}

// Messages written for a form that read oddly about a file.
var fileMessages = map[string]string{
	model.FieldAnswers: "it answers no question, and a saved day needs at least one answer",
	model.FieldContact: "it names no contact (contact_id)",
}

// problemsSentence joins a record's problems into one clause, each naming
// its field unless its message already does.
func problemsSentence(p model.Problems) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		if msg := fileMessages[k]; msg != "" {
			parts = append(parts, msg)
			continue
		}
		word := fieldWords[k]
		if word == "" {
			word = k
			if n, ok := strings.CutPrefix(k, model.FieldAnswer); ok && n != "" {
				if i, err := strconv.Atoi(n); err == nil {
					word = fmt.Sprintf("answer %d", i+1)
				}
			}
		}
		msg := sentencePart(p[k])
		if !mentions(msg, strings.ReplaceAll(word, "_", " ")) {
			msg = word + ": " + msg
		}
		parts = append(parts, msg)
	}
	return strings.Join(parts, "; ")
}

// mentions reports whether a message names a field: as a whole word, or
// for a name of several words, anywhere.
func mentions(msg, field string) bool {
	msg, field = strings.ToLower(msg), strings.ToLower(field)
	if strings.Contains(field, " ") {
		return strings.Contains(msg, field)
	}
	words := strings.FieldsFunc(msg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return slices.Contains(words, field)
}

// sentencePart turns a sentence into a clause: no full stop, and a lower
// case first letter unless the first word is an acronym.
func sentencePart(msg string) string {
	msg = strings.TrimSuffix(strings.TrimSpace(msg), ".")
	r, n := utf8.DecodeRuneInString(msg)
	next, _ := utf8.DecodeRuneInString(msg[n:])
	if unicode.IsUpper(r) && !unicode.IsUpper(next) {
		msg = string(unicode.ToLower(r)) + msg[n:]
	}
	return msg
}

// labelText is a name as a record's label shows it: one line, no control
// characters, at most 40 characters.
func labelText(s string) string {
	s = strings.Join(strings.FieldsFunc(model.StripEscapes(s), func(r rune) bool {
		return unicode.IsSpace(r) || model.UnsafeRune(r)
	}), " ")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:39]) + "…"
	}
	return s
}

// quoteText quotes a value from a file for a message, shortened.
func quoteText(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:39]) + "…"
	}
	return strconv.Quote(s)
}

// shortJSON is a raw JSON value for a message, shortened.
func shortJSON(b []byte) string {
	s := string(b)
	if len(s) > 20 {
		s = s[:20] + "…"
	}
	return s
}

// safeMessage makes a message that quotes a file safe to print: valid
// UTF-8 and nothing that could move the cursor or reorder the text.
func safeMessage(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if model.UnsafeRune(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// NewerError is an export written by a newer Tether than this one: it is
// refused, not read in part (tether sync says so and goes on).
type NewerError string

func (e NewerError) Error() string { return string(e) }

// newerVersion reports a version above ExportVersion.
func newerVersion(raw json.RawMessage) bool {
	f, err := strconv.ParseFloat(string(raw), 64)
	return (err == nil || errors.Is(err, strconv.ErrRange)) && f > ExportVersion
}
