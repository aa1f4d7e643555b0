package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// TestAShortWriteWaitSaysBusy: with WriteWait set (the app's way), a save
// while another connection holds the journal's write lock gives up after
// that wait with an error whose Busy says so, in words and without SQLite's
// codes, and writes nothing; once the lock is gone the same save lands,
// and the connection it used is back to the usual 10-second wait.
func TestAShortWriteWaitSaysBusy(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	s.db.SetMaxOpenConns(1) // so the connection the save used is the one asked after
	s.WriteWait = 50 * time.Millisecond

	other := plainDB(t, "file:"+escapePath(s.Path())+"?_pragma=busy_timeout(0)")
	defer other.Close()
	hold, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	if _, err := hold.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	_, err = s.SaveContact(ctx, model.Contact{Name: "Maria"})
	waited := time.Since(start)
	var busy interface{ Busy() bool }
	if !errors.As(err, &busy) || !busy.Busy() {
		t.Fatalf("a save while the journal was held = %v; want an error whose Busy is true", err)
	}
	if strings.Contains(err.Error(), "SQLITE") || strings.Contains(err.Error(), "(5)") {
		t.Errorf("the busy error is not in words: %v", err)
	}
	t.Logf("gave up after %v (WriteWait %v): %v", waited.Round(time.Millisecond), s.WriteWait, err)

	if _, err := hold.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := s.CountContacts(ctx); n != 0 {
		t.Fatalf("the refused save left %d contacts", n)
	}
	if _, err := s.SaveContact(ctx, model.Contact{Name: "Maria"}); err != nil {
		t.Fatalf("the same save once the journal was free: %v", err)
	}
	var timeout int
	if err := s.db.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout); err != nil || timeout != int(busyTimeout.Milliseconds()) {
		t.Errorf("after a short-wait save the connection's busy_timeout is %d, %v; want %d", timeout, err, busyTimeout.Milliseconds())
	}
}

// TestOtherErrorsAreNotBusy: a full disk or a refusal is not "busy":
// trying again would not help.
func TestOtherErrorsAreNotBusy(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	s.WriteWait = 50 * time.Millisecond
	mustExec(t, s.db, `CREATE TRIGGER full BEFORE INSERT ON contacts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
	_, err := s.SaveContact(ctx, model.Contact{Name: "Maria"})
	var busy interface{ Busy() bool }
	if err == nil || errors.As(err, &busy) && busy.Busy() {
		t.Errorf("a failed save = %v; want an error that is not busy", err)
	}
}
