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
func (s *Store) migrate(ctx context.Context) error {
	for i, m := range migrations {
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
