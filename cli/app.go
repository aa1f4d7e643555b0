package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/tether-recovery/tether/internal/syncfolder"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/views"
)

// openApp opens the person's journal in the app. The app handles its own
// signals (a closed window, ctrl+c is a key there); ctx bounds only the
// opening.
func (e *env) openApp(ctx context.Context) error {
	path, err := e.journalPath(e.db)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	runErr := e.runApp(st, "", appSync(st, path))
	if runErr == nil {
		e.syncAtQuit(ctx, st, path)
	}
	// A save still waiting for another window is let finish, and the
	// person told why the shell is not back yet.
	closeErr := st.CloseSaying(closePatience, func() {
		fmt.Fprintln(e.Stderr, "Waiting for another Tether window to finish saving, so that what you wrote is kept…")
	})
	if runErr != nil {
		return runErr
	}
	return closeErr
}

// closePatience is how long closing may take before it is explained.
const closePatience = 300 * time.Millisecond

// collectSooner has the garbage collector run at half again the live heap,
// not double. The app's live heap is a few MB, so this keeps a window's peak
// memory near what it needs (2 MB less at peak on the large journal, at no
// visible cost), but during start-up it made two collections run before
// the first frame; so it starts once the first screen is drawn.
func collectSooner() { debug.SetGCPercent(50) }

// appWriteWait is how long a save in the app waits for another window's
// save before the app says it is waiting and tries again itself (see
// store.Store.WriteWait): a person sees a sentence, not a frozen form.
const appWriteWait = 200 * time.Millisecond

func (e *env) runApp(st *store.Store, badge string, sync views.SyncFunc) error {
	st.WriteWait = appWriteWait
	return views.Run(st, views.Options{Clock: e.Clock, Badge: badge, Settled: collectSooner,
		BubbleTeaRenderer: e.Getenv("TETHER_RENDERER") == "bubbletea", Editor: views.EditorCommand(e.Getenv),
		Sync: sync})
}

// appSync is the app's sync through the sync folder chosen in Settings,
// with the sync key beside the journal (the app asks no passphrase: a
// file that needs one is left out, with a word to sync at the terminal).
func appSync(st *store.Store, journal string) views.SyncFunc {
	return func(ctx context.Context) (views.SyncNews, error) {
		res, ran, err := syncChosen(ctx, st, journal)
		if errors.Is(err, syncfolder.ErrNoFolder) {
			// A USB stick left in a drawer is no trouble: said calmly.
			return views.SyncNews{Line: "Not synced this time: the sync folder is not there (is its drive plugged in?)."}, nil
		}
		if err != nil || !ran {
			return views.SyncNews{}, err
		}
		return views.SyncNews{Line: res.Line(), Trouble: res.Trouble()}, nil
	}
}

// syncChosen syncs through the sync folder of Settings, if one is chosen
// (ran says so). One sync at a time: the sync at quit waits for one the
// app started that is still going.
func syncChosen(ctx context.Context, st *store.Store, journal string) (res syncfolder.Result, ran bool, err error) {
	syncing.Lock()
	defer syncing.Unlock()
	s, err := st.Settings(ctx)
	if err != nil || s.SyncFolder == "" {
		return res, false, err
	}
	res, err = syncfolder.Sync(ctx, st, s.SyncFolder, syncfolder.KeyFile(syncfolder.KeyPath(journal), s.SyncEncrypt, nil))
	return res, true, unwrapImport(err)
}

// syncing keeps the app's syncs one at a time.
var syncing sync.Mutex

// syncAtQuit syncs once more as the app closes, so what was written today
// is in the folder for the other computers, and says what it did.
func (e *env) syncAtQuit(ctx context.Context, st *store.Store, journal string) {
	res, ran, err := syncChosen(ctx, st, journal)
	switch {
	case err != nil:
		fmt.Fprintf(e.Stderr, "tether: sync: %v\n", err)
	case ran:
		fmt.Fprintln(e.Stdout, res.Line())
	}
}
