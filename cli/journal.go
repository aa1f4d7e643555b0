package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// journalPath picks the journal: --db, then TETHER_DB, then the default.
func (e *env) journalPath(flagPath string) (string, error) {
	if flagPath != "" {
		return flagPath, nil
	}
	if env := e.Getenv("TETHER_DB"); env != "" {
		return env, nil
	}
	return store.DefaultPath()
}

// journalOf is the journal a command works on: its own --db, else the one
// given before the command, else TETHER_DB, else the default.
func (e *env) journalOf(db *string) (string, error) {
	if db != nil && *db != "" {
		return e.journalPath(*db)
	}
	return e.journalPath(e.db)
}

// openStore opens (creating if need be) the journal, going by the
// command line's clock.
func (e *env) openStore(ctx context.Context, path string) (*store.Store, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	st.Now = e.Clock.Now
	return st, nil
}

// errNoJournal: a command that only reads found no journal, and made none.
type errNoJournal struct{ path string }

func (e errNoJournal) Error() string {
	return fmt.Sprintf("there is no journal at %s yet; run tether to start one, or choose one with --db", e.path)
}

// openExisting opens the journal for a command that writes to an existing
// one (log, backup): where there is none yet, or only an empty file, none
// is made (a shell greeting must not leave files behind, and a backup of
// nothing is no backup), and the error says so.
func (e *env) openExisting(ctx context.Context, path string) (*store.Store, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errNoJournal{path}
	case err == nil && fi.Mode().IsRegular() && fi.Size() == 0:
		return nil, fmt.Errorf("%s is empty, so it is not a Tether journal; it was left unchanged", path)
	}
	return e.openStore(ctx, path)
}

// openForReading opens the journal for a command that only reads it (due,
// contact list, export): nothing is created, migrated or left beside it
// (store.OpenForReading); where there is none, errNoJournal says so.
func (e *env) openForReading(ctx context.Context, path string) (*store.Store, error) {
	st, err := store.OpenForReading(ctx, path)
	if errors.Is(err, store.ErrNoJournal) {
		return nil, errNoJournal{path}
	}
	if err != nil {
		return nil, err
	}
	st.Now = e.Clock.Now
	return st, nil
}

// readJournal finishes a reading command's flags (it takes no words), then
// opens the journal for reading and reads from it. A journal that does not
// exist yet simply has nothing in it: read is not called, and reading never
// creates one.
func (e *env) readJournal(ctx context.Context, f *flags, db *string, args []string, read func(context.Context, *store.Store) error) error {
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 0 {
		return f.usagef("unexpected %q", words[0])
	}
	path, err := e.journalOf(db)
	if err != nil {
		return err
	}
	st, err := e.openForReading(ctx, path)
	var none errNoJournal
	switch {
	case errors.As(err, &none):
		return nil
	case err != nil:
		return err
	}
	defer st.Close()
	return read(ctx, st)
}

// contactsOf reads the contacts with their derived facts, as readJournal:
// the archived ones when the archived flag (read after parsing; nil for
// none) is set.
func (e *env) contactsOf(ctx context.Context, f *flags, db *string, args []string, archived *bool) ([]model.Contact, model.Date, error) {
	today := model.Today(e.Clock)
	var cs []model.Contact
	err := e.readJournal(ctx, f, db, args, func(ctx context.Context, st *store.Store) (err error) {
		cs, err = st.Contacts(ctx, archived != nil && *archived, today)
		return err
	})
	return cs, today, err
}
