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

	"github.com/tether-recovery/tether/cli"
	"github.com/tether-recovery/tether/model"
)

// version is replaced at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	os.Exit(cli.Run(context.Background(), cli.Env{
		Args:    os.Args[1:],
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Clock:   model.SystemClock{},
		Getenv:  os.Getenv,
		Version: version,
	}))
}
