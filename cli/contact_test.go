package cli

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

func TestContactAddAndListRoundTrip(t *testing.T) {
	t.Parallel()
	db := journal(t)
	out := mustCLI(t, db, "contact", "add", "--name", "  María Santos ", "--nickname", "Mari",
		"--circle", "Sponsor or mentor", "--group", "Tuesday SMART", "--phone", "+1 555 0100",
		"--email", "maria@example.org", "--prefer", "text", "--available", "evenings, CET", "--any-time",
		"--distraction", "--importance", "5", "--supportive", "4", "--stance", "supports",
		"--known-since", "2019-02-28", "--every", "2w", "--notes", "Not before 8am.", "--tags", "sponsor, AA,aa")
	if out != "Added María Santos (Sponsor or mentor, every 2 weeks, call any time).\n" {
		t.Fatalf("stdout %q", out)
	}
	mustCLI(t, db, "contact", "add", "--name", "Ngozi Eze")

	var list []contactJSON
	if err := json.Unmarshal([]byte(mustCLI(t, db, "contact", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("%d contacts", len(list))
	}
	m := list[0]
	if m.Name != "María Santos" || m.Nickname != "Mari" || m.Circle != "sponsor" || m.Group != "Tuesday SMART" ||
		m.Phone != "+1 555 0100" || m.Email != "maria@example.org" || m.Preferred == nil || *m.Preferred != "text" ||
		m.Availability != "evenings, CET" || !m.AnyTime || m.AnyTimeSince == nil || *m.AnyTimeSince != "2026-03-09" ||
		!m.Distraction || m.Importance == nil || *m.Importance != 5 || m.Supportive == nil || *m.Supportive != 4 || m.Stance != "supports" ||
		m.KnownSince == nil || *m.KnownSince != "2019-02-28" || m.CadenceDays != 14 || m.Notes != "Not before 8am." ||
		strings.Join(m.Tags, "|") != "sponsor|AA" || m.Archived || m.LastContact != nil || m.Due != "due" {
		t.Fatalf("round trip lost something: %+v", m)
	}
	if n := list[1]; n.Name != "Ngozi Eze" || n.Circle != "other" || n.Stance != "unknown" || n.Tags == nil || n.Due != "no-rhythm" {
		t.Fatalf("defaults: %+v", n)
	}
	// Unanswered is null, as in the export: 0 would read as an answer.
	if n := list[1]; n.Preferred != nil || n.Importance != nil || n.Supportive != nil || n.KnownSince != nil {
		t.Fatalf("unanswered fields are not null: %+v", n)
	}

	text := mustCLI(t, db, "contact", "list")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "NAME") ||
		!strings.HasPrefix(lines[1], "María Santos (Mari)  sponsor      never   not reached yet     +1 555 0100 (any time)") ||
		!strings.HasPrefix(lines[2], "Ngozi Eze") {
		t.Fatalf("list:\n%s", text)
	}
	if out := mustCLI(t, db, "contact", "list", "--archived"); out != "No archived contacts.\n" {
		t.Fatalf("--archived: %q", out)
	}
	if out := mustCLI(t, db, "contact", "list", "--archived", "--json"); out != "[]\n" {
		t.Fatalf("--archived --json: %q", out)
	}
}

// A script reads one shape of a contact: contact list --json prints each
// contact as the export does, key for key and in the same order, and adds
// only the derived facts the list shows.
func TestContactListPrintsTheExportsContact(t *testing.T) {
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "María Santos", "--circle", "sponsor", "--phone", "+1 555 0100",
		"--prefer", "text", "--any-time", "--importance", "5", "--known-since", "2019-02-28", "--every", "1w",
		"--notes", "Not before 8am.\nText first.", "--tags", "sponsor,<3")
	mustCLI(t, db, "contact", "add", "--name", "Ngozi Eze")
	mustCLI(t, db, "log", "maria", "--via", "call")

	var export struct {
		Contacts []json.RawMessage `json:"contacts"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, db, "export", "--format", "json")), &export); err != nil {
		t.Fatal(err)
	}
	listed := mustCLI(t, db, "contact", "list", "--json")
	var list []contactJSON
	if err := json.Unmarshal([]byte(listed), &list); err != nil {
		t.Fatal(err)
	}
	var keys []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(listed), &keys); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || len(export.Contacts) != 2 {
		t.Fatalf("%d listed, %d exported", len(list), len(export.Contacts))
	}
	derived := []string{"last_contact", "reach_outs_30_days", "due"}
	for i, c := range list {
		var want bytes.Buffer
		if err := json.Compact(&want, export.Contacts[i]); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		enc := json.NewEncoder(&got)
		enc.SetEscapeHTML(false) // as both commands write "<3"
		if err := enc.Encode(c.ContactJSON); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(got.String(), "\n"); got != want.String() {
			t.Errorf("contact %d:\nlist   %s\nexport %s", i+1, got, want.String())
		}
		var exported map[string]json.RawMessage
		if err := json.Unmarshal(export.Contacts[i], &exported); err != nil {
			t.Fatal(err)
		}
		for _, k := range derived {
			if _, ok := keys[i][k]; !ok {
				t.Errorf("contact %d: the list has no %q", i+1, k)
			}
		}
		if len(keys[i]) != len(exported)+len(derived) {
			t.Errorf("contact %d: the list has keys %v beyond the export's and %v", i+1, mapKeys(keys[i]), derived)
		}
	}
	if list[0].LastContact == nil || list[0].Reached30 != 1 || list[1].LastContact != nil {
		t.Errorf("derived facts: %+v / %+v", list[0], list[1])
	}
}

func mapKeys(m map[string]json.RawMessage) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestContactListWithoutAJournal(t *testing.T) {
	t.Parallel()
	db := journal(t)
	if out := mustCLI(t, db, "contact", "list"); !strings.HasPrefix(out, "No contacts yet.") {
		t.Fatalf("stdout %q", out)
	}
	if exists(db) {
		t.Fatal("contact list created a journal")
	}
}

// Every problem is reported by its flag, on a line of its own, and nothing
// is saved (no journal is even made).
func TestContactAddReportsEachProblem(t *testing.T) {
	t.Parallel()
	db := journal(t)
	code, out, errs := cli(db, "contact", "add", "--name", "Sam", "--phone", "sam@example.org",
		"--email", "sam at example", "--importance", "9", "--circle", "neighbours", "--known-since", "2027-01-01",
		"--every", "often", "--prefer", "carrier pigeon", "--stance", "hostile", "--supportive", "x")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	want := []string{
		`tether: contact add: --circle: "neighbours" is not a circle; use one of fellowship, sponsor,`,
		"tether: contact add: --phone: That looks like an email address",
		"tether: contact add: --email: An email address has no spaces.",
		`tether: contact add: --prefer: --prefer "carrier pigeon": use one of call, text, in-person, video or message, or a word for one`,
		`tether: contact add: --importance: "9" is not a number from 1 to 5.`,
		`tether: contact add: --supportive: "x" is not a number from 1 to 5.`,
		`tether: contact add: --stance: --stance "hostile": use one of unknown, supports, neutral, supports-using`,
		"tether: contact add: --known-since: That date is in the future.",
		"tether: contact add: --every: Type a number of days, like 7, or weeks, like 2w; 0 means no rhythm.",
		"tether: contact add: nothing was saved.",
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(want) {
		t.Fatalf("stderr:\n%s", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want %q", i+1, lines[i], w)
		}
	}
	if exists(db) {
		t.Fatal("a refused contact created the journal")
	}

	for _, tt := range []struct{ args []string }{
		{[]string{"--name", ""}},
		{[]string{"--name", strings.Repeat("n", 201)}},
		{[]string{"--name", "Line\nbreak"}},
		{[]string{"--name", "Ok", "--tags", strings.Repeat("t", 41)}},
	} {
		code, _, errs := cli(db, append([]string{"contact", "add"}, tt.args...)...)
		if code != 1 || !strings.Contains(errs, "nothing was saved") {
			t.Errorf("%q: exit %d, stderr %q", tt.args, code, errs)
		}
	}
}

func TestContactUsage(t *testing.T) {
	t.Parallel()
	db := journal(t)
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"contact"}, "say add or list"},
		{[]string{"contact", "remove"}, `unknown "remove"`},
		{[]string{"contact", "add"}, "--name is required"},
		{[]string{"contact", "add", "Maria"}, `unexpected "Maria"`},
		{[]string{"contact", "add", "--name", "Sam", "--any-time=perhaps"}, "invalid boolean"},
		{[]string{"contact", "list", "everyone"}, `unexpected "everyone"`},
		{[]string{"contact", "list", "--all"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, _, errs := cli(db, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.says) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errs)
		}
	}
	if exists(db) {
		t.Fatal("usage errors created the journal")
	}
}
