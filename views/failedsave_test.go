package views

import (
	"errors"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// errDiskFull is what the store says when the disk has no room: in words.
var errDiskFull = errors.New("the disk is full, so nothing was saved (free some space and try again)")

// TestFailedSaveKeepsTheDraftInEveryEditor: in every editor, a save that
// fails (the disk is full) leaves the draft open and unsaved — the footer
// says so and never "(saved)", esc and ctrl+c ask before anything is
// thrown away — and ctrl+s saves it once there is room again.
func TestFailedSaveKeepsTheDraftInEveryEditor(t *testing.T) {
	cases := append([]editorCase(nil), overlayEditors...)
	for _, tab := range []string{"Today", "Contacts", "Check-in", "Reflection", "Network"} {
		cases = append(cases, editorsByTab[tab]...)
	}
	for _, ec := range cases {
		t.Run(ec.name, func(t *testing.T) {
			st := newFakeStore(sampleContacts()...)
			d := newDriver(t, st, 100, 30)
			d.keys(ec.open...)
			f := openForm(ec, d.app)
			if f == nil {
				t.Fatalf("%v did not open the %s editor:\n%s", ec.open, ec.name, d.view())
			}
			typed := writeDraft(t, d, f, ec.name)

			st.failSaves(errDiskFull)
			d.keys("ctrl+s")
			if openForm(ec, d.app) != f {
				t.Fatalf("a failed save closed the %s editor:\n%s", ec.name, d.view())
			}
			d.mustSee("Not saved: the disk is full", "not saved — ctrl+s to try again")
			d.mustNotSee("(saved)")
			if !d.app.Dirty() {
				t.Fatalf("after a failed save the %s editor counts as saved", ec.name)
			}

			// esc asks; n keeps the draft.
			d.keys("esc")
			if openForm(ec, d.app) != f {
				t.Fatalf("esc closed the %s editor with its draft unsaved", ec.name)
			}
			if !f.confirming {
				t.Fatalf("esc in the %s editor, its draft unsaved, did not ask:\n%s", ec.name, d.view())
			}
			d.mustSee("This is not saved. Discard it?")
			d.keys("n")
			// ctrl+c asks too (the reflection included: saving on the way
			// out would fail again).
			d.keys("ctrl+c")
			if d.quit {
				t.Fatalf("ctrl+c quit the %s editor with its draft unsaved", ec.name)
			}
			d.mustSee("unsaved typing")
			d.keys("n")
			if openForm(ec, d.app) != f || !strings.Contains(formText(f), typed) {
				t.Fatalf("after esc n and ctrl+c n, the %s editor lost %q", ec.name, typed)
			}

			// Room again: ctrl+s saves the same draft.
			st.failSaves(nil)
			d.keys("ctrl+s")
			d.mustNotSee("not saved — ctrl+s to try again", "Not saved:")
			if openForm(ec, d.app) == f && f.dirty() {
				t.Fatalf("with room again, ctrl+s left the %s editor unsaved:\n%s", ec.name, d.view())
			}
			if d.app.Dirty() {
				t.Fatalf("with room again and saved, the app still counts %s as unsaved", ec.name)
			}
		})
	}
}

// formText is every field of the form, for "is the typing still there".
func formText(f *form) string {
	var b strings.Builder
	for _, fl := range f.fields {
		b.WriteString(fl.value())
		b.WriteByte('\n')
	}
	return b.String()
}

// openForm is the editor's form, nil once it has closed.
func openForm(ec editorCase, a *App) (f *form) {
	defer func() {
		if recover() != nil {
			f = nil // the editor, not only its form, is gone
		}
	}()
	return ec.form(a)
}

// drafts say where a valid draft is typed in the editors whose first text
// field takes a time or a date.
var drafts = map[string]struct{ field, text string }{
	"reach-out":      {model.FieldNote, "walked down to the meeting"},
	"check-in":       {model.FieldGratitude, "walked down to the meeting"},
	"settings":       {"recovery_start", "2024-03-09"},
	"recovery start": {"recovery_start", "2024-03-09"},
	"plan":           {model.FieldNote, "walked down to the meeting"},
}

// writeDraft types a draft the editor will save, and returns it.
func writeDraft(t *testing.T, d *driver, f *form, editor string) string {
	t.Helper()
	if editor == "check-up" {
		// Every statement needs its number (a number moves on).
		for range f.fields {
			d.typeText("4")
		}
		return "4"
	}
	dr, ok := drafts[editor]
	if !ok {
		return typeIntoFirstTextField(t, d, f, "walked down to the meeting")
	}
	for range f.fields {
		if fl := f.fields[f.focus]; fl.key == dr.field {
			d.keys("ctrl+u") // a field that holds a date already
			for range fl.value() {
				d.keys("backspace")
			}
			d.typeText(dr.text)
			return dr.text
		}
		d.keys("tab")
	}
	t.Fatalf("the %s editor has no field %q", editor, dr.field)
	return ""
}

// TestReflectionAutosaveFailureAsksBeforeClosing: the week saves itself
// as the person writes; when that save fails (the disk filled up), esc no
// longer closes quietly and ctrl+c no longer saves and quits: both ask,
// and the week's answers stay until a later save reaches the journal.
func TestReflectionAutosaveFailureAsksBeforeClosing(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e", "tab", "tab", "tab")
	const words = "Maya listened without fixing anything"
	d.typeText(words)
	st.failSaves(errDiskFull)
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
	d.mustSee("Not saved: the disk is full", "not saved — ctrl+s to try again")
	d.mustNotSee("(saved)")

	d.keys("esc")
	if d.app.reflection.form == nil {
		t.Fatal("esc closed the reflection while its last save had failed")
	}
	d.mustSee("This is not saved. Discard it?")
	d.keys("n", "ctrl+c")
	if d.quit {
		t.Fatal("ctrl+c quit with the week's answers unsaved")
	}
	d.mustSee("unsaved typing")
	d.keys("n")

	// Typing on after space is back: the next autosave keeps it all.
	st.failSaves(nil)
	d.typeText(".")
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
	if !strings.Contains(reflectionText(st), words+".") {
		t.Fatalf("with room again, the autosave did not keep the answer; the journal holds %q", reflectionText(st))
	}
	d.mustSee("close (saved)")
	d.mustNotSee("not saved —")
	d.keys("esc")
	if d.app.reflection.form != nil || d.app.Dirty() {
		t.Fatal("saved, esc should close the reflection without asking")
	}
}

// TestFailedSaveQuestionFitsANarrowWindow: the error wraps over several
// lines at 60 columns; the question under the form must still be on
// screen, not pushed below it.
func TestFailedSaveQuestionFitsANarrowWindow(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 60, 24)
	d.keys("4", "e", "tab", "tab", "tab")
	d.typeText("Maya listened")
	st.failSaves(errDiskFull)
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
	d.keys("esc")
	d.mustSee("Discard it?", "ctrl+s tries")
}
