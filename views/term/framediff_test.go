package term

import (
	"strconv"
	"strings"
	"testing"
)

// paintWhole draws every line whole: from its first column, after erasing
// the line. It is the reference the diff is held to.
func paintWhole(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		b.WriteString("\x1b[" + strconv.Itoa(i+1) + ";1H" + eraseLine + l + resetStyle)
	}
	return b.String()
}

// checkFrameDiff holds frameDiff from old to lines to the reference: a
// terminal showing old, given the diff, shows what one given lines whole
// shows, cell by cell, colours included.
func checkFrameDiff(t *testing.T, old, lines []string, width, height int) []byte {
	t.Helper()
	diff := frameDiff(old, lines, width, false)
	for _, byRune := range []bool{false, true} {
		want := newVScreen(width, height)
		want.byRune = byRune
		want.write(paintWhole(lines))
		if want.err != nil {
			if byRune {
				continue // wider there than the screens measure: cut by such a terminal anyway
			}
			t.Fatalf("the reference itself: %v", want.err)
		}
		for _, repaint := range []bool{false, true} {
			got := newVScreen(width, height)
			got.byRune = byRune
			got.write(paintWhole(old))
			got.err = nil // the old frame may not fit a rune-by-rune terminal either
			if repaint {
				got.write(string(frameDiff(old, lines, width, true)))
			} else {
				got.write(string(diff))
			}
			if got.err != nil {
				t.Fatalf("byRune=%v repaint=%v: %v\nold   %q\nlines %q\ndiff  %q", byRune, repaint, got.err, old, lines, diff)
			}
			if d := got.differs(want); d != "" {
				t.Fatalf("byRune=%v repaint=%v: the screen differs at %s\nold   %q\nlines %q\ndiff  %q", byRune, repaint, d, old, lines, diff)
			}
		}
	}
	return diff
}

const (
	dim   = "\x1b[38;5;102m"
	bold  = "\x1b[1m"
	sel   = "\x1b[1;38;5;188;48;5;59m"
	reset = "\x1b[0m"
)

func TestFrameDiffShowsWhatTheWholeFrameShows(t *testing.T) {
	cases := map[string]struct {
		old, lines []string
		width      int // 60 unless given
	}{
		"a pane beside an unchanged list": {
			[]string{"  Abena Eze    friend " + dim + " │ " + reset + bold + "Abena Mensah" + reset + "          "},
			[]string{"  Abena Eze    friend " + dim + " │ " + reset + bold + "Abena Okafor" + reset + "          "},
			0,
		},
		"the selection moves": {
			[]string{sel + "› Abena Mensah  " + reset + dim + " │ " + reset, "  Abena Okafor  " + dim + " │ " + reset},
			[]string{"  Abena Mensah  " + dim + " │ " + reset, sel + "› Abena Okafor  " + reset + dim + " │ " + reset},
			0,
		},
		"shorter":                        {[]string{"Due a reach-out (12)   x"}, []string{"Due a reach-out (9)"}, 0},
		"longer":                         {[]string{"Due (9)"}, []string{"Due (12) and more text"}, 0},
		"only trailing spaces":           {[]string{"abc  x"}, []string{"abc   "}, 0},
		"emptied":                        {[]string{"something"}, []string{""}, 0},
		"styled spaces at the end":       {[]string{"ab" + sel + "    " + reset}, []string{"ab" + sel + "   " + reset}, 0},
		"a background that ends":         {[]string{sel + "ab   " + reset + "x"}, []string{sel + "ab   " + reset}, 0},
		"full width":                     {[]string{"abcdefghij"}, []string{"abcdefghiJ"}, 10},
		"full width to short":            {[]string{"abcdefghij"}, []string{"abc"}, 10},
		"short to full width":            {[]string{"abc"}, []string{"abcdefghij"}, 10},
		"wide at the edge":               {[]string{"abcdefgh漢"}, []string{"abcdefgh字"}, 10},
		"wide characters":                {[]string{"漢字 Wang 🌻 ok"}, []string{"漢字 Wang 🌻 no"}, 0},
		"wide then ascii":                {[]string{"漢a"}, []string{"漢b"}, 0},
		"a combining accent":             {[]string{"Rene"}, []string{"Rene\u0301"}, 0},
		"accent taken away":              {[]string{"Rene\u0301"}, []string{"Rene"}, 0},
		"a prepended sign":               {[]string{"x\u06001"}, []string{"x\u06002"}, 0},
		"accent after a colour":          {[]string{"e" + bold + "x"}, []string{"e" + bold + "\u0301"}, 0},
		"fewer lines":                    {[]string{"a", "b", "c"}, []string{"a"}, 0},
		"more lines":                     {[]string{"a"}, []string{"a", "b", "c"}, 0},
		"colour changes mid-word":        {[]string{"abc" + dim + "def" + reset}, []string{"abc" + bold + "def" + reset}, 0},
		"a skin tone before":             {[]string{"👍🏽 ab"}, []string{"👍🏽 ac"}, 0},
		"a selector before":              {[]string{"Mom ❤️ ab"}, []string{"Mom ❤️ ac"}, 0},
		"a keycap before":                {[]string{"#️⃣ ab"}, []string{"#️⃣ ac"}, 0},
		"a family before":                {[]string{"👨‍👩‍👧 ab"}, []string{"👨‍👩‍👧 ac"}, 0},
		"a flag before":                  {[]string{"🇬🇧 ab"}, []string{"🇬🇧 ac"}, 0},
		"a control that is not a colour": {[]string{"ab\x1b[3CX"}, []string{"ab\x1b[3C"}, 0},
		"reset written as [m":            {[]string{dim + "ab" + resetStyle + "cd"}, []string{dim + "ab" + resetStyle + "ce"}, 0},
	}
	for name, c := range cases {
		width := c.width
		if width == 0 {
			width = 60
		}
		t.Run(name, func(t *testing.T) { checkFrameDiff(t, c.old, c.lines, width, 4) })
	}
}

// A move in Contacts changes the pane on the right; the list on the left
// is not written again, nor the blanks at the ends of lines.
func TestFrameDiffWritesOnlyWhatChanged(t *testing.T) {
	list := "  Abena Eze              friend      5d        "
	old := []string{list + dim + " │ " + reset + dim + "Email   " + reset + " abena.mensah@example.com" + strings.Repeat(" ", 12)}
	lines := []string{list + dim + " │ " + reset + dim + "Email   " + reset + " abena.okafor@example.com" + strings.Repeat(" ", 12)}
	diff := string(checkFrameDiff(t, old, lines, 100, 2))
	if strings.Contains(diff, "Abena Eze") || strings.Contains(diff, "Email") {
		t.Errorf("the unchanged beginning is written again: %q", diff)
	}
	if strings.Contains(diff, "  "+resetStyle) {
		t.Errorf("blanks at the end are written: %q", diff)
	}
	if !strings.Contains(diff, "okafor@example.com") {
		t.Errorf("the change is not written: %q", diff)
	}
}

// frameTokens are what screens are made of: words, blanks, colours and
// their resets, and characters that are wide, that join the one before or
// that join the one after.
var frameTokens = []string{
	"a", "b", "Abena", " ", "   ", "│", "·", "é", "e\u0301", "\u0301", "\u0600", "漢", "🌻",
	"👨\u200d👩", "\u200d", "1", dim, bold, sel, reset, resetStyle, "\x1b[48;5;59m", "\n",
	"\uFE0F", "#", "\u20E3", "\u2764", "\U0001F3FD", "👍", "\U0001F1EC", "\u1100", "\u1161",
	"\x1b[22m", "\x1b[0;1m", "\x1b[4:3m", "\u200B", "\u00AD", "\t",
}

// framesOf reads two frames from fuzz bytes, each byte a token; a 0xff
// byte ends the first frame.
func framesOf(data []byte) (old, lines string) {
	var b strings.Builder
	for i, c := range data {
		if c == 0xff && old == "" {
			old = b.String()
			b.Reset()
			continue
		}
		b.WriteString(frameTokens[int(c)%len(frameTokens)])
		_ = i
	}
	return old, b.String()
}

// FuzzFrameDiff holds the diff to the whole frame for any two frames made
// of the screens' tokens, at any width: the terminal shows the same, cell
// by cell, and nothing is written past its edge.
func FuzzFrameDiff(f *testing.F) {
	f.Add(uint8(20), []byte{2, 3, 7, 0xff, 2, 3, 8})
	f.Add(uint8(10), []byte{16, 0, 19, 4, 0xff, 16, 1, 19, 4})
	f.Add(uint8(5), []byte{11, 11, 0, 22, 12, 0xff, 11, 12, 22, 8, 9})
	f.Add(uint8(30), []byte{0, 10, 20, 0xff, 0, 10, 21})
	f.Fuzz(func(t *testing.T, width uint8, data []byte) {
		w := 1 + int(width)%60
		const h = 6
		oldFrame, frame := framesOf(data)
		checkFrameDiff(t, fitFrame(oldFrame, w, h), fitFrame(frame, w, h), w, h)
	})
}

// A tab that reaches the display is drawn as a space: on the terminal it
// would jump to the next stop over cells it does not clear, and measure
// as none. (Notes' tabs are spaces already: views' TestWrapDrawsTabsAsSpaces.)
func TestTabsAreDrawnAsSpaces(t *testing.T) {
	lines := fitFrame("a\tb\nc", 10, 5)
	if lines[0] != "a b" {
		t.Errorf("fitFrame = %q", lines)
	}
	checkFrameDiff(t, []string{"漢字 notes"}, fitFrame("\tnotes", 20, 2), 20, 2)
}
