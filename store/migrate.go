package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// applicationID marks a SQLite file as a Tether journal ("TETH" in ASCII),
// so Open can tell our file from another program's before touching it.
const applicationID = 0x54455448

// A migration moves the schema from version N-1 to N (N is its position in
// migrations, from 1). A migration is frozen once released: journals out in
// the world were built by it, so a change is always a new migration at the
// end, never an edit here. That is also why the CHECK lists below are
// literals rather than built from the model's lists at run time; a test
// keeps the two in step.
type migration struct {
	name string
	up   func(ctx context.Context, tx *sql.Tx) error
}

var migrations = []migration{
	{"contacts and settings", execAll(schema1...)},
	{"daily check-ins and the reach-out log", execAll(schema2...)},
	{"weekly reflections", execAll(schema3...)},
	{"check-ups", execAll(schema4...)},
	{"the last reach-out kept on each contact", execAll(schema5...)},
	{"who may be due, read from an index", execAll(schema6...)},
	{"not now, let this rest, birthdays, recovery dates and planned reach-outs", execAll(schema7...)},
	{"search across the journal", execAll(schema8...)},
	{"the same name for each record in every copy of the journal", execAll(schema9...)},
	{"the figures of a day and a week read from the reach-out log's indexes alone", execAll(schema10...)},
	{"the summaries a week's and a window's figures are read from, kept beside the log", execAll(schema11...)},
	{"the keys the contact list is filtered and paged by", migrate12},
	{"the crisis card's people read from an index", execAll(schema13...)},
	{"who is due read a group at a time, so the first few cost the same among any number", execAll(schema14...)},
	{"the crisis card's first people of each group read from an index of its own, the rest counted, and the people a plan names found by their names' words", migrate15},
}

// latestVersion is the schema version this Tether writes and understands.
func latestVersion() int { return len(migrations) }

// execAll runs statements in order; the usual shape of a migration.
func execAll(stmts ...string) func(context.Context, *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("%s: %w", firstLine(q), err)
			}
		}
		return nil
	}
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i >= 0 {
		q = q[:i]
	}
	return q
}

var schema1 = []string{
	fmt.Sprintf(`PRAGMA application_id = %d`, applicationID),

	// Settings live in the journal so that one file is the whole journal.
	`CREATE TABLE settings (
		key   TEXT PRIMARY KEY NOT NULL,
		value TEXT NOT NULL
	) STRICT`,

	// Dates are model.Date.String() ('YYYY-MM-DD', '' when unset); instants
	// are RFC 3339 UTC text, readable in any SQLite shell. name_key is
	// model.Fold(name), so the list sorts and matches ignoring case and
	// accents with a plain index. The upper bound of cadence_days is a form
	// limit that may grow, so the schema only refuses negatives.
	`CREATE TABLE contacts (
		id             INTEGER PRIMARY KEY,
		name           TEXT NOT NULL CHECK (name <> ''),
		name_key       TEXT NOT NULL,
		nickname       TEXT NOT NULL DEFAULT '',
		circle         TEXT NOT NULL DEFAULT 'other' CHECK (circle IN (
			'fellowship', 'sponsor', 'sponsee', 'peer', 'treatment', 'healthcare',
			'partner', 'family', 'friend', 'faith', 'volunteer', 'work', 'hobby',
			'online', 'other')),
		group_context  TEXT NOT NULL DEFAULT '',
		phone          TEXT NOT NULL DEFAULT '',
		email          TEXT NOT NULL DEFAULT '',
		preferred      TEXT NOT NULL DEFAULT '' CHECK (preferred IN (
			'', 'call', 'text', 'in-person', 'video', 'message')),
		availability   TEXT NOT NULL DEFAULT '',
		any_time       INTEGER NOT NULL DEFAULT 0 CHECK (any_time IN (0, 1)),
		any_time_since TEXT NOT NULL DEFAULT '' CHECK (any_time_since = '' OR
			(any_time = 1 AND any_time_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
		distraction    INTEGER NOT NULL DEFAULT 0 CHECK (distraction IN (0, 1)),
		importance     INTEGER NOT NULL DEFAULT 0 CHECK (importance BETWEEN 0 AND 5),
		supportive     INTEGER NOT NULL DEFAULT 0 CHECK (supportive BETWEEN 0 AND 5),
		stance         TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN (
			'unknown', 'supports', 'neutral', 'supports-using')),
		known_since    TEXT NOT NULL DEFAULT '' CHECK (known_since = '' OR
			known_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
		cadence_days   INTEGER NOT NULL DEFAULT 0 CHECK (cadence_days >= 0),
		notes          TEXT NOT NULL DEFAULT '',
		archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
		archived_at    TEXT CHECK ((archived = 1) = (archived_at IS NOT NULL)),
		created_at     TEXT NOT NULL,
		updated_at     TEXT NOT NULL
	) STRICT`,

	// The contact list: one range of the index per tab (active, archived),
	// already in name order.
	`CREATE INDEX contacts_list ON contacts (archived, name_key)`,
	// The crisis card must be instant: the few any-time people, by name.
	// archived leads (rather than sitting in the WHERE) because SQLite's
	// planner only prefers a partial index over contacts_list when the
	// query's archived = 0 is an equality on one of its columns.
	`CREATE INDEX contacts_any_time ON contacts (archived, name_key) WHERE any_time = 1`,

	// position keeps the order the person typed the tags in; tag_key makes
	// "AA" and "aa" one tag, as model.NormalizeTags does.
	`CREATE TABLE contact_tags (
		contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
		tag        TEXT NOT NULL CHECK (tag <> ''),
		tag_key    TEXT NOT NULL,
		position   INTEGER NOT NULL,
		PRIMARY KEY (contact_id, tag_key)
	) STRICT, WITHOUT ROWID`,
	`CREATE INDEX contact_tags_tag ON contact_tags (tag_key)`,
}

// migrate brings the journal up to latestVersion, one transaction per step,
// each committing its user_version with its changes: a crash leaves the
// journal at a whole version, and the next Open carries on from there.
func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, latestVersion()) }

// migrateTo runs the migrations up to version target and no further; tests
// use it to build a journal as an older Tether left it.
func (s *Store) migrateTo(ctx context.Context, target int) error {
	for i, m := range migrations[:target] {
		version := i + 1
		err := s.write(ctx, func(tx *sql.Tx) error {
			// Read again inside the (immediate) transaction: another Tether
			// window may have run this step since we looked.
			var current int
			if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
				return err
			}
			if current >= version {
				return nil
			}
			if err := m.up(ctx, tx); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, version))
			return err
		})
		if err != nil {
			return fmt.Errorf("update journal to schema %d (%s): %w", version, m.name, err)
		}
	}
	return nil
}

var schema2 = []string{
	// One row per moment of connection. contact_id has no ON DELETE: a
	// contact is never hard-deleted, and an archived one keeps its history,
	// so deleting a contact that has history is refused outright.
	//
	// The instant is at_unix (UTC seconds, for ordering) and at_offset
	// (seconds east of UTC when it was logged), so the time reads back as
	// the person lived it even after they travel or the clocks change. day
	// is that local calendar day, kept so a day's list and "the last 30
	// days" are plain index ranges; the CHECK ties it to the instant, so the
	// two can never disagree. at_offset stays within ±18 hours, the widest
	// offset any time zone has used, which also bounds how far day and the
	// UTC date of at_unix can differ (Contacts relies on it).
	`CREATE TABLE reach_outs (
		id         INTEGER PRIMARY KEY,
		contact_id INTEGER NOT NULL REFERENCES contacts (id),
		at_unix    INTEGER NOT NULL,
		at_offset  INTEGER NOT NULL CHECK (at_offset BETWEEN -64800 AND 64800),
		day        TEXT NOT NULL CHECK (day IS date(at_unix + at_offset, 'unixepoch')),
		channel    TEXT NOT NULL CHECK (channel IN (
			'call', 'text', 'in-person', 'meeting', 'video', 'message', 'other')),
		direction  TEXT NOT NULL CHECK (direction IN ('mine', 'theirs', 'supported')),
		note       TEXT NOT NULL DEFAULT '',
		helped     TEXT NOT NULL DEFAULT '' CHECK (helped IN ('', 'yes', 'somewhat', 'no')),
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	) STRICT`,
	// A contact's history newest first, their last contact (one seek from
	// the end of their range) and their reach-outs in a window of time.
	`CREATE INDEX reach_outs_contact ON reach_outs (contact_id, at_unix)`,
	// A day's list and ranges of days, already in order within each day.
	`CREATE INDEX reach_outs_day ON reach_outs (day, at_unix)`,

	// One row per local calendar day, enforced by the key; date(day) IS day
	// refuses text that is not a real day in YYYY-MM-DD form. NULL is "not
	// answered" for every question that has no natural blank (a craving of
	// 0 and "did not use" are answers); mood and difficulty store their
	// blanks as NULL and '' as the model does (0 and ""). The HALT ticks
	// are 0 or 1, unticked being "no" as on paper. The meeting count's upper
	// bound is a form limit that may grow, so the schema only refuses
	// negatives; the other bounds are the scales themselves.
	`CREATE TABLE check_ins (
		day         TEXT PRIMARY KEY NOT NULL CHECK (date(day) IS day),
		mood        INTEGER CHECK (mood BETWEEN 1 AND 5),
		difficulty  TEXT NOT NULL DEFAULT '' CHECK (difficulty IN (
			'', 'easy', 'not-bad', 'questionable', 'hard', 'impossible')),
		craving     INTEGER CHECK (craving BETWEEN 0 AND 10),
		risky       INTEGER CHECK (risky IN (0, 1)),
		meetings    INTEGER CHECK (meetings >= 0),
		sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
		hungry      INTEGER NOT NULL DEFAULT 0 CHECK (hungry IN (0, 1)),
		angry       INTEGER NOT NULL DEFAULT 0 CHECK (angry IN (0, 1)),
		lonely      INTEGER NOT NULL DEFAULT 0 CHECK (lonely IN (0, 1)),
		tired       INTEGER NOT NULL DEFAULT 0 CHECK (tired IN (0, 1)),
		used        INTEGER CHECK (used IN (0, 1)),
		gratitude   TEXT NOT NULL DEFAULT '',
		note        TEXT NOT NULL DEFAULT '',
		created_at  TEXT NOT NULL,
		updated_at  TEXT NOT NULL
	) STRICT`,
}

var schema3 = []string{
	// One row per ISO week, 'YYYY-Www' as model.Week.String() writes it;
	// the key is the week, so a second reflection for a week cannot exist.
	// The CHECK refuses text that is not a week: week 53 only in the years
	// that have one (28 December is always in a year's last ISO week). The
	// ratings are 1 to 10, NULL when not answered (0 in the model). Both
	// tables are read a week at a time, and their rows are short, so they
	// are clustered by the week (WITHOUT ROWID) rather than reached through
	// a second index.
	`CREATE TABLE reflections (
		week           TEXT PRIMARY KEY NOT NULL CHECK (
			week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' AND substr(week, 1, 4) >= '1900' AND
			substr(week, 7) BETWEEN '01' AND strftime('%V', substr(week, 1, 4) || '-12-28')),
		supported      INTEGER CHECK (supported BETWEEN 1 AND 10),
		confidence     INTEGER CHECK (confidence BETWEEN 1 AND 10),
		craving_bother INTEGER CHECK (craving_bother BETWEEN 1 AND 10),
		created_at     TEXT NOT NULL,
		updated_at     TEXT NOT NULL
	) STRICT, WITHOUT ROWID`,

	// A week's prompts in the order they were asked, each with the text of
	// the prompt as it was then: changing the prompt set (a setting) never
	// rewrites these. position counts from 0; a blank answer is '' and is
	// kept with its prompt, so the week reads back as it was laid out.
	`CREATE TABLE reflection_answers (
		week     TEXT NOT NULL REFERENCES reflections (week) ON DELETE CASCADE,
		position INTEGER NOT NULL CHECK (position >= 0),
		prompt   TEXT NOT NULL CHECK (prompt <> ''),
		answer   TEXT NOT NULL,
		PRIMARY KEY (week, position)
	) STRICT, WITHOUT ROWID`,
}

var schema4 = []string{
	// One row per questionnaire taken: an instrument on a local day. The
	// unique key makes a second answer the same day replace the first
	// (SaveCheckup's upsert keeps the row's id), and it is also the index
	// every read uses: one instrument's days in order, and the last day of
	// each. id is an INTEGER PRIMARY KEY (not the rowid of a table keyed by
	// instrument and day) so a check-up keeps its id through VACUUM INTO.
	//
	// The answers are a JSON array of whole numbers, one per item in the
	// instrument's order: always read and written whole, never searched by
	// item, so a child table would only add a join. The CHECK holds the
	// array to its instrument's number of items (BARC-10 has 10, MSPSS 12);
	// SQLite allows no subquery in a CHECK, so each answer's range is the
	// model's to check. created_at is when these answers were saved: a
	// replacement is a questionnaire taken again.
	`CREATE TABLE checkups (
		id         INTEGER PRIMARY KEY,
		instrument TEXT NOT NULL CHECK (instrument IN ('barc10', 'mspss')),
		day        TEXT NOT NULL CHECK (date(day) IS day),
		answers    TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array' AND
			json_array_length(answers) = CASE instrument WHEN 'barc10' THEN 10 WHEN 'mspss' THEN 12 END),
		created_at TEXT NOT NULL,
		UNIQUE (instrument, day)
	) STRICT`,
}

// schema5 keeps each contact's latest reach-out on their own row. The
// contact list and Today's due list need it for every person; read through
// reach_outs it was a seek per person into a decade of reach-outs on every
// start, the one part of opening the app that grew with the journal. The
// triggers rewrite it in the same statement as every insert, delete and
// move of a reach-out, so it is in the same transaction by construction and
// no code path (a save, an import, an edit) can leave it stale. "Latest" is
// as before: the greatest at_unix, then the greatest id.
var schema5 = []string{
	`ALTER TABLE contacts ADD COLUMN last_at_unix INTEGER`,
	`ALTER TABLE contacts ADD COLUMN last_at_offset INTEGER`,
	refreshLastReachOut(`true`),
	`CREATE TRIGGER reach_outs_keep_last_insert AFTER INSERT ON reach_outs BEGIN ` +
		refreshLastReachOut(`id = NEW.contact_id`) + `; END`,
	`CREATE TRIGGER reach_outs_keep_last_delete AFTER DELETE ON reach_outs BEGIN ` +
		refreshLastReachOut(`id = OLD.contact_id`) + `; END`,
	`CREATE TRIGGER reach_outs_keep_last_update AFTER UPDATE OF contact_id, at_unix, at_offset ON reach_outs BEGIN ` +
		refreshLastReachOut(`id IN (OLD.contact_id, NEW.contact_id)`) + `; END`,
}

// schema6 lets Today's glance at who may be due (store.Roster) read one
// small index instead of seeking every active person's row: the count of
// active and any-time people is answered from the index alone, and only
// people whose last reach-out is outside their rhythm are looked up.
var schema6 = []string{
	`CREATE INDEX contacts_roster ON contacts (archived, cadence_days, any_time, last_at_unix, last_at_offset)`,
}

// schema7 is Today's "who next": a person can be snoozed until a day
// ("not now") or have their rhythm put to rest ("let this rest", the
// rhythm kept in rest_cadence so it can be resumed); a contact's birthday
// ('MM-DD' without the year, 'YYYY-MM-DD' with it) and their own recovery
// date; and reach-outs planned for a day, with an optional time ('HH:MM'),
// which become logged reach-outs when done. Plans go when their person
// does (ON DELETE CASCADE) and are read by day.
var schema7 = []string{
	`ALTER TABLE contacts ADD COLUMN rest_cadence INTEGER NOT NULL DEFAULT 0 CHECK (rest_cadence >= 0)`,
	`ALTER TABLE contacts ADD COLUMN snoozed_until TEXT NOT NULL DEFAULT '' CHECK (snoozed_until = '' OR
		snoozed_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
	`ALTER TABLE contacts ADD COLUMN birthday TEXT NOT NULL DEFAULT '' CHECK (birthday = '' OR
		birthday GLOB '[0-9][0-9]-[0-9][0-9]' OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
	`ALTER TABLE contacts ADD COLUMN recovery_date TEXT NOT NULL DEFAULT '' CHECK (recovery_date = '' OR
		recovery_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
	`CREATE TABLE planned_reach_outs (
		id         INTEGER PRIMARY KEY,
		contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
		day        TEXT NOT NULL CHECK (date(day) IS day),
		at_time    TEXT NOT NULL DEFAULT '' CHECK (at_time = '' OR
			(at_time GLOB '[0-2][0-9]:[0-5][0-9]' AND at_time < '24:00')),
		channel    TEXT NOT NULL DEFAULT 'call' CHECK (channel IN (
			'call', 'text', 'in-person', 'meeting', 'video', 'message', 'other')),
		note       TEXT NOT NULL DEFAULT '',
		created_at TEXT NOT NULL
	) STRICT`,
	`CREATE INDEX planned_reach_outs_day ON planned_reach_outs (day)`,
	`CREATE INDEX planned_reach_outs_contact ON planned_reach_outs (contact_id)`,
	// Today reads the days of recorded use (the stretches) and the people
	// with a birthday or recovery date (this week's dates) on every start:
	// small partial indexes, so neither reads a decade of check-ins or
	// every person's row.
	`CREATE INDEX check_ins_used ON check_ins (day) WHERE used = 1`,
	// Who next weighs every person due (model.WhoNext): read from an index
	// holding all it weighs, then only the few shown are looked up; and
	// each circle's latest reach-out, for the circles gone quiet.
	`CREATE INDEX contacts_whonext ON contacts (archived, cadence_days, any_time, last_at_unix, last_at_offset,
		snoozed_until, circle, importance, name)`,
	`CREATE INDEX contacts_circle_last ON contacts (archived, circle, last_at_unix)`,
	`CREATE INDEX contacts_dates ON contacts (archived, name_key) WHERE birthday <> '' OR recovery_date <> ''`,
}

// refreshLastReachOut sets last_at_unix and last_at_offset of the contacts
// matching where from their latest reach-out (NULL when there is none): one
// seek to the end of the person's range of reach_outs_contact.
func refreshLastReachOut(where string) string {
	return `UPDATE contacts SET (last_at_unix, last_at_offset) = (
		SELECT r.at_unix, r.at_offset FROM reach_outs r WHERE r.contact_id = contacts.id
		ORDER BY r.at_unix DESC, r.id DESC LIMIT 1) WHERE ` + where
}
