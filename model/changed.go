package model

// ChangedError is a save refused because the record changed after the
// editor read it: another window (or a command in a shell) saved it in
// between. Nothing was written. Each editable record carries the time it
// was last changed as read (its UpdatedAt), and a save names that time as
// the version it replaces; the store compares it with the journal's in the
// same transaction as the write, so no later save silently undoes an
// earlier one.
//
// Theirs is the record as the journal now holds it, of the same type as
// the one being saved (Contact, CheckIn, Reflection, SafetyPlan or
// Settings), so the editor can offer to keep theirs, keep its own (saved
// again with Theirs' UpdatedAt as the version it replaces), or show both.
type ChangedError struct {
	What   string // what was saved, in words: "Maria", "the check-in for 2026-12-03"
	Theirs any
}

func (e *ChangedError) Error() string {
	return "another window saved " + e.What + " after you opened it, so nothing was saved"
}
