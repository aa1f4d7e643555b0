package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model/journalfile"
)

// failingAt is a table writer that writes every table but the nth (from 0),
// which fails half-way as a full disk would.
func failingAt(n int) func(io.Writer, string) error {
	return func(w io.Writer, table string) error {
		if table == journalfile.CSVTables[n] {
			io.WriteString(w, "name,phone\nMaría,+1 555 01")
			return errors.New("no space left on device")
		}
		_, err := io.WriteString(w, "name\nMaría Santos\n")
		return err
	}
}

// A CSV export that fails part way (the disk fills on the third table)
// removes every file it wrote and the folder it made, and only then says
// nothing was left behind.
func TestFailedCSVExportRemovesWhatItMade(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tether-csv")
	err := writeCSVTables(dir, ".csv", false, failingAt(2))
	if err == nil {
		t.Fatal("a failing table gave no error")
	}
	if !strings.Contains(err.Error(), "no space left on device") || !strings.Contains(err.Error(), "nothing was left behind (the folder "+dir+" was removed too)") {
		t.Errorf("error %q, want the cause and that nothing was left", err)
	}
	if exists(dir) {
		t.Fatalf("the folder %s is still there, holding %v", dir, journaltest.DirNames(t, dir))
	}

	// In a folder the person already had (with a file of their own), the
	// folder and their file stay, and nothing of the export does.
	dir = t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = writeCSVTables(dir, ".csv", false, failingAt(4))
	if err == nil || !strings.Contains(err.Error(), "nothing in "+dir+" was changed") {
		t.Errorf("error %v, want that nothing in the folder was changed", err)
	}
	if got := journaltest.DirNames(t, dir); !slices.Equal(got, []string{"notes.txt"}) {
		t.Errorf("the folder holds %v, want only the person's own notes.txt", got)
	}

	// With --force over an earlier export, a failure leaves the earlier
	// files exactly as they were.
	for _, table := range journalfile.CSVTables {
		if err := os.WriteFile(filepath.Join(dir, table+".csv"), []byte("earlier"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeCSVTables(dir, ".csv", true, failingAt(3)); err == nil {
		t.Fatal("a failing table gave no error")
	}
	for _, table := range journalfile.CSVTables {
		if b, _ := os.ReadFile(filepath.Join(dir, table+".csv")); string(b) != "earlier" {
			t.Errorf("%s.csv holds %q after a failed export, want the earlier file", table, b)
		}
	}
	if got := len(journaltest.DirNames(t, dir)); got != len(journalfile.CSVTables)+1 {
		t.Errorf("the folder holds %v, want the earlier files and notes.txt only", journaltest.DirNames(t, dir))
	}
}

// The same as the person meets it: tether export into a folder that
// cannot be written to (read-only) fails in one line, and leaves nothing.
func TestCSVExportIntoAReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("a read-only folder stops neither root nor Windows' owner")
	}
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "María Santos", "--phone", "+1 555 0100")
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	code, out, errs := cli(db, "export", "--format", "csv", "-o", dir)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	journaltest.OneLineErr(t, errs, "permission denied; nothing in "+dir+" was changed")
	if got := journaltest.DirNames(t, dir); len(got) != 0 {
		t.Errorf("the folder holds %v", got)
	}
}
