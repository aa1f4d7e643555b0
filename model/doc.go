// Package model holds Tether's domain: contacts and the rules about them
// (validation, circles, cadence and "due"), dates without time zones, and an
// injectable clock. It is pure: no SQL, no terminal, no files, so every rule
// here is tested with plain table tests.
package model
