package store

// CheckSummaries is checkSummaries, for the tests outside the package
// (the crash test's helpers live there).
var CheckSummaries = checkSummaries
