package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/store"
)

func TestUsageAndVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"--help"}, 0, "Usage:", ""},
		{[]string{"-h"}, 0, "Usage:", ""},
		{[]string{"help"}, 0, "Usage:", ""},
		{[]string{"--version"}, 0, "tether 0.", ""},
		{[]string{"--nope"}, 2, "", "flag provided but not defined"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"demo", "--size", "huge"}, 2, "", "demo:"},
		{[]string{"demo", "extra"}, 2, "", `unexpected "extra"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Fatalf("code %d, stdout %q, stderr %q", code, out, errs)
			}
		})
	}
}

// A file Tether must not open is refused with one line on stderr and exit
// 1, and is left exactly as it was.
func TestRefusedJournalsExitOneAndStayUnchanged(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	garbage := filepath.Join(dir, "notes.txt")
	os.WriteFile(garbage, []byte("my private notes, not a database\n"), 0o600)

	foreign := filepath.Join(dir, "other.db")
	journaltest.ForeignSQLite(t, foreign)

	newer := filepath.Join(dir, "newer.db")
	st, err := store.Open(context.Background(), newer)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	journaltest.SetUserVersion(t, newer, 99)

	for _, tt := range []struct{ path, says string }{
		{garbage, "not a Tether journal"},
		{foreign, "not a Tether journal"},
		{newer, "newer Tether"},
	} {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			before := journaltest.Sum(t, tt.path)
			code, _, errs := runCLI("--db", tt.path)
			if code != 1 {
				t.Fatalf("exit %d, want 1 (stderr %q)", code, errs)
			}
			if !strings.Contains(errs, tt.says) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Fatalf("want one line saying %q, got %q", tt.says, errs)
			}
			if journaltest.Sum(t, tt.path) != before {
				t.Fatal("the refused file was changed")
			}
		})
	}

	t.Run("directory", func(t *testing.T) {
		code, _, errs := runCLI("--db", dir)
		if code != 1 || !strings.Contains(errs, "directory") {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("TETHER_DB", func(t *testing.T) {
		if code, _, errs := runCLIWith(map[string]string{"TETHER_DB": garbage}); code != 1 || !strings.Contains(errs, garbage) {
			t.Fatalf("TETHER_DB not used: exit %d, stderr %q", code, errs)
		}
	})
}

func TestDemoSaveWritesASampleAndRefusesToOverwrite(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "sample.db")
	code, out, errs := runCLI("demo", "--save", path, "--size", "small")
	if code != 0 || !strings.Contains(out, "Wrote a small sample journal") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	active, archived, err := st.CountContacts(context.Background())
	st.Close()
	if err != nil || active+archived != 24 {
		t.Fatalf("sample has %d+%d contacts, err %v", active, archived, err)
	}
	before := journaltest.Sum(t, path)
	if code, _, _ := runCLI("demo", "--save", path); code != 1 {
		t.Fatalf("overwriting a journal: exit %d, want 1", code)
	}
	if journaltest.Sum(t, path) != before {
		t.Fatal("demo --save changed an existing journal")
	}
}
