package views

import "github.com/tether-recovery/tether/model"

// Messages carry the results of store commands back into Update. Each holds
// its own copy of the data and the error, never a pointer into a model.

// contactsLoadedMsg is a window of the contact list (see contactslist.go).
type contactsLoadedMsg struct {
	req           int // request id; stale answers are dropped
	archived, due bool
	page          model.ContactPage
	// placeCursor says the cursor goes to the person the read landed on,
	// else to place; cursorThen is where it was when asked.
	placeCursor       bool
	place, cursorThen int
	full              bool // the settings were read too
	defaultCadence    int
	err               error
}

type contactSavedMsg struct {
	contact model.Contact
	// twin is someone else whose name looks the same (model.LookAlikeKey),
	// when the save gave this name; "" otherwise.
	twin string
	err  error
}

type contactArchivedMsg struct {
	id       int64
	name     string
	archived bool
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

// openLogMsg asks the root to open the reach-out dialog: for a known
// contact, or with the person picker first when contact is nil; editing
// an existing entry when existing is set.
type openLogMsg struct {
	contact  *model.Contact
	day      model.Date
	existing *model.ReachOut
}

type reachOutSavedMsg struct {
	reachOut model.ReachOut
	edited   bool
	added    bool // the person was added to the contacts with it
	err      error
}

type reachOutDeletedMsg struct {
	name    string
	removed model.ReachOut // what was removed, for undo
	err     error
}

// checkInDeletedMsg answers removing a day's check-in.
type checkInDeletedMsg struct {
	removed model.CheckIn // for undo
	err     error
}

type checkInSavedMsg struct {
	checkIn model.CheckIn
	err     error
}

type recoveryStartSavedMsg struct {
	start model.Date
	err   error
}

// historyLaterMsg asks for the selected person's history once the
// selection has rested (historySettle); the root turns it into a timer, so
// that tests decide when the pause is over, and historyDueMsg says it is.
type historyLaterMsg struct{ contactID int64 }
type historyDueMsg struct{ contactID int64 }

type historyLoadedMsg struct {
	contactID int64
	reachOuts []model.ReachOut
	reached30 int // of reachOuts' person, on the 30 days up to today
	err       error
}

type checkInDayLoadedMsg struct {
	day       model.Date
	checkIn   model.CheckIn
	ok        bool
	reachOuts []model.ReachOut // the day's first, as many as were asked for
	total     int              // how many the day has
	err       error
}

// switchToCheckInMsg asks the root to show the Check-in screen on today,
// with the form open; Today's "check in" key sends it.
type switchToCheckInMsg struct{}

// openPersonMsg asks the root to open a person in Contacts, on the active
// list or the archived one, wherever they are now (enter on a reach-out).
type openPersonMsg struct{ id int64 }

// switchToReflectionMsg asks the root to show this week's reflection for
// reading (e writes it); Today's gentle Friday line offers it.
type switchToReflectionMsg struct{}

// watchLaterMsg asks the root to look for outside changes after a pause;
// like the autosave timer, the root owns the clock so tests need not wait.
type watchLaterMsg struct{}

// watchMsg is the pause being over: time to read the data version.
type watchMsg struct{}

type dataVersionMsg struct {
	version int64
	err     error
	// glance marks a one-off look (on switching screens), which must not
	// start a second round of the 2-second watch.
	glance bool
}

// The saves whose success reloads every screen (see written); with the
// ones below, every save's answer (see saveAnswer).
func (m contactSavedMsg) writeErr() error       { return m.err }
func (m contactArchivedMsg) writeErr() error    { return m.err }
func (m checkInSavedMsg) writeErr() error       { return m.err }
func (m recoveryStartSavedMsg) writeErr() error { return m.err }
func (m planSavedMsg) writeErr() error          { return m.err }
func (m checkupSavedMsg) writeErr() error       { return m.err }

// Saves whose answer their owner handles itself (the root, not toOwner).
func (m reflectionSavedMsg) writeErr() error { return m.err }
func (m settingsSavedMsg) writeErr() error   { return m.err }
func (m reachOutSavedMsg) writeErr() error   { return m.err }
func (m reachOutDeletedMsg) writeErr() error { return m.err }
func (m checkInDeletedMsg) writeErr() error  { return m.err }
func (m promptsSavedMsg) writeErr() error    { return m.err }
