package views

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// The contact list is read a window at a time (store.ContactPage): a few
// screens around what is on show, so that a move, a filter's letter or
// the first look cost the same among fifty people as among fifty
// thousand. Moves inside the window read nothing; near its edge the next
// window is asked for, and a row not read yet is drawn as such until it
// comes. Every read is built from the whole state (list, filter, place),
// so only the newest answer counts (req).

// windowSize is how many people a read asks for: four screens.
func (m contactsModel) windowSize() int { return max(40, 4*m.listHeight()) }

// filterWindow is how many a filter's letter asks for: three screens,
// centred on the person kept selected, which holds what ensureWindow wants
// wherever on the screen they are (half a screen either side of it), so
// a letter reads once, and three quarters of a whole window (on xxl, each
// screen of people costs a few milliseconds); moving on reads whole
// windows.
func (m contactsModel) filterWindow() int { return max(30, 3*m.listHeight()) }

// windowAround is where a window of size around place begins.
func windowAround(place, size int) int { return max(0, place-size/2) }

// loadKeeping reads the list again, keeping the selection on the same
// person (or on selectID); when they are not in it any more, the cursor
// goes to fallback. The settings' rhythm for people added now comes with
// it.
func (m *contactsModel) loadKeeping(fallback int) tea.Cmd {
	m.historyFor = 0 // refetch the selected person's history with the list
	land := m.selectID
	if land == 0 {
		if c, ok := m.selected(); ok {
			land = c.ID
		}
	}
	return m.read(land, fallback, m.windowSize(), true, true)
}

// refilter reads the list as the filter (or due-only) now has it,
// keeping the selected person when they still pass, else from the top.
func (m *contactsModel) refilter() tea.Cmd {
	var land int64
	if c, ok := m.selected(); ok {
		land = c.ID
	}
	return m.read(land, 0, m.filterWindow(), true, false)
}

// read asks for the window of size around place, or around land when
// they are in the list. place says where the cursor goes (place, or
// land's place), else the cursor stays; full reads the settings too.
func (m *contactsModel) read(land int64, place, size int, placeCursor, full bool) tea.Cmd {
	m.req++
	q := model.ContactQuery{Archived: m.archived, Due: m.dueOnly, Filter: m.filter.Value(), Today: model.Today(m.clock),
		Offset: windowAround(place, size), Limit: size, Land: land}
	m.landPending = placeCursor
	m.wantFrom, m.wantTo = q.Offset, q.Offset+q.Limit
	st := m.st
	msg := contactsLoadedMsg{req: m.req, archived: q.Archived, due: q.Due, placeCursor: placeCursor, place: place, cursorThen: m.cursor, full: full}
	return func() tea.Msg {
		ctx := context.Background()
		msg.page, msg.err = st.ContactPage(ctx, q)
		if msg.err == nil && full {
			settings, err := st.Settings(ctx)
			msg.defaultCadence, msg.err = settings.DefaultCadence, err
		}
		return msg
	}
}

// forget empties the list, for another list on its way.
func (m *contactsModel) forget() {
	m.rows, m.rowsAt, m.total, m.all = nil, 0, 0, 0
	m.cursor, m.offset, m.loaded = 0, 0, false
}

// listRead takes a read's answer: the window, the counts, and where the
// cursor is now (moves made while it was on its way count).
func (m contactsModel) listRead(msg contactsLoadedMsg) (contactsModel, tea.Cmd) {
	if msg.req != m.req || msg.archived != m.archived || msg.due != m.dueOnly {
		return m, nil
	}
	m.landPending, m.wantFrom, m.wantTo = false, 0, 0
	m.loaded, m.loadErr = true, msg.err
	if msg.err != nil {
		return m, nil
	}
	if msg.full {
		m.defaultCadence = msg.defaultCadence
	}
	p := msg.page
	if p.At < 0 && m.seekOther {
		m.seekOther = false
		return m, m.show(m.selectID, !m.archived, false)
	}
	m.rows, m.rowsAt, m.total, m.all = p.Contacts, p.Offset, p.Total, p.All
	if msg.placeCursor {
		at := msg.place
		if p.At >= 0 {
			at = p.At
		}
		m.cursor = at + m.cursor - msg.cursorThen
	}
	m.cursor = max(0, min(m.cursor, m.total-1))
	m.selectID, m.seekOther = 0, false
	m.keepCursorVisible()
	return m, tea.Batch(m.ensureWindow(), m.syncHistory(false))
}

// ensureWindow asks for the window around what is on show when the one
// read (or being read) does not hold it with half a screen to spare.
func (m *contactsModel) ensureWindow() tea.Cmd {
	if !m.loaded || m.loadErr != nil || m.total == 0 || m.landPending {
		return nil
	}
	h := m.listHeight()
	from, to := max(0, m.offset-h/2), min(m.total, m.offset+h+h/2)
	holds := func(a, b int) bool { return a <= from && to <= b }
	if holds(m.rowsAt, m.rowsAt+len(m.rows)) || (m.wantTo > m.wantFrom && holds(m.wantFrom, min(m.wantTo, m.total))) {
		return nil
	}
	return m.read(0, m.offset+h/2, m.windowSize(), false, false)
}

// keepCursorVisible scrolls the list so the selected row is on screen.
func (m *contactsModel) keepCursorVisible() {
	rows := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = max(0, min(m.offset, max(0, m.total-rows)))
}

func (m *contactsModel) move(d int) {
	if m.total == 0 {
		return
	}
	m.cursor = max(0, min(m.total-1, m.cursor+d))
}

func (m contactsModel) listView() string {
	s := m.styles
	lw := m.listWidth()
	title := "Contacts"
	switch {
	case m.archived:
		title = "Archived contacts"
	case m.dueOnly:
		title = "Due a reach-out"
	}
	count := fmt.Sprintf("%d", m.all)
	if m.total != m.all {
		count = fmt.Sprintf("%d of %d", m.total, m.all)
	}
	lines := []string{s.Title.Render(title) + s.Muted.Render(" · "+count)}
	switch {
	case m.confirmArc != nil:
		lines = append(lines, s.Prompt.Render(wrap(archiveQuestion(*m.confirmArc), lw)))
	case m.filtering || m.filter.Value() != "":
		lines = append(lines, m.filter.View())
	case m.archived:
		lines = append(lines, s.Muted.Render(truncate("r restores · v back to active", lw)))
	case m.dueOnly:
		lines = append(lines, s.Muted.Render(truncate("in who-next order · esc shows everyone", lw)))
	default:
		lines = append(lines, s.Muted.Render(truncate("/ filter · a add · enter details", lw)))
	}
	// Columns: name, circle, last contact, due marker, any-time. The last
	// two say what they are in each row ("due", "24/7"), so their headers
	// are blank: "Any" over "24/7" said less than the rows.
	circleW, lastW, dueW, anyW := 11, 5, 7, 4
	nameW := lw - 2 - circleW - lastW - dueW - anyW - 4
	if nameW < 12 {
		circleW, lastW, dueW, anyW = 0, 0, 0, 0
		nameW = max(1, lw-2)
	}
	header := "  " + pad("Name", nameW)
	if circleW > 0 {
		header += " " + pad("Circle", circleW) + " " + pad("Last", lastW) + " " + pad("", dueW) + " " + pad("", anyW)
	}
	lines = append(lines, s.Muted.Render(truncate(header, lw)))
	today := model.Today(m.clock)

	rows := m.listHeight()
	if m.total == 0 {
		msg := "Nobody matches that filter; esc clears it."
		if m.archived && m.filter.Value() == "" {
			msg = "Nobody is archived. Archived people stay in your journal and can be restored here."
		}
		lines = append(lines, s.Muted.Render(wrap(msg, lw)))
		return strings.Join(lines, "\n")
	}
	for i := m.offset; i < min(m.total, m.offset+rows); i++ {
		row := s.Muted.Render("…") // not read yet: on its way
		if j := i - m.rowsAt; j >= 0 && j < len(m.rows) {
			c := m.rows[j]
			row = pad(oneLine(c.Name), nameW)
			if circleW > 0 {
				anyTime := ""
				if c.AnyTime {
					anyTime = "24/7"
				}
				due := c.Due(today)
				row += " " + pad(c.Circle.Short(), circleW) + " " + pad(model.SinceLabel(due.DaysSince), lastW) +
					" " + pad(dueMarker(due), dueW) + " " + pad(anyTime, anyW)
			}
		}
		if i == m.cursor {
			lines = append(lines, s.Selected.Render("› "+row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	return strings.Join(lines, "\n")
}
