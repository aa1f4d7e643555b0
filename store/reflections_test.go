package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tether-recovery/tether/model"
)

// The weeks of the tests: fixedNow (Monday 9 March 2026) is in 2026-W11.
var (
	thisWeek = model.WeekOf(testToday)
	lastWeek = thisWeek.Prev()
)

// fullReflection answers the default prompts the way people write: several
// lines, indents, emoji, a Windows line ending pasted in, trailing space to
// trim, and one prompt left blank.
func fullReflection(w model.Week) model.Reflection {
	texts := []string{
		"Denise 💛\nand the Tuesday lot.\n  (Zo, mostly.)  \n\n",
		"",
		"Make the tea.\r\nStack the chairs.\r\n",
		"Work — ten-hour days.\n\tText at lunch instead.",
		"Bread 🍞. Two loaves, one edible.",
		"  Call Denise, Monday, 7am.",
	}
	r := model.Reflection{Week: w, Supported: 7, CravingBother: 10}
	for i, p := range model.DefaultPrompts {
		r.Answers = append(r.Answers, model.Answer{Prompt: p, Text: texts[i]})
	}
	r.Answers[5].Prompt = "  " + r.Answers[5].Prompt + " "
	return r
}

// sameReflection compares every field, UpdatedAt as an instant and no
// answers as none, however the slice was made.
func sameReflection(a, b model.Reflection) bool {
	if !a.UpdatedAt.Equal(b.UpdatedAt) || !slices.Equal(a.Answers, b.Answers) {
		return false
	}
	a.UpdatedAt, b.UpdatedAt, a.Answers, b.Answers = time.Time{}, time.Time{}, nil, nil
	return reflect.DeepEqual(a, b)
}

func saveReflection(t *testing.T, s *Store, r model.Reflection) model.Reflection {
	t.Helper()
	saved, err := s.SaveReflection(context.Background(), r)
	if err != nil {
		t.Fatalf("SaveReflection(%s): %v", r.Week, err)
	}
	return saved
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReflectionRoundTrip(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	in := fullReflection(lastWeek)
	saved := saveReflection(t, s, in)

	want := in.Normalize()
	want.UpdatedAt = fixedNow
	if !sameReflection(saved, want) {
		t.Errorf("saved\n %#v\nwant\n %#v", saved, want)
	}
	// What Normalize keeps, the journal keeps byte for byte: leading
	// indents, inner blank lines, line breaks (CRLF becomes LF), emoji; a blank
	// answer stays, with its prompt.
	wantTexts := []string{
		"Denise 💛\nand the Tuesday lot.\n  (Zo, mostly.)",
		"",
		"Make the tea.\nStack the chairs.",
		"Work — ten-hour days.\n\tText at lunch instead.",
		"Bread 🍞. Two loaves, one edible.",
		"  Call Denise, Monday, 7am.",
	}
	got, ok, err := s.Reflection(ctx, lastWeek)
	if err != nil || !ok {
		t.Fatalf("Reflection = %v, %v", ok, err)
	}
	if !sameReflection(got, saved) {
		t.Errorf("read back\n %#v\nsaved\n %#v", got, saved)
	}
	if len(got.Answers) != len(model.DefaultPrompts) {
		t.Fatalf("%d answers; want %d", len(got.Answers), len(model.DefaultPrompts))
	}
	for i, a := range got.Answers {
		if a.Prompt != model.DefaultPrompts[i] || a.Text != wantTexts[i] {
			t.Errorf("answer %d: %q / %q", i, a.Prompt, a.Text)
		}
	}
	if got.Supported != 7 || got.Confidence != 0 || got.CravingBother != 10 || got.Week != lastWeek {
		t.Errorf("ratings %d %d %d, week %v", got.Supported, got.Confidence, got.CravingBother, got.Week)
	}
	var confidenceNull bool
	s.db.QueryRow(`SELECT confidence IS NULL FROM reflections WHERE week = ?`, lastWeek.String()).Scan(&confidenceNull)
	if !confidenceNull {
		t.Error("an unanswered rating is not stored as NULL")
	}
	if _, ok, err := s.Reflection(ctx, thisWeek); ok || err != nil {
		t.Errorf("a week without a reflection: ok %v, %v", ok, err)
	}

	// This week can be written; so can a week with nothing answered yet.
	empty := saveReflection(t, s, model.Reflection{Week: thisWeek})
	if empty.Begun() || len(empty.Answers) != 0 || !empty.UpdatedAt.Equal(fixedNow) {
		t.Errorf("empty week saved as %+v", empty)
	}
}

// TestSaveReflectionReplacesTheWeek: a second save is the whole week now,
// answers it no longer has are gone, the first save's created_at stays,
// and other weeks are untouched.
func TestSaveReflectionReplacesTheWeek(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	other := saveReflection(t, s, fullReflection(lastWeek.Prev()))
	first := saveReflection(t, s, fullReflection(lastWeek))

	later := fixedNow.Add(time.Hour)
	s.Now = func() time.Time { return later }
	second := model.Reflection{Week: lastWeek, Confidence: 4, UpdatedAt: first.UpdatedAt, Answers: []model.Answer{
		{Prompt: "Who did I call?", Text: "Zo."},
		{Prompt: model.DefaultPrompts[0], Text: ""},
	}}
	saved := saveReflection(t, s, second)
	if !saved.UpdatedAt.Equal(later) || saved.Supported != 0 || saved.CravingBother != 0 || saved.Confidence != 4 {
		t.Errorf("second save %+v", saved)
	}
	got, _, _ := s.Reflection(ctx, lastWeek)
	if !slices.Equal(got.Answers, second.Answers) {
		t.Errorf("answers %q; want only the second save's", got.Answers)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM reflection_answers WHERE week = ?`, lastWeek.String()).Scan(&n)
	if n != 2 || countRows(t, s, "reflections") != 2 {
		t.Errorf("%d answer rows for the week (want 2), %d weeks (want 2)", n, countRows(t, s, "reflections"))
	}
	var created string
	s.db.QueryRow(`SELECT created_at FROM reflections WHERE week = ?`, lastWeek.String()).Scan(&created)
	if created != stamp(fixedNow) {
		t.Errorf("created_at %s; want the first save's %s", created, stamp(fixedNow))
	}
	if got, _, _ := s.Reflection(ctx, other.Week); !sameReflection(got, other) {
		t.Errorf("the week before changed: %#v", got)
	}
	// Saving no answers at all leaves the week with none.
	saveReflection(t, s, model.Reflection{Week: lastWeek, Supported: 5, UpdatedAt: saved.UpdatedAt})
	if got, _, _ := s.Reflection(ctx, lastWeek); len(got.Answers) != 0 || got.Supported != 5 {
		t.Errorf("after saving no answers: %#v", got)
	}
}

func TestSaveReflectionRefuses(t *testing.T) {
	long := strings.Repeat("x", model.MaxAnswerLen+1)
	tooMany := make([]model.Answer, model.MaxPrompts+1)
	for i := range tooMany {
		tooMany[i] = model.Answer{Prompt: fmt.Sprintf("Prompt %d?", i), Text: "yes"}
	}
	one := func(prompt, text string) []model.Answer {
		return []model.Answer{{Prompt: "Fine?", Text: "ok"}, {Prompt: prompt, Text: text}}
	}
	tests := []struct {
		name  string
		in    model.Reflection
		field string
	}{
		{"next week", model.Reflection{Week: thisWeek.Next(), Supported: 5}, model.FieldWeek},
		{"a year ahead", model.Reflection{Week: model.Week{Year: 2027, Num: 11}, Supported: 5}, model.FieldWeek},
		{"no week", model.Reflection{Supported: 5}, model.FieldWeek},
		{"week 53 of 2021", model.Reflection{Week: model.Week{Year: 2021, Num: 53}}, model.FieldWeek},
		{"week 0", model.Reflection{Week: model.Week{Year: 2025, Num: 0}}, model.FieldWeek},
		{"the year 1066", model.Reflection{Week: model.Week{Year: 1066, Num: 42}}, model.FieldWeek},
		{"supported 11", model.Reflection{Week: lastWeek, Supported: 11}, model.FieldSupported},
		{"confidence -1", model.Reflection{Week: lastWeek, Confidence: -1}, model.FieldConfidence},
		{"craving bother 99", model.Reflection{Week: lastWeek, CravingBother: 99}, model.FieldCravingBother},
		{"too many prompts", model.Reflection{Week: lastWeek, Answers: tooMany}, model.FieldAnswer},
		{"blank prompt", model.Reflection{Week: lastWeek, Answers: one("  ", "an answer")}, "answer1"},
		{"prompt with a line break", model.Reflection{Week: lastWeek, Answers: one("Who?\nWhen?", "")}, "answer1"},
		{"answer too long", model.Reflection{Week: lastWeek, Answers: one("Who?", long)}, "answer1"},
		{"answer not UTF-8", model.Reflection{Week: lastWeek, Answers: one("Who?", "Jos\xe9")}, "answer1"},
		{"escape sequence", model.Reflection{Week: lastWeek, Answers: one("Who?", "\x1b[2Jgone")}, "answer1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			ctx := context.Background()
			before := saveReflection(t, s, fullReflection(lastWeek.Prev()))
			_, err := s.SaveReflection(ctx, tt.in)
			var p model.Problems
			if !errors.As(err, &p) || p[tt.field] == "" {
				t.Errorf("error %v; want model.Problems about %s", err, tt.field)
			}
			if countRows(t, s, "reflections") != 1 || countRows(t, s, "reflection_answers") != len(before.Answers) {
				t.Error("a refused reflection was written")
			}
			// The same as an edit of the stored week leaves it as it was.
			if tt.field != model.FieldWeek {
				edit := tt.in
				edit.Week = before.Week
				if _, err := s.SaveReflection(ctx, edit); err == nil {
					t.Error("the refused reflection was accepted for the stored week")
				}
			}
			if got, _, _ := s.Reflection(ctx, before.Week); !sameReflection(got, before) {
				t.Errorf("the stored week changed: %#v", got)
			}
		})
	}
}

// TestSaveReflectionIsWhole: a save that fails part-way through its answers
// leaves the week exactly as it was before, ratings and answers.
func TestSaveReflectionIsWhole(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	before := saveReflection(t, s, fullReflection(lastWeek))
	mustExec(t, s.db, `CREATE TRIGGER fail_third BEFORE INSERT ON reflection_answers
		WHEN NEW.position = 2 BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`)
	edit := fullReflection(lastWeek)
	edit.Supported, edit.UpdatedAt = 2, before.UpdatedAt
	for i := range edit.Answers {
		edit.Answers[i].Text = "rewritten"
	}
	if _, err := s.SaveReflection(ctx, edit); err == nil || !strings.Contains(err.Error(), "save the reflection for "+lastWeek.String()) {
		t.Fatalf("SaveReflection = %v; want a failure naming the week", err)
	}
	if got, _, _ := s.Reflection(ctx, lastWeek); !sameReflection(got, before) {
		t.Errorf("a failed save left the week as\n %#v\nwant\n %#v", got, before)
	}
	// A new week that fails leaves no trace.
	if _, err := s.SaveReflection(ctx, fullReflection(thisWeek)); err == nil {
		t.Fatal("the trigger did not fire")
	}
	if _, ok, _ := s.Reflection(ctx, thisWeek); ok {
		t.Error("a failed first save left a week behind")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.SaveReflection(cancelled, fullReflection(thisWeek)); err == nil {
		t.Error("a cancelled save succeeded")
	}
}

func TestReflectionHeaders(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if hs, err := s.ReflectionHeaders(ctx); len(hs) != 0 || err != nil {
		t.Fatalf("empty journal: %v, %v", hs, err)
	}
	at := func(h int) { s.Now = func() time.Time { return fixedNow.Add(time.Duration(h) * time.Hour) } }
	ask := func(texts ...string) []model.Answer {
		var out []model.Answer
		for i, text := range texts {
			out = append(out, model.Answer{Prompt: fmt.Sprintf("Prompt %d?", i+1), Text: text})
		}
		return out
	}
	// Saved out of order; the list is newest week first, whenever saved.
	weeks := []model.Reflection{
		// Blank in every script's spaces: the first answered is the second.
		{Week: lastWeek, Answers: ask("\u3000\u00a0 \t", "\n\n  Seen by Zo  \r\nand Denise", "", "x")},
		{Week: model.Week{Year: 2020, Num: 53}, Answers: ask("Last week of 2020 🎆", "y")},
		{Week: thisWeek, Supported: 6, Answers: ask("", "")},
		{Week: model.Week{Year: 2025, Num: 52}, Answers: ask("  Soup.\nMore soup.")},
		{Week: model.Week{Year: 2026, Num: 1}, Confidence: 3},
	}
	for i, r := range weeks {
		at(-i)
		saveReflection(t, s, r)
	}
	want := []model.ReflectionHeader{
		{Week: thisWeek, FirstLine: "", Answered: 0, UpdatedAt: fixedNow.Add(-2 * time.Hour)},
		{Week: lastWeek, FirstLine: "Seen by Zo", Answered: 2, UpdatedAt: fixedNow},
		{Week: model.Week{Year: 2026, Num: 1}, FirstLine: "", Answered: 0, UpdatedAt: fixedNow.Add(-4 * time.Hour)},
		{Week: model.Week{Year: 2025, Num: 52}, FirstLine: "Soup.", Answered: 1, UpdatedAt: fixedNow.Add(-3 * time.Hour)},
		{Week: model.Week{Year: 2020, Num: 53}, FirstLine: "Last week of 2020 🎆", Answered: 2, UpdatedAt: fixedNow.Add(-time.Hour)},
	}
	got, err := s.ReflectionHeaders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d headers; want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Week != w.Week || g.FirstLine != w.FirstLine || g.Answered != w.Answered || !g.UpdatedAt.Equal(w.UpdatedAt) {
			t.Errorf("header %d: %+v; want %+v", i, g, w)
		}
		// The list agrees with the model's own reading of the week.
		r, _, _ := s.Reflection(ctx, g.Week)
		if g.FirstLine != r.FirstLine() || g.Answered != answered(r) {
			t.Errorf("%s: header %q/%d, model %q/%d", g.Week, g.FirstLine, g.Answered, r.FirstLine(), answered(r))
		}
	}
}

// answered counts the answers model.Reflection would call answered.
func answered(r model.Reflection) int {
	n := 0
	for _, a := range r.Answers {
		if strings.TrimSpace(a.Text) != "" {
			n++
		}
	}
	return n
}

// TestBlankRunesAreUnicodeSpace keeps the SQL's idea of a blank answer the
// same as strings.TrimSpace's.
func TestBlankRunesAreUnicodeSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) != strings.ContainsRune(blankRunes, r) {
			t.Errorf("%U: IsSpace %v, in blankRunes %v", r, unicode.IsSpace(r), !unicode.IsSpace(r))
		}
	}
}

func TestAddReflectionsAllOrNothing(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	var batch []model.Reflection
	w := lastWeek
	for i := range 30 {
		r := fullReflection(w)
		r.Supported = 1 + i%10
		r.UpdatedAt = w.Sunday().Time().Add(20 * time.Hour)
		batch = append(batch, r)
		w = w.Prev()
	}
	refused := func(what string, bad []model.Reflection, index int, field string) {
		t.Helper()
		err := s.AddReflections(ctx, bad)
		var re *ReflectionError
		var p model.Problems
		if !errors.As(err, &re) || re.Index != index || re.Problems[field] == "" || !errors.As(err, &p) ||
			!strings.Contains(err.Error(), fmt.Sprintf("reflection #%d (%s)", index+1, bad[index].Week)) {
			t.Errorf("%s: %v; want a *ReflectionError for #%d about %s", what, err, index+1, field)
		}
	}
	bad := slices.Clone(batch)
	bad[7].Supported = 11
	refused("rating 11", bad, 7, model.FieldSupported)
	bad = slices.Clone(batch)
	bad[12].Week = bad[3].Week
	refused("the same week twice", bad, 12, model.FieldWeek)
	bad = slices.Clone(batch)
	bad[5].UpdatedAt = time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)
	refused("year 12000", bad, 5, "updated")

	stored := saveReflection(t, s, model.Reflection{Week: batch[20].Week, Supported: 9})
	refused("a week already in the journal", batch, 20, model.FieldWeek)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.AddReflections(cancelled, batch[:5]); err == nil {
		t.Error("a cancelled batch succeeded")
	}
	if countRows(t, s, "reflections") != 1 || countRows(t, s, "reflection_answers") != 0 {
		t.Fatal("refused batches wrote something")
	}
	if got, _, _ := s.Reflection(ctx, stored.Week); !sameReflection(got, stored) {
		t.Errorf("the stored week changed: %+v", got)
	}

	// Without the week already stored, and with one dated ahead of this
	// machine's clock (a history from elsewhere is taken as written), the
	// batch goes in whole, keeping its dates.
	batch = append(batch[:20], batch[21:]...)
	batch[0].Week = thisWeek.Next()
	if err := s.AddReflections(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "reflections"); n != 30 {
		t.Errorf("%d weeks stored; want 30", n)
	}
	for _, r := range batch {
		got, ok, err := s.Reflection(ctx, r.Week)
		want := r.Normalize()
		if !ok || err != nil || !sameReflection(got, want) {
			t.Errorf("%s read back %v %v\n %#v\nwant\n %#v", r.Week, ok, err, got, want)
			break
		}
	}
	if err := s.AddReflections(ctx, nil); err != nil {
		t.Errorf("AddReflections(nil) = %v", err)
	}
}

// FuzzSaveReflectionRoundTrip: whatever SaveReflection accepts reads back
// exactly as it returned it, with the prompts and answers as normalized,
// and a header that agrees with the model; whatever it refuses leaves the
// week as it was.
func FuzzSaveReflectionRoundTrip(f *testing.F) {
	seeds := []struct {
		prompt, a, b string
		rating       int
	}{
		{"Who helped?", "Denise 💛\nand Zo", "", 7},
		{"مَن ساعدك؟", "\r\n  lines\r\n\r\n", "\u3000", 10},
		{"  ", "blank prompt", "x", 1},
		{"Who?", "Jos\xe9", "latin-1", 3},
		{"Who?", "a\x00b", "nul", 0},
		{"Who?\nWhen?", "two-line prompt", "", 0},
		{"Who?", "ok", "ok", 11},
		{"e\u0301", "\u0301", "\t", -1},
		{"Who?", "\u202egnp.exe", "bidi", 5},
	}
	for _, s := range seeds {
		f.Add(s.prompt, s.a, s.b, s.rating)
	}
	s := openStore(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, prompt, a, b string, rating int) {
		in := model.Reflection{Week: lastWeek, Supported: rating, Confidence: rating / 2, Answers: []model.Answer{
			{Prompt: prompt, Text: a}, {Prompt: "Second?", Text: b}, {Prompt: prompt + "?", Text: a + b},
		}}
		before, had, err := s.Reflection(ctx, lastWeek)
		if err != nil {
			t.Fatal(err)
		}
		in.UpdatedAt = before.UpdatedAt // saved over the week as read, as an editor does
		saved, err := s.SaveReflection(ctx, in)
		if err != nil {
			var p model.Problems
			if !errors.As(err, &p) {
				t.Fatalf("refused without Problems: %v", err)
			}
			after, has, _ := s.Reflection(ctx, lastWeek)
			if has != had || !sameReflection(after, before) {
				t.Fatal("a refused reflection changed the week")
			}
			return
		}
		want := in.Normalize()
		want.UpdatedAt = fixedNow
		if !sameReflection(saved, want) {
			t.Fatalf("saved %#v; want %#v", saved, want)
		}
		got, ok, err := s.Reflection(ctx, lastWeek)
		if err != nil || !ok || !sameReflection(got, saved) {
			t.Fatalf("read back %#v (%v, %v); saved %#v", got, ok, err, saved)
		}
		hs, err := s.ReflectionHeaders(ctx)
		if err != nil || len(hs) != 1 {
			t.Fatalf("headers %v, %v", hs, err)
		}
		if hs[0].FirstLine != got.FirstLine() || hs[0].Answered != answered(got) {
			t.Fatalf("header %q/%d; the model says %q/%d", hs[0].FirstLine, hs[0].Answered, got.FirstLine(), answered(got))
		}
	})
}
