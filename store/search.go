package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// searchSQL finds one kind's places (the rowids from ?2 to ?3), newest
// first, a page at most: FTS5 walks the rowid range backwards and stops, so
// a common word costs no more than a rare one. A reach-out brings its
// person's id and name.
const searchSQL = `SELECT s.kind, s.ref, s.day, s.title,
		snippet(search, -1, char(1), char(2), '…', 12),
		coalesce(r.contact_id, 0), coalesce(c.name, ''), coalesce(p.archived, 0)
	FROM search s
	LEFT JOIN reach_outs r ON s.kind = 'reach-out' AND r.id = CAST(s.ref AS INTEGER)
	LEFT JOIN contacts c ON c.id = r.contact_id
	LEFT JOIN contacts p ON s.kind = 'contact' AND p.id = CAST(s.ref AS INTEGER)
	WHERE search MATCH ?1 AND s.rowid BETWEEN ?2 AND ?3
	ORDER BY s.rowid DESC LIMIT ?4`

// searchRanges are the kinds' rowid ranges (see the index's schema), in
// the order results are shown.
var searchRanges = func() [][2]int64 {
	var out [][2]int64
	for _, kind := range []int64{1, 2, 3, 4, 5} {
		out = append(out, [2]int64{kind << 56, kind<<56 | (1<<56 - 1)})
	}
	return out
}()

// ErrNoSearch is Search's error on a journal from before the search index
// that this Store may not update (opened read-only).
var ErrNoSearch = fmt.Errorf("this journal was written by an older Tether and has no search index yet; open it once in Tether to add one")

// Search finds what the person typed anywhere in the journal (see
// model.SearchQuery): contact names, nicknames, notes, groups and tags;
// reach-out notes; check-in notes and what helped; reflection answers; the
// safety plan. At most limit places of each kind, people first, then
// reach-outs, check-ins, reflections and the plan, each newest first.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]model.SearchHit, error) {
	q := model.SearchQuery(text)
	if q == "" || limit <= 0 {
		return nil, nil
	}
	if s.schema != 0 && s.schema < 8 {
		return nil, ErrNoSearch
	}
	var out []model.SearchHit
	err := s.read(ctx, func(tx *sql.Tx) error {
		for _, r := range searchRanges {
			if err := searchKind(ctx, tx, q, r, limit, &out); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search the journal: %w", err)
	}
	return out, nil
}

// searchKind appends a page of one kind's places to out.
func searchKind(ctx context.Context, tx *sql.Tx, q string, r [2]int64, limit int, out *[]model.SearchHit) error {
	rows, err := tx.QueryContext(ctx, searchSQL, q, r[0], r[1], limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, ref, day, title, name string
		var h model.SearchHit
		if err := rows.Scan(&kind, &ref, &day, &title, &h.Snippet, &h.ContactID, &name, &h.Archived); err != nil {
			return err
		}
		// Empty parts (no nickname, no group) leave spaces behind.
		h.Kind, h.Title = model.SearchKind(kind), strings.Join(strings.Fields(title), " ")
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		if day != "" {
			if h.Day, err = model.ParseDate(day); err != nil {
				return err
			}
		}
		switch h.Kind {
		case model.SearchContact:
			h.ContactID, _ = strconv.ParseInt(ref, 10, 64)
		case model.SearchReachOut:
			h.ReachOutID, _ = strconv.ParseInt(ref, 10, 64)
			h.Title = name
		case model.SearchReflection:
			if h.Week, err = model.ParseWeek(ref); err != nil {
				return err
			}
		}
		*out = append(*out, h)
	}
	return rows.Err()
}
