// Package envguard keeps tmux from being asked anything while Tether's
// libraries start up.
//
// Lip Gloss v2 picks its output's colours in its package initialiser
// (colorprofile.NewWriter on standard output), and inside tmux that runs
// `tmux info`: a process started, and waited for, before main in every
// tether command — sos, due in a shell greeting, log — though only the app
// draws colours, and it reads them from the environment itself
// (views/profile.go). This package hides TMUX from those initialisers and
// gives it back at the start of main (Restore).
//
// It works by Go's initialisation order (specified since Go 1.21):
// packages are initialised in order of import path once their own imports
// are, and this package imports only os, while colorprofile waits for
// os/exec, which sorts after it. TestEnvGuardRunsFirst (in e2e) holds it
// there: a tmux on PATH that leaves a mark is never run.
package envguard

import "os"

var tmux, inTmux = os.LookupEnv("TMUX")

func init() {
	if inTmux {
		os.Unsetenv("TMUX")
	}
}

// Restore gives the environment its TMUX back, for anything Tether starts
// later (an editor, say) and for what reads the environment after start.
func Restore() {
	if inTmux {
		os.Setenv("TMUX", tmux)
	}
}
