package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// crisisJournal is a journal with everything the card shows: a safety plan,
// the region and an own number, two any-time people (one awake at testNow,
// one not), a therapist, and people who must not appear.
func crisisJournal(t *testing.T) string {
	t.Helper()
	db := journal(t)
	withStore(t, db, func(st *store.Store) {
		ctx := context.Background()
		for _, c := range []model.Contact{
			{Name: "Denise Okafor", Circle: model.CircleSponsor, Phone: "(312) 555-0147", Preferred: model.ChannelCall,
				Availability: "any time", AnyTime: true, Importance: 5},
			{Name: "Zoë Fontaine", Nickname: "Zo", Circle: model.CirclePeer, Phone: "+33 6 39 98 41 07",
				Availability: "mornings", AnyTime: true, Importance: 5},
			{Name: "Dr. Priya Raman", Circle: model.CircleHealthcare, Phone: "+44 20 7946 0321"},
			{Name: "Old Sponsor", Circle: model.CircleSponsor, Phone: "555 0199", AnyTime: true, Archived: true},
			{Name: "Kev Doyle", Circle: model.CircleFriend, Phone: "07700 900911"},
		} {
			if _, err := st.SaveContact(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.SaveSettings(ctx, model.Settings{Region: "GB", CheckupReminders: true,
			OwnNumbers: []model.OwnNumber{{Label: "My GP out of hours", Number: "111"}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveSafetyPlan(ctx, model.SafetyPlan{
			WarningSigns: []string{"Skipping meals"},
			SaferPlace:   []string{"No alcohol in the flat"},
		}); err != nil {
			t.Fatal(err)
		}
	})
	return db
}

// generalCard is the card with no journal at all.
func generalCard() string {
	return renderCard(model.BuildCrisisCard(model.SafetyPlan{}, model.Settings{}, model.CardPeople{}, testNow), false)
}

func TestSOSPrintsTheCard(t *testing.T) {
	t.Parallel()
	db := crisisJournal(t)
	code, out, errs := cli(db, "sos")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"My safety plan: warning signs\n  Skipping meals\n",
		"People who said call any time\n  Denise Okafor · (312) 555-0147 · prefers call · any time\n  Zoë Fontaine (Zo) · +33 6 39 98 41 07 · mornings · may be asleep now\n",
		"Professionals\n  Dr. Priya Raman · +44 20 7946 0321\n",
		"\nCrisis line\n  My GP out of hours · 111\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the card lacks %q:\n%s", want, out)
		}
	}
	// Numbers first: the people and the crisis line before the plan.
	if strings.Index(out, "Crisis line") > strings.Index(out, "My safety plan") {
		t.Errorf("the plan comes before the crisis line:\n%s", out)
	}
	for _, never := range []string{"Old Sponsor", "Kev Doyle", "\x1b", model.HelplineDirectory} {
		if strings.Contains(out, never) {
			t.Errorf("the card shows %q:\n%s", never, out)
		}
	}
	if !strings.Contains(out, "Emergency services · 999 · if you are in danger right now\n") {
		t.Errorf("the card has no emergency number:\n%s", out)
	}
	// It is the card the app builds: the same sections, in order.
	withStore(t, db, func(st *store.Store) {
		ctx := context.Background()
		plan, _ := st.SafetyPlan(ctx)
		settings, _ := st.Settings(ctx)
		people, _ := st.CardPeople(ctx, plan)
		want := renderCard(model.BuildCrisisCard(plan, settings, people, testNow), false)
		if out != want {
			t.Errorf("sos printed:\n%s\nthe card is:\n%s", out, want)
		}
	})
	if _, out2, _ := cli(db, "sos"); out2 != out {
		t.Errorf("a second sos printed something else:\n%s", out2)
	}
}

// sos only reads: the journal file is byte for byte as it was.
func TestSOSChangesNothing(t *testing.T) {
	t.Parallel()
	db := crisisJournal(t)
	before := journaltest.Sum(t, db)
	mustCLI(t, db, "sos")
	if journaltest.Sum(t, db) != before {
		t.Fatal("tether sos changed the journal")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if fi, err := os.Stat(db + side); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s left with mode %v", side, fi.Mode().Perm())
		}
	}
}

// No journal, or a file that is not one: the general card, exit 0, one
// line on stderr; nothing made, nothing changed.
func TestSOSWithoutAJournalStillPrintsTheCard(t *testing.T) {
	t.Parallel()
	db := journal(t)
	code, out, errs := cli(db, "sos")
	if code != 0 || out != generalCard() {
		t.Fatalf("no journal: exit %d, stdout:\n%s", code, out)
	}
	if !strings.Contains(out, model.EmergencyLine) || !strings.Contains(out, model.HelplineDirectory) {
		t.Fatalf("the general card lacks the emergency line or the directory:\n%s", out)
	}
	journaltest.OneLineErr(t, errs, "there is no journal yet at "+db)
	if exists(db) {
		t.Fatal("tether sos created a journal")
	}

	for name, content := range map[string]string{
		"text file": "my private notes, not a database\n",
		"empty":     "",
	} {
		path := filepath.Join(t.TempDir(), "notes.db")
		journaltest.WriteFile(t, path, content)
		before := journaltest.Sum(t, path)
		code, out, errs := cli(path, "sos")
		if code != 0 || out != generalCard() {
			t.Errorf("%s: exit %d, stdout:\n%s", name, code, out)
		}
		journaltest.OneLineErr(t, errs, "sos: ")
		if journaltest.Sum(t, path) != before {
			t.Errorf("%s: the file was changed", name)
		}
	}
}

// A journal from a newer Tether is not read (its meaning may have
// changed), but the general card still comes.
func TestSOSNewerJournal(t *testing.T) {
	t.Parallel()
	db := crisisJournal(t)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, out, errs := cli(db, "sos")
	if code != 0 || out != generalCard() {
		t.Fatalf("exit %d, stdout:\n%s", code, out)
	}
	journaltest.OneLineErr(t, errs, "newer Tether")
}

// A part of the journal that cannot be read costs only that part.
func TestSOSKeepsWhatItCanRead(t *testing.T) {
	t.Parallel()
	db := crisisJournal(t)
	withStore(t, db, func(st *store.Store) {
		if err := st.SetSetting(context.Background(), "safety_plan", "not a plan"); err != nil {
			t.Fatal(err)
		}
	})
	code, out, errs := cli(db, "sos")
	if code != 0 || !strings.Contains(out, "Denise Okafor") || !strings.Contains(out, "My GP out of hours · 111") ||
		strings.Contains(out, "My safety plan") {
		t.Fatalf("exit %d, stdout:\n%s", code, out)
	}
	journaltest.OneLineErr(t, errs, "safety plan")
}

// While another connection holds a write transaction (BEGIN IMMEDIATE, a
// change not yet committed), sos prints at once, from what was committed.
func TestSOSWhileAnotherConnectionWrites(t *testing.T) {
	t.Parallel()
	db := crisisJournal(t)
	writer, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	conn, err := writer.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	if _, err := conn.ExecContext(context.Background(),
		`UPDATE contacts SET name = 'Renamed, uncommitted' WHERE name = 'Denise Okafor'`); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	code, out, errs := cli(db, "sos")
	took := time.Since(start)
	if code != 0 || errs != "" || !strings.Contains(out, "Denise Okafor · (312) 555-0147") || strings.Contains(out, "uncommitted") {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, errs, out)
	}
	// Not a speed assertion: a reader that waited would wait out the
	// writer (for ever, here) or sosWait.
	if took >= sosWait {
		t.Fatalf("sos took %v while another connection wrote", took)
	}
	t.Logf("sos took %v during another connection's write transaction", took)
}

func TestSOSUsage(t *testing.T) {
	t.Parallel()
	db := journal(t)
	for _, args := range [][]string{{"sos", "now"}, {"sos", "--loud"}} {
		code, _, errs := cli(db, args...)
		if code != 2 || !strings.Contains(errs, "tether: sos: ") || !strings.Contains(errs, "tether sos --help") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestRenderCardColour(t *testing.T) {
	t.Parallel()
	card := model.CrisisCard{Sections: []model.CardSection{
		{Title: "Crisis lines", Lines: []string{"Samaritans · 116 123"}, Note: "Checked."},
		{Title: "In an emergency", Lines: []string{model.EmergencyLine}},
	}}
	plain := "Crisis lines\n  Samaritans · 116 123\n  Checked.\n\nIn an emergency\n  " + model.EmergencyLine + "\n"
	if got := renderCard(card, false); got != plain {
		t.Errorf("plain:\n%q\nwant\n%q", got, plain)
	}
	coloured := renderCard(card, true)
	if !strings.Contains(coloured, "\x1b[1mCrisis lines\x1b[0m\n") || !strings.Contains(coloured, "  \x1b[2mChecked.\x1b[0m\n") {
		t.Errorf("coloured: %q", coloured)
	}
}

// A journal with more people who said call any time than the card lists
// (an address book imported whole): sos prints the first of them, those
// who matter most first, and says how many more there are and where.
func TestSOSCountsWhatItCannotList(t *testing.T) {
	t.Parallel()
	db := journal(t)
	var people []person
	for i := range model.CardGroupPeople + 40 {
		c := model.Contact{Name: fmt.Sprintf("Friend %03d", i), Phone: fmt.Sprintf("0161 496 %04d", i), AnyTime: true}
		if i == model.CardGroupPeople+39 {
			c.Name, c.Importance = "Denise Okafor", 5 // last by number, first by importance
		}
		people = append(people, person{c: c, lastDaysAgo: -1})
	}
	addPeople(t, db, people...)
	out := mustCLI(t, db, "sos")
	if got := strings.Count(out, " · 0161 496 "); got != model.CardGroupPeople {
		t.Errorf("sos listed %d people, want %d:\n%s", got, model.CardGroupPeople, out)
	}
	if !strings.Contains(out, "People who said call any time\n  Denise Okafor · 0161 496 0069\n") {
		t.Errorf("the most important person is not first:\n%s", out)
	}
	if !strings.Contains(out, "  …and 40 more, all in Contacts\n") {
		t.Errorf("sos does not say how many more:\n%s", out)
	}
}
