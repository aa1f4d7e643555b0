package store

// schema9 gives every record a name that is the same in every copy of the
// journal, so that two journals (a laptop's and a desktop's) can be merged
// record by record rather than matched by name:
//
//   - contacts, reach-outs and planned reach-outs get a uid: 128 random
//     bits as 32 hex digits, given by the insert itself when the record
//     has none (see newUID), and kept as it is when it comes with one (an
//     import of another journal's record, an undo). A unique index makes
//     an insert that forgot it fail loudly on the second. Check-ins, reflections and check-ups already have such a
//     name: their day, their week, their instrument and day.
//   - planned reach-outs get the updated_at the other records have.
//   - each setting has the time it last changed (updated_at).
//   - removed keeps a marker of each reach-out, plan, check-in and
//     setting removed, and when, so a removal travels to the other journal
//     instead of the record coming back from it. Inserting the record
//     again (undo, or a merge that decides it stays) drops the marker.
//
// Existing rows get their uids here, once.
var schema9 = append(uidColumn("contacts"), append(uidColumn("reach_outs"), append(uidColumn("planned_reach_outs"),
	`ALTER TABLE planned_reach_outs ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`,
	`UPDATE planned_reach_outs SET updated_at = created_at`,
	`CREATE TABLE removed (
		kind       TEXT NOT NULL CHECK (kind IN ('reach_out', 'plan', 'check_in', 'setting')),
		ref        TEXT NOT NULL CHECK (ref <> ''),
		removed_at TEXT NOT NULL,
		PRIMARY KEY (kind, ref)
	) STRICT, WITHOUT ROWID`,
	`CREATE TRIGGER removed_reach_out_back AFTER INSERT ON reach_outs WHEN new.uid <> '' BEGIN
		DELETE FROM removed WHERE kind = 'reach_out' AND ref = new.uid; END`,
	`CREATE TRIGGER removed_plan_back AFTER INSERT ON planned_reach_outs WHEN new.uid <> '' BEGIN
		DELETE FROM removed WHERE kind = 'plan' AND ref = new.uid; END`,
	`CREATE TRIGGER removed_check_in_back AFTER INSERT ON check_ins BEGIN
		DELETE FROM removed WHERE kind = 'check_in' AND ref = new.day; END`,
	// Each setting has the time it last changed, so two copies merge them
	// one by one; one set again is no longer removed.
	`ALTER TABLE settings ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`,
	`CREATE TRIGGER removed_setting_back AFTER INSERT ON settings BEGIN
		DELETE FROM removed WHERE kind = 'setting' AND ref = new.key; END`,
	// The journal's own uid, which its exports carry (never a setting that
	// travels: see readSettings).
	`INSERT INTO settings (key, value) VALUES ('`+journalUIDKey+`', `+newUIDSQL+`)`,
)...)...)

// journalUIDKey is the setting that holds the journal's own uid.
const journalUIDKey = "journal_uid"

// newUIDSQL is a fresh uid.
const newUIDSQL = `lower(hex(randomblob(16)))`

// newUID is an insert's value for uid: the record's own, or a new one.
const newUID = `coalesce(nullif(?, ''), ` + newUIDSQL + `)`

// uidColumn adds table's uid column, fills it and indexes it as unique.
// (Not a trigger that gives new rows theirs: its UPDATE would run the
// search index's update trigger before its insert trigger.)
func uidColumn(table string) []string {
	return []string{
		`ALTER TABLE ` + table + ` ADD COLUMN uid TEXT NOT NULL DEFAULT ''`,
		`UPDATE ` + table + ` SET uid = ` + newUIDSQL,
		`CREATE UNIQUE INDEX ` + table + `_uid ON ` + table + ` (uid)`,
	}
}
