package views

import "github.com/tether-recovery/tether/model"

// Messages carry the results of store commands back into Update. Each holds
// its own copy of the data and the error, never a pointer into a model.

type contactsLoadedMsg struct {
	req      int // request id; stale answers are dropped
	archived bool
	contacts []model.Contact
	err      error
}

type contactSavedMsg struct {
	contact model.Contact
	err     error
}

type contactArchivedMsg struct {
	id       int64
	name     string
	archived bool
	err      error
}

type anyTimeLoadedMsg struct {
	contacts []model.Contact
	err      error
}

// statusMsg puts a sentence in the footer until the next key.
type statusMsg struct {
	text  string
	isErr bool
}

// switchToAddContactMsg asks the root to show Contacts with the add form
// open; Today sends it from the first-run greeting.
type switchToAddContactMsg struct{}

func statusf(isErr bool, text string) statusMsg { return statusMsg{text: text, isErr: isErr} }
