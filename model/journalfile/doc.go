// Package journalfile reads and writes the journal as files a person keeps
// or shares: Tether JSON (the export `tether import` reads back, whose
// contact shape `tether contact list --json` prints too), vCard, CSV for
// spreadsheets, and Markdown for a week's reflection or a period. The
// journal itself and its rules live in model; this package only turns
// them into bytes and back, and what it reads passes the same validation
// as what a person types into a form.
package journalfile
