package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// journalAtVersion builds a journal at path as a Tether that knew only the
// first n migrations left it.
func journalAtVersion(t *testing.T, path string, n int) *Store {
	t.Helper()
	if _, err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{Now: func() time.Time { return fixedNow }, db: db, path: path, schema: n}
	if err := s.migrateTo(context.Background(), n); err != nil {
		db.Close()
		t.Fatal(err)
	}
	return s
}

func userVersion(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMigrateFromV1KeepsContacts opens a journal written by schema 1 (the
// contacts-only Tether): Open takes it to the latest version, and every
// contact, archived or not, comes back with every field and tag.
func TestMigrateFromV1KeepsContacts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 1)
	if v := userVersion(t, old); v != 1 {
		t.Fatalf("the old journal is at version %d", v)
	}
	full := fullContact()
	archived := fullContact()
	archived.Name, archived.Archived, archived.Tags = "Chris Walsh", true, []string{"boundaries", "ex", "Église"}
	archived.CreatedAt = time.Date(2017, 6, 1, 20, 0, 0, 0, time.UTC)
	plain := model.Contact{Name: "王芳"}
	in := []model.Contact{full, archived, plain}
	ids := addOldContacts(t, old, in)
	if err := old.SetSetting(ctx, "region", "IE"); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"reach_outs", "check_ins"} {
		var n int
		old.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = ?`, table).Scan(&n)
		if n != 0 {
			t.Fatalf("schema 1 already has %s", table)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s := openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Fatalf("after Open: user_version %d; want the latest, %d", v, latestVersion())
	}
	active, err := s.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.Contacts(ctx, true, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(active) != 2 || len(gone) != 1 {
		t.Fatalf("%d active and %d archived contacts; want 2 and 1", len(active), len(gone))
	}
	got := map[int64]model.Contact{}
	for _, c := range append(active, gone...) {
		got[c.ID] = c
	}
	for i, c := range in {
		want := c.Normalize()
		want.ID = ids[i]
		if want.CreatedAt.IsZero() {
			want.CreatedAt = fixedNow
		}
		want.UpdatedAt = want.CreatedAt
		if !equalContacts(got[ids[i]], want) {
			t.Errorf("contact %d after migration:\n got %+v\nwant %+v", i, got[ids[i]], want)
		}
	}
	if v, ok, err := s.Setting(ctx, "region"); v != "IE" || !ok || err != nil {
		t.Errorf("setting: %q, %v, %v", v, ok, err)
	}

	// The new tables work with the old contacts.
	if _, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: ids[1], At: fixedNow.Add(-time.Hour)}); err != nil {
		t.Errorf("reach-out to a migrated archived contact: %v", err)
	}
	if _, err := s.SaveCheckIn(ctx, model.CheckIn{Day: testToday, Mood: 4}); err != nil {
		t.Errorf("check-in after migration: %v", err)
	}
	checkIntegrity(t, s)

	// Opening again is a no-op.
	s.Close()
	s = openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Errorf("second Open: user_version %d", v)
	}
}

// checkIntegrity runs SQLite's own checks: the file's structure and every
// foreign key.
func checkIntegrity(t *testing.T, s *Store) {
	t.Helper()
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	rows, err := s.db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("foreign_key_check found rows pointing nowhere")
	}
}

// TestSchemaAcceptsEveryLogCode keeps migration 2's CHECK lists (frozen
// literals) in step with the model, as TestSchemaAcceptsEveryModelCode does
// for contacts: a new channel, direction, answer or limit needs a migration.
func TestSchemaAcceptsEveryLogCode(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	c, err := s.SaveContact(ctx, model.Contact{Name: "Sam"})
	if err != nil {
		t.Fatal(err)
	}
	at := fixedNow.Add(-time.Hour)
	save := func(what string, r model.ReachOut) {
		r.ContactID, r.At = c.ID, at
		if _, err := s.SaveReachOut(ctx, r); err != nil {
			t.Errorf("%s: %v (does the model have a code the schema does not? add a migration)", what, err)
		}
	}
	for _, ch := range model.LogChannels {
		save("channel "+string(ch), model.ReachOut{Channel: ch})
	}
	for _, d := range model.Directions {
		save("direction "+string(d), model.ReachOut{Direction: d})
	}
	for _, h := range model.HelpedAnswers {
		save("helped "+string(h), model.ReachOut{Helped: h})
	}

	day := testToday
	check := func(what string, ci model.CheckIn) {
		ci.Day = day
		day = day.AddDays(-1)
		if _, err := s.SaveCheckIn(ctx, ci); err != nil {
			t.Errorf("%s: %v (does the model allow what the schema does not? add a migration)", what, err)
		}
	}
	for _, d := range model.Difficulties[1:] {
		check("difficulty "+string(d), model.CheckIn{Difficulty: d})
	}
	for _, m := range []int{1, 5} {
		check("mood", model.CheckIn{Mood: m})
	}
	for _, n := range []int{0, model.MaxCraving} {
		check("craving", model.CheckIn{Craving: &n})
	}
	for _, n := range []int{0, model.MaxMeetings} {
		check("meetings", model.CheckIn{Meetings: &n})
	}
	for _, h := range []float64{0, 0.25, model.MaxSleepHours} {
		check("sleep", model.CheckIn{SleepHours: &h})
	}
}

// TestSchemaRefusesWhatTheModelWould: rows written around the store (a
// bug, a person with the sqlite3 shell) still cannot break the rules the
// queries rely on.
func TestSchemaRefusesWhatTheModelWould(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	c, err := s.SaveContact(ctx, model.Contact{Name: "Sam"})
	if err != nil {
		t.Fatal(err)
	}
	ok := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Errorf("%s %v: %v", q, args, err)
		}
	}
	bad := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err == nil {
			t.Errorf("%s %v was accepted", q, args)
		}
	}
	const ro = `INSERT INTO reach_outs (contact_id, at_unix, at_offset, day, channel, direction, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, 'x', 'x')`
	// 2026-03-09 04:30 UTC is 23:30 on the 8th in UTC-5.
	unix := time.Date(2026, 3, 9, 4, 30, 0, 0, time.UTC).Unix()
	ok(ro, c.ID, unix, -5*3600, "2026-03-08", "call", "mine")
	bad(ro, c.ID, unix, -5*3600, "2026-03-09", "call", "mine") // day is not the local day
	bad(ro, c.ID, unix, 0, "2026-3-9", "call", "mine")         // not YYYY-MM-DD
	bad(ro, c.ID, unix, 19*3600, "2026-03-09", "call", "mine") // offset beyond 18 hours
	bad(ro, c.ID, unix, 0, "2026-03-09", "carrier pigeon", "mine")
	bad(ro, c.ID, unix, 0, "2026-03-09", "call", "telepathy")
	bad(ro, c.ID, unix, 0, "2026-03-09", "", "mine")
	bad(ro, c.ID+99, unix, 0, "2026-03-09", "call", "mine") // no such contact
	bad(`DELETE FROM contacts WHERE id = ?`, c.ID)          // a contact with history stays

	const ci = `INSERT INTO check_ins (day, mood, craving, sleep_hours, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')`
	ok(ci, "2026-03-01", 3, 0, 7.5)
	bad(ci, "2026-03-01", 4, nil, nil) // the same day twice
	bad(ci, "2026-02-30", 3, nil, nil) // not a real day
	bad(ci, "2026-3-2", 3, nil, nil)
	bad(ci, "2026-03-02", 0, nil, nil) // mood 0 is stored as NULL, never 0
	bad(ci, "2026-03-02", 6, nil, nil)
	bad(ci, "2026-03-02", nil, 11, nil)
	bad(ci, "2026-03-02", nil, -1, nil)
	bad(ci, "2026-03-02", nil, nil, 24.5)
	bad(ci, "2026-03-02", "three", nil, nil) // STRICT: words are not a mood
}

// TestMigrationsAreWholeSteps: a migration that fails leaves the journal at
// the version before it, untouched.
func TestMigrationsAreWholeSteps(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	s := journalAtVersion(t, path, 1)
	defer s.Close()
	// A table in the way of migration 2, as a half-finished hand edit might
	// leave.
	if _, err := s.db.Exec(`CREATE TABLE check_ins (x)`); err != nil {
		t.Fatal(err)
	}
	err := s.migrate(ctx)
	if err == nil || !strings.Contains(err.Error(), "update journal to schema 2") {
		t.Fatalf("migrate = %v; want a failure naming schema 2", err)
	}
	if v := userVersion(t, s); v != 1 {
		t.Errorf("user_version %d after a failed step; want 1", v)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'reach_outs'`).Scan(&n)
	if n != 0 {
		t.Error("the failed step left reach_outs behind")
	}
}

// TestMigrateFromV2KeepsLog opens a journal written by schema 2 (contacts,
// reach-outs and check-ins, no reflections): Open takes it to the latest and
// every contact, reach-out, check-in and setting reads back exactly as
// before; the new tables work beside them.
func TestMigrateFromV2KeepsLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 2)
	archived := fullContact()
	archived.Name, archived.Archived = "Chris Walsh", true
	ids := addOldContacts(t, old, []model.Contact{fullContact(), archived, {Name: "王芳"}})
	var log []model.ReachOut
	for i := range 40 {
		log = append(log, model.ReachOut{
			ContactID: ids[i%len(ids)], At: fixedNow.Add(-time.Duration(i*19) * time.Hour).In(eastern),
			Channel: model.LogChannels[i%len(model.LogChannels)], Note: fmt.Sprintf("call %d ☕", i),
		})
	}
	addOldReachOuts(t, old, log)
	var days []model.CheckIn
	for i := range 20 {
		days = append(days, fullCheckIn(testToday.AddDays(-i)))
	}
	if err := old.AddCheckIns(ctx, days); err != nil {
		t.Fatal(err)
	}
	if err := old.SetRecoveryStart(ctx, testToday.AddDays(-100)); err != nil {
		t.Fatal(err)
	}
	type snapshot struct {
		active, archived []model.Contact
		log              []model.ReachOut
		checkIns         []model.CheckIn
		start            model.Date
	}
	take := func(s *Store) snapshot {
		t.Helper()
		var snap snapshot
		var errs [5]error
		snap.active, errs[0] = contactsAnyVersion(ctx, s, false)
		snap.archived, errs[1] = contactsAnyVersion(ctx, s, true)
		snap.log, errs[2] = s.ReachOutsBetween(ctx, model.Date{}, model.Date{})
		snap.checkIns, errs[3] = s.CheckIns(ctx, model.Date{}, model.Date{})
		snap.start, errs[4] = s.RecoveryStart(ctx)
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		return snap
	}
	before := take(old)
	if len(before.active) != 2 || len(before.archived) != 1 || len(before.log) != 40 || len(before.checkIns) != 20 {
		t.Fatalf("schema 2 journal: %d+%d contacts, %d reach-outs, %d check-ins",
			len(before.active), len(before.archived), len(before.log), len(before.checkIns))
	}
	var n int
	old.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name LIKE 'reflection%'`).Scan(&n)
	if n != 0 {
		t.Fatal("schema 2 already has reflections")
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s := openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Fatalf("after Open: user_version %d; want %d", v, latestVersion())
	}
	after := take(s)
	after.active = dropUIDs(t, after.active, func(c *model.Contact) *string { return &c.UID })
	after.archived = dropUIDs(t, after.archived, func(c *model.Contact) *string { return &c.UID })
	after.log = dropUIDs(t, after.log, func(r *model.ReachOut) *string { return &r.UID })
	if !reflect.DeepEqual(after, before) {
		t.Errorf("the journal changed in migration:\n got %+v\nwant %+v", after, before)
	}
	checkIntegrity(t, s)

	// The new tables work, and the old ones still take writes.
	if _, err := s.SaveReflection(ctx, fullReflection(lastWeek)); err != nil {
		t.Errorf("reflection after migration: %v", err)
	}
	if ps, err := s.Prompts(ctx); err != nil || len(ps) != len(model.DefaultPrompts) {
		t.Errorf("prompts after migration: %q, %v", ps, err)
	}
	if _, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: ids[2], At: fixedNow.Add(-time.Minute)}); err != nil {
		t.Errorf("reach-out after migration: %v", err)
	}
	checkIntegrity(t, s)
	s.Close()
	s = openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Errorf("second Open: user_version %d", v)
	}
}

// TestMigrateFromV3KeepsEverything opens a journal written by schema 3
// (everything but check-ups): Open takes it to the latest schema, the whole
// journal (every contact, reach-out, check-in, reflection and setting, as
// an export sees them) reads back exactly as before, and the check-ups
// table works beside it.
func TestMigrateFromV3KeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	old := journalAtVersion(t, path, 3)
	archived := fullContact()
	archived.Name, archived.Archived = "Chris Walsh", true
	ids := addOldContacts(t, old, []model.Contact{fullContact(), archived, {Name: "王芳"}})
	var log []model.ReachOut
	for i := range 30 {
		log = append(log, model.ReachOut{
			ContactID: ids[i%len(ids)], At: fixedNow.Add(-time.Duration(i*23) * time.Hour).In(eastern),
			Channel: model.LogChannels[i%len(model.LogChannels)], Note: fmt.Sprintf("call %d ☕", i),
		})
	}
	addOldReachOuts(t, old, log)
	var days []model.CheckIn
	for i := range 15 {
		days = append(days, fullCheckIn(testToday.AddDays(-i)))
	}
	if err := old.AddCheckIns(ctx, days); err != nil {
		t.Fatal(err)
	}
	if _, err := old.SaveReflection(ctx, fullReflection(lastWeek)); err != nil {
		t.Fatal(err)
	}
	if err := old.SetRecoveryStart(ctx, testToday.AddDays(-100)); err != nil {
		t.Fatal(err)
	}
	if err := old.SetPrompts(ctx, []string{"Who helped?", "What next — and when?"}); err != nil {
		t.Fatal(err)
	}
	if err := old.SetSetting(ctx, "colour_scheme", "calm"); err != nil {
		t.Fatal(err)
	}
	take := func(s *Store) journalfile.Export {
		t.Helper()
		e, err := s.Export(ctx, model.Date{}, model.Date{})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	before := take(old)
	if len(before.Contacts) != 3 || len(before.ReachOuts) != 30 || len(before.CheckIns) != 15 ||
		len(before.Reflections) != 1 || len(before.Settings) != 3 {
		t.Fatalf("schema 3 journal: %d contacts, %d reach-outs, %d check-ins, %d reflections, %d settings",
			len(before.Contacts), len(before.ReachOuts), len(before.CheckIns), len(before.Reflections), len(before.Settings))
	}
	var n int
	old.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'checkups'`).Scan(&n)
	if n != 0 {
		t.Fatal("schema 3 already has check-ups")
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s := openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Fatalf("after Open: user_version %d; want %d", v, latestVersion())
	}
	after := take(s)
	if !validUID(after.Journal) {
		t.Errorf("the migration gave the journal the uid %q", after.Journal)
	}
	after.Journal = ""
	after.Contacts = dropUIDs(t, after.Contacts, func(c *model.Contact) *string { return &c.UID })
	after.ReachOuts = dropUIDs(t, after.ReachOuts, func(r *model.ReachOut) *string { return &r.UID })
	if !reflect.DeepEqual(after, before) {
		t.Errorf("the journal changed in migration:\n got %+v\nwant %+v", after, before)
	}
	checkIntegrity(t, s)

	// The settings written before read back through Settings; the new
	// table works, and the old ones still take writes.
	st, err := s.Settings(ctx)
	if err != nil || st.RecoveryStart != testToday.AddDays(-100) || !st.CheckupReminders {
		t.Errorf("settings after migration: %+v, %v", st, err)
	}
	if _, err := s.SaveCheckup(ctx, model.Checkup{Instrument: model.BARC10, Day: testToday, Answers: answersFor(t, model.BARC10, 4)}); err != nil {
		t.Errorf("check-up after migration: %v", err)
	}
	if _, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: ids[2], At: fixedNow.Add(-time.Minute)}); err != nil {
		t.Errorf("reach-out after migration: %v", err)
	}
	checkIntegrity(t, s)
	s.Close()
	s = openAt(t, path)
	if v := userVersion(t, s); v != latestVersion() {
		t.Errorf("second Open: user_version %d", v)
	}
	if list, err := s.Checkups(ctx, model.BARC10); err != nil || len(list) != 1 {
		t.Errorf("check-ups after reopening: %+v, %v", list, err)
	}
}

// contactsAnyVersion is Contacts on a journal of any schema: before schema
// 5 it finds each contact's last reach-out as Tether did then, by a seek
// into reach_outs (this query is that version's, frozen), so a migration
// test can compare what schema 5 keeps on the row with what it replaced.
func contactsAnyVersion(ctx context.Context, s *Store, archived bool) ([]model.Contact, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return nil, err
	}
	if v >= 5 {
		return s.Contacts(ctx, archived, testToday)
	}
	before5 := `SELECT ` + s.forSchema(qualifiedContactColumns) + `, last.at_unix, last.at_offset,
		(SELECT count(*) FROM reach_outs w WHERE w.contact_id = c.id
		   AND w.at_unix >= ?1 AND w.at_unix < ?2 AND w.day BETWEEN ?3 AND ?4)
		FROM contacts c
		LEFT JOIN reach_outs last ON last.id = (
			SELECT r.id FROM reach_outs r WHERE r.contact_id = c.id
			ORDER BY r.at_unix DESC, r.id DESC LIMIT 1)
		WHERE c.archived = ?5 ORDER BY c.name_key, c.id`
	var out []model.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryContacts(ctx, tx, true, before7.Replace(before5), append(window30(testToday), archived),
			`SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
			 WHERE c.archived = ? ORDER BY t.contact_id, t.position`, archived)
		return err
	})
	return out, err
}

// oldInsertContactSQL is how a Tether of schemas 1 to 6 added a contact.
const oldInsertContactSQL = `INSERT INTO contacts (
	name, name_key, nickname, circle, group_context, phone, email, preferred,
	availability, any_time, any_time_since, distraction, importance, supportive,
	stance, known_since, cadence_days, notes, archived, archived_at,
	created_at, updated_at
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// addOldContacts adds cs to a journal built by journalAtVersion with a
// schema before 7, as the Tether of that schema did (schema 1's columns
// and the tags), and returns their ids.
func addOldContacts(t *testing.T, s *Store, cs []model.Contact) []int64 {
	t.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var ids []int64
	for _, c := range cs {
		c = c.Normalize()
		var archivedAt any
		if c.Archived {
			archivedAt = stamp(fixedNow)
		}
		created, updated := fixedNow, fixedNow
		if !c.CreatedAt.IsZero() {
			created, updated = c.CreatedAt, c.CreatedAt
		}
		if !c.UpdatedAt.IsZero() {
			updated = c.UpdatedAt
		}
		args := append(fieldArgs(c)[:19], archivedAt, stamp(created), stamp(updated))
		res, err := tx.ExecContext(ctx, oldInsertContactSQL, args...)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if err := replaceTags(ctx, tx, id, c.Tags); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// addOldReachOuts logs rs into a journal of a schema before 9, as the
// Tether of its time did (reach-outs had no uid).
func addOldReachOuts(t *testing.T, s *Store, rs []model.ReachOut) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, r := range rs {
		r, p := checkReachOut(r, time.Time{})
		if len(p) > 0 {
			t.Fatal(p)
		}
		args := reachOutArgs(r, fixedNow, fixedNow)
		if _, err := tx.ExecContext(ctx, `INSERT INTO reach_outs (
			contact_id, at_unix, at_offset, day, channel, direction, note, helped, created_at, updated_at
			) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args[:len(args)-1]...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// dropUIDs checks that the migration gave each record its own well-formed
// uid, then blanks them, to compare with the journal before it had any.
func dropUIDs[T any](t *testing.T, records []T, uid func(*T) *string) []T {
	t.Helper()
	seen := map[string]bool{}
	for i := range records {
		u := uid(&records[i])
		if !validUID(*u) || seen[*u] {
			t.Errorf("record %d: uid %q (not well formed, or given twice)", i, *u)
		}
		seen[*u] = true
		*u = ""
	}
	return records
}
