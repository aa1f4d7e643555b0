package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/store"
)

// A process killed in the middle of its writes leaves summaries that are
// a recount of the rows it committed: each is kept in the transaction
// that writes them (see TestCrashSafety for the helper and the kills).
func TestSummariesSurviveACrash(t *testing.T) {
	if os.Getenv(crashHelperEnv) != "" {
		t.Skip("in the helper")
	}
	rng := rand.New(rand.NewPCG(crashSeed, 22))
	path := filepath.Join(t.TempDir(), "tether.db")
	for round := range 4 {
		delay := time.Duration(150+rng.IntN(250)) * time.Millisecond
		for _, l := range crashRound(t, path, round*1000, delay) {
			if strings.HasPrefix(l, "error:") {
				t.Fatalf("round %d: the helper failed before it was killed: %s", round, l)
			}
		}
		if _, err := os.Stat(path); err != nil {
			continue // killed before the journal was made
		}
		// Opened as Tether opens it after the kill: a journal killed while
		// it was being made is finished then.
		s, err := store.Open(context.Background(), path)
		if err != nil {
			t.Fatalf("round %d: the journal does not open after a kill: %v", round, err)
		}
		s.Close()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM silences`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		store.CheckSummaries(t, db, fmt.Sprintf("round %d, killed after %v (%d silences)", round, delay, n))
		db.Close()
	}
}
