package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// listKeys is one list's people (active or archived) in name order, each
// with their search_key, as the journal held them at data_version
// version: what a filter's letter searches. Read from the list's index
// once, a letter is a pass over strings in memory, not over the index:
// SQLite's instr costs about 200 ns a row, 7 ms for each letter among
// the 30,000 active people of xxl, and held in memory the keys are about
// 100 bytes a person.
type listKeys struct {
	version  int64
	archived bool
	ids      []int64
	keys     []string
}

// PrepareFilter reads the active or archived list's keys ahead of a
// filter's first letter, as the filter opens.
func (s *Store) PrepareFilter(ctx context.Context, archived bool) error {
	if _, err := s.listKeysFor(ctx, archived); err != nil {
		return fmt.Errorf("read the list to filter: %w", err)
	}
	return nil
}

// listKeysFor gives the keys of the active or archived list, read again
// when the journal has changed since they were read. The version is
// data_version on the connection pinned to watch (DataVersion), which
// changes with every commit by any other connection, this process's own
// writes included; it is taken before the keys are read, so a commit in
// between leaves keys newer than their version, read again next time,
// never older.
func (s *Store) listKeysFor(ctx context.Context, archived bool) (*listKeys, error) {
	version, err := s.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	s.keysMu.Lock()
	defer s.keysMu.Unlock()
	if k := s.keys; k != nil && k.version == version && k.archived == archived {
		return k, nil
	}
	k := &listKeys{version: version, archived: archived}
	err = s.read(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contacts WHERE archived = ?`, archived).Scan(&n); err != nil {
			return err
		}
		k.ids, k.keys = make([]int64, 0, n), make([]string, 0, n)
		return eachRow(ctx, tx, listKeysSQL, []any{archived},
			func(rows *sql.Rows) error {
				var id int64
				var key string
				err := rows.Scan(&id, &key)
				k.ids, k.keys = append(k.ids, id), append(k.keys, key)
				return err
			})
	})
	if err != nil {
		return nil, err
	}
	s.keys = k
	return k, nil
}

// listKeysSQL reads a list's keys from its index (contacts_list), in
// order.
const listKeysSQL = `SELECT id, search_key FROM contacts WHERE archived = ? ORDER BY name_key, id`

// freshListKeys gives the active or archived list's keys when they are in
// memory and the journal has not changed since they were read, else nil:
// a page of the whole list is then found among them, without a count of
// the list in SQL (on xxl, 30,000 people, a step each).
func (s *Store) freshListKeys(ctx context.Context, archived bool) *listKeys {
	version, err := s.DataVersion(ctx)
	if err != nil {
		return nil // the page is read as if they were not there
	}
	s.keysMu.Lock()
	defer s.keysMu.Unlock()
	if k := s.keys; k != nil && k.version == version && k.archived == archived {
		return k
	}
	return nil
}

// matching is the ids, in name order, of the people whose key holds every
// one of words (folded), as holdsEvery has it in SQL. With no words, it is
// everyone's: the keys' own list, which is never changed, not a copy.
func (k *listKeys) matching(words []string) []int64 {
	if len(words) == 0 {
		return k.ids
	}
	var ids []int64
next:
	for i, key := range k.keys {
		for _, w := range words {
			if !strings.Contains(key, w) {
				continue next
			}
		}
		ids = append(ids, k.ids[i])
	}
	return ids
}
