package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// keptSummaries are schema 11's summaries, each with the query that
// recounts it from the rows.
var keptSummaries = []struct{ table, columns, recount string }{
	{"reach_out_days", "day, circle, kind, n", reachOutDaysRecount},
	{"week_people", "monday, contact_id, n", weekPeopleRecount},
	{"week_counts", "monday, people", weekCountsFrom("(" + weekPeopleRecount + ")")},
	{"silences", "contact_id, from_day, until_day, archived, importance, name_key", silencesRecount},
	{"fade_changes", "day, n", fadeChangesFrom("(" + silencesRecount + ")")},
	{"last_days", "day, n", lastDaysFrom("(" + silencesRecount + ")")},
	{"circle_people", "circle, n", circlePeopleRecount},
	{"using_days", "day, contact_id, n", usingDaysRecount},
}

// checkSummaries holds every kept summary to a recount from the rows:
// the same rows, no more, no fewer.
func checkSummaries(t testing.TB, db querier, what string) {
	t.Helper()
	ctx := context.Background()
	for _, k := range keptSummaries {
		kept := `SELECT ` + k.columns + ` FROM ` + k.table
		for _, diff := range []struct{ name, query string }{
			{"kept, not in the rows", kept + ` EXCEPT SELECT * FROM (` + k.recount + `)`},
			{"in the rows, not kept", `SELECT * FROM (` + k.recount + `) EXCEPT ` + kept},
		} {
			rows, err := db.QueryContext(ctx, diff.query+` LIMIT 5`)
			if err != nil {
				t.Fatalf("%s: %s: %v", what, k.table, err)
			}
			for _, r := range scanAll(t, rows) {
				t.Errorf("%s: %s %s: %s", what, k.table, diff.name, strings.Join(r, " | "))
			}
		}
	}
}

// scanAll reads every row as text.
func scanAll(t testing.TB, rows *sql.Rows) [][]string {
	t.Helper()
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// summaryFixture drives a journal with random writes and checks, after
// each, that the kept summaries are a recount of the rows, and that what
// is read from them is what the model computes from the rows.
type summaryFixture struct {
	t      *testing.T
	ctx    context.Context
	s      *Store
	rng    *rand.Rand
	people []int64
}

// zones are where reach-outs are logged from. Each is logged at noon of
// its local day, so that a later day is always a later instant and a
// person's last contact by day is their last by time (as it is for anyone
// who does not cross the date line between two calls).
var summaryZones = []*time.Location{time.UTC, time.FixedZone("east", 5*3600+1800), time.FixedZone("west", -8*3600), kiritimati}

func (f *summaryFixture) at() time.Time {
	d := testToday.AddDays(-f.rng.IntN(150))
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, summaryZones[f.rng.IntN(len(summaryZones))])
}

func (f *summaryFixture) person() int64 { return f.people[f.rng.IntN(len(f.people))] }

func (f *summaryFixture) addPerson() {
	c, err := f.s.SaveContact(f.ctx, model.Contact{
		Name:       fmt.Sprintf("Person %d", len(f.people)+1),
		Circle:     model.Circles[f.rng.IntN(len(model.Circles))],
		Stance:     model.Stances[f.rng.IntN(len(model.Stances))],
		Importance: f.rng.IntN(3),
		AnyTime:    f.rng.IntN(3) == 0,
	})
	if err != nil {
		f.t.Fatal(err)
	}
	f.people = append(f.people, c.ID)
}

// log is every reach-out in the journal, oldest first.
func (f *summaryFixture) log() []model.ReachOut {
	rs, err := f.s.ReachOutsBetween(f.ctx, model.Date{}, model.Date{})
	if err != nil {
		f.t.Fatal(err)
	}
	return rs
}

// everyone is every contact, active and archived.
func (f *summaryFixture) everyone() []model.Contact {
	active, err := f.s.Contacts(f.ctx, false, testToday)
	if err != nil {
		f.t.Fatal(err)
	}
	archived, err := f.s.Contacts(f.ctx, true, testToday)
	if err != nil {
		f.t.Fatal(err)
	}
	return append(active, archived...)
}

// step makes one random change.
func (f *summaryFixture) step() string {
	ctx, t, rng := f.ctx, f.t, f.rng
	log := f.log()
	switch op := rng.IntN(20); {
	case op < 1 || len(f.people) < 3:
		f.addPerson()
		return "a new person"
	case op < 8 || len(log) == 0:
		if _, err := f.s.SaveReachOut(ctx, model.ReachOut{ContactID: f.person(), At: f.at()}); err != nil {
			t.Fatal(err)
		}
		return "a reach-out"
	case op < 11:
		r := log[rng.IntN(len(log))]
		if rng.IntN(2) == 0 {
			r.At = f.at()
		}
		if rng.IntN(2) == 0 {
			r.ContactID = f.person()
		}
		if _, err := f.s.SaveReachOut(ctx, r); err != nil {
			t.Fatal(err)
		}
		return "a reach-out moved"
	case op < 14:
		if err := f.s.DeleteReachOut(ctx, log[rng.IntN(len(log))].ID); err != nil {
			t.Fatal(err)
		}
		return "a reach-out deleted"
	case op < 15:
		batch := []model.ReachOut{{ContactID: f.person(), At: f.at()}, {ContactID: f.person(), At: f.at()}, {ContactID: f.person(), At: f.at()}}
		if err := f.s.AddReachOuts(ctx, batch); err != nil {
			t.Fatal(err)
		}
		return "a batch of reach-outs"
	case op < 17:
		c, err := f.s.Contact(ctx, f.person())
		if err != nil {
			t.Fatal(err)
		}
		c.Circle = model.Circles[rng.IntN(len(model.Circles))]
		c.Stance = model.Stances[rng.IntN(len(model.Stances))]
		c.Importance = rng.IntN(4)
		if rng.IntN(3) == 0 {
			c.Name = fmt.Sprintf("%c%s", 'A'+rng.IntN(26), c.Name)
		}
		if _, err := f.s.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
		return "a circle, stance, importance or name changed"
	default:
		c, err := f.s.Contact(ctx, f.person())
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.SetArchived(ctx, c.ID, !c.Archived); err != nil {
			t.Fatal(err)
		}
		return "archived or back"
	}
}

// lastUpTo is each person's last contact on or before day.
func lastUpTo(log []model.ReachOut, day model.Date) map[int64]time.Time {
	out := map[int64]time.Time{}
	for _, r := range log {
		if !r.Day().After(day) && !r.At.Before(out[r.ContactID]) {
			out[r.ContactID] = r.At
		}
	}
	return out
}

// checkReads compares what Health, Faded, CircleMembers and UsingPeople
// read from the summaries with the model's figures over the whole log.
func (f *summaryFixture) checkReads(what string) {
	t, ctx := f.t, f.ctx
	t.Helper()
	log, people := f.log(), f.everyone()
	windows := [][2]model.Date{{testToday.AddDays(-13), testToday}, {testToday.AddDays(-83), testToday}}
	for range 4 {
		w := model.WeekOf(testToday.AddDays(-f.rng.IntN(160)))
		from := testToday.AddDays(-f.rng.IntN(160))
		windows = append(windows, [2]model.Date{w.Monday(), w.Sunday()}, [2]model.Date{from, from.AddDays(f.rng.IntN(60))})
	}
	for _, win := range windows {
		got, err := f.s.Health(ctx, win[0], win[1])
		if err != nil {
			t.Fatal(err)
		}
		want := model.HealthOver(win[0], win[1], log, people, lastUpTo(log, win[1]))
		want.Faded, want.FadedCount = nil, 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Health(%s, %s) =\n%+v\nthe log says\n%+v", what, win[0], win[1], got, want)
		}
	}
	for range 4 {
		ref := testToday.AddDays(-f.rng.IntN(170))
		want := model.HealthOver(ref, ref, log, people, lastUpTo(log, ref)).Faded
		got, total, err := f.s.Faded(ctx, ref, 0, len(people))
		if err != nil {
			t.Fatal(err)
		}
		if total != len(want) || !sameFaded(got, want) {
			t.Errorf("%s: Faded(%s) = %d: %s\nthe log says %d: %s", what, ref, total, fadedWords(got), len(want), fadedWords(want))
		}
		off, limit := f.rng.IntN(len(want)+1), 1+f.rng.IntN(3)
		part, _, err := f.s.Faded(ctx, ref, off, limit)
		if err != nil {
			t.Fatal(err)
		}
		if w := want[off:min(off+limit, len(want))]; !sameFaded(part, w) {
			t.Errorf("%s: Faded(%s) from %d, %d of them = %s; want %s", what, ref, off, limit, fadedWords(part), fadedWords(w))
		}
	}
	circles, err := f.s.CircleMembers(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	for c, want := range model.CircleMembersOf(people, 2) {
		got := circles[c]
		if got.Count != want.Count || names(got.First) != names(want.First) {
			t.Errorf("%s: circle %s = %d %s; want %d %s", what, c, got.Count, names(got.First), want.Count, names(want.First))
		}
	}
	from := testToday.AddDays(-83)
	ties := model.RiskyTies(people, log, nil, from, testToday)
	using, total, err := f.s.UsingPeople(ctx, from, testToday, 3)
	if err != nil {
		t.Fatal(err)
	}
	var want []model.Contact
	for _, tie := range ties[:min(3, len(ties))] {
		want = append(want, tie.Contact)
	}
	if total != len(ties) || idNames(using) != idNames(want) {
		t.Errorf("%s: UsingPeople = %d %s; want %d %s", what, total, idNames(using), len(ties), idNames(want))
	}
	for range 3 {
		f.checkQuiet(what, log, people, testToday.AddDays(-f.rng.IntN(150)))
	}
	f.checkQuiet(what, log, people, testToday)
	f.checkDays(what, log)
	ids := []int64{f.person(), f.person()}
	moments, err := f.s.MomentsWith(ctx, ids, from, testToday)
	if err != nil {
		t.Fatal(err)
	}
	var wantMoments []string
	for _, r := range log {
		if slices.Contains(ids, r.ContactID) && !r.Day().Before(from) && !r.Day().After(testToday) {
			wantMoments = append(wantMoments, fmt.Sprint(r.ID, r.ContactID, r.At))
		}
	}
	var gotMoments []string
	for _, r := range moments {
		gotMoments = append(gotMoments, fmt.Sprint(r.ID, r.ContactID, r.At))
	}
	if !slices.Equal(gotMoments, wantMoments) {
		t.Errorf("%s: MomentsWith(%v) = %v; want %v", what, ids, gotMoments, wantMoments)
	}
}

// checkQuiet holds what Today reads from the summaries as of ref (the
// quiet-network word's figures, the week so far) to a count of the log.
func (f *summaryFixture) checkQuiet(what string, log []model.ReachOut, people []model.Contact, ref model.Date) {
	t := f.t
	t.Helper()
	byID := map[int64]model.Contact{}
	for _, c := range people {
		byID[c.ID] = c
	}
	from := ref.AddDays(1 - model.QuietWindow)
	earlier, monday := from.AddDays(-model.QuietBefore), model.WeekOf(ref).Monday()
	var want model.QuietFacts
	circles, before := map[model.Circle]bool{}, map[model.Circle]bool{}
	weekPeople, supportive := map[int64]bool{}, map[model.Date]bool{}
	for _, r := range log {
		d, c := r.Day(), byID[r.ContactID]
		if d.After(ref) {
			continue
		}
		if r.Direction != model.DirectionTheirs && d.After(want.LastMine) {
			want.LastMine = d
		}
		counted := c.Stance != model.StanceSupportsUsing
		switch {
		case !d.Before(from):
			if r.Direction == model.DirectionTheirs {
				want.Theirs++
			} else {
				want.Mine++
			}
			circles[c.Circle] = circles[c.Circle] || counted
		case !d.Before(earlier):
			before[c.Circle] = before[c.Circle] || counted
		}
		if !d.Before(monday) {
			weekPeople[r.ContactID] = true
			supportive[d] = supportive[d] || c.IsSupportive()
		}
	}
	for _, c := range model.Circles {
		if circles[c] {
			want.Circles = append(want.Circles, c)
		}
		if before[c] {
			want.CirclesBefore++
		}
	}
	got, err := f.s.QuietFacts(f.ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	got.Dismissed = model.Date{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: QuietFacts(%s) =\n%+v\nthe log says\n%+v", what, ref, got, want)
	}
	wantSupportive := 0
	for _, yes := range supportive {
		if yes {
			wantSupportive++
		}
	}
	gotPeople, days, err := f.s.WeekGlance(f.ctx, monday, ref)
	if err != nil {
		t.Fatal(err)
	}
	if gotPeople != len(weekPeople) || days != wantSupportive {
		t.Errorf("%s: WeekGlance(%s, %s) = %d people, %d supportive days; the log says %d, %d",
			what, monday, ref, gotPeople, days, len(weekPeople), wantSupportive)
	}
}

// checkDays holds ReachOutsOnDays to the log: each day's count, and its
// first reach-outs in the log's order.
func (f *summaryFixture) checkDays(what string, log []model.ReachOut) {
	t := f.t
	t.Helper()
	from := testToday.AddDays(-f.rng.IntN(150))
	to, perDay := from.AddDays(f.rng.IntN(20)), 1+f.rng.IntN(3)
	wantCounts := map[model.Date]int{}
	var want []string
	for _, r := range log {
		if d := r.Day(); !d.Before(from) && !d.After(to) {
			if wantCounts[d]++; wantCounts[d] <= perDay {
				want = append(want, fmt.Sprint(r.ID, r.ContactName, r.At))
			}
		}
	}
	rs, counts, err := f.s.ReachOutsOnDays(f.ctx, from, to, perDay)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprint(r.ID, r.ContactName, r.At))
	}
	if !slices.Equal(got, want) || !maps.Equal(counts, wantCounts) {
		t.Errorf("%s: ReachOutsOnDays(%s, %s, %d) =\n%v %v\nthe log says\n%v %v", what, from, to, perDay, got, counts, want, wantCounts)
	}
}

func sameFaded(got, want []model.Contact) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].ID != want[i].ID || !got[i].LastContact.Equal(want[i].LastContact) {
			return false
		}
	}
	return true
}

// names is people as their names.
func names(cs []model.Contact) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.Name)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// idNames is people as their ids and names.
func idNames(cs []model.Contact) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%d %s", c.ID, c.Name))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// fadedWords is people as their ids, names and days of last contact.
func fadedWords(cs []model.Contact) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%d %s %s", c.ID, c.Name, c.LastContact.Format(time.DateOnly)))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Every way the log and its people change — a reach-out logged, moved to
// another day or person, deleted, a batch, a person's circle, stance,
// importance or name changed, archived and back, an import — leaves every
// kept summary equal to a recount of the rows, and what is read from them
// equal to the model's figures from the whole log.
func TestSummariesKeptThroughEveryChange(t *testing.T) {
	ctx := context.Background()
	f := &summaryFixture{t: t, ctx: ctx, s: openStore(t), rng: rand.New(rand.NewPCG(22, 11))}
	for range 5 {
		f.addPerson()
	}
	for step := range 400 {
		what := fmt.Sprintf("step %d (%s)", step, f.step())
		checkSummaries(t, f.s.db, what)
		if step%20 == 19 {
			f.checkReads(what)
		}
		if step == 200 {
			src := openStore(t)
			fill(t, src)
			if _, err := f.s.Import(ctx, exportAll(t, src), false); err != nil {
				t.Fatal(err)
			}
			checkSummaries(t, f.s.db, "after an import")
			f.checkReads("after an import")
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}

// A journal made before the summaries gets them whole when it is opened.
func TestSummariesBuiltByTheMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 10)
	f := &summaryFixture{t: t, ctx: ctx, s: old, rng: rand.New(rand.NewPCG(3, 4))}
	// Written as a Tether of schema 10 wrote them: today's SaveContact
	// writes the keys of schema 12 too.
	for i := range 6 {
		c := model.Contact{Name: fmt.Sprintf("Person %d", i+1), Circle: model.Circles[f.rng.IntN(len(model.Circles))],
			Stance: model.Stances[f.rng.IntN(len(model.Stances))], Importance: f.rng.IntN(3)}
		res, err := old.db.ExecContext(ctx, `INSERT INTO contacts (name, name_key, circle, stance, importance, created_at, updated_at, uid)
			VALUES (?, ?, ?, ?, ?, ?, ?, `+newUIDSQL+`)`, c.Name, c.SortKey(), string(c.Circle), string(c.Stance), c.Importance, stamp(fixedNow), stamp(fixedNow))
		if err != nil {
			t.Fatal(err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			t.Fatal(err)
		}
		f.people = append(f.people, id)
	}
	var log []model.ReachOut
	for range 200 {
		log = append(log, model.ReachOut{ContactID: f.person(), At: f.at()})
	}
	if err := old.AddReachOuts(ctx, log); err != nil {
		t.Fatal(err)
	}
	if err := old.SetArchived(ctx, f.people[0], true); err != nil {
		t.Fatal(err)
	}
	old.db.Close()
	s := openAt(t, path)
	checkSummaries(t, s.db, "after the migration")
	f.s = s
	f.checkReads("after the migration")
}
