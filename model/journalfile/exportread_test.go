package journalfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/tether-recovery/tether/model"
)

// wholeFileSyntax is how DecodeExport found a syntax error when it read the
// whole file into memory: the reference for the streamed reader, which must
// say the same of every file, in the same words.
func wholeFileSyntax(data []byte) error {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("this file is empty, so it holds no journal")
	}
	var v json.RawMessage
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return nil
	}
	pos := int(se.Offset) - 1
	ranOut := se.Error() == "unexpected end of JSON input" || errors.Is(err, io.ErrUnexpectedEOF)
	if ranOut || pos >= len(bytes.TrimRight(data, " \t\r\n")) || pos < 0 {
		return errors.New("this file is not valid JSON: it ends too early, as if cut off")
	}
	line := 1 + bytes.Count(data[:pos], []byte("\n"))
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:pos], '\n')+1:pos])
	return fmt.Errorf("this file is not valid JSON: something is amiss at line %d, column %d", line, col)
}

// syntaxSentence reports an error that says the file is not JSON (or empty).
func syntaxSentence(err error) bool {
	return err != nil && (strings.HasPrefix(err.Error(), "this file is not valid JSON") || strings.HasPrefix(err.Error(), "this file is empty"))
}

// sameAsWhole checks that reading data as a stream, all at once and a byte
// at a time, says what reading it whole said of its syntax, and that the
// two ways of reading agree.
func sameAsWhole(t *testing.T, name string, data []byte) {
	t.Helper()
	want := wholeFileSyntax(data)
	e, err := DecodeExport(bytes.NewReader(data))
	switch {
	case want != nil && (err == nil || err.Error() != want.Error()):
		t.Errorf("%s: DecodeExport = %v, want %q", name, err, want)
	case want == nil && syntaxSentence(err):
		t.Errorf("%s: valid JSON refused as %q", name, err)
	}
	e2, err2 := DecodeExport(iotest.OneByteReader(bytes.NewReader(data)))
	if fmt.Sprint(err) != fmt.Sprint(err2) || !reflect.DeepEqual(normTimes(e), normTimes(e2)) {
		t.Errorf("%s: read a byte at a time: %v, all at once: %v", name, err2, err)
	}
}

// The streamed reader finds a file's syntax errors where reading it whole
// did, and names them the same: the line and column (in characters), a
// file cut short, an empty one.
func TestReadExportSyntaxIsTheWholeFiles(t *testing.T) {
	rich := string(encode(t, withIdentities(richExport())))
	long := strings.Repeat(" ", 200<<10) // past what is kept to say where
	tests := map[string]string{
		"empty":                      "",
		"white space":                " \n\t\r ",
		"Unicode white space":        " \u00a0\u2028\n\u3000",
		"a byte order mark alone":    "\uFEFF",
		"a byte order mark and junk": "\uFEFF{x",
		"stray character":            "{\n  \"format\": \"tether-journal\",\n  \"version\": 1 x\n}",
		"missing comma":              `{"format": "tether-journal" "version": 1}`,
		"missing colon":              `{"format" "tether-journal"}`,
		"comma before a brace":       `{"format": "tether-journal",}`,
		"comma before a bracket":     `{"contacts": [{"id": 1},]}`,
		"bracket for a brace":        `{"contacts": [{"id": 1}}`,
		"key not text":               `{1: 2}`,
		"control character in text":  "{\"format\": \"tether\njournal\"}",
		"bad escape":                 `{"format": "tether\qjournal"}`,
		"bad literal in a list":      `{"contacts": [tru, 1]}`,
		"bad number":                 `{"version": 1.}`,
		"trailing junk":              `{"format": "tether-journal"} {}`,
		"trailing white space":       "{}\n\n  \t",
		"a second value":             `{} []`,
		"a list":                     `[1, 2] x`,
		"text":                       `"tether"`,
		"null":                       `null`,
		"cut inside a key":           `{"form`,
		"cut after a colon":          `{"format":`,
		"cut in a list":              `{"contacts": [{"id": 1}, `,
		"cut inside a record":        `{"contacts": [{"id": 1, "name": "Sa`,
		"cut, then a line break":     "{\"contacts\": [{\"id\": 1, \"name\": \"Sa\n",
		"emoji before the mistake":   "{\"name\": \"🌻🌻\", x}",
		"invalid UTF-8 before it":    "{\"name\": \"\xff\xfe\xe2\x82\", x}",
		"far into a long line":       `{"contacts": [` + long + `x]}`,
		"far into the file":          rich[:len(rich)-3] + "x]\n}\n",
		"long after the mistake":     "{\n x" + strings.Repeat("\n  ", 100<<10),
		"deep in a record":           `{"contacts": [{"a": ` + strings.Repeat("[", 50) + `x]}`,
		"deeper than JSON allows":    `{"x": ` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`,
		"as deep as JSON allows":     `{"x": ` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}`,
		"a rich export":              rich,
		"a rich export, cut":         rich[:len(rich)*2/3],
	}
	for name, data := range tests {
		sameAsWhole(t, name, []byte(data))
	}
}

// A file cut anywhere before its last brace reads as broken, never as a
// smaller journal: sync relies on this to leave a half-copied file alone.
func TestReadExportRefusesAFileCutAnywhere(t *testing.T) {
	whole := encode(t, withIdentities(richExport()))
	end := bytes.LastIndexByte(whole, '}')
	for cut := range end {
		handed := 0
		_, err := ReadExport(bytes.NewReader(whole[:cut]), nil, func(Record) error { handed++; return nil })
		if err == nil {
			t.Fatalf("the file cut at byte %d of %d was read", cut, len(whole))
		}
		if want := wholeFileSyntax(whole[:cut]); err.Error() != want.Error() {
			t.Fatalf("cut at %d: %q, reading it whole said %q", cut, err, want)
		}
	}
	if _, err := DecodeExport(bytes.NewReader(whole[:end+1])); err != nil {
		t.Fatalf("the file without its last line break: %v", err)
	}
}

// Keys come in any order in a file edited by hand: the file is refused
// with the problem DecodeExport checks first, and a reach-out before its
// contact is checked once the contacts are read.
func TestReadExportKeysInAnyOrder(t *testing.T) {
	contacts := `"contacts": [{"id": 4, "name": "Sam"}]`
	reachOuts := func(id int) string {
		return fmt.Sprintf(`"reach_outs": [{"contact_id": 4, "at": "2026-11-16T19:30:00Z"}, {"contact_id": %d, "at": "2026-11-17T19:30:00Z"}]`, id)
	}
	plans := `"plans": [{"uid": "11111111111111111111111111111111", "contact_id": 4, "day": "2026-11-24", "channel": "call"}]`
	head := `"format": "tether-journal", "version": 1`
	e := decode(t, []byte(`{`+reachOuts(4)+`, `+plans+`, `+contacts+`, `+head+`}`))
	if len(e.ReachOuts) != 2 || e.ReachOuts[1].ContactName != "Sam" || len(e.Plans) != 1 || e.Plans[0].ContactName != "Sam" {
		t.Fatalf("reach-outs and plans before their contacts: %+v %+v", e.ReachOuts, e.Plans)
	}
	for name, tt := range map[string]struct{ file, want string }{
		"contact missing, read after": {`{` + reachOuts(9) + `, ` + contacts + `, ` + head + `}`,
			"reach-out at position 2 on 2026-11-17: its contact_id 9 is not the id of any contact in the file"},
		"version last, and newer": {`{` + contacts + `, ` + reachOuts(9) + `, "format": "tether-journal", "version": 2}`,
			"this journal was exported by a newer Tether (format version 2; this one reads up to 1); update Tether to import it"},
		"settings after a bad contact": {`{` + head + `, "contacts": [{"id": 0}], "settings": {"recovery_start": "soon"}}`,
			`settings: recovery_start "soon" is not a date like 2025-01-06`},
		"a list given twice": {`{` + head + `, ` + contacts + `, ` + contacts + `}`,
			`this Tether journal export has "contacts" twice; a file has each key once`},
		"a key in capitals": {`{` + head + `, "Contacts": 3}`, "this Tether journal export's contacts should be a list, not a number"},
	} {
		if _, err := DecodeExport(strings.NewReader(tt.file)); err == nil || err.Error() != tt.want {
			t.Errorf("%s: %v, want %q", name, err, tt.want)
		}
	}
}

// ReadExport hands each record on as it reads it, with its JSON to read
// again, and none once the file is known to be refused: a file of a newer
// Tether hands on nothing at all.
func TestReadExportHandsRecordsOn(t *testing.T) {
	file := encode(t, withIdentities(richExport()))
	var got []Record
	head, err := ReadExport(bytes.NewReader(file), nil, func(r Record) error {
		r.JSON = append(json.RawMessage(nil), r.JSON...)
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if head.Journal == "" || len(head.Seen) != 1 || head.Contacts != nil || head.Version != ExportVersion {
		t.Fatalf("head %+v", head)
	}
	whole := decode(t, file)
	names := map[int64]string{}
	for _, c := range whole.Contacts {
		names[c.ID] = c.Name
	}
	counts := map[string]int{}
	for _, r := range got {
		counts[r.List]++
		again, err := DecodeRecord(r.List, r.Pos, r.JSON)
		// The caller names a reach-out's or plan's contact.
		switch v := again.(type) {
		case model.ReachOut:
			v.ContactName = names[v.ContactID]
			again = v
		case model.Plan:
			v.ContactName = names[v.ContactID]
			again = v
		}
		if err != nil || !reflect.DeepEqual(again, r.Value) {
			t.Errorf("%s %d read again: %v %+v, was %+v", r.List, r.Pos, err, again, r.Value)
		}
	}
	want := map[string]int{ListContacts: 3, ListReachOuts: 3, ListCheckIns: 3, ListReflections: 2, ListCheckups: 3, ListPlans: 2, ListRemoved: 2}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("records handed on: %v, want %v", counts, want)
	}

	newer := bytes.Replace(file, []byte(`"version": 1`), []byte(`"version": 2`), 1)
	n := 0
	_, err = ReadExport(bytes.NewReader(newer), nil, func(Record) error { n++; return nil })
	var ne NewerError
	if !errors.As(err, &ne) || n != 0 {
		t.Errorf("a newer file: %v, %d records handed on", err, n)
	}
	// An error of each stops the reading, and is returned as it is.
	stop := errors.New("the disk is full")
	if _, err := ReadExport(bytes.NewReader(file), nil, func(Record) error { return stop }); err != stop {
		t.Errorf("each failing: %v", err)
	}
	// So does an error of reading the file, wrapped.
	broken := errors.New("input/output error")
	_, err = ReadExport(io.MultiReader(bytes.NewReader(file[:100]), iotest.ErrReader(broken)), nil, func(Record) error { return nil })
	var re *ReadError
	if !errors.As(err, &re) || !errors.Is(err, broken) {
		t.Errorf("a read error: %v", err)
	}
}

// Keys other than in memory: what a store keeps on disk is asked the same
// questions.
type countingKeys struct {
	*memoryKeys
	asked int
}

func (k *countingKeys) First(kind, key string, pos int) (int, error) {
	k.asked++
	return k.memoryKeys.First(kind, key, pos)
}

func TestReadExportAsksKeysForTheLongLists(t *testing.T) {
	keys := &countingKeys{memoryKeys: newMemoryKeys()}
	file := encode(t, withIdentities(richExport()))
	if _, err := ReadExport(bytes.NewReader(file), keys, func(Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// Contacts and reach-outs by id and uid, check-ins, reflections,
	// check-ups, plans by uid.
	if want := 3 + 3 + 3 + 3 + 3 + 2 + 3 + 2; keys.asked != want {
		t.Errorf("keys asked %d times, want %d", keys.asked, want)
	}
	twice := bytes.Replace(file, []byte(`"id": 103`), []byte(`"id": 101`), 1)
	if _, err := ReadExport(bytes.NewReader(twice), &countingKeys{memoryKeys: newMemoryKeys()}, func(Record) error { return nil }); err == nil ||
		err.Error() != "reach-out 101 on 2026-11-18: the reach-out at position 1 has the same id" {
		t.Errorf("a reach-out id given twice: %v", err)
	}
	sameUID := bytes.Replace(file, []byte("55555555555555555555555555555552"), []byte("55555555555555555555555555555550"), 1)
	if _, err := DecodeExport(bytes.NewReader(sameUID)); err == nil || err.Error() != "this Tether journal export gives two reach-outs the same uid" {
		t.Errorf("a reach-out uid given twice: %v", err)
	}
}

// The line tracker counts lines and characters as utf8.RuneCount does,
// however the file is cut into reads.
func TestLineTrackerCountsAsTheWholeFile(t *testing.T) {
	lines := strings.Repeat("ab€\n🌻\xff\xe2\x82x\u00e9", 20000)
	oneLong := "x\n" + strings.Repeat("🌻\xf0\x9f\xe2\x82x\u00e9", 20000)
	for _, text := range [][]byte{[]byte(lines), []byte(oneLong)} {
		trackedAsWhole(t, text)
	}
}

func trackedAsWhole(t *testing.T, text []byte) {
	t.Helper()
	for _, chunk := range []int{1, 3, 7, 4096, 70000} {
		var lt lineTracker
		for i := 0; i < len(text); i += chunk {
			lt.note(text[i:min(len(text), i+chunk)])
		}
		for _, pos := range []int{len(text) - 1, len(text) - 1000, len(text) - 60000} {
			line, col := lt.at(int64(pos))
			wantLine := 1 + bytes.Count(text[:pos], []byte("\n"))
			wantCol := 1 + utf8.RuneCount(text[bytes.LastIndexByte(text[:pos], '\n')+1:pos])
			if line != wantLine || col != wantCol {
				t.Errorf("chunks of %d, byte %d: line %d column %d, want %d and %d", chunk, pos, line, col, wantLine, wantCol)
			}
		}
	}
}
