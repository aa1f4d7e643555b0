package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// contactColumns is the order scanContact reads; every SELECT of a contact
// uses it so the two never drift apart.
const contactColumns = `id, name, nickname, circle, group_context, phone, email,
	preferred, availability, any_time, any_time_since, distraction, importance,
	supportive, stance, known_since, cadence_days, notes, archived,
	` + schema7Columns + `,
	created_at, updated_at, uid`

// schema7Columns are the contact's columns schema 7 added.
const schema7Columns = `rest_cadence, snoozed_until, birthday, recovery_date`

// before7 reads schema7Columns from a journal that does not have them yet
// as their defaults, so a reader of a journal no app has updated yet (the
// crisis card above all) still reads its people.
var before7 = strings.NewReplacer(
	"c."+strings.ReplaceAll(schema7Columns, ", ", ", c."), `0, '', '', ''`,
	schema7Columns, `0, '', '', ''`)

// before9 reads the uids schema 9 added from a journal without them as
// none (”).
var before9 = strings.NewReplacer(
	"c.updated_at, c.uid", "c.updated_at, ''",
	"updated_at, uid", "updated_at, ''",
	"r.uid, r.updated_at", "'', r.updated_at",
	"p.updated_at, p.uid", "p.created_at, ''")

// forSchema is a query of contacts, reach-outs or plans as the journal's
// schema can answer it.
func (s *Store) forSchema(query string) string {
	if s.schema != 0 && s.schema < 9 {
		query = before9.Replace(query)
	}
	if s.schema != 0 && s.schema < 7 {
		query = before7.Replace(query)
	}
	return query
}

// Contacts lists the active (archived false) or archived contacts, in name
// order ignoring case and accents (model.Fold), then by id, with their tags
// and the facts the list shows beside each name: LastContact, the latest
// reach-out in the local time it was logged, and Reached30, the reach-outs
// on the local days today-29 to today. A zero today leaves Reached30 at 0.
func (s *Store) Contacts(ctx context.Context, archived bool, today model.Date) ([]model.Contact, error) {
	var out []model.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryContacts(ctx, tx, true, s.forSchema(contactListSQL), append(window30(today), archived),
			`SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
			 WHERE c.archived = ? ORDER BY t.contact_id, t.position`, archived)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	return out, nil
}

// AnyTimeContacts lists the active people who agreed to a call at any hour,
// by name: the heart of the crisis card.
func (s *Store) AnyTimeContacts(ctx context.Context) ([]model.Contact, error) {
	var out []model.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryContacts(ctx, tx, false,
			s.forSchema(`SELECT `+contactColumns+` FROM contacts WHERE any_time = 1 AND archived = 0 ORDER BY name_key, id`), nil,
			`SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
			 WHERE c.any_time = 1 AND c.archived = 0 ORDER BY t.contact_id, t.position`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list any-time contacts: %w", err)
	}
	return out, nil
}

// cardGroups are the crisis card's groups of people, each with its index
// (schema15) and the count of it CardPeople keeps.
var cardGroups = []cardGroup{
	{"contacts_card_any_time", cardAnyTime, func(p *model.CardPeople) *int { return &p.AnyTime }},
	{"contacts_card_distraction", cardDistraction, func(p *model.CardPeople) *int { return &p.Distraction }},
	{"contacts_card_professionals", cardProfessionals, func(p *model.CardPeople) *int { return &p.Professionals }},
}

type cardGroup struct {
	index, where string
	count        func(*model.CardPeople) *int
}

// from is the FROM and WHERE of the group's queries: its index, or, in an
// older journal opened read-only, which has none, its condition alone.
func (g cardGroup) from(schema int) string {
	if schema != 0 && schema < 15 {
		return `FROM contacts WHERE ` + g.where
	}
	return `FROM contacts INDEXED BY ` + g.index + ` WHERE ` + g.where
}

// cardFirstSQL is the first of a group or of a list of ids, ?1 of them,
// in the card's order.
func cardFirstSQL(from string) string {
	return `SELECT id ` + from + ` ORDER BY ` + cardOrder + ` LIMIT ?`
}

// cardNamedFrom is the people a part of the plan names, ?1 being a JSON
// list of their ids.
const cardNamedFrom = `FROM contacts WHERE id IN (SELECT value FROM json_each(?1))`

// cardPeopleSQL reads the card's people, ?1 being a JSON list of their ids.
const cardPeopleSQL = `SELECT ` + cardColumns + ` FROM contacts WHERE id IN (SELECT value FROM json_each(?1))`

// cardNamedParts are the parts of the safety plan whose lines name
// people the card shows.
var cardNamedParts = []string{model.PlanAskForHelp, model.PlanDistractions}

// CardPeople reads whom the crisis card may show (model.CardPeople): the
// first model.CardGroupPeople of each of its groups, from each group's
// index (schema15) in the card's order, and how many the group holds,
// counted in the index; the same of the people each of the plan's "ask
// for help" and "take my mind off it" parts names. Each comes with what
// the card shows (cardColumns), not their notes or tags. The read costs
// the same among fifty people as among fifty thousand, but for finding
// whom the plan names (namedIn).
func (s *Store) CardPeople(ctx context.Context, plan model.SafetyPlan) (model.CardPeople, error) {
	var out model.CardPeople
	err := s.read(ctx, func(tx *sql.Tx) error {
		ids := []int64{}
		// first adds the first of a group, read by query, to ids.
		first := func(query string, args ...any) error {
			return eachRow(ctx, tx, query, append(args, model.CardGroupPeople), func(rows *sql.Rows) error {
				var id int64
				err := rows.Scan(&id)
				ids = append(ids, id)
				return err
			})
		}
		for _, g := range cardGroups {
			from := g.from(s.schema)
			if err := tx.QueryRowContext(ctx, `SELECT count(*) `+from).Scan(g.count(&out)); err != nil {
				return err
			}
			if err := first(cardFirstSQL(from)); err != nil {
				return err
			}
		}
		for _, part := range cardNamedParts {
			text := strings.Join(plan.Lines(part), "\n")
			if strings.TrimSpace(text) == "" {
				continue
			}
			named, err := s.namedIn(ctx, tx, text)
			if err != nil {
				return err
			}
			if out.Named == nil {
				out.Named = map[string]int{}
			}
			out.Named[part] = len(named)
			list, err := json.Marshal(named)
			if err != nil {
				return err
			}
			if err := first(cardFirstSQL(cardNamedFrom), string(list)); err != nil {
				return err
			}
		}
		list, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		// A seek each: every id is of someone active, and asking it again
		// here had SQLite read the list's index whole to find them (xxl:
		// 10 ms).
		out.People = make([]model.Contact, 0, len(ids))
		return eachRow(ctx, tx, cardPeopleSQL, []any{string(list)}, func(rows *sql.Rows) error {
			var c model.Contact
			var circle, preferred, stance string
			err := rows.Scan(&c.ID, &c.Name, &c.Nickname, &circle, &c.Phone, &c.Email, &preferred, &c.Availability,
				&c.AnyTime, &c.Distraction, &c.Importance, &stance, &c.Archived)
			c.Circle, c.Preferred, c.Stance = model.Circle(circle), model.Channel(preferred), model.Stance(stance)
			out.People = append(out.People, c)
			return err
		})
	})
	if err != nil {
		return model.CardPeople{}, fmt.Errorf("read the people on the crisis card: %w", err)
	}
	return out, nil
}

// cardColumns are what the crisis card shows of a person and orders them
// by (model.BuildCrisisCard), and what the hard day card asks of them
// (model.BuildHardDayCard: a way to reach them), and no more: on a large
// journal the card's people are thousands, and their notes, tags and
// dates were most of the read (xl: 13 → 5 ms).
const cardColumns = `id, name, nickname, circle, phone, email, preferred, availability, any_time, distraction, importance, stance, archived`

// PeopleNamed are the active people whose name or nickname text holds as
// whole words (model.PeopleNamed), by name: found from the folded names
// kept in the list's index (namedIn), and only they are read whole.
func (s *Store) PeopleNamed(ctx context.Context, text string) ([]model.Contact, error) {
	var out []model.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		named, err := s.namedIn(ctx, tx, text)
		if err != nil || len(named) == 0 {
			return err
		}
		list, err := json.Marshal(named)
		if err != nil {
			return err
		}
		const ids = `SELECT value FROM json_each(?1)`
		out, err = queryContacts(ctx, tx, false,
			s.forSchema(`SELECT `+contactColumns+` FROM contacts WHERE id IN (`+ids+`) ORDER BY name_key, id`), []any{string(list)},
			`SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (`+ids+`) ORDER BY contact_id, position`, string(list))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("find the people named: %w", err)
	}
	return out, nil
}

// namedIn are the ids of the active people text names (model.PeopleNamed),
// in no particular order. A name is held by text as whole words: it is
// the words of text from one of them on, or the first few of them, so it
// sorts from that word to the rest of text from it. Only the people whose
// name or nickname lies in one of those ranges of schema15's indexes are
// read, and tested. An older journal, opened read-only, is read whole: the
// folded names schema 12 keeps at the start of each search_key, or before
// it every name, folded here.
func (s *Store) namedIn(ctx context.Context, tx *sql.Tx, text string) ([]int64, error) {
	words := strings.Fields(model.NameWords(text))
	if len(words) == 0 {
		return []int64{}, nil
	}
	ranges := make([][2]string, len(words))
	for i, w := range words {
		ranges[i] = [2]string{w, strings.Join(words[i:], " ")}
	}
	slices.SortFunc(ranges, func(a, b [2]string) int { return strings.Compare(a[0]+"\n"+a[1], b[0]+"\n"+b[1]) })
	list, err := json.Marshal(slices.Compact(ranges))
	if err != nil {
		return nil, err
	}
	query, args := namedSQL, []any{string(list)}
	folded := func(name, nickname string) (string, string) { return name, nickname } // kept folded
	switch {
	case s.schema != 0 && s.schema < 12:
		query, args = `SELECT id, name, nickname FROM contacts WHERE archived = 0`, nil
		folded = func(name, nickname string) (string, string) { return model.Fold(name), model.Fold(nickname) }
	case s.schema != 0 && s.schema < 15:
		query, args = `SELECT id, search_key, '' FROM contacts INDEXED BY contacts_list WHERE archived = 0`, nil
		folded = func(key, _ string) (string, string) {
			// search_key is the folded name, nickname, group, … a line each.
			name, rest, _ := strings.Cut(key, "\n")
			nickname, _, _ := strings.Cut(rest, "\n")
			return name, nickname
		}
	}
	names := model.NamesIn(text)
	ids := []int64{}
	err = eachRow(ctx, tx, query, args, func(rows *sql.Rows) error {
		var id int64
		var name, nickname string
		if err := rows.Scan(&id, &name, &nickname); err != nil {
			return err
		}
		if names(folded(name, nickname)) {
			ids = append(ids, id)
		}
		return nil
	})
	return ids, err
}

// namedSQL reads the active people whose name or nickname (as
// model.NameWords has them) lies in one of the ranges of ?1, a JSON list
// of [from, to] pairs, from their indexes alone.
const namedSQL = `SELECT c.id, c.name_words, c.nickname_words FROM json_each(?1) w
	JOIN contacts c INDEXED BY contacts_name_words ON c.name_words BETWEEN w.value ->> 0 AND w.value ->> 1
	WHERE c.archived = 0
	UNION
	SELECT c.id, c.name_words, c.nickname_words FROM json_each(?1) w
	JOIN contacts c INDEXED BY contacts_nickname_words ON c.nickname_words BETWEEN w.value ->> 0 AND w.value ->> 1
	WHERE c.archived = 0 AND c.nickname_words <> ''`

// eachRow runs query and hands each of its rows to fn.
func eachRow(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// professionalsSQL reads the active range of contacts_list, already in
// name order, keeping the few professionals.
const professionalsSQL = `SELECT ` + contactColumns + ` FROM contacts
	WHERE archived = 0 AND circle IN ('healthcare', 'treatment') AND phone <> ''
	ORDER BY name_key, id`

// Professionals lists the active contacts in the healthcare and treatment
// circles who have a phone number, by name: the crisis card's
// professionals, read without the rest of the list.
func (s *Store) Professionals(ctx context.Context) ([]model.Contact, error) {
	var out []model.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryContacts(ctx, tx, false, s.forSchema(professionalsSQL), nil,
			`SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
			 WHERE c.archived = 0 AND c.circle IN ('healthcare', 'treatment') AND c.phone <> ''
			 ORDER BY t.contact_id, t.position`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list the professionals: %w", err)
	}
	return out, nil
}

// Contact reads one contact, archived or not, with its tags and derived
// facts (Reached30 as of the store's clock, s.Now); ErrNotFound if there is
// none.
func (s *Store) Contact(ctx context.Context, id int64) (model.Contact, error) {
	var c model.Contact
	today := model.DateOf(s.now())
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = readContact(ctx, tx, id, today)
		return err
	})
	if err != nil {
		return model.Contact{}, fmt.Errorf("read contact %d: %w", id, err)
	}
	return c, nil
}

// SaveContact normalizes and validates c, then inserts it (ID 0) or updates
// the contact with its ID, tags replaced by c's. A contact that fails
// validation is refused with its model.Problems as the error, so a form can
// show each message beside its field; nothing is written. Dates in the
// future are the form's to catch (it knows today); the store has no clock
// for days. It returns the contact as stored, with its derived facts as
// Contact gives them. An update's c.UpdatedAt is the version it replaces:
// if the contact was saved since (another window), nothing is written and
// the error is a *model.ChangedError holding the contact as it now is.
func (s *Store) SaveContact(ctx context.Context, c model.Contact) (model.Contact, error) {
	c = c.Normalize()
	if p := c.Validate(model.Date{}); len(p) > 0 {
		return model.Contact{}, p
	}
	now := s.now()
	today := model.DateOf(now)
	var saved model.Contact
	err := s.write(ctx, func(tx *sql.Tx) error {
		id := c.ID
		if id == 0 {
			var err error
			if id, err = insertContact(ctx, tx, c, now, now); err != nil {
				return err
			}
		} else {
			if err := unchangedSince(ctx, tx, c, today); err != nil {
				return err
			}
			if err := updateContact(ctx, tx, c, now); err != nil {
				return err
			}
		}
		if err := replaceTags(ctx, tx, id, c.Tags); err != nil {
			return err
		}
		var err error
		saved, err = readContact(ctx, tx, id, today)
		return err
	})
	if err != nil {
		if c.ID == 0 {
			return model.Contact{}, fmt.Errorf("save new contact: %w", err)
		}
		return model.Contact{}, savingWhat(err, "save contact %d", c.ID)
	}
	return saved, nil
}

// AddContacts inserts many new contacts in one transaction: all of them, or
// (when any is invalid, or a write fails) none. Each invalid contact is named
// in the error as a *ContactError. IDs in cs are ignored; the new IDs are
// returned in order. A contact's CreatedAt and UpdatedAt are kept when set,
// so an import or a sample journal keeps its history; else they are now.
func (s *Store) AddContacts(ctx context.Context, cs []model.Contact) ([]int64, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	norm, bad := checkContacts(cs)
	if len(bad) > 0 {
		return nil, fmt.Errorf("add contacts: nothing was saved: %w", errors.Join(bad...))
	}

	now := s.now()
	ids := make([]int64, len(norm))
	err := s.write(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, insertContactSQL)
		if err != nil {
			return err
		}
		defer ins.Close()
		tag, err := tx.PrepareContext(ctx, insertTagSQL)
		if err != nil {
			return err
		}
		defer tag.Close()
		for i, c := range norm {
			created, updated := c.CreatedAt, c.UpdatedAt
			if created.IsZero() {
				created = now
			}
			if updated.IsZero() {
				updated = created
			}
			res, err := ins.ExecContext(ctx, insertArgs(c, created, updated)...)
			if err != nil {
				return fmt.Errorf("contact #%d: %w", i+1, err)
			}
			if ids[i], err = res.LastInsertId(); err != nil {
				return err
			}
			for pos, t := range c.Tags {
				if _, err := tag.ExecContext(ctx, ids[i], t, model.Fold(t), pos); err != nil {
					return fmt.Errorf("contact #%d: tag %d: %w", i+1, pos+1, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add contacts: nothing was saved: %w", err)
	}
	return ids, nil
}

// checkContacts normalizes and validates a batch of contacts from elsewhere
// (an import, a sample): the model's rules, not the clock, and instants
// within the years a stamp can hold. Each refused contact is a
// *ContactError.
func checkContacts(cs []model.Contact) ([]model.Contact, []error) {
	norm := make([]model.Contact, len(cs))
	var bad []error
	for i, c := range cs {
		c = c.Normalize()
		p := c.Validate(model.Date{})
		for field, t := range map[string]time.Time{"created": c.CreatedAt, "updated": c.UpdatedAt} {
			if !t.IsZero() && (t.Year() < 1900 || t.Year() > 9999) {
				p[field] = "The year is out of range."
			}
		}
		if len(p) > 0 {
			bad = append(bad, &ContactError{Index: i, Name: c.Name, Problems: p})
		}
		norm[i] = c
	}
	return norm, bad
}

// SetArchived archives or restores a contact. Nothing is ever deleted:
// archiving keeps every field and the history, and restoring brings it back.
func (s *Store) SetArchived(ctx context.Context, id int64, archived bool) error {
	now := stamp(s.now())
	err := s.write(ctx, func(tx *sql.Tx) error {
		var was bool
		err := tx.QueryRowContext(ctx, `SELECT archived FROM contacts WHERE id = ?`, id).Scan(&was)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil || was == archived {
			return err
		}
		var at any // archived_at is NULL while the contact is active
		if archived {
			at = now
		}
		_, err = tx.ExecContext(ctx,
			`UPDATE contacts SET archived = ?, archived_at = ?, updated_at = ? WHERE id = ?`,
			archived, at, now, id)
		return err
	})
	if err != nil {
		verb := "restore"
		if archived {
			verb = "archive"
		}
		return fmt.Errorf("%s contact %d: %w", verb, id, err)
	}
	return nil
}

// CountContacts counts the active and the archived contacts.
func (s *Store) CountContacts(ctx context.Context) (active, archived int, err error) {
	err = s.db.QueryRowContext(ctx,
		`SELECT count(*) FILTER (WHERE archived = 0), count(*) FILTER (WHERE archived = 1) FROM contacts`).
		Scan(&active, &archived)
	if err != nil {
		return 0, 0, fmt.Errorf("count contacts: %w", err)
	}
	return active, archived, nil
}

const insertContactSQL = `INSERT INTO contacts (
	name, name_key, nickname, circle, group_context, phone, email, preferred,
	availability, any_time, any_time_since, distraction, importance, supportive,
	stance, known_since, cadence_days, notes, archived,
	rest_cadence, snoozed_until, birthday, recovery_date, search_key, look_key,
	name_words, nickname_words, archived_at, created_at, updated_at, uid
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ` + newUID + `)`

const insertTagSQL = `INSERT INTO contact_tags (contact_id, tag, tag_key, position) VALUES (?, ?, ?, ?)`

// fieldArgs are the columns a person edits, in insertContactSQL's order,
// and the keys made of them (schema 12, and the name words of schema 15):
// c's tags are the ones written with it.
func fieldArgs(c model.Contact) []any {
	return []any{
		c.Name, c.SortKey(), c.Nickname, string(c.Circle), c.Group, c.Phone, c.Email,
		string(c.Preferred), c.Availability, c.AnyTime, c.AnyTimeSince.String(),
		c.Distraction, c.Importance, c.Supportive, string(c.Stance),
		c.KnownSince.String(), c.CadenceDays, c.Notes, c.Archived,
		c.RestCadence, c.SnoozedUntil.String(), c.Birthday.String(), c.RecoveryDate.String(),
		c.SearchText(), model.LookAlikeKey(c.Name),
		model.NameWords(c.Name), model.NameWords(c.Nickname),
	}
}

func insertArgs(c model.Contact, created, updated time.Time) []any {
	var archivedAt any // NULL unless archived; the contact has no field for it
	if c.Archived {
		archivedAt = stamp(updated)
	}
	return append(fieldArgs(c), archivedAt, stamp(created), stamp(updated), c.UID)
}

func insertContact(ctx context.Context, tx *sql.Tx, c model.Contact, created, updated time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, insertContactSQL, insertArgs(c, created, updated)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// unchangedSince refuses to overwrite a contact saved by someone else after
// c was read: the journal's updated_at must be c's. The refusal carries the
// contact as it now is (see model.ChangedError).
func unchangedSince(ctx context.Context, tx *sql.Tx, c model.Contact, today model.Date) error {
	stored, err := readContact(ctx, tx, c.ID, today)
	if err != nil {
		return err
	}
	if stored.UpdatedAt.Equal(c.UpdatedAt) {
		return nil
	}
	return &model.ChangedError{What: model.PrintableLine(stored.Name), Theirs: stored}
}

// updateContact rewrites the edited fields; created_at stays, and
// archived_at keeps the day it was first archived unless the contact is
// restored (or archived now).
func updateContact(ctx context.Context, tx *sql.Tx, c model.Contact, now time.Time) error {
	args := append(fieldArgs(c), c.Archived, stamp(now), stamp(now), c.ID)
	res, err := tx.ExecContext(ctx, `UPDATE contacts SET
		name = ?, name_key = ?, nickname = ?, circle = ?, group_context = ?, phone = ?,
		email = ?, preferred = ?, availability = ?, any_time = ?, any_time_since = ?,
		distraction = ?, importance = ?, supportive = ?, stance = ?, known_since = ?,
		cadence_days = ?, notes = ?, archived = ?,
		rest_cadence = ?, snoozed_until = ?, birthday = ?, recovery_date = ?,
		search_key = ?, look_key = ?, name_words = ?, nickname_words = ?,
		archived_at = CASE WHEN ? THEN coalesce(archived_at, ?) END,
		updated_at = ?
		WHERE id = ?`, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// replaceTags swaps a contact's tags for tags, keeping their order.
func replaceTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM contact_tags WHERE contact_id = ?`, id); err != nil {
		return err
	}
	for pos, t := range tags {
		if _, err := tx.ExecContext(ctx, insertTagSQL, id, t, model.Fold(t), pos); err != nil {
			return fmt.Errorf("tag %d: %w", pos+1, err)
		}
	}
	return nil
}

func readContact(ctx context.Context, tx *sql.Tx, id int64, today model.Date) (model.Contact, error) {
	cs, err := queryContacts(ctx, tx, true, contactByIDSQL, append(window30(today), id),
		`SELECT contact_id, tag FROM contact_tags WHERE contact_id = ? ORDER BY position`, id)
	if err != nil {
		return model.Contact{}, err
	}
	if len(cs) == 0 {
		return model.Contact{}, ErrNotFound
	}
	return cs[0], nil
}

// qualifiedContactColumns is contactColumns read from the alias c, for
// queries that join contacts to other tables.
var qualifiedContactColumns = func() string {
	cols := strings.Split(contactColumns, ",")
	for i, col := range cols {
		cols[i] = "c." + strings.TrimSpace(col)
	}
	return strings.Join(cols, ", ")
}()

// contactsWithDerived selects the contacts matching where (which uses
// parameter ?5) with their derived facts, in one query: no query per
// contact. The latest reach-out is on the contact's row (schema5 keeps it);
// the 30-day count is a short range of reach_outs_contact, bounded in
// at_unix by window30 and decided by the local day. ?1 to ?4 are
// window30's.
func contactsWithDerived(where string) string {
	return `SELECT ` + qualifiedContactColumns + `, c.last_at_unix, c.last_at_offset,
		(` + reached30("c.id") + `)
		FROM contacts c
		WHERE ` + where + ` ORDER BY c.name_key, c.id`
}

// reached30 counts the reach-outs of the person whose id is the SQL
// expression contact on the local days of window30 (?1 to ?4): a short
// range of reach_outs_contact_day, decided by the local day.
func reached30(contact string) string {
	return `SELECT count(*) FROM reach_outs w WHERE w.contact_id = ` + contact + `
		AND w.at_unix >= ?1 AND w.at_unix < ?2 AND w.day BETWEEN ?3 AND ?4`
}

// The contact queries with derived facts: one tab of the list, and one
// contact.
var (
	contactListSQL = contactsWithDerived(`c.archived = ?5`)
	contactByIDSQL = contactsWithDerived(`c.id = ?5`)
)

// maxOffset is the widest offset from UTC the schema allows (±18 hours):
// the instants of a local day D lie between D's midnight UTC minus
// maxOffset and the next midnight UTC plus maxOffset.
const maxOffset = 18 * 60 * 60

// window30 are the parameters ?1 to ?4 of reached30: the local
// days today-29 to today, and the instants that can fall on them. A zero
// today matches nothing.
func window30(today model.Date) []any {
	if today.IsZero() {
		return []any{0, 0, "", ""}
	}
	from := today.AddDays(-29)
	return []any{
		from.Time().Unix() - maxOffset, today.AddDays(1).Time().Unix() + maxOffset,
		from.String(), today.String(),
	}
}

// queryContacts runs a contact query and a tag query over the same
// contacts and joins them: two queries, not one per contact. derived says
// the contact query is built by contactsWithDerived, whose extra columns
// fill LastContact and Reached30.
func queryContacts(ctx context.Context, tx *sql.Tx, derived bool, contactsSQL string, args []any, tagsSQL string, tagArgs ...any) ([]model.Contact, error) {
	rows, err := tx.QueryContext(ctx, contactsSQL, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Contact
	index := map[int64]int{}
	for rows.Next() {
		c, err := scanContact(rows, derived)
		if err != nil {
			return nil, err
		}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}

	tags, err := tx.QueryContext(ctx, tagsSQL, tagArgs...)
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
		if i, ok := index[id]; ok {
			out[i].Tags = append(out[i].Tags, tag)
		}
	}
	return out, tags.Err()
}

func scanContact(rows *sql.Rows, derived bool) (model.Contact, error) {
	var c model.Contact
	var circle, preferred, stance, anyTimeSince, knownSince, created, updated string
	var snoozed, birthday, recovery string
	var lastUnix, lastOffset sql.NullInt64
	dest := []any{&c.ID, &c.Name, &c.Nickname, &circle, &c.Group, &c.Phone, &c.Email,
		&preferred, &c.Availability, &c.AnyTime, &anyTimeSince, &c.Distraction,
		&c.Importance, &c.Supportive, &stance, &knownSince, &c.CadenceDays, &c.Notes,
		&c.Archived, &c.RestCadence, &snoozed, &birthday, &recovery, &created, &updated, &c.UID}
	if derived {
		dest = append(dest, &lastUnix, &lastOffset, &c.Reached30)
	}
	if err := rows.Scan(dest...); err != nil {
		return c, err
	}
	var err error
	c.Circle, c.Preferred, c.Stance = model.Circle(circle), model.Channel(preferred), model.Stance(stance)
	if c.AnyTimeSince, err = parseOptionalDay(anyTimeSince); err != nil {
		return c, fmt.Errorf("contact %d: any_time_since: %w", c.ID, err)
	}
	if c.KnownSince, err = parseOptionalDay(knownSince); err != nil {
		return c, fmt.Errorf("contact %d: known_since: %w", c.ID, err)
	}
	if c.SnoozedUntil, err = parseOptionalDay(snoozed); err != nil {
		return c, fmt.Errorf("contact %d: snoozed_until: %w", c.ID, err)
	}
	if c.Birthday, err = model.ParseBirthday(birthday); err != nil {
		return c, fmt.Errorf("contact %d: birthday: %w", c.ID, err)
	}
	if c.RecoveryDate, err = parseOptionalDay(recovery); err != nil {
		return c, fmt.Errorf("contact %d: recovery_date: %w", c.ID, err)
	}
	if c.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
		return c, fmt.Errorf("contact %d: created_at: %w", c.ID, err)
	}
	if c.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
		return c, fmt.Errorf("contact %d: updated_at: %w", c.ID, err)
	}
	if lastUnix.Valid {
		c.LastContact = localTime(lastUnix.Int64, lastOffset.Int64)
	}
	return c, nil
}

// stamp is how instants are stored: RFC 3339 in UTC, readable in any
// SQLite shell.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
