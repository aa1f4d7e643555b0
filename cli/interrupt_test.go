package cli

import (
	"bytes"
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
)

// holdWriteLock takes the journal's write lock on a connection of its own
// (BEGIN IMMEDIATE, as another Tether saving), until release or the end
// of the test.
func holdWriteLock(t *testing.T, db string) (release func()) {
	t.Helper()
	ctx := context.Background()
	writer, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := writer.Conn(ctx)
	if err == nil {
		_, err = conn.ExecContext(ctx, `BEGIN IMMEDIATE`)
	}
	release = sync.OnceFunc(func() {
		if conn != nil {
			conn.ExecContext(ctx, `ROLLBACK`)
			conn.Close()
		}
		writer.Close()
	})
	t.Cleanup(release)
	if err != nil {
		t.Fatal(err)
	}
	return release
}

// While another connection holds the write lock, `tether log` waits for
// it (the busy timeout, 10 s); interrupted, it stops at once and says so,
// and logs nothing.
func TestLogInterruptedWhileTheJournalIsBusy(t *testing.T) {
	t.Parallel()
	db := journal(t)
	addPeople(t, db, person{model.Contact{Name: "María Santos"}, -1})
	release := holdWriteLock(t, db)

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	var out, errb bytes.Buffer
	start := time.Now()
	code := Run(ctx, Env{Args: []string{"--db", db, "log", "maria", "--via", "call"}, Stdout: &out, Stderr: &errb,
		Clock: model.FixedClock{T: testNow}})
	took := time.Since(start)
	if code != 1 || out.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	journaltest.OneLineErr(t, errb.String(), "tether: interrupted: stopped before it was done, and saved nothing. If it seemed stuck, the journal was busy")
	// Not a speed assertion: a command that ignored the interruption would
	// wait out the busy timeout.
	if took >= 5*time.Second {
		t.Fatalf("tether log took %v to stop after the interruption", took)
	}
	release()
	if rs := reachOuts(t, db); len(rs) != 0 {
		t.Fatalf("an interrupted log wrote %d reach-outs", len(rs))
	}
	t.Logf("stopped %v after it began, 300ms of them before the interruption", took)
}
