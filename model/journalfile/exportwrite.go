package journalfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Each hands on the records of one list of an export, in order, to yield,
// and returns the first error of reading them or of yield. A nil Each is
// an empty list.
type Each[T any] func(yield func(T) error) error

// ExportParts is an export given part by part, so that WriteExport can
// write a journal of any size while it is read: the head as values, and
// each list as an Each that reads its records as they are written (the
// store reads them with cursors), never all at once.
type ExportParts struct {
	ExportedAt  time.Time
	From, To    model.Date // the period; both zero for the whole journal
	Settings    map[string]string
	Contacts    Each[model.Contact]
	ReachOuts   Each[model.ReachOut]
	CheckIns    Each[model.CheckIn]
	Reflections Each[model.Reflection]
	Checkups    Each[model.Checkup]
	// Journal, Plans, Removed, Seen and SettingsChanged are what another
	// copy of the journal merges by (see identity.go).
	Journal         string
	Plans           Each[model.Plan]
	Removed         Each[model.Removal]
	Seen            map[string]time.Time
	SettingsChanged map[string]time.Time
}

// Counts is how many records of each list an export holds.
type Counts struct {
	Contacts, ReachOuts, CheckIns, Reflections, Checkups, Plans, Removed int
}

// Counts is how many records of each list e holds.
func (e Export) Counts() Counts {
	return Counts{len(e.Contacts), len(e.ReachOuts), len(e.CheckIns), len(e.Reflections), len(e.Checkups), len(e.Plans), len(e.Removed)}
}

// WriteExport writes Tether JSON (described at the top of exportjson.go)
// record by record as p's lists hand them on, holding one record at a
// time: the same bytes EncodeExport writes for the same journal. It
// returns how many records of each list it wrote. On an error, what was
// written so far is not a whole file (a caller writing a file writes it
// under a temporary name, as wholefile does).
func WriteExport(w io.Writer, p ExportParts) (Counts, error) {
	x := exportWriter{w: bufio.NewWriterSize(w, 64<<10)}
	var n Counts
	x.raw("{\n  \"format\": ")
	x.value(ExportFormat, "  ")
	x.raw(",\n  \"version\": ")
	x.value(ExportVersion, "  ")
	x.raw(",\n  \"exported_at\": ")
	x.value(jsonTime(p.ExportedAt), "  ")
	x.raw(",\n  \"from\": ")
	x.value(jsonDate(p.From), "  ")
	x.raw(",\n  \"to\": ")
	x.value(jsonDate(p.To), "  ")
	x.raw(",\n  \"settings\": ")
	settings := p.Settings
	if settings == nil {
		settings = map[string]string{}
	}
	x.value(settings, "  ")
	n.Contacts = writeList(&x, "contacts", true, p.Contacts, func(c model.Contact) (any, error) { return NewContactJSON(c), nil })
	n.ReachOuts = writeList(&x, "reach_outs", true, p.ReachOuts, func(r model.ReachOut) (any, error) { return newJSONReachOut(r), nil })
	n.CheckIns = writeList(&x, "check_ins", true, p.CheckIns, newJSONCheckIn)
	n.Reflections = writeList(&x, "reflections", true, p.Reflections, func(r model.Reflection) (any, error) { return newJSONReflection(r), nil })
	n.Checkups = writeList(&x, "check_ups", true, p.Checkups, func(c model.Checkup) (any, error) { return newJSONCheckup(c), nil })
	// The keys for merging are left out when empty (omitempty in the
	// shape of jsonExport), so a file from before them reads the same.
	if p.Journal != "" {
		x.raw(",\n  \"journal\": ")
		x.value(p.Journal, "  ")
	}
	n.Plans = writeList(&x, "plans", false, p.Plans, func(p model.Plan) (any, error) { return newJSONPlan(p), nil })
	n.Removed = writeList(&x, "removed", false, p.Removed, func(r model.Removal) (any, error) { return newJSONRemoval(r), nil })
	for _, m := range []struct {
		key   string
		times map[string]time.Time
	}{{"seen", p.Seen}, {"settings_changed", p.SettingsChanged}} {
		if len(m.times) > 0 {
			x.raw(",\n  \"" + m.key + "\": ")
			x.value(jsonTimes(m.times), "  ")
		}
	}
	x.raw("\n}\n")
	if x.err == nil {
		x.err = x.w.Flush()
	}
	if x.err != nil {
		return Counts{}, x.err
	}
	return n, nil
}

// exportWriter writes an export's text, keeping the first error.
type exportWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (x *exportWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// value writes v as encoding/json indents it at the depth whose lines
// begin with prefix, so that each part is byte for byte what encoding the
// whole export as one value would write there.
func (x *exportWriter) value(v any, prefix string) {
	if x.err != nil {
		return
	}
	x.buf.Reset()
	enc := json.NewEncoder(&x.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false) // "<3" reads as typed
	if err := enc.Encode(v); err != nil {
		x.err = fmt.Errorf("write the journal as JSON: %w", err)
		return
	}
	_, x.err = x.w.Write(bytes.TrimSuffix(x.buf.Bytes(), []byte("\n")))
}

// writeList writes the list key: its records as they come, each in its
// JSON shape (shape). A list that is always written is [] when empty; one
// that is not (omitempty) has its key written with its first record.
func writeList[T any](x *exportWriter, key string, always bool, each Each[T], shape func(T) (any, error)) int {
	n := 0
	open := func() { x.raw(",\n  \"" + key + "\": [") }
	if always {
		open()
	}
	if each != nil && x.err == nil {
		err := each(func(r T) error {
			v, err := shape(r)
			if err != nil {
				return err
			}
			switch {
			case n == 0 && !always:
				open()
				fallthrough
			case n == 0:
				x.raw("\n    ")
			default:
				x.raw(",\n    ")
			}
			x.value(v, "    ")
			n++
			return x.err
		})
		if x.err == nil {
			x.err = err
		}
	}
	switch {
	case n > 0:
		x.raw("\n  ]")
	case always:
		x.raw("]")
	}
	return n
}

// eachOf hands on the records of a slice: an Export's lists as ExportParts.
func eachOf[T any](list []T) Each[T] {
	return func(yield func(T) error) error {
		for _, r := range list {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// The JSON shape of each record (a contact's is NewContactJSON).

func newJSONReachOut(r model.ReachOut) jsonReachOut {
	return jsonReachOut{
		ID: r.ID, ContactID: r.ContactID, At: jsonTime(r.At), Channel: string(r.Channel),
		Direction: string(r.Direction), Helped: jsonCode(string(r.Helped)), Note: r.Note,
		UID: r.UID, UpdatedAt: jsonTime(r.UpdatedAt),
	}
}

// newJSONCheckIn refuses hours of sleep that are not a number, which JSON
// cannot hold.
func newJSONCheckIn(c model.CheckIn) (any, error) {
	if c.SleepHours != nil && (math.IsNaN(*c.SleepHours) || math.IsInf(*c.SleepHours, 0)) {
		return nil, fmt.Errorf("check-in %s: the hours of sleep are not a number", c.Day)
	}
	return jsonCheckIn{
		Day: c.Day.String(), Mood: jsonRating(c.Mood), Difficulty: jsonCode(string(c.Difficulty)),
		Craving: c.Craving, Risky: c.Risky, Meetings: c.Meetings, SleepHours: c.SleepHours,
		Hungry: c.Hungry, Angry: c.Angry, Lonely: c.Lonely, Tired: c.Tired, Used: c.Used,
		Gratitude: c.Gratitude, Note: c.Note, UpdatedAt: jsonTime(c.UpdatedAt),
	}, nil
}

func newJSONReflection(r model.Reflection) jsonReflection {
	answers := make([]jsonAnswer, len(r.Answers))
	for j, a := range r.Answers {
		answers[j] = jsonAnswer{Prompt: a.Prompt, Answer: a.Text}
	}
	week := ""
	if !r.Week.IsZero() {
		week = r.Week.String()
	}
	return jsonReflection{
		Week: week, Supported: jsonRating(r.Supported), Confidence: jsonRating(r.Confidence),
		CravingBother: jsonRating(r.CravingBother), Answers: answers, UpdatedAt: jsonTime(r.UpdatedAt),
	}
}

func newJSONCheckup(c model.Checkup) jsonCheckup {
	answers := c.Answers
	if answers == nil {
		answers = []int{}
	}
	return jsonCheckup{Instrument: string(c.Instrument), Day: c.Day.String(), Answers: answers, CreatedAt: jsonTime(c.CreatedAt)}
}

func newJSONPlan(p model.Plan) jsonPlan {
	return jsonPlan{UID: p.UID, ContactID: p.ContactID, Day: p.Day.String(), Time: p.Time,
		Channel: string(p.Channel), Note: p.Note, CreatedAt: jsonTime(p.CreatedAt), UpdatedAt: jsonTime(p.UpdatedAt)}
}

func newJSONRemoval(r model.Removal) jsonRemoval {
	return jsonRemoval{Kind: r.Kind, Ref: r.Ref, At: jsonTime(r.At)}
}
