//go:build !unix

package term

// CanSuspend says the shell can stop the program (ctrl+z) and bring it
// back (fg): Windows consoles have no job control.
const CanSuspend = false

// Serves says the Display can draw on this platform's terminals. A Windows
// console reads escape sequences only once told to (virtual terminal
// processing), and Bubble Tea's own renderer does that, so the app uses
// it there.
const Serves = false
