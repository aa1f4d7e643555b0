package views

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Syncing the journal with its copies on the person's other computers,
// through the sync folder chosen in Settings: once the first screen is up
// at start, and whenever ctrl+y is pressed in Settings (the command line
// syncs again at quit). The sync itself is the caller's (Options.Sync):
// it reads and writes files in the folder, beside the journal. What it
// brings in shows as any other window's changes do, through the journal
// watch.

// SyncNews is what a sync did, in words.
type SyncNews struct {
	// Line is one sentence for the footer; "" when no sync folder is
	// chosen, so there was nothing to do.
	Line string
	// Trouble says something was left out that needs the person (a file
	// from a newer Tether, or one this computer has no key for).
	Trouble bool
}

// SyncFunc syncs the journal through its sync folder.
type SyncFunc func(ctx context.Context) (SyncNews, error)

// syncNow syncs from Settings.
var syncNow = key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "sync now"))

// syncNowMsg asks the root to sync now (ctrl+y in Settings).
type syncNowMsg struct{}

// syncedMsg is a sync's answer; asked says the person pressed for it.
type syncedMsg struct {
	news  SyncNews
	err   error
	asked bool
}

// noSyncFolder answers ctrl+y before a folder is chosen.
const noSyncFolder = "Choose a sync folder first (in Settings): a folder your computers keep in step, like a Syncthing or Dropbox folder or a USB stick."

// startSync starts a sync, unless one is under way. asked says the person
// pressed for it: then they are told at once that it has started, or why
// not. At once, not by a command: a command's message runs beside the
// sync, and a quick sync's answer could come first and be overwritten by
// "Syncing…" (an end-to-end test saw it under load).
func (a *App) startSync(asked bool) tea.Cmd {
	switch {
	case a.sync == nil:
		if asked {
			a.status, a.statusErr = "This window cannot sync: it is not showing your own journal.", true
		}
		return nil
	case a.syncing:
		if asked {
			a.status, a.statusErr = "Already syncing; it says here when it is done.", false
		}
		return nil
	}
	a.syncing = true
	if asked {
		a.status, a.statusErr = "Syncing with your other computers…", false
	}
	sync := a.sync
	return func() tea.Msg {
		news, err := sync(context.Background())
		return syncedMsg{news: news, err: err, asked: asked}
	}
}

// syncAtStart starts the sync at start, the first time the first screen
// is up.
func (a *App) syncAtStart() tea.Cmd {
	if a.syncStarted {
		return nil
	}
	a.syncStarted = true
	return a.startSync(false)
}

// synced shows what a sync did. A sync at start with no folder chosen
// says nothing: most people keep one journal on one computer.
func (a *App) synced(msg syncedMsg) (tea.Model, tea.Cmd) {
	a.syncing = false
	switch {
	case msg.err != nil:
		a.status, a.statusErr = "Sync: "+sentence(msg.err), true
	case msg.news.Line == "" && msg.asked:
		a.status, a.statusErr = noSyncFolder, false
	case msg.news.Line == "":
		a.still = true
	default:
		a.status, a.statusErr = msg.news.Line, msg.news.Trouble
	}
	return a, nil
}
