package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/syncfolder"
	"github.com/tether-recovery/tether/model"
)

// tether sync: keeping this journal and its copies on other computers the
// same through a folder (see package syncfolder, which the app's sync
// shares).

func runSync(ctx context.Context, e *env, args []string) error {
	f := newFlags("sync", "tether sync [FOLDER]",
		"Keeps this journal and its copies on other computers the same, through FOLDER, a folder you already keep in step "+
			"between them (Syncthing, Nextcloud, Dropbox, a USB stick); without FOLDER, the sync folder chosen in Settings. "+
			"Each copy writes its own changes file there "+
			"(tether-ID.json, never the journal itself) and merges the other copies' files: the newer edit of each person, "+
			"reach-out, check-in, reflection and plan wins, and removals travel. A file still being copied, or cut short, "+
			"is skipped with a message and nothing from it is used; one from a newer Tether is refused. "+
			"Start a second computer from an export of the first (tether import into its empty journal), or from nothing: "+
			"its first sync brings everything in. "+
			"With \"Encrypt sync files\" on in Settings the changes file is encrypted to this computer's sync key ("+
			syncfolder.KeyName+" beside the journal; copy it once to each computer that syncs). "+
			"With --encrypt or --recipient it is encrypted with a passphrase or to keys instead; encrypted files of the other copies are "+
			"opened with the sync key, the passphrase (asked, or --passphrase-file) or --identity.",
		"tether sync ~/Sync/tether",
		"tether sync",
		"tether sync /media/usb/tether --encrypt",
		"tether sync ~/Sync/tether --passphrase-file ~/.config/tether/pass")
	keys := f.secrets(sealing|opening, "the changes file")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 1 {
		return f.usagef("name one folder to sync through: tether sync FOLDER")
	}
	if err := keys.check(f); err != nil {
		return err
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
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	folder := settings.SyncFolder
	if len(words) == 1 {
		folder = words[0]
	}
	if folder == "" {
		return f.usagef("name the folder to sync through (tether sync FOLDER), or choose one in the app's Settings (S)")
	}
	sk := cliSyncKeys(path, settings.SyncEncrypt, keys)
	res, err := syncfolder.Sync(ctx, st, folder, sk)
	printSync(e, res)
	if err != nil {
		if errors.Is(err, syncfolder.ErrNoFolder) {
			return fmt.Errorf("sync through %s: it is not a folder (%v); nothing was changed", folder, reasonOf(errNotThere(folder)))
		}
		return fmt.Errorf("sync: %w", unwrapImport(err))
	}
	if res.Refused() > 0 {
		return fmt.Errorf("sync: %s from a newer Tether left out (see above)", model.Plural(res.Refused(), "file"))
	}
	if res.Trouble() {
		return errors.New("sync: some files were left out (see above)")
	}
	return nil
}

// errNotThere is why folder is not one.
func errNotThere(folder string) error {
	if _, err := os.Stat(folder); err != nil {
		return err
	}
	return errors.New("not a folder")
}

// cliSyncKeys are the sync's keys at the terminal: the sync key beside the
// journal (encrypting when Settings say so), unless the options say
// otherwise: --encrypt or --recipient encrypt this copy's file their way,
// and --identity or --passphrase-file open the others' files. A file
// encrypted with a passphrase is asked for at the terminal.
func cliSyncKeys(journal string, encrypt bool, s *secrets) syncfolder.Keys {
	const nothing = "nothing from it was used"
	open := func(ctx context.Context, file string, src io.Reader) (io.Reader, error) {
		return s.open(ctx, file, src, nothing)
	}
	k := syncfolder.KeyFile(syncfolder.KeyPath(journal), encrypt, open)
	if s.encrypting() {
		k.Encrypt = true
		k.Seal = func(ctx context.Context) (to []age.Recipient, err error) {
			return s.recipients(ctx, "the changes file")
		}
	}
	if *s.identity != "" || *s.passphraseFile != "" {
		k.Open = open
	}
	return k
}

// printSync tells what the sync did, file by file: what came in on
// standard output, what was left out on standard error.
func printSync(e *env, res syncfolder.Result) {
	for _, c := range res.Copies {
		file := filepath.Join(res.Folder, c.Name)
		if c.Left != nil {
			fmt.Fprintf(e.Stderr, "tether: %s.\n", c.Why(file))
			continue
		}
		fmt.Fprintf(e.Stdout, "From %s: %s.\n", c.Name, syncfolder.Summary(c.Report))
		for _, l := range conflictLines(c.Report) {
			fmt.Fprintln(e.Stdout, l)
		}
		if c.Plain {
			fmt.Fprintf(e.Stderr, "tether: %s is not encrypted, while this computer encrypts its own: turn on \"Encrypt sync files\" on that computer too.\n", file)
		}
	}
	if res.Followed {
		fmt.Fprintln(e.Stdout, "The other computers encrypt their files with the sync key, so this one's is encrypted too.")
	}
	if res.Rekeyed {
		fmt.Fprintln(e.Stdout, "This journal had been copied to another computer by hand, and both wrote under one name: this one now has its own identity, and both sync as before.")
	}
	if res.Wrote != "" {
		what := ""
		if res.Encrypted {
			what = " (encrypted)"
		}
		fmt.Fprintf(e.Stdout, "Wrote this journal's changes to %s%s.\n", res.Wrote, what)
	}
}
