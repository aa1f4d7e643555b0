package model

// ContactQuery asks for one page of a contact list: the active or the
// archived people (or, with Due, the active people due a reach-out, in
// who-next order), those whose SearchText holds every word of Filter
// (ignoring case and accents), Limit of them from Offset.
type ContactQuery struct {
	Archived bool
	// Due lists only the active people due a reach-out on Today, in
	// who-next order (WhoNext); Archived is then ignored.
	Due    bool
	Filter string
	// Today is the day who is due is judged on (Due).
	Today         Date
	Offset, Limit int
	// Land, when set, asks for the page around this person instead of
	// the one at Offset, when they are in the list and pass the filter.
	Land int64
}

// ContactPage is a page of a contact list, with what a screen says of
// the whole list.
type ContactPage struct {
	// Total is how many people pass the filter; All how many are in the
	// list, filter aside.
	Total, All int
	// Offset is the place of Contacts[0] among the Total.
	Offset   int
	Contacts []Contact
	// At is the place of the person Land asked for among the Total, or -1
	// when they are not there (or none was asked for).
	At int
}
