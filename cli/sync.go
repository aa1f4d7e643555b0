package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/tether-recovery/tether/internal/sealed"
	"github.com/tether-recovery/tether/internal/wholefile"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

// Keeping one journal on two computers through a folder the person already
// syncs (Syncthing, Nextcloud, Dropbox, a USB stick, a git repository).
// Syncing the database file itself is unsafe (its write-ahead log, two
// writers, a half-copied file), so each copy of the journal writes a
// changes file of its own into the folder — its whole journal as a Tether
// export, written under a temporary name, flushed and renamed, never the
// live database — and merges the others' files (store.Import merges a
// copy by uid: the newer edit wins, removals travel). Merging is done
// first, so the file written carries what came in too.

// changesFile matches the name of a copy's changes file: tether-UID.json,
// or .json.age when encrypted.
var changesFile = regexp.MustCompile(`^tether-([0-9a-f]{32})\.json(\.age)?$`)

func runSync(ctx context.Context, e *env, args []string) error {
	f := newFlags("sync", "tether sync FOLDER",
		"Keeps this journal and its copies on other computers the same, through FOLDER, a folder you already keep in step "+
			"between them (Syncthing, Nextcloud, Dropbox, a USB stick). Each copy writes its own changes file there "+
			"(tether-ID.json, never the journal itself) and merges the other copies' files: the newer edit of each person, "+
			"reach-out, check-in, reflection and plan wins, and removals travel. A file still being copied, or cut short, "+
			"is skipped with a message and nothing from it is used; one from a newer Tether is refused. "+
			"Start a second computer from an export of the first (tether import into its empty journal), then sync both. "+
			"With --encrypt or --recipient the changes file is encrypted (age); encrypted files of the other copies are "+
			"opened with the passphrase (asked, or --passphrase-file) or --identity.",
		"tether sync ~/Sync/tether",
		"tether sync /media/usb/tether --encrypt",
		"tether sync ~/Sync/tether --passphrase-file ~/.config/tether/pass")
	keys := f.secrets(sealing|opening, "the changes file")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		return f.usagef("name the folder to sync through: tether sync FOLDER")
	}
	if err := keys.check(f); err != nil {
		return err
	}
	folder := words[0]
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return fmt.Errorf("sync through %s: it is not a folder (%v); nothing was changed", folder, reasonOr(err, "not a folder"))
	}
	path, err := e.journalOf(db)
	if err != nil {
		return err
	}
	st, cleanup, err := e.openForImport(ctx, path, false)
	if err != nil {
		return err
	}
	defer cleanup()
	mine, err := st.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		return err
	}

	refused := 0
	for _, name := range otherCopies(folder, mine.Journal) {
		file := filepath.Join(folder, name)
		rep, err := mergeChanges(ctx, st, file, keys)
		var newer journalfile.NewerError
		switch {
		case errors.As(err, &newer):
			refused++
			fmt.Fprintf(e.Stderr, "tether: %s: %s; it was left out. Update Tether here to sync with it.\n", file, strings.TrimSuffix(newer.Error(), "."))
			continue
		case errors.Is(err, errHalfCopied):
			fmt.Fprintf(e.Stderr, "tether: skipped %s: it is not whole (still being copied, or cut short); nothing from it was used, and the next sync tries again.\n", file)
			continue
		case err != nil:
			return err
		}
		fmt.Fprintf(e.Stdout, "From %s: %s.\n", name, syncSummary(rep))
		for _, l := range conflictLines(rep) {
			fmt.Fprintln(e.Stdout, l)
		}
	}

	// Then this copy's own file, with what came in.
	ex, err := st.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		return err
	}
	to, err := keys.recipients(ctx, "the changes file")
	if err != nil {
		return err
	}
	name := "tether-" + ex.Journal + ".json"
	write := func(w io.Writer) error { return journalfile.EncodeExport(w, ex) }
	if to != nil {
		name += ".age"
		write = encrypted(to, write)
	}
	own := filepath.Join(folder, name)
	if err := wholefile.Write(own, true, write); err != nil {
		return fmt.Errorf("sync: write %s: %w; the journal has what came in, and the folder keeps its last file", own, err)
	}
	// The other form of this copy's file (plain after encrypted, or the
	// other way) would be stale: it goes.
	other := strings.TrimSuffix(own, ".age")
	if other == own {
		other = own + ".age"
	}
	_ = os.Remove(other)
	fmt.Fprintf(e.Stdout, "Wrote this journal's changes to %s%s.\n", own, encryptedWord(to))
	if refused > 0 {
		return fmt.Errorf("sync: %s from a newer Tether left out (see above)", model.Plural(refused, "file"))
	}
	return nil
}

// otherCopies are the changes files in folder of copies other than me, by
// name.
func otherCopies(folder, me string) []string {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil
	}
	var out []string
	for _, en := range entries {
		m := changesFile.FindStringSubmatch(en.Name())
		if m == nil || m[1] == me || !en.Type().IsRegular() {
			continue
		}
		out = append(out, en.Name())
	}
	sort.Strings(out)
	return out
}

// errHalfCopied is a changes file that does not read whole.
var errHalfCopied = errors.New("not whole")

// mergeChanges merges one copy's changes file into the journal.
func mergeChanges(ctx context.Context, st *store.Store, file string, keys *secrets) (store.ImportReport, error) {
	data, err := readImportFile(ctx, file, keys)
	if err != nil {
		if errors.Is(err, sealed.ErrDamaged) {
			return store.ImportReport{}, errHalfCopied
		}
		return store.ImportReport{}, err
	}
	ex, err := journalfile.DecodeExport(bytes.NewReader(data))
	var newer journalfile.NewerError
	switch {
	case errors.As(err, &newer):
		return store.ImportReport{}, newer
	case err != nil || ex.Journal == "":
		// Cut short, or not yet whole: a copy in progress reads as broken
		// JSON. A file with no journal uid is no changes file.
		return store.ImportReport{}, errHalfCopied
	}
	rep, err := st.Import(ctx, ex, false)
	if err != nil {
		return store.ImportReport{}, fmt.Errorf("sync: merge %s: %w", file, unwrapImport(err))
	}
	return rep, nil
}

// reasonOr is err in words, or why when there is none.
func reasonOr(err error, why string) string {
	if err == nil {
		return why
	}
	return reasonOf(err)
}

// syncSummary is what merging one copy's file changed, in a few words:
// only what it added, updated or removed ("2 reach-outs and 1 check-in
// added, 1 person updated"), or "nothing new".
func syncSummary(rep store.ImportReport) string {
	var added []string
	for _, n := range []struct {
		n    int
		what string
	}{
		{rep.Contacts, "person"}, {rep.ReachOuts, "reach-out"}, {rep.CheckIns, "check-in"},
		{rep.Reflections, "reflection"}, {rep.Checkups, "check-up"}, {rep.Plans, "plan"},
	} {
		if n.n > 0 {
			added = append(added, model.Plural(n.n, n.what))
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, model.ListWords(added)+" added")
	}
	if m := mergedWords(rep); m != "" {
		parts = append(parts, m)
	}
	if len(parts) == 0 {
		return "nothing new"
	}
	return strings.Join(parts, "; ")
}
