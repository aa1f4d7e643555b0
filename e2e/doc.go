// Package e2e holds the end-to-end tests: the tether binary, built once per
// test run, driven in tmux as a person would use it, and held to the SPEC's
// promises for bad files, a full disk and two windows on one journal. It
// has no code of its own outside its tests.
package e2e
