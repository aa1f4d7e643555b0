package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// The kinds of entry an ImportReport counts and skips.
const (
	KindContact    = "contact"
	KindReachOut   = "reach-out"
	KindCheckIn    = "check-in"
	KindReflection = "reflection"
	KindCheckup    = "check-up"
	KindSetting    = "setting"
	KindPlan       = "plan"
)

// ImportReport says what an import added to the journal (or, in a dry run,
// would have added) and what it left out, and why.
type ImportReport struct {
	DryRun bool
	// What was added, by kind.
	Contacts, ReachOuts, CheckIns, Reflections, Checkups, Settings, Plans int
	// Merging another copy of the journal (see merge.go): the records it
	// changed to the file's newer version, and removed as the file had.
	Updated, Removed int
	// Conflicts are records both copies changed since they last met.
	Conflicts []Conflict
	// Skipped lists the entries of the file that were not added, in the
	// order of the file, kind by kind: every person, and of other entries
	// skipped alike (of one kind, for one reason) the first thousand;
	// Unlisted counts the rest.
	Skipped  []Skipped
	Unlisted []SkipCount
}

// Skipped is one entry an import left out: an entry the journal already
// holds, or a setting a journal in use keeps.
type Skipped struct {
	Kind   string // KindContact, KindReachOut, ...
	What   string // the name, day, week, or key, as a person would name it
	Reason string // a phrase: "already in the journal (same name and phone)"
}

// SkipCount is how many more entries of a kind an import skipped for a
// reason than its report lists.
type SkipCount struct {
	Kind, Reason string
	N            int
}

// SkippedOf counts the skipped entries of one kind, listed or not.
func (r ImportReport) SkippedOf(kind string) int {
	return r.skippedIf(func(k, _ string) bool { return k == kind })
}

// SkippedAlike counts the entries skipped of a kind for a reason, listed
// or not.
func (r ImportReport) SkippedAlike(kind, reason string) int {
	return r.skippedIf(func(k, why string) bool { return k == kind && why == reason })
}

// SkippedTotal counts every entry skipped, listed or not.
func (r ImportReport) SkippedTotal() int {
	return r.skippedIf(func(string, string) bool { return true })
}

func (r ImportReport) skippedIf(match func(kind, reason string) bool) int {
	n := 0
	for _, s := range r.Skipped {
		if match(s.Kind, s.Reason) {
			n++
		}
	}
	for _, u := range r.Unlisted {
		if match(u.Kind, u.Reason) {
			n += u.N
		}
	}
	return n
}

// ImportError is a file an import refused as a whole, so nothing was
// written: every problem found, each a *ContactError, *ReachOutError,
// *CheckInError, *ReflectionError, *CheckupError or a plain error (a
// setting, the file's version). Its text is one line: the first problem and how many more.
type ImportError struct {
	Problems []error
	// More counts the problems found beyond those listed: a file of
	// millions of bad entries lists the first thousand of each kind.
	More int
}

func (e *ImportError) Error() string {
	msg := "nothing was imported: " + printable(e.Problems[0].Error())
	if n := len(e.Problems) - 1 + e.More; n == 1 {
		msg += " (and 1 more problem)"
	} else if n > 1 {
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return msg
}

// Unwrap lets errors.As reach each problem.
func (e *ImportError) Unwrap() []error { return e.Problems }

// printable keeps an error about a file on one line and free of control
// characters: a name in a hostile file could otherwise repaint the terminal
// it is printed on.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// importPlan is a file ready to be written: its records, checked already
// (an Export), or checked as they are read (a staged file, whose
// problems are gathered in problems).
type importPlan struct {
	contacts    records[model.Contact]    // normalized; IDs are the file's own (0 for vCards)
	reachOuts   records[model.ReachOut]   // normalized; ContactID is the file's id
	checkIns    records[model.CheckIn]    // normalized
	reflections records[model.Reflection] // normalized
	checkups    records[model.Checkup]    // checked; IDs are ignored
	settings    map[string]string
	// Another copy of the journal's own (schema 9): its uid, when its
	// export was written, its plans and what it removed.
	journal    string
	exportedAt time.Time
	plans      records[model.Plan] // normalized; ContactID is the file's id
	removed    records[model.Removal]
	seen       map[string]time.Time
	settingsAt map[string]time.Time
	// cardsRepeat: a contact repeated in the file itself is one person
	// (a phone's address book often holds a card twice). Not so in a
	// Tether export, whose contacts are distinct records by id.
	cardsRepeat bool
	// problems, for a file checked as it is written: once it has one,
	// nothing more is written, and the import is refused.
	problems *problemList
	// ids keeps the journal's id of each of the file's people as the
	// import adds or finds them (in memory unless set).
	ids fileIDs
}

// fileIDs are the journal's ids of a file's people, by the file's id, as
// an import adds or finds them, for the records that name them: a staged
// file keeps them in its scratch database (stagedIDs), so that a file of
// any number of people imports in the same memory.
type fileIDs interface {
	// set does nothing for the id 0: a vCard's people have none.
	set(fileID, journalID int64) error
	// get is 0 for an id no person of the file was given.
	get(fileID int64) (int64, error)
}

// memoryIDs are fileIDs in a map, for a file held in memory anyway.
type memoryIDs map[int64]int64

func (m memoryIDs) set(fileID, journalID int64) error {
	if fileID != 0 { // a vCard's people have no id in the file
		m[fileID] = journalID
	}
	return nil
}

func (m memoryIDs) get(fileID int64) (int64, error) { return m[fileID], nil }

// filled gives the lists a plan leaves out (ImportContacts has contacts
// alone) no records.
func (p importPlan) filled() importPlan {
	p.contacts, p.reachOuts, p.checkIns = orNone(p.contacts), orNone(p.reachOuts), orNone(p.checkIns)
	p.reflections, p.checkups, p.plans, p.removed = orNone(p.reflections), orNone(p.checkups), orNone(p.plans), orNone(p.removed)
	if p.ids == nil {
		p.ids = memoryIDs{}
	}
	return p
}

func orNone[T any](r records[T]) records[T] {
	if r == nil {
		return slice[T](nil)
	}
	return r
}

// Import adds a Tether export held in memory (journalfile.Export, as
// DecodeExport reads it) to the journal, all or nothing, in one
// transaction; a file is imported as a stream, by the same rules, with
// StageExport and ImportStaged:
//
//   - A contact that duplicates one already in the journal (the same name
//     ignoring case and accents, and the same phone digits or email, or
//     neither of them has a phone or email) is skipped, and the file's
//     history of that contact attaches to the one in the journal. Each
//     contact of the journal stands for one of the file: namesakes are
//     paired in order, and a file with more of them than the journal adds
//     the rest. Every other contact is added with a new id, and the file's
//     reach-outs follow it.
//   - A reach-out the journal already holds (same person, same second, same
//     channel and direction) is skipped, so importing a file twice adds
//     nothing the second time; so is a check-in for a day, a reflection
//     for a week, or a check-up of an instrument on a day, the journal
//     already has. A check-up keeps the time it was taken (CreatedAt);
//     its ID in the file is ignored.
//   - Settings are imported only into an empty journal; a journal in use
//     keeps its own.
//   - An export of another copy of the journal (it names its journal's
//     uid) is merged instead, record by record (see merge.go): the newer
//     edit of each record and setting wins, its plans and removals come
//     across, and conflicts are reported.
//
// A file with anything wrong in it (an entry that breaks the model's rules,
// a reach-out whose contact is not in the file, a version this Tether does
// not know) is refused with an *ImportError naming the problems, and
// nothing is written. With dryRun, everything is done inside the
// transaction and then rolled back: the report is exactly what an import
// would do, and the journal is untouched.
func (s *Store) Import(ctx context.Context, e journalfile.Export, dryRun bool) (ImportReport, error) {
	switch {
	case e.Format != journalfile.ExportFormat:
		return ImportReport{}, fmt.Errorf("import: this is not a Tether export (its format is %q, not %q); nothing was imported",
			printable(e.Format), journalfile.ExportFormat)
	case e.Version > journalfile.ExportVersion:
		return ImportReport{}, fmt.Errorf("import: this export was written by a newer Tether (version %d; this one reads up to %d). Update Tether to import it; nothing was imported",
			e.Version, journalfile.ExportVersion)
	case e.Version < 1:
		return ImportReport{}, fmt.Errorf("import: this export has no valid version (%d); nothing was imported", e.Version)
	}
	// The same rules for dates as the app: nothing dated after now (a
	// reach-out in 9999 would keep its person out of "due" for good).
	now := s.now()
	today := model.DateOf(now)
	var plan importPlan
	contacts, bad := checkContacts(e.Contacts)
	fileIDs := make(map[int64]int, len(e.Contacts))
	for i, c := range e.Contacts {
		if c.ID == 0 {
			continue
		}
		if first, dup := fileIDs[c.ID]; dup {
			bad = append(bad, &ContactError{Index: i, Name: c.Name, Problems: model.Problems{
				"id": fmt.Sprintf("Contact #%d has the same id (%d); each contact needs its own.", first+1, c.ID)}})
			continue
		}
		fileIDs[c.ID] = i
	}
	reachOuts := make([]model.ReachOut, len(e.ReachOuts))
	for i, r := range e.ReachOuts {
		first, known := fileIDs[r.ContactID]
		with := ""
		if known {
			with = e.Contacts[first].Name
		}
		var err error
		if reachOuts[i], err = checkFileReachOut(i, r, now, with, known); err != nil {
			bad = append(bad, err)
		}
	}
	checkIns, more := checkCheckIns(e.CheckIns, today)
	bad = append(bad, more...)
	reflections, more := checkReflections(e.Reflections, today)
	bad = append(bad, more...)
	checkups, more := checkCheckups(e.Checkups, today)
	bad = append(bad, more...)
	bad = append(bad, checkSettings(e.Settings)...)
	plans := make([]model.Plan, len(e.Plans))
	for i, p := range e.Plans {
		_, known := fileIDs[p.ContactID]
		var err error
		if plans[i], err = checkFilePlan(i, p, known); err != nil {
			bad = append(bad, err)
		}
	}
	if len(bad) > 0 {
		return ImportReport{}, fmt.Errorf("import: %w", &ImportError{Problems: bad})
	}
	plan = importPlan{
		contacts: slice(contacts), reachOuts: slice(reachOuts), checkIns: slice(checkIns),
		reflections: slice(reflections), checkups: slice(checkups), settings: e.Settings,
		journal: e.Journal, exportedAt: e.ExportedAt, plans: slice(plans), removed: slice(e.Removed),
		seen: e.Seen, settingsAt: e.SettingsChanged,
	}
	return s.runImport(ctx, plan, dryRun)
}

// checkFileReachOut checks a reach-out of a file as checkReachOut does,
// and that the file has its contact: known, by the file's id, and named
// with. Its problems are a *ReachOutError.
func checkFileReachOut(i int, r model.ReachOut, now time.Time, with string, known bool) (model.ReachOut, error) {
	norm, p := checkReachOut(r, now)
	if r.ContactID > 0 && !known {
		p[model.FieldContact] = fmt.Sprintf("Its contact (id %d) is not in the file.", r.ContactID)
	}
	if known {
		norm.ContactName = with // the file's name for them, for the report
	}
	if len(p) == 0 {
		return norm, nil
	}
	re := &ReachOutError{Index: i, Problems: p}
	if known {
		re.With = with
	}
	return norm, re
}

// checkFilePlan checks a plan of a file as the model does (not against the
// clock: a plan of a day gone by is still the other copy's), and that the
// file has its contact (known).
func checkFilePlan(i int, p model.Plan, known bool) (model.Plan, error) {
	p = p.Normalize()
	if pr := p.Validate(model.Date{}); len(pr) > 0 {
		return p, fmt.Errorf("plan #%d: %w", i+1, pr)
	}
	if !known {
		return p, fmt.Errorf("plan #%d: its contact (id %d) is not in the file", i+1, p.ContactID)
	}
	return p, nil
}

// ImportContacts adds contacts read from elsewhere (a vCard file), all or
// nothing, in one transaction, skipping those that duplicate a contact in
// the journal or one earlier in cs, by Import's rule. Their IDs are
// ignored. An invalid contact refuses the whole batch with an
// *ImportError; a caller that would rather skip such contacts checks them
// first (Normalize, then Validate). With dryRun the transaction is rolled
// back, as with Import.
func (s *Store) ImportContacts(ctx context.Context, cs []model.Contact, dryRun bool) (ImportReport, error) {
	norm, bad := checkContacts(cs)
	if len(bad) > 0 {
		return ImportReport{}, fmt.Errorf("import contacts: %w", &ImportError{Problems: bad})
	}
	for i := range norm {
		norm[i].ID = 0
	}
	return s.runImport(ctx, importPlan{contacts: slice(norm), cardsRepeat: true}, dryRun)
}

// checkCheckups checks a file's check-ups as AddCheckups does: each valid
// for its instrument (not against the clock), dated, taken in a year the
// journal can hold, and no instrument twice on one day. The IDs are
// dropped: the journal gives its own.
func checkCheckups(cs []model.Checkup, today model.Date) ([]model.Checkup, []error) {
	norm := make([]model.Checkup, len(cs))
	var bad []error
	type key struct {
		i model.Instrument
		d model.Date
	}
	seen := make(map[key]int, len(cs))
	for i, c := range cs {
		c.ID = 0
		p := c.Validate(today)
		if p == nil {
			p = model.Problems{}
		}
		if !c.CreatedAt.IsZero() && (c.CreatedAt.Year() < 1900 || c.CreatedAt.Year() > 9999) {
			p["created"] = "The year is out of range."
		}
		if first, dup := seen[key{c.Instrument, c.Day}]; dup && !c.Day.IsZero() {
			p[model.FieldDay] = fmt.Sprintf("This is also check-up #%d; a day has one of each instrument.", first+1)
		} else {
			seen[key{c.Instrument, c.Day}] = i
		}
		if len(p) > 0 {
			bad = append(bad, &CheckupError{Index: i, Instrument: c.Instrument, Day: c.Day, Problems: p})
		}
		norm[i] = c
	}
	return norm, bad
}

// settingNames are the settings a journal holds, in a person's words. A
// file's setting is named by its key, as the file spells it (so it can be
// found there), and by these words.
var settingNames = map[string]string{
	recoveryStartKey:    "your recovery start date",
	promptsKey:          "the reflection prompts",
	regionKey:           "the region for crisis lines",
	ownNumbersKey:       "your own crisis numbers",
	defaultCadenceKey:   "the usual rhythm for new people",
	checkupRemindersKey: "the check-up reminders",
	safetyPlanKey:       "your safety plan",
	whoNextKey:          "how many people who-next shows",
	sinceLastUseKey:     "the days-since-last-use counter",
	hardDayCardKey:      "the people offered after a hard check-in",
	quietNoticeKey:      "the word when your network goes quiet",
	quietDaysKey:        "how many quiet days Today notices",
}

// checkSettings refuses a setting this Tether does not know, and one whose
// value the store could not read back (it would break the journal it lands
// in), each named by its key and in words.
func checkSettings(settings map[string]string) []error {
	var bad []error
	for _, k := range sortedKeys(settings) {
		v := settings[k]
		name, known := settingNames[k]
		problem := func(msg string) error {
			return fmt.Errorf("setting %s (%s): %s", printable(k), name, msg)
		}
		switch {
		case k == "":
			bad = append(bad, errors.New("a setting in the file has no name"))
		case !known:
			bad = append(bad, fmt.Errorf("setting %q: this Tether has no such setting (a newer Tether's, or not Tether's); remove it from the file and import again",
				printable(k)))
		case k == recoveryStartKey:
			if d, err := model.ParseDate(v); err != nil || d.IsZero() {
				bad = append(bad, problem("it is not a date (year-month-day)"))
			}
		case k == promptsKey:
			var prompts []string
			if err := json.Unmarshal([]byte(v), &prompts); err != nil {
				bad = append(bad, problem("it is not a list of prompts"))
			} else if _, p := checkPrompts(prompts); len(p) > 0 {
				bad = append(bad, problem(problemWords(p)))
			}
		default:
			if msg := settingValueProblem(k, v); msg != "" {
				bad = append(bad, problem(msg))
			}
		}
	}
	return bad
}

func (s *Store) runImport(ctx context.Context, p importPlan, dryRun bool) (ImportReport, error) {
	rep := ImportReport{DryRun: dryRun}
	if s.readOnly {
		return ImportReport{}, fmt.Errorf("import: %w", ErrReadOnly)
	}
	// One transaction on a connection with a bigger cache (writeBig,
	// importCache): an import writes much of the journal, and its
	// triggers and indexes read the same pages again and again.
	var refused *ImportError
	err := s.writeBig(ctx, importCache, func(tx *sql.Tx) error {
		if err := s.importTx(ctx, tx, p.filled(), &rep); err != nil {
			return err
		}
		switch {
		case p.problems.any():
			refused = p.problems.err()
			return refused
		case dryRun:
			return errDryRun // rolled back: nothing was written
		}
		return nil
	})
	switch {
	case refused != nil:
		return ImportReport{}, fmt.Errorf("import: %w", refused)
	case errors.Is(err, errDryRun):
		return rep, nil
	case err != nil:
		return ImportReport{}, fmt.Errorf("import: nothing was imported: %w", err)
	}
	return rep, nil
}

// errDryRun rolls back a dry run's import, which has written all it would.
var errDryRun = errors.New("a dry run")

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
