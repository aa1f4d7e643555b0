// Package journaltest holds what the command line's tests and the
// end-to-end tests both need: files Tether must refuse (another program's
// database, a journal from a newer Tether), a file's fingerprint to tell
// that a refusal left it alone, and the check that a refusal is one line.
// Only tests import it.
package journaltest

import (
	"crypto/sha256"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// ForeignSQLite writes another program's database at path: a table, and
// no Tether mark.
func ForeignSQLite(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soda bread')"); err != nil {
		t.Fatal(err)
	}
}

// SetUserVersion stamps a journal with another schema version, as a newer
// Tether would have left it, with nothing left beside it.
func SetUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"PRAGMA user_version = " + strconv.Itoa(v), "PRAGMA wal_checkpoint(TRUNCATE)"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	for _, side := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + side); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}

// Sum is the file's SHA-256: equal sums before and after a command mean it
// left the file byte for byte as it was.
func Sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// OneLineErr checks stderr is one line, from tether, saying says.
func OneLineErr(t *testing.T, stderr, says string) {
	t.Helper()
	if !strings.Contains(stderr, says) || strings.Count(strings.TrimRight(stderr, "\n"), "\n") != 0 || !strings.HasPrefix(stderr, "tether: ") {
		t.Fatalf("stderr %q, want one line saying %q", stderr, says)
	}
}

// WriteFile writes text to path, readable only by its owner.
func WriteFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// DirNames lists a folder, sorted by name: what a command left beside the
// journal.
func DirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
