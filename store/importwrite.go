package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/tether-recovery/tether/model"
)

// records hands on a file's records of one kind, in the file's order, each
// with its index in its list (from 0): from a slice (an Export in memory)
// or a page at a time from a staged file (see Staged).
type records[T any] func(yield func(i int, r T) error) error

// slice is the records of a list in memory.
func slice[T any](list []T) records[T] {
	return func(yield func(int, T) error) error {
		for i, r := range list {
			if err := yield(i, r); err != nil {
				return err
			}
		}
		return nil
	}
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

// maxListedSkips is how many entries skipped alike (one kind, one reason)
// a report lists; the rest it counts (ImportReport.Unlisted), so that the
// report of merging a journal of millions of records stays small. People
// are all listed: the report tells by them whom a file added.
const maxListedSkips = 1000

// importRun is one import being written: its report, and how many entries
// it skipped alike so far.
type importRun struct {
	rep     *ImportReport
	skipped map[[2]string]int
	order   [][2]string // kinds and reasons in the order first skipped
}

// skip adds an entry left out to the report.
func (r *importRun) skip(kind, what, reason string) {
	if r.skipped == nil {
		r.skipped = map[[2]string]int{}
	}
	k := [2]string{kind, reason}
	if r.skipped[k] == 0 {
		r.order = append(r.order, k)
	}
	r.skipped[k]++
	if r.skipped[k] <= maxListedSkips || kind == KindContact {
		r.rep.Skipped = append(r.rep.Skipped, Skipped{Kind: kind, What: what, Reason: reason})
	}
}

// finish counts in the report what it does not list.
func (r *importRun) finish() {
	for _, k := range r.order {
		if n := r.skipped[k] - maxListedSkips; n > 0 && k[0] != KindContact {
			r.rep.Unlisted = append(r.rep.Unlisted, SkipCount{Kind: k[0], Reason: k[1], N: n})
		}
	}
}

// lookup is one prepared question about the journal, asked once a record
// of the file: what the journal holds under a key (a uid, a day), by the
// unique index on it, so that no map of every row is needed.
type lookup struct{ stmt *sql.Stmt }

func prepare(ctx context.Context, tx *sql.Tx, query string) (lookup, error) {
	stmt, err := tx.PrepareContext(ctx, query)
	return lookup{stmt}, err
}

// stamp is the time (updated_at or created_at) of the row the key names,
// and whether there is one.
func (l lookup) stamp(ctx context.Context, key ...any) (time.Time, bool, error) {
	var at string
	err := l.stmt.QueryRowContext(ctx, key...).Scan(&at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return time.Time{}, false, nil
	case err != nil:
		return time.Time{}, false, err
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("%v: updated_at: %w", key, err)
	}
	return t, true, nil
}

// stamped is the id and time of the row the key names.
func (l lookup) stamped(ctx context.Context, key ...any) (stamped, bool, error) {
	var s stamped
	var at string
	err := l.stmt.QueryRowContext(ctx, key...).Scan(&s.id, &at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return s, false, nil
	case err != nil:
		return s, false, err
	}
	if s.updated, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return s, false, fmt.Errorf("%v: updated_at: %w", key, err)
	}
	return s, true, nil
}

func (l lookup) Close() error { return l.stmt.Close() }

// importTx writes a file's records into the journal, kind by kind in the
// order of the file (see Import for the rules). Once p.failed reports a
// problem with the file (found as a staged file is read), it writes no
// more but still reads every record to the end, for the rest of the
// problems to be found; the caller then rolls back.
func (s *Store) importTx(ctx context.Context, tx *sql.Tx, p importPlan, rep *ImportReport) error {
	run := &importRun{rep: rep}
	defer run.finish()
	failed := p.problems.any
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
	contactUIDs := map[string]stamped{}
	contactIDs := map[int64]string{} // this journal's contact id → uid
	if m.on {
		if contactUIDs, err = uids(ctx, tx, "contacts"); err != nil {
			return err
		}
		for uid, s := range contactUIDs {
			contactIDs[s.id] = uid
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
	existing := map[int64]bool{} // journal ids that were there before
	err = p.contacts(func(i int, c model.Contact) error {
		if failed() {
			return nil
		}
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
			if err := p.ids.set(c.ID, mine.id); err != nil {
				return err
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
				run.skip(KindContact, c.Name, sameHere)
			}
			return nil
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
			run.skip(KindContact, c.Name, reason)
			if err := p.ids.set(c.ID, match.id); err != nil {
				return err
			}
			return nil
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
		if err := p.ids.set(c.ID, id); err != nil {
			return err
		}
		if p.cardsRepeat {
			me.id, me.fromFile = id, true
			people[key] = append(people[key], me)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.importReachOuts(ctx, tx, p, m, existing, now, run, failed); err != nil {
		return err
	}
	if err := s.importDays(ctx, tx, p, m, now, run, failed); err != nil {
		return err
	}

	if m.on {
		if err := mergePlans(ctx, tx, m, p.plans, p.ids, now, run, failed); err != nil {
			return err
		}
	} else if err := p.plans(func(int, model.Plan) error { return nil }); err != nil {
		return err // read to the end all the same: checking a staged file's plans
	}
	if failed() {
		return nil
	}
	if m.on {
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
			run.skip(KindSetting, k, "not taken, as only a new, empty journal takes a file's settings")
			continue
		}
		if err := s.setSetting(ctx, tx, k, p.settings[k], orNow(p.settingsAt[k], now)); err != nil {
			return fmt.Errorf("setting %q: %w", k, err)
		}
		rep.Settings++
	}
	return nil
}

// importReachOuts writes the file's reach-outs, each to its contact's id
// in this journal (ids). Only people who were already in the journal can
// already have these entries: the journal's own, as they were before this
// import (no higher id), are looked up through the index on contact and
// time.
func (s *Store) importReachOuts(ctx context.Context, tx *sql.Tx, p importPlan, m mergeState,
	existing map[int64]bool, now time.Time, run *importRun, failed func() bool) error {
	rep := run.rep
	insR, err := tx.PrepareContext(ctx, insertReachOutSQL)
	if err != nil {
		return err
	}
	defer insR.Close()
	var before int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM reach_outs`).Scan(&before); err != nil {
		return err
	}
	had, err := tx.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM reach_outs
		WHERE contact_id = ? AND at_unix = ? AND channel = ? AND direction = ? AND id <= ?)`)
	if err != nil {
		return err
	}
	defer had.Close()
	byUID, err := prepare(ctx, tx, `SELECT id, updated_at FROM reach_outs WHERE uid = ?`)
	if err != nil {
		return err
	}
	defer byUID.Close()
	return p.reachOuts(func(i int, r model.ReachOut) error {
		if failed() {
			return nil
		}
		with := r.ContactName // the file's name for them
		var err error
		if r.ContactID, err = p.ids.get(r.ContactID); err != nil {
			return err
		}
		updated := orNow(r.UpdatedAt, now)
		what := fmt.Sprintf("%s, %s (%s)", with, r.At.Format("2006-01-02 15:04"), r.Channel)
		if !m.on {
			r.UID, updated = "", now
		} else if r.UID != "" {
			mine, ok, err := byUID.stamped(ctx, r.UID)
			switch {
			case err != nil:
				return err
			case ok && m.weigh(KindReachOut, what, mine.updated, updated, rep):
				r.ID = mine.id
				if _, err := saveReachOut(ctx, tx, r, updated); err != nil {
					return fmt.Errorf("reach-out #%d: %w", i+1, err)
				}
				rep.Updated++
				return nil
			case ok:
				run.skip(KindReachOut, what, sameHere)
				return nil
			case m.removedSince(removedReachOut, r.UID, updated):
				run.skip(KindReachOut, what, "removed in this journal since")
				return nil
			}
		}
		if existing[r.ContactID] {
			var dup bool
			if err := had.QueryRowContext(ctx, r.ContactID, r.At.Unix(), string(r.Channel), string(r.Direction), before).Scan(&dup); err != nil {
				return err
			}
			if dup {
				run.skip(KindReachOut, what, "already in the journal")
				return nil
			}
		}
		if _, err := insR.ExecContext(ctx, reachOutArgs(r, updated, updated)...); err != nil {
			return fmt.Errorf("reach-out #%d: %w", i+1, err)
		}
		rep.ReachOuts++
		return nil
	})
}

// importDays writes the file's check-ins, reflections and check-ups: each
// names its day (or week, or instrument and day), which the journal holds
// once; merging, the newer of the two wins.
func (s *Store) importDays(ctx context.Context, tx *sql.Tx, p importPlan, m mergeState, now time.Time, run *importRun, failed func() bool) error {
	rep := run.rep
	insC, err := tx.PrepareContext(ctx, insertCheckInSQL+` ON CONFLICT (day) DO NOTHING`)
	if err != nil {
		return err
	}
	defer insC.Close()
	day, err := prepare(ctx, tx, `SELECT updated_at FROM check_ins WHERE day = ?`)
	if err != nil {
		return err
	}
	defer day.Close()
	err = p.checkIns(func(i int, c model.CheckIn) error {
		if failed() {
			return nil
		}
		at := orNow(c.UpdatedAt, now)
		if m.on {
			mine, ok, err := day.stamp(ctx, c.Day.String())
			switch {
			case err != nil:
				return err
			case ok && m.weigh(KindCheckIn, c.Day.String(), mine, at, rep):
				// The same day in both copies: the newer answers.
				if _, err := tx.ExecContext(ctx, `DELETE FROM check_ins WHERE day = ?`, c.Day.String()); err != nil {
					return err
				}
				if _, err := insC.ExecContext(ctx, checkInArgs(c, at, at)...); err != nil {
					return fmt.Errorf("check-in #%d (%s): %w", i+1, c.Day, err)
				}
				rep.Updated++
				return nil
			case ok:
				run.skip(KindCheckIn, c.Day.String(), sameHere)
				return nil
			case m.removedSince(removedCheckIn, c.Day.String(), at):
				run.skip(KindCheckIn, c.Day.String(), "removed in this journal since")
				return nil
			}
		}
		res, err := insC.ExecContext(ctx, checkInArgs(c, at, at)...)
		if err != nil {
			return fmt.Errorf("check-in #%d (%s): %w", i+1, c.Day, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			run.skip(KindCheckIn, c.Day.String(), "for days already checked in")
			return nil
		}
		rep.CheckIns++
		return nil
	})
	if err != nil {
		return err
	}

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
	week, err := prepare(ctx, tx, `SELECT updated_at FROM reflections WHERE week = ?`)
	if err != nil {
		return err
	}
	defer week.Close()
	err = p.reflections(func(i int, r model.Reflection) error {
		if failed() {
			return nil
		}
		at := orNow(r.UpdatedAt, now)
		var replacing bool
		if m.on {
			mine, ok, err := week.stamp(ctx, r.Week.String())
			switch {
			case err != nil:
				return err
			case ok && !m.weigh(KindReflection, r.Week.String(), mine, at, rep):
				run.skip(KindReflection, r.Week.String(), sameHere)
				return nil
			case ok:
				// The file's week, whole: its answers replace these.
				for _, q := range []string{`DELETE FROM reflection_answers WHERE week = ?`, `DELETE FROM reflections WHERE week = ?`} {
					if _, err := tx.ExecContext(ctx, q, r.Week.String()); err != nil {
						return err
					}
				}
				replacing = true
			}
		}
		res, err := insF.ExecContext(ctx, reflectionArgs(r, at, at)...)
		if err != nil {
			return fmt.Errorf("reflection #%d (%s): %w", i+1, r.Week, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			run.skip(KindReflection, r.Week.String(), "for weeks already reflected on")
			return nil
		}
		for pos, a := range r.Answers {
			if _, err := ans.ExecContext(ctx, r.Week.String(), pos, a.Prompt, a.Text); err != nil {
				return fmt.Errorf("reflection #%d (%s): answer %d: %w", i+1, r.Week, pos+1, err)
			}
		}
		if replacing {
			rep.Updated++
			return nil
		}
		rep.Reflections++
		return nil
	})
	if err != nil {
		return err
	}

	insU, err := tx.PrepareContext(ctx, insertCheckupSQL+` ON CONFLICT (instrument, day) DO NOTHING`)
	if err != nil {
		return err
	}
	defer insU.Close()
	// A check-up is its instrument's answers for a day; taken again the
	// same day, it is changed (CreatedAt is when).
	taken, err := prepare(ctx, tx, `SELECT created_at FROM checkups WHERE instrument = ? AND day = ?`)
	if err != nil {
		return err
	}
	defer taken.Close()
	return p.checkups(func(i int, c model.Checkup) error {
		if failed() {
			return nil
		}
		at := orNow(c.CreatedAt, now)
		if m.on {
			mine, ok, err := taken.stamp(ctx, string(c.Instrument), c.Day.String())
			if err != nil {
				return err
			}
			if ok && m.weigh(KindCheckup, string(c.Instrument)+" on "+c.Day.String(), mine, at, rep) {
				if _, err := tx.ExecContext(ctx, `UPDATE checkups SET answers = ?, created_at = ? WHERE instrument = ? AND day = ?`,
					answersText(c.Answers), stamp(at), string(c.Instrument), c.Day.String()); err != nil {
					return fmt.Errorf("check-up #%d (%s, %s): %w", i+1, c.Instrument, c.Day, err)
				}
				rep.Updated++
				return nil
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
			run.skip(KindCheckup, name+" on "+c.Day.String(), "already in the journal (the same questionnaire on the same day)")
			return nil
		}
		rep.Checkups++
		return nil
	})
}
