// Command tether is a terminal journal for the support network of a person
// in recovery: who their supporters are, who they reached out to, how they
// are doing. Everything stays in one file on their own machine.
//
// This file is only the door: the command line, the commands and the app
// they open are in package cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/tether-recovery/tether/cli"
	"github.com/tether-recovery/tether/internal/envguard"
	"github.com/tether-recovery/tether/model"
)

// version is empty, so that tether reports the version Go recorded in the
// binary (the module's, or the commit it was built from); a packager who
// builds outside Go's module and version control can set it with
// -ldflags "-X main.version=...".
var version string

func main() {
	envguard.Restore() // see package envguard: hidden only from initialisers
	// ctrl+c, or a kill, ends a command's wait for a busy journal at once,
	// and it says so, instead of leaving the person to wait out the busy
	// timeout in silence; a second one ends tether as usual. The app
	// answers these signals itself as well (views/terminal.go).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	code := cli.Run(ctx, cli.Env{
		Args:    os.Args[1:],
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Stdin:   os.Stdin,
		Clock:   model.SystemClock{},
		Getenv:  os.Getenv,
		Version: version,
	})
	stop()
	os.Exit(code)
}
