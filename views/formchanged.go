package views

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// changedElsewhere is a save that found its record changed in another
// window since the form read it (a *model.ChangedError): nothing was
// written, and the person chooses whose version stays. Their version is
// held as the record (for the owner to open or to save over) and as a
// form of the same fields (to show both side by side).
type changedElsewhere struct {
	what   string
	record any   // model.ChangedError.Theirs
	theirs *form // the same fields, filled from record
	both   bool  // "see both" is showing
	scroll int   // first line of "see both" on screen
}

// changedKeys answer "changed in another window".
type changedKeys struct {
	Theirs, Mine, Both, Later, Scroll key.Binding
}

func newChangedKeys() changedKeys {
	return changedKeys{
		Theirs: key.NewBinding(key.WithKeys("t", "T"), key.WithHelp("t", "keep theirs")),
		Mine:   key.NewBinding(key.WithKeys("m", "M"), key.WithHelp("m", "keep mine")),
		Both:   key.NewBinding(key.WithKeys("b", "B"), key.WithHelp("b", "see both")),
		Later:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "decide later")),
		Scroll: key.NewBinding(key.WithKeys("j", "k", "down", "up"), key.WithHelp("j/k", "scroll")),
	}
}

// The owner's answers to the question, returned by form.update.
const (
	formKeepTheirs formAction = iota + 100 // open their version in the form
	formKeepMine                           // save this draft over theirs
)

// changedBy shows that the last save found the record changed elsewhere,
// when err says so and the owner can build the form from a record
// (f.reopen). It reports whether err was that.
func (f *form) changedBy(err error) bool {
	var ce *model.ChangedError
	if f.reopen == nil || !errors.As(err, &ce) {
		return false
	}
	other := f.reopen(ce.Theirs)
	other.setSize(f.width, f.height)
	f.changed = &changedElsewhere{what: ce.What, record: ce.Theirs, theirs: other}
	f.failed = true // the journal does not hold this draft
	f.saveErr = "Not saved: another window saved " + model.PrintableLine(ce.What) +
		" after you opened it. Which should stay?"
	return true
}

// theirsChosen ends the question with their version kept: the record, for
// the owner to open in a new form.
func (f *form) theirsChosen() any {
	record := f.changed.record
	f.changed = nil
	f.failed, f.saveErr = false, ""
	return record
}

// mineChosen ends the question with this draft to be saved over theirs:
// their version becomes the one the save replaces.
func (f *form) mineChosen() {
	f.version = versionOf(f.changed.record)
	f.changed = nil
}

// updateChanged takes the keys while the question is asked; every other
// key waits, so nothing typed lands in a field unseen.
func (f *form) updateChanged(km tea.KeyPressMsg) formAction {
	c, k := f.changed, f.changedKeys
	switch {
	case key.Matches(km, k.Theirs):
		return formKeepTheirs
	case key.Matches(km, k.Mine):
		return formKeepMine
	case key.Matches(km, k.Both):
		c.both, c.scroll = !c.both, 0
	case key.Matches(km, k.Later):
		f.decideLater()
	case c.both && key.Matches(km, k.Scroll):
		if n := namedKey(km); n == "up" || n == "k" {
			c.scroll = max(0, c.scroll-1)
		} else {
			c.scroll++
		}
	}
	return formNone
}

// decideLater puts the question away, back to the draft, still unsaved:
// ctrl+s asks again.
func (f *form) decideLater() {
	if f.changed == nil {
		return
	}
	f.changed = nil
	f.saveErr = "Not saved: this was changed in another window. ctrl+s to choose which version stays."
}

// changedHelp is the help line while the question is asked.
func (f *form) changedHelp() []key.Binding {
	k := f.changedKeys
	both := k.Both
	if f.changed.both {
		both = key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "hide theirs"))
		return []key.Binding{k.Theirs, k.Mine, both, k.Scroll, k.Later}
	}
	return []key.Binding{k.Theirs, k.Mine, both, k.Later}
}

// bothLines shows, field by field, where this draft and their version
// differ: the label, then "yours" and "theirs".
func (f *form) bothLines() []string {
	s := f.styles
	out := []string{s.Muted.Render(truncate("Where yours and theirs differ:", f.width))}
	for i, fl := range f.fields {
		if i >= len(f.changed.theirs.fields) {
			break
		}
		mine, theirs := fl.shown(), f.changed.theirs.fields[i].shown()
		if mine == theirs {
			continue
		}
		out = append(out, s.FocusLabel.Render(truncate(fl.label, f.width)))
		out = append(out, sideLines("yours:  ", mine, f.width)...)
		out = append(out, sideLines("theirs: ", theirs, f.width)...)
	}
	if len(out) == 1 {
		out = append(out[:0], s.Muted.Render(wrap("What you see here is the same in both; only what the form does not show was changed. m keeps yours, t theirs.", f.width)))
	}
	return out
}

// sideLines is one version of a field's text under its label, each line
// wrapped and indented under the first.
func sideLines(lead, text string, width int) []string {
	if text == "" {
		text = "(empty)"
	}
	indent := strings.Repeat(" ", len(lead)+2)
	var out []string
	for i, l := range strings.Split(wrap(text, max(1, width-len(indent))), "\n") {
		if i == 0 {
			out = append(out, "  "+lead+l)
		} else {
			out = append(out, indent+l)
		}
	}
	return out
}

// shown is the field's value as the form shows it, for comparing and
// showing two versions.
func (fl *field) shown() string {
	switch fl.kind {
	case kindChoice:
		if len(fl.options) == 0 {
			return ""
		}
		return fl.options[fl.choice].label
	case kindToggle:
		if fl.on {
			return "yes"
		}
		return "no"
	case kindRating:
		if fl.rating == 0 {
			return "not rated"
		}
		return strconv.Itoa(fl.rating) + " of " + strconv.Itoa(fl.max)
	case kindFlags:
		var on []string
		for i, o := range fl.options {
			if fl.flags[i] {
				on = append(on, o.label)
			}
		}
		return strings.Join(on, ", ")
	}
	return fl.value()
}

// versionOf is the version of a record an editor saves over: when it was
// last changed.
func versionOf(record any) time.Time {
	switch r := record.(type) {
	case model.Contact:
		return r.UpdatedAt
	case model.CheckIn:
		return r.UpdatedAt
	case model.Reflection:
		return r.UpdatedAt
	case model.SafetyPlan:
		return r.UpdatedAt
	case model.Settings:
		return r.UpdatedAt
	}
	return time.Time{}
}

// keptTheirs is said once their version is open in the form.
const keptTheirs = "Kept the version saved in the other window; it is what you see now."
