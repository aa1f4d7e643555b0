//go:build !unix

package store

// writable cannot be asked without writing on this system; SQLite reports a
// folder it cannot write to when it connects.
func writable(path string) error { return nil }
