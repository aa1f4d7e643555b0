package views

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The app syncs once at start, after the first screen, and says what
// came in; ctrl+y in Settings syncs again, but not over a form with
// unsaved changes; a sync with no folder chosen is silent at start and
// says how to choose one when asked; a failed sync says why, as a
// problem.
func TestSyncAtStartAndFromSettings(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	calls := 0
	news, failure := SyncNews{Line: "Synced with 1 other computer: 2 reach-outs added."}, error(nil)
	sync := func(context.Context) (SyncNews, error) {
		calls++
		return news, failure
	}
	l := &loop{app: New(st, Options{Clock: fixedClock, Sync: sync})}
	l.start(100, 30)
	if calls != 1 || !strings.Contains(screenText(l.app), news.Line) || l.app.statusErr {
		t.Fatalf("after start: %d syncs; screen:\n%s", calls, screenText(l.app))
	}
	l.send(keyMsg("2"))
	st.addFromElsewhere("Written elsewhere")
	l.send(watchMsg{})
	l.send(keyMsg("1"))
	if calls != 1 {
		t.Fatalf("a reload synced again (%d syncs)", calls)
	}

	l.send(keyMsg("S"))
	news.Line = "Synced with 1 other computer: nothing new."
	l.send(keyMsg("ctrl+y"))
	if calls != 2 || !strings.Contains(screenText(l.app), news.Line) || l.app.settings == nil {
		t.Fatalf("ctrl+y in Settings: %d syncs, settings open %v; screen:\n%s", calls, l.app.settings != nil, screenText(l.app))
	}
	if !strings.Contains(screenText(l.app), "ctrl+y sync now") {
		t.Errorf("Settings' help does not offer ctrl+y:\n%s", screenText(l.app))
	}

	l.send(keyMsg("1")) // typed into the recovery date: unsaved
	l.send(keyMsg("ctrl+y"))
	if calls != 2 || !strings.Contains(screenText(l.app), "Save the settings first") ||
		l.app.settings.form.field("recovery_start").value() != "1" {
		t.Fatalf("ctrl+y over unsaved settings: %d syncs; screen:\n%s", calls, screenText(l.app))
	}
	l.send(keyMsg("backspace"))

	news.Line = ""
	l.send(keyMsg("ctrl+y"))
	if calls != 3 || !strings.Contains(screenText(l.app), "Choose a sync folder first") {
		t.Fatalf("ctrl+y with no folder: %d syncs; screen:\n%s", calls, screenText(l.app))
	}

	failure = errors.New("the sync folder is not there: /media/usb/tether (is its drive plugged in, or was it moved?); nothing was synced")
	l.send(keyMsg("ctrl+y"))
	if calls != 4 || !l.app.statusErr || !strings.Contains(screenText(l.app), "Sync: The sync folder is not there") {
		t.Fatalf("a failed sync: %d syncs; screen:\n%s", calls, screenText(l.app))
	}
}

// What ctrl+y sets going may be answered in any order: the sync's answer
// first too, as a quick sync under load was. The line shown at the end is
// the sync's, never "Syncing…".
func TestSyncAnswerIsTheLastWord(t *testing.T) {
	news := SyncNews{Line: "Synced: no other computer has written to the folder yet."}
	l := &loop{app: New(newFakeStore(sampleContacts()...), Options{Clock: fixedClock,
		Sync: func(context.Context) (SyncNews, error) { return news, nil }})}
	l.start(100, 30)
	l.send(keyMsg("S"))
	m, cmd := l.app.Update(keyMsg("ctrl+y"))
	l.app = m.(*App)
	// Every message the key leads to, the sync's answer first.
	var msgs []tea.Msg
	var gather func(tea.Cmd)
	gather = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				gather(c)
			}
		case syncNowMsg:
			_, next := l.app.Update(msg)
			if !strings.Contains(screenText(l.app), "Syncing with your other computers") {
				t.Fatalf("ctrl+y does not say the sync started:\n%s", screenText(l.app))
			}
			gather(next)
		default:
			msgs = append(msgs, msg)
		}
	}
	gather(cmd)
	slices.SortStableFunc(msgs, func(a, b tea.Msg) int {
		_, aSynced := a.(syncedMsg)
		_, bSynced := b.(syncedMsg)
		switch {
		case aSynced && !bSynced:
			return -1
		case bSynced && !aSynced:
			return 1
		}
		return 0
	})
	for _, msg := range msgs {
		l.send(msg)
	}
	if scr := screenText(l.app); !strings.Contains(scr, news.Line) || strings.Contains(scr, "Syncing with") {
		t.Fatalf("the sync's answer came first, then the rest; screen:\n%s", scr)
	}
}

// With no folder chosen, the sync at start says nothing: most people keep
// one journal on one computer.
func TestNoSyncFolderIsSilentAtStart(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	calls := 0
	l := &loop{app: New(st, Options{Clock: fixedClock, Sync: func(context.Context) (SyncNews, error) {
		calls++
		return SyncNews{}, nil
	}})}
	l.start(100, 30)
	if calls != 1 || l.app.status != "" {
		t.Fatalf("%d syncs; status %q", calls, l.app.status)
	}
}

// A new sync folder must be there and be a folder; "~" is the home
// folder, and the path is kept whole. What was typed stays when it is
// refused.
func TestSyncFolderIsChecked(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("USERPROFILE", dir)
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "Sync"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ typed, path, problem string }{
		{"", "", ""},
		{dir, dir, ""},
		{"~/Sync", filepath.Join(dir, "Sync"), ""},
		{filepath.Join(dir, "nope"), filepath.Join(dir, "nope"), "There is no folder there"},
		{file, file, "That is a file"},
	} {
		path, problem := syncFolderProblem(tt.typed)
		if path != tt.path || !strings.HasPrefix(problem, tt.problem) || (tt.problem == "") != (problem == "") {
			t.Errorf("%q: %q, %q; want %q, %q", tt.typed, path, problem, tt.path, tt.problem)
		}
	}

	st := newFakeStore(sampleContacts()...)
	l := &loop{app: New(st, Options{Clock: fixedClock})}
	l.start(100, 40)
	l.send(keyMsg("S"))
	for f := l.app.settings.form; f.fields[f.focus].key != fieldSyncFolder; {
		l.send(keyMsg("tab"))
	}
	missing := filepath.Join(dir, "gone")
	l.send(tea.PasteMsg{Content: missing})
	l.send(keyMsg("ctrl+s"))
	if l.app.settings == nil || l.app.settings.form.field(fieldSyncFolder).value() != missing ||
		!strings.Contains(screenText(l.app), "There is no folder there") {
		t.Fatalf("a missing folder saved, or lost:\n%s", screenText(l.app))
	}
	if err := os.Mkdir(missing, 0o700); err != nil {
		t.Fatal(err)
	}
	l.send(keyMsg("ctrl+s"))
	if l.app.settings != nil || st.settings.SyncFolder != missing {
		t.Fatalf("the folder made, the save: settings open %v, saved %q", l.app.settings != nil, st.settings.SyncFolder)
	}
}
