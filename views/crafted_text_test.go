package views

import (
	"regexp"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// hostileText is what another program can leave in a journal: the title
// set, the clipboard written, the screen cleared, a bell, text reversed,
// a zero-width space.
const hostileText = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\x07\u202e\u200b"

var (
	sgrSeq     = regexp.MustCompile("\x1b\\[[0-9;:]*m")
	actedUpon  = regexp.MustCompile("[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200b]")
	craftedFor = func(s string) string { return s + hostileText }
)

// TestCraftedTextNeverReachesTheScreen: names, numbers and notes written
// into the journal past Tether's checks are shown on every screen, overlay
// and editor with nothing but colours for the terminal to act on.
func TestCraftedTextNeverReachesTheScreen(t *testing.T) {
	st := newFakeStore()
	for i, c := range sampleContacts() {
		c.ID = int64(i + 1)
		c.Name, c.Nickname, c.Notes = craftedFor(c.Name), craftedFor("nick"), craftedFor("note")
		c.Phone = craftedFor("+1 555 010" + string(rune('0'+i)))
		c.CadenceDays = 7
		st.contacts[c.ID] = c
		st.nextID = c.ID
	}
	today := fixedClock.T
	st.reachOuts[1] = model.ReachOut{ID: 1, ContactID: 1, At: today.Add(-time.Hour), Channel: model.ChannelCall,
		Direction: model.DirectionMine, Note: craftedFor("lunch walk")}
	st.checkIns[model.Today(fixedClock)] = model.CheckIn{Day: model.Today(fixedClock), Note: craftedFor("walked")}
	st.plan = model.SafetyPlan{WarningSigns: []string{craftedFor("isolating")}, AskForHelp: []string{craftedFor("Maria")}}

	d := newDriver(t, st, 100, 30)
	check := func(where string) {
		t.Helper()
		frame := d.app.frame()
		rest := sgrSeq.ReplaceAllString(frame, "")
		if loc := actedUpon.FindStringIndex(rest); loc != nil {
			from := max(0, loc[0]-30)
			t.Fatalf("%s: the screen holds %q: …%q…", where, rest[loc[0]:loc[1]], rest[from:min(len(rest), loc[1]+10)])
		}
	}
	check("Today")
	steps := []struct {
		where string
		keys  []string
	}{
		{"Contacts", []string{"2"}},
		{"a contact's details", []string{"enter"}},
		{"the contact form", []string{"e"}},
		{"Contacts again", []string{"esc", "esc"}},
		{"Check-in", []string{"3"}},
		{"the check-in form", []string{"e"}},
		{"Reflection", []string{"esc", "4"}},
		{"Network", []string{"5"}},
		{"the safety plan", []string{"p"}},
		{"Today again", []string{"esc", "1"}},
		{"the reach-out dialog", []string{"l"}},
		{"the crisis card", []string{"esc", "!"}},
	}
	for _, s := range steps {
		d.keys(s.keys...)
		check(s.where)
	}
}
