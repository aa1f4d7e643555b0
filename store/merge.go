package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Merging another copy of the journal (an export that carries uids, see
// schema 9): each record is the same record in both copies by its uid
// (a contact, reach-out or plan) or its natural name (a check-in's day, a
// reflection's week). For each, the newer edit wins; a removal wins over
// an edit made before it and loses to one made after; nothing is added
// twice. Both copies keep the winner's updated_at, so merging both ways
// leaves them the same. A conflict is a record both copies changed since
// this journal last merged one from that copy: the newer is kept, and the
// report says so.

// sameHere is why a merge leaves a record of the file: this journal has
// it, as the file has it or changed since.
const sameHere = "already in the journal, the same or newer"

// Conflict is a record both copies changed since they last met.
type Conflict struct {
	Kind string // KindContact, KindReachOut, ...
	What string // as a person would name it
	Kept string // "the file's", "this journal's", "removed", "kept"
}

// stamped is a record of this journal as a merge weighs it.
type stamped struct {
	id      int64
	updated time.Time
}

// mergeState is what a merge knows of this journal before it starts.
type mergeState struct {
	on       bool      // the file is another copy of a journal (it has a journal uid)
	lastSeen time.Time // when that copy's last merged export was written; zero if never
	// theySawMe is when this journal's export that the other copy last
	// merged was written (its "seen"): this journal's changes since are
	// news to it.
	theySawMe time.Time
	removed   map[[2]string]time.Time
}

// readSeen is when each other copy's export last merged here was written
// (an export's "seen").
func readSeen(ctx context.Context, tx *sql.Tx) (map[string]time.Time, error) {
	rows, err := tx.QueryContext(ctx, `SELECT key, value FROM settings WHERE key LIKE 'merged\_from:%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out map[string]time.Time
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return nil, err
		}
		at, err := time.Parse(time.RFC3339Nano, value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		if out == nil {
			out = map[string]time.Time{}
		}
		out[strings.TrimPrefix(key, "merged_from:")] = at
	}
	return out, rows.Err()
}

// peerKey is the setting that holds when the export of the journal uid
// last merged here was written (never exported: see readSettings).
func peerKey(journal string) string { return "merged_from:" + journal }

func loadMergeState(ctx context.Context, tx *sql.Tx, journal string, seenThere map[string]time.Time) (mergeState, error) {
	m := mergeState{on: journal != "", removed: map[[2]string]time.Time{}}
	if !m.on {
		return m, nil
	}
	var me string
	if err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, journalUIDKey).Scan(&me); err != nil {
		return m, fmt.Errorf("the journal's uid: %w", err)
	}
	m.theySawMe = seenThere[me]
	var last string
	err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, peerKey(journal)).Scan(&last)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return m, err
	default:
		if m.lastSeen, err = time.Parse(time.RFC3339Nano, last); err != nil {
			return m, fmt.Errorf("when the journal last merged from this one: %w", err)
		}
	}
	rs, err := queryRemovals(ctx, tx)
	if err != nil {
		return m, err
	}
	for _, r := range rs {
		m.removed[[2]string{r.Kind, r.Ref}] = r.At
	}
	return m, nil
}

// removedSince reports a record this journal removed no earlier than the
// file's version of it was changed: the removal wins.
func (m mergeState) removedSince(kind, ref string, updated time.Time) bool {
	at, ok := m.removed[[2]string{kind, ref}]
	return ok && !at.Before(updated)
}

// weigh decides between this journal's version of a record (mine) and the
// file's (theirs): whether to take the file's, and the conflict, if both
// changed since the copies last met.
func (m mergeState) weigh(kind, what string, mine, theirs time.Time, rep *ImportReport) (take bool) {
	take = theirs.After(mine)
	if !mine.Equal(theirs) && mine.After(m.theySawMe) && theirs.After(m.lastSeen) {
		kept := "this journal's (changed later)"
		if take {
			kept = "the file's (changed later)"
		}
		rep.Conflicts = append(rep.Conflicts, Conflict{Kind: kind, What: what, Kept: kept})
	}
	return take
}

// uids maps the uids of a table's rows to their id and updated_at.
func uids(ctx context.Context, tx *sql.Tx, table string) (map[string]stamped, error) {
	rows, err := tx.QueryContext(ctx, `SELECT uid, id, updated_at FROM `+table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]stamped{}
	for rows.Next() {
		var uid, updated string
		var s stamped
		if err := rows.Scan(&uid, &s.id, &updated); err != nil {
			return nil, err
		}
		if s.updated, err = time.Parse(time.RFC3339Nano, updated); err != nil {
			return nil, fmt.Errorf("%s %d: updated_at: %w", table, s.id, err)
		}
		out[uid] = s
	}
	return out, rows.Err()
}

// mergePlans adds, updates or leaves each plan of the file, by uid. Once
// failed reports a problem with the file, it reads the plans on (a staged
// file's are checked as they are read) but writes none.
func mergePlans(ctx context.Context, tx *sql.Tx, m mergeState, plans records[model.Plan], ids fileIDs, now time.Time,
	run *importRun, failed func() bool) error {
	rep := run.rep
	have, err := uids(ctx, tx, "planned_reach_outs")
	if err != nil {
		return err
	}
	return plans(func(i int, p model.Plan) error {
		if failed() {
			return nil
		}
		what := fmt.Sprintf("%s with %s on %s", p.Channel.Label(), p.ContactName, p.Day)
		var err error
		if p.ContactID, err = ids.get(p.ContactID); err != nil {
			return err
		}
		updated := orNow(p.UpdatedAt, now)
		if mine, ok := have[p.UID]; ok {
			if !m.weigh(KindPlan, what, mine.updated, updated, rep) {
				return nil
			}
			if _, err := tx.ExecContext(ctx, `UPDATE planned_reach_outs SET contact_id = ?, day = ?, at_time = ?,
				channel = ?, note = ?, updated_at = ? WHERE id = ?`,
				p.ContactID, p.Day.String(), p.Time, string(p.Channel), p.Note, stamp(updated), mine.id); err != nil {
				return fmt.Errorf("plan #%d: %w", i+1, err)
			}
			rep.Updated++
			return nil
		}
		if m.removedSince(removedPlan, p.UID, updated) {
			run.skip(KindPlan, what, "removed in this journal since")
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO planned_reach_outs
			(contact_id, day, at_time, channel, note, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, `+newUID+`)`,
			p.ContactID, p.Day.String(), p.Time, string(p.Channel), p.Note, stamp(orNow(p.CreatedAt, updated)), stamp(updated), p.UID); err != nil {
			return fmt.Errorf("plan #%d: %w", i+1, err)
		}
		rep.Plans++
		return nil
	})
}

// applyRemovals carries the file's removals over: a record this journal
// has not changed since its removal there goes here too, and the marker
// is kept either way, so the removal travels on to a third copy.
func applyRemovals(ctx context.Context, tx *sql.Tx, m mergeState, removed records[model.Removal], rep *ImportReport) error {
	return removed(func(_ int, r model.Removal) error {
		var table, key string
		switch r.Kind {
		case removedReachOut:
			table, key = "reach_outs", "uid"
		case removedPlan:
			table, key = "planned_reach_outs", "uid"
		case removedCheckIn:
			table, key = "check_ins", "day"
		case removedSetting:
			if localSetting(r.Ref) {
				return nil
			}
			table, key = "settings", "key"
		default:
			return nil
		}
		var updated string
		err := tx.QueryRowContext(ctx, `SELECT updated_at FROM `+table+` WHERE `+key+` = ?`, r.Ref).Scan(&updated)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return err
		default:
			var mine time.Time // a setting kept since before schema 9 has no time: the oldest
			if updated != "" {
				if mine, err = time.Parse(time.RFC3339Nano, updated); err != nil {
					return fmt.Errorf("%s %s: updated_at: %w", table, r.Ref, err)
				}
			}
			what := removalWhat(r)
			if mine.After(r.At) {
				if mine.After(m.theySawMe) {
					rep.Conflicts = append(rep.Conflicts, Conflict{Kind: removalKind(r.Kind), What: what,
						Kept: "this journal's (changed after it was removed there)"})
				}
				return nil
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+key+` = ?`, r.Ref); err != nil {
				return err
			}
			rep.Removed++
		}
		if prev, ok := m.removed[[2]string{r.Kind, r.Ref}]; ok && !prev.Before(r.At) {
			return nil
		}
		return markRemoved(ctx, tx, r.Kind, r.Ref, r.At)
	})
}

// seen records that the export of journal, written at exportedAt, was
// merged: later conflicts are changes made on both sides since.
func seen(ctx context.Context, tx *sql.Tx, journal string, exportedAt time.Time) error {
	if journal == "" || exportedAt.IsZero() {
		return nil
	}
	_, err := tx.ExecContext(ctx, upsertSettingSQL, peerKey(journal), stamp(exportedAt))
	return err
}

func removalKind(kind string) string {
	switch kind {
	case removedPlan:
		return KindPlan
	case removedCheckIn:
		return KindCheckIn
	}
	return KindReachOut
}

func removalWhat(r model.Removal) string {
	if r.Kind == removedCheckIn {
		return r.Ref
	}
	return "one removed in the other journal"
}

// orNow is t, or now when t is unset (a file written by hand).
func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t
}

// adopt settles which uid a person found by name in both copies keeps
// (two journals begun apart, then merged): the lower of the two, which
// the other copy also picks when it merges this one, so from then on
// both find the person by uid. byID maps this journal's contact ids to
// their uids; both maps follow the change.
func (m mergeState) adopt(ctx context.Context, tx *sql.Tx, id int64, theirs string, have map[string]stamped, byID map[int64]string) error {
	if !m.on || theirs == "" {
		return nil
	}
	if _, taken := have[theirs]; taken {
		return nil
	}
	mine := byID[id]
	if mine != "" && mine < theirs {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE contacts SET uid = ? WHERE id = ?`, theirs, id); err != nil {
		return err
	}
	have[theirs] = have[mine]
	delete(have, mine)
	byID[id] = theirs
	return nil
}

// localSetting is a setting of this copy alone, never exported or merged:
// its own bookkeeping, or a choice that belongs to this computer (where its
// sync folder is).
func localSetting(key string) bool {
	switch key {
	case settingsChangedKey, quietDismissedKey, journalUIDKey, syncFolderKey, syncEncryptKey, syncWroteKey:
		return true
	}
	return strings.HasPrefix(key, "merged_from:")
}

// mergeSettings takes each setting of the file that is new here, or newer
// than this copy's (by the time each last changed), unless this copy
// removed it since.
func (s *Store) mergeSettings(ctx context.Context, tx *sql.Tx, m mergeState, settings map[string]string, at map[string]time.Time, now time.Time, rep *ImportReport) error {
	type setting struct {
		value string
		at    time.Time
	}
	rows, err := tx.QueryContext(ctx, `SELECT key, value, updated_at FROM settings`)
	if err != nil {
		return err
	}
	local := map[string]setting{}
	for rows.Next() {
		var key, value, updated string
		if err := rows.Scan(&key, &value, &updated); err != nil {
			rows.Close()
			return err
		}
		var t time.Time
		if updated != "" {
			if t, err = time.Parse(time.RFC3339Nano, updated); err != nil {
				rows.Close()
				return fmt.Errorf("setting %s: updated_at: %w", key, err)
			}
		}
		local[key] = setting{value, t}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	changed := false
	for _, k := range sortedKeys(settings) {
		if localSetting(k) {
			continue
		}
		theirs := setting{settings[k], at[k]}
		mine, ok := local[k]
		switch {
		case ok && mine.value == theirs.value:
			continue
		case ok:
			if !m.weigh(KindSetting, k, mine.at, theirs.at, rep) {
				continue
			}
			rep.Updated++
		case m.removedSince(removedSetting, k, theirs.at):
			continue
		default:
			rep.Settings++
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			k, theirs.value, stamp(orNow(theirs.at, now))); err != nil {
			return fmt.Errorf("setting %q: %w", k, err)
		}
		changed = true
	}
	if changed {
		// An open Settings screen must see that they changed.
		return settingsChanged(ctx, tx, now)
	}
	return nil
}
