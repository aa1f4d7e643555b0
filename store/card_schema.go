package store

// schema13 indexes the people the crisis card may show whatever its plan
// says: those who said call any time, those good for a distraction and the
// professionals with a phone. The card is read as the app starts (and as
// `tether sos` runs), and read through the list of everyone it was a scan
// of every person's row: 400 ms on fifty thousand people, in front of the
// Contacts screen's first read. The index holds what its condition tests,
// so the ids are read from it alone.
var schema13 = []string{
	`CREATE INDEX contacts_card ON contacts (archived, any_time, distraction, circle, phone) WHERE ` + cardAlways,
}

// cardAlways is who the crisis card may show whatever its plan names,
// written as contacts_card's condition: a query must say it in these words
// for SQLite to read that index.
const cardAlways = `any_time = 1 OR distraction = 1 OR (circle IN ('healthcare', 'treatment') AND phone <> '')`
