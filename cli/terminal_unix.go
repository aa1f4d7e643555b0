//go:build !windows

package cli

import "os"

// openTerminal opens the controlling terminal, which a passphrase is
// asked at; it fails when there is none.
func openTerminal() (in, out *os.File, err error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, nil, err
	}
	dup, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		tty.Close()
		return nil, nil, err
	}
	return tty, dup, nil
}
