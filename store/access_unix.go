//go:build unix

package store

import (
	"os"
	"syscall"
)

// writable asks the kernel whether this process may create files in dir,
// without creating one (nothing is written outside the journal's own files).
func writable(dir string) error {
	const wOK = 0x2 // W_OK, the same on every Unix
	if err := syscall.Access(dir, wOK); err != nil {
		return &os.PathError{Op: "access", Path: dir, Err: err}
	}
	return nil
}
