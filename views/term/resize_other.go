//go:build !unix

package term

import (
	"os"
	"time"

	xterm "github.com/charmbracelet/x/term"
)

// resizePoll is how often the size is asked for where no signal says it
// changed: a quarter of a second is soon enough for a window being dragged
// and costs one cheap console call.
const resizePoll = 250 * time.Millisecond

// WatchResize calls resized with the terminal's new size, in cells,
// whenever the window showing out changes size from width by height (the
// size the program has), as Bubble Tea's renderer would tell the program,
// until stop is called.
//
// There is no SIGWINCH here. Windows' console queues a buffer-size event,
// which Bubble Tea's input reader turns into a size message, but that is
// the buffer's size, not the window's: a console with scroll-back is
// taller than its window, and resizing the window alone sends nothing. So
// the window's size is asked for every resizePoll and passed on only when
// it has changed.
func WatchResize(out *os.File, width, height int, resized func(width, height int)) (stop func()) {
	measure := func() (int, int, error) { return xterm.GetSize(out.Fd()) }
	tick := time.NewTicker(resizePoll)
	done := make(chan struct{})
	go func() {
		w, h := sizeNow(measure, width, height, resized)
		for {
			select {
			case <-tick.C:
				w, h = sizeNow(measure, w, h, resized)
			case <-done:
				return
			}
		}
	}()
	return func() {
		tick.Stop()
		close(done)
	}
}
