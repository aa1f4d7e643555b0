package journalfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tether-recovery/tether/model"
)

// The lists of an export, by their keys in the file.
const (
	ListContacts    = "contacts"
	ListReachOuts   = "reach_outs"
	ListCheckIns    = "check_ins"
	ListReflections = "reflections"
	ListCheckups    = "check_ups"
	ListPlans       = "plans"
	ListRemoved     = "removed"
)

// utf8BOM is the byte order mark some editors put at the start of a file.
var utf8BOM = []byte("\uFEFF")

// Record is one record of an export as ReadExport reads it.
type Record struct {
	List string // the key of its list: ListContacts, ListReachOuts, ...
	Pos  int    // its position in the list, from 1
	// JSON is the record as the file has it, to read again with
	// DecodeRecord; it is not kept by ReadExport once the call returns.
	JSON json.RawMessage
	// Value is the record read and checked: a model.Contact,
	// model.ReachOut, model.CheckIn, model.Reflection, model.Checkup,
	// model.Plan or model.Removal.
	Value any
}

// Keys remembers the keys of a file's records as ReadExport reads them (a
// reach-out's id and uid, a check-in's day…), to find one given twice.
// The keys of a journal of millions of records need not be held in memory:
// the store keeps them in a scratch database.
type Keys interface {
	// First notes that the record at pos (from 1) has key among the keys
	// of kind, unless one before it had it, and returns the position of
	// the first that had it: pos when none did.
	First(kind, key string, pos int) (int, error)
	// SetName keeps the name of the file's contact with id, for the
	// records after it that name them: a file may hold any number of
	// people.
	SetName(id int64, name string) error
	// Name is the name kept for the contact with id; ok is false when no
	// contact of the file read so far has that id.
	Name(id int64) (name string, ok bool, err error)
	// Later keeps a record (a reach-out or plan, at pos of list) that
	// names the contact with id before the file's contacts were read; it
	// is checked once the whole file is read. Tether writes the contacts
	// first, but a file made otherwise may hold millions of such records.
	Later(list string, pos int, id int64, label string) error
	// Unnamed hands on, in the order kept, each record kept by Later whose
	// contact no contact of the file has the id of.
	Unnamed(each func(list string, pos int, id int64, label string)) error
}

// memoryKeys is Keys in maps, for a file read whole anyway.
type memoryKeys struct {
	first map[string]int
	names map[int64]string
	later []laterRef
}

type laterRef struct {
	list      string
	pos       int
	contactID int64
	label     string
}

func newMemoryKeys() *memoryKeys {
	return &memoryKeys{first: map[string]int{}, names: map[int64]string{}}
}

func (m *memoryKeys) First(kind, key string, pos int) (int, error) {
	k := kind + "\x00" + key
	if first, ok := m.first[k]; ok {
		return first, nil
	}
	m.first[k] = pos
	return pos, nil
}

func (m *memoryKeys) SetName(id int64, name string) error {
	m.names[id] = name
	return nil
}

func (m *memoryKeys) Name(id int64) (string, bool, error) {
	name, ok := m.names[id]
	return name, ok, nil
}

func (m *memoryKeys) Later(list string, pos int, id int64, label string) error {
	m.later = append(m.later, laterRef{list, pos, id, label})
	return nil
}

func (m *memoryKeys) Unnamed(each func(list string, pos int, id int64, label string)) error {
	for _, l := range m.later {
		if _, ok := m.names[l.contactID]; !ok {
			each(l.list, l.pos, l.contactID, l.label)
		}
	}
	return nil
}

// ReadExport reads Tether JSON from r as a stream, with DecodeExport's
// checks and their sentences, holding one record at a time: what it must
// remember of the records read (every key given, the contacts' names by
// id) it keeps in keys, so that a journal of any size reads in the same
// memory when keys are not in memory.
//
// Each record that passes its checks is handed to each as it is read,
// until a problem is found anywhere: from then on the rest of the file is
// still read, for a problem that DecodeExport would name first (a syntax
// error at the end of the file above all), but nothing more is handed on.
// So whatever each keeps is to be thrown away when ReadExport returns an
// error. A reach-out or plan that comes before the file's contacts is
// handed on with its contact checked only at the end, and no ContactName.
//
// It returns the head of the export: an Export with everything but its
// lists. The error, when the file is refused, is DecodeExport's: one
// sentence naming the first problem, a NewerError for a file of a newer
// Tether, a *ReadError when r itself fails; an error of keys or each is
// returned as it is. A nil keys keeps them in memory.
func ReadExport(r io.Reader, keys Keys, each func(Record) error) (Export, error) {
	if keys == nil {
		keys = newMemoryKeys()
	}
	rd := &reader{keys: keys, each: each, fields: map[string]bool{}}
	src := newSource(r)
	err := rd.document(src)
	var se *syntaxError
	switch {
	case rd.fatal != nil:
		return Export{}, rd.fatal
	case errors.As(err, &se):
		return Export{}, src.sentence(se)
	case err != nil:
		return Export{}, err
	}
	return rd.finish()
}

// DecodeExport reads Tether JSON whole (through ReadExport) and checks all
// of it before returning anything: the format and version, then every
// contact, reach-out, check-in, reflection and check-up normalized and
// validated as the journal would (without a clock, so dates ahead of today
// are not refused here), reach-outs naming contacts of the same file, and
// no contact id, reach-out id, check-in day, reflection week, or
// instrument and day of a check-up twice. Keys it does not know are
// ignored, and a file without "check_ups" (written before they were
// exported) has none; a version newer than ExportVersion is refused.
//
// The records returned are normalized (what would be stored), in the
// file's order; each reach-out's ContactName is its contact's name from the
// file. The error, if any, is one sentence naming the first record at
// fault, such as "check-in 2025-03-02: mood is 1 to 5 (or blank)".
//
// It holds the whole journal in memory: an import streams the file
// instead (ReadExport, and the store's StageExport).
func DecodeExport(r io.Reader) (Export, error) {
	var lists Export
	e, err := ReadExport(r, nil, func(rec Record) error {
		switch v := rec.Value.(type) {
		case model.Contact:
			lists.Contacts = append(lists.Contacts, v)
		case model.ReachOut:
			lists.ReachOuts = append(lists.ReachOuts, v)
		case model.CheckIn:
			lists.CheckIns = append(lists.CheckIns, v)
		case model.Reflection:
			lists.Reflections = append(lists.Reflections, v)
		case model.Checkup:
			lists.Checkups = append(lists.Checkups, v)
		case model.Plan:
			lists.Plans = append(lists.Plans, v)
		case model.Removal:
			lists.Removed = append(lists.Removed, v)
		}
		return nil
	})
	if err != nil {
		return Export{}, err
	}
	names := make(map[int64]string, len(lists.Contacts))
	for _, c := range lists.Contacts {
		names[c.ID] = c.Name
	}
	for i := range lists.ReachOuts {
		lists.ReachOuts[i].ContactName = names[lists.ReachOuts[i].ContactID]
	}
	for i := range lists.Plans {
		lists.Plans[i].ContactName = names[lists.Plans[i].ContactID]
	}
	e.Contacts, e.ReachOuts, e.CheckIns, e.Reflections = lists.Contacts, lists.ReachOuts, lists.CheckIns, lists.Reflections
	e.Checkups, e.Plans, e.Removed = lists.Checkups, lists.Plans, lists.Removed
	return e, nil
}

// DecodeRecord reads again a record ReadExport handed on (its list,
// position and JSON), as it was then, but for a reach-out's or plan's
// ContactName, which it leaves to the caller (the names of the file's
// contacts are kept in its Keys). The record passed its checks once, so an
// error here is a record that did not come from ReadExport.
func DecodeRecord(list string, pos int, raw json.RawMessage) (any, error) {
	none := func(string) int { return 0 } // it was checked against the others then
	i := pos - 1
	switch list {
	case ListContacts:
		return decodeContact(i, raw, none)
	case ListReachOuts:
		r, _, err := decodeReachOut(i, raw, none)
		return r, err
	case ListCheckIns:
		return decodeCheckIn(i, raw, none)
	case ListReflections:
		return decodeReflection(i, raw, none)
	case ListCheckups:
		return decodeCheckup(i, raw, none)
	case ListPlans:
		p, _, err := decodePlan(i, raw)
		return p, err
	case ListRemoved:
		return decodeRemoval(i, raw)
	}
	return nil, fmt.Errorf("no list %q in a Tether journal export", list)
}

// stage is where a problem comes in DecodeExport's order of checks: a file
// is refused with the first problem of the earliest stage, whatever the
// order of its keys.
type stage int

const (
	atHead       stage = iota // the format, then the version
	atShape                   // a key holding the wrong kind of value, or given twice
	atHeadValues              // exported_at, the period, the settings
	// Each list's records, in the file's order.
	atContacts
	atReachOuts
	atCheckIns
	atReflections
	atCheckups
	atJournal // the journal's uid
	atPlans
	atRemoved
	atTimes // seen, settings_changed
	// A uid given to two records of a kind.
	atContactUIDs
	atReachOutUIDs
	atPlanUIDs
	stages
)

var listStage = map[string]stage{
	ListContacts: atContacts, ListReachOuts: atReachOuts, ListCheckIns: atCheckIns, ListReflections: atReflections,
	ListCheckups: atCheckups, ListPlans: atPlans, ListRemoved: atRemoved,
}

// problem is the first problem found at a stage: pos is its record's
// position (0 for what is not a record).
type problem struct {
	pos int
	err error
}

// reader is ReadExport at work.
type reader struct {
	keys  Keys
	each  func(Record) error
	fatal error // from keys or each: reading stops
	found [stages]problem
	// fields are the keys of the export read so far: one given twice is
	// refused, so that what was read of it holds.
	fields map[string]bool
	// The head: format and version as read (headErr: the format is not
	// text, or the file is not an object), and the rest of the export
	// but its lists.
	head struct {
		Format  *string         `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	headErr bool
	version int
	body    jsonBody
	// contactsRead once the contacts' list is read (records refer to
	// them, by the names kept in keys; one read before is kept there too,
	// and checked at the end).
	contactsRead bool
}

// problem notes err at stage s, unless one of a record before it is there.
func (rd *reader) problem(s stage, pos int, err error) {
	if f := rd.found[s]; f.err == nil || pos < f.pos {
		rd.found[s] = problem{pos, err}
	}
}

// settled reports a problem at s or before it: what belongs to s need not
// be checked, as it cannot be the problem the file is refused with.
func (rd *reader) settled(s stage) bool {
	for _, f := range rd.found[:s+1] {
		if f.err != nil {
			return true
		}
	}
	return false
}

func (rd *reader) clean() bool { return !rd.settled(stages - 1) }

func (rd *reader) document(src *source) error {
	c, ok := src.peek()
	if !ok {
		return src.ranOut()
	}
	if c != '{' {
		// JSON, perhaps, but no export: still read whole, for syntax.
		rd.headErr = true
		if err := src.skip(); err != nil {
			return err
		}
		return src.end()
	}
	if err := src.object(func(key string) error { return rd.member(src, key) }); err != nil {
		return err
	}
	return src.end()
}

// member reads the value of one key of the export.
func (rd *reader) member(src *source, key string) error {
	field := fieldOf(key)
	if field == "" {
		return src.skip() // a key Tether does not know
	}
	if rd.fields[field] {
		rd.problem(atShape, 0, fmt.Errorf("this Tether journal export has %q twice; a file has each key once", field))
		return src.skip()
	}
	rd.fields[field] = true
	if _, list := listStage[field]; list {
		err := rd.list(src, key, field)
		if field == ListContacts {
			rd.contactsRead = true
		}
		return err
	}
	raw, err := src.value()
	if err != nil {
		return err
	}
	switch field {
	case "format", "version":
		if json.Unmarshal(wrap(key, raw), &rd.head) != nil {
			rd.headErr = true
		}
		rd.checkHead(false)
	default:
		rd.shape(json.Unmarshal(wrap(key, raw), &rd.body))
	}
	return nil
}

// shape records a value of the wrong kind (from json.Unmarshal into
// jsonBody), as the first of them in the file.
func (rd *reader) shape(err error) {
	if err != nil {
		rd.problem(atShape, 0, errors.New(safeMessage("this Tether journal export's "+typeProblem(err))))
	}
}

// wrap is {key: raw}: one key of the export as an object of its own, for
// json.Unmarshal to read as it read the whole file (key matched the same,
// its errors the same).
func wrap(key string, raw []byte) []byte {
	k, _ := json.Marshal(key)
	out := append(append(append([]byte{'{'}, k...), ':'), raw...)
	return append(out, '}')
}

// keyProbe has a field for each key of an export, to find which one a key
// of a file stands for as encoding/json matches keys (ignoring case).
type keyProbe struct {
	Format      *json.RawMessage `json:"format"`
	Version     *json.RawMessage `json:"version"`
	ExportedAt  *json.RawMessage `json:"exported_at"`
	From        *json.RawMessage `json:"from"`
	To          *json.RawMessage `json:"to"`
	Settings    *json.RawMessage `json:"settings"`
	Contacts    *json.RawMessage `json:"contacts"`
	ReachOuts   *json.RawMessage `json:"reach_outs"`
	CheckIns    *json.RawMessage `json:"check_ins"`
	Reflections *json.RawMessage `json:"reflections"`
	Checkups    *json.RawMessage `json:"check_ups"`
	Journal     *json.RawMessage `json:"journal"`
	Plans       *json.RawMessage `json:"plans"`
	Removed     *json.RawMessage `json:"removed"`
	Seen        *json.RawMessage `json:"seen"`
	SettingsAt  *json.RawMessage `json:"settings_changed"`
}

// fieldOf is the key of an export that key stands for, or "" for one
// Tether does not know.
func fieldOf(key string) string {
	var p keyProbe
	if json.Unmarshal(wrap(key, []byte("0")), &p) != nil {
		return ""
	}
	for _, f := range []struct {
		name string
		set  *json.RawMessage
	}{
		{"format", p.Format}, {"version", p.Version}, {"exported_at", p.ExportedAt}, {"from", p.From}, {"to", p.To},
		{"settings", p.Settings}, {ListContacts, p.Contacts}, {ListReachOuts, p.ReachOuts}, {ListCheckIns, p.CheckIns},
		{ListReflections, p.Reflections}, {ListCheckups, p.Checkups}, {"journal", p.Journal}, {ListPlans, p.Plans},
		{ListRemoved, p.Removed}, {"seen", p.Seen}, {"settings_changed", p.SettingsAt},
	} {
		if f.set != nil {
			return f.name
		}
	}
	return ""
}

// list reads a list of records, one at a time; a value that is no list
// (null aside) is a problem of its shape.
func (rd *reader) list(src *source, key, list string) error {
	c, _ := src.peek()
	switch c {
	case '[':
		pos := 0
		return src.list(func() error {
			pos++
			raw, err := src.value()
			if err != nil {
				return err
			}
			return rd.record(list, pos, raw)
		})
	case '{':
		// The whole object is not needed to say it is not a list.
		if err := src.skip(); err != nil {
			return err
		}
		rd.shape(json.Unmarshal(wrap(key, []byte("{}")), &jsonBody{}))
		return nil
	}
	raw, err := src.value()
	if err == nil {
		rd.shape(json.Unmarshal(wrap(key, raw), &jsonBody{}))
	}
	return err
}

// record reads and checks one record, and hands it on while the file is
// clean.
func (rd *reader) record(list string, pos int, raw json.RawMessage) error {
	s := listStage[list]
	if rd.settled(s) {
		return nil
	}
	var v any
	i := pos - 1
	switch list {
	case ListContacts:
		c, err := decodeContact(i, raw, rd.seen(ListContacts+" id", pos))
		switch {
		case rd.fatal != nil:
			return rd.fatal
		case err != nil:
			rd.problem(s, pos, err)
			return nil
		}
		if err := rd.keys.SetName(c.ID, c.Name); err != nil {
			rd.fatal = err
			return err
		}
		rd.uid(atContactUIDs, "contact", c.UID, pos)
		v = c
	case ListReachOuts:
		r, label, err := decodeReachOut(i, raw, rd.seen(ListReachOuts+" id", pos))
		if rd.checked(s, pos, r, err) != nil {
			if name, ok := rd.contactOf(list, pos, r.ContactID, label); ok {
				r.ContactName = name
				rd.uid(atReachOutUIDs, "reach-out", r.UID, pos)
				v = r
			}
		}
	case ListCheckIns:
		c, err := decodeCheckIn(i, raw, rd.seen(list, pos))
		v = rd.checked(s, pos, c, err)
	case ListReflections:
		r, err := decodeReflection(i, raw, rd.seen(list, pos))
		v = rd.checked(s, pos, r, err)
	case ListCheckups:
		c, err := decodeCheckup(i, raw, rd.seen(list, pos))
		v = rd.checked(s, pos, c, err)
	case ListPlans:
		p, label, err := decodePlan(i, raw)
		if rd.checked(s, pos, p, err) != nil {
			if name, ok := rd.contactOf(list, pos, p.ContactID, label); ok {
				p.ContactName = name
				rd.uid(atPlanUIDs, "plan", p.UID, pos)
				v = p
			}
		}
	case ListRemoved:
		r, err := decodeRemoval(i, raw)
		v = rd.checked(s, pos, r, err)
	}
	switch {
	case rd.fatal != nil:
		return rd.fatal
	case v == nil || !rd.clean():
		return nil
	}
	if err := rd.each(Record{List: list, Pos: pos, JSON: raw, Value: v}); err != nil {
		rd.fatal = err
	}
	return rd.fatal
}

// checked is v, or nil with its problem noted.
func (rd *reader) checked(s stage, pos int, v any, err error) any {
	if err != nil {
		rd.problem(s, pos, err)
		return nil
	}
	return v
}

// seen finds, through keys, a key of kind given to the record at pos
// and to one before it.
func (rd *reader) seen(kind string, pos int) func(key string) int {
	return func(key string) int {
		first, err := rd.keys.First(kind, key, pos)
		switch {
		case err != nil:
			if rd.fatal == nil {
				rd.fatal = err
			}
			return 0
		case first == pos:
			return 0
		}
		return first
	}
}

// uid notes a uid given twice, in DecodeExport's order: contacts, then
// reach-outs, then plans.
func (rd *reader) uid(s stage, kind, uid string, pos int) {
	if uid != "" && rd.seen(kind+" uid", pos)(uid) != 0 {
		rd.problem(s, pos, uidTwice(kind))
	}
}

// contactOf checks the contact a record names, and gives their name; one
// read before the contacts is checked at the end (and has no name yet).
// False when it is not in the file (with the problem noted), or keys
// failed.
func (rd *reader) contactOf(list string, pos int, id int64, label string) (string, bool) {
	if !rd.contactsRead {
		if err := rd.keys.Later(list, pos, id, label); err != nil && rd.fatal == nil {
			rd.fatal = err
		}
		return "", rd.fatal == nil
	}
	name, ok, err := rd.keys.Name(id)
	switch {
	case err != nil:
		if rd.fatal == nil {
			rd.fatal = err
		}
		return "", false
	case !ok:
		rd.problem(listStage[list], pos, unknownContact(label, id))
	}
	return name, ok
}

// checkHead checks the format and then the version, as soon as they are
// read (a file of a newer Tether is settled at once, and none of its
// records is handed on), or at the end when they are not there.
func (rd *reader) checkHead(atEnd bool) {
	if rd.found[atHead].err != nil || rd.version != 0 {
		return
	}
	format, version := rd.fields["format"], rd.fields["version"]
	notExport := errors.New(`this file is not a Tether journal export (it has no "format": "tether-journal")`)
	switch {
	case rd.headErr || format && rd.head.Format == nil:
		rd.problem(atHead, 0, notExport)
	case !format:
		if atEnd {
			rd.problem(atHead, 0, notExport)
		}
	case *rd.head.Format != ExportFormat:
		rd.problem(atHead, 0, fmt.Errorf("this file is not a Tether journal export (its format is %s, not %q)", quoteText(*rd.head.Format), ExportFormat))
	case !version:
		if atEnd {
			rd.problem(atHead, 0, errors.New("this Tether journal export has no version, so it cannot be read safely"))
		}
	case rd.head.Version == nil || string(rd.head.Version) == "null":
		rd.problem(atHead, 0, errors.New("this Tether journal export has no version, so it cannot be read safely"))
	default:
		v, msg := exportVersion(rd.head.Version)
		switch {
		case msg != "" && newerVersion(rd.head.Version):
			rd.problem(atHead, 0, NewerError(msg))
		case msg != "":
			rd.problem(atHead, 0, errors.New(msg))
		default:
			rd.version = v
		}
	}
}

// finish checks what can only be checked once the whole file is read,
// and returns the head, or the first problem of the earliest stage.
func (rd *reader) finish() (Export, error) {
	rd.checkHead(true)
	err := rd.keys.Unnamed(func(list string, pos int, id int64, label string) {
		rd.problem(listStage[list], pos, unknownContact(label, id))
	})
	if err != nil {
		return Export{}, err
	}
	e := Export{Format: ExportFormat, Version: rd.version}
	b := rd.body
	if e.ExportedAt, err = parseJSONTime(b.ExportedAt, "exported_at"); err != nil {
		rd.problem(atHeadValues, 0, errors.New(safeMessage("this Tether journal export's "+err.Error())))
	} else if e.From, err = parseJSONDate(b.From, "from"); err == nil {
		e.To, err = parseJSONDate(b.To, "to")
	}
	switch {
	case rd.found[atHeadValues].err != nil:
	case err != nil:
		rd.problem(atHeadValues, 0, errors.New(safeMessage("this Tether journal export's period: "+err.Error())))
	case !e.From.IsZero() && !e.To.IsZero() && e.From.After(e.To):
		rd.problem(atHeadValues, 0, fmt.Errorf("this Tether journal export's period starts (%s) after it ends (%s)", e.From, e.To))
	default:
		if msg := settingsProblem(b.Settings); msg != "" {
			rd.problem(atHeadValues, 0, errors.New(safeMessage("settings: "+msg)))
		}
	}
	if len(b.Settings) > 0 {
		e.Settings = b.Settings
	}
	if !ValidUID(b.Journal) {
		rd.problem(atJournal, 0, errors.New("this Tether journal export's journal: "+uidProblem))
	}
	e.Journal = b.Journal
	if e.Seen, err = parseTimes(b.Seen, "seen", ValidUID); err != nil {
		rd.problem(atTimes, 0, err)
	} else if e.SettingsChanged, err = parseTimes(b.SettingsAt, "settings_changed", func(k string) bool { return k != "" }); err != nil {
		rd.problem(atTimes, 0, err)
	}
	for _, f := range rd.found {
		if f.err != nil {
			return Export{}, f.err
		}
	}
	return e, nil
}
