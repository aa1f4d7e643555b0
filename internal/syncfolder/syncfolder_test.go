package syncfolder

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

var ctx = context.Background()

// journal opens a new journal in a folder of its own, as on a computer of
// its own; it returns the store and the journal's path.
func journal(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tether.db")
	return openAt(t, path), path
}

func openAt(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func add(t *testing.T, st *store.Store, name string) {
	t.Helper()
	if _, err := st.SaveContact(ctx, model.Contact{Name: name, Phone: "07700 900123"}); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, st *store.Store) []string {
	t.Helper()
	cs, err := st.Contacts(ctx, false, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	slices.Sort(out)
	return out
}

func sync(t *testing.T, st *store.Store, folder string, keys Keys) Result {
	t.Helper()
	res, err := Sync(ctx, st, folder, keys)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return res
}

func TestTwoComputersEndTheSame(t *testing.T) {
	folder := t.TempDir()
	laptop, _ := journal(t)
	desktop, _ := journal(t)
	add(t, laptop, "Denise Okafor")
	add(t, desktop, "Sam Cole")
	if res := sync(t, laptop, folder, Keys{}); res.Line() != "Synced: no other computer has written to the folder yet." {
		t.Errorf("first sync said %q", res.Line())
	}
	if res := sync(t, desktop, folder, Keys{}); res.Line() != "Synced with 1 other computer: 1 person added." || !res.Changed() {
		t.Errorf("second sync said %q", res.Line())
	}
	if res := sync(t, laptop, folder, Keys{}); res.Line() != "Synced with 1 other computer: 1 person added." {
		t.Errorf("third sync said %q", res.Line())
	}
	if res := sync(t, desktop, folder, Keys{}); res.Line() != "Synced with 1 other computer: nothing new." || res.Changed() {
		t.Errorf("a sync with nothing new said %q", res.Line())
	}
	want := []string{"Denise Okafor", "Sam Cole"}
	if a, b := names(t, laptop), names(t, desktop); !slices.Equal(a, want) || !slices.Equal(b, want) {
		t.Errorf("laptop %v, desktop %v", a, b)
	}
	for _, f := range dirNames(t, folder) {
		if mode := fileMode(t, filepath.Join(folder, f)); runtime.GOOS != "windows" && mode != 0o600 {
			t.Errorf("%s is %v, not private", f, mode)
		}
	}
}

// A journal file copied to a second computer by hand has the first one's
// uid; the first sync that finds another's file under its own name takes
// a uid of its own, and nothing is lost on either side.
func TestAJournalCopiedByHandTakesItsOwnIdentity(t *testing.T) {
	folder := t.TempDir()
	laptop, _ := journal(t)
	add(t, laptop, "Denise Okafor")
	copied := filepath.Join(t.TempDir(), "tether.db")
	if err := laptop.Backup(ctx, copied); err != nil {
		t.Fatal(err)
	}
	desktop := openAt(t, copied)
	add(t, laptop, "Ana Ruiz")
	add(t, desktop, "Sam Cole")

	if res := sync(t, laptop, folder, Keys{}); res.Rekeyed {
		t.Fatal("the first to sync took a new identity")
	}
	res := sync(t, desktop, folder, Keys{})
	if !res.Rekeyed || !strings.Contains(res.Line(), "copied to another computer by hand") {
		t.Fatalf("the copy did not take its own identity: %q", res.Line())
	}
	if res := sync(t, laptop, folder, Keys{}); res.Rekeyed || !strings.Contains(res.Line(), "1 person added") {
		t.Errorf("the laptop's next sync said %q", res.Line())
	}
	for range 2 {
		for _, st := range []*store.Store{desktop, laptop} {
			if res := sync(t, st, folder, Keys{}); res.Rekeyed {
				t.Error("a later sync took yet another identity")
			}
		}
	}
	want := []string{"Ana Ruiz", "Denise Okafor", "Sam Cole"}
	if a, b := names(t, laptop), names(t, desktop); !slices.Equal(a, want) || !slices.Equal(b, want) {
		t.Errorf("laptop %v, desktop %v", a, b)
	}
	a, _ := laptop.JournalUID(ctx)
	b, _ := desktop.JournalUID(ctx)
	if a == b || len(dirNames(t, folder)) != 2 {
		t.Errorf("uids %s and %s; folder %v", a, b, dirNames(t, folder))
	}
}

// This copy's own file, from before the fingerprint was kept (or a
// restored journal that is behind it), is merged; with nothing new in
// it, the journal keeps its identity.
func TestItsOwnOlderFileIsNoStranger(t *testing.T) {
	folder := t.TempDir()
	laptop, _ := journal(t)
	add(t, laptop, "Denise Okafor")
	sync(t, laptop, folder, Keys{})
	if err := laptop.NoteSyncWrote(ctx, ""); err != nil {
		t.Fatal(err)
	}
	add(t, laptop, "Sam Cole")
	if res := sync(t, laptop, folder, Keys{}); res.Rekeyed {
		t.Errorf("its own file made it take a new identity: %q", res.Line())
	}
}

func TestAHalfCopiedFileIsSkippedAndTheRestSyncs(t *testing.T) {
	folder := t.TempDir()
	laptop, _ := journal(t)
	desktop, _ := journal(t)
	add(t, desktop, "Sam Cole")
	res := sync(t, desktop, folder, Keys{})
	data, err := os.ReadFile(res.Wrote)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(res.Wrote, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	add(t, laptop, "Denise Okafor")
	got := sync(t, laptop, folder, Keys{})
	if len(got.Copies) != 1 || !errors.Is(got.Copies[0].Left, ErrHalfCopied) || got.Trouble() ||
		!strings.Contains(got.Line(), "Skipped "+filepath.Base(res.Wrote)+": it is not whole") {
		t.Errorf("a half-copied file: %q", got.Line())
	}
	if n := names(t, laptop); !slices.Equal(n, []string{"Denise Okafor"}) {
		t.Errorf("the laptop holds %v", n)
	}
	if got.Wrote == "" {
		t.Error("the laptop's own file was not written")
	}
}

func TestNoFolderChangesNothing(t *testing.T) {
	laptop, _ := journal(t)
	_, err := Sync(ctx, laptop, filepath.Join(t.TempDir(), "usb-stick"), Keys{})
	if !errors.Is(err, ErrNoFolder) || !strings.Contains(err.Error(), "nothing was synced") {
		t.Errorf("sync through no folder: %v", err)
	}
}

// With encryption on, the folder holds none of the journal's text; the
// key is made beside the journal, private; a computer without it writes
// nothing encrypted with a key of its own, and says which key to copy.
func TestEncryptedWithTheSyncKey(t *testing.T) {
	folder := t.TempDir()
	laptop, lpath := journal(t)
	desktop, dpath := journal(t)
	add(t, laptop, "Denise Okafor")
	lkey, dkey := KeyPath(lpath), KeyPath(dpath)
	res := sync(t, laptop, folder, KeyFile(lkey, true, nil))
	if !res.Encrypted || !strings.HasSuffix(res.Wrote, ".json.age") {
		t.Fatalf("wrote %s, encrypted %v", res.Wrote, res.Encrypted)
	}
	data, err := os.ReadFile(res.Wrote)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("Denise")) || bytes.Contains(data, []byte("07700")) {
		t.Error("the encrypted file holds the journal's text")
	}
	if runtime.GOOS != "windows" && fileMode(t, lkey) != 0o600 {
		t.Errorf("the sync key is %v", fileMode(t, lkey))
	}

	// The desktop turns encryption on before it has the key.
	_, err = Sync(ctx, desktop, folder, KeyFile(dkey, true, nil))
	if err == nil || !strings.Contains(err.Error(), "Copy the sync key") {
		t.Errorf("a sync without the key: %v", err)
	}
	if _, statErr := os.Stat(dkey); statErr == nil {
		t.Error("a key the others cannot open was made")
	}
	if len(dirNames(t, folder)) != 1 {
		t.Errorf("the folder holds %v", dirNames(t, folder))
	}

	// Nor without encryption asked: the others encrypt, so it would too.
	_, err = Sync(ctx, desktop, folder, KeyFile(dkey, false, nil))
	if err == nil || !strings.Contains(err.Error(), "this computer does not have") || len(dirNames(t, folder)) != 1 {
		t.Errorf("a plain sync beside an encrypted file: %v; folder %v", err, dirNames(t, folder))
	}
	// An older Tether's sync, with no keys at all, leaves a plain file:
	// the laptop, which encrypts, says so.
	plain := sync(t, desktop, folder, Keys{})
	if len(plain.Copies) != 1 || !errors.Is(plain.Copies[0].Left, errOpen) || !plain.Trouble() {
		t.Errorf("a sync with no keys beside an encrypted file: %q", plain.Line())
	}
	if l := sync(t, laptop, folder, KeyFile(lkey, true, nil)); !l.Trouble() || !strings.Contains(l.Line(), "is not encrypted") {
		t.Errorf("a plain file beside: %q", l.Line())
	}

	// The key copied, the desktop's file is encrypted too and replaces its
	// plain one.
	key, err := os.ReadFile(lkey)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dkey, key, 0o600); err != nil {
		t.Fatal(err)
	}
	got := sync(t, desktop, folder, KeyFile(dkey, false, nil))
	if got.Trouble() || !got.Encrypted || !got.Followed || !strings.Contains(got.Line(), "encrypted too") || !slices.Equal(names(t, desktop), []string{"Denise Okafor"}) {
		t.Errorf("with the key: %q; the desktop holds %v", got.Line(), names(t, desktop))
	}
	for _, f := range dirNames(t, folder) {
		if !strings.HasSuffix(f, ".age") {
			t.Errorf("%s is left in the folder unencrypted", f)
		}
	}
	if l := sync(t, laptop, folder, KeyFile(lkey, true, nil)); l.Trouble() {
		t.Errorf("the laptop's next sync: %q", l.Line())
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func fileMode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}
