package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

var (
	eastern     = time.FixedZone("EST", -5*60*60)
	kiritimati  = time.FixedZone("LINT", 14*60*60)
	bakerIsland = time.FixedZone("AoE", -12*60*60)
)

// addContact saves a contact by name and returns its id.
func addContact(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	c, err := s.SaveContact(context.Background(), model.Contact{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func logAt(t *testing.T, s *Store, contact int64, at time.Time) model.ReachOut {
	t.Helper()
	r, err := s.SaveReachOut(context.Background(), model.ReachOut{ContactID: contact, At: at})
	if err != nil {
		t.Fatalf("log %v: %v", at, err)
	}
	return r
}

// sameReachOut compares every field, the time as an instant and an offset.
func sameReachOut(a, b model.ReachOut) bool {
	_, offA := a.At.Zone()
	_, offB := b.At.Zone()
	if !a.At.Equal(b.At) || offA != offB {
		return false
	}
	a.At, b.At = time.Time{}, time.Time{}
	return a == b
}

func ids(rs []model.ReachOut) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// TestReachOutKeepsItsLocalTime: 23:30 in UTC-5 is 04:30 the next day in
// UTC; it stays on the evening it happened, with the wall clock it had.
func TestReachOutKeepsItsLocalTime(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	zoe := addContact(t, s, "Zoë")
	at := time.Date(2026, 3, 8, 23, 30, 0, 987, eastern)
	in := model.ReachOut{
		ContactID: zoe, At: at, Channel: model.ChannelVideo, Direction: model.DirectionSupported,
		Note: "  Her first week.\n\tTold her about mine.  \n", Helped: model.HelpedSomewhat,
	}
	saved, err := s.SaveReachOut(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID == 0 || saved.ContactID != zoe || saved.ContactName != "Zoë" ||
		saved.Channel != model.ChannelVideo || saved.Direction != model.DirectionSupported ||
		saved.Note != "Her first week.\n\tTold her about mine." || saved.Helped != model.HelpedSomewhat {
		t.Errorf("saved %+v", saved)
	}
	if got := saved.At.Format("2006-01-02 15:04:05 -0700"); got != "2026-03-08 23:30:00 -0500" {
		t.Errorf("At reads back as %s; want 2026-03-08 23:30:00 -0500", got)
	}
	if !saved.At.Equal(at.Truncate(time.Second)) || saved.Day() != (model.Date{Year: 2026, Month: 3, Day: 8}) {
		t.Errorf("At %v, day %v", saved.At, saved.Day())
	}
	var day string
	s.db.QueryRow(`SELECT day FROM reach_outs WHERE id = ?`, saved.ID).Scan(&day)
	if day != "2026-03-08" {
		t.Errorf("stored day %q; want the local day 2026-03-08", day)
	}

	on8, _ := s.ReachOutsBetween(ctx, model.Date{Year: 2026, Month: 3, Day: 8}, model.Date{Year: 2026, Month: 3, Day: 8})
	on9, _ := s.ReachOutsBetween(ctx, testToday, testToday)
	if len(on8) != 1 || len(on9) != 0 {
		t.Errorf("on the 8th %d, on the 9th %d; want 1 and 0", len(on8), len(on9))
	}
	if len(on8) == 1 && !sameReachOut(on8[0], saved) {
		t.Errorf("ReachOutsBetween gave %+v; saved %+v", on8[0], saved)
	}
	list, _ := s.Contacts(ctx, false, testToday)
	if len(list) != 1 || !list[0].LastContact.Equal(saved.At) || list[0].LastContact.Format("15:04 -0700") != "23:30 -0500" {
		t.Errorf("LastContact %v", list)
	}
	c, _ := s.Contact(ctx, zoe)
	if !c.LastContact.Equal(saved.At) || c.Reached30 != 1 {
		t.Errorf("Contact: LastContact %v, Reached30 %d", c.LastContact, c.Reached30)
	}
}

func TestSaveReachOutDefaultsAndUpdate(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam, rosa := addContact(t, s, "Sam"), addContact(t, s, "Rosa")
	first := logAt(t, s, sam, fixedNow.Add(-2*time.Hour))
	if first.Channel != model.ChannelCall || first.Direction != model.DirectionMine || first.Helped != model.HelpedUnsaid {
		t.Errorf("defaults: %+v", first)
	}
	edit := first
	edit.ContactID, edit.ContactName = rosa, "ignored"
	edit.At = first.At.In(kiritimati)
	edit.Channel, edit.Helped = model.ChannelText, model.HelpedYes
	saved, err := s.SaveReachOut(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID != first.ID || saved.ContactID != rosa || saved.ContactName != "Rosa" ||
		saved.Channel != model.ChannelText || saved.Helped != model.HelpedYes {
		t.Errorf("update: %+v", saved)
	}
	if _, off := saved.At.Zone(); off != 14*60*60 {
		t.Errorf("offset %d after editing the zone", off)
	}
	if got, _ := historyOf(s, ctx, sam, 0); len(got) != 0 {
		t.Errorf("Sam still has %v", got)
	}

	missing := edit
	missing.ID = first.ID + 100
	if _, err := s.SaveReachOut(ctx, missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing reach-out: %v; want ErrNotFound", err)
	}
}

func TestSaveReachOutRefuses(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam := addContact(t, s, "Sam")
	good := model.ReachOut{ContactID: sam, At: fixedNow.Add(-time.Hour)}
	tests := []struct {
		name  string
		edit  func(r *model.ReachOut)
		field string
	}{
		{"no contact", func(r *model.ReachOut) { r.ContactID = 0 }, model.FieldContact},
		{"contact not in the journal", func(r *model.ReachOut) { r.ContactID = sam + 1 }, model.FieldContact},
		{"no time", func(r *model.ReachOut) { r.At = time.Time{} }, model.FieldAt},
		{"an hour ahead", func(r *model.ReachOut) { r.At = fixedNow.Add(time.Hour) }, model.FieldAt},
		{"year 1850", func(r *model.ReachOut) { r.At = time.Date(1850, 1, 1, 12, 0, 0, 0, time.UTC) }, model.FieldAt},
		{"offset of 20 hours", func(r *model.ReachOut) { r.At = r.At.In(time.FixedZone("", 20*60*60)) }, model.FieldAt},
		{"unknown channel", func(r *model.ReachOut) { r.Channel = "pigeon" }, model.FieldChannel},
		{"unknown direction", func(r *model.ReachOut) { r.Direction = "sideways" }, model.FieldDirection},
		{"unknown answer", func(r *model.ReachOut) { r.Helped = "maybe" }, model.FieldHelped},
		{"escape sequence", func(r *model.ReachOut) { r.Note = "hi \x1b[2J" }, model.FieldNote},
		{"long note", func(r *model.ReachOut) { r.Note = strings.Repeat("ä", model.MaxNoteLen+1) }, model.FieldNote},
	}
	stored := logAt(t, s, sam, fixedNow.Add(-3*time.Hour))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, id := range []int64{0, stored.ID} {
				r := good
				r.ID = id
				tt.edit(&r)
				_, err := s.SaveReachOut(ctx, r)
				var p model.Problems
				if !errors.As(err, &p) || p[tt.field] == "" {
					t.Errorf("id %d: error %v; want model.Problems about %s", id, err, tt.field)
				}
				if err != nil && strings.Contains(err.Error(), "\n") {
					t.Errorf("message %q is not one line", err)
				}
			}
			all, _ := historyOf(s, ctx, sam, 0)
			if len(all) != 1 || !sameReachOut(all[0], stored) {
				t.Errorf("the log changed: %+v", all)
			}
		})
	}
}

// TestArchivedContactKeepsHistory: reach-outs can be logged with an archived
// contact, and their history stays through archive and restore.
func TestArchivedContactKeepsHistory(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	ruth := addContact(t, s, "Ruth")
	before := logAt(t, s, ruth, fixedNow.Add(-72*time.Hour))
	if err := s.SetArchived(ctx, ruth, true); err != nil {
		t.Fatal(err)
	}
	card := logAt(t, s, ruth, fixedNow.Add(-time.Hour)) // sent her a card after she retired
	check := func(when string) {
		t.Helper()
		hist, err := historyOf(s, ctx, ruth, 10)
		if err != nil || !slices.Equal(ids(hist), []int64{card.ID, before.ID}) {
			t.Errorf("%s: ContactHistory = %v, %v", when, ids(hist), err)
		}
		week, err := s.ReachOutsBetween(ctx, testToday.AddDays(-6), testToday)
		if err != nil || !slices.Equal(ids(week), []int64{before.ID, card.ID}) {
			t.Errorf("%s: ReachOutsBetween = %v, %v", when, ids(week), err)
		}
		for _, r := range week {
			if r.ContactName != "Ruth" {
				t.Errorf("%s: name %q", when, r.ContactName)
			}
		}
	}
	check("archived")
	gone, _ := s.Contacts(ctx, true, testToday)
	if len(gone) != 1 || !gone[0].LastContact.Equal(card.At) || gone[0].Reached30 != 2 {
		t.Errorf("archived list: %+v", gone)
	}
	if err := s.SetArchived(ctx, ruth, false); err != nil {
		t.Fatal(err)
	}
	check("restored")
}

// TestLastContactIsTheLatest even when entries were logged out of order,
// in different zones, or on the same second.
func TestLastContactIsTheLatest(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam, never := addContact(t, s, "Sam"), addContact(t, s, "Never reached")
	// Stored to the second; at UTC+14 it is already tomorrow.
	latest := fixedNow.Add(-5 * time.Hour).Truncate(time.Second).In(kiritimati)
	logAt(t, s, sam, fixedNow.Add(-2*24*time.Hour))
	logAt(t, s, sam, latest)
	logAt(t, s, sam, fixedNow.Add(-6*time.Hour).In(eastern)) // logged last, happened earlier
	logAt(t, s, sam, fixedNow.Add(-400*24*time.Hour))        // back-filled from an old diary

	list, err := s.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.Contact{}
	for _, c := range list {
		got[c.Name] = c
	}
	if c := got["Sam"]; !c.LastContact.Equal(latest) || c.LastContact.Format("2006-01-02 15:04") != latest.Format("2006-01-02 15:04") {
		t.Errorf("LastContact %v; want %v", c.LastContact, latest)
	}
	// The latest fell on tomorrow's date where it was logged, and the
	// window ends today; the diary entry is long before it.
	if c := got["Sam"]; c.Reached30 != 2 {
		t.Errorf("Reached30 %d; want 2", c.Reached30)
	}
	if c := got["Never reached"]; !c.LastContact.IsZero() || c.Reached30 != 0 {
		t.Errorf("never reached: %v, %d", c.LastContact, c.Reached30)
	}
	if c, _ := s.Contact(ctx, never); !c.LastContact.IsZero() {
		t.Errorf("Contact(never) LastContact %v", c.LastContact)
	}

	// Two on the same second: the one logged later wins, the same way every
	// time.
	tie := logAt(t, s, sam, latest.In(time.UTC))
	c, _ := s.Contact(ctx, sam)
	if _, off := c.LastContact.Zone(); !c.LastContact.Equal(latest) || off != 0 {
		t.Errorf("tie: LastContact %v; want the later entry, in UTC", c.LastContact)
	}
	if hist, _ := historyOf(s, ctx, sam, 2); len(hist) != 2 || hist[0].ID != tie.ID {
		t.Errorf("ContactHistory(2) = %v", ids(hist))
	}
}

// TestReached30Window counts the reach-outs on the local days today-29 to
// today, inclusive, whatever zone they were logged in.
func TestReached30Window(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam, other := addContact(t, s, "Sam"), addContact(t, s, "Other")
	first := testToday.AddDays(-29) // 2026-02-08
	local := func(d model.Date, h, m int, loc *time.Location) time.Time {
		return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, loc)
	}
	in := []time.Time{
		// The first day of the window, just after midnight at UTC+14: in
		// UTC still the day before.
		local(first, 0, 5, kiritimati),
		// Today, in the evening.
		local(testToday, 20, 0, time.UTC),
		// Mid-window.
		local(testToday.AddDays(-10), 12, 0, eastern),
	}
	out := []time.Time{
		// The day before the window, late at UTC-12: in UTC already the
		// first day of the window.
		local(first.AddDays(-1), 23, 55, bakerIsland),
		local(first.AddDays(-1), 12, 0, time.UTC),
	}
	for _, at := range append(in, out...) {
		logAt(t, s, sam, at)
	}
	logAt(t, s, other, local(testToday, 9, 0, time.UTC))

	list, err := s.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		want := map[string]int{"Sam": len(in), "Other": 1}[c.Name]
		if c.Reached30 != want {
			t.Errorf("%s: Reached30 %d; want %d", c.Name, c.Reached30, want)
		}
		// A person's details count them as the list does, beside their
		// whole history, however few of it they read.
		logged := map[string]int{"Sam": len(in) + len(out), "Other": 1}[c.Name]
		for _, limit := range []int{0, 1} {
			hist, n, err := s.ContactHistory(ctx, c.ID, testToday, limit)
			read := logged
			if limit > 0 {
				read = min(logged, limit)
			}
			if err != nil || n != want || len(hist) != read {
				t.Errorf("%s: ContactHistory(%d) = %d reach-outs, %d in 30 days, %v; want %d in 30 days", c.Name, limit, len(hist), n, err, want)
			}
		}
	}
	// As of a day long after, nothing is recent; as of no day, nothing is
	// counted.
	for _, today := range []model.Date{testToday.AddDays(60), {}} {
		list, _ = s.Contacts(ctx, false, today)
		for _, c := range list {
			if c.Reached30 != 0 || c.LastContact.IsZero() {
				t.Errorf("as of %v: %s Reached30 %d, LastContact %v", today, c.Name, c.Reached30, c.LastContact)
			}
			if _, n, _ := s.ContactHistory(ctx, c.ID, today, 0); n != 0 {
				t.Errorf("as of %v: %s's details count %d in 30 days", today, c.Name, n)
			}
		}
	}
}

func TestDeleteReachOut(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam := addContact(t, s, "Sam")
	keep := logAt(t, s, sam, fixedNow.Add(-48*time.Hour))
	oops := logAt(t, s, sam, fixedNow.Add(-time.Hour))
	if err := s.DeleteReachOut(ctx, oops.ID); err != nil {
		t.Fatal(err)
	}
	if hist, _ := historyOf(s, ctx, sam, 0); !slices.Equal(ids(hist), []int64{keep.ID}) {
		t.Errorf("after delete: %v", ids(hist))
	}
	if c, _ := s.Contact(ctx, sam); !c.LastContact.Equal(keep.At) {
		t.Errorf("LastContact %v after deleting the latest; want %v", c.LastContact, keep.At)
	}
	err := s.DeleteReachOut(ctx, oops.ID)
	if !errors.Is(err, ErrNotFound) || !strings.HasPrefix(err.Error(), "delete reach-out") {
		t.Errorf("deleting again: %v; want ErrNotFound", err)
	}
}

func TestReachOutsBetweenOrderAndNames(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam, rosa := addContact(t, s, "Sam"), addContact(t, s, "Rosa")
	d := func(n int) time.Time { return fixedNow.Add(-time.Duration(n) * time.Hour) }
	r3 := logAt(t, s, rosa, d(30))
	r1 := logAt(t, s, sam, d(80))
	r4 := logAt(t, s, sam, d(2))
	r2 := logAt(t, s, rosa, d(50))
	logAt(t, s, sam, d(24*20)) // outside

	got, err := s.ReachOutsBetween(ctx, testToday.AddDays(-4), testToday)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(got), []int64{r1.ID, r2.ID, r3.ID, r4.ID}) {
		t.Errorf("order %v; want oldest first", ids(got))
	}
	// Names come from the contact now: renaming renames the history.
	c, _ := s.Contact(ctx, rosa)
	c.Name = "Rosa M."
	if _, err := s.SaveContact(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ = s.ReachOutsBetween(ctx, testToday.AddDays(-4), testToday)
	for _, r := range got {
		if want := map[int64]string{sam: "Sam", rosa: "Rosa M."}[r.ContactID]; r.ContactName != want {
			t.Errorf("reach-out %d: name %q; want %q", r.ID, r.ContactName, want)
		}
	}
	if all, _ := s.ReachOutsBetween(ctx, model.Date{}, model.Date{}); len(all) != 5 {
		t.Errorf("open range: %d", len(all))
	}
	if none, err := s.ReachOutsBetween(ctx, testToday, testToday.AddDays(-1)); len(none) != 0 || err != nil {
		t.Errorf("reversed range: %v, %v", none, err)
	}
	if none, err := historyOf(s, ctx, 999, 5); len(none) != 0 || err != nil {
		t.Errorf("ContactHistory(missing) = %v, %v", none, err)
	}
}

func TestAddReachOutsAllOrNothing(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	sam := addContact(t, s, "Sam")
	count := func() int {
		all, err := s.ReachOutsBetween(ctx, model.Date{}, model.Date{})
		if err != nil {
			t.Fatal(err)
		}
		return len(all)
	}
	var batch []model.ReachOut
	for i := range 50 {
		batch = append(batch, model.ReachOut{ContactID: sam, At: fixedNow.Add(-time.Duration(i) * 24 * time.Hour)})
	}
	bad := slices.Clone(batch)
	bad[7].Channel = "pigeon"
	err := s.AddReachOuts(ctx, bad)
	var re *ReachOutError
	var p model.Problems
	if !errors.As(err, &re) || re.Index != 7 || !errors.As(err, &p) || !strings.Contains(err.Error(), "reach-out #8: channel") {
		t.Errorf("error %v; want a *ReachOutError for #8", err)
	}
	bad = slices.Clone(batch)
	bad[30].ContactID = sam + 1
	if err := s.AddReachOuts(ctx, bad); !errors.As(err, &re) || re.Index != 30 || re.Problems[model.FieldContact] == "" {
		t.Errorf("unknown contact: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.AddReachOuts(cancelled, batch); err == nil {
		t.Error("a cancelled batch succeeded")
	}
	if n := count(); n != 0 {
		t.Fatalf("%d reach-outs written by refused batches", n)
	}

	// A history from elsewhere is taken as written, even dated ahead of
	// this machine's clock.
	batch[0].At = fixedNow.Add(48 * time.Hour)
	if err := s.AddReachOuts(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 50 {
		t.Errorf("%d stored; want 50", n)
	}
	if err := s.AddReachOuts(ctx, nil); err != nil {
		t.Errorf("AddReachOuts(nil) = %v", err)
	}
}

// queryPlan is SQLite's plan for query, one step per element.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, " | ")
}

// TestLogQueriesUseIndexes: the contact list with its derived facts is one
// query that reads the reach-outs only through an index by person (a seek
// per contact into their days, never a scan), and the screens' other questions read one
// range of an index each, already in order.
func TestLogQueriesUseIndexes(t *testing.T) {
	s := openStore(t)
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string
	}{
		{"contact list", contactListSQL, append(window30(testToday), false), []string{
			"SEARCH c USING INDEX contacts_list (archived=?)",
			"SEARCH w USING COVERING INDEX reach_outs_contact_day (contact_id=? AND day>? AND day<?)",
		}},
		{"one contact", contactByIDSQL, append(window30(testToday), 1), []string{
			"SEARCH c USING INTEGER PRIMARY KEY (rowid=?)",
			"SEARCH w USING COVERING INDEX reach_outs_contact_day (contact_id=? AND day>? AND day<?)",
		}},
		{"a contact's last reach-out, as the triggers keep it", refreshLastReachOut(`id = ?`), []any{1}, []string{
			"SEARCH contacts USING INTEGER PRIMARY KEY (rowid=?)",
			"SEARCH r USING INDEX reach_outs_contact (contact_id=?)",
		}},
		{"history", `SELECT ` + reachOutColumns + ` FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
			WHERE r.contact_id = ? ORDER BY r.at_unix DESC, r.id DESC LIMIT ?`, []any{1, 10}, []string{
			"USING INDEX reach_outs_contact (contact_id=?)",
		}},
		{"days of the log", reachOutsBetweenSQL, []any{"2026-02-24", "2026-03-09"}, []string{
			"SEARCH r USING INDEX reach_outs_day (day>? AND day<?)",
			"SEARCH c USING INTEGER PRIMARY KEY (rowid=?)",
		}},
		{"days checked in", checkInDaysSQL, nil, []string{
			"SCAN check_ins USING COVERING INDEX sqlite_autoindex_check_ins_1",
		}},
		{"check-ins of a range", `SELECT ` + checkInColumns + ` FROM check_ins WHERE day BETWEEN ? AND ? ORDER BY day`,
			[]any{"2026-02-24", "2026-03-09"}, []string{
				"SEARCH check_ins USING INDEX sqlite_autoindex_check_ins_1 (day>? AND day<?)",
			}},
	}
	for _, tt := range tests {
		plan := queryPlan(t, s, tt.query, tt.args...)
		for _, want := range tt.want {
			if !strings.Contains(plan, want) {
				t.Errorf("%s: plan %s\nlacks %s", tt.name, plan, want)
			}
		}
		for _, never := range []string{"SCAN r", "SCAN w", "SCAN last", "SCAN reach_outs", "TEMP B-TREE"} {
			if strings.Contains(plan, never) {
				t.Errorf("%s: plan %s\nhas %s", tt.name, plan, never)
			}
		}
	}
}
