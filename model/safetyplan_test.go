package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestPlanParts(t *testing.T) {
	keys := []string{"warning_signs", "on_my_own", "distractions", "ask_for_help", "professionals", "safer_place"}
	var got []string
	for _, p := range PlanParts {
		got = append(got, p.Key)
		if p.Title == "" {
			t.Errorf("%s: no title", p.Key)
		}
		if !strings.HasSuffix(p.Prompt, "?") && !strings.HasSuffix(p.Prompt, ".") {
			t.Errorf("%s: prompt %q is not a gentle question", p.Key, p.Prompt)
		}
		assertNoDebris(t, p.Key, p.Prompt)
	}
	if !slices.Equal(got, keys) {
		t.Errorf("keys = %q, want the six steps in order %q", got, keys)
	}
}

// fullPlan has one line in each part, named after it.
func fullPlan() SafetyPlan {
	var p SafetyPlan
	for _, part := range PlanParts {
		p.Set(part.Key, []string{part.Key + " line"})
	}
	return p
}

func TestPlanLinesAndSet(t *testing.T) {
	p := fullPlan()
	fields := map[string][]string{
		PlanWarningSigns: p.WarningSigns, PlanOnMyOwn: p.OnMyOwn, PlanDistractions: p.Distractions,
		PlanAskForHelp: p.AskForHelp, PlanProfessionals: p.Professionals, PlanSaferPlace: p.SaferPlace,
	}
	for key, field := range fields {
		want := []string{key + " line"}
		if !slices.Equal(field, want) || !slices.Equal(p.Lines(key), want) {
			t.Errorf("%s: field %q, Lines %q, want %q", key, field, p.Lines(key), want)
		}
	}

	before := fullPlan()
	p.Set("no_such_part", []string{"x"})
	if !reflect.DeepEqual(p, before) {
		t.Errorf("Set with an unknown key changed the plan")
	}
	if l := p.Lines("no_such_part"); l != nil {
		t.Errorf("Lines of an unknown key = %q, want nil", l)
	}
	if l := (SafetyPlan{}).Lines(PlanWarningSigns); l != nil {
		t.Errorf("Lines of an empty part = %q, want nil", l)
	}

	// Set and Lines copy: neither side can change the other afterwards.
	in := []string{"a", "b"}
	p.Set(PlanOnMyOwn, in)
	in[0] = "changed"
	out := p.Lines(PlanOnMyOwn)
	out[1] = "changed"
	if !slices.Equal(p.OnMyOwn, []string{"a", "b"}) {
		t.Errorf("OnMyOwn = %q, want a copy", p.OnMyOwn)
	}
	p.Set(PlanOnMyOwn, nil)
	if p.OnMyOwn != nil {
		t.Errorf("Set nil left %q", p.OnMyOwn)
	}
}

func TestPlanEmpty(t *testing.T) {
	if !(SafetyPlan{}).Empty() {
		t.Errorf("zero plan is not empty")
	}
	if !(SafetyPlan{WarningSigns: []string{"", "  ", "\t"}, SaferPlace: []string{"\n"}}).Empty() {
		t.Errorf("a plan of blank lines is not empty")
	}
	for _, part := range PlanParts {
		var p SafetyPlan
		p.Set(part.Key, []string{"", "x"})
		if p.Empty() {
			t.Errorf("%s: one line written, yet Empty", part.Key)
		}
	}
}

func TestPlanNormalize(t *testing.T) {
	in := SafetyPlan{
		WarningSigns:  []string{"  skipping meals ", "", "   ", "isolating"},
		OnMyOwn:       []string{"walk\nmusic\r\nshower\rbreathe", "a\u2028b"},
		Distractions:  []string{"\tthe\tpark\t"},
		AskForHelp:    []string{"\x1b[31mSam\x1b[0m", "Jo\x00", "Lee\u202E"},
		Professionals: []string{"", " "},
		SaferPlace:    []string{"give the car keys to Ana"},
	}
	orig := SafetyPlan{WarningSigns: slices.Clone(in.WarningSigns), OnMyOwn: slices.Clone(in.OnMyOwn)}
	got := in.Normalize()
	want := SafetyPlan{
		WarningSigns: []string{"skipping meals", "isolating"},
		OnMyOwn:      []string{"walk", "music", "shower", "breathe", "a", "b"},
		Distractions: []string{"the park"},
		AskForHelp:   []string{"Sam", "Jo", "Lee"},
		SaferPlace:   []string{"give the car keys to Ana"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Normalize =\n%#v\nwant\n%#v", got, want)
	}
	if !slices.Equal(in.WarningSigns, orig.WarningSigns) || !slices.Equal(in.OnMyOwn, orig.OnMyOwn) {
		t.Errorf("Normalize changed its input")
	}
	if p := got.Validate(); len(p) != 0 {
		t.Errorf("a normalized plan has problems: %v", p)
	}
	if !reflect.DeepEqual(got.Normalize(), got) {
		t.Errorf("Normalize is not idempotent")
	}
	if n := (SafetyPlan{}).Normalize(); !reflect.DeepEqual(n, SafetyPlan{}) {
		t.Errorf("empty plan normalized to %#v", n)
	}
}

func TestPlanValidate(t *testing.T) {
	long := strings.Repeat("x", MaxPlanLineLen)
	tests := []struct {
		name string
		plan SafetyPlan
		want []string
	}{
		{"empty", SafetyPlan{}, nil},
		{"one line each", fullPlan(), nil},
		{"a line of exactly 200", SafetyPlan{OnMyOwn: []string{long}}, nil},
		{"200 emoji", SafetyPlan{OnMyOwn: []string{strings.Repeat("🌻", MaxPlanLineLen)}}, nil},
		{"exactly 20 lines", SafetyPlan{Distractions: slices.Repeat([]string{"x"}, MaxPlanLines)}, nil},
		{"a line of 201", SafetyPlan{OnMyOwn: []string{"fine", long + "x"}}, []string{"on_my_own1"}},
		{"21 lines", SafetyPlan{Distractions: slices.Repeat([]string{"x"}, MaxPlanLines+1)}, []string{"distractions"}},
		{"a line break", SafetyPlan{WarningSigns: []string{"a\nb"}}, []string{"warning_signs0"}},
		{"an escape sequence", SafetyPlan{AskForHelp: []string{"ok", "ok", "\x1b[2J"}}, []string{"ask_for_help2"}},
		{"a bidi override", SafetyPlan{SaferPlace: []string{"a\u202Eb"}}, []string{"safer_place0"}},
		{"not UTF-8", SafetyPlan{Professionals: []string{"caf\xe9"}}, []string{"professionals0"}},
		{"several parts", SafetyPlan{WarningSigns: []string{long + "x"}, SaferPlace: []string{"\x00"}}, []string{"safer_place0", "warning_signs0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.plan.Validate()
			if got := problemFields(p); !slices.Equal(got, tt.want) {
				t.Fatalf("problems = %v, want %v (%v)", got, tt.want, p)
			}
			for f, msg := range p {
				assertSentence(t, f, msg)
			}
		})
	}
	p := SafetyPlan{OnMyOwn: []string{"fine", strings.Repeat("x", 250)}}.Validate()
	if msg := p["on_my_own1"]; !strings.Contains(msg, "line 2") || !strings.Contains(msg, "200") {
		t.Errorf("message %q does not say which line, or the limit", msg)
	}
}
