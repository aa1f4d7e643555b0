//go:build unix

package e2e

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
)

// The SPEC's promise for bad files and places, through the built binary:
// whatever the journal path names (a folder, a file that cannot be
// written, a folder that cannot be written, random bytes, a journal cut
// short, another program's database, a journal from a newer Tether), every
// command that opens it answers with exactly one line on stderr and exit
// 1, and leaves the file byte for byte and mode for mode as it was, with no
// -wal, -shm or -journal beside it.

// nobody is who the permission cases run as when the test runs as root,
// for whom permission bits do not stop anything.
const nobody = 65534

type badPlace struct {
	name string
	// make builds the place under dir and returns the path given to --db.
	make func(t *testing.T, dir, template string) string
	says string
	// permissions: the refusal comes from permission bits, so it needs a
	// user they bind (not root).
	permissions bool
	// readable: a whole journal that cannot be written; the reading
	// commands read it (they never write), the others refuse.
	readable bool
}

func badPlaces() []badPlace {
	return []badPlace{
		{name: "directory", says: "this is a directory", make: func(t *testing.T, dir, _ string) string {
			p := filepath.Join(dir, "journal")
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			journaltest.WriteFile(t, filepath.Join(p, "notes.txt"), "mine")
			return p
		}},
		{name: "read-only file", says: "the file is not writable: permission denied", permissions: true, readable: true,
			make: func(t *testing.T, dir, template string) string {
				p := filepath.Join(dir, "tether.db")
				copyFile(t, template, p)
				chmod(t, p, 0o400)
				return p
			}},
		{name: "folder without write permission", says: "is not writable: permission denied", permissions: true, readable: true,
			make: func(t *testing.T, dir, template string) string {
				locked := filepath.Join(dir, "locked")
				if err := os.Mkdir(locked, 0o700); err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(locked, "tether.db")
				copyFile(t, template, p)
				chmod(t, locked, 0o500)
				return p
			}},
		{name: "random bytes", says: "not a Tether journal", make: func(t *testing.T, dir, _ string) string {
			p := filepath.Join(dir, "tether.db")
			b := make([]byte, 8192)
			r := rand.New(rand.NewPCG(7, 7))
			for i := range b {
				b[i] = byte(r.UintN(256))
			}
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{name: "journal cut short", says: "it is damaged and cannot be read", make: func(t *testing.T, dir, template string) string {
			b, err := os.ReadFile(template)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "tether.db")
			if err := os.WriteFile(p, b[:len(b)/2], 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{name: "another program's SQLite file", says: "another program's SQLite database", make: func(t *testing.T, dir, _ string) string {
			p := filepath.Join(dir, "recipes.db")
			journaltest.ForeignSQLite(t, p)
			return p
		}},
		{name: "journal from a newer Tether", says: "written by a newer Tether", make: func(t *testing.T, dir, template string) string {
			p := filepath.Join(dir, "tether.db")
			copyFile(t, template, p)
			journaltest.SetUserVersion(t, p, 99)
			return p
		}},
	}
}

// snapshot is all the test can see of a place: every file and folder
// below and beside it, with its mode and contents.
func snapshot(t *testing.T, path string) map[string]string {
	t.Helper()
	got := map[string]string{}
	dir := filepath.Dir(path)
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		entry := fi.Mode().String()
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entry += " " + string(b)
		}
		got[p] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// changedEntries names what differs between two snapshots.
func changedEntries(before, after map[string]string) []string {
	var changed []string
	for _, p := range slices.Sorted(maps.Keys(after)) {
		was, ok := before[p]
		switch {
		case !ok:
			changed = append(changed, p+" appeared")
		case was != after[p]:
			changed = append(changed, p+" changed ("+strings.Fields(was)[0]+" to "+strings.Fields(after[p])[0]+")")
		}
	}
	for _, p := range slices.Sorted(maps.Keys(before)) {
		if _, ok := after[p]; !ok {
			changed = append(changed, p+" vanished")
		}
	}
	return changed
}

func TestBadPlacesEveryCommandRefusesAndChangesNothing(t *testing.T) {
	bin := builtBinary(t)
	// A folder everyone may enter, so that the permission cases can run as
	// nobody when the test runs as root; the binary goes there too.
	world, err := os.MkdirTemp("", "tether-bad-places-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(world, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o700)
			}
			return nil
		})
		os.RemoveAll(world)
	})
	chmod(t, world, 0o755)
	shared := filepath.Join(world, "tether")
	copyFile(t, bin, shared)
	chmod(t, shared, 0o755)
	template := filepath.Join(t.TempDir(), "template.db")
	runBinary(t, bin, "demo", "--save", template, "--size", "small")

	asRoot := os.Geteuid() == 0
	commands := []struct {
		name  string
		args  []string // the journal path is added with --db
		reads bool     // only reads: opens the journal read-only
	}{
		{"open the app", nil, false},
		{"due", []string{"due"}, true},
		{"log", []string{"log", "denise", "--via", "call"}, false},
		{"contact add", []string{"contact", "add", "--name", "Sam Okafor"}, false},
	}
	n := 0
	for _, place := range badPlaces() {
		for _, c := range commands {
			t.Run(place.name+"/"+c.name, func(t *testing.T) {
				n++
				dir := filepath.Join(world, strconv.Itoa(n))
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				path := place.make(t, dir, template)
				cmd := exec.Command(shared, append(slices.Clone(c.args), "--db", path)...)
				if place.permissions && asRoot {
					// The journal and its folder are the person's own.
					err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
						if err == nil {
							err = os.Lchown(p, nobody, nobody)
						}
						return err
					})
					if err != nil {
						t.Fatal(err)
					}
					cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
					cmd.Dir = world
				}
				before := snapshot(t, path)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				if cmd.ProcessState == nil {
					if place.permissions && asRoot {
						t.Skipf("running as root, this case needs another user (uid %d) for permission bits to bind, and starting a process as that user failed: %v", nobody, err)
					}
					t.Fatal(err)
				}
				if c.reads && place.readable {
					// Nothing to write, so nothing to refuse: the person
					// still sees who is due, and the file is as it was.
					if code := cmd.ProcessState.ExitCode(); code != 0 || stdout.Len() == 0 {
						t.Fatalf("exit %d, want 0 with the due list\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
					}
					if changed := changedEntries(before, snapshot(t, path)); len(changed) > 0 {
						t.Fatalf("changed: %s", strings.Join(changed, "; "))
					}
					return
				}
				if code := cmd.ProcessState.ExitCode(); code != 1 {
					t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
				}
				journaltest.OneLineErr(t, stderr.String(), place.says)
				if stdout.Len() != 0 {
					t.Errorf("stdout %q, want nothing", stdout.String())
				}
				if changed := changedEntries(before, snapshot(t, path)); len(changed) > 0 {
					t.Fatalf("changed: %s", strings.Join(changed, "; "))
				}
			})
		}
	}
}
