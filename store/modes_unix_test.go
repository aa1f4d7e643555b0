//go:build unix

package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// TestMigrationKeepsTheJournalPrivate: a journal of every older schema,
// opened and migrated by this Tether, is 0600 in a 0700 folder afterwards,
// with its -wal and -shm 0600 while open; one whose modes were loosened by
// hand is made private again. The umask is opened wide for the test so the
// modes are the ones Tether sets.
func TestMigrationKeepsTheJournalPrivate(t *testing.T) {
	ctx := context.Background()
	umask := syscall.Umask(0)
	t.Cleanup(func() { syscall.Umask(umask) })
	for v := 1; v < latestVersion(); v++ {
		for _, loosened := range []bool{false, true} {
			t.Run(fmt.Sprintf("schema %d, loosened %v", v, loosened), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "tether")
				path := filepath.Join(dir, "tether.db")
				old := journalAtVersion(t, path, v)
				addOldContacts(t, old, []model.Contact{fullContact()})
				old.Close()
				if loosened {
					os.Chmod(path, 0o644)
					os.Chmod(dir, 0o755)
				}

				s, err := Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				if got := userVersion(t, s); got != latestVersion() {
					t.Fatalf("migrated to %d, want %d", got, latestVersion())
				}
				private := func(when string, files ...string) {
					t.Helper()
					if m := mode(t, dir); m != 0o700 {
						t.Errorf("%s: folder mode %v, want 0700", when, m)
					}
					for _, f := range files {
						if m := mode(t, f); m != 0o600 {
							t.Errorf("%s: %s mode %v, want 0600", when, filepath.Base(f), m)
						}
					}
				}
				private("migrated and open", path, path+"-wal", path+"-shm")
				s.Close()
				private("closed", path)
				if got := listDir(t, dir); !slices.Equal(got, []string{"tether.db"}) {
					t.Errorf("the folder holds %v", got)
				}
			})
		}
	}
}
