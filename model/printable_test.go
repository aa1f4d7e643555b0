package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// crafted is what a journal written by another program can hold.
var crafted = []string{
	"Maria\x1b]0;pwned\x07 Santos",
	"\x1b]52;c;cHduZWQ=\x07Denise",
	"\x1b[2J\x1b[HKev",
	"bell\x07",
	"Ma\u200bria",
	"\u202Eairam",
	"osc with ST \x1b]0;t\x1b\\ end",
	"c1 csi \u009b31m red",
	"tag\U000E0041s",
	"soft\u00ADhyphen",
	"line one\nline two\tand a tab\r\n",
	"bad utf-8 \xff\xfe",
}

func TestPrintableLeavesNothingThatMovesTheTerminal(t *testing.T) {
	cases := map[string]string{
		"Maria\x1b]0;pwned\x07 Santos":  "Maria Santos",
		"\x1b]52;c;cHduZWQ=\x07Denise":  "Denise",
		"\x1b[2J\x1b[HKev":              "Kev",
		"bell\x07":                      "bell",
		"Ma\u200bria":                   "Maria",
		"\u202Eairam":                   "airam",
		"👩\u200d👩\u200d👧 family":        "👩\u200d👩\u200d👧 family",
		"café, José, 王芳, Zoë":           "café, José, 王芳, Zoë",
		"line one\nline two\tand a tab": "line one\nline two\tand a tab",
		"bad utf-8 \xff":                "bad utf-8 \uFFFD",
	}
	for in, want := range cases {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := PrintableLine("line one\nline two\tthree"); got != "line one line two three" {
		t.Errorf("PrintableLine kept a break: %q", got)
	}
	for _, s := range crafted {
		checkPrintable(t, s)
	}
}

func TestPrintableReturnsCleanTextAsItIs(t *testing.T) {
	s := "Denise Okafor — due today — call (312) 555-0147"
	if got := testing.AllocsPerRun(100, func() { _ = PrintableLine(s) }); got != 0 {
		t.Errorf("clean text cost %v allocations", got)
	}
}

// FuzzPrintable: whatever the text, nothing that moves or reorders the
// terminal comes through, cleaning twice changes nothing more, and one
// line stays one line.
func FuzzPrintable(f *testing.F) {
	for _, s := range crafted {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPrintable(t, s) })
}

func checkPrintable(t *testing.T, s string) {
	t.Helper()
	for _, oneLine := range []bool{false, true} {
		clean := printable(s, oneLine)
		if !utf8.ValidString(clean) {
			t.Fatalf("printable(%q, %v) = %q: not UTF-8", s, oneLine, clean)
		}
		for _, r := range clean {
			if (UnsafeRune(r) && r != '\n' && r != '\t') || Invisible(r) {
				t.Fatalf("printable(%q, %v) = %q keeps %U", s, oneLine, clean, r)
			}
			if oneLine && (r == '\n' || r == '\t') {
				t.Fatalf("PrintableLine(%q) = %q keeps a break", s, clean)
			}
		}
		if again := printable(clean, oneLine); again != clean {
			t.Fatalf("printable is not idempotent: %q → %q → %q", s, clean, again)
		}
		if strings.Contains(clean, "\x1b") {
			t.Fatalf("printable(%q) = %q keeps ESC", s, clean)
		}
	}
}

// Names and other one-line fields refuse invisible characters, so two
// people who look the same are the same text; notes may hold them (they
// are cleaned when shown).
func TestOneLineFieldsRefuseInvisibleCharacters(t *testing.T) {
	today := Date{Year: 2026, Month: 11, Day: 21}
	for _, r := range []rune{'\u200b', '\u200e', '\u200f', '\u061c', '\ufeff', '\u00ad', '\U000E0041', '\u2060'} {
		name := "Ma" + string(r) + "ria"
		p := Contact{Name: name}.Validate(today)
		if !strings.Contains(p[FieldName], "invisible") {
			t.Errorf("name %q: problem %q, want one about invisible characters", name, p[FieldName])
		}
		if msg := TextProblem("Nick"+string(r), MaxShortLen, false); !strings.Contains(msg, "invisible") {
			t.Errorf("nickname with %U: %q", r, msg)
		}
		if msg := TextProblem("a note"+string(r), MaxNotesLen, true); msg != "" {
			t.Errorf("a note with %U was refused: %q", r, msg)
		}
	}
	if p := (Contact{Name: "👩\u200d👩\u200d👧 Family"}).Validate(today); p[FieldName] != "" {
		t.Errorf("an emoji made with a joiner was refused: %q", p[FieldName])
	}
}

func TestLookAlikeKey(t *testing.T) {
	same := []string{"Maria", "Ma\u200bria", "MARIA", " Maria ", "Ma\u200dria", "\ufeffMaria\u200e", "Ma\u00adria", "Maria\U000E0041"}
	for _, s := range same {
		if got := LookAlikeKey(s); got != "maria" {
			t.Errorf("LookAlikeKey(%q) = %q, want %q", s, got, "maria")
		}
	}
	if LookAlikeKey("Jose\u0301 Luis") != LookAlikeKey("José  Luis") {
		t.Error("a decomposed accent and doubled space make a different key")
	}
	if LookAlikeKey("Maria") == LookAlikeKey("Mario") || LookAlikeKey("José") == LookAlikeKey("Jose") {
		t.Error("different names share a key")
	}
}
