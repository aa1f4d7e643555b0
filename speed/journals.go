package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tether-recovery/tether/store/sample"
)

// journal is one sample journal the walk runs on, and the name its rows
// carry in the table.
type journal struct {
	size    sample.Size
	path    string
	program string // "tether" for large, "tether (xl)" for xl, …
}

// parseSizes reads -size: one or more sample sizes, comma-separated, each
// once, in the order given.
func parseSizes(list string) ([]sample.Size, error) {
	var sizes []sample.Size
	for _, part := range strings.Split(list, ",") {
		size, err := sample.ParseSize(part)
		if err != nil {
			return nil, err
		}
		for _, s := range sizes {
			if s == size {
				return nil, fmt.Errorf("size %s is given twice", size)
			}
		}
		sizes = append(sizes, size)
	}
	return sizes, nil
}

// sized names a program's rows for one journal size. Large keeps the plain
// name, as it had before there were other sizes, so that every existing
// row, target and the README's table still mean the same journal.
func sized(program string, size sample.Size) string {
	if size == sample.Large {
		return program
	}
	if strings.HasSuffix(program, ")") {
		return strings.TrimSuffix(program, ")") + ", " + string(size) + ")"
	}
	return fmt.Sprintf("%s (%s)", program, size)
}

// journalFor gives the sample journal of size, written by tether (the
// binary being measured) and never timed. With a cache folder the journal
// is kept there between runs: xxl takes minutes to write. Its name carries
// the day it was written for, because a sample journal is laid out around
// its "today" (who is due, what today's check-in holds): one written on
// another day would show different screens, so it is written afresh.
func journalFor(tether, dir, cache string, size sample.Size) (journal, error) {
	j := journal{size: size, program: sized("tether", size)}
	name := fmt.Sprintf("%s-%s.db", size, time.Now().Format("2006-01-02"))
	if cache == "" {
		j.path = filepath.Join(dir, name)
		return j, writeJournal(tether, j.path, size)
	}
	if err := os.MkdirAll(cache, 0o700); err != nil {
		return j, fmt.Errorf("journal folder: %w", err)
	}
	j.path = filepath.Join(cache, name)
	if _, err := os.Stat(j.path); err == nil {
		fmt.Fprintf(os.Stderr, "using the %s journal in %s\n", size, j.path)
		return j, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return j, fmt.Errorf("journal folder: %w", err)
	}
	// Written beside, then renamed: an interrupted write (xxl takes
	// minutes) must not be taken for a whole journal next time.
	tmp, err := os.MkdirTemp(cache, ".writing-")
	if err != nil {
		return j, fmt.Errorf("journal folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	made := filepath.Join(tmp, name)
	if err := writeJournal(tether, made, size); err != nil {
		return j, err
	}
	if err := os.Rename(made, j.path); err != nil {
		return j, fmt.Errorf("keep the %s journal: %w", size, err)
	}
	return j, nil
}

// writeJournal writes one sample journal with `tether demo --save` and says
// how long it took.
func writeJournal(tether, path string, size sample.Size) error {
	start := time.Now()
	if err := run(tether, "demo", "--save", path, "--size", string(size)); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote the %s journal in %.1f s (not measured)\n", size, time.Since(start).Seconds())
	return nil
}

// journalFiles are the journal's file and, when they are there, its
// write-ahead log and shared-memory index: all that a start reads.
func journalFiles(path string) []string {
	files := []string{path}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			files = append(files, path+suffix)
		}
	}
	return files
}

// warm reads the journal's files whole, so that they are in the page
// cache as they are for a person who opened Tether a moment ago: every
// row but the cold start's is measured warm, after a journal reused from
// the cache folder and after each cold start.
func warm(path string) error {
	for _, name := range journalFiles(path) {
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			continue // a log SQLite removed as the last Tether closed
		}
		if err != nil {
			return fmt.Errorf("warm the journal: %w", err)
		}
		_, err = io.Copy(io.Discard, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("warm the journal: %w", err)
		}
	}
	return nil
}
