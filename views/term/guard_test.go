package term

import (
	"strings"
	"testing"
)

func TestGuardKeepsColoursAndNothingElse(t *testing.T) {
	cases := map[string]string{
		"\x1b[1;38;5;141mToday\x1b[0m · 3\nnext": "\x1b[1;38;5;141mToday\x1b[0m · 3\nnext",
		"Maria\x1b]0;pwned\x07 Santos":           "Maria Santos",
		"\x1b]52;c;cHduZWQ=\x1b\\Denise":         "Denise",
		"\x1b[2J\x1b[HKev\x07":                   "Kev",
		"Ma\u200bria \u202Eairam":                "Maria airam",
		"\x1b[38:2::1:2:3mcolon colour\x1b[m":    "\x1b[38:2::1:2:3mcolon colour\x1b[m",
		"cursor \x1b[?25l hidden":                "cursor  hidden",
		"cut \x1b[1;2":                           "cut ",
		"\x1bPdcs payload\x1b\\after":            "after",
		"c1 \u009b31m":                           "c1 31m",
		"👩\u200d👩\u200d👧 family":                 "👩\u200d👩\u200d👧 family",
	}
	for in, want := range cases {
		if got := Guard(in); got != want {
			t.Errorf("Guard(%q) = %q, want %q", in, got, want)
		}
		if again := Guard(Guard(in)); again != Guard(in) {
			t.Errorf("Guard is not idempotent on %q", in)
		}
	}
	frame := strings.Repeat("\x1b[1mContacts\x1b[0m · 303  Abena Eze  friend │ Email\n", 30)
	if n := testing.AllocsPerRun(50, func() { _ = Guard(frame) }); n != 0 {
		t.Errorf("a clean frame cost %v allocations", n)
	}
}

// FuzzGuard: whatever a frame holds, the guarded frame has no escape
// sequence but SGR and no control character but line breaks.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"\x1b[1mok\x1b[0m", "a\x1b]0;x\x07b", "\x1b[2J", "\x1b", "\x1b[", "\u009b1m", "\x1bPx\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := Guard(s)
		for i := 0; i < len(g); {
			if g[i] == 0x1b {
				n, sgr := escapeAt(g, i)
				if !sgr {
					t.Fatalf("Guard(%q) = %q keeps %q", s, g, g[i:i+n])
				}
				i += n
				continue
			}
			if g[i] < 0x20 && g[i] != '\n' || g[i] == 0x7f {
				t.Fatalf("Guard(%q) = %q keeps control %q", s, g, g[i])
			}
			i++
		}
		if Guard(g) != g {
			t.Fatalf("Guard is not idempotent on %q", s)
		}
	})
}
