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
	f := newFlags("backup", "tether backup [FILE]",
		"Writes a complete copy of your journal to FILE, a new file (an existing one is never replaced), "+
			"readable only by you. Without FILE the copy goes beside the journal as tether-backup-YYYY-MM-DD.db "+
			"(-2, -3... when that name is taken). It works while Tether is open in another window: the copy holds "+
			"everything saved before it began. The copy is then opened read-only and checked page by page before "+
			"you are told it is done. tether restore FILE puts it back.",
		"tether backup",
		"tether backup /media/usb/tether-$(date +%F).db")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 1 {
		return f.usagef("give at most one file to back up to")
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
	var path string
	if len(words) == 1 {
		path = words[0]
		err = st.Backup(ctx, path)
	} else {
		base := filepath.Join(filepath.Dir(st.Path()), "tether-backup-"+model.Today(e.Clock).String())
		for n := 1; ; n++ {
			path = base + ".db"
			if n > 1 {
				path = fmt.Sprintf("%s-%d.db", base, n)
			}
			err = st.Backup(ctx, path)
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
	fmt.Fprintf(e.Stdout, "Backed up your journal to %s (%s). The copy was checked and is complete.\n", path, humanSize(info.Size()))
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	f := newFlags("restore", "tether restore FILE",
		"Puts a copy of the backup FILE in place of your journal. FILE is checked first (a whole Tether journal, "+
			"not from a newer Tether) and is copied, never moved. Your current journal is kept beside the new one as "+
			"tether.db.before-restore-YYYYMMDD-HHMMSS, so a restore can be undone. Close Tether in every window first: "+
			"a journal that is open is not replaced.",
		"tether restore ~/.local/share/tether/tether-backup-2026-03-01.db")
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
	kept, err := store.Restore(ctx, journal, words[0], e.Clock.Now())
	if err != nil {
		return err
	}
	info, err := os.Stat(journal)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Restored your journal from %s (%s).\n", words[0], humanSize(info.Size()))
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
