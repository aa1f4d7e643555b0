package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// searchFor is what a search finds, as "kind: title: snippet" lines.
func searchFor(t *testing.T, s *Store, text string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), text, 50)
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	var out []string
	for _, h := range hits {
		snip := strings.NewReplacer(model.SearchMark, "[", model.SearchUnmark, "]").Replace(h.Snippet)
		out = append(out, string(h.Kind)+": "+h.Title+": "+snip)
	}
	return out
}

// The index follows every write in its own transaction: saves, edits,
// deletes, tags, check-ins, reflections and the plan; it folds case and
// accents and matches the start of words.
func TestSearchFollowsTheJournal(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	jose, err := s.SaveContact(ctx, model.Contact{Name: "José Álvarez", Notes: "Has a dog called Biscuit", Tags: []string{"gym"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "biscuit"); !slices.Equal(got, []string{"contact: José Álvarez: Has a dog called [Biscuit] gym"}) {
		t.Errorf("biscuit = %q", got)
	}
	for _, q := range []string{"jose", "JOSÉ", "alv", "gym", "bisc"} {
		if got := searchFor(t, s, q); len(got) != 1 {
			t.Errorf("%q found %q", q, got)
		}
	}
	// An edit replaces what was found; a tag added is found.
	jose.Notes, jose.Tags = "Moved to Leeds", []string{"gym", "café"}
	if jose, err = s.SaveContact(ctx, jose); err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "biscuit"); len(got) != 0 {
		t.Errorf("after the edit, biscuit still finds %q", got)
	}
	if got := searchFor(t, s, "cafe leeds"); len(got) != 1 {
		t.Errorf("cafe leeds = %q", got)
	}

	at := testToday.AddDays(-3).Time().Add(12 * time.Hour)
	r, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: jose.ID, At: at, Channel: model.ChannelCall, Direction: model.DirectionMine, Note: "Lunch walk by the canal"})
	if err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "lunch"); !slices.Equal(got, []string{"reach-out: José Álvarez: [Lunch] walk by the canal"}) {
		t.Errorf("lunch = %q", got)
	}
	if err := s.DeleteReachOut(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "lunch"); len(got) != 0 {
		t.Errorf("a deleted reach-out is still found: %q", got)
	}

	c, err := s.SaveCheckIn(ctx, model.CheckIn{Day: testToday, Mood: 3, Gratitude: "the sunrise", Note: "rough morning"})
	if err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "sunrise"); len(got) != 1 || !strings.HasPrefix(got[0], "check-in") {
		t.Errorf("sunrise = %q", got)
	}
	c.Gratitude, c.Note = "", "better evening"
	if _, err := s.SaveCheckIn(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "sunrise"); len(got) != 0 {
		t.Errorf("a check-in's old words are still found: %q", got)
	}

	w := model.WeekOf(testToday)
	if _, err := s.SaveReflection(ctx, model.Reflection{Week: w, Answers: []model.Answer{{Prompt: "What helped?", Text: "The Thursday meeting"}}}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "thursday", 10)
	if err != nil || len(hits) != 1 || hits[0].Kind != model.SearchReflection || hits[0].Week != w || hits[0].Day != w.Monday() || hits[0].Title != "What helped?" {
		t.Errorf("thursday = %+v, %v", hits, err)
	}

	if _, err := s.SaveSafetyPlan(ctx, model.SafetyPlan{OnMyOwn: []string{"Walk to the lighthouse"}}); err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "lighthouse"); len(got) != 1 || !strings.HasPrefix(got[0], "plan: My safety plan") {
		t.Errorf("lighthouse = %q", got)
	}

	// Nothing to look for, or only query syntax: nothing found, no error.
	for _, q := range []string{"", "  ", `"`, "*", "NEAR(", "-", "AND OR"} {
		if _, err := s.Search(ctx, q, 10); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}

// A journal from before the index gets one by the migration, with what it
// already holds.
func TestSearchIndexesAnOldJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 7)
	addOldContacts(t, old, []model.Contact{{Name: "Ngozi Eze", Notes: "Knits scarves"}})
	old.Close()
	s := openAt(t, path)
	if got := searchFor(t, s, "scarf scarves"); len(got) != 0 {
		t.Errorf("every word must match: %q", got)
	}
	if got := searchFor(t, s, "scarves"); len(got) != 1 {
		t.Errorf("an old journal's notes are not found: %q", got)
	}
}

// Whatever is typed, a search answers, never with a query syntax error.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"biscuit", `"`, "*", "a OR b", "NEAR(a b)", "^x", "col:x", "-x", "x AND", "(((", "é́", "\x00"} {
		f.Add(seed)
	}
	s := openStore(f)
	if _, err := s.SaveContact(context.Background(), model.Contact{Name: "José", Notes: "Biscuit"}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := s.Search(context.Background(), text, 5); err != nil {
			t.Fatalf("Search(%q): %v", text, err)
		}
	})
}

// A check-in removed by mistake is gone, its reach-outs stay, and the
// search forgets its words; a second removal finds nothing to remove.
func TestDeleteCheckIn(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: testToday, Mood: 2, Note: "entered on the wrong day"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCheckIn(ctx, testToday); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.CheckIn(ctx, testToday); err != nil || ok {
		t.Errorf("after removal: ok %v, %v", ok, err)
	}
	if got := searchFor(t, s, "wrong day"); len(got) != 0 {
		t.Errorf("the removed check-in is still found: %q", got)
	}
	if err := s.DeleteCheckIn(ctx, testToday); !errors.Is(err, ErrNotFound) {
		t.Errorf("a second removal: %v", err)
	}
}

// An import fills the index as it writes, in the same transaction.
func TestSearchFollowsAnImport(t *testing.T) {
	src := openStore(t)
	ctx := context.Background()
	c, err := src.SaveContact(ctx, model.Contact{Name: "Ngozi Eze", Notes: "Knits scarves", Tags: []string{"crafts"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: testToday.AddDays(-1).Time().Add(12 * time.Hour),
		Channel: model.ChannelText, Direction: model.DirectionMine, Note: "Sent the pattern"}); err != nil {
		t.Fatal(err)
	}
	ex, err := src.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	dst := openAt(t, filepath.Join(t.TempDir(), "other.db"))
	if _, err := dst.Import(ctx, ex, false); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"scarves", "crafts", "pattern", "ngozi"} {
		if got := searchFor(t, dst, q); len(got) != 1 {
			t.Errorf("after the import, %q finds %q", q, got)
		}
	}
}
