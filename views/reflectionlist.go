package views

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// The list of past weeks (w on Reflection) holds the stretch of weeks
// read so far, and reads more as the cursor nears either end: a journal
// of many years never reads them all.

// headersLoadedMsg is a stretch of the list of past weeks: the newest or
// the oldest (from zero), or the weeks older or newer than from, one more
// than asked for when there are more.
type headersLoadedMsg struct {
	from    model.Week
	older   bool
	headers []model.ReflectionHeader
	err     error
	gen     int
}

// listStretch is how many past weeks one read of the list brings: a few
// screens' worth.
func (m reflectionModel) listStretch() int { return max(50, 3*m.height) }

// loadHeaders reads a stretch of the list of past weeks (see
// headersLoadedMsg), one more than a stretch to tell whether there are
// more.
func (m *reflectionModel) loadHeaders(from model.Week, older bool) tea.Cmd {
	m.listBusy = true
	st, gen, limit := m.st, m.listGen, m.listStretch()+1
	return func() tea.Msg {
		hs, err := st.ReflectionHeadersFrom(context.Background(), from, older, limit)
		return headersLoadedMsg{from: from, older: older, headers: hs, err: err, gen: gen}
	}
}

// listPlace is where the cursor goes when the list is read afresh.
type listPlace int

const (
	listKeep   listPlace = iota // where it was (w opens the list again)
	listNewest                  // g
	listOldest                  // G
)

// openList reads the list afresh from its newest week (w, g) or its
// oldest (G); what was read before shows until it comes.
func (m *reflectionModel) openList(at listPlace) tea.Cmd {
	m.listGen++
	m.listAt = at
	return m.loadHeaders(model.Week{}, at != listOldest)
}

// headersLoaded takes a stretch of the list in: the first, or one more
// at either end of what is held.
func (m *reflectionModel) headersLoaded(msg headersLoadedMsg) {
	if msg.gen != m.listGen {
		return
	}
	m.listBusy = false
	if m.headersErr = msg.err; msg.err != nil {
		return
	}
	hs := msg.headers
	more := len(hs) >= m.listStretch()+1
	switch {
	case more && msg.older:
		hs = hs[:len(hs)-1]
	case more:
		hs = hs[1:]
	}
	switch {
	case msg.from.IsZero() && msg.older:
		m.headers, m.moreOlder, m.moreNewer = hs, more, false
		if m.listAt == listNewest {
			m.listCursor = 0
		}
	case msg.from.IsZero():
		m.headers, m.moreOlder, m.moreNewer, m.listCursor = hs, false, more, max(0, len(hs)-1)
	case msg.older:
		m.headers, m.moreOlder = append(m.headers, hs...), more
	default:
		m.headers, m.moreNewer = append(hs, m.headers...), more
		m.listCursor += len(hs)
	}
	m.listCursor = max(0, min(m.listCursor, len(m.headers)-1))
}

// readMoreWeeks reads the next stretch of the list when the cursor is
// within a screen of either end of what is held and there are more.
func (m *reflectionModel) readMoreWeeks() tea.Cmd {
	switch {
	case m.listBusy || len(m.headers) == 0:
		return nil
	case m.moreOlder && m.listCursor >= len(m.headers)-max(1, m.height):
		return m.loadHeaders(m.headers[len(m.headers)-1].Week, true)
	case m.moreNewer && m.listCursor < max(1, m.height):
		return m.loadHeaders(m.headers[0].Week, false)
	}
	return nil
}

func (m reflectionModel) updateList(msg tea.KeyPressMsg) (reflectionModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Weeks):
		m.mode = modePage
		return m, nil
	case key.Matches(msg, k.Up):
		m.listCursor = max(0, m.listCursor-1)
	case key.Matches(msg, k.Down):
		m.listCursor = max(0, min(len(m.headers)-1, m.listCursor+1))
	case key.Matches(msg, k.Top):
		if m.moreNewer {
			return m, m.openList(listNewest)
		}
		m.listCursor = 0
	case key.Matches(msg, k.Bottom):
		if m.moreOlder {
			return m, m.openList(listOldest)
		}
		m.listCursor = max(0, len(m.headers)-1)
	case key.Matches(msg, k.Open):
		if m.listCursor < len(m.headers) {
			return m.showWeek(m.headers[m.listCursor].Week)
		}
	}
	return m, m.readMoreWeeks()
}
