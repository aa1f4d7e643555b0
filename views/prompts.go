package views

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

type promptsLoadedMsg struct {
	prompts []string
	err     error
}

type promptsSavedMsg struct {
	prompts []string
	note    string
	err     error
}

// promptEditor changes the reflection prompt set: add, edit, reorder,
// remove. Weeks already begun keep the prompts they were asked with; the
// new set applies from the next week begun.
type promptEditor struct {
	st     Store
	styles *Styles
	keys   promptKeys
	yesNo  confirmKeys

	width, height int
	prompts       []string
	loaded        bool
	loadErr       error
	cursor        int

	form       *form // one prompt being added or edited
	editing    int   // its index, or -1 when adding
	confirmDel bool
	saving     bool
}

type promptKeys struct {
	Up, Down, Add, Edit, Remove, MoveUp, MoveDown, Back key.Binding
}

func newPromptEditor(st Store, styles *Styles) promptEditor {
	return promptEditor{st: st, styles: styles, yesNo: newConfirmKeys(), keys: promptKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit")),
		Remove:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove")),
		MoveUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move up")),
		MoveDown: key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move down")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}}
}

func (p promptEditor) open() tea.Cmd {
	st := p.st
	return func() tea.Msg {
		ps, err := st.Prompts(context.Background())
		return promptsLoadedMsg{prompts: ps, err: err}
	}
}

func (p promptEditor) capturing() bool { return p.form != nil || p.confirmDel }
func (p promptEditor) dirty() bool     { return p.form != nil && p.form.dirty() }

func (p *promptEditor) setSize(w, h int) {
	p.width, p.height = w, h
	if p.form != nil {
		p.form.setSize(w, h)
	}
}

// saveSet writes a whole new prompt set; note is the footer on success.
func (p *promptEditor) saveSet(prompts []string, note string) tea.Cmd {
	p.saving = true
	st := p.st
	return persist(func() tea.Msg {
		return promptsSavedMsg{prompts: prompts, note: note, err: st.SetPrompts(context.Background(), prompts)}
	})
}

func (p promptEditor) update(msg tea.Msg) (promptEditor, tea.Cmd) {
	switch msg := msg.(type) {
	case promptsLoadedMsg:
		p.loaded, p.loadErr = true, msg.err
		if msg.err == nil {
			p.prompts = msg.prompts
		}
	case promptsSavedMsg:
		p.saving = false
		if msg.err != nil {
			if p.form != nil {
				p.form.fail(msg.err)
				return p, nil
			}
			return p, statusCmd(true, "Prompts not changed: "+msg.err.Error())
		}
		p.prompts, p.form = msg.prompts, nil
		p.cursor = max(0, min(p.cursor, len(p.prompts)-1))
		return p, statusCmd(false, msg.note)
	}
	return p, nil
}

// updatePaste takes a paste into the prompt being written.
func (p promptEditor) updatePaste(msg tea.PasteMsg) (promptEditor, tea.Cmd) {
	if p.saving || p.form == nil {
		return p, nil
	}
	_, cmd := p.form.update(msg)
	return p, cmd
}

func (p promptEditor) updateKey(msg tea.KeyPressMsg) (promptEditor, tea.Cmd, bool) {
	if p.saving {
		return p, nil, false
	}
	if p.form != nil {
		action, cmd := p.form.update(msg)
		switch action {
		case formCancel:
			p.form = nil
		case formSave:
			text := strings.TrimSpace(p.form.field(model.FieldPrompt).value())
			next := slices.Clone(p.prompts)
			note := "Prompt added; weeks already begun keep theirs."
			if p.editing >= 0 {
				next[p.editing] = text
				note = "Prompt changed; weeks already begun keep the words they were asked."
			} else {
				next = append(next, text)
				p.cursor = len(next) - 1
			}
			return p, p.saveSet(next, note), false
		}
		return p, cmd, false
	}
	if p.confirmDel {
		switch {
		case key.Matches(msg, p.yesNo.Yes):
			p.confirmDel = false
			if len(p.prompts) <= 1 {
				return p, statusCmd(true, "Keep at least one prompt."), false
			}
			next := slices.Delete(slices.Clone(p.prompts), p.cursor, p.cursor+1)
			return p, p.saveSet(next, "Prompt removed; past answers to it are kept."), false
		case key.Matches(msg, p.yesNo.No):
			p.confirmDel = false
		}
		return p, nil, false
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.Back):
		return p, nil, true
	case key.Matches(msg, k.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(msg, k.Down):
		p.cursor = max(0, min(len(p.prompts)-1, p.cursor+1))
	case key.Matches(msg, k.Add):
		return p, p.openForm(-1), false
	case key.Matches(msg, k.Edit):
		if p.cursor < len(p.prompts) {
			return p, p.openForm(p.cursor), false
		}
	case key.Matches(msg, k.Remove):
		if p.cursor < len(p.prompts) {
			p.confirmDel = true
		}
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		to := p.cursor - 1
		if key.Matches(msg, k.MoveDown) {
			to = p.cursor + 1
		}
		if to < 0 || to >= len(p.prompts) {
			return p, nil, false
		}
		next := slices.Clone(p.prompts)
		next[p.cursor], next[to] = next[to], next[p.cursor]
		p.cursor = to
		return p, p.saveSet(next, "Prompts reordered."), false
	}
	return p, nil, false
}

func (p *promptEditor) openForm(i int) tea.Cmd {
	p.editing = i
	title, text := "Add a prompt", ""
	if i >= 0 {
		title, text = "Edit the prompt", p.prompts[i]
	}
	var f *form
	f = newForm(title, p.styles, []*field{
		textField(model.FieldPrompt, "Prompt", "A question for your week; enter saves.", text, "e.g. Who did I laugh with this week?"),
	}, func() model.Problems {
		if f == nil {
			return nil
		}
		if msg := model.PromptProblem(f.field(model.FieldPrompt).value()); msg != "" {
			return model.Problems{model.FieldPrompt: msg}
		}
		return model.Problems{}
	})
	f.enterSaves = true
	f.setSize(p.width, p.height)
	p.form = f
	return f.focusField(0)
}

func (p promptEditor) helpKeys() []key.Binding {
	switch {
	case p.form != nil:
		return p.form.helpKeys()
	case p.confirmDel:
		return []key.Binding{p.yesNo.Yes, p.yesNo.No}
	}
	k := p.keys
	return []key.Binding{k.Add, k.Edit, k.Remove, k.MoveUp, k.MoveDown, k.Back}
}

func (p promptEditor) view() string {
	if p.form != nil {
		return p.form.view()
	}
	s := p.styles
	w := max(10, p.width)
	lines := []string{s.Title.Render("Reflection prompts"),
		s.Muted.Render(wrap("Asked in each new week. Weeks already begun keep the words they were asked.", w)), ""}
	switch {
	case p.loadErr != nil:
		return s.Error.Render(wrap("Could not read the prompts: "+p.loadErr.Error(), w))
	case !p.loaded:
		return s.Muted.Render("Opening the prompts…")
	}
	for i, q := range p.prompts {
		row := strings.Split(wrap(q, max(1, w-5)), "\n")
		for j, l := range row {
			prefix := "    "
			if j == 0 {
				prefix = pad(strconv.Itoa(i+1)+".", 4)
			}
			if i == p.cursor {
				lines = append(lines, s.Selected.Render("›"+prefix+l))
			} else {
				lines = append(lines, " "+prefix+l)
			}
		}
	}
	if p.confirmDel && p.cursor < len(p.prompts) {
		lines = append(lines, "", s.Prompt.Render(truncate("Remove this prompt? Past answers to it are kept. y/n", w)))
	}
	return strings.Join(lines, "\n")
}
