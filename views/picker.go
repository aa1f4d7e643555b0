package views

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// personPicker chooses one person by typing a few letters of their name:
// the log dialog's first step, and the safety plan's way to name someone.
type personPicker struct {
	styles  *Styles
	filter  textinput.Model
	all     []model.Contact
	search  []string
	matches []int
	cursor  int
	loaded  bool
	loadErr error
	// offerNew: the name typed can be someone not yet in the contacts;
	// a last row offers to add them (the log dialog).
	offerNew bool
}

func newPersonPicker(styles *Styles, prompt string) (*personPicker, tea.Cmd) {
	p := &personPicker{styles: styles, filter: newInput(styles)}
	p.filter.Prompt = prompt
	p.filter.Placeholder = "type a few letters of their name"
	return p, p.filter.Focus()
}

func (p *personPicker) setWidth(w int) {
	p.filter.SetWidth(max(1, w-len(p.filter.Prompt)-2))
}

// setPeople hands the picker the people to choose from, once read.
func (p *personPicker) setPeople(cs []model.Contact, err error) {
	p.loaded, p.loadErr = true, err
	p.all = cs
	p.search = make([]string, len(cs))
	for i, c := range cs {
		p.search[i] = c.SearchText()
	}
	p.refilter()
}

// newName is the name typed, when the picker may offer it as someone new.
func (p *personPicker) newName() string {
	if !p.offerNew || !p.loaded || p.loadErr != nil {
		return ""
	}
	return strings.TrimSpace(p.filter.Value())
}

// rows counts what can be chosen: the matches, then "someone new".
func (p *personPicker) rows() int {
	if p.newName() != "" {
		return len(p.matches) + 1
	}
	return len(p.matches)
}

// update takes a key: chosen is the person picked with enter (one with no
// ID is someone new, by the name typed), cancel is esc; any other key
// types into the filter.
func (p *personPicker) update(msg tea.KeyPressMsg) (chosen *model.Contact, cancel bool, cmd tea.Cmd) {
	switch namedKey(msg) {
	case "esc":
		return nil, true, nil
	case "enter":
		switch {
		case p.cursor >= 0 && p.cursor < len(p.matches):
			c := p.all[p.matches[p.cursor]]
			return &c, false, nil
		case p.newName() != "":
			return &model.Contact{Name: p.newName()}, false, nil
		}
		return nil, false, nil
	case "up", "ctrl+p", "shift+tab":
		p.cursor = max(0, p.cursor-1)
		return nil, false, nil
	case "down", "ctrl+n", "tab":
		p.cursor = max(0, min(p.rows()-1, p.cursor+1))
		return nil, false, nil
	}
	p.filter, cmd = p.filter.Update(msg)
	p.refilter()
	return nil, false, cmd
}

// paste is text for the filter, whole.
func (p *personPicker) paste(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	p.refilter()
	return cmd
}

func (p *personPicker) refilter() {
	p.matches = filterIndexes(p.matches[:0], p.search, p.filter.Value())
	p.cursor = 0
}

// filterIndexes appends to dst the indexes of the folded search texts that
// hold every word of the query, ignoring case and accents.
func filterIndexes(dst []int, search []string, query string) []int {
	words := strings.Fields(model.Fold(query))
	for i, hay := range search {
		if matchesAll(hay, words) {
			dst = append(dst, i)
		}
	}
	return dst
}

func matchesAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// addNewRow is the last row when the typed name can be someone new.
func addNewRow(name string) string {
	return "+ Add " + oneLine(name) + " as someone new"
}

func (p *personPicker) helpKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// view is the title, the filter and as many matches as fit w×h.
func (p *personPicker) view(title string, w, h int) string {
	s := p.styles
	lines := []string{s.Title.Render(title), p.filter.View()}
	switch {
	case p.loadErr != nil:
		lines = append(lines, s.Error.Render(wrap("Could not read your contacts: "+p.loadErr.Error(), w)))
	case !p.loaded:
		lines = append(lines, s.Muted.Render("Opening your contacts…"))
	case len(p.all) == 0 && p.offerNew && p.newName() == "":
		lines = append(lines, s.Muted.Render(wrap("Nobody in your contacts yet: type their name, and enter adds them.", w)))
	case len(p.all) == 0 && !p.offerNew:
		lines = append(lines, s.Muted.Render(wrap("Nobody in your contacts yet. Add someone in Contacts (2, then a) first.", w)))
	case len(p.matches) == 0 && p.newName() == "" && len(p.all) > 0:
		lines = append(lines, s.Muted.Render("Nobody matches; backspace to widen the search."))
	case len(p.matches) == 0 && p.newName() != "" && len(p.all) > 0:
		lines = append(lines, s.Muted.Render(wrap("Nobody matches: enter adds them, or backspace to widen the search.", w)))
	}
	rows := max(1, h-len(lines))
	n := p.rows()
	start := max(0, min(p.cursor-rows+1, n-rows))
	for i := start; i < min(n, start+rows); i++ {
		var row string
		if i < len(p.matches) {
			c := p.all[p.matches[i]]
			row = pad(oneLine(c.Name), max(4, w-16)) + " " + c.Circle.Short()
		} else {
			row = addNewRow(p.newName())
		}
		if i == p.cursor {
			lines = append(lines, s.Selected.Render(truncate("› "+row, w)))
		} else {
			lines = append(lines, truncate("  "+row, w))
		}
	}
	return strings.Join(lines, "\n")
}
