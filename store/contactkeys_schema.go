package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// schema12 keeps two keys on each contact, so that the Contacts screen
// reads a screenful at a time however many people the journal holds:
//
//   - search_key is model.Contact.SearchText (name, nickname, group,
//     circle and tags, folded): the filter matches it in SQL, and only the
//     page on show is read whole.
//   - look_key is model.LookAlikeKey of the name: whether someone else's
//     name looks the same is one seek of contacts_look, not a read of
//     every contact.
//
// Both are made by Go (the folding is model's, which SQL cannot do), so
// every write of a contact's fields or tags writes them (fieldArgs, and
// Replicate for its copies), and the migration fills them here.
//
// The list's index gains the id (the list's order is name_key, then id)
// and search_key: a filter reads the index alone, a few bytes a person,
// never their rows with their notes.
var schema12 = []string{
	`ALTER TABLE contacts ADD COLUMN search_key TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE contacts ADD COLUMN look_key TEXT NOT NULL DEFAULT ''`,
}

// schema12Indexes are made once the keys are filled.
var schema12Indexes = []string{
	`DROP INDEX contacts_list`,
	`CREATE INDEX contacts_list ON contacts (archived, name_key, id, search_key)`,
	`CREATE INDEX contacts_look ON contacts (look_key)`,
}

// migrate12 adds the keys, fills them for the people already there, then
// indexes them.
func migrate12(ctx context.Context, tx *sql.Tx) error {
	if err := execAll(schema12...)(ctx, tx); err != nil {
		return err
	}
	if err := refreshContactKeys(ctx, tx, 0); err != nil {
		return err
	}
	return execAll(schema12Indexes...)(ctx, tx)
}

// refreshContactKeys writes search_key and look_key of the contacts with
// an id above after from their fields and tags.
func refreshContactKeys(ctx context.Context, tx *sql.Tx, after int64) error {
	people, err := keyFields(ctx, tx, after)
	if err != nil {
		return fmt.Errorf("read the contacts' names and tags: %w", err)
	}
	set, err := tx.PrepareContext(ctx, `UPDATE contacts SET search_key = ?, look_key = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer set.Close()
	for _, c := range people {
		if _, err := set.ExecContext(ctx, c.SearchText(), model.LookAlikeKey(c.Name), c.ID); err != nil {
			return fmt.Errorf("keep contact %d's keys: %w", c.ID, err)
		}
	}
	return nil
}

// keyFields reads what the keys are made of, for the contacts with an id
// above after, in id order.
func keyFields(ctx context.Context, tx *sql.Tx, after int64) ([]model.Contact, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, nickname, group_context, circle FROM contacts WHERE id > ? ORDER BY id`, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Contact
	at := map[int64]int{}
	for rows.Next() {
		var c model.Contact
		var circle string
		if err := rows.Scan(&c.ID, &c.Name, &c.Nickname, &c.Group, &circle); err != nil {
			return nil, err
		}
		c.Circle = model.Circle(circle)
		at[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tags, err := tx.QueryContext(ctx, `SELECT contact_id, tag FROM contact_tags WHERE contact_id > ? ORDER BY contact_id, position`, after)
	if err != nil {
		return nil, err
	}
	defer tags.Close()
	for tags.Next() {
		var id int64
		var tag string
		if err := tags.Scan(&id, &tag); err != nil {
			return nil, err
		}
		if i, ok := at[id]; ok {
			out[i].Tags = append(out[i].Tags, tag)
		}
	}
	return out, tags.Err()
}

// filterWords are the folded words of a filter as typed.
func filterWords(filter string) []string { return strings.Fields(model.Fold(filter)) }

// holdsEvery is the SQL condition that column holds every one of words
// (already folded), as strings.Contains has it: instr, not LIKE, so a %
// or _ typed is a character like any other. Its parameters are numbered
// from ?first on; args are their values.
func holdsEvery(column string, words []string, first int) (cond string, args []any) {
	conds := make([]string, len(words))
	for i, w := range words {
		conds[i] = fmt.Sprintf("instr(%s, ?%d) > 0", column, first+i)
		args = append(args, w)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), args
}
