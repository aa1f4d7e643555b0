//go:build !unix

package term

// CanSuspend says the shell can stop the program (ctrl+z) and bring it
// back (fg): Windows consoles have no job control.
const CanSuspend = false
