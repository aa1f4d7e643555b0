package views

import (
	"strings"
	"testing"
)

// editorCase opens one editor and says where its form is.
type editorCase struct {
	name string
	open []string           // the keys that open it, from Today
	form func(a *App) *form // the open form
	asks bool               // false: it saves itself on ctrl+c instead (the reflection)
}

// editorsByTab lists, for every tab of the table, the editors it opens.
// TestCtrlCAsksInEveryEditor fails for a tab missing here, so a screen
// cannot join the table without its typing being proved safe from ctrl+c.
var editorsByTab = map[string][]editorCase{
	"Today": {
		{name: "recovery start", open: []string{"1", "s"}, asks: true,
			form: func(a *App) *form { return a.today.startForm }},
	},
	"Contacts": {
		{name: "contact", open: []string{"2", "a"}, asks: true,
			form: func(a *App) *form { return a.contacts.form.form }},
	},
	"Check-in": {
		{name: "check-in", open: []string{"3", "e"}, asks: true,
			form: func(a *App) *form { return a.checkIn.form }},
	},
	"Reflection": {
		{name: "reflection", open: []string{"4", "e"}, asks: false,
			form: func(a *App) *form { return a.reflection.form }},
		{name: "prompts", open: []string{"4", "p", "a"}, asks: true,
			form: func(a *App) *form { return a.reflection.prompts.form }},
	},
	"Network": {
		{name: "safety plan", open: []string{"5", "p"}, asks: true,
			form: func(a *App) *form { return a.network.plan.form }},
		{name: "check-up", open: []string{"5", "u"}, asks: true,
			form: func(a *App) *form { return a.network.checkup.form }},
	},
}

// overlayEditors are the forms that lie over any screen.
var overlayEditors = []editorCase{
	{name: "reach-out", open: []string{"2", "l"}, asks: true,
		form: func(a *App) *form { return a.log.form }},
	{name: "settings", open: []string{"S"}, asks: true,
		form: func(a *App) *form { return a.settings.form }},
	{name: "plan", open: []string{"2", "p"}, asks: true,
		form: func(a *App) *form { return a.planning.form }},
}

// TestCtrlCAsksInEveryEditor types into every editor and overlay and
// presses ctrl+c: each asks before anything is thrown away, and "n" leaves
// the typing exactly where it was. The reflection, which saves as it goes,
// saves the words and then quits.
func TestCtrlCAsksInEveryEditor(t *testing.T) {
	probe := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	cases := append([]editorCase(nil), overlayEditors...)
	for _, tab := range probe.app.tabs {
		editors, ok := editorsByTab[tab.name]
		if !ok {
			t.Fatalf("the %s screen is in the table of screens but not in editorsByTab: "+
				"add its editors, so ctrl+c is proved to ask there", tab.name)
		}
		cases = append(cases, editors...)
	}
	for _, ec := range cases {
		t.Run(ec.name, func(t *testing.T) {
			st := newFakeStore(sampleContacts()...)
			d := newDriver(t, st, 100, 30)
			d.keys(ec.open...)
			f := ec.form(d.app)
			if f == nil {
				t.Fatalf("%v did not open the %s editor:\n%s", ec.open, ec.name, d.view())
			}
			const words = "walked down to the meeting"
			typed := typeIntoFirstTextField(t, d, f, words)
			if !d.app.Dirty() {
				t.Fatalf("typed %q into the %s editor, yet the app says nothing is unsaved", typed, ec.name)
			}
			before := d.view()
			d.keys("ctrl+c")
			if !ec.asks {
				if !d.quit {
					t.Fatalf("ctrl+c in the %s editor neither saved and quit nor asked:\n%s", ec.name, d.view())
				}
				if !strings.Contains(reflectionText(st), words) {
					t.Fatalf("ctrl+c in the %s editor quit without saving %q", ec.name, words)
				}
				return
			}
			if d.quit {
				t.Fatalf("ctrl+c in the %s editor quit at once, throwing away %q", ec.name, typed)
			}
			d.mustSee("unsaved typing")
			d.keys("n")
			if d.quit {
				t.Fatalf("n quit the %s editor", ec.name)
			}
			if got := ec.form(d.app); got != f || !f.dirty() {
				t.Fatalf("after n, the %s editor lost its typing", ec.name)
			}
			if after := d.view(); after != before {
				t.Fatalf("after n, the %s editor is not as it was:\nbefore:\n%s\nafter:\n%s", ec.name, before, after)
			}
			d.keys("ctrl+c", "y")
			if !d.quit {
				t.Fatalf("y did not quit from the %s editor", ec.name)
			}
		})
	}
}

// typeIntoFirstTextField moves the focus to the form's first text field
// (as a person would, with tab) and types s there, rune by rune; a form
// with no text field gets a rating or a choice instead. It returns what
// was typed.
func typeIntoFirstTextField(t *testing.T, d *driver, f *form, s string) string {
	t.Helper()
	for range f.fields {
		if k := f.fields[f.focus].kind; k == kindText || k == kindArea {
			d.typeText(s)
			if got := f.fields[f.focus].value(); !strings.Contains(got, s) {
				t.Fatalf("typed %q, the field holds %q", s, got)
			}
			return s
		}
		d.keys("tab")
	}
	d.typeText("3")
	return "3"
}

// reflectionText is every answer the fake journal holds for any week.
func reflectionText(st *fakeStore) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var b strings.Builder
	for _, r := range st.reflects {
		for _, a := range r.Answers {
			b.WriteString(a.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
