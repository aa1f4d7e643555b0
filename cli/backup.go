package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

func runBackup(ctx context.Context, e *env, args []string) error {
	f := newFlags("backup", "tether backup [FILE] [--encrypt | --recipient KEY]",
		"Writes a complete copy of your journal to FILE, a new file (an existing one is never replaced), "+
			"readable only by you. Without FILE the copy goes beside the journal as tether-backup-YYYY-MM-DD.db "+
			"(-2, -3... when that name is taken). It works while Tether is open in another window: the copy holds "+
			"everything saved before it began. The copy is then opened read-only and checked page by page before "+
			"you are told it is done. tether restore FILE puts it back.\n"+
			"With --encrypt (a passphrase) or --recipient (an age public key) the copy is encrypted with age, "+
			"so whoever finds the file reads nothing of it; without FILE it is named tether-backup-YYYY-MM-DD.db.age. "+
			"The plain copy is checked beside the journal first, and removed however the backup ends.",
		"tether backup",
		"tether backup /media/usb/tether-$(date +%F).db",
		"tether backup --encrypt /media/usb/tether-$(date +%F).db.age")
	keys := f.secrets(sealing, "the backup")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 1 {
		return f.usagef("give at most one file to back up to")
	}
	if err := keys.check(f); err != nil {
		return err
	}
	journal, err := e.journalOf(db)
	if err != nil {
		return err
	}
	st, err := e.openExisting(ctx, journal)
	if err != nil {
		return err
	}
	defer st.Close()
	to, err := keys.recipients(ctx, "the backup")
	if err != nil {
		return err
	}
	backup, ext, done := st.Backup, ".db", "The copy was checked and is complete."
	if to != nil {
		ext, done = ".db.age", "The copy was checked, then encrypted."
		backup = func(ctx context.Context, path string) error {
			return encryptedBackup(ctx, st.Backup, st.Path(), path, to)
		}
	}
	var path string
	if len(words) == 1 {
		path = words[0]
		err = backup(ctx, path)
	} else {
		base := filepath.Join(filepath.Dir(st.Path()), "tether-backup-"+model.Today(e.Clock).String())
		for n := 1; ; n++ {
			path = base + ext
			if n > 1 {
				path = fmt.Sprintf("%s-%d%s", base, n, ext)
			}
			err = backup(ctx, path)
			if !errors.Is(err, fs.ErrExist) || n == 1000 {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Backed up your journal to %s (%s). %s\n", path, humanSize(info.Size()), done)
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	f := newFlags("restore", "tether restore FILE",
		"Puts a copy of the backup FILE in place of your journal. FILE is checked first (a whole Tether journal, "+
			"not from a newer Tether) and is copied, never moved. Your current journal is kept beside the new one as "+
			"tether.db.before-restore-YYYYMMDD-HHMMSS, so a restore can be undone. Close Tether in every window first: "+
			"a journal that is open is not replaced.\n"+
			"An encrypted backup is known by itself: its passphrase is asked (or give --identity for one encrypted "+
			"to a key), and it is decrypted into a private folder beside the journal before the same checks. "+
			"A wrong passphrase changes nothing.",
		"tether restore ~/.local/share/tether/tether-backup-2026-03-01.db",
		"tether restore /media/usb/tether-2026-03-01.db.age")
	keys := f.secrets(opening, "")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		return f.usagef("name the backup to restore: tether restore FILE")
	}
	journal, err := e.journalOf(db)
	if err != nil {
		return err
	}
	from := words[0]
	var kept string
	restore := func(plain string) (err error) {
		kept, err = store.Restore(ctx, journal, plain, e.Clock.Now())
		return err
	}
	if encrypted, _ := isEncryptedFile(from); encrypted {
		err = decryptedBackup(ctx, keys, journal, from, restore)
	} else {
		err = restore(from)
	}
	if err != nil {
		return err
	}
	info, err := os.Stat(journal)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Restored your journal from %s (%s).\n", from, humanSize(info.Size()))
	if kept != "" {
		fmt.Fprintf(e.Stdout, "The journal it replaced is kept at %s.\n", kept)
	}
	return nil
}

// humanSize is a file size as a person reads it: "812 KB", "8.8 MB".
func humanSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}
