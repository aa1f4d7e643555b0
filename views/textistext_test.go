package views

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// keyWords are words that spell the names of keys, and runes that are keys
// on their own when no field is open: typed into a field, each is text.
var keyWords = []string{
	"down", "up", "left", "right", "home", "end", "tab", "enter", "esc", "backspace",
	"delete", "pgup", "pgdown", "space", "shift+tab", "ctrl+c", "ctrl+s", "ctrl+g",
	"q", "?", "!", "j", "k", "g", "G", "l", "a", "e", "d", "1", "5", "y", "n", "[", "]",
	"walked", "to", "the", "meeting,", "then", "José", "café", "naïve", "Zoë",
	"你好", "한국어", "日本語", "🙂", "👩‍👩‍👧", "🇳🇿", "✨",
}

// randomSentence makes a sentence of n words from keyWords.
func randomSentence(r *rand.Rand, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = keyWords[r.IntN(len(keyWords))]
	}
	return strings.Join(words, " ")
}

// TestEveryTextFieldTakesEveryRune sends random sentences made of key
// names, emoji, CJK and accented words to every text field of every
// editor and overlay, key by key (as typed, or as text arrives over a slow
// link or from dictation: the terminal reader makes a key of each
// character) and as one paste, and
// reads each back exactly, with the focus still on that field.
func TestEveryTextFieldTakesEveryRune(t *testing.T) {
	probe := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	cases := append([]editorCase(nil), overlayEditors...)
	for _, tab := range probe.app.tabs {
		cases = append(cases, editorsByTab[tab.name]...)
	}
	r := rand.New(rand.NewPCG(14, 2026))
	for _, ec := range cases {
		for _, burst := range []bool{false, true} {
			d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
			d.keys(ec.open...)
			f := ec.form(d.app)
			if f == nil {
				t.Fatalf("%v did not open the %s editor", ec.open, ec.name)
			}
			fields := 0
			for i := range f.fields {
				fl := f.fields[i]
				if fl.kind != kindText && fl.kind != kindArea {
					continue
				}
				fields++
				for f.focus != i {
					d.keys("tab")
				}
				for range 8 {
					want := randomSentence(r, 1+r.IntN(7))
					clearField(fl)
					if burst {
						d.paste(want)
					} else {
						d.typeText(want)
					}
					if ec.form(d.app) != f || f.focus != i {
						t.Fatalf("%s, field %q, burst %v: typing %q moved away from the field:\n%s",
							ec.name, fl.key, burst, want, d.view())
					}
					if got := fl.value(); got != want {
						t.Fatalf("%s, field %q, burst %v: typed %q, the field holds %q", ec.name, fl.key, burst, want, got)
					}
				}
			}
			if fields == 0 && ec.name != "check-up" {
				t.Fatalf("the %s editor has no text field to type into", ec.name)
			}
			if d.quit {
				t.Fatalf("typing in the %s editor quit the app", ec.name)
			}
		}
	}
}

// clearField empties a field, as select-all and delete would.
func clearField(fl *field) {
	switch fl.kind {
	case kindText:
		fl.input.SetValue("")
	case kindArea:
		fl.area.SetValue("")
	}
}

// TestTextOutsideAFieldIsOneKeyPerRune: held keys and fast typing outside
// a field are a key per character, and a run that spells a key's name is
// not that key; a paste outside a field is no keys at all.
func TestTextOutsideAFieldIsOneKeyPerRune(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.paste("2jj")
	if d.app.active != screenToday {
		t.Fatalf("a paste outside a field acted as keys: screen %d", d.app.active)
	}
	d.typeText("2jj")
	if d.app.active != screenContacts || d.app.contacts.cursor != 2 {
		t.Fatalf("2jj: screen %d, cursor %d; want Contacts, the third person", d.app.active, d.app.contacts.cursor)
	}
	d.typeText("end")
	// e opened the edit form for the selected person; n and d were typed.
	if d.app.contacts.form == nil {
		t.Fatalf("e did not open the form:\n%s", d.view())
	}
	if got := d.app.contacts.form.fields[d.app.contacts.form.focus].value(); !strings.HasSuffix(got, "nd") {
		t.Fatalf("the rest was not typed into the form: %q", got)
	}
}
