package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A journal path that is a symbolic link (the journal kept on another
// disk): restore replaces the journal the link points to, keeps the old one
// beside it, and the link stays a link.
func TestRestoreThroughASymlinkKeepsTheLink(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	fill(t, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	want := exportAll(t, s)

	elsewhere := t.TempDir()
	target := filepath.Join(elsewhere, "real.db")
	openAt(t, target).Close()
	linkDir := t.TempDir()
	link := filepath.Join(linkDir, "tether.db")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(ctx, link, backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is gone: %v, %v", fi, err)
	}
	if to, _ := os.Readlink(link); to != target {
		t.Fatalf("the link now points to %q", to)
	}
	if filepath.Dir(kept) != elsewhere {
		t.Errorf("the old journal was kept at %s, not beside the one it was", kept)
	}
	if got := listDir(t, linkDir); !equalStrings(got, []string{"tether.db"}) {
		t.Errorf("the link's folder holds %v", got)
	}
	sameExport(t, want, exportAll(t, openCopy(t, link)))

	// A relative link to a journal not made yet is followed too.
	fresh := filepath.Join(linkDir, "new.db")
	if err := os.Symlink("sub/made.db", fresh); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, fresh, backup, restoreTime); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(fresh); err != nil || fi.Mode()&os.ModeSymlink == 0 || !exists(filepath.Join(linkDir, "sub", "made.db")) {
		t.Fatalf("restore through a dangling link: %v, %v", fi, err)
	}
}

// A restore killed between its copy and its rename left a hidden copy in
// the journal's folder: the next restore removes it.
func TestRestoreCleansAnInterruptedRestoresCopy(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	fill(t, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	journal := filepath.Join(dir, "tether.db")
	openAt(t, journal).Close()
	left := filepath.Join(dir, ".tether-restore-123456.db")
	if err := os.WriteFile(left, []byte("half a copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(ctx, journal, backup, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); !equalStrings(got, []string{"tether.db", filepath.Base(kept)}) {
		t.Errorf("the folder holds %v", got)
	}
}
