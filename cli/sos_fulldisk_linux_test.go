package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
)

// When the disk is so full that SQLite cannot make the -shm a reader
// needs, sos reads the journal as an unchanging file (no log holds data,
// so the file is the whole journal) and prints the whole card, saying
// what happened; the journal is not changed and nothing is left beside it.
func TestSOSOnAFullDiskReadsTheCardUnchanged(t *testing.T) {
	src := crisisJournal(t)
	_, want, _ := cli(src, "sos")

	disk := t.TempDir()
	if err := syscall.Mount("tether-test", disk, "tmpfs", 0, "size=1m,mode=0700"); err != nil {
		t.Skipf("a full disk is simulated here with a small tmpfs, and mounting one needs root or CAP_SYS_ADMIN: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(disk, 0); err != nil {
			t.Errorf("unmount %s: %v", disk, err)
		}
	})
	db := filepath.Join(disk, "tether.db")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	var fs syscall.Statfs_t
	if err := syscall.Statfs(disk, &fs); err != nil {
		t.Fatal(err)
	}
	// 16 KiB free: less than the 32 KiB -shm SQLite maps for a reader.
	if err := os.WriteFile(filepath.Join(disk, "filler"), make([]byte, int64(fs.Bavail)*fs.Bsize-16<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	before := journaltest.Sum(t, db)

	code, out, errs := cli(db, "sos")
	if code != 0 || out != want {
		t.Fatalf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errs)
	}
	journaltest.OneLineErr(t, errs, "The journal could not be opened for writing (the disk is full); this card was read without changing it.")
	if journaltest.Sum(t, db) != before {
		t.Error("the journal changed")
	}
	if got := journaltest.DirNames(t, disk); !slices.Equal(got, []string{"filler", "tether.db"}) {
		t.Errorf("the folder holds %v", got)
	}
	if !strings.Contains(out, "Denise Okafor") || !strings.Contains(out, "Skipping meals") || !strings.Contains(out, "111") {
		t.Errorf("the card lacks the journal's people, plan or own numbers:\n%s", out)
	}
}
