package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// TestSaveOnAFullDisk: on a disk with no room left (a small tmpfs, filled),
// a save fails with ErrDiskFull in words, changes nothing, and the same
// open journal saves again once there is room, as an open window must.
func TestSaveOnAFullDisk(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := syscall.Mount("tether-test", dir, "tmpfs", 0, "size=1m,mode=0700"); err != nil {
		t.Skipf("a full disk is simulated here with a small tmpfs, and mounting one needs root or CAP_SYS_ADMIN: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	s := openAt(t, filepath.Join(dir, "tether.db"))
	c, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	// Whatever the log already holds is written; then the disk is filled.
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	if err := os.WriteFile(filler, make([]byte, int64(fs.Bavail)*fs.Bsize), 0o600); err != nil {
		t.Fatal(err)
	}

	note := strings.TrimSpace(strings.Repeat("A long talk. ", 150))
	r := model.ReachOut{ContactID: c.ID, At: fixedNow.Add(-time.Hour), Channel: model.ChannelCall, Note: note}
	_, err = s.SaveReachOut(ctx, r)
	if !errors.Is(err, ErrDiskFull) || !strings.HasSuffix(err.Error(), "the disk is full, so nothing was saved (free some space and try again)") {
		t.Fatalf("SaveReachOut on a full disk: %v; want ErrDiskFull in words", err)
	}
	many := make([]model.Contact, 200)
	for i := range many {
		many[i] = model.Contact{Name: fmt.Sprintf("Imported %03d", i), Notes: note}
	}
	if _, err := s.ImportContacts(ctx, many, false); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("ImportContacts on a full disk: %v; want ErrDiskFull", err)
	}
	if got, err := historyOf(s, ctx, c.ID, 0); err != nil || len(got) != 0 {
		t.Fatalf("after the failed save: %d reach-outs, %v", len(got), err)
	}
	if active, _, err := s.CountContacts(ctx); err != nil || active != 1 {
		t.Fatalf("after the failed import: %d contacts, %v", active, err)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveReachOut(ctx, r); err != nil {
		t.Fatalf("with room again: %v", err)
	}
	if got, err := historyOf(s, ctx, c.ID, 0); err != nil || len(got) != 1 || got[0].Note != note {
		t.Fatalf("with room again: %d reach-outs, %v", len(got), err)
	}
	var check string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
}
