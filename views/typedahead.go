package views

import tea "charm.land/bubbletea/v2"

// typedAhead holds the keys and pastes that arrived while what they were
// typed into could not act on them yet (a save under way, a person picker
// whose matches are still being read), to be handed on in order once it
// can: nothing typed is lost, and nothing acts on an older list.
type typedAhead []tea.Msg

// hold keeps msg when it must wait (waits), or when keys typed before it
// are already waiting, so they keep their order; it reports whether it
// kept it.
func (t *typedAhead) hold(msg tea.Msg, waits bool) bool {
	if len(*t) == 0 && !waits {
		return false
	}
	*t = append(*t, msg)
	return true
}

// take empties the queue and gives what it held, oldest first: each is
// handed on again, and may be held once more.
func (t *typedAhead) take() []tea.Msg {
	held := *t
	*t = nil
	return held
}
