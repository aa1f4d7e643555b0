//go:build unix

package e2e

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/sealed"
	"github.com/tether-recovery/tether/store"
)

// An encrypted backup begins as a plain copy of the journal beside it.
// Stopped at any moment, with ctrl+c (SIGINT) or a kill (SIGTERM), it
// removes that copy and leaves nothing under the backup's name (or the
// whole backup, when it had finished); killed
// outright (SIGKILL), what it left is removed by the next encrypted
// backup. Each round starts the backup of the large sample journal and
// signals it at a random moment of its run (with a passphrase about 1.7 s,
// most of it scrypt, so up to 3 s also lets some finish; to a key about
// 0.3 s).

// signalledRun starts tether with args and sends it sig after delay; it
// reports whether the command had finished (successfully) by then.
func signalledRun(t *testing.T, bin string, sig syscall.Signal, delay time.Duration, args ...string) (finished bool) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("tether %s, before the signal: %v\n%s", strings.Join(args, " "), err, out.String())
		}
		return true
	case <-time.After(delay):
	}
	cmd.Process.Signal(sig)
	if err := <-done; err == nil {
		return true // it finished as the signal came
	}
	// A signal that came before tether set out to catch it ended it at
	// once, before it wrote anything; any later one is caught and said.
	caught := !cmd.ProcessState.Sys().(syscall.WaitStatus).Signaled()
	if sig != syscall.SIGKILL && caught && !strings.Contains(out.String(), "tether: interrupted") {
		t.Fatalf("tether %s, stopped by %v, said:\n%s", strings.Join(args, " "), sig, out.String())
	}
	return false
}

// plainCopies lists the private folders of plain copies in dir.
func plainCopies(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tether-plain-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestStoppedEncryptedBackupLeavesNoPlainCopy(t *testing.T) {
	longAlongside(t)
	if testing.Short() {
		t.Skip("stops a backup of the large sample journal many times")
	}
	bin := builtBinary(t)
	db := largeJournal(t, bin)
	journalDir := filepath.Dir(db)
	pass := filepath.Join(t.TempDir(), "passphrase")
	if err := os.WriteFile(pass, []byte("a passphrase for the test\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rounds := max(killRounds(t)/2, 4)
	rng := rand.New(rand.NewPCG(killSeed, 3))
	out := t.TempDir()
	stopped := 0
	for round := range rounds {
		sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[round%2]
		backup := filepath.Join(out, "backup-"+strconv.Itoa(round)+".db.age")
		delay := time.Duration(rng.Int64N(int64(3000 * time.Millisecond)))
		finished := signalledRun(t, bin, sig, delay, "--db", db, "backup", "--passphrase-file", pass, backup)
		if !finished {
			stopped++
		}
		if left := plainCopies(t, journalDir); len(left) > 0 {
			t.Fatalf("round %d (%v after %v): the plain copy was left beside the journal: %v", round, sig, delay, left)
		}
		if left := leftovers(t, out); len(left) > 0 {
			t.Fatalf("round %d (%v after %v): temporaries left beside the backup: %v", round, sig, delay, left)
		}
		if _, err := os.Lstat(backup); (err == nil) != finished {
			t.Fatalf("round %d (%v after %v): finished %v, but a file under the backup's name: %v", round, sig, delay, finished, err == nil)
		}
	}
	t.Logf("%d rounds, %d stopped before they finished", rounds, stopped)
}

func TestKilledEncryptedBackupsPlainCopyGoesNextTime(t *testing.T) {
	longAlongside(t)
	if testing.Short() {
		t.Skip("kills a backup of the large sample journal many times")
	}
	bin := builtBinary(t)
	db := largeJournal(t, bin)
	journalDir := filepath.Dir(db)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	key := id.Recipient().String()
	rng := rand.New(rand.NewPCG(killSeed, 4))
	out := t.TempDir()
	killed, leftBehind := 0, 0
	for round := range killRounds(t) {
		backup := filepath.Join(out, "backup-"+strconv.Itoa(round)+".db.age")
		if !signalledRun(t, bin, syscall.SIGKILL, time.Duration(rng.Int64N(int64(600*time.Millisecond))),
			"--db", db, "backup", "--recipient", key, backup) {
			killed++
		}
		if len(plainCopies(t, journalDir)) > 0 {
			leftBehind++
		}
		if _, err := os.Lstat(backup); err == nil {
			wholeBackup(t, backup, id) // named only once it is whole
		}
		// The next encrypted backup removes what the killed one left.
		next := filepath.Join(out, "next-"+strconv.Itoa(round)+".db.age")
		runBinary(t, bin, "--db", db, "backup", "--recipient", key, next)
		if left := plainCopies(t, journalDir); len(left) > 0 {
			t.Fatalf("round %d: the next backup left the plain copies %v", round, left)
		}
	}
	t.Logf("%d rounds, %d killed before they finished, %d of them leaving a plain copy", killRounds(t), killed, leftBehind)
}

// wholeBackup decrypts an encrypted backup and checks it as restore would.
func wholeBackup(t *testing.T, path string, id age.Identity) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := sealed.Open(f, id)
	if err != nil {
		t.Fatalf("%s does not open: %v", path, err)
	}
	plain := filepath.Join(t.TempDir(), "plain.db")
	out, err := os.Create(plain)
	if err == nil {
		_, err = io.Copy(out, r)
		out.Close()
	}
	if err != nil {
		t.Fatalf("%s does not decrypt whole: %v", path, err)
	}
	if _, err := store.CheckJournalFile(context.Background(), plain); err != nil {
		t.Fatalf("%s is not a whole journal: %v", path, err)
	}
}
