package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
)

func TestDueIsSilentWhenNobodyIsDue(t *testing.T) {
	t.Parallel()
	db := journal(t)
	// No journal at all: silent, and none is made.
	if code, out, errs := cli(db, "due"); code != 0 || out != "" || errs != "" {
		t.Fatalf("no journal: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if exists(db) {
		t.Fatal("tether due created a journal")
	}
	if out := mustCLI(t, db, "due", "--json"); out != "[]\n" {
		t.Fatalf("--json without a journal: %q", out)
	}
	addPeople(t, db,
		person{model.Contact{Name: "No Rhythm"}, -1},
		person{model.Contact{Name: "Called Yesterday", CadenceDays: 7}, 1},
	)
	if code, out, errs := cli(db, "due"); code != 0 || out != "" || errs != "" {
		t.Fatalf("nobody due: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if out := mustCLI(t, db, "due", "--json"); out != "[]\n" {
		t.Fatalf("--json with nobody due: %q", out)
	}
}

func TestDueListsTheMostUrgentFirst(t *testing.T) {
	t.Parallel()
	db := journal(t)
	addPeople(t, db,
		person{model.Contact{Name: "Sam Lee", CadenceDays: 7, Preferred: model.ChannelText, Phone: "07700 900123"}, 7},
		person{model.Contact{Name: "Maria Santos", CadenceDays: 7, Phone: "+1 555 0100"}, 10},
		person{model.Contact{Name: "Zoë 🌻", CadenceDays: 14, Email: "zoe@example.org"}, -1},
		person{model.Contact{Name: "Tuesday meeting", CadenceDays: 7, Preferred: model.ChannelInPerson}, 8},
		person{model.Contact{Name: "Archived Al", CadenceDays: 1, Archived: true}, 30},
	)
	out := mustCLI(t, db, "due")
	want := strings.Join([]string{
		"Maria Santos — overdue 3 days — call +1 555 0100",
		"Tuesday meeting — due, 1 day late — see them in person",
		"Sam Lee — due today — text 07700 900123",
		"Zoë 🌻 — not reached yet — email zoe@example.org",
	}, "\n") + "\n"
	if out != want {
		t.Fatalf("due:\n%s\nwant:\n%s", out, want)
	}
	if strings.Contains(out, "\x1b") {
		t.Fatal("colour codes in output that is not a terminal")
	}

	var list []dueJSON
	if err := json.Unmarshal([]byte(mustCLI(t, db, "due", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || list[0].Name != "Maria Santos" || list[0].Status != "overdue" || list[0].DaysLate != 3 ||
		list[0].DaysSince == nil || *list[0].DaysSince != 10 || list[0].LastContact == nil ||
		list[3].DaysSince != nil || list[3].Status != "due" || list[2].Reach != "text 07700 900123" {
		t.Fatalf("--json: %+v", list)
	}

	// TETHER_DB chooses the journal as --db does.
	if code, out2, _ := runCLIWith(map[string]string{"TETHER_DB": db}, "due"); code != 0 || out2 != want {
		t.Fatalf("TETHER_DB: exit %d, %q", code, out2)
	}
}

func TestDueRefusesWhatIsNotAJournal(t *testing.T) {
	t.Parallel()
	db := journal(t)
	journaltest.WriteFile(t, db, "not a journal\n")
	code, _, errs := cli(db, "due")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "not a Tether journal")
}

func TestDueUsage(t *testing.T) {
	t.Parallel()
	db := journal(t)
	for _, args := range [][]string{{"due", "extra"}, {"due", "--nope"}, {"due", "--json=maybe"}} {
		code, _, errs := cli(db, args...)
		if code != 2 || !strings.Contains(errs, "tether: due: ") || !strings.Contains(errs, "tether due --help") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

// tether due is the few Today shows, ranked by who matters, then how many
// more; --all lists everyone, --limit N the first N; a plan for today
// comes first, made with tether log NAME --plan.
func TestDueIsTheFewRankedWithPlansFirst(t *testing.T) {
	t.Parallel()
	db := journal(t)
	var people []person
	for i := range 12 {
		people = append(people, person{model.Contact{Name: fmt.Sprintf("Colleague %02d", i), Circle: model.CircleWork, CadenceDays: 7}, 40})
	}
	people = append(people, person{model.Contact{Name: "Maria Santos", Circle: model.CircleSponsor, Importance: 5, CadenceDays: 1, Phone: "+1 555 0100"}, 1})
	addPeople(t, db, people...)

	out := mustCLI(t, db, "due")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != model.WhoNextDefault+1 || !strings.HasPrefix(lines[0], "Maria Santos — due today") ||
		lines[len(lines)-1] != "and 8 more due: tether due --all" {
		t.Fatalf("due:\n%s", out)
	}
	if n := strings.Count(mustCLI(t, db, "due", "--all"), "\n"); n != 13 {
		t.Errorf("due --all: %d lines; want all 13", n)
	}
	if out := mustCLI(t, db, "due", "--limit", "2"); strings.Count(out, "\n") != 3 || !strings.HasSuffix(out, "and 11 more due: tether due --all\n") {
		t.Errorf("due --limit 2:\n%s", out)
	}
	if code, _, errs := cli(db, "due", "--limit", "0"); code == 0 || !strings.Contains(errs, "1 or more") {
		t.Errorf("--limit 0: exit %d, %q", code, errs)
	}

	got := mustCLI(t, db, "log", "maria", "--plan", "today 18:00", "--note", "ask about Sunday")
	if got != "Planned: call with Maria Santos, today at 18:00. It shows on Today on the day.\n" {
		t.Fatalf("log --plan said %q", got)
	}
	if out := mustCLI(t, db, "due"); !strings.HasPrefix(out, "Planned: call Maria Santos at 18:00 — ask about Sunday\n") {
		t.Errorf("due with a plan for today:\n%s", out)
	}
	if code, _, errs := cli(db, "log", "maria", "--plan", "tomorrow", "--at", "21:00"); code == 0 || !strings.Contains(errs, "do not go together") {
		t.Errorf("--plan with --at: exit %d, %q", code, errs)
	}
	if code, _, errs := cli(db, "log", "maria", "--plan", "someday"); code == 0 || !strings.Contains(errs, "--plan") {
		t.Errorf("--plan someday: exit %d, %q", code, errs)
	}
}

// On a decade of data, the greeting is short: at most six lines (today's
// plans and the few, then how many more), the sponsor due today among
// them.
func TestDueOnTheLargeSampleIsShort(t *testing.T) {
	t.Parallel()
	db := journal(t)
	mustCLI(t, db, "demo", "--save", db, "--size", "large")
	out := mustCLI(t, db, "due")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) > 6 || !strings.HasPrefix(lines[len(lines)-1], "and ") || !strings.Contains(out, "Denise Okafor — due today") {
		t.Fatalf("tether due on the large sample, %d lines:\n%s", len(lines), out)
	}
}
