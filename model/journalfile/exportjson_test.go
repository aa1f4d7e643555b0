package journalfile

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// richExport has something in every field: answers and their absence (nil
// beside 0 and false), emoji, several scripts, multi-line text, quotes and
// backslashes, times in three offsets and with fractions of a second, an
// archived contact, a reach-out crossing midnight UTC.
func richExport() Export {
	paris := time.FixedZone("", 3600)
	la := time.FixedZone("", -8*3600)
	kolkata := time.FixedZone("", 5*3600+1800)
	return Export{
		Format: ExportFormat, Version: ExportVersion,
		ExportedAt: time.Date(2026, 11, 22, 20, 15, 0, 0, paris),
		From:       day(2026, 11, 1), To: day(2026, 11, 30),
		Settings: map[string]string{
			SettingRecoveryStart: "2025-01-06",
			SettingPrompts:       `["Who helped?","What next — and when?"]`,
			"region":             "GB",
		},
		Contacts: []model.Contact{
			{
				ID: 3, Name: "Ana Lima", Nickname: "Annie 🌻", Circle: model.CircleSponsor, Group: "Tuesday SMART meeting",
				Phone: "+44 7700 900123", Email: "ana@example.org", Preferred: model.ChannelText,
				Availability: "evenings, UK time", AnyTime: true, AnyTimeSince: day(2025, 2, 1),
				Distraction: true, Importance: 5, Supportive: 4, Stance: model.StanceSupports,
				KnownSince: day(2019, 6, 30), CadenceDays: 7, Birthday: model.Birthday{Year: 1985, Month: time.March, Day: 9},
				Notes:     "Line one\nLine \"two\" with a \\ backslash\n\n<b>not html</b> & more",
				Tags:      []string{"AA", "any time", "مرحبا"},
				CreatedAt: time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC),
				UpdatedAt: time.Date(2026, 11, 20, 18, 30, 15, 123456789, time.UTC),
			},
			{
				ID: 7, Name: "山田花子", Circle: model.CircleFamily, Stance: model.StanceUnknown,
				Birthday: model.Birthday{Month: time.February, Day: 29}, RecoveryDate: day(2020, 1, 15),
				RestCadence: 14, SnoozedUntil: day(2026, 12, 1),
				CreatedAt: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
			},
			{
				ID: 12, Name: "Cal", Circle: model.CircleFriend, Stance: model.StanceSupportsUsing, Archived: true,
				Importance: 1, Tags: []string{"old crowd"},
			},
		},
		ReachOuts: []model.ReachOut{
			{ID: 101, ContactID: 3, ContactName: "Ana Lima", At: time.Date(2026, 11, 16, 23, 30, 0, 0, la),
				Channel: model.ChannelCall, Direction: model.DirectionMine, Note: "Talked for an hour.\nFelt better 🙏", Helped: model.HelpedYes},
			{ID: 102, ContactID: 7, ContactName: "山田花子", At: time.Date(2026, 11, 17, 7, 5, 30, 500000000, kolkata),
				Channel: model.ChannelInPerson, Direction: model.DirectionSupported},
			{ID: 103, ContactID: 12, ContactName: "Cal", At: time.Date(2026, 11, 18, 21, 0, 0, 0, paris),
				Channel: model.ChannelMessage, Direction: model.DirectionTheirs, Helped: model.HelpedNo},
		},
		CheckIns: []model.CheckIn{
			{Day: day(2026, 11, 16), Mood: 4, Difficulty: model.DifficultyNotBad, Craving: ptr(0), Risky: ptr(false),
				Meetings: ptr(0), SleepHours: ptr(6.5), Hungry: true, Tired: true, Used: ptr(false),
				Gratitude: "Tea with Ana ☕", Note: "A long day.\n\nBut I called.",
				UpdatedAt: time.Date(2026, 11, 16, 22, 0, 0, 0, paris)},
			{Day: day(2026, 11, 17), Difficulty: model.DifficultyHard, Craving: ptr(7), Risky: ptr(true), Angry: true, Lonely: true,
				Used: ptr(true), Note: "Used. Writing it down anyway."},
			{Day: day(2026, 11, 18), Mood: 2},
		},
		Reflections: []model.Reflection{
			{Week: model.Week{Year: 2026, Num: 47}, Supported: 7, Confidence: 8, CravingBother: 3,
				Answers: []model.Answer{
					{Prompt: "Who helped you feel seen and supported this week?", Text: "Ana.\n\n# not a heading"},
					{Prompt: "What next — and when?", Text: ""},
				},
				UpdatedAt: time.Date(2026, 11, 22, 19, 0, 0, 0, paris)},
			{Week: model.Week{Year: 2026, Num: 53}, Answers: []model.Answer{{Prompt: "Who helped?", Text: "Me, for once."}}},
		},
		// Two instruments on one day, and an older one after them: the
		// file's order is kept.
		Checkups: []model.Checkup{
			{Instrument: model.BARC10, Day: day(2026, 11, 16), Answers: []int{4, 5, 3, 4, 5, 6, 4, 5, 3, 4},
				CreatedAt: time.Date(2026, 11, 16, 21, 10, 0, 0, paris)},
			{Instrument: model.MSPSS, Day: day(2026, 11, 16), Answers: []int{7, 6, 3, 2, 6, 5, 5, 2, 5, 7, 3, 4},
				CreatedAt: time.Date(2026, 11, 16, 21, 25, 30, 250000000, paris)},
			{Instrument: model.BARC10, Day: day(2026, 10, 17), Answers: []int{1, 2, 2, 3, 3, 2, 1, 4, 6, 2}},
		},
	}
}

func encode(t *testing.T, e Export) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := EncodeExport(&b, e); err != nil {
		t.Fatalf("EncodeExport: %v", err)
	}
	return b.Bytes()
}

// normTimes makes the times of an export comparable with DeepEqual: each
// becomes the same instant in a fixed zone of its offset (a parsed time may
// carry Local or UTC where the original carried a fixed zone).
func normTimes(e Export) Export {
	norm := func(t time.Time) time.Time {
		if t.IsZero() {
			return time.Time{}
		}
		_, off := t.Zone()
		return t.In(time.FixedZone("", off))
	}
	e.ExportedAt = norm(e.ExportedAt)
	e.Contacts = append([]model.Contact(nil), e.Contacts...)
	for i := range e.Contacts {
		e.Contacts[i].CreatedAt = norm(e.Contacts[i].CreatedAt)
		e.Contacts[i].UpdatedAt = norm(e.Contacts[i].UpdatedAt)
		e.Contacts[i].LastContact = norm(e.Contacts[i].LastContact)
	}
	e.ReachOuts = append([]model.ReachOut(nil), e.ReachOuts...)
	for i := range e.ReachOuts {
		e.ReachOuts[i].At = norm(e.ReachOuts[i].At)
	}
	e.CheckIns = append([]model.CheckIn(nil), e.CheckIns...)
	for i := range e.CheckIns {
		e.CheckIns[i].UpdatedAt = norm(e.CheckIns[i].UpdatedAt)
	}
	e.Reflections = append([]model.Reflection(nil), e.Reflections...)
	for i := range e.Reflections {
		e.Reflections[i].UpdatedAt = norm(e.Reflections[i].UpdatedAt)
	}
	if e.Checkups != nil {
		e.Checkups = append([]model.Checkup(nil), e.Checkups...)
		for i := range e.Checkups {
			e.Checkups[i].CreatedAt = norm(e.Checkups[i].CreatedAt)
		}
	}
	return e
}

func decode(t *testing.T, b []byte) Export {
	t.Helper()
	e, err := DecodeExport(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("DecodeExport: %v", err)
	}
	return e
}

func TestExportJSONRoundTrip(t *testing.T) {
	want := richExport()
	first := encode(t, want)
	got := decode(t, first)
	if again := encode(t, got); !bytes.Equal(first, again) {
		t.Errorf("encode → decode → encode differs:\n%s", firstDiff(string(again), string(first)))
	}
	if !reflect.DeepEqual(normTimes(got), normTimes(want)) {
		t.Errorf("decoded export differs from the original:\n got %+v\nwant %+v", got, want)
	}
	// The local day of a reach-out survives: 23:30 in Los Angeles is the
	// 17th in UTC, but it was lived on the 16th.
	if d := got.ReachOuts[0].Day(); d != day(2026, 11, 16) {
		t.Errorf("reach-out day after the round trip = %s, want 2026-11-16", d)
	}
	// nil stays nil and 0 stays 0.
	c0, c1 := got.CheckIns[0], got.CheckIns[1]
	if c0.Craving == nil || *c0.Craving != 0 || c0.Meetings == nil || *c0.Meetings != 0 || c0.Used == nil || *c0.Used {
		t.Errorf("answers of 0 and false were lost: %+v", c0)
	}
	if c1.Mood != 0 || c1.Meetings != nil || c1.SleepHours != nil {
		t.Errorf("unanswered questions gained answers: %+v", c1)
	}
	// Check-ups come back in the file's order, scoring as they did.
	if len(got.Checkups) != 3 || got.Checkups[2].Day != day(2026, 10, 17) {
		t.Fatalf("check-ups after the round trip: %+v", got.Checkups)
	}
	for i, c := range got.Checkups {
		total, subs := c.Score()
		wantTotal, wantSubs := want.Checkups[i].Score()
		if total != wantTotal || !reflect.DeepEqual(subs, wantSubs) {
			t.Errorf("check-up %d scores %v %v, was %v %v", i, total, subs, wantTotal, wantSubs)
		}
	}
}

// A file written before check-ups were exported (this one was written by
// that Tether's EncodeExport from richExport, then without its check-ups)
// has no "check_ups" key: it reads as a journal without check-ups, under
// the same version, and writes back as the same file with an empty list.
func TestDecodeExportFromBeforeCheckups(t *testing.T) {
	old, err := os.ReadFile("testdata/export-before-checkups.json")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(old, []byte("check_ups")) {
		t.Fatal("the old file mentions check-ups")
	}
	got := decode(t, old)
	if got.Version != 1 || got.Checkups != nil {
		t.Fatalf("version %d, check-ups %+v", got.Version, got.Checkups)
	}
	want := richExport()
	want.Checkups = nil
	for i := range want.Contacts { // kept since that file was written
		c := &want.Contacts[i]
		c.Birthday, c.RecoveryDate, c.RestCadence, c.SnoozedUntil = model.Birthday{}, model.Date{}, 0, model.Date{}
	}
	if !reflect.DeepEqual(normTimes(got), normTimes(want)) {
		t.Errorf("the old file reads as\n%+v\nwant\n%+v", got, want)
	}
	wantBytes := strings.TrimSuffix(string(old), "\n}\n") + ",\n  \"check_ups\": []\n}\n"
	// Keys added since are written with their empty values.
	wantBytes = regexp.MustCompile(`(?m)^(\s*)("cadence_days": \d+,\n)`).ReplaceAllString(wantBytes,
		`$1$2$1"rest_cadence_days": 0,`+"\n"+`$1"snoozed_until": null,`+"\n"+`$1"birthday": null,`+"\n"+`$1"recovery_date": null,`+"\n")
	if again := string(encode(t, got)); again != wantBytes {
		t.Errorf("the old file re-encodes differently:\n%s", firstDiff(again, wantBytes))
	}
}

func TestEncodeExportShape(t *testing.T) {
	e := richExport()
	e.Format, e.Version = "", 0 // the writer always writes the current format
	e.Contacts[0].LastContact = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	e.Contacts[0].Reached30 = 9
	e.ReachOuts[0].ContactName = "Someone Else"
	out := string(encode(t, e))
	if !strings.HasPrefix(out, "{\n  \"format\": \"tether-journal\",\n  \"version\": 1,\n") {
		t.Errorf("the export does not open with its format and version:\n%.80s", out)
	}
	for _, derived := range []string{"last_contact", "reached", "contact_name", "Someone Else", "2026-11-21T08:00:00Z", "score", "43"} {
		if strings.Contains(out, derived) {
			t.Errorf("derived value %q was written", derived)
		}
	}
	for _, has := range []string{
		`"at": "2026-11-16T23:30:00-08:00"`,   // its own offset
		`"at": "2026-11-17T07:05:30.5+05:30"`, // fractions only when there are some
		`"updated_at": "2026-11-20T18:30:15.123456789Z"`,
		`"craving": 0,`, `"meetings": null,`, `"mood": null,`, `"used": false,`,
		`"preferred": null,`, `"importance": null,`, `"any_time_since": null,`, `"tags": [],`,
		`"difficulty": "not-bad",`, `"stance": "supports-using",`, `"channel": "in-person",`,
		`"week": "2026-W53",`, `"notes": "Line one\nLine \"two\" with a \\ backslash\n\n<b>not html</b> & more",`,
		"\n    {\n      \"id\": 3,\n", // two spaces a level
		// A contact's dates and rhythm at rest come after its cadence, in
		// this order: with a year, without one (29 February), and unset.
		"\"cadence_days\": 7,\n      \"rest_cadence_days\": 0,\n      \"snoozed_until\": null,\n      \"birthday\": \"1985-03-09\",\n      \"recovery_date\": null,\n      \"notes\": ",
		"\"cadence_days\": 0,\n      \"rest_cadence_days\": 14,\n      \"snoozed_until\": \"2026-12-01\",\n      \"birthday\": \"02-29\",\n      \"recovery_date\": \"2020-01-15\",\n      \"notes\": ",
		// A check-up: its code, day, answers in order, and when it was taken.
		"\n  \"check_ups\": [\n    {\n      \"instrument\": \"barc10\",\n      \"day\": \"2026-11-16\",\n      \"answers\": [\n        4,\n        5,\n",
		`"created_at": "2026-11-16T21:25:30.25+01:00"`,
		"\"instrument\": \"barc10\",\n      \"day\": \"2026-10-17\",\n      \"answers\": [\n        1,\n",
		"        2\n      ],\n      \"created_at\": null\n    }\n  ]\n}\n", // the last key of the file
	} {
		if !strings.Contains(out, has) {
			t.Errorf("the export lacks %s", has)
		}
	}
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("the export does not end with a newline")
	}
	if again := string(encode(t, e)); again != out {
		t.Errorf("two encodings of the same export differ")
	}
	// An empty journal is still a complete file.
	empty := string(encode(t, Export{}))
	for _, has := range []string{`"exported_at": null`, `"settings": {}`, `"contacts": []`, `"reach_outs": []`, `"check_ins": []`, `"reflections": []`, `"check_ups": []`} {
		if !strings.Contains(empty, has) {
			t.Errorf("the empty export lacks %s:\n%s", has, empty)
		}
	}
}

func TestEncodeExportRefusesNaN(t *testing.T) {
	e := Export{CheckIns: []model.CheckIn{{Day: day(2026, 1, 2), SleepHours: ptr(0.0)}}}
	*e.CheckIns[0].SleepHours = 0
	zero := 0.0
	nan := zero / zero
	e.CheckIns[0].SleepHours = &nan
	var b bytes.Buffer
	err := EncodeExport(&b, e)
	if err == nil || b.Len() != 0 {
		t.Fatalf("EncodeExport of a NaN sleep = %v, wrote %d bytes", err, b.Len())
	}
	if want := "check-in 2026-01-02: the hours of sleep are not a number"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestDecodeExportLenient(t *testing.T) {
	// A hand-written file: keys left out, an old date spelling, a mood of
	// 0 meaning "not said", unknown keys from a later Tether, a BOM.
	in := "\uFEFF" + `{"format": "tether-journal", "version": 1, "comment": "by hand",
	  "contacts": [{"id": 4, "name": "  Sam  ", "tags": ["a", "A", " b "], "future": {"x": 1}},
	    {"id": 5, "name": "Jo", "birthday": "--0229", "recovery_date": "2020/1/15", "snoozed_until": "2026.12.1",
	     "cadence_days": 7, "rest_cadence_days": 14},
	    {"id": 6, "name": "Lee", "birthday": "19850309", "rest_cadence_days": 30},
	    {"id": 8, "name": "Max", "birthday": "", "recovery_date": null}],
	  "reach_outs": [{"contact_id": 4, "at": "2026-11-16T19:30:00Z"}],
	  "check_ins": [{"day": "2026/11/16", "mood": 0, "craving": 3}],
	  "reflections": [{"week": "2026-w47", "answers": [{"prompt": "Who?", "answer": "Sam  \n"}]}],
	  "check_ups": [{"instrument": "barc10", "day": "2026/11/16", "answers": [6, 6, 6, 6, 6, 6, 6, 6, 6, 6], "score": 60}],
	  "safety_plan": {"steps": []}}`
	got := decode(t, []byte(in))
	want := Export{
		Format: ExportFormat, Version: 1,
		Contacts: []model.Contact{
			{ID: 4, Name: "Sam", Circle: model.CircleOther, Stance: model.StanceUnknown, Tags: []string{"a", "b"}},
			// A rhythm set again ends its rest: the rest is dropped.
			{ID: 5, Name: "Jo", Circle: model.CircleOther, Stance: model.StanceUnknown, CadenceDays: 7,
				Birthday: model.Birthday{Month: time.February, Day: 29}, RecoveryDate: day(2020, 1, 15), SnoozedUntil: day(2026, 12, 1)},
			{ID: 6, Name: "Lee", Circle: model.CircleOther, Stance: model.StanceUnknown, RestCadence: 30,
				Birthday: model.Birthday{Year: 1985, Month: time.March, Day: 9}},
			{ID: 8, Name: "Max", Circle: model.CircleOther, Stance: model.StanceUnknown},
		},
		ReachOuts:   []model.ReachOut{{ContactID: 4, ContactName: "Sam", At: time.Date(2026, 11, 16, 19, 30, 0, 0, time.UTC), Channel: model.ChannelCall, Direction: model.DirectionMine}},
		CheckIns:    []model.CheckIn{{Day: day(2026, 11, 16), Craving: ptr(3)}},
		Reflections: []model.Reflection{{Week: model.Week{Year: 2026, Num: 47}, Answers: []model.Answer{{Prompt: "Who?", Text: "Sam"}}}},
		Checkups:    []model.Checkup{{Instrument: model.BARC10, Day: day(2026, 11, 16), Answers: []int{6, 6, 6, 6, 6, 6, 6, 6, 6, 6}}},
	}
	if !reflect.DeepEqual(normTimes(got), normTimes(want)) {
		t.Errorf("DecodeExport =\n%+v\nwant\n%+v", got, want)
	}
}

// mutated is the rich export's JSON changed by f, as a generic document.
func mutated(t *testing.T, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(encode(t, richExport()), &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rec is the i-th record of a table in a generic document.
func rec(m map[string]any, table string, i int) map[string]any {
	return m[table].([]any)[i].(map[string]any)
}

func TestDecodeExportRefusals(t *testing.T) {
	rich := string(encode(t, richExport()))
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty file", []byte(" \n"), "this file is empty, so it holds no journal"},
		{"a vCard", []byte("BEGIN:VCARD\r\nFN:Sam\r\nEND:VCARD\r\n"), "this file is not valid JSON: something is amiss at line 1, column 1"},
		{"cut off", []byte(rich[:len(rich)/2]), "this file is not valid JSON: it ends too early, as if cut off"},
		{"cut off inside a text", []byte(rich[:strings.Index(rich, `"tether-jour`)+len(`"tether-jour`)]), "this file is not valid JSON: it ends too early, as if cut off"},
		{"cut off after a key", []byte(rich[:strings.Index(rich, `"version"`)+len(`"version"`)]), "this file is not valid JSON: it ends too early, as if cut off"},
		{"stray character", []byte("{\n  \"format\": \"tether-journal\",\n  \"version\": 1 x\n}"), "this file is not valid JSON: something is amiss at line 3, column 16"},
		{"a list", []byte(`[1, 2]`), `this file is not a Tether journal export (it has no "format": "tether-journal")`},
		{"no format", []byte(`{"version": 1}`), `this file is not a Tether journal export (it has no "format": "tether-journal")`},
		{"another format", []byte(`{"format": "other-app", "version": 1}`), `this file is not a Tether journal export (its format is "other-app", not "tether-journal")`},
		{"newer version", mutated(t, func(m map[string]any) { m["version"] = 2; m["contacts"] = "a new shape" }),
			"this journal was exported by a newer Tether (format version 2; this one reads up to 1); update Tether to import it"},
		{"much newer version", []byte(`{"format": "tether-journal", "version": 1e300}`),
			"this journal was exported by a newer Tether (format version 1e300; this one reads up to 1); update Tether to import it"},
		{"no version", []byte(`{"format": "tether-journal"}`), "this Tether journal export has no version, so it cannot be read safely"},
		{"version 0", []byte(`{"format": "tether-journal", "version": 0}`), "this Tether journal export has version 0, which no Tether writes"},
		{"fractional version", []byte(`{"format": "tether-journal", "version": 1.5}`), "this Tether journal export's version is not a whole number"},
		{"version as text", []byte(`{"format": "tether-journal", "version": "1"}`), "this Tether journal export's version is text, not a whole number"},
		{"contacts not a list", mutated(t, func(m map[string]any) { m["contacts"] = map[string]any{} }),
			"this Tether journal export's contacts should be a list, not an object"},
		{"bad exported_at", mutated(t, func(m map[string]any) { m["exported_at"] = "last Tuesday" }),
			`this Tether journal export's exported_at "last Tuesday" is not a date and time like 2026-11-16T19:30:00+01:00`},
		{"period backwards", mutated(t, func(m map[string]any) { m["from"] = "2026-12-01" }),
			"this Tether journal export's period starts (2026-12-01) after it ends (2026-11-30)"},
		{"bad recovery start", mutated(t, func(m map[string]any) { m["settings"].(map[string]any)["recovery_start"] = "2025-02-30" }),
			`settings: recovery_start "2025-02-30" is not a date like 2025-01-06`},
		{"empty recovery start", mutated(t, func(m map[string]any) { m["settings"].(map[string]any)["recovery_start"] = "" }),
			`settings: recovery_start "" is not a date like 2025-01-06`},
		{"prompts not a list", mutated(t, func(m map[string]any) { m["settings"].(map[string]any)["prompts"] = "Who?" }),
			"settings: prompts is not a list of prompts (a JSON array of text)"},
		{"prompt repeated", mutated(t, func(m map[string]any) { m["settings"].(map[string]any)["prompts"] = `["Who?", "who?"]` }),
			"settings: prompt 2 is the same as prompt 1"},

		{"null contact", mutated(t, func(m map[string]any) { m["contacts"].([]any)[1] = nil }), "contact at position 2 is empty (null)"},
		{"contact without id", mutated(t, func(m map[string]any) { delete(rec(m, "contacts", 0), "id") }),
			"contact at position 1 (Ana Lima): it needs an id, a whole number from 1, for its reach-outs to refer to"},
		{"duplicate contact id", mutated(t, func(m map[string]any) { rec(m, "contacts", 2)["id"] = 3 }),
			"contact 3 (Cal): the contact at position 1 has the same id"},
		{"contact without a name", mutated(t, func(m map[string]any) { rec(m, "contacts", 1)["name"] = "  " }),
			"contact 7: a name is needed — a first name or a nickname is enough"},
		{"bad birthday", mutated(t, func(m map[string]any) { rec(m, "contacts", 1)["birthday"] = "02-30" }),
			`contact 7 (山田花子): birthday "02-30" is not a day of the year like 03-09 or 1985-03-09`},
		{"bad recovery date", mutated(t, func(m map[string]any) { rec(m, "contacts", 1)["recovery_date"] = "soon" }),
			`contact 7 (山田花子): recovery_date "soon" is not a date like 2025-03-02`},
		{"29 February of a year without one", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["birthday"] = "2001-02-29" }),
			`contact 3 (Ana Lima): birthday "2001-02-29" is not a day of the year like 03-09 or 1985-03-09`},
		{"birthday as a number", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["birthday"] = 19850309 }),
			"contact 3 (Ana Lima): birthday should be text, not a number"},
		{"bad snooze", mutated(t, func(m map[string]any) { rec(m, "contacts", 1)["snoozed_until"] = "2026-12-32" }),
			`contact 7 (山田花子): snoozed_until "2026-12-32" is not a date like 2025-03-02`},
		{"rest cadence as text", mutated(t, func(m map[string]any) { rec(m, "contacts", 1)["rest_cadence_days"] = "14" }),
			"contact 7 (山田花子): rest_cadence_days should be a whole number, not text"},
		{"rest cadence out of range", mutated(t, func(m map[string]any) { rec(m, "contacts", 1)["rest_cadence_days"] = -1 }),
			"contact 7 (山田花子): rest_cadence_days: a rhythm at rest is 1 to 3650 days, or 0"},
		{"rest cadence and cadence out of range", mutated(t, func(m map[string]any) {
			rec(m, "contacts", 1)["rest_cadence_days"] = 4000
			rec(m, "contacts", 1)["cadence_days"] = -2
		}), "contact 7 (山田花子): cadence_days: reach out every 1 to 3650 days, or 0 for no rhythm; rest_cadence_days: a rhythm at rest is 1 to 3650 days, or 0"},
		{"bad email", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["email"] = "ana@" }),
			"contact 3 (Ana Lima): that email looks incomplete: it needs a name, an @ and a domain, like sam@example.org"},
		{"two problems", mutated(t, func(m map[string]any) {
			rec(m, "contacts", 0)["importance"] = 6
			rec(m, "contacts", 0)["cadence_days"] = -1
		}),
			"contact 3 (Ana Lima): cadence_days: reach out every 1 to 3650 days, or 0 for no rhythm; importance is 1 to 5 (or blank)"},
		{"unknown circle", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["circle"] = "friends" }),
			`contact 3 (Ana Lima): circle "friends" is not one Tether knows (fellowship, sponsor, sponsee, peer, treatment, healthcare, partner, family, friend, faith, volunteer, work, hobby, online, other)`},
		{"meeting is no preferred way", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["preferred"] = "meeting" }),
			`contact 3 (Ana Lima): preferred "meeting" is not one Tether knows (call, text, in-person, video, message)`},
		{"nickname too long", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["nickname"] = strings.Repeat("x", 201) }),
			"contact 3 (Ana Lima): nickname: please keep this to 200 characters"},
		{"escape sequence in a name", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["name"] = "Ana\x1b[2J" }),
			"contact 3 (Ana): a name can't hold line breaks or control characters"},
		{"a number for text", mutated(t, func(m map[string]any) { rec(m, "contacts", 0)["phone"] = 447700900123 }),
			"contact 3 (Ana Lima): phone should be text, not a number"},

		{"dangling contact id", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 0)["contact_id"] = 99 }),
			"reach-out 101 on 2026-11-16: its contact_id 99 is not the id of any contact in the file"},
		{"no contact id", mutated(t, func(m map[string]any) { delete(rec(m, "reach_outs", 0), "contact_id") }),
			"reach-out 101 on 2026-11-16: it names no contact (contact_id)"},
		{"reach-out without time", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 1)["at"] = nil }),
			"reach-out 102: it has no time (at)"},
		{"reach-out time without offset", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 1)["at"] = "2026-11-17 07:05" }),
			`reach-out 102: at "2026-11-17 07:05" is not a date and time like 2026-11-16T19:30:00+01:00`},
		{"offset beyond any zone", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 1)["at"] = "2026-11-17T07:05:00+19:00" }),
			"reach-out 102 on 2026-11-17: its time is more than 18 hours off UTC, which no time zone is"},
		{"unknown channel", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 1)["channel"] = "pigeon" }),
			`reach-out 102 on 2026-11-17: channel "pigeon" is not one Tether knows (call, text, in-person, meeting, video, message, other)`},
		{"duplicate reach-out id", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 2)["id"] = 101 }),
			"reach-out 101 on 2026-11-18: the reach-out at position 1 has the same id"},
		{"note with escape", mutated(t, func(m map[string]any) { rec(m, "reach_outs", 2)["note"] = "\x1b]0;owned\x07" }),
			"reach-out 103 on 2026-11-18: note: this can't hold control characters"},

		{"mood out of range", mutated(t, func(m map[string]any) { rec(m, "check_ins", 0)["mood"] = 9 }),
			"check-in 2026-11-16: mood is 1 to 5 (or blank)"},
		{"mood as text", mutated(t, func(m map[string]any) { rec(m, "check_ins", 0)["mood"] = "four" }),
			"check-in 2026-11-16: mood should be a whole number, not text"},
		{"mood with a fraction", mutated(t, func(m map[string]any) { rec(m, "check_ins", 0)["mood"] = 3.5 }),
			"check-in 2026-11-16: mood should be a whole number, not 3.5"},
		{"duplicate day", mutated(t, func(m map[string]any) { rec(m, "check_ins", 2)["day"] = "2026-11-16" }),
			"check-in 2026-11-16: the check-in at position 1 is for the same day; a day has one check-in"},
		{"impossible day", mutated(t, func(m map[string]any) { rec(m, "check_ins", 2)["day"] = "2026-02-30" }),
			`check-in at position 3: its day "2026-02-30" is not a date like 2025-03-02`},
		{"no answers", mutated(t, func(m map[string]any) { rec(m, "check_ins", 2)["mood"] = nil }),
			"check-in 2026-11-18: it answers no question, and a saved day needs at least one answer"},
		{"unknown difficulty", mutated(t, func(m map[string]any) { rec(m, "check_ins", 2)["difficulty"] = "meh" }),
			`check-in 2026-11-18: difficulty "meh" is not one Tether knows (easy, not-bad, questionable, hard, impossible)`},
		{"sleep out of range", mutated(t, func(m map[string]any) { rec(m, "check_ins", 0)["sleep_hours"] = 25 }),
			"check-in 2026-11-16: sleep_hours: sleep is hours from 0 to 24, like 7 or 6.5"},

		{"week that does not exist", mutated(t, func(m map[string]any) { rec(m, "reflections", 0)["week"] = "2025-W53" }),
			`reflection at position 1: its week "2025-W53" is not a week like 2026-W47`},
		{"no week", mutated(t, func(m map[string]any) { delete(rec(m, "reflections", 0), "week") }),
			"reflection at position 1: it has no week"},
		{"duplicate week", mutated(t, func(m map[string]any) { rec(m, "reflections", 1)["week"] = "2026-W47" }),
			"reflection 2026-W47: the reflection at position 1 is for the same week; a week has one reflection"},
		{"empty prompt", mutated(t, func(m map[string]any) {
			rec(m, "reflections", 0)["answers"].([]any)[1].(map[string]any)["prompt"] = " "
		}), "reflection 2026-W47: answer 2: a prompt needs some words"},
		{"rating out of range", mutated(t, func(m map[string]any) { rec(m, "reflections", 0)["confidence"] = 11 }),
			"reflection 2026-W47: confidence: ratings are 1 to 10 (or blank)"},
		{"answers not a list", mutated(t, func(m map[string]any) { rec(m, "reflections", 0)["answers"] = "Ana" }),
			"reflection 2026-W47: answers should be a list, not text"},

		{"check-ups not a list", mutated(t, func(m map[string]any) { m["check_ups"] = map[string]any{} }),
			"this Tether journal export's check_ups should be a list, not an object"},
		{"null check-up", mutated(t, func(m map[string]any) { m["check_ups"].([]any)[1] = nil }), "check-up at position 2 is empty (null)"},
		{"duplicate check-up", mutated(t, func(m map[string]any) { rec(m, "check_ups", 2)["day"] = "2026-11-16" }),
			"check-up barc10 on 2026-11-16: the check-up at position 1 is the same instrument on the same day; a day has one of each"},
		{"two BARC-10s on one day", mutated(t, func(m map[string]any) {
			rec(m, "check_ups", 1)["instrument"] = "barc10"
			rec(m, "check_ups", 1)["answers"] = []any{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
		}), "check-up barc10 on 2026-11-16: the check-up at position 1 is the same instrument on the same day; a day has one of each"},
		{"unknown instrument", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["instrument"] = "phq9" }),
			`check-up at position 1 on 2026-11-16: instrument "phq9" is not one Tether knows (barc10, mspss)`},
		{"no instrument", mutated(t, func(m map[string]any) { delete(rec(m, "check_ups", 0), "instrument") }),
			"check-up at position 1 on 2026-11-16: it has no instrument (barc10 or mspss)"},
		{"no day", mutated(t, func(m map[string]any) { rec(m, "check_ups", 1)["day"] = nil }),
			"check-up at position 2: it has no day"},
		{"impossible check-up day", mutated(t, func(m map[string]any) { rec(m, "check_ups", 1)["day"] = "2026-11-31" }),
			`check-up at position 2: its day "2026-11-31" is not a date like 2025-03-02`},
		{"too few answers", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["answers"] = []any{4, 5, 3} }),
			"check-up barc10 on 2026-11-16: answers: there are 3, and the BARC-10 recovery capital has 10 statements, one answer each"},
		{"no answers", mutated(t, func(m map[string]any) { delete(rec(m, "check_ups", 1), "answers") }),
			"check-up mspss on 2026-11-16: answers: there are none, and the MSPSS perceived support has 12 statements, one answer each"},
		{"answer off the scale", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["answers"].([]any)[3] = 7 }),
			"check-up barc10 on 2026-11-16: answer 4 is 7, not a number from 1 to 6"},
		{"blank answer", mutated(t, func(m map[string]any) { rec(m, "check_ups", 1)["answers"].([]any)[11] = nil }),
			"check-up mspss on 2026-11-16: answer 12 is blank (0 or null), and each statement needs one from 1 to 7"},
		{"many answers off the scale", mutated(t, func(m map[string]any) {
			rec(m, "check_ups", 2)["answers"] = []any{0, 9, 9, -1, 9, 1, 1, 1, 1, 1, 1}
		}), "check-up barc10 on 2026-10-17: answers: there are 11, and the BARC-10 recovery capital has 10 statements, one answer each; " +
			"answer 1 is blank (0 or null), and each statement needs one from 1 to 6; answer 2 is 9, not a number from 1 to 6; " +
			"answer 3 is 9, not a number from 1 to 6; and 2 more answers are off the scale"},
		{"answer with a fraction", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["answers"].([]any)[0] = 4.5 }),
			"check-up barc10 on 2026-11-16: answers should be a whole number, not 4.5"},
		{"answers as text", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["answers"] = "4556" }),
			"check-up barc10 on 2026-11-16: answers should be a list, not text"},
		{"bad created_at", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["created_at"] = "tonight" }),
			`check-up barc10 on 2026-11-16: created_at "tonight" is not a date and time like 2026-11-16T19:30:00+01:00`},
		{"created long ago", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["created_at"] = "1066-10-14T09:00:00Z" }),
			"check-up barc10 on 2026-11-16: its created_at is outside the years 1900 to 9999"},
		{"escape in an instrument", mutated(t, func(m map[string]any) { rec(m, "check_ups", 0)["instrument"] = "barc\x1b[2J10" }),
			`check-up at position 1 on 2026-11-16: instrument "barc\x1b[2J10" is not one Tether knows (barc10, mspss)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeExport(bytes.NewReader(tt.in))
			if err == nil {
				t.Fatalf("DecodeExport accepted it; want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error =\n  %q\nwant\n  %q", err, tt.want)
			}
			assertNoDebris(t, tt.name, err.Error())
			if hasAnyControl(err.Error()) || !utf8.ValidString(err.Error()) {
				t.Errorf("error %q holds control characters or broken UTF-8", err)
			}
		})
	}
}

// A file of any size is read, but not a value larger than any record:
// an endless one is refused once it passes the bound, without being read
// whole.
func TestDecodeExportRefusesAnEndlessValue(t *testing.T) {
	defer func(n int64) { maxValueBytes = n }(maxValueBytes)
	maxValueBytes = 3 << 20
	r := io.MultiReader(strings.NewReader(`{"format": "tether-journal", "version": 1, "x": "`), zeros{})
	_, err := DecodeExport(r)
	if want := "this file holds a value larger than 3 MB, which no Tether journal export has"; err == nil || err.Error() != want {
		t.Errorf("DecodeExport of an endless file = %v, want %q", err, want)
	}
}

// zeros is an endless reader of the letter a.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func FuzzDecodeExport(f *testing.F) {
	var b bytes.Buffer
	_ = EncodeExport(&b, richExport())
	f.Add(b.Bytes())
	f.Add([]byte(`{"format":"tether-journal","version":1,"contacts":[{"id":1,"name":"Sam","tags":["a"]}],` +
		`"reach_outs":[{"contact_id":1,"at":"2026-11-16T19:30:00.000+00:00"}],"check_ins":[{"day":"2026/1/2","craving":0}],` +
		`"reflections":[{"week":"2026-w01","answers":[{"prompt":" Who? ","answer":"x\r\n"}]}],` +
		`"check_ups":[{"instrument":"mspss","day":"2026.1.2","answers":[1,2,3,4,5,6,7,7,6,5,4,3],"created_at":"2026-01-02T20:00:00.5-03:30"},` +
		`{"instrument":"barc10","day":"2026-01-02","answers":[6,6,6,6,6,6,6,6,6,6]}]}`))
	f.Add([]byte(`{"format":"tether-journal","version":1,"check_ups":[{"instrument":"barc10","day":"2026-01-02","answers":[6,6,6,6,6,6,6,6,6,6]},` +
		`{"instrument":"barc10","day":"2026/01/02","answers":[1,1,1,1,1,1,1,1,1,null]}]}`))
	f.Add([]byte(`{"format":"tether-journal","version":1,"settings":{"prompts":"[\"a\"]","recovery_start":"2025.1.6"}}`))
	f.Add([]byte(`{"format":"tether-journal","version":1,"contacts":[{"id":1,"name":"Jo","birthday":"--0229","recovery_date":"2020/1/15",` +
		`"snoozed_until":"2026.12.1","cadence_days":7,"rest_cadence_days":14},{"id":2,"name":"Lee","birthday":"19850309","rest_cadence_days":30},` +
		`{"id":3,"name":"Max","birthday":"02-30","rest_cadence_days":-1}]}`))
	f.Add([]byte(`{"format":"tether-journal","version":2}`))
	f.Add([]byte(`[]`))
	// Keys out of order, a record before its contact, a key twice, a
	// file cut inside a word.
	f.Add([]byte(`{"reach_outs":[{"contact_id":1,"at":"2026-11-16T19:30:00Z","uid":"11111111111111111111111111111111"}],` +
		`"plans":[{"uid":"11111111111111111111111111111111","contact_id":2,"day":"2026-11-24"}],"contacts":[{"id":1,"name":"Sam"}],` +
		`"version":1,"Format":"tether-journal","journal":"22222222222222222222222222222222","seen":{"x":"y"}}`))
	f.Add([]byte(`{"format":"tether-journal","version":1,"contacts":[],"contacts":null}`))
	f.Add([]byte("\uFEFF{\"format\":\"tether-journal\",\"version\":1,\"check_ins\":[{\"day\":\"2026-01-02\",\"used\":tru"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The stream reads as the whole file was read: the same sentence
		// for its syntax, and the same result a byte at a time.
		sameAsWhole(t, "the input", data)
		e, err := DecodeExport(bytes.NewReader(data))
		if err != nil {
			msg := err.Error()
			if !utf8.ValidString(msg) || hasAnyControl(msg) {
				t.Fatalf("error %q holds control characters or broken UTF-8", msg)
			}
			return
		}
		var first bytes.Buffer
		if err := EncodeExport(&first, e); err != nil {
			t.Fatalf("a decoded export does not encode: %v", err)
		}
		e2, err := DecodeExport(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("an encoded export does not decode: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := EncodeExport(&second, e2); err != nil {
			t.Fatalf("second encoding: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("encode → decode → encode differs:\n%s", firstDiff(second.String(), first.String()))
		}
		if !reflect.DeepEqual(normTimes(e), normTimes(e2)) {
			t.Fatalf("decoded twice, the export differs:\n%+v\n%+v", e, e2)
		}
		for _, c := range e.Contacts {
			if len(c.Validate(model.Date{})) > 0 || !reflect.DeepEqual(c, c.Normalize()) {
				t.Fatalf("a decoded contact is not normalized and valid: %+v", c)
			}
		}
		taken := map[string]bool{}
		for _, c := range e.Checkups {
			key := string(c.Instrument) + " " + c.Day.String()
			if len(c.Validate(model.Date{})) > 0 || taken[key] {
				t.Fatalf("a decoded check-up is not valid, or is there twice: %+v", c)
			}
			taken[key] = true
		}
	})
}

// decadeExport is ten years of journal: 500 contacts, 50,000 reach-outs,
// 3,650 check-ins and 520 reflections, as the SPEC's promises measure, and
// a BARC-10 every 30 days and an MSPSS every 91.
func decadeExport() Export {
	start := day(2016, 11, 21)
	zone := time.FixedZone("", 3600)
	e := Export{ExportedAt: time.Date(2026, 11, 22, 20, 0, 0, 0, zone)}
	for i := range 500 {
		e.Contacts = append(e.Contacts, model.Contact{
			ID: int64(i + 1), Name: "Person " + strings.Repeat("x", i%7), Circle: model.Circles[i%len(model.Circles)],
			Stance: model.Stances[i%len(model.Stances)], Phone: "+44 7700 900123", Notes: "Met at a meeting.\nGood listener.",
			Tags: []string{"tag"}, CadenceDays: i % 30,
		}.Normalize())
	}
	for i := range 50000 {
		d := start.AddDays(i * 3650 / 50000)
		e.ReachOuts = append(e.ReachOuts, model.ReachOut{
			ID: int64(i + 1), ContactID: int64(i%500 + 1), At: time.Date(d.Year, d.Month, d.Day, 8+i%12, i%60, 0, 0, zone),
			Channel: model.LogChannels[i%len(model.LogChannels)], Direction: model.Directions[i%3], Helped: model.HelpedAnswers[i%4], Note: "Talked.",
		})
	}
	for i := range 3650 {
		e.CheckIns = append(e.CheckIns, model.CheckIn{Day: start.AddDays(i), Mood: i%5 + 1, Craving: ptr(i % 11), Gratitude: "Tea.", Used: ptr(i%97 == 0)})
	}
	for i := range 520 {
		r := model.Reflection{Week: model.WeekOf(start.AddDays(7 * i)), Supported: i%10 + 1}
		for _, p := range model.DefaultPrompts {
			r.Answers = append(r.Answers, model.Answer{Prompt: p, Text: "A few lines of answer.\nAnd another."})
		}
		e.Reflections = append(e.Reflections, r)
	}
	for i := 0; i < 3650; i += 30 {
		e.Checkups = append(e.Checkups, model.Checkup{Instrument: model.BARC10, Day: start.AddDays(i),
			Answers: []int{1 + i%6, 4, 4, 5, 3, 4, 5, 4, 4, 5}, CreatedAt: time.Date(2016, 11, 21, 20, 0, 0, 0, zone).AddDate(0, 0, i)})
		if i%91 < 30 {
			e.Checkups = append(e.Checkups, model.Checkup{Instrument: model.MSPSS, Day: start.AddDays(i),
				Answers: []int{5, 5, 4, 4, 6, 5, 5, 4, 6, 5, 4, 5}})
		}
	}
	return e
}

func BenchmarkEncodeExportDecade(b *testing.B) {
	e := decadeExport()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := EncodeExport(&buf, e); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkDecodeExportDecade(b *testing.B) {
	var buf bytes.Buffer
	if err := EncodeExport(&buf, decadeExport()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := DecodeExport(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
