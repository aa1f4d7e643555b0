package store

import "strings"

// schema11 keeps, beside the reach-out log, the summaries that the
// figures of a week or of a window of days are read from, so that what
// Reflection and Network show costs the same on a decade of history as
// on a month, and on five thousand people as on fifty. Each is kept by
// triggers in the transaction that changes the rows it sums, and filled
// here from the rows once (the same queries a test recounts them with):
//
//   - reach_out_days: per local day, and per circle and kind of person
//     ('use' for someone marked as supporting using, 'support' for
//     supportive contact as model.Contact.IsSupportive has it, 'other'),
//     how many reach-outs. A window's reach-outs, circles reached,
//     supportive days and share with people who support using are a sum
//     over at most a few rows a day; the heatmap's counts too.
//   - week_people: per ISO week (its Monday) and person, how many
//     reach-outs; and week_counts, per week, how many people that is (a
//     count of its rows, kept as they come and go).
//   - silences: each stretch of 15 days or more between two days a person
//     was reached, and the stretch after the last (until '9999-12-31'),
//     with whether the person is archived, and their importance and name
//     key (what the list of the faded is ordered by after the day). Someone
//     has faded by a day exactly when a silence of theirs began 14 or more
//     days before it and ends after it. The index by the month a silence
//     ends, and in it in the list's order, finds those who faded longest
//     ago in a few seeks a month.
//   - fade_changes: per day, how the count of faded active people changes
//     that day (a silence starts to count 14 days after it began, and
//     stops on the day it ends): the count by a day is a sum of the
//     changes up to it, one row per day that changes it at most.
//   - last_days: per day, how many people were last reached that day:
//     the people reached in the days up to today.
//   - circle_people: per circle, how many active people are in it.
//   - using_days: per day and person marked as supporting using, how
//     many reach-outs: who of them was in touch most over a window is a
//     sum over its few rows.
//
// A person's circle, stance or archiving changes their rows (a contact
// trigger moves them); the log's other columns change nothing here.
var schema11 = []string{
	`CREATE INDEX reach_outs_contact_day ON reach_outs (contact_id, day, at_unix, at_offset)`,
	`CREATE TABLE reach_out_days (
		day    TEXT NOT NULL,
		circle TEXT NOT NULL,
		kind   TEXT NOT NULL CHECK (kind IN ('use', 'support', 'other')),
		n      INTEGER NOT NULL,
		PRIMARY KEY (day, circle, kind)
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE week_people (
		monday     TEXT NOT NULL,
		contact_id INTEGER NOT NULL,
		n          INTEGER NOT NULL,
		PRIMARY KEY (monday, contact_id)
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE week_counts (
		monday TEXT PRIMARY KEY NOT NULL,
		people INTEGER NOT NULL
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE silences (
		contact_id INTEGER NOT NULL,
		from_day   TEXT NOT NULL,
		until_day  TEXT NOT NULL,
		archived   INTEGER NOT NULL,
		importance INTEGER NOT NULL,
		name_key   TEXT NOT NULL,
		PRIMARY KEY (contact_id, from_day)
	) STRICT, WITHOUT ROWID`,
	`CREATE INDEX silences_by_end ON silences (substr(until_day, 1, 7), archived, from_day, importance DESC, name_key, contact_id, until_day)`,
	`CREATE TABLE fade_changes (
		day TEXT PRIMARY KEY NOT NULL,
		n   INTEGER NOT NULL
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE last_days (
		day TEXT PRIMARY KEY NOT NULL,
		n   INTEGER NOT NULL
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE using_days (
		day        TEXT NOT NULL,
		contact_id INTEGER NOT NULL,
		n          INTEGER NOT NULL,
		PRIMARY KEY (day, contact_id)
	) STRICT, WITHOUT ROWID`,
	`CREATE TABLE circle_people (
		circle TEXT PRIMARY KEY NOT NULL,
		n      INTEGER NOT NULL
	) STRICT, WITHOUT ROWID`,
	// Network's circles: each circle's first names by name, and the
	// people marked as supporting using, from small indexes.
	`CREATE INDEX contacts_circle_names ON contacts (archived, circle, name_key, id, name)`,
	`CREATE INDEX contacts_using ON contacts (archived, name_key) WHERE stance = 'supports-using'`,

	`INSERT INTO reach_out_days (day, circle, kind, n) ` + reachOutDaysRecount,
	`INSERT INTO week_people (monday, contact_id, n) ` + weekPeopleRecount,
	`INSERT INTO week_counts (monday, people) ` + weekCountsFrom("week_people"),
	`INSERT INTO silences (contact_id, from_day, until_day, archived, importance, name_key) ` + silencesRecount,
	`INSERT INTO fade_changes (day, n) ` + fadeChangesFrom("silences"),
	`INSERT INTO last_days (day, n) ` + lastDaysFrom("silences"),
	`INSERT INTO circle_people (circle, n) ` + circlePeopleRecount,
	`INSERT INTO using_days (day, contact_id, n) ` + usingDaysRecount,

	`CREATE TRIGGER summaries_reach_out_insert AFTER INSERT ON reach_outs BEGIN ` +
		joinStmts(countReachOut("NEW.day", "NEW.contact_id", 1)) + ` END`,
	// Silences change only with the first reach-out of a person's day
	// and its last: the trigger's condition says so once, for all its
	// statements (an import writes thousands of reach-outs).
	`CREATE TRIGGER summaries_reach_out_first_of_day AFTER INSERT ON reach_outs
		WHEN NOT ` + otherOnDay("NEW.contact_id", "NEW.day", "NEW.id") + ` BEGIN ` +
		joinStmts(silenceAdd("NEW.contact_id", "NEW.day", "NEW.id", "true")) + ` END`,
	`CREATE TRIGGER summaries_reach_out_delete AFTER DELETE ON reach_outs BEGIN ` +
		joinStmts(countReachOut("OLD.day", "OLD.contact_id", -1)) + ` END`,
	`CREATE TRIGGER summaries_reach_out_last_of_day AFTER DELETE ON reach_outs
		WHEN NOT ` + otherOnDay("OLD.contact_id", "OLD.day", "OLD.id") + ` BEGIN ` +
		joinStmts(silenceRemove("OLD.contact_id", "OLD.day", "OLD.id", "true")) + ` END`,
	// A move is the reach-out leaving its old day and person, then
	// coming to its new ones; the row itself is set apart (by its id) from
	// what each step looks at.
	`CREATE TRIGGER summaries_reach_out_update AFTER UPDATE OF contact_id, day ON reach_outs
		WHEN OLD.contact_id IS NOT NEW.contact_id OR OLD.day IS NOT NEW.day BEGIN ` +
		joinStmts(countReachOut("OLD.day", "OLD.contact_id", -1), countReachOut("NEW.day", "NEW.contact_id", 1),
			silenceRemove("OLD.contact_id", "OLD.day", "NEW.id", `NOT `+otherOnDay("OLD.contact_id", "OLD.day", "NEW.id")),
			silenceAdd("NEW.contact_id", "NEW.day", "NEW.id", `NOT `+otherOnDay("NEW.contact_id", "NEW.day", "NEW.id"))) + ` END`,
	`CREATE TRIGGER summaries_contact_kind AFTER UPDATE OF circle, stance ON contacts
		WHEN OLD.circle IS NOT NEW.circle OR OLD.stance IS NOT NEW.stance BEGIN ` +
		joinStmts(moveKind()) + ` END`,
	`CREATE TRIGGER summaries_contact_using AFTER UPDATE OF stance ON contacts
		WHEN (OLD.stance = 'supports-using') IS NOT (NEW.stance = 'supports-using') BEGIN ` +
		joinStmts(moveUsing()) + ` END`,
	`CREATE TRIGGER summaries_contact_silences AFTER UPDATE OF archived, importance, name_key ON contacts
		WHEN OLD.archived IS NOT NEW.archived OR OLD.importance IS NOT NEW.importance OR OLD.name_key IS NOT NEW.name_key BEGIN
		UPDATE silences SET archived = NEW.archived, importance = NEW.importance, name_key = NEW.name_key
		WHERE contact_id = NEW.id; END`,
	`CREATE TRIGGER summaries_contact_insert AFTER INSERT ON contacts BEGIN ` +
		joinStmts(countInCircle("NEW", "1")) + ` END`,
	`CREATE TRIGGER summaries_contact_delete AFTER DELETE ON contacts BEGIN ` +
		joinStmts(countInCircle("OLD", "-1")) + ` END`,
	`CREATE TRIGGER summaries_contact_circle AFTER UPDATE OF circle, archived ON contacts
		WHEN OLD.circle IS NOT NEW.circle OR OLD.archived IS NOT NEW.archived BEGIN ` +
		joinStmts(countInCircle("OLD", "-1"), countInCircle("NEW", "1")) + ` END`,
	`CREATE TRIGGER summaries_week_person_insert AFTER INSERT ON week_people BEGIN
		INSERT INTO week_counts (monday, people) VALUES (NEW.monday, 1)
		ON CONFLICT (monday) DO UPDATE SET people = people + 1; END`,
	`CREATE TRIGGER summaries_week_person_delete AFTER DELETE ON week_people BEGIN
		UPDATE week_counts SET people = people - 1 WHERE monday = OLD.monday;
		DELETE FROM week_counts WHERE monday = OLD.monday AND people = 0; END`,
	`CREATE TRIGGER summaries_silence_insert AFTER INSERT ON silences BEGIN ` +
		joinStmts(silenceCounts("NEW", "1")) + ` END`,
	`CREATE TRIGGER summaries_silence_delete AFTER DELETE ON silences BEGIN ` +
		joinStmts(silenceCounts("OLD", "-1")) + ` END`,
	`CREATE TRIGGER summaries_silence_archived AFTER UPDATE OF archived ON silences
		WHEN OLD.archived IS NOT NEW.archived BEGIN ` +
		joinStmts(fadeChange("NEW", "CASE WHEN NEW.archived = 0 THEN 1 ELSE -1 END", "true")) + ` END`,
}

// openUntil is the end of a silence that has not ended: the person has
// not been reached since.
const openUntil = "'9999-12-31'"

// kindOf is the kind of person c (a contacts row, or OLD or NEW) is in
// reach_out_days, as model.Contact.IsSupportive and the use counted apart
// have it. The circles are model.SupportiveCircles, written out because a
// migration never changes (TestSummaryKindsFollowTheModel keeps them in
// step).
func kindOf(c string) string {
	return `CASE WHEN ` + c + `.stance = 'supports-using' THEN 'use' WHEN ` + c + `.stance = 'supports' OR ` + c +
		`.circle IN ('fellowship', 'sponsor', 'sponsee', 'peer', 'treatment', 'healthcare') THEN 'support' ELSE 'other' END`
}

// mondayOf is the Monday of the ISO week of day (a 'YYYY-MM-DD' text).
func mondayOf(day string) string { return `date(` + day + `, '-6 days', 'weekday 1')` }

// The summaries recounted from the rows: the migration fills them so, and
// the tests hold what the triggers kept to the same count.
var (
	reachOutDaysRecount = `SELECT r.day, coalesce(c.circle, ''), ` + kindOf("c") + `, count(*)
		FROM reach_outs r LEFT JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3`
	weekPeopleRecount = `SELECT ` + mondayOf("day") + ` AS monday, contact_id, count(*) AS n FROM reach_outs GROUP BY 1, 2`
	silencesRecount   = `SELECT d.contact_id AS contact_id, d.day AS from_day, coalesce(d.next, ` + openUntil + `) AS until_day,
		` + silencePerson("c") + `
		FROM (SELECT contact_id, day, lead(day) OVER (PARTITION BY contact_id ORDER BY day) AS next
		      FROM (SELECT DISTINCT contact_id, day FROM reach_outs)) d
		LEFT JOIN contacts c ON c.id = d.contact_id
		WHERE d.next IS NULL OR d.next >= date(d.day, '+15 days')`
)

// usingDaysRecount counts using_days from the log.
const usingDaysRecount = `SELECT r.day, r.contact_id, count(*) FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
	WHERE c.stance = 'supports-using' GROUP BY 1, 2`

// circlePeopleRecount counts circle_people from the people.
const circlePeopleRecount = `SELECT circle, count(*) FROM contacts WHERE archived = 0 GROUP BY circle`

// weekCountsFrom counts week_counts from week_people, a table or a
// subquery with its columns.
func weekCountsFrom(weekPeople string) string {
	return `SELECT monday, count(*) FROM ` + weekPeople + ` GROUP BY monday`
}

// fadeChangesFrom counts fade_changes from silences, a table or a
// subquery with its columns.
func fadeChangesFrom(silences string) string {
	return `SELECT day, sum(n) FROM (
		SELECT date(from_day, '+14 days') AS day, 1 AS n FROM ` + silences + ` WHERE archived = 0
		UNION ALL
		SELECT until_day, -1 FROM ` + silences + ` WHERE archived = 0 AND until_day <> ` + openUntil + `)
		GROUP BY day HAVING sum(n) <> 0`
}

// lastDaysFrom counts last_days from silences: each person's open one
// begins on the last day they were reached.
func lastDaysFrom(silences string) string {
	return `SELECT from_day, count(*) FROM ` + silences + ` WHERE until_day = ` + openUntil + ` GROUP BY from_day`
}

func joinStmts(parts ...[]string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, s := range p {
			b.WriteString(s)
			b.WriteString("; ")
		}
	}
	return b.String()
}

// countReachOut adds sign (1 or -1) reach-outs on day with contact to
// reach_out_days, week_people and using_days, and drops the rows a
// reach-out taken away leaves at nothing.
func countReachOut(day, contact string, sign int) []string {
	n := "1"
	if sign < 0 {
		n = "-1"
	}
	stmts := []string{
		`INSERT INTO reach_out_days (day, circle, kind, n)
		SELECT ` + day + `, coalesce(c.circle, ''), ` + kindOf("c") + `, ` + n + `
		FROM (SELECT 1) LEFT JOIN contacts c ON c.id = ` + contact + ` WHERE true
		ON CONFLICT (day, circle, kind) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO week_people (monday, contact_id, n) VALUES (` + mondayOf(day) + `, ` + contact + `, ` + n + `)
		ON CONFLICT (monday, contact_id) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO using_days (day, contact_id, n)
		SELECT ` + day + `, c.id, ` + n + ` FROM contacts c WHERE c.id = ` + contact + ` AND c.stance = 'supports-using'
		ON CONFLICT (day, contact_id) DO UPDATE SET n = n + excluded.n`,
	}
	if sign < 0 {
		stmts = append(stmts,
			`DELETE FROM reach_out_days WHERE day = `+day+` AND n = 0`,
			`DELETE FROM week_people WHERE monday = `+mondayOf(day)+` AND contact_id = `+contact+` AND n = 0`,
			`DELETE FROM using_days WHERE day = `+day+` AND contact_id = `+contact+` AND n = 0`)
	}
	return stmts
}

// moveUsing adds a contact's reach-outs to using_days when they come to
// be marked as supporting using (NEW), and takes them away when they no
// longer are.
func moveUsing() []string {
	return []string{
		`DELETE FROM using_days WHERE contact_id = NEW.id AND day IN (SELECT day FROM reach_outs WHERE contact_id = NEW.id)
		AND NEW.stance <> 'supports-using'`,
		`INSERT INTO using_days (day, contact_id, n)
		SELECT day, NEW.id, count(*) FROM reach_outs WHERE contact_id = NEW.id AND NEW.stance = 'supports-using' GROUP BY day`,
	}
}

// countInCircle adds sign (1 or -1) people to circle_people for the
// contacts row (OLD or NEW), when it is of an active person.
func countInCircle(row, sign string) []string {
	return []string{
		`INSERT INTO circle_people (circle, n) SELECT ` + row + `.circle, ` + sign + ` WHERE ` + row + `.archived = 0
		ON CONFLICT (circle) DO UPDATE SET n = n + excluded.n`,
		`DELETE FROM circle_people WHERE circle = ` + row + `.circle AND n = 0`,
	}
}

// The days around day in contact's log, the reach-out with id self set
// apart: whether another is on day itself, the last day before and the
// first after.
func otherOnDay(contact, day, self string) string {
	return `EXISTS (SELECT 1 FROM reach_outs WHERE contact_id = ` + contact + ` AND day = ` + day + ` AND id <> ` + self + `)`
}

func dayBefore(contact, day, self string) string {
	return `(SELECT max(day) FROM reach_outs WHERE contact_id = ` + contact + ` AND day < ` + day + ` AND id <> ` + self + `)`
}

func dayAfter(contact, day, self string) string {
	return `(SELECT min(day) FROM reach_outs WHERE contact_id = ` + contact + ` AND day > ` + day + ` AND id <> ` + self + `)`
}

// silencePerson is what a silence keeps of its person, the contacts row c
// (archived, importance, name key), as its last columns.
func silencePerson(c string) string {
	return `coalesce(` + c + `.archived, 0) AS archived, coalesce(` + c + `.importance, 0) AS importance, coalesce(` + c + `.name_key, '') AS name_key`
}

// silenceAdd keeps silences as day becomes a day contact was reached (by
// the reach-out self), when first (they were not reached that day
// before): the silence around it (from the day before) ends on it, and a
// new one begins there if the next day is 15 or more days on, or never
// came.
func silenceAdd(contact, day, self, first string) []string {
	return []string{
		`DELETE FROM silences WHERE contact_id = ` + contact + ` AND from_day = ` + dayBefore(contact, day, self) + ` AND ` + first,
		`INSERT INTO silences (contact_id, from_day, until_day, archived, importance, name_key)
		SELECT ` + contact + `, p, ` + day + `, ` + silencePerson("k") + `
		FROM (SELECT ` + dayBefore(contact, day, self) + ` AS p) LEFT JOIN contacts k ON k.id = ` + contact + `
		WHERE ` + first + ` AND p IS NOT NULL AND ` + day + ` >= date(p, '+15 days')`,
		`INSERT INTO silences (contact_id, from_day, until_day, archived, importance, name_key)
		SELECT ` + contact + `, ` + day + `, coalesce(q, ` + openUntil + `), ` + silencePerson("k") + `
		FROM (SELECT ` + dayAfter(contact, day, self) + ` AS q) LEFT JOIN contacts k ON k.id = ` + contact + `
		WHERE ` + first + ` AND (q IS NULL OR q >= date(` + day + `, '+15 days'))`,
	}
}

// silenceRemove keeps silences as day stops being a day contact was
// reached (the reach-out self left it), when last (no other reach-out is
// on it): the silences on either side of it become one, kept if it is 15
// or more days long or has not ended.
func silenceRemove(contact, day, self, last string) []string {
	return []string{
		`DELETE FROM silences WHERE contact_id = ` + contact + ` AND (from_day = ` + day + ` OR from_day = ` + dayBefore(contact, day, self) + `) AND ` + last,
		`INSERT INTO silences (contact_id, from_day, until_day, archived, importance, name_key)
		SELECT ` + contact + `, p, coalesce(q, ` + openUntil + `), ` + silencePerson("k") + `
		FROM (SELECT ` + dayBefore(contact, day, self) + ` AS p, ` + dayAfter(contact, day, self) + ` AS q)
		LEFT JOIN contacts k ON k.id = ` + contact + `
		WHERE ` + last + ` AND p IS NOT NULL AND (q IS NULL OR q >= date(p, '+15 days'))`,
	}
}

// moveKind moves a contact's reach-outs in reach_out_days from the circle
// and kind they had (OLD) to the ones they have (NEW).
func moveKind() []string {
	move := func(row, sign string) string {
		return `INSERT INTO reach_out_days (day, circle, kind, n)
		SELECT day, ` + row + `.circle, ` + kindOf(row) + `, ` + sign + `count(*) FROM reach_outs
		WHERE contact_id = NEW.id GROUP BY day
		ON CONFLICT (day, circle, kind) DO UPDATE SET n = n + excluded.n`
	}
	return []string{move("OLD", "-"), move("NEW", ""),
		`DELETE FROM reach_out_days WHERE n = 0 AND day IN (SELECT day FROM reach_outs WHERE contact_id = NEW.id)`}
}

// fadeChange adds sign times silence row's changes to fade_changes, when
// cond (and the row is of an active person, or sign says otherwise).
func fadeChange(row, sign, cond string) []string {
	start := `date(` + row + `.from_day, '+14 days')`
	return []string{
		`INSERT INTO fade_changes (day, n) SELECT ` + start + `, ` + sign + ` WHERE ` + cond + `
		ON CONFLICT (day) DO UPDATE SET n = n + excluded.n`,
		`INSERT INTO fade_changes (day, n) SELECT ` + row + `.until_day, -(` + sign + `) WHERE ` + cond + ` AND ` + row + `.until_day <> ` + openUntil + `
		ON CONFLICT (day) DO UPDATE SET n = n + excluded.n`,
		`DELETE FROM fade_changes WHERE day IN (` + start + `, ` + row + `.until_day) AND n = 0`,
	}
}

// silenceCounts adds (sign 1) or takes away (-1) a silence row's part
// of fade_changes, for an active person, and of last_days, for an open
// silence.
func silenceCounts(row, sign string) []string {
	stmts := append(fadeChange(row, sign, row+`.archived = 0`),
		`INSERT INTO last_days (day, n) SELECT `+row+`.from_day, `+sign+` WHERE `+row+`.until_day = `+openUntil+`
		ON CONFLICT (day) DO UPDATE SET n = n + excluded.n`)
	if sign == "-1" {
		stmts = append(stmts, `DELETE FROM last_days WHERE day = `+row+`.from_day AND n = 0`)
	}
	return stmts
}
