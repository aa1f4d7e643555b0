package store

// schema14 lets Today's "who next" and `tether due` rank the first few due
// without weighing everyone due. model.Points is fixed by a person's
// circle, call-any-time and rating but for at most four points of
// lateness, so contacts_due holds the people with a rhythm by those three
// first: a few seeks count how many of each are due, which bounds the
// points of the first few, and only the people of the few groups that
// can reach that bound are read and ranked (see Roster). Inside a group
// it is in the day each person falls due (dueOn), so who is due is a
// range of it; the columns after it are the rest of what model.WhoNext
// weighs, so nobody's row is read.
//
// How many are due in all is a range of contacts_due_day, which holds the
// day alone: its entries are a quarter of contacts_due's size, and the
// count, a step a person due, reads a quarter of the pages (on xxl, 14,000
// due: 2.9 ms against 10.5 in a new process, whose cache is empty).
//
// contacts_whonext (schema 7), which held the same columns led by the
// rhythm, has no reader left and goes.
var schema14 = []string{
	`CREATE INDEX contacts_due ON contacts (archived, circle, any_time, importance, ` + dueOn + `,
		last_at_unix, last_at_offset, cadence_days, name) WHERE cadence_days > 0`,
	`CREATE INDEX contacts_due_day ON contacts (archived, ` + dueOn + `) WHERE cadence_days > 0`,
	`DROP INDEX contacts_whonext`,
}

// dueOn is the day someone with a rhythm falls due, as days since 1970:
// the local day of their last reach-out plus their rhythm (day 0, long
// past, for someone never reached, who is due from the start), or the day
// they were put aside until ("not now"), whichever is later. Someone is
// due on today (model.DueStatus, less the snoozed) exactly when it is
// today or before. It is contacts_due's expression, so a query must say
// it in these words for SQLite to read it from that index.
const dueOn = `max(coalesce(` + localDayNumber + ` + cadence_days, 0), coalesce(unixepoch(snoozed_until) / 86400, 0))`

// localDayNumber is the local day of a contact's last reach-out as days
// since 1970, rounded down for instants before it (SQLite's division
// rounds towards zero).
const localDayNumber = `((last_at_unix + last_at_offset) - (((last_at_unix + last_at_offset) % 86400) + 86400) % 86400) / 86400`
