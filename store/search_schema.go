package store

import "strings"

// The search index (schema 8): one FTS5 table over everything a person
// writes, kept in step by triggers, so every write that changes a row
// changes its index row in the same transaction, whichever code path
// wrote it (the app, an import, a migration). unicode61 with
// remove_diacritics 2 folds case and accents: "cafe" finds "café",
// "jose" finds "José".
//
// Each indexed row has a rowid of its own, so a trigger replaces it with
// one seek, and so that rowid order is the order results are shown in: the
// kind in the top byte, then, within a kind, newest last (a reach-out's
// day as a Julian day number above its id; a check-in's day; a reflection
// answer's week as year*100+week, times 64, plus its position; a
// contact's id; the safety plan 0). A search reads each kind's range
// newest first and stops at a page, however many places match. kind, ref
// (what the place is: an id, a day, a week) and day are stored, not
// indexed. prefix='1 2 3' keeps the starts of words indexed too, so the
// first letters typed are as quick as whole words.

// The SQL for each kind's index row, in terms of a row alias.
const (
	contactRowSQL = `SELECT 72057594037927936 | c.id, 'contact', c.id, '', c.name || ' ' || c.nickname,
		c.notes || ' ' || c.group_context || ' ' || coalesce((SELECT group_concat(t.tag, ' ') FROM contact_tags t WHERE t.contact_id = c.id), '')
		FROM contacts c WHERE c.id = `
	reachOutRowSQL = `SELECT 144115188075855872 | (CAST(julianday(r.day) AS INTEGER) << 28) | r.id, 'reach-out', r.id, r.day, '', r.note FROM reach_outs r WHERE r.note <> '' AND r.id = `
	checkInRowSQL  = `SELECT 216172782113783808 | CAST(julianday(k.day) AS INTEGER), 'check-in', k.day, k.day, '', k.gratitude || ' ' || k.note
		FROM check_ins k WHERE (k.gratitude <> '' OR k.note <> '') AND k.day = `
	// A reflection answer's day is its week's Monday, for newest first.
	answerRowSQL = `SELECT 288230376151711744 | ((CAST(substr(a.week, 1, 4) AS INTEGER) * 100 + CAST(substr(a.week, 7) AS INTEGER)) * 64 + a.position),
		'reflection', a.week,
		date(substr(a.week, 1, 4) || '-01-04', '-' || ((CAST(strftime('%w', substr(a.week, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
			'+' || ((CAST(substr(a.week, 7) AS INTEGER) - 1) * 7) || ' days'),
		a.prompt, a.answer
		FROM reflection_answers a WHERE a.answer <> '' AND a.week = `
	planRowSQL = `SELECT 360287970189639680, 'plan', '', '', 'My safety plan',
		CASE WHEN json_valid(s.value)
			THEN coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(s.value) j WHERE j.type = 'text' AND j.key <> 'updated_at'), '')
			ELSE s.value END
		FROM settings s WHERE s.key = 'safety_plan' AND s.key = `
)

const searchColumns = `INSERT INTO search (rowid, kind, ref, day, title, body) `

// schema8 creates the index, its triggers, and fills it from the rows a
// journal already holds.
var schema8 = []string{
	// A plan saved by hand as something other than JSON is indexed as
	// its text: a save must never fail for the index's sake.
	`CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, day UNINDEXED, title, body,
		tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`,

	`CREATE TRIGGER search_contact_insert AFTER INSERT ON contacts BEGIN ` +
		searchColumns + contactRowSQL + `new.id; END`,
	`CREATE TRIGGER search_contact_update AFTER UPDATE OF name, nickname, notes, group_context ON contacts BEGIN
		DELETE FROM search WHERE rowid = 72057594037927936 | old.id; ` +
		searchColumns + contactRowSQL + `new.id; END`,
	`CREATE TRIGGER search_contact_delete AFTER DELETE ON contacts BEGIN
		DELETE FROM search WHERE rowid = 72057594037927936 | old.id; END`,
	`CREATE TRIGGER search_tag_insert AFTER INSERT ON contact_tags BEGIN
		DELETE FROM search WHERE rowid = 72057594037927936 | new.contact_id; ` +
		searchColumns + contactRowSQL + `new.contact_id; END`,
	`CREATE TRIGGER search_tag_delete AFTER DELETE ON contact_tags BEGIN
		DELETE FROM search WHERE rowid = 72057594037927936 | old.contact_id; ` +
		searchColumns + contactRowSQL + `old.contact_id; END`,

	`CREATE TRIGGER search_reach_out_insert AFTER INSERT ON reach_outs BEGIN ` +
		searchColumns + reachOutRowSQL + `new.id; END`,
	`CREATE TRIGGER search_reach_out_update AFTER UPDATE ON reach_outs BEGIN
		DELETE FROM search WHERE rowid = 144115188075855872 | (CAST(julianday(old.day) AS INTEGER) << 28) | old.id; ` +
		searchColumns + reachOutRowSQL + `new.id; END`,
	`CREATE TRIGGER search_reach_out_delete AFTER DELETE ON reach_outs BEGIN
		DELETE FROM search WHERE rowid = 144115188075855872 | (CAST(julianday(old.day) AS INTEGER) << 28) | old.id; END`,

	`CREATE TRIGGER search_check_in_insert AFTER INSERT ON check_ins BEGIN ` +
		searchColumns + checkInRowSQL + `new.day; END`,
	`CREATE TRIGGER search_check_in_update AFTER UPDATE ON check_ins BEGIN
		DELETE FROM search WHERE rowid = 216172782113783808 | CAST(julianday(old.day) AS INTEGER); ` +
		searchColumns + checkInRowSQL + `new.day; END`,
	`CREATE TRIGGER search_check_in_delete AFTER DELETE ON check_ins BEGIN
		DELETE FROM search WHERE rowid = 216172782113783808 | CAST(julianday(old.day) AS INTEGER); END`,

	`CREATE TRIGGER search_answer_insert AFTER INSERT ON reflection_answers BEGIN ` +
		searchColumns + answerRowSQL + `new.week AND a.position = new.position; END`,
	`CREATE TRIGGER search_answer_update AFTER UPDATE ON reflection_answers BEGIN
		DELETE FROM search WHERE rowid = 288230376151711744 | ((CAST(substr(old.week, 1, 4) AS INTEGER) * 100 + CAST(substr(old.week, 7) AS INTEGER)) * 64 + old.position); ` +
		searchColumns + answerRowSQL + `new.week AND a.position = new.position; END`,
	`CREATE TRIGGER search_answer_delete AFTER DELETE ON reflection_answers BEGIN
		DELETE FROM search WHERE rowid = 288230376151711744 | ((CAST(substr(old.week, 1, 4) AS INTEGER) * 100 + CAST(substr(old.week, 7) AS INTEGER)) * 64 + old.position); END`,

	`CREATE TRIGGER search_plan_insert AFTER INSERT ON settings WHEN new.key = 'safety_plan' BEGIN ` +
		searchColumns + planRowSQL + `new.key; END`,
	`CREATE TRIGGER search_plan_update AFTER UPDATE ON settings WHEN new.key = 'safety_plan' OR old.key = 'safety_plan' BEGIN
		DELETE FROM search WHERE rowid = 360287970189639680; ` +
		searchColumns + planRowSQL + `new.key; END`,
	`CREATE TRIGGER search_plan_delete AFTER DELETE ON settings WHEN old.key = 'safety_plan' BEGIN
		DELETE FROM search WHERE rowid = 360287970189639680; END`,

	// What the journal holds already.
	searchColumns + strings.Replace(contactRowSQL, "WHERE c.id = ", "WHERE 1", 1),
	searchColumns + strings.Replace(reachOutRowSQL, "AND r.id = ", "", 1),
	searchColumns + strings.Replace(checkInRowSQL, "AND k.day = ", "", 1),
	searchColumns + strings.Replace(answerRowSQL, "AND a.week = ", "", 1),
	searchColumns + strings.Replace(planRowSQL, "AND s.key = ", "", 1),
}
