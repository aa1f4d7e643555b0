package model

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Zoë", "zoe"},
		{"José", "jose"},
		{"JOSÉ", "jose"},
		{"Zoe\u0308", "zoe"}, // decomposed diaeresis
		{"ÅNGSTRÖM", "angstrom"},
		{"François Müller", "francois muller"},
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"ẞ", "ss"},
		{"İstanbul", "istanbul"},
		{"Ольга Петровна", "ольга петровна"},
		{"  Sam  ", "sam"},
		{"\u3000Sam\u3000", "sam"},
		{"王芳", "王芳"},
		{"محمد", "محمد"},
		{"🌻", "🌻"},
		{"👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"},
		{"O'Brien", "o'brien"},
		// Marks that spell other scripts stay: they are not accents.
		{"के", "के"},
		{"कु", "कु"},
		{"नमस्ते", "नमस्ते"},
		{"عائشة", "عائشة"},
		{"Ελένη", "ελενη"},
		{"\xf1Ȅ", "\ufffde"},     // broken UTF-8 before an accented letter
		{"Zo\xebe", "zo\ufffde"}, // Latin-1 ë
		// Unicode folds Cherokee to uppercase (golang/go#46101).
		{"ᏣᎳᎩ", "ᏣᎳᎩ"},
		{"ꮳꮃꭹ", "ᏣᎳᎩ"},
		{"Ꭼ", "Ꭼ"},
		{"ᏸ", "Ᏸ"},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", tt.in, again, got)
		}
	}
}

func TestMatches(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		fields []string
		want   bool
	}{
		{"accent-insensitive", "zoe", []string{"Zoë"}, true},
		{"accented query, plain field", "zoë", []string{"Zoe"}, true},
		{"case-insensitive", "JOSE", []string{"José"}, true},
		{"substring", "bri", []string{"Zoë 🌻 O'Brien"}, true},
		{"no match", "sam", []string{"Zoë"}, false},
		{"Chinese matches itself", "王芳", []string{"王芳"}, true},
		{"Chinese part", "芳", []string{"王芳"}, true},
		{"Chinese other name", "李", []string{"王芳"}, false},
		{"Arabic matches itself", "عائشة", []string{"عائشة"}, true},
		{"Arabic part", "محمد", []string{"محمد علي"}, true},
		{"Hindi matches itself", "नमस्ते", []string{"नमस्ते"}, true},
		{"Cherokee any case", "ꮳꮃꭹ", []string{"ᏣᎳᎩ"}, true},
		{"Cherokee in a folded search text", "ᏣᎳᎩ", []string{Fold("ᏣᎳᎩ")}, true},
		{"Cyrillic any case", "ОЛЬГА", []string{"Ольга"}, true},
		{"emoji", "🌻", []string{"Zoë 🌻 O'Brien"}, true},
		{"German sharp s", "strasse", []string{"Straße"}, true},
		{"German sharp s in query", "straße", []string{"Strasse"}, true},
		{"German capital sharp s", "STRASSE", []string{"STRAẞE"}, true},
		{"every word must match", "jose garcia", []string{"José García"}, true},
		{"words across fields", "jose smart", []string{"José", "Tuesday SMART meeting"}, true},
		{"word order free", "garcia jose", []string{"José García"}, true},
		{"one word missing", "jose smith", []string{"José García"}, false},
		{"word must be in one field", "sé ga", []string{"José García"}, true},
		{"no joining across fields", "jose tuesday", []string{"José", "Ga", "Tues", "day"}, false},
		{"empty query matches all", "", []string{"Zoë"}, true},
		{"blank query matches all", " \t\u3000", []string{"Zoë"}, true},
		{"empty query, no fields", "", nil, true},
		{"query, no fields", "zoe", nil, false},
		{"query, empty field", "zoe", []string{""}, false},
		{"extra spaces in query", "  jose   garcia  ", []string{"José García"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Matches(tt.query, tt.fields...); got != tt.want {
				t.Errorf("Matches(%q, %q) = %v, want %v", tt.query, tt.fields, got, tt.want)
			}
		})
	}
}

func TestContactSearchTextAndSortKey(t *testing.T) {
	c := Contact{
		Name: "Zoë O'Brien", Nickname: "Zo", Group: "Tuesday SMART meeting",
		Circle: CircleSponsor, Tags: []string{"Café", "night owl"},
		Phone: "+44 20 7946 0018", Notes: "private note",
	}
	text := c.SearchText()
	for _, q := range []string{"zoe", "ZO", "smart", "sponsor", "mentor", "cafe", "night owl", "zoe smart cafe"} {
		if !Matches(q, text) {
			t.Errorf("SearchText %q does not match %q", text, q)
		}
	}
	for _, q := range []string{"7946", "private"} {
		if Matches(q, text) {
			t.Errorf("SearchText %q matches %q; phone and notes are not searched", text, q)
		}
	}
	if text != Fold(text) {
		t.Errorf("SearchText %q is not folded", text)
	}

	names := []string{"zoë", "Émile", "adam", "Zack", "Ben"}
	contacts := make([]Contact, len(names))
	for i, n := range names {
		contacts[i] = Contact{Name: n}
	}
	sort.Slice(contacts, func(i, j int) bool { return contacts[i].SortKey() < contacts[j].SortKey() })
	var got []string
	for _, c := range contacts {
		got = append(got, c.Name)
	}
	if want := "adam Ben Émile Zack zoë"; strings.Join(got, " ") != want {
		t.Errorf("sorted by SortKey: %q, want %q", strings.Join(got, " "), want)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"", "Zoë", "José", "Straße", "ẞ", "İstanbul", "ΐ", "ﬃ", "ǅ", "Ω", "K", "Å",
		"王芳", "عائشة", "नमस्ते", "שָׁלוֹם", "Йо", "👨‍👩‍👧‍👦", "\u0301", " \u0301x ",
		"\xff\xfe", "a\u0345", " Maria O'Brien\t", "ZOE-12 @x", "\x01\x7f ~", "ᾳ", "ﬀ", "ŉ", "ǰ", "\u1100\u1161", "\u3000", "\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if slow := foldUnicode(s); once != slow {
			t.Fatalf("Fold(%q) = %q, but the full Unicode fold gives %q", s, once, slow)
		}
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold is not idempotent: Fold(%q) = %q, Fold(%q) = %q", s, once, once, twice)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, once)
		}
		if strings.TrimSpace(once) != once {
			t.Fatalf("Fold(%q) = %q has surrounding space", s, once)
		}
		if !Matches(s, s) {
			t.Fatalf("Matches(%q, itself) = false", s)
		}
	})
}

// TestFoundByOwnNameThroughSearchText: a list caches SearchText (already
// folded) and Matches folds it again, so Fold must be idempotent for every
// script, or a contact cannot be found by its own name.
func TestFoundByOwnNameThroughSearchText(t *testing.T) {
	for _, name := range []string{
		"Zoë 🌻 O'Brien", "José García", "王芳", "عائشة", "नमस्ते", "Ольга", "Straße",
		"ᏣᎳᎩ", "ꮳꮃꭹ", "İstanbul", "ΐ", "ﬃ", "Zo\xebe", "\xf1Ȅ", family,
	} {
		c := Contact{Name: name, Circle: CircleFriend}
		if !Matches(name, c.SearchText()) {
			t.Errorf("contact %q is not found by its own name (SearchText %q)", name, c.SearchText())
		}
	}
}

// TestFoldIdempotentOverCasedScripts checks every code point of the scripts
// with case (where folding is most intricate), alone and after a letter.
func TestFoldIdempotentOverCasedScripts(t *testing.T) {
	ranges := [][2]rune{
		{0x0000, 0x058F},   // Latin, IPA, Greek, Cyrillic, Armenian
		{0x10A0, 0x10FF},   // Georgian
		{0x13A0, 0x13FF},   // Cherokee
		{0x1C80, 0x1CBF},   // Cyrillic Extended-C, Georgian Extended
		{0x1E00, 0x1FFF},   // Latin Extended Additional, Greek Extended
		{0x2100, 0x218F},   // letterlike symbols, number forms
		{0x24B6, 0x24E9},   // circled letters
		{0x2C00, 0x2D2F},   // Glagolitic, Latin Extended-C, Coptic, Georgian
		{0xA640, 0xA7FF},   // Cyrillic Extended-B, Latin Extended-D
		{0xAB30, 0xABBF},   // Latin Extended-E, Cherokee Supplement
		{0xFB00, 0xFB4F},   // ligatures
		{0xFF21, 0xFF5A},   // fullwidth Latin
		{0x10400, 0x104FF}, // Deseret, Osage
		{0x1E900, 0x1E95F}, // Adlam
	}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			for _, s := range []string{string(r), "a" + string(r)} {
				once := Fold(s)
				if twice := Fold(once); twice != once {
					t.Errorf("%U: Fold(%q) = %q, Fold again = %q", r, s, once, twice)
				}
			}
		}
	}
}

// TestFoldASCIIShortcut holds Fold's quick way for plain ASCII to the full
// Unicode fold on every pair of ASCII characters, padded with spaces.
func TestFoldASCIIShortcut(t *testing.T) {
	for a := 0; a < utf8.RuneSelf; a++ {
		for b := 0; b < utf8.RuneSelf; b++ {
			s := " " + string(rune(a)) + string(rune(b)) + "x "
			if got, want := Fold(s), foldUnicode(s); got != want {
				t.Fatalf("Fold(%q) = %q, the full fold gives %q", s, got, want)
			}
		}
	}
}
