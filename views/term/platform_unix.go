//go:build unix

package term

// CanSuspend says the shell can stop the program (ctrl+z) and bring it
// back (fg): job control, which Unix terminals have.
const CanSuspend = true

// Serves says the Display can draw on this platform's terminals: Unix
// terminals all read the escape sequences it writes.
const Serves = true
