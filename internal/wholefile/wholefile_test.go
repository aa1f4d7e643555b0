package wholefile_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/wholefile"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteIsWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "export.json")

	// A write that fails half-way leaves nothing at all.
	err := wholefile.Write(final, false, func(w io.Writer) error {
		io.WriteString(w, `{"half":`)
		return errors.New("the disk is full")
	})
	if err == nil || len(names(t, dir)) != 0 {
		t.Fatalf("after a failed write: err %v, folder %v; want an error and an empty folder", err, names(t, dir))
	}

	// A whole write is there, private, and alone.
	if err := wholefile.Write(final, false, func(w io.Writer) error { _, err := io.WriteString(w, "one"); return err }); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"export.json"}) {
		t.Fatalf("folder %v, want only export.json", got)
	}
	if fi, _ := os.Stat(final); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}

	// Without replace an existing file is kept; with it, replaced whole.
	err = wholefile.Write(final, false, func(w io.Writer) error { _, err := io.WriteString(w, "two"); return err })
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("write over an existing file without replace: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(final); string(b) != "one" {
		t.Fatalf("the existing file now holds %q", b)
	}
	if err := wholefile.Write(final, true, func(w io.Writer) error { _, err := io.WriteString(w, "three"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(final); string(b) != "three" || len(names(t, dir)) != 1 {
		t.Fatalf("after replace: %q, folder %v", b, names(t, dir))
	}
}

func TestLeftoversAreCleanedByTheNextRunForTheSameName(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "backup.db")
	// What a killed run leaves: its temporary and SQLite's journal of it;
	// and another file's temporary, which may belong to a run still going.
	mine := filepath.Join(dir, wholefile.TempPrefix+"backup.db.123")
	theirs := filepath.Join(dir, wholefile.TempPrefix+"other.csv.456")
	for _, p := range []string{mine, mine + "-journal", theirs} {
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := wholefile.Write(final, false, func(w io.Writer) error { _, err := io.WriteString(w, "whole"); return err }); err != nil {
		t.Fatal(err)
	}
	got := names(t, dir)
	if !slices.Equal(got, []string{wholefile.TempPrefix + "other.csv.456", "backup.db"}) {
		t.Fatalf("folder after the next run: %v", got)
	}
	for _, n := range got {
		if strings.HasPrefix(n, wholefile.TempPrefix+"backup.db") {
			t.Errorf("leftover %s was not removed", n)
		}
	}
}

// WriteShared leaves a temporary of the same name that another run may
// still be writing (a young one), and cleans one a killed run left long
// ago.
func TestWriteSharedLeavesAnotherRunsTemporary(t *testing.T) {
	dir := t.TempDir()
	final := filepath.Join(dir, "tether-0123.json")
	young, err := wholefile.Create(final)
	if err != nil {
		t.Fatal(err)
	}
	young.Close()
	old, err := os.CreateTemp(dir, wholefile.TempPrefix+"tether-0123.json.*")
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	long := time.Now().Add(-wholefile.SharedPatience - time.Minute)
	if err := os.Chtimes(old.Name(), long, long); err != nil {
		t.Fatal(err)
	}
	if err := wholefile.WriteShared(final, func(w io.Writer) error {
		_, err := io.WriteString(w, "whole")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(young.Name()); err != nil {
		t.Errorf("the other run's temporary went: %v", err)
	}
	if _, err := os.Stat(old.Name()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old leftover stayed: %v", err)
	}
	if got, err := os.ReadFile(final); err != nil || string(got) != "whole" {
		t.Errorf("final: %q, %v", got, err)
	}
}
