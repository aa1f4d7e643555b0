package store

import (
	"context"
	"database/sql"
	"math/rand/v2"
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
