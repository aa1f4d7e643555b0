// Command floor is the speed harness's floor for Tether's start: a program
// built from Tether's own packages, so the same size on disk and the same
// package initialisation, that draws one fixed frame at once and reads
// nothing. Tether's first frame can be no quicker than this; what Tether
// takes beyond it is opening the journal, reading Today and drawing.
package main

import (
	"os"
	"os/signal"
	"syscall"

	// Linked for their size and their init, never called.
	_ "github.com/tether-recovery/tether/store"
	_ "github.com/tether-recovery/tether/views"
)

func main() {
	os.Stdout.WriteString("\x1b[?1049h\x1b[2J\x1b[1;1HToday\x1b[3;1HDue a reach-out (0)\x1b[30;1Hq quit")
	// Wait to be closed, as the harness does to every program it measures.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	<-sig
	os.Stdout.WriteString("\x1b[?1049l")
}
