package e2e

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

// A full disk, met by the commands that write: one clear line on stderr,
// exit 1, the journal byte for byte as it was, and, once there is room
// again, a journal that opens with everything it held and passes its
// integrity check. Two ways to fill the disk: a small tmpfs with a filler
// file (a real ENOSPC, SQLITE_FULL; needs mounting, so root or
// CAP_SYS_ADMIN), and a file size limit on the process (RLIMIT_FSIZE: EFBIG,
// which SQLite reports as an I/O error; works anywhere).

// Two amounts of room. SQLite maps a 32 KiB -shm file beside the journal
// when it opens it, so with 16 KiB the open itself finds no room; with 40
// KiB it opens, and the write runs out part way through the log.
const (
	roomToOpenOnly = 40 << 10
	noRoomToOpen   = 16 << 10
)

// What the person reads: in words, never SQLite's numbers or jargon.
const (
	saysDiskFull     = "the disk is full, so nothing was saved (free some space and try again)"
	saysWriteRefused = "the journal could not be written to the disk (is it full?), so nothing was saved"
	saysNoRoomToOpen = "there is no room on the disk for the journal's working files (is it full?); the file was not changed"
)

var sqliteJargon = []string{"disk I/O error", "database or disk is full", "SQLITE", "(13)", "(778)", "(4874)"}

func TestFullDiskChangesNothing(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()

	// The person's journal: someone, and a reach-out to them.
	journal := filepath.Join(dir, "tether.db")
	runBinary(t, bin, "--db", journal, "contact", "add", "--name", "Ngozi Eze", "--phone", "+234 803 555 0199", "--every", "7")
	runBinary(t, bin, "--db", journal, "log", "ngozi", "--via", "call", "--note", "Talked about the weekend", "--at", "yesterday")
	// A big file to import: the small sample journal's export (about 90 KB).
	sample := filepath.Join(dir, "sample.db")
	runBinary(t, bin, "demo", "--save", sample, "--size", "small")
	bigJSON := filepath.Join(dir, "sample.json")
	runBinary(t, bin, "--db", sample, "export", "--format", "json", "-o", bigJSON)
	held := journalExport(t, journal)

	tags := make([]string, 30)
	for i := range tags {
		tags[i] = fmt.Sprintf("tag-%02d", i)
	}
	var (
		logArgs     = []string{"log", "ngozi", "--via", "text", "--note", strings.Repeat("We talked for a long time. ", 70)}
		contactArgs = []string{"contact", "add", "--name", "Sam Okafor", "--notes", strings.Repeat("Boundaries and notes. ", 450), "--tags", strings.Join(tags, ",")}
		importArgs  = []string{"import", bigJSON}
	)

	tests := []struct {
		name  string
		args  []string
		says  string
		room  int64
		tmpfs bool
	}{
		{name: "tmpfs/log", tmpfs: true, room: roomToOpenOnly, args: logArgs, says: saysDiskFull},
		{name: "tmpfs/contact add", tmpfs: true, room: roomToOpenOnly, args: contactArgs, says: saysDiskFull},
		{name: "tmpfs/import", tmpfs: true, room: roomToOpenOnly, args: importArgs, says: saysDiskFull},
		{name: "tmpfs/log with no room to open", tmpfs: true, room: noRoomToOpen, args: logArgs, says: saysNoRoomToOpen},
		{name: "file size limit/import", room: roomToOpenOnly, args: importArgs, says: saysWriteRefused},
		{name: "file size limit/log with no room to open", room: noRoomToOpen, args: logArgs, says: saysNoRoomToOpen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var db string
			var cmd *exec.Cmd
			var makeRoom func()
			if tt.tmpfs {
				disk := smallDisk(t, 1<<20)
				db = filepath.Join(disk, "tether.db")
				copyFile(t, journal, db)
				filler := fillDisk(t, disk, tt.room)
				makeRoom = func() {
					if err := os.Remove(filler); err != nil {
						t.Fatal(err)
					}
				}
				cmd = exec.Command(bin, append([]string{"--db", db}, tt.args...)...)
			} else {
				db = filepath.Join(t.TempDir(), "tether.db")
				copyFile(t, journal, db)
				makeRoom = func() {}
				cmd = withFileSizeLimit(tt.room, bin, append([]string{"--db", db}, tt.args...)...)
			}
			before := journaltest.Sum(t, db)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Fatalf("exit %d (%v), want 1\nstdout: %s\nstderr: %s", code, err, stdout.String(), stderr.String())
			}
			journaltest.OneLineErr(t, stderr.String(), tt.says)
			for _, j := range sqliteJargon {
				if strings.Contains(stderr.String(), j) {
					t.Errorf("stderr speaks SQLite (%q): %s", j, stderr.String())
				}
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
			if journaltest.Sum(t, db) != before {
				t.Fatal("the journal file was changed")
			}

			// With room again, an ordinary open finds all it held, and
			// leaves nothing beside the journal.
			makeRoom()
			if got := journalExport(t, db); got != held {
				t.Fatalf("after the full disk the journal holds\n%s\nwant\n%s", got, held)
			}
			if _, err := store.CheckJournalFile(context.Background(), db); err != nil {
				t.Fatal(err)
			}
			if got := journaltest.DirNames(t, filepath.Dir(db)); !slices.Equal(got, []string{"tether.db"}) {
				t.Errorf("beside the journal after a normal open: %v", got)
			}
			t.Logf("%s", strings.TrimSpace(stderr.String()))
		})
	}
}

// journalExport opens the journal as the app does and returns everything
// in it as Tether JSON, without the moment of export.
func journalExport(t *testing.T, db string) string {
	t.Helper()
	ex := exportOf(t, db)
	ex.ExportedAt = time.Time{}
	var b bytes.Buffer
	if err := journalfile.EncodeExport(&b, ex); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// smallDisk mounts a tmpfs of size bytes on a new folder for the test, or
// skips the test saying why it cannot.
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tether-test", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
		t.Skipf("a full disk is simulated here with a small tmpfs, and mounting one needs root or CAP_SYS_ADMIN: %v", err)
	}
	// Registered after TempDir's, so it runs before the folder is removed.
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount the test's tmpfs %s: %v", dir, err)
		}
	})
	return dir
}

// fillDisk leaves room bytes free on the file system of dir: a filler
// file takes the rest. It returns the filler's path.
func fillDisk(t *testing.T, dir string, room int64) string {
	t.Helper()
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	free := int64(fs.Bavail) * fs.Bsize
	if free < room {
		t.Fatalf("the test's disk has %d bytes free, fewer than the %d it should keep", free, room)
	}
	filler := filepath.Join(dir, "filler")
	err := os.WriteFile(filler, make([]byte, free-room), 0o600)
	if errors.Is(err, syscall.ENOSPC) && room == 0 {
		// The app wrote meanwhile (an autosave) and took some of the
		// room: the disk is full, as asked.
		err = nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return filler
}

const fileSizeLimitEnv = "TETHER_FILE_SIZE_LIMIT"

// withFileSizeLimit runs bin with args under a file size limit of limit
// bytes, through TestFileSizeLimitHelper (no shell: ulimit's units differ
// between shells).
func withFileSizeLimit(limit int64, bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestFileSizeLimitHelper$", "--", bin}, args...)...)
	cmd.Env = append(os.Environ(), fileSizeLimitEnv+"="+strconv.FormatInt(limit, 10))
	return cmd
}

// TestFileSizeLimitHelper is not a test on its own: started by
// withFileSizeLimit, it sets RLIMIT_FSIZE, ignores SIGXFSZ (so a write past
// the limit fails with EFBIG instead of ending the process), and becomes
// the program named after "--". Both are kept across exec.
func TestFileSizeLimitHelper(t *testing.T) {
	v := os.Getenv(fileSizeLimitEnv)
	if v == "" {
		t.Skip("a helper for TestFullDiskChangesNothing")
	}
	limit, err := strconv.ParseUint(v, 10, 64)
	args := flag.Args()
	if err != nil || len(args) == 0 {
		fmt.Fprintf(os.Stderr, "helper: %s=%q, args %q\n", fileSizeLimitEnv, v, args)
		os.Exit(3)
	}
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Fprintln(os.Stderr, "helper: setrlimit:", err)
		os.Exit(3)
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, fileSizeLimitEnv+"=") })
	err = syscall.Exec(args[0], args, env)
	fmt.Fprintln(os.Stderr, "helper: exec:", err)
	os.Exit(3)
}
