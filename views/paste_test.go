package views

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// TestAHugePasteIsRefusedWhole: a paste longer than any field holds is
// refused whole with a sentence naming the limit; what was typed stays as
// it was, and the next paste of a sensible size is taken. The longest
// paste any field holds is taken.
func TestAHugePasteIsRefusedWhole(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e", "tab", "tab", "tab")
	f := d.app.reflection.form
	d.typeText("Called Sam")
	d.send(tea.PasteMsg{Content: hugePaste})
	d.mustSee("Not pasted: that is more than 10,000 characters, the most any field holds.")
	if got := f.fields[f.focus].value(); got != "Called Sam" {
		t.Fatalf("after a refused paste the answer holds %d characters; want what was typed", len(got))
	}
	d.paste(" after the meeting")
	d.mustNotSee("Not pasted")
	if got := f.fields[f.focus].value(); got != "Called Sam after the meeting" {
		t.Fatalf("the answer holds %q", got)
	}

	// At the limit, taken whole.
	d.keys("tab")
	full := strings.Repeat("é", model.MaxPasteLen)
	d.paste(full)
	d.mustNotSee("Not pasted")
	if got := f.fields[f.focus].value(); got != full {
		t.Fatalf("a paste of exactly %d characters was not taken whole (%d runes)", model.MaxPasteLen, len([]rune(got)))
	}

	// Outside a form too: the contact filter.
	d.keys("esc", "2", "/")
	d.send(tea.PasteMsg{Content: hugePaste})
	d.mustSee("Not pasted")
	if v := d.app.contacts.filter.Value(); v != "" {
		t.Fatalf("the filter took %d characters of a refused paste", len(v))
	}
}
