//go:build linux

package main

import (
	"errors"
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// coldStarts says whether this system can start Tether from a cold page
// cache: Linux can drop one file's pages without root.
const coldStarts = true

// dropFromPageCache makes the kernel forget the cached pages of the
// journal's files: posix_fadvise DONTNEED, after writing out any dirty
// pages, which it would otherwise keep.
func dropFromPageCache(path string) error {
	return eachFile(path, func(f *os.File) error {
		fd := int(f.Fd())
		if err := unix.Fdatasync(fd); err != nil {
			return fmt.Errorf("drop %s from the page cache: %w", f.Name(), err)
		}
		if err := unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED); err != nil {
			return fmt.Errorf("drop %s from the page cache: %w", f.Name(), err)
		}
		return nil
	})
}

// residentShare is the share of the journal's pages in memory, 0 to 1. A
// drop can leave them there: on tmpfs, for one, the pages are the file.
func residentShare(path string) (float64, error) {
	var pages, resident int
	err := eachFile(path, func(f *os.File) error {
		info, err := f.Stat()
		if err != nil {
			return err
		}
		p, r, err := residency(int(f.Fd()), info.Size())
		if err != nil {
			return fmt.Errorf("pages of %s in memory: %w", f.Name(), err)
		}
		pages, resident = pages+p, resident+r
		return nil
	})
	if err != nil || pages == 0 {
		return 0, err
	}
	return float64(resident) / float64(pages), nil
}

// eachFile opens each of the journal's files in turn for fn.
func eachFile(path string, fn func(*os.File) error) error {
	for _, name := range journalFiles(path) {
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			continue // a log SQLite removed as the last Tether closed
		}
		if err != nil {
			return err
		}
		err = fn(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// residency counts the file's pages and how many are in memory, mapping
// it a piece at a time (mapping does not read it) and asking mincore.
func residency(fd int, size int64) (pages, resident int, err error) {
	page := int64(os.Getpagesize())
	const piece = 1 << 28
	for off := int64(0); off < size; off += piece {
		n := int(min(piece, size-off))
		data, err := unix.Mmap(fd, off, n, unix.PROT_READ, unix.MAP_SHARED)
		if err != nil {
			return 0, 0, fmt.Errorf("map: %w", err)
		}
		vec := make([]byte, (int64(n)+page-1)/page)
		_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&data[0])), uintptr(n), uintptr(unsafe.Pointer(&vec[0])))
		if err := unix.Munmap(data); err != nil {
			return 0, 0, fmt.Errorf("unmap: %w", err)
		}
		if errno != 0 {
			return 0, 0, fmt.Errorf("mincore: %w", errno)
		}
		for _, v := range vec {
			resident += int(v & 1)
		}
		pages += len(vec)
	}
	return pages, resident, nil
}
