package views

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// scriptEditor writes a shell script that edits the file it is given as
// body says ($1 is the file), and logs the file's mode and path to log.
func scriptEditor(t *testing.T, body string) (editor []string, log string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the test editor is a shell script")
	}
	dir := t.TempDir()
	log = filepath.Join(dir, "log")
	script := filepath.Join(dir, "editor.sh")
	text := "#!/bin/sh\nls -l \"$1\" | cut -c1-10 >> " + log + "\necho \"$1\" >> " + log + "\n" + body + "\n"
	if err := os.WriteFile(script, []byte(text), 0o700); err != nil {
		t.Fatal(err)
	}
	return []string{script}, log
}

func newEditorDriver(t *testing.T, st Store, editor []string) *driver {
	d := &driver{t: t, loop: loop{app: New(st, Options{Clock: fixedClock, Editor: editor})}}
	d.start(100, 30)
	return d
}

// ctrl+e in a long text field opens the editor on what is typed, and what
// it saves comes back into the field; the file was private and is gone.
func TestEditorPutsTheTextBack(t *testing.T) {
	editor, log := scriptEditor(t, `printf 'and then\nthe long walk home\n' >> "$1"`)
	st := newFakeStore(sampleContacts()...)
	d := newEditorDriver(t, st, editor)
	d.keys("3", "e")
	for !strings.Contains(d.view(), "› Note") {
		d.keys("tab")
	}
	d.mustSee("ctrl+e your editor")
	d.typeText("A hard morning")
	d.keys("ctrl+e")
	d.mustSee("Back from your editor", "the long walk home")
	d.keys("ctrl+s")
	today := model.Today(fixedClock)
	if got := st.checkIns[today].Note; got != "A hard morning\nand then\nthe long walk home" {
		t.Fatalf("saved note %q", got)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || lines[0] != "-rw-------" {
		t.Fatalf("the file the editor had: %q", lines)
	}
	if _, err := os.Stat(filepath.Dir(lines[1])); !os.IsNotExist(err) {
		t.Fatalf("the editor's folder is still there: %v", err)
	}
}

// An editor that fails changes nothing: what was typed stays.
func TestEditorThatFailsLosesNothing(t *testing.T) {
	editor, _ := scriptEditor(t, `echo "gone" > "$1"; exit 3`)
	st := newFakeStore(sampleContacts()...)
	d := newEditorDriver(t, st, editor)
	d.keys("3", "e")
	for !strings.Contains(d.view(), "› Note") {
		d.keys("tab")
	}
	d.typeText("Kept as typed")
	d.keys("ctrl+e")
	d.mustSee("Your editor stopped with an error, so nothing changed", "Kept as typed")
	d.mustNotSee("gone")
}

// Without an editor, ctrl+e says how to set one, and the text stays.
func TestNoEditorSaysHowToSetOne(t *testing.T) {
	d := newEditorDriver(t, newFakeStore(sampleContacts()...), nil)
	d.keys("3", "e")
	for !strings.Contains(d.view(), "› Note") {
		d.keys("tab")
	}
	d.typeText("Still here")
	d.keys("ctrl+e")
	d.mustSee("No editor found: set EDITOR", "Still here")
}

// A reflection answer written in the editor is saved as typing is.
func TestEditorWritesAReflectionAnswer(t *testing.T) {
	editor, _ := scriptEditor(t, `printf 'Sam, at the climbing wall\n' > "$1"`)
	st := newFakeStore(sampleContacts()...)
	d := newEditorDriver(t, st, editor)
	d.keys("4", "e")
	for !strings.Contains(d.view(), "› "+model.DefaultPrompts[0]) {
		d.keys("tab")
	}
	d.keys("ctrl+e")
	d.mustSee("Sam, at the climbing wall")
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
	if !strings.Contains(reflectionText(st), "Sam, at the climbing wall") {
		t.Fatalf("not saved: %q", reflectionText(st))
	}
}

func TestEditorCommand(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if got := EditorCommand(env(map[string]string{"VISUAL": "code --wait", "EDITOR": "vi"})); strings.Join(got, " ") != "code --wait" {
		t.Errorf("VISUAL first: %q", got)
	}
	if got := EditorCommand(env(map[string]string{"VISUAL": "  ", "EDITOR": "nano -R"})); strings.Join(got, " ") != "nano -R" {
		t.Errorf("EDITOR when VISUAL is blank: %q", got)
	}
}
