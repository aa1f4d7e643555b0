package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

func prompts(t *testing.T, s *Store) []string {
	t.Helper()
	ps, err := s.Prompts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestPromptsDefault(t *testing.T) {
	s := openStore(t)
	ps := prompts(t, s)
	if !slices.Equal(ps, model.DefaultPrompts) {
		t.Fatalf("a new journal's prompts %q", ps)
	}
	// The caller owns what it gets: changing it changes no one else's.
	ps[0] = "scribbled on"
	if model.DefaultPrompts[0] == "scribbled on" || prompts(t, s)[0] == "scribbled on" {
		t.Error("Prompts returned model.DefaultPrompts itself")
	}
}

// TestChangingPromptsKeepsHistory: a week written with the default prompts
// reads back byte for byte the same after the prompt set is edited,
// reordered, cut down and added to; SetPrompts never touches the stored
// weeks at all (a trigger would refuse it), and new weeks get the new set.
func TestChangingPromptsKeepsHistory(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	written := fullReflection(lastWeek)
	written.Answers[5].Prompt = model.DefaultPrompts[5]
	saved := saveReflection(t, s, written)
	for i, a := range saved.Answers {
		if a.Prompt != model.DefaultPrompts[i] {
			t.Fatalf("saved prompt %d %q", i, a.Prompt)
		}
	}
	for _, event := range []string{"INSERT", "UPDATE", "DELETE"} {
		for _, table := range []string{"reflections", "reflection_answers"} {
			mustExec(t, s.db, fmt.Sprintf(`CREATE TRIGGER keep_%s_%s BEFORE %s ON %s
				BEGIN SELECT RAISE(ABORT, 'history was touched'); END`, strings.ToLower(event), table, event, table))
		}
	}

	edited := slices.Clone(model.DefaultPrompts)
	edited[0] = "Who helped you feel seen this week — and did you tell them?"
	reordered := slices.Clone(edited)
	slices.Reverse(reordered)
	removed := slices.Delete(slices.Clone(reordered), 1, 3)
	added := append(slices.Clone(removed), "  What are you proud of? 🌱 ", "Café, or the walk?")
	steps := []struct {
		name string
		set  []string
	}{{"edit", edited}, {"reorder", reordered}, {"remove", removed}, {"add", added}, {"back to the defaults", model.DefaultPrompts}}
	for _, step := range steps {
		if err := s.SetPrompts(ctx, step.set); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		want := make([]string, len(step.set))
		for i, p := range step.set {
			want[i] = strings.TrimSpace(p)
		}
		if got := prompts(t, s); !slices.Equal(got, want) {
			t.Errorf("%s: Prompts() = %q; want %q", step.name, got, want)
		}
		got, ok, err := s.Reflection(ctx, lastWeek)
		if err != nil || !ok || !sameReflection(got, saved) {
			t.Errorf("%s: the written week reads back as\n %#v\nwant\n %#v", step.name, got, saved)
		}
		if step.name == "add" {
			// A new week starts from the set of the moment.
			for _, table := range []string{"reflections", "reflection_answers"} {
				for _, event := range []string{"insert", "update", "delete"} {
					mustExec(t, s.db, fmt.Sprintf(`DROP TRIGGER keep_%s_%s`, event, table))
				}
			}
			fresh := model.Reflection{Week: thisWeek, Answers: model.AnswersFor(model.Reflection{}, prompts(t, s))}
			fresh.Answers[0].Text = "Zo"
			now := saveReflection(t, s, fresh)
			if len(now.Answers) != len(want) || now.Answers[4].Prompt != "What are you proud of? 🌱" {
				t.Errorf("this week was asked %q", now.Answers)
			}
		}
	}
	var raw string
	s.db.QueryRow(`SELECT value FROM settings WHERE key = 'prompts'`).Scan(&raw)
	if !strings.HasPrefix(raw, `["Who helped you feel seen and supported this week?",`) || !strings.Contains(raw, "—") {
		t.Errorf("stored as %s; want a readable JSON array", raw)
	}
}

func TestSetPromptsRefuses(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	mine := []string{"Who did I call?", "What helped?", "Zoë, or the walk?"}
	if err := s.SetPrompts(ctx, mine); err != nil {
		t.Fatal(err)
	}
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("Prompt %d?", i+1)
		}
		return out
	}
	with := func(i int, p string) []string {
		out := slices.Clone(mine)
		return slices.Insert(out, i, p)
	}
	tests := []struct {
		name  string
		set   []string
		field string
	}{
		{"no set", nil, model.FieldPrompt},
		{"an empty set", []string{}, model.FieldPrompt},
		{"too many", many(model.MaxPrompts + 1), model.FieldPrompt},
		{"blank fourth", with(3, "   "), "prompt3"},
		{"blank first", with(0, ""), "prompt0"},
		{"too long", with(1, strings.Repeat("a", model.MaxPromptLen+1)), "prompt1"},
		{"two lines", with(2, "Who?\nWhere?"), "prompt2"},
		{"an escape sequence", with(1, "Who?\x1b[31m"), "prompt1"},
		{"not UTF-8", with(1, "Caf\xe9?"), "prompt1"},
		{"the same, in capitals", with(1, "WHO DID I CALL?"), "prompt1"},
		{"the same, without accents", with(3, "  zoe, or the walk?  "), "prompt3"},
	}
	for _, tt := range tests {
		err := s.SetPrompts(ctx, tt.set)
		var p model.Problems
		if !errors.As(err, &p) || p[tt.field] == "" {
			t.Errorf("%s: %v; want model.Problems about %s", tt.name, err, tt.field)
		}
		if got := prompts(t, s); !slices.Equal(got, mine) {
			t.Errorf("%s: the set changed to %q", tt.name, got)
		}
	}
	if err := s.SetPrompts(ctx, many(model.MaxPrompts)); err != nil {
		t.Errorf("%d prompts: %v", model.MaxPrompts, err)
	}
	if err := s.SetPrompts(ctx, []string{"What helped?", "What helped?!"}); err != nil {
		t.Errorf("prompts that differ by punctuation: %v", err)
	}

	// A setting spoiled by hand is reported, without its contents.
	for _, junk := range []string{"secret notes", "[]", `["ok", ""]`, "null", `{"a": 1}`} {
		if err := s.SetSetting(ctx, "prompts", junk); err != nil {
			t.Fatal(err)
		}
		ps, err := s.Prompts(ctx)
		if err == nil || ps != nil || !strings.Contains(err.Error(), "set them again") || strings.Contains(err.Error(), "secret") {
			t.Errorf("prompts %q: %q, %v", junk, ps, err)
		}
	}
	if err := s.SetPrompts(ctx, mine); err != nil || !slices.Equal(prompts(t, s), mine) {
		t.Errorf("setting them again: %v", err)
	}
}
