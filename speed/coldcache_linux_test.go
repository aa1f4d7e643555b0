package main

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// A dropped journal, its write-ahead log with it, is out of memory, and
// warm brings it back: the cold start's row starts from the disk, and the
// rows after it do not.
func TestDropFromPageCacheAndWarm(t *testing.T) {
	dir := t.TempDir()
	var fs unix.Statfs_t
	if err := unix.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	if fs.Type == unix.TMPFS_MAGIC {
		t.Skip("the temporary folder is on tmpfs, whose pages are the files")
	}
	path := filepath.Join(dir, "journal.db")
	for _, name := range []string{path, path + "-wal"} {
		data := make([]byte, 4<<20)
		if _, err := rand.Read(data); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	share := func() float64 {
		t.Helper()
		s, err := residentShare(path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if err := warm(path); err != nil {
		t.Fatal(err)
	}
	if s := share(); s < 0.9 {
		t.Fatalf("after warm, %.0f%% of the journal is in memory; want nearly all", s*100)
	}
	if err := dropFromPageCache(path); err != nil {
		t.Fatal(err)
	}
	if s := share(); s > 0.1 {
		t.Fatalf("after the drop, %.0f%% of the journal is in memory; want nearly none", s*100)
	}
	if err := warm(path); err != nil {
		t.Fatal(err)
	}
	if s := share(); s < 0.9 {
		t.Fatalf("after warming again, %.0f%% of the journal is in memory; want nearly all", s*100)
	}
}
