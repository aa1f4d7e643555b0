package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/benchjournal"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// testNow is the pinned "now" of the command-line tests: Monday 9 March
// 2026, 21:30, in a zone of its own so no test depends on the machine's.
var (
	testZone = time.FixedZone("UTC+1", 60*60)
	testNow  = time.Date(2026, time.March, 9, 21, 30, 0, 0, testZone)
	testDay  = model.DateOf(testNow)
	// benchNow is the benchmarks' evening, on the day every package's
	// benchmarks read the sample journals as of (benchjournal.Day).
	benchNow = time.Date(benchjournal.Day.Year, benchjournal.Day.Month, benchjournal.Day.Day, 21, 30, 0, 0, testZone)
)

// runCLI runs tether in this process at testNow, with an empty
// environment, so that only --db chooses the journal.
func runCLI(args ...string) (code int, stdout, stderr string) {
	return runCLIWith(nil, args...)
}

// runCLIWith is runCLI with the environment variables given.
func runCLIWith(environ map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(context.Background(), Env{
		Args: args, Stdout: &out, Stderr: &errb,
		Clock:   model.FixedClock{T: testNow},
		Version: "0.1.0-test",
		Getenv:  func(key string) string { return environ[key] },
	})
	return code, out.String(), errb.String()
}

// journal is a fresh journal path in a private folder.
func journal(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "tether.db")
}

// cli runs tether on the journal db, as a shell would with --db.
func cli(db string, args ...string) (code int, stdout, stderr string) {
	return runCLI(append([]string{"--db", db}, args...)...)
}

// mustCLI runs a command that must succeed.
func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, errs := cli(db, args...)
	if code != 0 {
		t.Fatalf("tether %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// withStore opens the journal (after the command closed it) for a look.
func withStore(t *testing.T, db string, fn func(*store.Store)) {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(st)
}

// addPeople saves contacts directly, with the given reach-outs days ago
// (-1 for none), for tests that need a network.
func addPeople(t *testing.T, db string, people ...person) []model.Contact {
	t.Helper()
	var out []model.Contact
	withStore(t, db, func(st *store.Store) {
		ctx := context.Background()
		for _, p := range people {
			c, err := st.SaveContact(ctx, p.c)
			if err != nil {
				t.Fatalf("save %s: %v", p.c.Name, err)
			}
			if p.lastDaysAgo >= 0 {
				at := testNow.AddDate(0, 0, -p.lastDaysAgo).Add(-time.Hour)
				if _, err := st.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: at}); err != nil {
					t.Fatal(err)
				}
			}
			out = append(out, c)
		}
	})
	return out
}

type person struct {
	c           model.Contact
	lastDaysAgo int
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
