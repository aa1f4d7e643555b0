package views

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// A long answer is easier to write in the editor a person already knows.
// ctrl+e in a long text field (a note, a reflection, the safety plan)
// hands the terminal to $VISUAL or $EDITOR on the field's text, and puts
// what was saved back in the field. The text goes through a file only the
// person can read, in a folder of its own that is removed at once; if the
// editor cannot start or fails, the field keeps the text it had.
var editKey = key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "your editor"))

// EditorCommand is the person's editor as a command line: $VISUAL, else
// $EDITOR (either may carry arguments, such as "code --wait"), else the
// system's usual one. Nil when there is none.
func EditorCommand(getenv func(string) string) []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if words := strings.Fields(getenv(name)); len(words) > 0 {
			return words
		}
	}
	fallbacks := []string{"nano", "vi"}
	if runtime.GOOS == "windows" {
		fallbacks = []string{"notepad"}
	}
	for _, name := range fallbacks {
		if _, err := exec.LookPath(name); err == nil {
			return []string{name}
		}
	}
	return nil
}

// openEditorMsg asks the root to open the field's text in the editor.
type openEditorMsg struct{ field *field }

// editorDoneMsg carries the text back (or why there is none).
type editorDoneMsg struct {
	field *field
	text  string
	err   error
}

// handOverMsg runs cmd with the terminal handed to it; done reports how
// it went. Tether's display takes it first (see framed), to give the
// screen and the terminal's mode back around it.
type handOverMsg struct {
	cmd  *exec.Cmd
	done tea.ExecCallback
}

// openEditor hands the terminal to the editor on the field's text,
// written first to a private file (in the command it returns).
func (a *App) openEditor(fl *field) tea.Cmd {
	if len(a.editor) == 0 {
		a.status, a.statusErr = "No editor found: set EDITOR (for example EDITOR=nano) and open Tether again.", true
		return nil
	}
	// The file is written in the command, never in Update: a slow disk
	// must not hold up a key.
	text, editor := fl.value(), a.editor
	return func() tea.Msg {
		dir, err := os.MkdirTemp("", "tether-edit-") // 0700: only this user
		if err != nil {
			return editorDoneMsg{field: fl, err: fmt.Errorf("make a private place for the text: %w", err)}
		}
		path := filepath.Join(dir, "tether.txt")
		if err := os.WriteFile(path, []byte(text+"\n"), 0o600); err != nil {
			_ = os.RemoveAll(dir)
			return editorDoneMsg{field: fl, err: fmt.Errorf("write the text for the editor: %w", err)}
		}
		cmd := exec.Command(editor[0], append(editor[1:], path)...)
		done := func(err error) tea.Msg {
			defer os.RemoveAll(dir)
			if err != nil {
				return editorDoneMsg{field: fl, err: fmt.Errorf("%s: %w", editor[0], err)}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return editorDoneMsg{field: fl, err: fmt.Errorf("read what %s saved: %w", editor[0], err)}
			}
			// Editors end a file with a line break; the field does not.
			text := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
			return editorDoneMsg{field: fl, text: strings.ReplaceAll(text, "\r\n", "\n")}
		}
		return handOverMsg{cmd: cmd, done: done}
	}
}

// editorDone puts the edited text in the field, as a paste of the whole
// text into it would: the owner validates it, and the reflection saves
// it, as for any typing. Nothing changes when the editor failed.
func (a *App) editorDone(msg editorDoneMsg) (tea.Model, tea.Cmd) {
	fl := msg.field
	var exit *exec.ExitError
	switch {
	case errors.As(msg.err, &exit):
		a.status, a.statusErr = "Your editor stopped with an error, so nothing changed: your text is as it was.", true
		return a, nil
	case msg.err != nil:
		a.status, a.statusErr = "Could not use your editor ("+msg.err.Error()+"): your text is as it was.", true
		return a, nil
	case msg.text == fl.value():
		a.status, a.statusErr = "Back from your editor; nothing changed.", false
		return a, nil
	case model.LongerThan(msg.text, model.MaxPasteLen):
		a.status, a.statusErr = fmt.Sprintf("Not put back: that is more than %s characters, the most any field holds. Your text is as it was.",
			model.Thousands(model.MaxPasteLen)), true
		return a, nil
	case !fl.area.Focused():
		// Keys came first and moved on: the text still goes where it
		// belongs, and the form sees it when it next reads the field.
		fl.area.SetValue(msg.text)
		return a, nil
	}
	fl.area.SetValue("")
	m, cmd := a.updatePaste(tea.PasteMsg{Content: msg.text})
	if a.status == "" {
		a.status, a.statusErr = "Back from your editor: the text is in the field.", false
	}
	return m, cmd
}
