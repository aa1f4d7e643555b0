package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tether-recovery/tether/model"
)

// schema13 indexes the people the crisis card may show whatever its plan
// says: those who said call any time, those good for a distraction and the
// professionals with a phone. The card is read as the app starts (and as
// `tether sos` runs), and read through the list of everyone it was a scan
// of every person's row: 400 ms on fifty thousand people, in front of the
// Contacts screen's first read. The index holds what its condition tests,
// so the ids are read from it alone.
var schema13 = []string{
	`CREATE INDEX contacts_card ON contacts (archived, any_time, distraction, circle, phone) WHERE ` + cardAlways,
}

// cardAlways was who the crisis card may show whatever its plan names, as
// contacts_card's condition; schema15 keeps each group apart instead.
const cardAlways = `any_time = 1 OR distraction = 1 OR (circle IN ('healthcare', 'treatment') AND phone <> '')`

// schema15 keeps each of the crisis card's groups in an index of its own,
// in the card's order as far as an index can hold it (a number to call
// first, then importance, then name; who may be awake now is the model's,
// among those read): the card reads the first model.CardGroupPeople of
// each, and counts the rest from the index, never a row. Read through
// contacts_card, every one of a group was read and ranked: on xxl, whose
// 50,000 people hold 8,000 of them, `tether sos` took 387 ms and printed
// 8,156 lines, and the app read them all again at every !.
//
// Each index holds the people its group shows and no one else, as the
// card has it: an any-time person is listed with them alone, someone good
// for a distraction who is not any-time with those, and a professional
// who is neither with the professionals.
//
// It also keeps each person's name and nickname as model.NameWords has
// them (made by Go, as schema12's keys are: fieldArgs, Replicate, and the
// migration here), indexed for the people who are not archived: the people
// a safety plan names are found from the plan's words, a short range of
// each index a word, not by testing every person (on xxl 45 ms for each
// part of the plan that names people). Each index holds both, so the
// people in a range are tested without reading their rows.
var schema15 = []string{
	`ALTER TABLE contacts ADD COLUMN name_words TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE contacts ADD COLUMN nickname_words TEXT NOT NULL DEFAULT ''`,
}

// schema15Indexes are made once the words are filled.
var schema15Indexes = []string{
	`CREATE INDEX contacts_name_words ON contacts (name_words, nickname_words) WHERE archived = 0`,
	`CREATE INDEX contacts_nickname_words ON contacts (nickname_words, name_words) WHERE archived = 0 AND nickname_words <> ''`,
	`DROP INDEX contacts_card`,
	`CREATE INDEX contacts_card_any_time ON contacts (` + cardOrder + `, ` + cardTested + `) WHERE ` + cardAnyTime,
	`CREATE INDEX contacts_card_distraction ON contacts (` + cardOrder + `, ` + cardTested + `) WHERE ` + cardDistraction,
	`CREATE INDEX contacts_card_professionals ON contacts (` + cardOrder + `, ` + cardTested + `) WHERE ` + cardProfessionals,
}

// migrate15 adds the name words, fills them for the people already there,
// then makes the indexes.
func migrate15(ctx context.Context, tx *sql.Tx) error {
	if err := execAll(schema15...)(ctx, tx); err != nil {
		return err
	}
	if err := refreshNameWords(ctx, tx, 0); err != nil {
		return err
	}
	return execAll(schema15Indexes...)(ctx, tx)
}

// refreshNameWords writes name_words and nickname_words of the contacts
// with an id above after from their name and nickname.
func refreshNameWords(ctx context.Context, tx *sql.Tx, after int64) error {
	type names struct {
		id             int64
		name, nickname string
	}
	var people []names
	err := eachRow(ctx, tx, `SELECT id, name, nickname FROM contacts WHERE id > ? ORDER BY id`, []any{after}, func(rows *sql.Rows) error {
		var n names
		err := rows.Scan(&n.id, &n.name, &n.nickname)
		people = append(people, n)
		return err
	})
	if err != nil {
		return fmt.Errorf("read the contacts' names: %w", err)
	}
	set, err := tx.PrepareContext(ctx, `UPDATE contacts SET name_words = ?, nickname_words = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer set.Close()
	for _, n := range people {
		if _, err := set.ExecContext(ctx, model.NameWords(n.name), model.NameWords(n.nickname), n.id); err != nil {
			return fmt.Errorf("keep contact %d's name words: %w", n.id, err)
		}
	}
	return nil
}

// The card's groups, written as their indexes' conditions: a query must
// say them in these words for SQLite to read the index.
const (
	cardAnyTime       = `archived = 0 AND any_time = 1`
	cardDistraction   = `archived = 0 AND any_time = 0 AND distraction = 1 AND stance <> 'supports-using'`
	cardProfessionals = `archived = 0 AND any_time = 0 AND NOT (distraction = 1 AND stance <> 'supports-using')
		AND circle IN ('healthcare', 'treatment') AND phone <> ''`
)

// cardOrder is the card's order as an index keeps it: those with a number
// first, then the more important, then by name.
const cardOrder = `phone = '', importance DESC, name_key, id`

// cardTested are the columns the groups' conditions test: with them in
// the index (SQLite does not take a partial index's condition for its
// columns), a group is counted and read from its index alone, no row.
const cardTested = `phone, archived, any_time, distraction, stance, circle`
