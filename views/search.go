package views

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/views/term"
)

// searchPage is how many places of each kind a search shows.
const searchPage = 20

// searchResultsMsg answers one search; gen tells a stale answer (the
// person typed on) from the one for what is typed now.
type searchResultsMsg struct {
	gen  int
	hits []model.SearchHit
	err  error
}

// showDayMsg asks the root to show a day on Check-in (a search's reach-out
// or check-in); showWeekMsg a week on Reflection.
type (
	showDayMsg  struct{ day model.Date }
	showWeekMsg struct{ week model.Week }
)

// searchDialog finds words anywhere in the journal as they are typed
// (ctrl+f from any screen): people, reach-outs, check-ins, reflections
// and the safety plan, grouped by kind, newest first, the matches lit;
// enter goes to the place.
type searchDialog struct {
	st     Store
	styles *Styles
	input  textinput.Model
	hits   []model.SearchHit
	err    error
	gen    int // the search asked last
	shown  int // the search whose answer is on screen
	cursor int
	width  int
	height int
}

func newSearchDialog(st Store, styles *Styles) (*searchDialog, tea.Cmd) {
	d := &searchDialog{st: st, styles: styles, input: newInput(styles)}
	d.input.Prompt = "Search: "
	d.input.Placeholder = "a name, a word from a note, a day's answer…"
	return d, d.input.Focus()
}

// ask searches for what is typed now.
func (d *searchDialog) ask() tea.Cmd {
	d.gen++
	gen, st, text := d.gen, d.st, d.input.Value()
	if model.SearchQuery(text) == "" {
		d.hits, d.err, d.shown, d.cursor = nil, nil, gen, 0
		return nil
	}
	return func() tea.Msg {
		hits, err := st.Search(context.Background(), text, searchPage)
		return searchResultsMsg{gen: gen, hits: hits, err: err}
	}
}

// update returns done once the dialog should close.
func (d *searchDialog) update(msg tea.Msg) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.gen == d.gen {
			d.hits, d.err, d.shown, d.cursor = msg.hits, msg.err, msg.gen, 0
		}
		return false, nil
	case tea.PasteMsg:
		d.input, cmd = d.input.Update(msg)
		return false, tea.Batch(cmd, d.ask())
	case tea.KeyPressMsg:
		switch namedKey(msg) {
		case "esc":
			return true, nil
		case "enter":
			if d.cursor < len(d.hits) {
				return true, goTo(d.hits[d.cursor])
			}
			return false, nil
		case "down", "ctrl+n", "tab":
			d.cursor = max(0, min(len(d.hits)-1, d.cursor+1))
			return false, nil
		case "up", "ctrl+p", "shift+tab":
			d.cursor = max(0, d.cursor-1)
			return false, nil
		case "pgdown":
			d.cursor = max(0, min(len(d.hits)-1, d.cursor+d.rows()/2))
			return false, nil
		case "pgup":
			d.cursor = max(0, d.cursor-d.rows()/2)
			return false, nil
		}
		before := d.input.Value()
		d.input, cmd = d.input.Update(msg)
		if d.input.Value() != before {
			cmd = tea.Batch(cmd, d.ask())
		}
		return false, cmd
	}
	return false, nil
}

// goTo is the place a result is: the person, the day, the week, the plan.
func goTo(h model.SearchHit) tea.Cmd {
	var msg tea.Msg
	switch h.Kind {
	case model.SearchContact:
		msg = jumpToContactMsg{id: h.ContactID, archived: h.Archived}
	case model.SearchReachOut, model.SearchCheckIn:
		msg = showDayMsg{day: h.Day}
	case model.SearchReflection:
		msg = showWeekMsg{week: h.Week}
	default:
		msg = editPlanMsg{}
	}
	return func() tea.Msg { return msg }
}

func (d *searchDialog) setSize(w, h int) {
	d.width, d.height = w, h
	d.input.SetWidth(max(1, w-len(d.input.Prompt)-2))
}
func (d *searchDialog) dirty() bool  { return false }
func (d *searchDialog) typing() bool { return true }

func (d *searchDialog) helpKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go there")),
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// rows is how many result lines fit under the input.
func (d *searchDialog) rows() int { return max(1, d.height-3) }

func (d *searchDialog) view() string {
	s := d.styles
	w := max(10, d.width)
	lines := []string{s.Title.Render("Search the journal"), d.input.View()}
	text := d.input.Value()
	switch {
	case d.err != nil:
		lines = append(lines, s.Error.Render(wrap("Could not search: "+d.err.Error(), w)))
	case model.SearchQuery(text) == "":
		lines = append(lines, s.Muted.Render(wrap("Names, nicknames, notes and tags; reach-out notes; check-ins; reflections; your safety plan. Case and accents don't matter, and the start of a word is enough.", w)))
	case d.shown != d.gen:
		lines = append(lines, s.Muted.Render("Looking…"))
	case len(d.hits) == 0:
		lines = append(lines, s.Muted.Render("Nothing found. Fewer or shorter words find more."))
	}
	var body []string
	cursorLine := 0
	for _, k := range model.SearchKinds {
		first := true
		for i, h := range d.hits {
			if h.Kind != k.Kind {
				continue
			}
			if first {
				body = append(body, s.Heading.Render(k.Heading))
				first = false
			}
			row := searchRow(h, w-2, s)
			if i == d.cursor {
				cursorLine = len(body)
				body = append(body, s.Selected.Render("› ")+row)
			} else {
				body = append(body, "  "+row)
			}
		}
	}
	rows := max(1, d.height-len(lines))
	start := max(0, min(cursorLine-rows/2, len(body)-rows))
	lines = append(lines, body[start:min(len(body), start+rows)]...)
	return strings.Join(lines, "\n")
}

// searchRow is one place: where it is, then the words around the match,
// the matched words lit, cut to w.
func searchRow(h model.SearchHit, w int, s *Styles) string {
	var place string
	switch h.Kind {
	case model.SearchReachOut:
		place = h.Day.Human() + " · " + oneLine(h.Title)
	case model.SearchCheckIn:
		place = h.Day.Human()
	case model.SearchReflection:
		place = h.Week.String() + " · " + oneLine(h.Title)
	default:
		place = oneLine(h.Title)
		if h.Archived {
			place += " (archived)"
		}
	}
	place = truncate(place, max(8, w/2))
	room := max(0, w-term.Cells(place)-3)
	var b strings.Builder
	used := 0
	for i, part := range strings.Split(h.Snippet, model.SearchMark) {
		lit, rest, found := strings.Cut(part, model.SearchUnmark)
		if i == 0 || !found {
			lit, rest = "", part
		}
		for _, p := range []struct {
			text string
			lit  bool
		}{{lit, true}, {rest, false}} {
			t := truncate(oneLineKeepingEnds(p.text), room-used)
			used += term.Cells(t)
			if p.lit {
				t = s.Heading.Render(t)
			}
			b.WriteString(t)
		}
	}
	return place + s.Muted.Render(" — ") + b.String()
}

// oneLineKeepingEnds is oneLine for a piece of a line between marks: the
// spaces at its ends stay (as one).
func oneLineKeepingEnds(s string) string {
	if s == "" {
		return ""
	}
	out := oneLine(s)
	if strings.TrimLeft(s, " ") != s {
		out = " " + out
	}
	if strings.TrimRight(s, " ") != s && out != " " {
		out += " "
	}
	return out
}
