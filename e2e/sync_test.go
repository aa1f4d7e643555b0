package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
)

// Two journals and one folder, as two computers and Syncthing: edits on
// both, sync A, sync B, sync A, and the two export the same journal. A
// changes file cut short in the folder is skipped with a message and
// nothing is lost; one from a newer Tether is refused.
func TestEndToEndSyncTwoJournalsThroughAFolder(t *testing.T) {
	bin := builtBinary(t)
	dir, folder, a, b := twoComputers(t)
	runBinary(t, bin, "--db", a, "contact", "add", "--name", "Denise Okafor", "--phone", "(312) 555-0147")
	start := filepath.Join(dir, "start.json")
	runBinary(t, bin, "--db", a, "export", "--format", "json", "-o", start)
	runBinary(t, bin, "--db", b, "import", start) // the desktop begins as a copy

	// Edits on both.
	runBinary(t, bin, "--db", a, "log", "Denise", "--via", "call", "--at", "yesterday 09:00")
	runBinary(t, bin, "--db", a, "contact", "add", "--name", "Sam Cole")
	runBinary(t, bin, "--db", b, "log", "Denise", "--via", "text", "--at", "yesterday 21:00")
	runBinary(t, bin, "--db", b, "checkin", "--mood", "4", "--note", "a good walk")

	out := runBinary(t, bin, "--db", a, "sync", folder)
	if !strings.Contains(out, "Wrote this journal's changes to ") {
		t.Fatalf("sync A said %q", out)
	}
	out = runBinary(t, bin, "--db", b, "sync", folder)
	if !strings.Contains(out, ": 1 person and 1 reach-out added.") {
		t.Fatalf("sync B said %q", out)
	}
	runBinary(t, bin, "--db", a, "sync", folder)
	if ea, eb := comparable(runBinary(t, bin, "--db", a, "export", "--format", "json")),
		comparable(runBinary(t, bin, "--db", b, "export", "--format", "json")); ea != eb {
		t.Fatalf("the two journals differ after syncing:\n%s\n---\n%s", ea, eb)
	}
	for _, want := range []string{"Sam Cole", "a good walk"} {
		if !strings.Contains(runBinary(t, bin, "--db", a, "export", "--format", "json"), want) {
			t.Errorf("the laptop lacks %q", want)
		}
	}

	// A file cut short (still being copied): skipped, nothing lost.
	files, _ := filepath.Glob(filepath.Join(folder, "tether-*.json"))
	if len(files) != 2 {
		t.Fatalf("files in the folder: %q", files)
	}
	bFile := otherThan(t, files, a, bin)
	whole, err := os.ReadFile(bFile)
	if err != nil {
		t.Fatal(err)
	}
	journaltest.WriteFile(t, bFile, string(whole[:len(whole)/2]))
	before := comparable(runBinary(t, bin, "--db", a, "export", "--format", "json"))
	cmd := exec.Command(bin, "--db", a, "sync", folder)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("sync with a half-copied file: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "skipped "+bFile+": it is not whole") {
		t.Fatalf("stderr %q", stderr.String())
	}
	if after := comparable(runBinary(t, bin, "--db", a, "export", "--format", "json")); after != before {
		t.Fatal("a half-copied file changed the journal")
	}

	// A file from a newer Tether: refused, exit 1, the rest still synced.
	journaltest.WriteFile(t, bFile, strings.Replace(string(whole), `"version": 1`, `"version": 99`, 1))
	cmd = exec.Command(bin, "--db", a, "sync", folder)
	stderr.Reset()
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil || !strings.Contains(stderr.String(), "newer Tether") {
		t.Fatalf("sync with a newer file: %v\n%s", err, stderr.String())
	}
}

// otherThan is the changes file in files that is not journal db's own.
func otherThan(t *testing.T, files []string, db, bin string) string {
	t.Helper()
	own := regexp.MustCompile(`"journal": "([0-9a-f]{32})"`).FindStringSubmatch(runBinary(t, bin, "--db", db, "export", "--format", "json"))
	for _, f := range files {
		if own == nil || !strings.Contains(f, own[1]) {
			return f
		}
	}
	t.Fatalf("no other copy's file in %q", files)
	return ""
}

// comparable is an export without what each copy has of its own: which
// copy wrote it, when, what it has seen of the others, and its local ids.
func comparable(export string) string {
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`"exported_at": "[^"]*"`),
		regexp.MustCompile(`,\n  "journal": "[0-9a-f]{32}"`),
		regexp.MustCompile(`,\n  "seen": \{[^}]*\}`),
		// Each copy numbers its own rows; the uids are what match.
		regexp.MustCompile(`\n      "(id|contact_id)": \d+,`),
	} {
		export = re.ReplaceAllString(export, "")
	}
	return export
}

// Two windows of one journal that sync at the same moment (two starts at
// once, or a start and a `tether sync`): both finish, neither takes the
// other for a second computer, and the folder keeps one whole file of
// the journal's.
func TestTwoSyncsOfOneJournalAtOnce(t *testing.T) {
	bin := builtBinary(t)
	_, folder, a, b := twoComputers(t)
	runBinary(t, bin, "--db", a, "contact", "add", "--name", "Denise Okafor")
	runBinary(t, bin, "--db", b, "contact", "add", "--name", "Sam Cole")
	runBinary(t, bin, "--db", b, "sync", folder)
	for round := range 5 {
		var runs [2]*exec.Cmd
		var outs [2]strings.Builder
		for i := range runs {
			runs[i] = exec.Command(bin, "--db", a, "sync", folder)
			runs[i].Stdout, runs[i].Stderr = &outs[i], &outs[i]
			if err := runs[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, r := range runs {
			if err := r.Wait(); err != nil {
				t.Fatalf("round %d, sync %d: %v\n%s", round, i, err, outs[i].String())
			}
			if strings.Contains(outs[i].String(), "identity") {
				t.Fatalf("round %d: a sync took the other for a copied journal:\n%s", round, outs[i].String())
			}
		}
		if n := names(folder); len(n) != 2 {
			t.Fatalf("round %d: the folder holds %v", round, n)
		}
	}
	if !strings.Contains(runBinary(t, bin, "--db", a, "export", "--format", "json"), "Sam Cole") {
		t.Error("the laptop lacks the desktop's person")
	}
}

// twoComputers is a folder both sync through and the journal paths of a
// laptop and a desktop, in a temporary folder (dir).
func twoComputers(t *testing.T) (dir, folder, laptop, desktop string) {
	t.Helper()
	dir = t.TempDir()
	folder = filepath.Join(dir, "Sync")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir, folder, filepath.Join(dir, "laptop", "tether.db"), filepath.Join(dir, "desktop", "tether.db")
}
