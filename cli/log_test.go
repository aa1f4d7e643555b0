package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// reachOuts reads the journal's whole log.
func reachOuts(t *testing.T, db string) []model.ReachOut {
	t.Helper()
	var rs []model.ReachOut
	withStore(t, db, func(st *store.Store) {
		var err error
		if rs, err = st.ReachOutsBetween(context.Background(), model.Date{}, model.Date{}); err != nil {
			t.Fatal(err)
		}
	})
	return rs
}

func logNetwork(t *testing.T) string {
	t.Helper()
	db := journal(t)
	addPeople(t, db,
		person{model.Contact{Name: "María Santos", Circle: model.CircleSponsor, Phone: "+1 555 0100"}, -1},
		person{model.Contact{Name: "Zoë O'Brien", Nickname: "Zo", Circle: model.CircleFriend}, -1},
		person{model.Contact{Name: "Sam", Circle: model.CircleFamily}, -1},
		person{model.Contact{Name: "Samantha Lee", Circle: model.CircleFriend, Email: "sam@example.org"}, -1},
		person{model.Contact{Name: "Jean-Pierre Dubois", Circle: model.CirclePeer}, -1},
		person{model.Contact{Name: "Alex Kim", Circle: model.CircleWork}, -1},
		person{model.Contact{Name: "Alex Kim", Circle: model.CircleFellowship}, -1},
		person{model.Contact{Name: "Old Flame", Circle: model.CirclePartner, Archived: true}, -1},
	)
	return db
}

func TestLogMatchesNamesIgnoringCaseAndAccents(t *testing.T) {
	t.Parallel()
	db := logNetwork(t)
	tests := []struct {
		name, who string
	}{
		{"maria", "María Santos"},        // accents
		{"SANTOS", "María Santos"},       // case, a later word
		{"mar", "María Santos"},          // a unique prefix
		{"maria s", "María Santos"},      // several words
		{"zoe", "Zoë O'Brien"},           //
		{"zo", "Zoë O'Brien"},            // the nickname, typed in full
		{"brien", "Zoë O'Brien"},         // after an apostrophe
		{"o'brien", "Zoë O'Brien"},       //
		{"pierre", "Jean-Pierre Dubois"}, // after a hyphen
		{"Sam", "Sam"},                   // the full name wins over Samantha
		{"saman", "Samantha Lee"},        //
		{"alex kim work", "Alex Kim"},    // the circle tells two Alex Kims apart
		{"old", "Old Flame"},             // archived, when nobody active matches
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := cli(db, "log", tt.name, "--via", "call")
			if code != 0 || !strings.Contains(out, "Logged: you reached out to "+tt.who+" (call), today at 21:30.") {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
		})
	}
	rs := reachOuts(t, db)
	if len(rs) != len(tests) || rs[0].ContactName != "María Santos" || rs[len(rs)-1].ContactName != "Old Flame" {
		t.Fatalf("%d reach-outs logged", len(rs))
	}
}

func TestLogRefusesAmbiguityAndStrangers(t *testing.T) {
	t.Parallel()
	db := logNetwork(t)
	code, out, errs := cli(db, "log", "sa", "--via", "call")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	journaltest.OneLineErr(t, errs, `"sa" matches 3 people: María Santos (sponsor, +1 555 0100); Sam (family); Samantha Lee (friend, sam@example.org); nothing was logged.`)

	code, _, errs = cli(db, "log", "Alex Kim", "--via", "call")
	if code != 1 {
		t.Fatalf("two people of the same name: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, `add their circle ("Alex Kim school/work")`)

	code, _, errs = cli(db, "log", "Nobody", "--via", "text")
	if code != 1 {
		t.Fatalf("no match: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, `nobody in your contacts matches "Nobody"; nothing was logged`)
	if rs := reachOuts(t, db); len(rs) != 0 {
		t.Fatalf("a refused log wrote %d reach-outs", len(rs))
	}

	// No journal yet: nothing to match, and no journal made.
	empty := journal(t)
	if code, _, errs := cli(empty, "log", "maria", "--via", "call"); code != 1 || !strings.Contains(errs, "no journal") || exists(empty) {
		t.Fatalf("no journal: exit %d, stderr %q", code, errs)
	}
}

func TestLogStoresWhatWasSaid(t *testing.T) {
	t.Parallel()
	db := logNetwork(t)
	out := mustCLI(t, db, "log", "zoe", "--via", "in person", "--note", "Walked by the river 🌊",
		"--at", "2026-03-08 19:05", "--direction", "supported", "--helped", "yes")
	if out != "Logged: you supported Zoë O'Brien (in person), yesterday at 19:05.\n" {
		t.Fatalf("stdout %q", out)
	}
	out = mustCLI(t, db, "log", "--via", "meeting", "maria", "--at", "2026-02-01", "--direction", "theirs")
	if out != "Logged: María Santos reached out (meeting), 1 Feb 2026 at 12:00.\n" {
		t.Fatalf("stdout %q", out)
	}
	mustCLI(t, db, "log", "maria", "--via", "text", "--at", "08:15")
	rs := reachOuts(t, db)
	if len(rs) != 3 {
		t.Fatalf("%d reach-outs", len(rs))
	}
	r := rs[1]
	_, offset := r.At.Zone()
	if r.ContactName != "Zoë O'Brien" || r.Channel != model.ChannelInPerson || r.Direction != model.DirectionSupported ||
		r.Helped != model.HelpedYes || r.Note != "Walked by the river 🌊" || offset != 3600 ||
		!r.At.Equal(time.Date(2026, time.March, 8, 19, 5, 0, 0, testZone)) {
		t.Fatalf("stored %+v", r)
	}
	if rs[0].Direction != model.DirectionTheirs || rs[2].At.Hour() != 8 || rs[2].Day() != testDay {
		t.Fatalf("stored %+v and %+v", rs[0], rs[2])
	}

	code, _, errs := cli(db, "log", "maria", "--via", "call", "--at", "2026-03-10 09:00")
	if code != 1 {
		t.Fatalf("a future reach-out: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "That is in the future")
	code, _, errs = cli(db, "log", "maria", "--via", "call", "--note", "bad \x1b[2J note")
	if code != 1 {
		t.Fatalf("a note with an escape: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "control characters")
	if n := len(reachOuts(t, db)); n != 3 {
		t.Fatalf("refused logs wrote: %d reach-outs", n)
	}
}

func TestLogUsage(t *testing.T) {
	t.Parallel()
	db := logNetwork(t)
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"log"}, "say who"},
		{[]string{"log", "maria", "--via", ""}, `--via "": use one of`},
		{[]string{"log", "maria", "--via", "pigeon"}, `--via "pigeon": use one of call, text, in-person`},
		{[]string{"log", "maria", "--via", "call", "--direction", "up"}, "--direction"},
		{[]string{"log", "maria", "--via", "call", "--helped", "lots"}, "--helped"},
		{[]string{"log", "maria", "--via", "call", "--at", "last tuesday"}, "--at"},
		{[]string{"log", "maria", "--via", "call", "--at", "2026-02-30"}, "--at"},
		{[]string{"log", "maria", "--via", "call", "--at", "25:00"}, "--at"},
		{[]string{"log", "maria", "--via"}, "flag needs an argument"},
	}
	for _, tt := range tests {
		code, _, errs := cli(db, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.says) || !strings.Contains(errs, "Run 'tether log --help'") {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errs)
		}
	}
	if n := len(reachOuts(t, db)); n != 0 {
		t.Fatalf("usage errors wrote %d reach-outs", n)
	}
}

// A blank --at (a script's empty variable) is refused, never taken for now.
func TestLogRefusesABlankAt(t *testing.T) {
	db := journal(t)
	addPeople(t, db, person{c: model.Contact{Name: "Sam Okafor"}, lastDaysAgo: -1})
	for _, at := range []string{"", "  "} {
		code, out, errs := cli(db, "log", "sam", "--via", "call", "--at", at)
		if code != 2 || out != "" || !strings.Contains(errs, "--at is blank") {
			t.Fatalf("--at %q: exit %d, stdout %q, stderr %q", at, code, out, errs)
		}
	}
	withStore(t, db, func(st *store.Store) {
		ex, err := st.Export(context.Background(), model.Date{}, model.Date{})
		if err != nil || len(ex.ReachOuts) != 0 {
			t.Fatalf("a refused log saved %d reach-outs (%v)", len(ex.ReachOuts), err)
		}
	})
}

// Without --via a reach-out goes the way the person prefers to be
// reached, or as a call, and the reply says which; everyday words for
// channels are taken in any case.
func TestLogWithoutViaUsesTheirUsualWay(t *testing.T) {
	t.Parallel()
	db := journal(t)
	addPeople(t, db,
		person{model.Contact{Name: "María Santos", Preferred: model.ChannelMessage}, -1},
		person{model.Contact{Name: "Sam Okafor"}, -1},
	)
	out := mustCLI(t, db, "log", "maria")
	if out != "Logged: you reached out to María Santos (message), today at 21:30. "+
		"Message is how they prefer to be reached; --via chooses another way.\n" {
		t.Fatalf("preferred: %q", out)
	}
	out = mustCLI(t, db, "log", "sam", "--direction", "theirs")
	if out != "Logged: Sam Okafor reached out (call), today at 21:30. "+
		"A call, as no preferred way is set for them; --via chooses another way.\n" {
		t.Fatalf("no preference: %q", out)
	}
	for via, want := range map[string]model.Channel{
		"WhatsApp": model.ChannelMessage, "phone": model.ChannelCall, "SMS": model.ChannelText,
		"Face to face": model.ChannelInPerson, "zoom": model.ChannelVideo, "group": model.ChannelMeeting,
	} {
		out := mustCLI(t, db, "log", "sam", "--via", via)
		if !strings.Contains(out, "("+strings.ToLower(want.Label())+"), today") || strings.Contains(out, "--via chooses") {
			t.Errorf("--via %s: %q", via, out)
		}
	}
	out = mustCLI(t, db, "log", "maria", "--plan", "tomorrow")
	if !strings.HasPrefix(out, "Planned: message with María Santos") {
		t.Fatalf("a plan without --via: %q", out)
	}
	rs := reachOuts(t, db)
	if len(rs) != 8 || rs[0].Channel != model.ChannelMessage || rs[1].Channel != model.ChannelCall {
		t.Fatalf("stored %d reach-outs: %+v", len(rs), rs)
	}
}

// tether log --help lists every channel with the words it takes for it.
func TestLogHelpListsChannelWords(t *testing.T) {
	t.Parallel()
	_, out, _ := runCLI("log", "--help")
	for _, c := range model.LogChannels {
		words := model.ChannelWords(c)
		line := "\n  " + string(c) + " "
		if !strings.Contains(out, line) {
			t.Errorf("--help does not list %s", c)
		}
		for _, w := range words {
			if !strings.Contains(out, w) {
				t.Errorf("--help does not list %q for %s", w, c)
			}
		}
	}
}
