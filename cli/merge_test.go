package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Two copies of a journal kept by export and import: the second copy's
// change to a person comes back to the first as that person, with their
// history, and the report says what changed.
func TestImportMergesAnotherCopy(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "tether.db"), filepath.Join(dir, "b", "tether.db")
	mustCLI(t, a, "contact", "add", "--name", "Denise Okafor", "--phone", "(312) 555-0147")
	fromA := filepath.Join(dir, "from-a.json")
	mustCLI(t, a, "export", "--format", "json", "-o", fromA)
	mustCLI(t, b, "import", fromA)
	mustCLI(t, b, "log", "Denise", "--via", "call", "--at", "yesterday 10:00")
	fromB := filepath.Join(dir, "from-b.json")
	mustCLI(t, b, "export", "--format", "json", "-o", fromB)
	out := mustCLI(t, a, "import", fromB)
	if !strings.HasPrefix(out, "Imported 0 contacts, 1 reach-out,") {
		t.Fatalf("import said %q", out)
	}
	list := mustCLI(t, a, "contact", "list")
	if strings.Count(list, "Denise Okafor") != 1 {
		t.Fatalf("A's contacts after the merge:\n%s", list)
	}
	// Again: nothing new.
	if again := mustCLI(t, a, "import", fromB); !strings.HasPrefix(again, "Imported 0 contacts, 0 reach-outs,") {
		t.Fatalf("the second import said %q", again)
	}
}
