package cli

import (
	"context"
	"runtime/debug"

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
	defer st.Close()
	return e.runApp(st, "")
}

// collectSooner has the garbage collector run at half again the live heap,
// not double. The app's live heap is a few MB, so this keeps a window's peak
// memory near what it needs (2 MB less at peak on the large journal, at no
// visible cost), but during start-up it made two collections run before
// the first frame; so it starts once the first screen is drawn.
func collectSooner() { debug.SetGCPercent(50) }

func (e *env) runApp(st *store.Store, badge string) error {
	return views.Run(st, views.Options{Clock: e.Clock, Badge: badge, Settled: collectSooner,
		BubbleTeaRenderer: e.Getenv("TETHER_RENDERER") == "bubbletea"})
}
