package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// pageNames are the names the random journals are made of: accents,
// scripts, the characters LIKE would take for patterns, look-alikes.
var pageNames = []string{"José Álvarez", "Jose Alvarez", "Zoë O'Brien", "zoe obrien", "王芳", "Ana_María", "100% Sam",
	"Ünal Şahin", "Maria Santos", "MARIA  santos", "Ørjan", "Ñandú", "Tuesday SMART", "Ward 3"}

var pageTags = []string{"walks", "café", "AA", "night_owl", "50%", "Öl"}

// randomPerson is a contact with some of pageNames' words and tags.
func randomPerson(rng *rand.Rand, i int) model.Contact {
	c := model.Contact{
		Name:   fmt.Sprintf("%s %d", pageNames[rng.IntN(len(pageNames))], rng.IntN(30)),
		Circle: model.Circles[rng.IntN(len(model.Circles))],
		Stance: model.Stances[rng.IntN(len(model.Stances))],
	}
	if rng.IntN(3) == 0 {
		c.Nickname = pageNames[rng.IntN(len(pageNames))]
	}
	if rng.IntN(3) == 0 {
		c.Group = pageNames[rng.IntN(len(pageNames))] + " group"
	}
	for range rng.IntN(3) {
		c.Tags = append(c.Tags, pageTags[rng.IntN(len(pageTags))])
	}
	if rng.IntN(2) == 0 {
		c.CadenceDays = 1 + rng.IntN(30)
	}
	c.Importance = rng.IntN(6)
	c.Archived = i%5 == 0
	return c
}

// pageJournal is a journal of n random people, a fifth archived, with a
// random history.
func pageJournal(t *testing.T, seed uint64, n int) (*Store, *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, 7))
	s := openStore(t)
	cs := make([]model.Contact, n)
	for i := range cs {
		cs[i] = randomPerson(rng, i)
	}
	ids, err := s.AddContacts(ctx, cs)
	if err != nil {
		t.Fatal(err)
	}
	var log []model.ReachOut
	for range 4 * n {
		at := fixedNow.Add(-time.Duration(rng.IntN(90*24)) * time.Hour)
		log = append(log, model.ReachOut{ContactID: ids[rng.IntN(len(ids))], At: at,
			Channel: model.ChannelCall, Direction: model.DirectionMine})
	}
	if err := s.AddReachOuts(ctx, log); err != nil {
		t.Fatal(err)
	}
	return s, rng
}

// filtered is what the screen showed before pages: the whole list, then
// the people whose SearchText holds every word.
func filtered(cs []model.Contact, filter string) []model.Contact {
	words := strings.Fields(model.Fold(filter))
	var out []model.Contact
	for _, c := range cs {
		hay := c.SearchText()
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, w) }) {
			out = append(out, c)
		}
	}
	return out
}

// TestContactPageAgreesWithTheWholeList: every page, filtered or not,
// landed on someone or not, active, archived or due, is a slice of the
// whole list filtered in memory as the screen used to: same people, same
// order, same tags and derived facts, same counts. The whole list is read
// first before any filter, in SQL, and last, from the filter's keys.
func TestContactPageAgreesWithTheWholeList(t *testing.T) {
	ctx := context.Background()
	s, rng := pageJournal(t, 1, 300)
	filters := []string{"", "jose", "JOSÉ", "zoe o'b", "王", "_", "%", "100%", "ana_m", "cafe", "walks 1", "sponsor", "mentor",
		"family", "group", "  maria   santos ", "nobody at all", "ol", "ünal", "smart ward", ""}
	for _, archived := range []bool{false, true} {
		all, err := s.Contacts(ctx, archived, testToday)
		if err != nil {
			t.Fatal(err)
		}
		active, err := s.Contacts(ctx, false, testToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, due := range []bool{false, true} {
			if due && archived {
				continue
			}
			for _, f := range filters {
				want := filtered(all, f)
				if due {
					quiet := model.QuietCircles(model.LatestByCircle(active), testToday)
					want = model.WhoNext(want, testToday, quiet)
				}
				for range 8 {
					q := model.ContactQuery{Archived: archived, Due: due, Filter: f, Today: testToday,
						Offset: rng.IntN(len(want) + 5), Limit: 1 + rng.IntN(40)}
					if rng.IntN(2) == 0 {
						q.Land = all[rng.IntN(len(all))].ID
					}
					checkPage(t, s, q, want, len(all))
				}
				checkPage(t, s, model.ContactQuery{Archived: archived, Due: due, Filter: f, Today: testToday}, want, len(all))
			}
		}
	}
}

// checkPage reads q's page and compares it with want, the whole list q
// pages through; all is the list's size filter aside.
func checkPage(t *testing.T, s *Store, q model.ContactQuery, want []model.Contact, all int) {
	t.Helper()
	p, err := s.ContactPage(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	at := slices.IndexFunc(want, func(c model.Contact) bool { return q.Land != 0 && c.ID == q.Land })
	if p.Total != len(want) || p.All != all || p.At != at {
		t.Fatalf("%+v: total %d, all %d, at %d; want %d, %d, %d", q, p.Total, p.All, p.At, len(want), all, at)
	}
	start, n := 0, len(want)
	if q.Limit > 0 {
		start = q.Offset
		if at >= 0 {
			start = at - q.Limit/2
		}
		start = max(0, min(start, len(want)-q.Limit))
		n = min(q.Limit, len(want)-start)
	}
	if p.Offset != start {
		t.Fatalf("%+v: the page starts at %d, want %d", q, p.Offset, start)
	}
	page := want[start : start+n]
	if len(p.Contacts) != len(page) {
		t.Fatalf("%+v: %d people, want %d", q, len(p.Contacts), len(page))
	}
	for i, c := range p.Contacts {
		w := page[i]
		// Reached30 is the details' (ContactHistory), not a page's.
		if c.ID != w.ID || !slices.Equal(c.Tags, w.Tags) || !c.LastContact.Equal(w.LastContact) || c.Reached30 != 0 ||
			c.Name != w.Name || c.Notes != w.Notes || c.UID != w.UID {
			t.Fatalf("%+v: row %d is %+v, want %+v", q, i, c, w)
		}
	}
}

// TestContactPageReadsTheListIndex: a page of the list, filtered or not,
// is read from contacts_list alone, in its order (no sort of the list):
// its cost is the page's, not the journal's.
func TestContactPageReadsTheListIndex(t *testing.T) {
	s := openStore(t)
	for _, tc := range []struct {
		q    string
		args []any
	}{
		{`SELECT id FROM contacts WHERE archived = ?1 AND true ORDER BY name_key, id LIMIT ?2 OFFSET ?3`, []any{false, 50, 100}},
		{listKeysSQL, []any{false}},
		{`SELECT count(*) FROM contacts WHERE archived = ?1 AND true AND (name_key, id) < (?2, ?3)`, []any{false, "x", 9}},
	} {
		plan := queryPlan(t, s, tc.q, tc.args...)
		if !strings.Contains(plan, "USING COVERING INDEX contacts_list") || strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("%s\nplan: %s", tc.q, plan)
		}
	}
	if plan := queryPlan(t, s, `SELECT name FROM contacts WHERE look_key = ? AND id <> ? ORDER BY archived, name_key, id LIMIT 1`, "x", 1); !strings.Contains(plan, "contacts_look") {
		t.Errorf("the look-alike is not read from contacts_look: %s", plan)
	}
}

// checkContactKeys recounts every contact's search_key and look_key, and
// their name's and nickname's words, from their fields and tags, as the
// model makes them.
func checkContactKeys(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	keys := map[int64][4]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, search_key, look_key, name_words, nickname_words FROM contacts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var search, look, name, nickname string
		if err := rows.Scan(&id, &search, &look, &name, &nickname); err != nil {
			t.Fatal(err)
		}
		keys[id] = [4]string{search, look, name, nickname}
	}
	rows.Close()
	n := 0
	for _, archived := range []bool{false, true} {
		cs, err := s.Contacts(ctx, archived, testToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			n++
			want := [4]string{c.SearchText(), model.LookAlikeKey(c.Name), model.NameWords(c.Name), model.NameWords(c.Nickname)}
			if got := keys[c.ID]; got != want {
				t.Fatalf("%s: %s's keys are %q, recounted %q", when, c.Name, got, want)
			}
		}
	}
	if n != len(keys) || n == 0 {
		t.Fatalf("%s: %d keys for %d contacts", when, len(keys), n)
	}
}

// TestContactKeysAgreeWithARecount: after random saves (names, circles,
// tags changed), adds, an import, a merge of another copy and
// Replicate's copies, every contact's keys are what their fields make.
func TestContactKeysAgreeWithARecount(t *testing.T) {
	ctx := context.Background()
	s, rng := pageJournal(t, 2, 40)
	checkContactKeys(t, s, "after AddContacts")
	for i := range 200 {
		cs, err := s.Contacts(ctx, rng.IntN(4) == 0, testToday)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case rng.IntN(4) == 0 || len(cs) == 0:
			if _, err := s.SaveContact(ctx, randomPerson(rng, i)); err != nil {
				t.Fatal(err)
			}
		case rng.IntN(8) == 0:
			c := randomPerson(rng, i)
			if _, err := s.LogWithNewContact(ctx, c, model.ReachOut{At: fixedNow, Channel: model.ChannelText, Direction: model.DirectionMine}); err != nil {
				t.Fatal(err)
			}
		default:
			c := cs[rng.IntN(len(cs))]
			o := randomPerson(rng, i)
			switch rng.IntN(4) {
			case 0:
				c.Name = o.Name
			case 1:
				c.Circle = o.Circle
			case 2:
				c.Tags = o.Tags
			default:
				c.Nickname, c.Group = o.Nickname, o.Group
			}
			if _, err := s.SaveContact(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	checkContactKeys(t, s, "after random saves")

	// An import of people from elsewhere, and a merge of another copy
	// that changed some of ours.
	var cards []model.Contact
	for i := range 20 {
		cards = append(cards, randomPerson(rng, i))
	}
	if _, err := s.ImportContacts(ctx, cards, false); err != nil {
		t.Fatal(err)
	}
	checkContactKeys(t, s, "after an import")
	other := openStore(t)
	exchange(t, s, other)
	cs, err := other.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	other.Now = func() time.Time { return fixedNow.Add(time.Hour) }
	for _, c := range cs[:10] {
		c.Name, c.Tags, c.Circle = c.Name+" Ünal", append(c.Tags, "Merged"), model.CircleFaith
		if _, err := other.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if rep := exchange(t, other, s); rep.Updated == 0 {
		t.Fatalf("the merge changed nobody: %+v", rep)
	}
	checkContactKeys(t, s, "after a merge")
	if err := s.Replicate(ctx, 3); err != nil {
		t.Fatal(err)
	}
	checkContactKeys(t, s, "after Replicate")
}

// TestContactKeysFilledByTheMigration: a journal of schema 11 gets the
// keys of the people (and their tags) it already holds, schema 12's and
// schema 15's name words.
func TestContactKeysFilledByTheMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 11)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 30 {
		c := randomPerson(rng, i).Normalize()
		res, err := old.db.ExecContext(ctx, `INSERT INTO contacts (name, name_key, nickname, circle, group_context, archived, archived_at, created_at, updated_at, uid)
			VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ? END, ?, ?, `+newUIDSQL+`)`,
			c.Name, c.SortKey(), c.Nickname, string(c.Circle), c.Group, c.Archived, c.Archived, stamp(fixedNow), stamp(fixedNow), stamp(fixedNow))
		if err != nil {
			t.Fatal(err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			t.Fatal(err)
		}
		for pos, tag := range c.Tags {
			mustExec(t, old.db, fmt.Sprintf(`INSERT INTO contact_tags (contact_id, tag, tag_key, position) VALUES (%d, '%s', '%s', %d)`,
				id, strings.ReplaceAll(tag, "'", "''"), strings.ReplaceAll(model.Fold(tag), "'", "''"), pos))
		}
	}
	old.db.Close()
	s := openAt(t, path)
	checkContactKeys(t, s, "after the migration")
	all, err := s.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, s, model.ContactQuery{Filter: "jose", Today: testToday, Limit: 5}, filtered(all, "jose"), len(all))
}

// TestLookAlikeFindsTheSameLookingName: names that look the same on a
// screen (case, spaces, invisible characters) are found, with the person
// themselves left out; accents make a different name.
func TestLookAlikeFindsTheSameLookingName(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	ids, err := s.AddContacts(ctx, []model.Contact{{Name: "Maria Santos"}, {Name: "José Luis", Archived: true}, {Name: "Jose Luis"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id         int64
		name, want string
	}{
		{0, "MARIA  santos", "Maria Santos"},
		{ids[0], "Maria Santos", ""},
		{0, "Jose\u0301 Luis", "José Luis"},
		{0, "Ma\u200bria Santos", "Maria Santos"},
		{0, "Mario Santos", ""},
		{ids[2], "jose luis", ""},
	} {
		got, err := s.LookAlike(ctx, tc.id, tc.name)
		if err != nil || got != tc.want {
			t.Errorf("LookAlike(%d, %q) = %q, %v; want %q", tc.id, tc.name, got, err, tc.want)
		}
	}
}

// A filter searches keys held in memory, read again whenever the journal
// changed: by this store, by another process on the same file, and when
// the other list is asked for; never when nothing changed.
func TestContactFilterSeesEveryChange(t *testing.T) {
	s := openStore(t)
	other := openAt(t, s.path)
	ctx := context.Background()
	names := func(archived bool) []string {
		t.Helper()
		p, err := s.ContactPage(ctx, model.ContactQuery{Archived: archived, Filter: "ANA", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range p.Contacts {
			out = append(out, c.Name)
		}
		if p.Total != len(out) {
			t.Fatalf("Total %d for %q", p.Total, out)
		}
		return out
	}
	want := func(archived bool, w ...string) {
		t.Helper()
		if got := names(archived); !slices.Equal(got, w) {
			t.Fatalf("filtered %v; want %v", got, w)
		}
	}
	ana, err := s.SaveContact(ctx, model.Contact{Name: "Ana Ruiz"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PrepareFilter(ctx, false); err != nil {
		t.Fatal(err)
	}
	held := s.keys
	want(false, "Ana Ruiz")
	want(false, "Ana Ruiz")
	if s.keys != held {
		t.Error("the keys were read again though nothing changed")
	}
	bel, err := s.SaveContact(ctx, model.Contact{Name: "Anabel"})
	if err != nil {
		t.Fatal(err)
	}
	want(false, "Ana Ruiz", "Anabel")
	if _, err := other.SaveContact(ctx, model.Contact{Name: "Banana Bread Club"}); err != nil {
		t.Fatal(err)
	}
	want(false, "Ana Ruiz", "Anabel", "Banana Bread Club")
	if err := other.SetArchived(ctx, ana.ID, true); err != nil {
		t.Fatal(err)
	}
	want(false, "Anabel", "Banana Bread Club")
	want(true, "Ana Ruiz")
	bel.Name = "Bel"
	if _, err := s.SaveContact(ctx, bel); err != nil {
		t.Fatal(err)
	}
	want(false, "Banana Bread Club")
}
