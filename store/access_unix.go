//go:build unix

package store

import (
	"os"
	"syscall"
)

// writable asks the kernel whether this process may write path (for a
// folder: create files in it), without writing anything.
func writable(path string) error {
	const wOK = 0x2 // W_OK, the same on every Unix
	if err := syscall.Access(path, wOK); err != nil {
		return &os.PathError{Op: "access", Path: path, Err: err}
	}
	return nil
}
