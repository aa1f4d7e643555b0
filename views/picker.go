package views

import (
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// personPicker chooses one person by typing a few letters of their name:
// the log dialog's first step, and the safety plan's way to name someone.
//
// It reads the people who match what is typed a page at a time
// (Store.ContactPage, filtered in the list's index), never the whole list,
// so opening it and each letter cost the same among fifty people as among
// fifty thousand. Letters go into the filter at once; a key that acts on
// the matches (enter, a move) waits until the matches of what is typed
// have arrived (waitsFor), so it never picks from an older list.
type personPicker struct {
	st     Store
	styles *Styles
	filter textinput.Model
	height int // the picker's on screen, title and filter included

	// people are the first matches of shown, in name order; total how
	// many match it, all how many active people there are.
	people     []model.Contact
	shown      string
	total, all int
	loaded     bool
	loadErr    error
	// reading is the page on its way for the filter as it is (its
	// offset), so moving down asks for the next page once.
	reading bool
	// prepared: what a letter searches has been asked for (prepare).
	prepared bool
	cursor   int
	// offerNew: the name typed can be someone not yet in the contacts;
	// a last row offers to add them (the log dialog).
	offerNew bool
}

// pickerPage is how many matches one read brings before the picker knows
// its height: more than any screen shows.
const pickerPage = 60

// page is how many matches one read brings: the rows the picker shows and
// half again, so that moving down reads on before the cursor gets there,
// and a letter reads no more people than a screen of them (on a journal
// of thousands, each is a page of the file SQLite may not hold).
func (p *personPicker) page() int {
	if p.height <= 0 {
		return pickerPage
	}
	rows := max(1, p.height-2) // the title and the filter
	return max(12, rows+rows/2)
}

// pickerPageMsg is a page of the people matching a picker's filter.
type pickerPageMsg struct {
	picker *personPicker
	filter string
	offset int // asked for
	limit  int // asked for
	page   model.ContactPage
	err    error
}

// newPersonPicker opens a picker of w×h and starts reading its first page.
func newPersonPicker(st Store, styles *Styles, prompt string, w, h int) (*personPicker, tea.Cmd) {
	p := &personPicker{st: st, styles: styles, filter: newInput(styles)}
	p.filter.Prompt = prompt
	p.filter.Placeholder = "type a few letters of their name"
	p.setSize(w, h)
	return p, tea.Batch(p.filter.Focus(), p.read(0))
}

// prepare reads ahead what a letter searches (Store.PrepareFilter), once
// the first page is in: alongside it, the two reads would take turns.
func (p *personPicker) prepare() tea.Cmd {
	if p.prepared {
		return nil
	}
	p.prepared = true
	st := p.st
	return func() tea.Msg {
		_ = st.PrepareFilter(context.Background(), false) // failed, the first letter reads what it needs
		return nil
	}
}

func (p *personPicker) setSize(w, h int) {
	p.height = h
	p.filter.SetWidth(max(1, w-len(p.filter.Prompt)-2))
}

// read asks for the page of the matches of the filter as it is now from
// offset on.
func (p *personPicker) read(offset int) tea.Cmd {
	p.reading = true
	st, q := p.st, model.ContactQuery{Filter: p.filter.Value(), Offset: offset, Limit: p.page()}
	return func() tea.Msg {
		page, err := st.ContactPage(context.Background(), q)
		return pickerPageMsg{picker: p, filter: q.Filter, offset: offset, limit: q.Limit, page: page, err: err}
	}
}

// setPage takes a page read: the first page of the filter as it is now
// replaces the matches, the next one adds to them; a page of something
// typed before is dropped (its successor is on its way). It may ask for
// the next page when the cursor is already near the end.
func (p *personPicker) setPage(msg pickerPageMsg) tea.Cmd {
	if msg.picker != p || msg.filter != p.filter.Value() {
		return nil
	}
	p.reading = false
	switch {
	case msg.err != nil:
		p.loaded, p.loadErr, p.shown = true, msg.err, msg.filter
		return nil
	case msg.offset == 0:
		// The list read again for the same letters (typed away and back
		// before the first read came) keeps the cursor where the person
		// moved it: a move made meanwhile is not lost. A new list starts
		// at its top, where typing put the cursor.
		again := p.current()
		p.loaded, p.loadErr = true, nil
		p.people = slices.Clone(msg.page.Contacts)
		p.shown, p.total, p.all = msg.filter, msg.page.Total, msg.page.All
		if !again {
			p.cursor = 0
		} else if len(p.people) < p.total {
			p.cursor = min(p.cursor, max(0, len(p.people)-1))
		} else {
			p.cursor = min(p.cursor, max(0, p.rows()-1))
		}
		return tea.Batch(p.readOn(), p.prepare())
	case msg.filter == p.shown && msg.page.Offset <= len(p.people):
		// A last page starts early to be whole (model.ContactPage.Offset):
		// it takes over from its first row.
		p.people = append(p.people[:msg.page.Offset], msg.page.Contacts...)
		p.total = msg.page.Total
		if len(msg.page.Contacts) < msg.limit {
			// The end of the list, whatever the count said when the page
			// was read: nothing more is waited for.
			p.total = len(p.people)
		}
	default:
		return nil
	}
	return p.readOn()
}

// current is true when the matches shown are those of what is typed.
func (p *personPicker) current() bool {
	return p.loaded && p.loadErr == nil && p.shown == p.filter.Value()
}

// readOn asks for the next page when the cursor nears the end of the
// matches read so far and more match.
func (p *personPicker) readOn() tea.Cmd {
	if p.reading || !p.current() || len(p.people) >= p.total || p.cursor < len(p.people)-p.page()/3 {
		return nil
	}
	return p.read(len(p.people))
}

// waitsFor is true when msg acts on the matches and they are not yet those
// of what is typed (or the next row is not read yet): the key then waits
// its turn (see App.typedAhead), rather than choose from an older list.
// Letters never wait: they go into the filter.
func (p *personPicker) waitsFor(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || p.loadErr != nil && p.shown == p.filter.Value() {
		return false
	}
	switch namedKey(k) {
	case "enter":
		return !p.current()
	case "up", "ctrl+p", "shift+tab":
		return !p.current()
	case "down", "ctrl+n", "tab":
		return !p.current() || p.cursor+1 >= len(p.people) && len(p.people) < p.total
	}
	return false
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
		return p.total + 1
	}
	return p.total
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
		case !p.current():
		case p.cursor >= 0 && p.cursor < len(p.people):
			c := p.people[p.cursor]
			return &c, false, nil
		case p.cursor >= p.total && p.newName() != "":
			return &model.Contact{Name: p.newName()}, false, nil
		}
		return nil, false, nil
	case "up", "ctrl+p", "shift+tab":
		p.cursor = max(0, p.cursor-1)
		return nil, false, nil
	case "down", "ctrl+n", "tab":
		// Onto the rows read so far, then "someone new" once all are.
		last := len(p.people) - 1
		if len(p.people) >= p.total {
			last = p.rows() - 1
		}
		p.cursor = max(0, min(last, p.cursor+1))
		return nil, false, p.readOn()
	}
	return nil, false, p.typed(msg)
}

// paste is text for the filter, whole.
func (p *personPicker) paste(msg tea.PasteMsg) tea.Cmd { return p.typed(msg) }

// typed hands msg to the filter and, when what is typed changed, reads
// its matches.
func (p *personPicker) typed(msg tea.Msg) tea.Cmd {
	before := p.filter.Value()
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	if p.filter.Value() == before {
		return cmd
	}
	p.cursor = 0
	return tea.Batch(cmd, p.read(0))
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

// view is the title, the filter and as many matches as fit w×h. Until the
// matches of what is typed arrive, those of what was typed before stay.
func (p *personPicker) view(title string, w, h int) string {
	s := p.styles
	lines := []string{s.Title.Render(title), p.filter.View()}
	switch {
	case p.loadErr != nil:
		lines = append(lines, s.Error.Render(wrap("Could not read your contacts: "+p.loadErr.Error(), w)))
	case !p.loaded:
		lines = append(lines, s.Muted.Render("Opening your contacts…"))
	case p.all == 0 && p.offerNew && p.newName() == "":
		lines = append(lines, s.Muted.Render(wrap("Nobody in your contacts yet: type their name, and enter adds them.", w)))
	case p.all == 0 && !p.offerNew:
		lines = append(lines, s.Muted.Render(wrap("Nobody in your contacts yet. Add someone in Contacts (2, then a) first.", w)))
	case p.total == 0 && p.newName() == "":
		lines = append(lines, s.Muted.Render("Nobody matches; backspace to widen the search."))
	case p.total == 0 && p.newName() != "":
		lines = append(lines, s.Muted.Render(wrap("Nobody matches: enter adds them, or backspace to widen the search.", w)))
	}
	rows := max(1, h-len(lines))
	n := len(p.people)
	if n >= p.total && p.newName() != "" {
		n++ // "someone new" comes after every match
	}
	start := max(0, min(p.cursor-rows+1, n-rows))
	for i := start; i < min(n, start+rows); i++ {
		var row string
		if i < len(p.people) {
			c := p.people[i]
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
