//go:build unix

package e2e

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/wholefile"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

// A backup or an export killed at any moment leaves nothing under the name
// it was writing, or the whole file, never a part; the temporary it leaves
// is removed by the next run to the same name. Each round starts the
// command on the large sample journal (a backup takes about 0.2 s, an
// export 0.2 to 0.4 s) and kills it (SIGKILL) at a random moment in that
// time.

const (
	killRoundsEnv = "TETHER_KILL_ROUNDS" // rounds for each command (20 unless set; 50 for the long run)
	killDefault   = 20
	killSeed      = uint64(0x7e7e_c0de_2026_21)
)

func killRounds(t *testing.T) int {
	v := os.Getenv(killRoundsEnv)
	if v == "" {
		return killDefault
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", killRoundsEnv, v)
	}
	return n
}

// killedRun starts tether with args and kills it (SIGKILL) after delay;
// it reports whether the command had finished by then.
func killedRun(t *testing.T, bin string, delay time.Duration, args ...string) (finished bool) {
	t.Helper()
	return signalledRun(t, bin, syscall.SIGKILL, delay, args...)
}

// leftovers lists the temporaries in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), wholefile.TempPrefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestKilledBackupLeavesNoPartialFile(t *testing.T) {
	longAlongside(t)
	if testing.Short() {
		t.Skip("kills a backup of the large sample journal many times")
	}
	bin := builtBinary(t)
	db := largeJournal(t, bin)
	rng := rand.New(rand.NewPCG(killSeed, 1))
	out := t.TempDir()
	killed, leftBehind := 0, 0
	for round := range killRounds(t) {
		backup := filepath.Join(out, "backup-"+strconv.Itoa(round)+".db")
		if !killedRun(t, bin, time.Duration(rng.Int64N(int64(300*time.Millisecond))), "--db", db, "backup", backup) {
			killed++
		}
		if len(leftovers(t, out)) > 0 {
			leftBehind++
		}
		if _, err := os.Lstat(backup); err == nil {
			// Named only once it is whole and checked.
			if _, err := store.CheckJournalFile(context.Background(), backup); err != nil {
				t.Fatalf("round %d: the file under the backup's name is not whole: %v", round, err)
			}
		}
		// The next backup to that name removes what the killed one left,
		// whether it then writes the backup or finds it there already.
		cmd := exec.Command(bin, "--db", db, "backup", backup)
		if msg, err := cmd.CombinedOutput(); err != nil && !strings.Contains(string(msg), "already exists") {
			t.Fatalf("round %d: the next backup: %v\n%s", round, err, msg)
		}
		if got := leftovers(t, out); len(got) > 0 {
			t.Fatalf("round %d: the next backup left the temporaries %v", round, got)
		}
		if _, err := store.CheckJournalFile(context.Background(), backup); err != nil {
			t.Fatalf("round %d: after the next backup: %v", round, err)
		}
	}
	t.Logf("%d rounds, %d killed before they finished, %d of them leaving a temporary", killRounds(t), killed, leftBehind)
}

func TestKilledExportLeavesNoPartialFile(t *testing.T) {
	longAlongside(t)
	if testing.Short() {
		t.Skip("kills an export of the large sample journal many times")
	}
	bin := builtBinary(t)
	db := largeJournal(t, bin)
	ref := t.TempDir()
	// The period is fixed so the Markdown summary is the same every run.
	formats := []struct {
		name string
		args []string
	}{
		{"json", []string{"--format", "json"}},
		{"csv", []string{"--format", "csv"}},
		{"md", []string{"--format", "md", "--from", "2016-01-01", "--to", "2025-12-31"}},
		{"vcf", []string{"--format", "vcf"}},
	}
	// What a whole export of each format is, to compare with.
	for _, f := range formats {
		runBinary(t, bin, append([]string{"--db", db, "export", "-o", filepath.Join(ref, f.name)}, f.args...)...)
	}
	whole := func(t *testing.T, format, path, want string) {
		t.Helper()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if format == "json" {
			// A JSON export holds the moment it was made: whole is
			// readable, with every entry.
			ex, err := journalfile.DecodeExport(bytes.NewReader(got))
			if err != nil || len(ex.ReachOuts) != 50000 {
				t.Fatalf("%s is not a whole export: %v (%d reach-outs)", path, err, len(ex.ReachOuts))
			}
			return
		}
		if w, _ := os.ReadFile(want); !bytes.Equal(got, w) {
			t.Fatalf("%s holds %d bytes, not the %d of a whole export", path, len(got), len(w))
		}
	}
	rng := rand.New(rand.NewPCG(killSeed, 2))
	out := t.TempDir()
	killed, leftBehind := 0, 0
	for round := range killRounds(t) {
		f := formats[round%len(formats)]
		target := filepath.Join(out, f.name+"-"+strconv.Itoa(round))
		args := append([]string{"--db", db, "export", "-o", target}, f.args...)
		if !killedRun(t, bin, time.Duration(rng.Int64N(int64(400*time.Millisecond))), args...) {
			killed++
		}
		check := func() {
			t.Helper()
			if f.name != "csv" {
				if _, err := os.Lstat(target); err == nil {
					whole(t, f.name, target, filepath.Join(ref, f.name))
				}
				return
			}
			// A folder of tables: each file there is whole.
			for _, table := range journalfile.CSVTables {
				if p := filepath.Join(target, table+".csv"); fileExists(p) {
					whole(t, "csv", p, filepath.Join(ref, "csv", table+".csv"))
				}
			}
		}
		check()
		if len(leftovers(t, out)) > 0 || (f.name == "csv" && fileExists(target) && len(leftovers(t, target)) > 0) {
			leftBehind++
		}
		// The next export to that name (with --force, so that it writes)
		// removes what the killed one left, and is whole.
		runBinary(t, bin, append(args, "--force")...)
		dir := out
		if f.name == "csv" {
			dir = target
		}
		if got := leftovers(t, dir); len(got) > 0 {
			t.Fatalf("round %d (%s): the next export left the temporaries %v", round, f.name, got)
		}
		check()
	}
	t.Logf("%d rounds, %d killed before they finished, %d of them leaving a temporary", killRounds(t), killed, leftBehind)
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
