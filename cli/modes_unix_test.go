//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
)

// looseUmask lets every new file be read and written by anyone unless the
// program asks otherwise, for one test, so that the modes checked are the
// ones Tether sets and not the machine's defaults. The umask is the
// process's: a test that loosens it must not be parallel, and then no
// other test sees it (parallel tests start only once every other test has
// ended).
func looseUmask(t *testing.T) {
	t.Helper()
	old := syscall.Umask(0)
	t.Cleanup(func() { syscall.Umask(old) })
}

// The SPEC's promise "files only the owner can read": the journal stays
// 0600 in its 0700 folder after a backup and an export, and what they
// write is 0600 too, even with a umask that would let anyone read.
func TestBackupAndExportKeepTheJournalPrivate(t *testing.T) {
	looseUmask(t)
	root := t.TempDir()
	db := filepath.Join(root, "data", "tether", "tether.db")
	dir := filepath.Dir(db)
	mustCLI(t, db, "contact", "add", "--name", "Ngozi Eze", "--any-time", "--phone", "+234 803 555 0199")
	mustCLI(t, db, "log", "ngozi", "--via", "call")

	private := func(when string, files ...string) {
		t.Helper()
		if m := mode(t, dir); m != 0o700 {
			t.Errorf("%s: the journal's folder has mode %v, want 0700", when, m)
		}
		for _, f := range append([]string{db}, files...) {
			if m := mode(t, f); m != 0o600 {
				t.Errorf("%s: %s has mode %v, want 0600", when, f, m)
			}
		}
	}
	private("after the first save")

	mustCLI(t, db, "backup")
	beside := filepath.Join(dir, "tether-backup-2026-03-09.db")
	private("after a backup beside the journal", beside)
	elsewhere := filepath.Join(root, "backups", "tether.db")
	if err := os.Mkdir(filepath.Dir(elsewhere), 0o755); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, db, "backup", elsewhere)
	private("after a backup elsewhere", beside, elsewhere)

	out := filepath.Join(root, "export.json")
	mustCLI(t, db, "export", "--format", "json", "-o", out)
	vcf := filepath.Join(dir, "contacts.vcf")
	mustCLI(t, db, "export", "--format", "vcf", "-o", vcf)
	private("after exports", beside, elsewhere, out, vcf)

	// Nothing else was left in the journal's folder: no temporary files,
	// no -wal or -shm once every command has closed the journal.
	want := []string{"contacts.vcf", "tether-backup-2026-03-09.db", "tether.db"}
	if got := journaltest.DirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("the journal's folder holds %v, want %v", got, want)
	}
}
