package views

import (
	"context"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/views/term"
)

// The timeline lives inside Check-in rather than as a screen of its own:
// it is the same days Check-in shows one at a time, read as a feed, so [
// and ], t and "go to a day" mean the same in both, enter on the timeline
// opens the day, and the five views keep their numbers.

// timelineSpan is how many days a page of the timeline holds: two weeks,
// screens of lines on a busy journal, read in about 1.3 ms on a decade of
// data (thirty days took 2.5).
const timelineSpan = 14

// timelineDay is one day of the feed: its check-in, reach-outs, and the
// week's reflection on its Sunday (or today, for this week).
type timelineDay struct {
	day        model.Date
	checkIn    *model.CheckIn
	reachOuts  []model.ReachOut // the day's first timelinePerDay
	more       int              // the day's reach-outs left out of the feed
	reflection *model.ReflectionHeader
}

// timelinePerDay is how many of a day's reach-outs the feed shows; the
// rest of a busier day are a line saying how many, and enter opens the
// day. A page costs the same however many were logged on a day.
const timelinePerDay = 20

type timelineLoadedMsg struct {
	req   int
	days  []timelineDay
	heads []model.ReflectionHeader // what the page was built from, kept for the next page
	err   error
}

// timeline is the feed's state: the newest day of the page, what was read
// for it, and how far it is scrolled.
type timeline struct {
	anchor  model.Date
	req     int
	loaded  bool
	err     error
	days    []timelineDay // newest first; days with nothing left out
	scroll  int
	lineDay []model.Date
	// lines are the page drawn for linesWidth: built once per page and
	// width, not on every key and frame.
	lines      []string
	linesWidth int
	// heads are the reflections' headers, read when the timeline opens and
	// kept for its page moves (every week's header, 520 on a decade of
	// data, took half of a page move).
	heads []model.ReflectionHeader
}

// readTimeline reads the page of days ending at anchor; the reflections'
// headers too unless heads holds them already.
func readTimeline(st Store, anchor model.Date, req int, heads []model.ReflectionHeader) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		from := anchor.AddDays(1 - timelineSpan)
		cis, err := st.CheckIns(ctx, from, anchor)
		if err != nil {
			return timelineLoadedMsg{req: req, err: err}
		}
		ros, counts, err := st.ReachOutsOnDays(ctx, from, anchor, timelinePerDay)
		if err != nil {
			return timelineLoadedMsg{req: req, err: err}
		}
		if heads == nil {
			if heads, err = st.ReflectionHeaders(ctx); err != nil {
				return timelineLoadedMsg{req: req, err: err}
			}
		}
		byDay := map[model.Date]*timelineDay{}
		get := func(d model.Date) *timelineDay {
			if byDay[d] == nil {
				byDay[d] = &timelineDay{day: d}
			}
			return byDay[d]
		}
		for i := range cis {
			get(cis[i].Day).checkIn = &cis[i]
		}
		for _, r := range ros {
			t := get(r.Day())
			t.reachOuts = append(t.reachOuts, r)
		}
		for d, n := range counts {
			if t := get(d); n > len(t.reachOuts) {
				t.more = n - len(t.reachOuts)
			}
		}
		for i := range heads {
			sunday := heads[i].Week.Monday().AddDays(6)
			if sunday.After(anchor) && !heads[i].Week.Monday().After(anchor) {
				sunday = anchor // this week's, on the page's newest day
			}
			if !sunday.Before(from) && !sunday.After(anchor) {
				get(sunday).reflection = &heads[i]
			}
		}
		var days []timelineDay
		for d := anchor; !d.Before(from); d = d.AddDays(-1) {
			if t := byDay[d]; t != nil {
				days = append(days, *t)
			}
		}
		return timelineLoadedMsg{req: req, days: days, heads: heads}
	}
}

// showTimeline opens the feed at day.
func (m *checkInModel) showTimeline(day model.Date) tea.Cmd {
	if m.timeline == nil {
		m.timeline = &timeline{}
	}
	t := m.timeline
	t.anchor, t.scroll, t.loaded = day, 0, false
	t.req++
	return readTimeline(m.st, day, t.req, t.heads)
}

// timelineKeys act while the feed is shown.
var timelineKeys = struct {
	Older, Newer, Today, Open, Back key.Binding
}{
	Older: key.NewBinding(key.WithKeys("["), key.WithHelp("[ ]", "older, newer")),
	Newer: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "newer")),
	Today: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "today")),
	Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the day at the top")),
	Back:  key.NewBinding(key.WithKeys("v", "esc"), key.WithHelp("v", "one day")),
}

// goToKey opens "go to a day" in the day view and the timeline alike.
var goToKey = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "go to a day"))

// timelineToggle shows the days as a feed.
var timelineToggle = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "timeline"))

// updateTimeline takes a key while the feed is shown.
func (m checkInModel) updateTimeline(msg tea.KeyPressMsg) (checkInModel, tea.Cmd) {
	t := m.timeline
	today := model.Today(m.clock)
	list := newListKeys()
	page := max(1, m.height-3)
	switch {
	case key.Matches(msg, timelineKeys.Back):
		m.timeline = nil
		return m, nil
	case key.Matches(msg, timelineKeys.Older):
		return m, m.showTimeline(t.anchor.AddDays(-timelineSpan))
	case key.Matches(msg, timelineKeys.Newer):
		if !t.anchor.Before(today) {
			return m, statusCmd(false, "That's today: the timeline looks back.")
		}
		next := t.anchor.AddDays(timelineSpan)
		if next.After(today) {
			next = today
		}
		return m, m.showTimeline(next)
	case key.Matches(msg, timelineKeys.Today):
		return m, m.showTimeline(today)
	case key.Matches(msg, timelineKeys.Open):
		if day, ok := t.dayAt(t.scroll); ok {
			m.timeline = nil
			return m.moveDay(day)
		}
	case key.Matches(msg, list.Down):
		t.scroll++
	case key.Matches(msg, list.Up):
		t.scroll--
	case key.Matches(msg, list.PageDown) || msg.Text == " ":
		t.scroll += page
	case key.Matches(msg, list.PageUp):
		t.scroll -= page
	case key.Matches(msg, list.Top):
		t.scroll = 0
	case key.Matches(msg, list.Bottom):
		t.scroll = math.MaxInt
	}
	lines := m.timelineLines(m.width)
	t.scroll = max(0, min(t.scroll, len(lines)-page))
	return m, nil
}

// dayAt is the day of the feed's line i (the day it belongs to).
func (t *timeline) dayAt(i int) (model.Date, bool) {
	if len(t.lineDay) == 0 {
		return model.Date{}, false
	}
	return t.lineDay[max(0, min(i, len(t.lineDay)-1))], true
}

// timelineLines is the page as lines, newest first; it notes each line's
// day for enter.
func (m checkInModel) timelineLines(w int) []string {
	s, t := m.styles, m.timeline
	if t.lines != nil && t.linesWidth == w {
		return t.lines
	}
	var lines []string
	t.lineDay = t.lineDay[:0]
	add := func(day model.Date, l ...string) {
		for _, x := range l {
			lines = append(lines, x)
			t.lineDay = append(t.lineDay, day)
		}
	}
	for _, d := range t.days {
		add(d.day, s.Heading.Render(d.day.Time().Format("Monday 2 January 2006")))
		if c := d.checkIn; c != nil {
			words := "Check-in: " + strings.Join(checkInParts(*c), " · ")
			if c.Gratitude != "" {
				words += " · helped: " + oneLine(c.Gratitude)
			}
			if c.Note != "" {
				words += " · " + oneLine(c.Note)
			}
			add(d.day, truncate("  "+words, w))
		}
		for _, r := range d.reachOuts {
			row := "  " + r.At.Format("15:04") + "  " + reachedWords(r)
			if r.Note != "" {
				row += " · " + oneLine(r.Note)
			}
			add(d.day, truncate(row, w))
		}
		if d.more > 0 {
			add(d.day, s.Muted.Render(truncate("  … and "+model.Thousands(d.more)+" more on this day: enter opens it", w)))
		}
		if h := d.reflection; h != nil {
			words := "  Reflection, week " + h.Week.String() + ": " + model.Plural(h.Answered, "answer")
			if h.FirstLine != "" {
				words += " · " + oneLine(h.FirstLine)
			}
			add(d.day, truncate(words, w))
		}
	}
	t.lines, t.linesWidth = lines, w
	return lines
}

// timelineView draws the feed.
func (m checkInModel) timelineView(w, h int) string {
	s, t := m.styles, m.timeline
	from := t.anchor.AddDays(1 - timelineSpan)
	title := "Timeline · " + from.Human() + " – " + t.anchor.Human()
	head := []string{s.Title.Render(title)}
	// The keys are in the footer too: beside the title only where they
	// fit whole.
	if hint := " · [ ] older, newer · / go to a day · v one day"; term.Cells(title+hint) <= w {
		head[0] += s.Muted.Render(hint)
	}
	switch {
	case t.err != nil:
		return strings.Join(append(head, s.Error.Render(wrap("Could not read these days: "+t.err.Error(), w))), "\n")
	case !t.loaded:
		return strings.Join(append(head, s.Muted.Render("Reading these days…")), "\n")
	}
	lines := m.timelineLines(w)
	if len(lines) == 0 {
		lines = []string{s.Muted.Render(wrap("Nothing was written on these days. [ goes further back.", w))}
	}
	avail := max(1, h-len(head))
	top := max(0, min(t.scroll, len(lines)-avail))
	lines = lines[top:]
	if len(lines) > avail && avail > 1 {
		lines = append(lines[:avail-1:avail-1], s.Prompt.Render(truncate("↓ more below: j, pgdn, G; [ for older days", w)))
	}
	return clip(strings.Join(append(head, lines...), "\n"), w, h)
}

// goToDay is the "go to a day" line's input, open while not nil.
func newGoToInput(styles *Styles) textinput.Model {
	in := newInput(styles)
	in.Prompt = "Go to: "
	in.Placeholder = "2026-03-08, yesterday, last friday, 3 days ago, 2026-W10"
	return in
}
