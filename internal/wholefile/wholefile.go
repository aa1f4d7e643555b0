// Package wholefile writes files whole or not at all. A backup or an export
// is written under a temporary name in its own folder, flushed to the disk,
// and only then given its final name, in one step; a process killed half-way
// leaves no partial file under that name, only a temporary that the next
// run for the same name removes.
package wholefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// TempPrefix starts the name of every temporary, so a person who finds
// one knows whose it is, and the next run can find it.
const TempPrefix = ".tether-tmp-"

// tempPattern is the os.CreateTemp pattern of final's temporaries.
func tempPattern(final string) string {
	return TempPrefix + filepath.Base(final) + ".*"
}

// Create makes an empty private (0600) temporary file for final, in
// final's folder, after removing what earlier runs for the same final
// name left behind (a run that was killed, or lost its power).
func Create(final string) (*os.File, error) {
	return create(final, 0)
}

// create is Create, leaving temporaries younger than young.
func create(final string, young time.Duration) (*os.File, error) {
	dir := filepath.Dir(final)
	cleanLeftovers(final, young)
	f, err := os.CreateTemp(dir, tempPattern(final))
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o600); err != nil && !errors.Is(err, fs.ErrPermission) && !errors.Is(err, errors.ErrUnsupported) {
		// A file system without modes (FAT) has nothing more private to
		// offer; any other refusal is a reason to stop.
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// CleanLeftovers removes the temporaries of final that earlier runs left,
// and returns their names. Only final's own are touched: another file's
// temporary may belong to a run still going.
func CleanLeftovers(final string) []string {
	return cleanLeftovers(final, 0)
}

// cleanLeftovers is CleanLeftovers, leaving temporaries younger than
// young (none, for 0).
func cleanLeftovers(final string, young time.Duration) []string {
	dir := filepath.Dir(final)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	prefix := TempPrefix + filepath.Base(final) + "."
	var removed []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			if young > 0 {
				if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < young {
					continue
				}
			}
			name := filepath.Join(dir, e.Name())
			if os.Remove(name) == nil {
				removed = append(removed, name)
			}
		}
	}
	return removed
}

// Remove removes a temporary that will not be placed, and the rollback
// journal SQLite may have left beside it.
func Remove(tmp string) {
	os.Remove(tmp)
	os.Remove(tmp + "-journal")
}

// Place gives the temporary tmp, written, flushed and closed, its final
// name. Without replace an existing final is never replaced, even one made
// a moment ago: the error wraps fs.ErrExist and tmp is left for the caller
// to remove. The folder is flushed too, so the new name survives a power
// cut.
func Place(tmp, final string, replace bool) error {
	if replace {
		if err := os.Rename(tmp, final); err != nil {
			return err
		}
		SyncDir(filepath.Dir(final))
		return nil
	}
	// A hard link fails if final exists, where a rename would replace it.
	err := os.Link(tmp, final)
	switch {
	case err == nil:
		os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", final, fs.ErrExist)
	default:
		// No hard links here (FAT, some network shares): look, then rename.
		if _, serr := os.Lstat(final); serr == nil {
			return fmt.Errorf("%s: %w", final, fs.ErrExist)
		}
		if err := os.Rename(tmp, final); err != nil {
			return err
		}
	}
	SyncDir(filepath.Dir(final))
	return nil
}

// Write writes final whole: write fills a temporary through a buffer, which
// is flushed to the disk and placed as Place does. On any error nothing is
// left under final's name (an existing final is untouched) and the
// temporary is removed.
func Write(final string, replace bool, write func(io.Writer) error) error {
	tmp, err := Written(final, write)
	if err != nil {
		return err
	}
	if err := Place(tmp, final, replace); err != nil {
		Remove(tmp)
		return err
	}
	return nil
}

// WriteShared is Write, replacing final, for a file that another run may
// be writing at the same moment (two windows of one journal that sync at
// once): a temporary of final younger than SharedPatience may be that
// run's, still being written, and is left to it; older ones are leftovers
// of runs that were killed, and go.
func WriteShared(final string, write func(io.Writer) error) error {
	tmp, err := written(final, SharedPatience, write)
	if err != nil {
		return err
	}
	if err := Place(tmp, final, true); err != nil {
		Remove(tmp)
		return err
	}
	return nil
}

// SharedPatience is how long a temporary of WriteShared's is taken to
// belong to a run still going.
const SharedPatience = 10 * time.Minute

// Written is the first half of Write: the temporary, written, flushed to
// the disk and closed, ready for Place; on error it is already removed.
// Several files that must appear together are each Written, then Placed.
func Written(final string, write func(io.Writer) error) (string, error) {
	return written(final, 0, write)
}

// written is Written, leaving temporaries younger than young.
func written(final string, young time.Duration, write func(io.Writer) error) (string, error) {
	f, err := create(final, young)
	if err != nil {
		return "", err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// SyncDir makes a file's creation or renaming in dir durable. Not every
// system can flush a folder (Windows cannot), and failing to is no reason
// to fail.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
