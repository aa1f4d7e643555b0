package views

import (
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// versionedEditors are the editors whose record another window can save
// while the form is open.
var versionedEditors = []editorCase{
	{name: "contact", open: []string{"2", "e"}, form: func(a *App) *form { return a.contacts.form.form }},
	{name: "check-in", open: []string{"3", "e"}, form: func(a *App) *form { return a.checkIn.form }},
	{name: "reflection", open: []string{"4", "e"}, form: func(a *App) *form { return a.reflection.form }},
	{name: "safety plan", open: []string{"5", "p"}, form: func(a *App) *form { return a.network.plan.form }},
	{name: "settings", open: []string{"S"}, form: func(a *App) *form { return a.settings.form }},
}

// elsewhere is what the other window wrote in every record.
const elsewhere = "Saved in the other window"

// saveEverythingElsewhere saves every record as another window would:
// each gets a new version, and a line to recognise it by.
func saveEverythingElsewhere(st *fakeStore) {
	st.changeElsewhere(func(f *fakeStore) {
		for id, c := range f.contacts {
			c.Notes, c.UpdatedAt = elsewhere, f.stamp()
			f.contacts[id] = c
		}
		today := model.Today(fixedClock)
		ci := f.checkIns[today]
		ci.Day, ci.Gratitude, ci.Mood, ci.UpdatedAt = today, elsewhere, 3, f.stamp()
		f.checkIns[today] = ci
		w := model.WeekOf(today)
		r := f.reflects[w]
		r.Week, r.Supported, r.UpdatedAt = w, 7, f.stamp()
		f.reflects[w] = r
		f.plan.OnMyOwn, f.plan.UpdatedAt = []string{elsewhere}, f.stamp()
		f.settings.OwnNumbers, f.settings.UpdatedAt = []model.OwnNumber{{Label: elsewhere, Number: "111"}}, f.stamp()
	})
}

// TestASaveOverAnotherWindowsAsks: in every editor of a record that two
// windows can hold, a save over a version saved elsewhere meanwhile
// writes nothing and asks; b shows both versions, m saves the draft over
// theirs, and the draft is never lost on the way.
func TestASaveOverAnotherWindowsAsks(t *testing.T) {
	for _, ec := range versionedEditors {
		t.Run(ec.name, func(t *testing.T) {
			st := newFakeStore(sampleContacts()...)
			d := newDriver(t, st, 100, 30)
			d.keys(ec.open...)
			f := openForm(ec, d.app)
			if f == nil {
				t.Fatalf("%v did not open the %s editor:\n%s", ec.open, ec.name, d.view())
			}
			typed := writeDraft(t, d, f, ec.name)
			saveEverythingElsewhere(st)
			saves := st.saves

			d.keys("ctrl+s")
			if openForm(ec, d.app) != f || f.changed == nil {
				t.Fatalf("a save over another window's version did not ask:\n%s", d.view())
			}
			if st.saves != saves {
				t.Fatal("the refused save wrote something")
			}
			d.mustSee("another window saved", "Which should stay?", "keep theirs", "keep mine", "see both")
			d.mustNotSee("(saved)")
			if !d.app.Dirty() {
				t.Fatal("while asking, the app counts the draft as saved")
			}
			// Letters answer the question and type nothing.
			d.typeText("xyz")
			if strings.Contains(formText(f), "xyz") {
				t.Fatal("letters typed while asking went into the form")
			}

			d.keys("b")
			d.mustSee("yours:", "theirs:")
			d.keys("b")
			d.mustNotSee("yours:")

			// esc puts the question away; the draft stays, unsaved, and
			// ctrl+s asks again.
			d.keys("esc")
			if openForm(ec, d.app) != f || f.changed != nil || !strings.Contains(formText(f), typed) {
				t.Fatalf("esc on the question lost the draft or the editor:\n%s", d.view())
			}
			d.mustSee("ctrl+s to choose which version stays")
			d.keys("ctrl+s")
			if f.changed == nil {
				t.Fatalf("ctrl+s after putting the question away did not ask again:\n%s", d.view())
			}

			d.keys("m")
			if st.saves != saves+1 {
				t.Fatalf("keep mine saved %d times; want once", st.saves-saves)
			}
			d.mustNotSee("Which should stay?", "Not saved")
			if d.app.Dirty() {
				t.Fatalf("after keep mine the %s editor still counts as unsaved:\n%s", ec.name, d.view())
			}
			if !strings.Contains(savedText(st), typed) {
				t.Errorf("keep mine: the journal does not hold %q", typed)
			}
		})
	}
}

// TestKeepTheirsOpensTheirVersion: t replaces the draft with what the
// other window saved, in the same editor, and writes nothing.
func TestKeepTheirsOpensTheirVersion(t *testing.T) {
	for _, ec := range versionedEditors {
		t.Run(ec.name, func(t *testing.T) {
			st := newFakeStore(sampleContacts()...)
			d := newDriver(t, st, 100, 30)
			d.keys(ec.open...)
			f := openForm(ec, d.app)
			if f == nil {
				t.Fatalf("%v did not open the %s editor:\n%s", ec.open, ec.name, d.view())
			}
			typed := writeDraft(t, d, f, ec.name)
			saveEverythingElsewhere(st)
			saves := st.saves
			d.keys("ctrl+s")
			d.keys("t")
			g := openForm(ec, d.app)
			if g == nil || g.changed != nil {
				t.Fatalf("keep theirs closed the editor or kept asking:\n%s", d.view())
			}
			if st.saves != saves {
				t.Error("keep theirs wrote something")
			}
			text := formText(g)
			if strings.Contains(text, typed) && !strings.Contains(savedText(st), typed) {
				t.Errorf("keep theirs still shows the draft %q", typed)
			}
			if ec.name != "reflection" && !strings.Contains(text, elsewhere) {
				t.Errorf("keep theirs does not show the other window's %q:\n%s", elsewhere, text)
			}
			if ec.name == "reflection" && g.field(model.FieldSupported).rating != 7 {
				t.Errorf("keep theirs shows a rating of %d; the other window saved 7", g.field(model.FieldSupported).rating)
			}
			d.mustSee("Kept the version saved in the other window")
			// Their version is the one a save now replaces.
			d.keys("ctrl+s")
			if g := openForm(ec, d.app); g != nil && g.changed != nil {
				t.Errorf("saving their version asked again:\n%s", d.view())
			}
		})
	}
}

// TestReflectionAutosaveDoesNotAskMidSentence: the week saves itself as
// the person writes; when such a save finds the week changed elsewhere,
// no question takes the next letters typed as its answer. The footer
// says so, typing goes on into the answer, and ctrl+s asks.
func TestReflectionAutosaveDoesNotAskMidSentence(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e")
	f := d.app.reflection.form
	if f == nil {
		t.Fatalf("no reflection form:\n%s", d.view())
	}
	d.keys("tab", "tab", "tab")
	d.typeText("I called Maria")
	saveEverythingElsewhere(st)
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
	if f.changed != nil {
		t.Fatal("an autosave that found the week changed asked in the middle of typing")
	}
	d.mustSee("changed in another window", "ctrl+s to choose")
	d.typeText(" then took the bus")
	if !strings.Contains(formText(f), "I called Maria then took the bus") {
		t.Fatalf("typing after the failed autosave was not kept:\n%s", formText(f))
	}
	d.keys("ctrl+s")
	if f.changed == nil {
		t.Fatalf("ctrl+s did not ask:\n%s", d.view())
	}
	d.keys("m")
	if got := st.reflects[model.WeekOf(model.Today(fixedClock))]; len(got.Answers) == 0 || !strings.Contains(got.Answers[0].Text, "then took the bus") {
		t.Errorf("keep mine saved %+v", got)
	}
}

// savedText is everything the fake journal holds that a draft could have
// been typed into.
func savedText(st *fakeStore) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var b strings.Builder
	for _, c := range st.contacts {
		b.WriteString(c.Name + "\n" + c.Notes + "\n" + c.Nickname + "\n")
	}
	for _, c := range st.checkIns {
		b.WriteString(c.Gratitude + "\n" + c.Note + "\n")
	}
	for _, r := range st.reflects {
		for _, a := range r.Answers {
			b.WriteString(a.Text + "\n")
		}
	}
	for _, part := range model.PlanParts {
		b.WriteString(strings.Join(st.plan.Lines(part.Key), "\n") + "\n")
	}
	b.WriteString(st.settings.RecoveryStart.String() + "\n" + st.start.String() + "\n")
	for _, p := range st.plans {
		b.WriteString(p.Note + "\n")
	}
	return b.String()
}
