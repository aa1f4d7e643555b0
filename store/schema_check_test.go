package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// craftedJournals are journals changed the way a person (or a program) with
// the sqlite3 shell could change them, and the words a refusal must use.
var craftedJournals = []struct {
	name    string
	changes []string
	want    string
}{
	{"a trigger that wipes check-ins",
		[]string{`CREATE TRIGGER wipe AFTER INSERT ON reach_outs BEGIN DELETE FROM check_ins; END`},
		`this journal has a trigger "wipe" that Tether did not make`},
	{"a view", []string{`CREATE VIEW everyone AS SELECT name, phone FROM contacts`},
		`this journal has a view "everyone" that Tether did not make`},
	{"a table", []string{`CREATE TABLE extra (x TEXT)`},
		`this journal has a table "extra" that Tether did not make`},
	{"a column", []string{`ALTER TABLE contacts ADD COLUMN secret TEXT`},
		`this journal has a column "secret" in its table "contacts" that Tether did not make`},
	{"an index dropped", []string{`DROP INDEX contacts_list`},
		`this journal is missing the index "contacts_list" that Tether makes`},
	{"Tether's trigger rewritten", []string{
		`DROP TRIGGER reach_outs_keep_last_insert`,
		`CREATE TRIGGER reach_outs_keep_last_insert AFTER INSERT ON reach_outs BEGIN DELETE FROM contact_tags; END`},
		`this journal has a trigger "reach_outs_keep_last_insert" that is not as Tether made it`},
	{"a lowered version", []string{`PRAGMA user_version = 5`},
		`this journal has an index "check_ins_used" that Tether makes only from schema 7 on, yet it says it is at schema 5`},
}

// craft makes a journal with one contact and a reach-out, then changes it
// with plain SQL, leaving it in rollback mode when rollback is set (as the
// sqlite3 shell would leave a database it made), else in WAL mode.
func craft(t *testing.T, path string, rollback bool, changes []string) {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return fixedNow }
	if _, err := s.SaveContact(context.Background(), fullContact()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db := plainDB(t, path)
	if rollback {
		mustExec(t, db, `PRAGMA journal_mode = DELETE`)
	}
	mustExec(t, db, changes...)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestForeignSchemaIsRefusedUnchanged: Open, OpenReadOnly and Restore each
// refuse a journal with something Tether did not make, in words naming it,
// and leave the file byte for byte as it was with nothing new beside it.
func TestForeignSchemaIsRefusedUnchanged(t *testing.T) {
	ctx := context.Background()
	for _, c := range craftedJournals {
		for _, rollback := range []bool{false, true} {
			name := c.name + " (WAL)"
			if rollback {
				name = c.name + " (rollback)"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "tether.db")
				craft(t, path, rollback, c.changes)
				sum, files := hashFile(t, path), listDir(t, dir)
				unchanged := func(what string) {
					t.Helper()
					if hashFile(t, path) != sum {
						t.Errorf("%s changed the file", what)
					}
					if got := listDir(t, dir); !slices.Equal(got, files) {
						t.Errorf("%s left %v beside it, had %v", what, got, files)
					}
				}
				check := func(what string, err error) {
					t.Helper()
					if !errors.Is(err, ErrForeignSchema) || !strings.Contains(err.Error(), c.want) {
						t.Errorf("%s: %v; want ErrForeignSchema saying %q", what, err, c.want)
					}
					unchanged(what)
				}

				s, err := Open(ctx, path)
				if err == nil {
					s.Close()
				}
				check("Open", err)
				s, err = OpenReadOnly(ctx, path)
				if err == nil {
					s.Close()
				}
				check("OpenReadOnly", err)

				other := filepath.Join(t.TempDir(), "tether.db")
				_, err = Restore(ctx, other, path, fixedNow)
				check("Restore", err)
				if exists(other) {
					t.Errorf("Restore refused, yet made %s", other)
				}
			})
		}
	}
}

// TestTethersOwnSchemasAreTrusted: a journal at each version, as the
// migrations leave it, opens (and is then migrated).
func TestTethersOwnSchemasAreTrusted(t *testing.T) {
	for v := 1; v <= latestVersion(); v++ {
		path := filepath.Join(t.TempDir(), "tether.db")
		s := journalAtVersion(t, path, v)
		s.Close()
		openAt(t, path)
	}
}

// BenchmarkSchemaCheck is the cost the check adds to every open of a
// journal at the latest version.
func BenchmarkSchemaCheck(b *testing.B) {
	ctx := context.Background()
	s := openStore(b)
	b.ResetTimer()
	for range b.N {
		if err := checkSchema(ctx, s.db, s.path, "open"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenClose is a whole open and close of a journal at the latest
// version, the check included, for comparison with BenchmarkSchemaCheck.
func BenchmarkOpenClose(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "tether.db")
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for range b.N {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
