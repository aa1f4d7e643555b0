package cli

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
)

// notWords are what a person must never have to read in an error: SQLite's
// result codes and names, Go's and database/sql's words, Tether's internal
// keys.
var notWords = []*regexp.Regexp{
	regexp.MustCompile(`\(\d+\)\s*$`),         // "database is locked (5)"
	regexp.MustCompile(`(?i)sqlite_|sqlite3`), // SQLITE_BUSY, SQLITE_FULL
	regexp.MustCompile(`\bsql: `),             // database/sql
	regexp.MustCompile(`(?i)no such (table|column)|malformed|constraint failed|syntax error`),
	regexp.MustCompile(`\b[a-z]+_[a-z]+\d+\b`), // own_number0
	regexp.MustCompile(`\bEOF\b|unexpected end of JSON|invalid character`),
	regexp.MustCompile(`\b(open|read|write) /[^ ]*: `), // a bare *PathError
}

// TestErrorsSpeakInWords runs the command line's failure paths — journals
// that are damaged, foreign, newer, busy or missing; files to import that
// are not what they claim — and reads every line of stderr as a person
// would: each must be words, with no SQLite code or internal name.
func TestErrorsSpeakInWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	mustCLI(t, good, "contact", "add", "--name", "Maria Lopez", "--phone", "555 0101")
	corrupt := filepath.Join(dir, "corrupt.db")
	journaltest.WriteFile(t, corrupt, "SQLite format 3\x00 and then nothing a journal would hold")
	foreign := filepath.Join(dir, "foreign.db")
	journaltest.ForeignSQLite(t, foreign)
	newer := filepath.Join(dir, "newer.db")
	mustCLI(t, newer, "contact", "add", "--name", "Sam")
	journaltest.SetUserVersion(t, newer, 999)
	missing := filepath.Join(dir, "nothing-here", "tether.db")
	notJSON := filepath.Join(dir, "not.json")
	journaltest.WriteFile(t, notJSON, `{"format": "tether-journal", "version": 1, "contacts": [{"name": `)
	badSettings := filepath.Join(dir, "settings.json")
	journaltest.WriteFile(t, badSettings, `{"format": "tether-journal", "version": 1, "settings": {"own_numbers": "[{\"label\": \"x\"}]", "theme": "dark"}}`)
	junkVCard := filepath.Join(dir, "junk.vcf")
	journaltest.WriteFile(t, junkVCard, "not a card at all\n")

	crafted := filepath.Join(dir, "crafted.db")
	mustCLI(t, crafted, "contact", "add", "--name", "Sam")
	withSQL(t, crafted, `CREATE TRIGGER wipe AFTER INSERT ON reach_outs BEGIN DELETE FROM check_ins; END`)
	lowered := filepath.Join(dir, "lowered.db")
	mustCLI(t, lowered, "contact", "add", "--name", "Sam")
	withSQL(t, lowered, `PRAGMA user_version = 5`)
	empty := filepath.Join(dir, "empty.db")
	journaltest.WriteFile(t, empty, "")

	runs := [][]string{}
	for _, db := range []string{corrupt, foreign, newer, missing, crafted, lowered, empty} {
		for _, args := range [][]string{
			{"due"}, {"log", "Maria"}, {"contact", "list"}, {"contact", "add", "--name", "Ana"},
			{"export", "--format", "json", "-o", filepath.Join(dir, "out.json")},
			{"backup", filepath.Join(dir, "backup.db")}, {"import", junkVCard}, {"restore", corrupt},
		} {
			runs = append(runs, append([]string{"--db", db}, args...))
		}
	}
	for _, args := range [][]string{
		{"import", notJSON}, {"import", badSettings}, {"import", junkVCard}, {"import", dir},
		{"import", filepath.Join(dir, "no-such-file.json")}, {"restore", foreign}, {"restore", newer},
		{"restore", crafted}, {"restore", lowered}, {"restore", empty},
		{"log", "Nobody Here"}, {"log", "Maria", "--via", "carrier pigeon"}, {"log", "Maria", "--at", "yesterday at noon-ish"},
		{"export", "--format", "json", "-o", filepath.Join(dir, "no-folder", "out.json")},
		{"backup", filepath.Join(dir, "no-folder", "b.db")},
	} {
		runs = append(runs, append([]string{"--db", good}, args...))
	}
	for _, args := range runs {
		code, _, stderr := runCLI(args...)
		if code == 0 {
			continue // some paths succeed (sos's general card, a missing journal's empty list)
		}
		assertWords(t, args, stderr)
	}
}

// TestBusyJournalSpeaksInWords: a command that cannot get at the journal
// because another process holds it says so in words, whether it waited
// until interrupted or gave up.
func TestBusyJournalSpeaksInWords(t *testing.T) {
	t.Parallel()
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "Maria Lopez")
	holder, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK") //nolint:errcheck

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var out, errb bytes.Buffer
	args := []string{"--db", db, "log", "Maria"}
	code := Run(ctx, Env{Args: args, Stdout: &out, Stderr: &errb,
		Clock: model.FixedClock{T: testNow}, Version: "0.1.0-test",
		Getenv: func(string) string { return "" }})
	if code == 0 {
		t.Fatalf("tether log succeeded while another process held the journal:\n%s", out.String())
	}
	assertWords(t, args, errb.String())
}

func assertWords(t *testing.T, args []string, stderr string) {
	t.Helper()
	if stderr == "" {
		t.Errorf("tether %q failed in silence", args)
		return
	}
	for _, line := range bytes.Split([]byte(stderr), []byte("\n")) {
		for _, re := range notWords {
			if re.Match(line) {
				t.Errorf("tether %q says %q: %q is not words a person should read", args, line, re.Find(line))
			}
		}
	}
}

// withSQL changes a journal with plain SQL, as the sqlite3 shell would.
func withSQL(t *testing.T, path string, queries ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range queries {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
