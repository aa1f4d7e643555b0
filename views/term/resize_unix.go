//go:build unix

package term

import (
	"os"
	"os/signal"
	"syscall"

	xterm "github.com/charmbracelet/x/term"
)

// WatchResize calls resized with the terminal's new size, in cells,
// whenever the window showing out changes size from width by height (the
// size the program has), as Bubble Tea's renderer would tell the program,
// until stop is called. On Unix the terminal says so with SIGWINCH; a
// change before the signal was watched is seen once it is (sizeNow).
func WatchResize(out *os.File, width, height int, resized func(width, height int)) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		sizeNow(func() (int, int, error) { return xterm.GetSize(out.Fd()) }, width, height, resized)
		for {
			select {
			case <-sig:
				if w, h, err := xterm.GetSize(out.Fd()); err == nil {
					resized(w, h)
				}
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
