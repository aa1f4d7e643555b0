package cli

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

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
	runErr := e.runApp(st, "")
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

func (e *env) runApp(st *store.Store, badge string) error {
	st.WriteWait = appWriteWait
	return views.Run(st, views.Options{Clock: e.Clock, Badge: badge, Settled: collectSooner,
		BubbleTeaRenderer: e.Getenv("TETHER_RENDERER") == "bubbletea", Editor: views.EditorCommand(e.Getenv)})
}
