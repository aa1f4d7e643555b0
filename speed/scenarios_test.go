package main

import "testing"

// The walk's screen tests pass a screen with its data on any journal and
// never one that is still reading.
func TestScreenTests(t *testing.T) {
	for _, c := range []struct {
		name string
		test func(screen) bool
		text string
		want bool
	}{
		{"today, due people", todayRead, "[1 Today]\nWho next (5 of 3031 due)\nq quit", true},
		{"today, nobody due", todayRead, "[1 Today]\nNobody is due a reach-out.\nq quit", true},
		{"today, opening", todayRead, "[1 Today]\nOpening your journal…\nq quit", false},
		{"contacts, large", contactsRead, "[2 Contacts]\nContacts · 303  │ Reach-outs\n  Ann   │ 3 Jan 2026 Call\nq quit", true},
		{"contacts, xxl", contactsRead, "[2 Contacts]\nContacts · 30303 │ Ann\nq quit", true},
		{"contacts, history read", contactsRead, "[2 Contacts]\nContacts · 303 │ Reach-outs\n  Ann │ …\nq quit", false},
		{"contacts, opening", contactsRead, "[2 Contacts]\nOpening your contacts…\nq quit", false},
		{"day with a check-in", dayRead, "[3 Check-in]\nChecked in. e to change it.\nReach-outs that day (2)\nq quit", true},
		{"day without", dayRead, "[3 Check-in]\nNo check-in for this day.\nq quit", true},
		{"today's day", dayRead, "[3 Check-in]\nNot checked in yet today.\nq quit", true},
		{"day opening", dayRead, "[3 Check-in]\nOpening the day…\nReach-outs that day\nq quit", false},
		{"week", weekRead, "[4 Reflection]\nThe week in connection\nq quit", true},
		{"week opening", weekRead, "[4 Reflection]\nOpening the week…\nq quit", false},
		{"open person, history read", historyRead, "Ann\nReach-outs · 3 in the last 30 days\n3 Jan 2026 Call", true},
		{"open person, history reading", historyRead, "Ann\nReach-outs\n…", false},
		{"a cut name is not reading", historyRead, "  Annabel Longna… │ Reach-outs\n  Bo │ 3 Jan 2026 Call", true},
	} {
		if got := c.test(screen{text: c.text}); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A list's part of the screen leaves out what stands beside it, even
// where nothing does and the capture dropped the line's last spaces.
func TestListPartLeavesOutWhatIsBeside(t *testing.T) {
	a := screen{text: "Contacts · 3       │ Ana\n› Ana   friend    │ Phone 1\n  Bo    peer      │"}
	b := screen{text: "Contacts · 3       │ Bo\n› Ana   friend    │ …\n  Bo    peer      │ Phone 2"}
	if listPart(a) != listPart(b) {
		t.Errorf("lists differ:\n%s\n--\n%s", listPart(a), listPart(b))
	}
	if want := "Contacts · 3      \n› Ana   friend   \n  Bo    peer     "; listPart(a) != want {
		t.Errorf("listPart = %q, want %q", listPart(a), want)
	}
}
