package journalfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// jsonExport is the whole export as one value, in the order of its keys:
// how EncodeExport wrote Tether JSON before WriteExport, by encoding/json
// indenting it whole. It is kept here as the reference WriteExport must
// match byte for byte.
type jsonExport struct {
	Format      string            `json:"format"`
	Version     int               `json:"version"`
	ExportedAt  *string           `json:"exported_at"`
	From        *string           `json:"from"`
	To          *string           `json:"to"`
	Settings    map[string]string `json:"settings"`
	Contacts    []ContactJSON     `json:"contacts"`
	ReachOuts   []jsonReachOut    `json:"reach_outs"`
	CheckIns    []jsonCheckIn     `json:"check_ins"`
	Reflections []jsonReflection  `json:"reflections"`
	Checkups    []jsonCheckup     `json:"check_ups"`
	Journal     string            `json:"journal,omitempty"`
	Plans       []jsonPlan        `json:"plans,omitempty"`
	Removed     []jsonRemoval     `json:"removed,omitempty"`
	Seen        map[string]string `json:"seen,omitempty"`
	SettingsAt  map[string]string `json:"settings_changed,omitempty"`
}

// encodeWhole is the reference encoding of e: the whole export as one
// jsonExport, indented by encoding/json.
func encodeWhole(e Export) ([]byte, error) {
	je := jsonExport{
		Format: ExportFormat, Version: ExportVersion, ExportedAt: jsonTime(e.ExportedAt),
		From: jsonDate(e.From), To: jsonDate(e.To), Settings: e.Settings,
		Contacts: make([]ContactJSON, len(e.Contacts)), ReachOuts: make([]jsonReachOut, len(e.ReachOuts)),
		CheckIns: make([]jsonCheckIn, len(e.CheckIns)), Reflections: make([]jsonReflection, len(e.Reflections)),
		Checkups: make([]jsonCheckup, len(e.Checkups)), Journal: e.Journal,
		Plans: make([]jsonPlan, len(e.Plans)), Removed: make([]jsonRemoval, len(e.Removed)),
		Seen: jsonTimes(e.Seen), SettingsAt: jsonTimes(e.SettingsChanged),
	}
	if je.Settings == nil {
		je.Settings = map[string]string{}
	}
	for i, c := range e.Contacts {
		je.Contacts[i] = NewContactJSON(c)
	}
	for i, r := range e.ReachOuts {
		je.ReachOuts[i] = newJSONReachOut(r)
	}
	for i, c := range e.CheckIns {
		v, err := newJSONCheckIn(c)
		if err != nil {
			return nil, err
		}
		je.CheckIns[i] = v.(jsonCheckIn)
	}
	for i, r := range e.Reflections {
		je.Reflections[i] = newJSONReflection(r)
	}
	for i, c := range e.Checkups {
		je.Checkups[i] = newJSONCheckup(c)
	}
	for i, p := range e.Plans {
		je.Plans[i] = newJSONPlan(p)
	}
	for i, r := range e.Removed {
		je.Removed[i] = newJSONRemoval(r)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(je); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// withIdentities is e as another copy of a journal exports it: its uid,
// plans, removals, the copies it has merged and when its settings changed.
func withIdentities(e Export) Export {
	paris := time.FixedZone("", 3600)
	e.Journal = "0123456789abcdef0123456789abcdef"
	e.Plans = []model.Plan{
		{UID: "11111111111111111111111111111111", ContactID: 3, Day: day(2026, 11, 24), Time: "18:30", Channel: model.ChannelCall,
			Note: "Ask about <the> \"move\"", CreatedAt: time.Date(2026, 11, 20, 9, 0, 0, 0, paris), UpdatedAt: time.Date(2026, 11, 21, 9, 0, 0, 5, paris)},
		{UID: "22222222222222222222222222222222", ContactID: 7, Day: day(2026, 11, 25), Channel: model.ChannelInPerson},
	}
	e.Removed = []model.Removal{
		{Kind: "reach_out", Ref: "33333333333333333333333333333333", At: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)},
		{Kind: "check_in", Ref: "2026-10-02", At: time.Date(2026, 10, 3, 8, 0, 0, 0, paris)},
	}
	e.Seen = map[string]time.Time{"fedcba9876543210fedcba9876543210": time.Date(2026, 11, 20, 7, 0, 0, 0, paris)}
	e.SettingsChanged = map[string]time.Time{"region": time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC), SettingPrompts: time.Date(2025, 2, 6, 9, 0, 0, 0, paris)}
	for i := range e.Contacts {
		e.Contacts[i].UID = "4444444444444444444444444444444" + string(rune('0'+i))
	}
	for i := range e.ReachOuts {
		e.ReachOuts[i].UID = "5555555555555555555555555555555" + string(rune('0'+i))
		e.ReachOuts[i].UpdatedAt = time.Date(2026, 11, 21, 9, 0, i, 0, paris)
	}
	return e
}

// WriteExport writes what encoding the whole export as one value wrote:
// every key in its place, lists empty and full, the keys for merging left
// out when empty and written when not, one at a time.
func TestWriteExportIsTheWholeEncoding(t *testing.T) {
	onlyPlans := Export{Journal: "0123456789abcdef0123456789abcdef", Plans: withIdentities(richExport()).Plans}
	onlyRemoved := Export{Removed: withIdentities(richExport()).Removed, Settings: map[string]string{}}
	onlySeen := Export{Seen: withIdentities(richExport()).Seen}
	for name, e := range map[string]Export{
		"empty": {}, "rich": richExport(), "with identities": withIdentities(richExport()),
		"a decade": decadeExport(), "plans alone": onlyPlans, "removals alone": onlyRemoved, "seen alone": onlySeen,
	} {
		want, err := encodeWhole(e)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got bytes.Buffer
		n, err := WriteExport(&got, partsOf(e))
		if err != nil {
			t.Fatalf("%s: WriteExport: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: WriteExport differs from the whole encoding:\n%s", name, firstDiff(got.String(), string(want)))
		}
		if n != (Counts{len(e.Contacts), len(e.ReachOuts), len(e.CheckIns), len(e.Reflections), len(e.Checkups), len(e.Plans), len(e.Removed)}) {
			t.Errorf("%s: counts %+v", name, n)
		}
		if enc := encode(t, e); !bytes.Equal(enc, want) {
			t.Errorf("%s: EncodeExport differs from the whole encoding:\n%s", name, firstDiff(string(enc), string(want)))
		}
	}
}

// A list that fails to be read stops the export with its error.
func TestWriteExportStopsAtAReadError(t *testing.T) {
	broken := errors.New("the disk went away")
	parts := partsOf(richExport())
	parts.ReachOuts = func(yield func(model.ReachOut) error) error {
		if err := yield(richExport().ReachOuts[0]); err != nil {
			return err
		}
		return broken
	}
	if _, err := WriteExport(&bytes.Buffer{}, parts); !errors.Is(err, broken) {
		t.Fatalf("WriteExport = %v, want the read error", err)
	}
	parts = partsOf(richExport())
	zero := 0.0
	parts.CheckIns = eachOf([]model.CheckIn{{Day: day(2026, 1, 2), SleepHours: ptr(zero / zero)}})
	if _, err := WriteExport(&bytes.Buffer{}, parts); err == nil || err.Error() != "check-in 2026-01-02: the hours of sleep are not a number" {
		t.Fatalf("WriteExport of a NaN sleep = %v", err)
	}
}
