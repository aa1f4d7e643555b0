package journalfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The keys of an export that let another copy of the journal merge it
// record by record (see store's schema 9). They are written when there is
// something to write (a journal always has them; a file from before them,
// or made by hand, has none and imports as it always did):
//
//	"journal": "…",   the uid of the journal that wrote the file
//	"plans": [ … ],   reach-outs planned for a day: "uid", "contact_id",
//	                  "day", "time" ("HH:MM" or ""), "channel", "note",
//	                  "created_at", "updated_at"
//	"removed": [ … ], what was removed, so the removal travels: "kind"
//	                  ("reach_out", "plan", "check_in"), "ref" (the uid,
//	                  or the check-in's day), "at" (when)
//	"seen": { … },    for each other copy whose export this one merged,
//	                  by its journal uid, when that export was written
//	"settings_changed": { … }, when each setting last changed, by key
//
// and "uid" on each contact and reach-out, "updated_at" on each
// reach-out. A uid is 32 lower-case hexadecimal digits.

// uidProblem says what a uid must be.
const uidProblem = "its uid is not 32 lower-case hexadecimal digits"

// RemovalKinds are the kinds of record a removal marker names.
var RemovalKinds = []string{"reach_out", "plan", "check_in", "setting"}

// ValidUID reports a uid as journals write them; "" (none) is valid too.
func ValidUID(uid string) bool {
	if uid == "" {
		return true
	}
	if len(uid) != 32 {
		return false
	}
	for _, r := range uid {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// decodePlan reads and checks a plan, all but its contact (the caller
// checks contact_id against the file's contacts). It returns the label its
// errors begin with.
func decodePlan(i int, raw json.RawMessage) (model.Plan, string, error) {
	label := fmt.Sprintf("plan at position %d", i+1)
	var w jsonPlan
	if isNull(raw) {
		return model.Plan{}, label, errors.New(label + " is empty (null)")
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return model.Plan{}, label, recordError(label, typeProblem(err))
	}
	day, err := model.ParseDate(w.Day)
	if err != nil {
		return model.Plan{}, label, recordError(label, "its day is not a date")
	}
	p := model.Plan{UID: w.UID, ContactID: w.ContactID, Day: day, Time: w.Time, Channel: model.Channel(w.Channel), Note: w.Note}
	if p.CreatedAt, err = parseJSONTime(w.CreatedAt, "created_at"); err == nil {
		p.UpdatedAt, err = parseJSONTime(w.UpdatedAt, "updated_at")
	}
	if err != nil {
		return model.Plan{}, label, recordError(label, err.Error())
	}
	if !ValidUID(p.UID) {
		return model.Plan{}, label, recordError(label, uidProblem)
	}
	p = p.Normalize()
	if pr := p.Validate(model.Date{}); len(pr) > 0 {
		return model.Plan{}, label, recordError(label, problemsSentence(pr))
	}
	return p, label, nil
}

func decodeRemoval(i int, raw json.RawMessage) (model.Removal, error) {
	label := fmt.Sprintf("removal at position %d", i+1)
	var w jsonRemoval
	if isNull(raw) {
		return model.Removal{}, errors.New(label + " is empty (null)")
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return model.Removal{}, recordError(label, typeProblem(err))
	}
	at, err := parseJSONTime(w.At, "at")
	switch {
	case err != nil:
		return model.Removal{}, recordError(label, err.Error())
	case at.IsZero():
		return model.Removal{}, recordError(label, "it has no time (at)")
	case !slices.Contains(RemovalKinds, w.Kind):
		return model.Removal{}, recordError(label, "its kind is not one of "+model.ListWords(RemovalKinds))
	case w.Kind == "check_in":
		if _, err := model.ParseDate(w.Ref); err != nil {
			return model.Removal{}, recordError(label, "a check-in's ref is its day")
		}
	case w.Kind == "setting":
		if w.Ref == "" {
			return model.Removal{}, recordError(label, "a setting's ref is its key")
		}
	case w.Ref == "" || !ValidUID(w.Ref):
		return model.Removal{}, recordError(label, "its ref is not a uid")
	}
	return model.Removal{Kind: w.Kind, Ref: w.Ref, At: at}, nil
}

// uidTwice is the error about a file that gives one uid to two records of
// a kind ("contact", "reach-out", "plan").
func uidTwice(kind string) error {
	return fmt.Errorf("this Tether journal export gives two %ss the same uid", kind)
}

// jsonTimes writes a map of instants, nil when empty.
func jsonTimes(m map[string]time.Time) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, t := range m {
		out[k] = *jsonTime(t)
	}
	return out
}

// parseTimes reads a map of instants whose keys valid accepts.
func parseTimes(m map[string]string, name string, valid func(string) bool) (map[string]time.Time, error) {
	var out map[string]time.Time
	for k, at := range m {
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil || !valid(k) {
			return nil, errors.New(safeMessage("this Tether journal export's " + name + ": " + k + " is not a key with an instant"))
		}
		if out == nil {
			out = map[string]time.Time{}
		}
		out[k] = t
	}
	return out, nil
}
