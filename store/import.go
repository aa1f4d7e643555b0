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
	// Skipped lists every entry of the file that was not added, in the
	// order of the file, kind by kind.
	Skipped []Skipped
}

// Skipped is one entry an import left out: an entry the journal already
// holds, or a setting a journal in use keeps.
type Skipped struct {
	Kind   string // KindContact, KindReachOut, ...
	What   string // the name, day, week, or key, as a person would name it
	Reason string // a phrase: "already in the journal (same name and phone)"
}

// SkippedOf counts the skipped entries of one kind.
func (r ImportReport) SkippedOf(kind string) int {
	n := 0
	for _, s := range r.Skipped {
		if s.Kind == kind {
			n++
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
}

func (e *ImportError) Error() string {
	msg := "nothing was imported: " + printable(e.Problems[0].Error())
	if n := len(e.Problems) - 1; n == 1 {
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

// importPlan is a checked file, ready to be written.
type importPlan struct {
	contacts    []model.Contact    // normalized; IDs are the file's own (0 for vCards)
	reachOuts   []model.ReachOut   // normalized; ContactID is the file's id
	checkIns    []model.CheckIn    // normalized
	reflections []model.Reflection // normalized
	checkups    []model.Checkup    // checked; IDs are ignored
	settings    map[string]string
	// Another copy of the journal's own (schema 9): its uid, when its
	// export was written, its plans and what it removed.
	journal    string
	exportedAt time.Time
	plans      []model.Plan
	removed    []model.Removal
	seen       map[string]time.Time
	settingsAt map[string]time.Time
	// cardsRepeat: a contact repeated in the file itself is one person
	// (a phone's address book often holds a card twice). Not so in a
	// Tether export, whose contacts are distinct records by id.
	cardsRepeat bool
}

// Import adds a Tether export (journalfile.Export, as DecodeExport reads it) to
// the journal, all or nothing, in one transaction:
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
	var bad []error
	plan.contacts, bad = checkContacts(e.Contacts)
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
	plan.reachOuts = make([]model.ReachOut, len(e.ReachOuts))
	for i, r := range e.ReachOuts {
		var p model.Problems
		plan.reachOuts[i], p = checkReachOut(r, now)
		first, known := fileIDs[r.ContactID]
		if r.ContactID > 0 && !known {
			p[model.FieldContact] = fmt.Sprintf("Its contact (id %d) is not in the file.", r.ContactID)
		}
		if len(p) > 0 {
			re := &ReachOutError{Index: i, Problems: p}
			if known {
				re.With = e.Contacts[first].Name
			}
			bad = append(bad, re)
		}
	}
	var more []error
	plan.checkIns, more = checkCheckIns(e.CheckIns, today)
	bad = append(bad, more...)
	plan.reflections, more = checkReflections(e.Reflections, today)
	bad = append(bad, more...)
	plan.checkups, more = checkCheckups(e.Checkups, today)
	bad = append(bad, more...)
	plan.settings = e.Settings
	bad = append(bad, checkSettings(e.Settings)...)
	plan.journal, plan.exportedAt, plan.removed, plan.seen = e.Journal, e.ExportedAt, e.Removed, e.Seen
	plan.settingsAt = e.SettingsChanged
	for i, p := range e.Plans {
		p = p.Normalize()
		if pr := p.Validate(model.Date{}); len(pr) > 0 {
			bad = append(bad, fmt.Errorf("plan #%d: %w", i+1, pr))
			continue
		}
		if _, known := fileIDs[p.ContactID]; !known {
			bad = append(bad, fmt.Errorf("plan #%d: its contact (id %d) is not in the file", i+1, p.ContactID))
			continue
		}
		plan.plans = append(plan.plans, p)
	}
	if len(bad) > 0 {
		return ImportReport{}, fmt.Errorf("import: %w", &ImportError{Problems: bad})
	}
	return s.runImport(ctx, plan, dryRun)
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
	return s.runImport(ctx, importPlan{contacts: norm, cardsRepeat: true}, dryRun)
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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: %w", err)
	}
	defer tx.Rollback()
	if err := s.importTx(ctx, tx, p, &rep); err != nil {
		return ImportReport{}, fmt.Errorf("import: nothing was imported: %w", saveFailed(err))
	}
	if dryRun {
		return rep, nil // the deferred Rollback undoes it all
	}
	if err := tx.Commit(); err != nil {
		return ImportReport{}, fmt.Errorf("import: nothing was imported: %w", saveFailed(err))
	}
	return rep, nil
}

// person is a contact as the duplicate rule sees it.
type person struct {
	id       int64
	digits   string // the phone's digits
	email    string // folded
	fromFile bool   // added by this import, rather than in the journal before
	taken    bool   // a contact of the file has already been matched to this one
}

func personOf(id int64, phone, email string) person {
	var b strings.Builder
	for _, r := range phone {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return person{id: id, digits: b.String(), email: model.Fold(email)}
}

// sameAs applies the duplicate rule to two people of the same folded name,
// returning why they are the same, or "".
func (a person) sameAs(b person) string {
	switch {
	case a.digits != "" && a.digits == b.digits:
		return "same name and phone"
	case a.email != "" && a.email == b.email:
		return "same name and email"
	case a.digits == "" && a.email == "" && b.digits == "" && b.email == "":
		return "same name, and neither has a phone or email"
	}
	return ""
}

// reachKey is what makes two reach-outs the same entry.
type reachKey struct {
	unix      int64
	channel   string
	direction string
}

func (s *Store) importTx(ctx context.Context, tx *sql.Tx, p importPlan, rep *ImportReport) error {
	now := s.now()
	var used bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM reach_outs)
		OR EXISTS (SELECT 1 FROM check_ins) OR EXISTS (SELECT 1 FROM reflections)
		OR EXISTS (SELECT 1 FROM checkups) OR EXISTS (SELECT 1 FROM settings WHERE key NOT IN (?, ?, ?, ?, ?))`,
		journalUIDKey, syncFolderKey, syncEncryptKey, syncWroteKey, settingsChangedKey).Scan(&used); err != nil {
		return err
	}
	m, err := loadMergeState(ctx, tx, p.journal, p.seen)
	if err != nil {
		return err
	}
	contactUIDs, reachUIDs := map[string]stamped{}, map[string]stamped{}
	contactIDs := map[int64]string{} // this journal's contact id → uid
	if m.on {
		if contactUIDs, err = uids(ctx, tx, "contacts"); err != nil {
			return err
		}
		for uid, s := range contactUIDs {
			contactIDs[s.id] = uid
		}
		if reachUIDs, err = uids(ctx, tx, "reach_outs"); err != nil {
			return err
		}
	}

	// Contacts: the people already in the journal, by folded name.
	people := map[string][]person{}
	rows, err := tx.QueryContext(ctx, `SELECT id, name_key, phone, email FROM contacts ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var key, phone, email string
		if err := rows.Scan(&id, &key, &phone, &email); err != nil {
			rows.Close()
			return err
		}
		people[key] = append(people[key], personOf(id, phone, email))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	ins, err := tx.PrepareContext(ctx, insertContactSQL)
	if err != nil {
		return err
	}
	defer ins.Close()
	tag, err := tx.PrepareContext(ctx, insertTagSQL)
	if err != nil {
		return err
	}
	defer tag.Close()
	ids := make(map[int64]int64, len(p.contacts))    // the file's id → the journal's
	names := make(map[int64]string, len(p.contacts)) // the file's id → name, for the report
	existing := map[int64]bool{}                     // journal ids that were there before
	for i, c := range p.contacts {
		key := c.SortKey()
		me := personOf(0, c.Phone, c.Email)
		if !m.on {
			c.UID = "" // a uid means something only between copies of a journal
		} else if mine, ok := contactUIDs[c.UID]; ok && c.UID != "" {
			// The same person in both copies.
			existing[mine.id] = true
			for j := range people[key] {
				if people[key][j].id == mine.id {
					people[key][j].taken = true
				}
			}
			if c.ID != 0 {
				ids[c.ID], names[c.ID] = mine.id, c.Name
			}
			updated := orNow(c.UpdatedAt, now)
			if m.weigh(KindContact, c.Name, mine.updated, updated, rep) {
				c.ID = mine.id
				if err := updateContact(ctx, tx, c, updated); err != nil {
					return fmt.Errorf("contact #%d: %w", i+1, err)
				}
				if err := replaceTags(ctx, tx, mine.id, c.Tags); err != nil {
					return fmt.Errorf("contact #%d: %w", i+1, err)
				}
				rep.Updated++
			} else {
				rep.Skipped = append(rep.Skipped, Skipped{Kind: KindContact, What: c.Name, Reason: sameHere})
			}
			continue
		}
		var match *person
		var why string
		for j := range people[key] {
			if people[key][j].taken {
				continue
			}
			if why = people[key][j].sameAs(me); why != "" {
				match = &people[key][j]
				break
			}
		}
		if match != nil {
			reason := "already in the journal (" + why + ")"
			if match.fromFile {
				reason = "in the file more than once (" + why + ")"
			} else {
				// One person of the journal stands for one of the file:
				// two namesakes in the file are two people, paired in
				// order with two in the journal, or the second is new.
				match.taken = true
				existing[match.id] = true
				if err := m.adopt(ctx, tx, match.id, c.UID, contactUIDs, contactIDs); err != nil {
					return fmt.Errorf("contact #%d: %w", i+1, err)
				}
			}
			rep.Skipped = append(rep.Skipped, Skipped{Kind: KindContact, What: c.Name, Reason: reason})
			if c.ID != 0 {
				ids[c.ID], names[c.ID] = match.id, c.Name
			}
			continue
		}
		created, updated := c.CreatedAt, c.UpdatedAt
		if created.IsZero() {
			created = now
		}
		if updated.IsZero() {
			updated = created
		}
		res, err := ins.ExecContext(ctx, insertArgs(c, created, updated)...)
		if err != nil {
			return fmt.Errorf("contact #%d: %w", i+1, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for pos, t := range c.Tags {
			if _, err := tag.ExecContext(ctx, id, t, model.Fold(t), pos); err != nil {
				return fmt.Errorf("contact #%d: tag %d: %w", i+1, pos+1, err)
			}
		}
		rep.Contacts++
		if c.ID != 0 {
			ids[c.ID], names[c.ID] = id, c.Name
		}
		if p.cardsRepeat {
			me.id, me.fromFile = id, true
			people[key] = append(people[key], me)
		}
	}

	// Reach-outs, each to its contact's id in this journal. Only people
	// who were already in the journal can already have these entries.
	if len(p.reachOuts) > 0 {
		insR, err := tx.PrepareContext(ctx, insertReachOutSQL)
		if err != nil {
			return err
		}
		defer insR.Close()
		had, err := tx.PrepareContext(ctx, `SELECT at_unix, channel, direction FROM reach_outs WHERE contact_id = ?`)
		if err != nil {
			return err
		}
		defer had.Close()
		known := map[int64]map[reachKey]bool{}
		for i, r := range p.reachOuts {
			r.ContactID = ids[r.ContactID]
			updated := orNow(r.UpdatedAt, now)
			what := fmt.Sprintf("%s, %s (%s)", names[p.reachOuts[i].ContactID], r.At.Format("2006-01-02 15:04"), r.Channel)
			if !m.on {
				r.UID, updated = "", now
			} else if mine, ok := reachUIDs[r.UID]; ok && r.UID != "" {
				if m.weigh(KindReachOut, what, mine.updated, updated, rep) {
					r.ID = mine.id
					if _, err := saveReachOut(ctx, tx, r, updated); err != nil {
						return fmt.Errorf("reach-out #%d: %w", i+1, err)
					}
					rep.Updated++
				} else {
					rep.Skipped = append(rep.Skipped, Skipped{Kind: KindReachOut, What: what, Reason: sameHere})
				}
				continue
			} else if m.removedSince(removedReachOut, r.UID, updated) {
				rep.Skipped = append(rep.Skipped, Skipped{Kind: KindReachOut, What: what, Reason: "removed in this journal since"})
				continue
			}
			if existing[r.ContactID] {
				seen, ok := known[r.ContactID]
				if !ok {
					if seen, err = reachKeys(ctx, had, r.ContactID); err != nil {
						return err
					}
					known[r.ContactID] = seen
				}
				if seen[reachKey{r.At.Unix(), string(r.Channel), string(r.Direction)}] {
					rep.Skipped = append(rep.Skipped, Skipped{
						Kind:   KindReachOut,
						What:   fmt.Sprintf("%s, %s (%s)", names[p.reachOuts[i].ContactID], r.At.Format("2006-01-02 15:04"), r.Channel),
						Reason: "already in the journal",
					})
					continue
				}
			}
			if _, err := insR.ExecContext(ctx, reachOutArgs(r, updated, updated)...); err != nil {
				return fmt.Errorf("reach-out #%d: %w", i+1, err)
			}
			rep.ReachOuts++
		}
	}

	if len(p.checkIns) > 0 {
		insC, err := tx.PrepareContext(ctx, insertCheckInSQL+` ON CONFLICT (day) DO NOTHING`)
		if err != nil {
			return err
		}
		defer insC.Close()
		days := map[string]time.Time{}
		if m.on {
			if days, err = stampsBy(ctx, tx, `SELECT day, updated_at FROM check_ins`); err != nil {
				return err
			}
		}
		for i, c := range p.checkIns {
			at := c.UpdatedAt
			if at.IsZero() {
				at = now
			}
			if mine, ok := days[c.Day.String()]; ok {
				// The same day in both copies: the newer answers.
				if m.weigh(KindCheckIn, c.Day.String(), mine, at, rep) {
					if _, err := tx.ExecContext(ctx, `DELETE FROM check_ins WHERE day = ?`, c.Day.String()); err != nil {
						return err
					}
					if _, err := insC.ExecContext(ctx, checkInArgs(c, at, at)...); err != nil {
						return fmt.Errorf("check-in #%d (%s): %w", i+1, c.Day, err)
					}
					rep.Updated++
				} else {
					rep.Skipped = append(rep.Skipped, Skipped{Kind: KindCheckIn, What: c.Day.String(), Reason: sameHere})
				}
				continue
			}
			if m.on && m.removedSince(removedCheckIn, c.Day.String(), at) {
				rep.Skipped = append(rep.Skipped, Skipped{Kind: KindCheckIn, What: c.Day.String(), Reason: "removed in this journal since"})
				continue
			}
			res, err := insC.ExecContext(ctx, checkInArgs(c, at, at)...)
			if err != nil {
				return fmt.Errorf("check-in #%d (%s): %w", i+1, c.Day, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				rep.Skipped = append(rep.Skipped, Skipped{Kind: KindCheckIn, What: c.Day.String(),
					Reason: "for days already checked in"})
				continue
			}
			rep.CheckIns++
		}
	}

	if len(p.reflections) > 0 {
		insF, err := tx.PrepareContext(ctx, insertReflectionSQL+` ON CONFLICT (week) DO NOTHING`)
		if err != nil {
			return err
		}
		defer insF.Close()
		ans, err := tx.PrepareContext(ctx, insertAnswerSQL)
		if err != nil {
			return err
		}
		defer ans.Close()
		weeks := map[string]time.Time{}
		if m.on {
			if weeks, err = stampsBy(ctx, tx, `SELECT week, updated_at FROM reflections`); err != nil {
				return err
			}
		}
		for i, r := range p.reflections {
			at := r.UpdatedAt
			if at.IsZero() {
				at = now
			}
			if mine, ok := weeks[r.Week.String()]; ok {
				if !m.weigh(KindReflection, r.Week.String(), mine, at, rep) {
					rep.Skipped = append(rep.Skipped, Skipped{Kind: KindReflection, What: r.Week.String(), Reason: sameHere})
					continue
				}
				// The file's week, whole: its answers replace these.
				for _, q := range []string{`DELETE FROM reflection_answers WHERE week = ?`, `DELETE FROM reflections WHERE week = ?`} {
					if _, err := tx.ExecContext(ctx, q, r.Week.String()); err != nil {
						return err
					}
				}
			}
			_, replacing := weeks[r.Week.String()]
			res, err := insF.ExecContext(ctx, reflectionArgs(r, at, at)...)
			if err != nil {
				return fmt.Errorf("reflection #%d (%s): %w", i+1, r.Week, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				rep.Skipped = append(rep.Skipped, Skipped{Kind: KindReflection, What: r.Week.String(),
					Reason: "for weeks already reflected on"})
				continue
			}
			for pos, a := range r.Answers {
				if _, err := ans.ExecContext(ctx, r.Week.String(), pos, a.Prompt, a.Text); err != nil {
					return fmt.Errorf("reflection #%d (%s): answer %d: %w", i+1, r.Week, pos+1, err)
				}
			}
			if replacing {
				rep.Updated++
				continue
			}
			rep.Reflections++
		}
	}

	if len(p.checkups) > 0 {
		insU, err := tx.PrepareContext(ctx, insertCheckupSQL+` ON CONFLICT (instrument, day) DO NOTHING`)
		if err != nil {
			return err
		}
		defer insU.Close()
		taken := map[string]time.Time{}
		if m.on {
			// A check-up is its instrument's answers for a day; taken again
			// the same day, it is changed (CreatedAt is when).
			if taken, err = stampsBy(ctx, tx, `SELECT instrument || ' ' || day, created_at FROM checkups`); err != nil {
				return err
			}
		}
		for i, c := range p.checkups {
			at := c.CreatedAt
			if at.IsZero() {
				at = now
			}
			if mine, ok := taken[string(c.Instrument)+" "+c.Day.String()]; ok {
				if m.weigh(KindCheckup, string(c.Instrument)+" on "+c.Day.String(), mine, at, rep) {
					if _, err := tx.ExecContext(ctx, `UPDATE checkups SET answers = ?, created_at = ? WHERE instrument = ? AND day = ?`,
						answersText(c.Answers), stamp(at), string(c.Instrument), c.Day.String()); err != nil {
						return fmt.Errorf("check-up #%d (%s, %s): %w", i+1, c.Instrument, c.Day, err)
					}
					rep.Updated++
					continue
				}
			}
			res, err := insU.ExecContext(ctx, checkupArgs(c, at)...)
			if err != nil {
				return fmt.Errorf("check-up #%d (%s, %s): %w", i+1, c.Instrument, c.Day, err)
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				name := string(c.Instrument)
				if info, ok := c.Instrument.Info(); ok {
					name = info.Name
				}
				rep.Skipped = append(rep.Skipped, Skipped{Kind: KindCheckup, What: name + " on " + c.Day.String(),
					Reason: "already in the journal (the same questionnaire on the same day)"})
				continue
			}
			rep.Checkups++
		}
	}

	if m.on {
		if err := mergePlans(ctx, tx, m, p.plans, ids, now, rep); err != nil {
			return err
		}
		if err := applyRemovals(ctx, tx, m, p.removed, rep); err != nil {
			return err
		}
		if err := seen(ctx, tx, p.journal, p.exportedAt); err != nil {
			return err
		}
	}

	if m.on && used {
		// Another copy of the journal: its settings merge one by one.
		return s.mergeSettings(ctx, tx, m, p.settings, p.settingsAt, now, rep)
	}
	keys := sortedKeys(p.settings)
	for _, k := range keys {
		if used {
			rep.Skipped = append(rep.Skipped, Skipped{Kind: KindSetting, What: k,
				Reason: "not taken, as only a new, empty journal takes a file's settings"})
			continue
		}
		if err := s.setSetting(ctx, tx, k, p.settings[k], orNow(p.settingsAt[k], now)); err != nil {
			return fmt.Errorf("setting %q: %w", k, err)
		}
		rep.Settings++
	}
	return nil
}

// reachKeys is the set of one contact's reach-outs, one index range.
func reachKeys(ctx context.Context, stmt *sql.Stmt, contactID int64) (map[reachKey]bool, error) {
	rows, err := stmt.QueryContext(ctx, contactID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[reachKey]bool{}
	for rows.Next() {
		var k reachKey
		if err := rows.Scan(&k.unix, &k.channel, &k.direction); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
