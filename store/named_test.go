package store

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// The people a safety plan names are found from the folded names kept in
// search_key exactly as model.PeopleNamed finds them from the names:
// accents, case, nicknames, names that begin or end with a sign, names of
// several words, archived people, on random texts.
func TestNamedInIsPeopleNamed(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 5))
	names := []string{"José Álvarez", "JOSE", "Zoë", "Ana Ruiz", "Mum", "Dr. Lee", "(Sis)", "🌻 Sam", "Sam", "O'Neil",
		"王芳", "Ærø", "Tomás", "Big Al", "al"}
	for i := range 60 {
		c := model.Contact{Name: names[rng.IntN(len(names))] + []string{"", " Jr", " 2"}[rng.IntN(3)]}
		if rng.IntN(3) == 0 {
			c.Nickname = names[rng.IntN(len(names))]
		}
		saved, err := s.SaveContact(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if i%7 == 0 {
			if err := s.SetArchived(ctx, saved.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Some are renamed, and what a plan names follows their new names.
	everyone, err := s.Contacts(ctx, false, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range everyone {
		if i%4 == 0 {
			c.Name, c.Nickname = names[rng.IntN(len(names))], names[rng.IntN(len(names))]
			if _, err := s.SaveContact(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	if everyone, err = s.Contacts(ctx, false, model.Date{}); err != nil {
		t.Fatal(err)
	}
	words := []string{"call", "JOSÉ", "alvarez", "zoe", "mum", "dr", "lee", "sis", "sam", "o'neil", "王芳", "aero", "ærø",
		"tomas", "big", "al", "jr", "2", "and", "\n", ",", "-"}
	for range 200 {
		var text []string
		for range 1 + rng.IntN(6) {
			text = append(text, words[rng.IntN(len(words))])
		}
		plan := strings.Join(text, " ")
		var want []int64
		for _, c := range model.PeopleNamed(plan, everyone) {
			want = append(want, c.ID)
		}
		var got []int64
		if err := s.read(ctx, func(tx *sql.Tx) error {
			var err error
			got, err = s.namedIn(ctx, tx, plan)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		people, err := s.PeopleNamed(ctx, plan)
		if err != nil {
			t.Fatal(err)
		}
		// The store's answer is the model's, whole and in its order (by
		// name, as the list is).
		var read []int64
		for i, c := range people {
			read = append(read, c.ID)
			if c.Name != everyone[slices.IndexFunc(everyone, func(e model.Contact) bool { return e.ID == c.ID })].Name {
				t.Fatalf("PeopleNamed(%q)[%d] is %+v", plan, i, c)
			}
		}
		if !slices.Equal(read, want) {
			t.Fatalf("PeopleNamed(%q) = %v; PeopleNamed of the model says %v", plan, read, want)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("%q names %v; PeopleNamed says %v", plan, got, want)
		}
	}
}

// A journal of schema 14 (the release before the crisis card's indexes),
// read as `tether sos` reads it, without updating it: the card's people
// and counts, and whom the plan names, are those the same journal gives
// once updated.
func TestCardPeopleOfASchema14Journal(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	s := openAt(t, path)
	rng := rand.New(rand.NewPCG(14, 15))
	for i := range 80 {
		c := randomPerson(rng, i)
		c.AnyTime, c.Distraction = i%3 == 0, i%4 == 0
		if i%5 == 1 { // randomPerson archives every fifth, from the first
			c.Circle, c.Phone = model.CircleHealthcare, "020 7946 0018"
		}
		if _, err := s.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	everyone, err := s.Contacts(ctx, false, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	plan := model.SafetyPlan{AskForHelp: []string{"Call " + everyone[3].Name + " or " + everyone[7].Nickname},
		Distractions: []string{everyone[11].Name}}
	want, err := s.CardPeople(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	if want.AnyTime == 0 || want.Distraction == 0 || want.Professionals == 0 || want.Named[model.PlanAskForHelp] == 0 ||
		want.Named[model.PlanDistractions] == 0 {
		t.Fatalf("a card with a group missing tests less than it says: %d any time, %d distraction, %d professionals, named %v", want.AnyTime, want.Distraction, want.Professionals, want.Named)
	}
	s.Close()

	db := plainDB(t, path)
	mustExec(t, db,
		`DROP INDEX contacts_card_any_time`, `DROP INDEX contacts_card_distraction`, `DROP INDEX contacts_card_professionals`,
		`DROP INDEX contacts_name_words`, `DROP INDEX contacts_nickname_words`,
		`ALTER TABLE contacts DROP COLUMN name_words`, `ALTER TABLE contacts DROP COLUMN nickname_words`,
		schema13[0], `PRAGMA user_version = 14`)
	db.Close()
	old, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if old.schema != 14 {
		t.Fatalf("read as schema %d", old.schema)
	}
	got, err := old.CardPeople(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	byID := func(cs []model.Contact) []model.Contact {
		return slices.SortedFunc(slices.Values(cs), func(a, b model.Contact) int { return int(a.ID - b.ID) })
	}
	got.People, want.People = byID(got.People), byID(want.People)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("schema 14 gives\n%+v\nupdated, the journal gives\n%+v", got, want)
	}
}
