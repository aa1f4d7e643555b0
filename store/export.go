package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// Export reads the journal as plain data, for `tether export` and for
// moving a journal to another machine: every contact (archived too, with
// tags, without the derived facts), every setting, and the reach-outs,
// check-ins, check-ups and reflections of the local days from to to,
// inclusive; a reflection belongs to the period when its ISO week overlaps
// it. A zero from starts at the first entry and a zero to runs to the last,
// so two zero dates export everything. It is one read transaction: a
// consistent snapshot even while another window writes. ExportedAt is the
// store's clock. A journal of a schema before check-ups (as OpenReadOnly
// reads one, unmigrated) exports none.
//
// The order is fixed (contacts by id, reach-outs by day and time, check-ins
// by day, reflections by week, check-ups by day and then instrument code:
// BARC-10 before MSPSS, as model.Instruments lists them), so exporting the
// same journal twice gives the same file, and an import followed by an
// export gives it back.
func (s *Store) Export(ctx context.Context, from, to model.Date) (journalfile.Export, error) {
	e := journalfile.Export{
		Format:     journalfile.ExportFormat,
		Version:    journalfile.ExportVersion,
		ExportedAt: s.now(),
		From:       from,
		To:         to,
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return journalfile.Export{}, fmt.Errorf("export: the period ends (%s) before it starts (%s)", to, from)
	}
	lo, hi := dayRange(from, to)
	wlo, whi := weekRange(from, to)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if e.Settings, err = readSettings(ctx, tx); err != nil {
			return fmt.Errorf("settings: %w", err)
		}
		if e.Contacts, err = queryContacts(ctx, tx, false,
			s.forSchema(`SELECT `+contactColumns+` FROM contacts ORDER BY id`), nil,
			`SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, position`); err != nil {
			return fmt.Errorf("contacts: %w", err)
		}
		if e.ReachOuts, err = queryReachOuts(ctx, tx, s.forSchema(reachOutsBetweenSQL), lo, hi); err != nil {
			return fmt.Errorf("reach-outs: %w", err)
		}
		if e.CheckIns, err = queryCheckIns(ctx, tx,
			`SELECT `+checkInColumns+` FROM check_ins WHERE day BETWEEN ? AND ? ORDER BY day`, lo, hi); err != nil {
			return fmt.Errorf("check-ins: %w", err)
		}
		if e.Reflections, err = queryReflections(ctx, tx, wlo, whi, false, -1); err != nil {
			return fmt.Errorf("reflections: %w", err)
		}
		// A journal of a schema before check-ups (read as it is, as
		// OpenReadOnly does) has none to export.
		var hasCheckups bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema
			WHERE type = 'table' AND name = 'checkups')`).Scan(&hasCheckups); err != nil {
			return fmt.Errorf("check-ups: %w", err)
		}
		if s.schema == 0 || s.schema >= 9 {
			if e.Journal, e.Plans, e.Removed, e.Seen, err = readIdentities(ctx, tx); err != nil {
				return err
			}
			if e.SettingsChanged, err = settingStamps(ctx, tx, e.Settings); err != nil {
				return fmt.Errorf("settings: %w", err)
			}
		}
		if !hasCheckups {
			return nil
		}
		if e.Checkups, err = queryCheckups(ctx, tx, `SELECT `+checkupColumns+` FROM checkups
			WHERE day BETWEEN ? AND ? ORDER BY day, instrument`, lo, hi); err != nil {
			return fmt.Errorf("check-ups: %w", err)
		}
		return nil
	})
	if err != nil {
		return journalfile.Export{}, fmt.Errorf("export the journal: %w", err)
	}
	// Empty lists rather than nil: an empty journal exports as lists with
	// nothing in them, never as "no list".
	if e.Contacts == nil {
		e.Contacts = []model.Contact{}
	}
	if e.ReachOuts == nil {
		e.ReachOuts = []model.ReachOut{}
	}
	if e.CheckIns == nil {
		e.CheckIns = []model.CheckIn{}
	}
	if e.Reflections == nil {
		e.Reflections = []model.Reflection{}
	}
	if e.Checkups == nil {
		e.Checkups = []model.Checkup{}
	}
	return e, nil
}

// weekRange is the stored text of the ISO weeks that overlap the days from
// to to: a week overlaps exactly when it lies between the week of from and
// the week of to, and 'YYYY-Www' text sorts as the weeks do.
func weekRange(from, to model.Date) (lo, hi string) {
	hi = "9999-W99"
	if !from.IsZero() {
		lo = model.WeekOf(from).String()
	}
	if !to.IsZero() {
		hi = model.WeekOf(to).String()
	}
	return lo, hi
}

// readSettings is the person's settings as stored, for an export. This
// copy's own (localSetting) stay: when the settings were last changed (the
// version a save replaces), the day the quiet-network word was put aside
// (the person's private moment, not a choice), the journal's uid and what
// it merged, and this computer's sync folder.
func readSettings(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out map[string]string
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		if localSetting(k) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[k] = v
	}
	return out, rows.Err()
}

// queryReflections reads the reflections of the weeks lo to hi with their
// answers, at most limit of them (-1: all), from lo on, or after lo when
// past: two range reads of the two tables' keys, joined here, never a
// query per week.
func queryReflections(ctx context.Context, tx *sql.Tx, lo, hi string, past bool, limit int) ([]model.Reflection, error) {
	from := `week >= ?`
	if past {
		from = `week > ?`
	}
	rows, err := tx.QueryContext(ctx, `SELECT week, supported, confidence, craving_bother, updated_at
		FROM reflections WHERE `+from+` AND week <= ? ORDER BY week LIMIT ?`, lo, hi, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Reflection
	index := map[string]int{}
	for rows.Next() {
		var week, updated string
		var supported, confidence, bother sql.NullInt64
		if err := rows.Scan(&week, &supported, &confidence, &bother, &updated); err != nil {
			return nil, err
		}
		w, err := parseWeek(week)
		if err != nil {
			return nil, err
		}
		r := model.Reflection{
			Week:      w,
			Supported: int(supported.Int64), Confidence: int(confidence.Int64), CravingBother: int(bother.Int64),
		}
		if r.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
			return nil, fmt.Errorf("reflection %s: updated_at: %w", week, err)
		}
		index[week] = len(out)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	answers, err := tx.QueryContext(ctx, `SELECT week, prompt, answer FROM reflection_answers
		WHERE week BETWEEN ? AND ? ORDER BY week, position`, out[0].Week.String(), out[len(out)-1].Week.String())
	if err != nil {
		return nil, err
	}
	defer answers.Close()
	for answers.Next() {
		var week string
		var a model.Answer
		if err := answers.Scan(&week, &a.Prompt, &a.Text); err != nil {
			return nil, err
		}
		if i, ok := index[week]; ok {
			out[i].Answers = append(out[i].Answers, a)
		}
	}
	return out, answers.Err()
}
