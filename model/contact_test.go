package model

import (
	"reflect"
	"testing"
)

func TestDisplayName(t *testing.T) {
	tests := []struct{ name, nick, want string }{
		{"Sam", "", "Sam"},
		{"Samantha Reyes", "Sam", "Samantha Reyes (Sam)"},
		{"Sam", "Sam", "Sam"},
		{"王芳", "芳芳", "王芳 (芳芳)"},
	}
	for _, tt := range tests {
		if got := (Contact{Name: tt.name, Nickname: tt.nick}).DisplayName(); got != tt.want {
			t.Errorf("DisplayName(%q, %q) = %q, want %q", tt.name, tt.nick, got, tt.want)
		}
	}
}

func TestNormalizeTrims(t *testing.T) {
	in := Contact{
		Name:         " \t\u3000Zoë O'Brien\u00a0 ",
		Nickname:     "  Zo ",
		Group:        "\tTuesday SMART meeting\n",
		Phone:        " +44 20 7946 0018 ",
		Email:        " sam@example.org\t",
		Availability: "  evenings, UK time ",
		Notes:        "  first line keeps its indent\n\tsecond line\n\n \t\r\n",
		Circle:       CircleSponsor,
		Stance:       StanceSupports,
	}
	got := in.Normalize()
	want := in
	want.Name = "Zoë O'Brien"
	want.Nickname = "Zo"
	want.Group = "Tuesday SMART meeting"
	want.Phone = "+44 20 7946 0018"
	want.Email = "sam@example.org"
	want.Availability = "evenings, UK time"
	want.Notes = "  first line keeps its indent\n\tsecond line"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Normalize() =\n%#v\nwant\n%#v", got, want)
	}
}

func TestNormalizeDefaults(t *testing.T) {
	got := Contact{Name: "Sam"}.Normalize()
	if got.Circle != CircleOther {
		t.Errorf("empty circle normalized to %q, want other", got.Circle)
	}
	if got.Stance != StanceUnknown {
		t.Errorf("empty stance normalized to %q, want unknown", got.Stance)
	}
	if got.Preferred != ChannelNone {
		t.Errorf("empty preferred channel normalized to %q", got.Preferred)
	}
	kept := Contact{Name: "Sam", Circle: CircleFamily, Stance: StanceSupportsUsing}.Normalize()
	if kept.Circle != CircleFamily || kept.Stance != StanceSupportsUsing {
		t.Errorf("Normalize changed a chosen circle or stance: %q, %q", kept.Circle, kept.Stance)
	}
	// An unknown code is left for Validate to refuse, not silently replaced.
	odd := Contact{Name: "Sam", Circle: "enemy", Stance: "maybe"}.Normalize()
	if odd.Circle != "enemy" || odd.Stance != "maybe" {
		t.Errorf("Normalize replaced unknown codes: %q, %q", odd.Circle, odd.Stance)
	}
}

func TestNormalizeAnyTimeSince(t *testing.T) {
	agreed := day(2024, 1, 5)
	if got := (Contact{AnyTime: false, AnyTimeSince: agreed}).Normalize().AnyTimeSince; !got.IsZero() {
		t.Errorf("AnyTimeSince kept as %v when AnyTime is off", got)
	}
	if got := (Contact{AnyTime: true, AnyTimeSince: agreed}).Normalize().AnyTimeSince; got != agreed {
		t.Errorf("AnyTimeSince = %v when AnyTime is on, want %v", got, agreed)
	}
}

func TestNormalizeDoesNotTouchTheOriginal(t *testing.T) {
	tags := []string{" b ", "a", "B"}
	c := Contact{Name: " Sam ", Tags: tags}
	_ = c.Normalize()
	if c.Name != " Sam " || !reflect.DeepEqual(c.Tags, []string{" b ", "a", "B"}) || !reflect.DeepEqual(tags, []string{" b ", "a", "B"}) {
		t.Errorf("Normalize modified its receiver: %#v", c)
	}
}

func TestNormalizeIsIdempotent(t *testing.T) {
	c := Contact{
		Name: "  Zoë ", Notes: "x \n", Tags: []string{"Café", "cafe", " x "},
		AnyTimeSince: day(2024, 1, 1),
	}
	once := c.Normalize()
	if twice := once.Normalize(); !reflect.DeepEqual(once, twice) {
		t.Errorf("Normalize twice = %#v, once = %#v", twice, once)
	}
}

func TestNormalizeTags(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"nil", nil, nil},
		{"empty ones dropped", []string{"", "  ", "\t"}, nil},
		{"trimmed", []string{"  night owl ", "\u3000AA\u3000"}, []string{"night owl", "AA"}},
		{"case repeats dropped, first spelling kept", []string{"AA", "aa", "Aa"}, []string{"AA"}},
		{"accent repeats dropped", []string{"Café", "cafe", "CAFÉ", "café"}, []string{"Café"}},
		{"first spelling kept even unaccented", []string{"cafe", "Café"}, []string{"cafe"}},
		{"order kept", []string{"zeta", "alpha", "Zeta", "mid", "ALPHA"}, []string{"zeta", "alpha", "mid"}},
		{"sharp s", []string{"Straße", "STRASSE"}, []string{"Straße"}},
		{"scripts", []string{"家族", "家族", "عائلة", "👪"}, []string{"家族", "عائلة", "👪"}},
		{"trim before compare", []string{"aa", " AA "}, []string{"aa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeTags(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("NormalizeTags(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeDedupesContactTags(t *testing.T) {
	got := Contact{Name: "Sam", Tags: []string{"Café", " cafe", "AA", "aa ", "Tuesday"}}.Normalize().Tags
	if want := []string{"Café", "AA", "Tuesday"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Normalize().Tags = %q, want %q", got, want)
	}
}

func TestParseTags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ,", nil},
		{"sponsor", []string{"sponsor"}},
		{"sponsor, Café,cafe , ,AA,aa,Tuesday night", []string{"sponsor", "Café", "AA", "Tuesday night"}},
		{"王芳,王芳", []string{"王芳"}},
	}
	for _, tt := range tests {
		if got := ParseTags(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Tags that differ only by a Devanagari vowel sign are different words, not
// repeats; accents on Latin letters are repeats.
func TestNormalizeTagsKeepsOtherScriptsApart(t *testing.T) {
	got := NormalizeTags([]string{"के", "कु", "café", "Cafe"})
	want := []string{"के", "कु", "café"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("NormalizeTags = %q, want %q", got, want)
	}
}
