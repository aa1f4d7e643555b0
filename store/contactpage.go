package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/tether-recovery/tether/model"
)

// ContactPage reads one page of a contact list (see model.ContactQuery):
// the people of the page with their tags and latest reach-out, and how
// many the list and the filter hold. Reached30 is left at 0: it is a
// count in the log for each person, shown only in the details of one,
// which read it with their history (ContactHistory); for a page of
// people it was half the pages a filter's letter read. The filter is
// matched against search_key (schema 12) in the list's index, and only
// the page's people are read whole, so a page costs the same among fifty
// people as among fifty thousand. A Limit of 0 reads the whole list. A
// filtered list is found among the list's search keys held in memory
// (listKeysFor), read again only when the journal has changed; so is the
// whole list while they are there (freshListKeys).
func (s *Store) ContactPage(ctx context.Context, q model.ContactQuery) (model.ContactPage, error) {
	page := model.ContactPage{At: -1}
	words := filterWords(q.Filter)
	var keys *listKeys
	switch {
	case q.Due:
	case len(words) > 0:
		var err error
		if keys, err = s.listKeysFor(ctx, q.Archived); err != nil {
			return model.ContactPage{}, fmt.Errorf("read a page of contacts: %w", err)
		}
	default:
		keys = s.freshListKeys(ctx, q.Archived)
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var ids []int64
		var err error
		switch {
		case q.Due:
			ids, err = duePage(ctx, tx, q, words, &page)
		case keys != nil:
			ids = filteredPage(q, keys, words, &page)
		default:
			ids, err = listPage(ctx, tx, q, words, &page)
		}
		if err != nil || len(ids) == 0 {
			return err
		}
		list, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		page.Contacts, err = queryContacts(ctx, tx, true, contactPageSQL, []any{string(list)},
			`SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (SELECT value FROM json_each(?))
			 ORDER BY contact_id, position`, string(list))
		if err != nil || !q.Due {
			return err
		}
		// Read in name order; the due are shown in who-next order.
		order := make(map[int64]int, len(ids))
		for i, id := range ids {
			order[id] = i
		}
		slices.SortFunc(page.Contacts, func(a, b model.Contact) int { return order[a.ID] - order[b.ID] })
		return nil
	})
	if err != nil {
		return model.ContactPage{}, fmt.Errorf("read a page of contacts: %w", err)
	}
	return page, nil
}

// contactPageSQL reads the people of a page, ?1 being a JSON list of
// their ids, in contactsWithDerived's columns with 0 for Reached30.
var contactPageSQL = `SELECT ` + qualifiedContactColumns + `, c.last_at_unix, c.last_at_offset, 0
	FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?1)) ORDER BY c.name_key, c.id`

// listPage counts the active or archived list and the people of it who
// pass the filter, finds where q.Land is among them, and reads the ids of
// the page, all from the list's index (contacts_list): in name order, a
// range of the index; filtered, a scan of the list's range of it.
func listPage(ctx context.Context, tx *sql.Tx, q model.ContactQuery, words []string, page *model.ContactPage) ([]int64, error) {
	cond, args := holdsEvery("search_key", words, 2)
	args = append([]any{q.Archived}, args...)
	from := ` FROM contacts WHERE archived = ?1 AND ` + cond
	if err := tx.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&page.Total); err != nil {
		return nil, err
	}
	page.All = page.Total
	if q.Land != 0 {
		n := len(args) + 1
		var key string
		err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT name_key`+from+` AND id = ?%d`, n), append(args, q.Land)...).Scan(&key)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, err
		default:
			before := fmt.Sprintf(`SELECT count(*)`+from+` AND (name_key, id) < (?%d, ?%d)`, n, n+1)
			if err := tx.QueryRowContext(ctx, before, append(args, key, q.Land)...).Scan(&page.At); err != nil {
				return nil, err
			}
		}
	}
	page.Offset = pageStart(q, page.At, page.Total)
	n := len(args) + 1
	rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT id`+from+` ORDER BY name_key, id LIMIT ?%d OFFSET ?%d`, n, n+1),
		append(args, pageLimit(q), page.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// filteredPage is listPage with a filter: the ids of everyone who passes
// it, in name order, from the list's keys held in memory (listKeys), and
// from them the count, the place of q.Land and the page. The keys are
// read before the page's transaction, so the people of the page are read
// as the journal is now.
func filteredPage(q model.ContactQuery, keys *listKeys, words []string, page *model.ContactPage) []int64 {
	page.All = len(keys.ids)
	ids := keys.matching(words)
	page.Total = len(ids)
	if q.Land != 0 {
		page.At = slices.Index(ids, q.Land)
	}
	page.Offset = pageStart(q, page.At, page.Total)
	if q.Limit > 0 {
		ids = ids[:min(len(ids), page.Offset+q.Limit)]
	}
	return ids[page.Offset:]
}

// duePage is listPage for the people due a reach-out, read as Today
// reads them (they are a part of the active list), ranked, and cut to the
// page. Unfiltered, and unless the page is to be found around someone due
// (whose place takes ranking everyone due), only the people who can be on
// the page or before it are read and ranked (firstDue); else everyone due.
func duePage(ctx context.Context, tx *sql.Tx, q model.ContactQuery, words []string, page *model.ContactPage) ([]int64, error) {
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts WHERE archived = 0`).Scan(&page.All); err != nil {
		return nil, err
	}
	var due []model.Contact
	landDue := false
	if q.Land != 0 {
		if err := tx.QueryRowContext(ctx, isDueQuery, q.Today.Time().Unix()/86400, q.Land).Scan(&landDue); err != nil {
			return nil, err
		}
	}
	if len(words) == 0 && !landDue {
		latest, err := circlesLatest(ctx, tx)
		if err != nil {
			return nil, err
		}
		first := 0
		if q.Limit > 0 {
			first = q.Offset + q.Limit
		}
		if due, page.Total, err = firstDue(ctx, tx, q.Today, model.QuietCircles(latest, q.Today), first); err != nil {
			return nil, err
		}
		// A page near the end moves back, within what was read.
		page.Offset = pageStart(q, -1, page.Total)
	} else {
		var err error
		if due, err = rankDue(ctx, tx, q.Today, words); err != nil {
			return nil, err
		}
		page.Total = len(due)
		if q.Land != 0 {
			page.At = slices.IndexFunc(due, func(c model.Contact) bool { return c.ID == q.Land })
		}
		page.Offset = pageStart(q, page.At, page.Total)
	}
	if q.Limit > 0 {
		due = due[:min(len(due), page.Offset+q.Limit)]
	}
	due = due[page.Offset:]
	ids := make([]int64, len(due))
	for i, c := range due {
		ids[i] = c.ID
	}
	return ids, nil
}

// pageLimit is the most people a page holds (-1, all, to SQLite).
func pageLimit(q model.ContactQuery) int {
	if q.Limit <= 0 {
		return -1
	}
	return q.Limit
}

// pageStart is where the page begins among total: around at (the person
// landed on, in the middle of the page) when found, else at q.Offset; a
// page near the end is moved back so that it is full.
func pageStart(q model.ContactQuery, at, total int) int {
	if q.Limit <= 0 {
		return 0
	}
	start := q.Offset
	if at >= 0 {
		start = at - q.Limit/2
	}
	return max(0, min(start, total-q.Limit))
}

// LookAlike is the name of someone else in the journal (archived or not)
// whose name looks the same as name (model.LookAlikeKey), or "" when
// nobody's does: one seek of contacts_look (schema 12).
func (s *Store) LookAlike(ctx context.Context, id int64, name string) (string, error) {
	var other string
	err := s.db.QueryRowContext(ctx, `SELECT name FROM contacts WHERE look_key = ? AND id <> ? ORDER BY archived, name_key, id LIMIT 1`,
		model.LookAlikeKey(name), id).Scan(&other)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("look for a name that looks the same: %w", err)
	}
	return other, nil
}
