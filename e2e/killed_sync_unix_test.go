//go:build unix

package e2e

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model/journalfile"
)

// A sync killed at any moment (SIGKILL) leaves the journal and the folder
// consistent: the other copy's changes are in the journal whole or not at
// all (one transaction), this copy's file in the folder is absent, its
// last version, or whole (written under a temporary name and renamed),
// and the next sync finishes the work.
func TestEndToEndKilledSync(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	folder := filepath.Join(dir, "Sync")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a", "tether.db"), filepath.Join(dir, "b", "tether.db")
	runBinary(t, bin, "demo", "--save", a)
	start := filepath.Join(dir, "start.json")
	runBinary(t, bin, "--db", a, "export", "--format", "json", "-o", start)
	runBinary(t, bin, "--db", b, "import", start)
	for _, at := range []string{"yesterday 08:00", "yesterday 12:00", "yesterday 18:00"} {
		runBinary(t, bin, "--db", b, "log", "Denise", "--via", "call", "--note", "from b", "--at", at)
	}
	runBinary(t, bin, "--db", b, "sync", folder)

	// How long a whole sync takes, on a copy of A and of the folder.
	timing := filepath.Join(dir, "timing")
	if err := os.Mkdir(timing, 0o700); err != nil {
		t.Fatal(err)
	}
	copyFile(t, a, filepath.Join(timing, "tether.db"))
	files, _ := filepath.Glob(filepath.Join(folder, "tether-*.json"))
	for _, f := range files {
		copyFile(t, f, filepath.Join(timing, filepath.Base(f)))
	}
	began := time.Now()
	runBinary(t, bin, "--db", filepath.Join(timing, "tether.db"), "sync", timing)
	full := time.Since(began)
	t.Logf("a whole sync of the small sample: %v", full)

	rng := rand.New(rand.NewPCG(killSeed, 2))
	for round := range killRounds(t) {
		delay := time.Duration(rng.Int64N(int64(full) + 1))
		killedRun(t, bin, delay, "--db", a, "sync", folder)
		n := strings.Count(runBinary(t, bin, "--db", a, "export", "--format", "json"), `"note": "from b"`)
		if n != 0 && n != 3 {
			t.Fatalf("round %d (killed after %v): %d of B's 3 reach-outs in A: a sync was half done", round, delay, n)
		}
		files, _ := filepath.Glob(filepath.Join(folder, "tether-*.json"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := journalfile.DecodeExport(bytes.NewReader(data)); err != nil {
				t.Fatalf("round %d (killed after %v): %s is not whole: %v", round, delay, filepath.Base(f), err)
			}
		}
	}
	runBinary(t, bin, "--db", a, "sync", folder)
	runBinary(t, bin, "--db", b, "sync", folder)
	if ea, eb := comparable(runBinary(t, bin, "--db", a, "export", "--format", "json")),
		comparable(runBinary(t, bin, "--db", b, "export", "--format", "json")); ea != eb {
		t.Fatal("after the kills, a sync each way does not give the same journal")
	}
}
