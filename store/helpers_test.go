package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// fixedNow is the pinned clock of every test store.
var fixedNow = time.Date(2026, 3, 9, 21, 30, 0, 123456789, time.UTC)

// testToday is the day of fixedNow.
var testToday = model.DateOf(fixedNow)

// openStore opens a fresh journal in a temporary folder, with a pinned
// clock, and closes it when the test ends.
func openStore(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "tether.db"))
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	s.Now = func() time.Time { return fixedNow }
	t.Cleanup(func() { s.Close() })
	return s
}

// plainDB opens path with no Tether pragmas, the way another program (or a
// person with the sqlite3 shell) would.
// openToClose opens a fresh journal holding one contact, with a pinned
// clock, and leaves closing it to the test, which looks at the file
// afterwards; it returns the journal's path too.
func openToClose(t *testing.T) (*Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return fixedNow }
	if _, err := s.SaveContact(ctx, fullContact()); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func plainDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func mustExec(t *testing.T, db *sql.DB, queries ...string) {
	t.Helper()
	for _, q := range queries {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func hashFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// fullContact has every field set, so round trips check every column.
func fullContact() model.Contact {
	return model.Contact{
		Name:         "Zoë Martín",
		Nickname:     "Zo",
		Circle:       model.CircleSponsor,
		Group:        "Tuesday SMART meeting",
		Phone:        "+44 20 7946 0018",
		Email:        "zoe@example.org",
		Preferred:    model.ChannelCall,
		Availability: "evenings, Europe/London",
		AnyTime:      true,
		AnyTimeSince: model.Date{Year: 2025, Month: time.November, Day: 2},
		Distraction:  true,
		Importance:   5,
		Supportive:   4,
		Stance:       model.StanceSupports,
		KnownSince:   model.Date{Year: 2019, Month: time.February, Day: 28},
		CadenceDays:  1,
		Notes:        "Call before 10pm.\n  Boundaries: not about money.",
		Tags:         []string{"sponsor", "AA", "night owl"},
	}
}

// historyOf is a person's history as ContactHistory gives it, without the
// 30 days' count.
func historyOf(s *Store, ctx context.Context, id int64, limit int) ([]model.ReachOut, error) {
	rs, _, err := s.ContactHistory(ctx, id, model.Date{}, limit)
	return rs, err
}
