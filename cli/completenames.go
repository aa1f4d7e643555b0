package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// completeNamesCommand is the hidden command the completion scripts call
// for tether log's names.
const completeNamesCommand = "__complete-names"

// runCompleteNames prints the names of the active contacts whose names
// begin with the words given, as tether log matches them (ignoring case
// and accents, any word of the name or nickname), one a line. It only
// reads the journal, and prints nothing at all where there is none or it
// cannot be read: a completion must never fill the line with an error.
func runCompleteNames(ctx context.Context, e *env, args []string) error {
	f := newFlags(completeNamesCommand, "tether "+completeNamesCommand+" [--db FILE] [--] [PREFIX]",
		"Prints the names of your active contacts that PREFIX begins, one a line, for the completion scripts; "+
			"nothing when there is no journal.")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	prefix := strings.Fields(model.Fold(oneLine(strings.Join(words, " "))))
	path, err := e.journalOf(db)
	if err != nil {
		return nil
	}
	st, err := e.openForReading(ctx, path)
	if err != nil {
		return nil
	}
	defer st.Close()
	cs, err := st.Contacts(ctx, false, model.Today(e.Clock))
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, c := range cs {
		name := oneLine(c.Name)
		folded := model.Fold(name)
		if seen[name] || strings.HasPrefix(name, "-") {
			continue // a name that begins like a flag would be read as one
		}
		if len(prefix) == 0 || wordsBegin(prefix, nameWords(folded+" "+model.Fold(oneLine(c.Nickname))), nil) {
			seen[name] = true
			fmt.Fprintln(e.Stdout, name)
		}
	}
	return nil
}
