package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Sync from the app, as a person sets it up: the laptop chooses its sync
// folder and encryption in Settings, and syncs with ctrl+y; quitting syncs
// again; the desktop (copied the sync key by hand) syncs at the terminal;
// the laptop's next start brings the desktop's person in, on its
// Contacts. The folder holds none of the journal's text.
func TestEndToEndSyncFromTheApp(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	_, folder, laptop, desktop := twoComputers(t)
	runBinary(t, bin, "--db", laptop, "contact", "add", "--name", "Denise Okafor", "--phone", "(312) 555-0147")
	run := fmt.Sprintf("%s --db %s", bin, laptop)

	s := startTmux(t, run)
	s.waitFor("[1 Today]")
	s.keys("S")
	s.waitFor("Sync folder")
	for range 10 {
		s.keys("Tab")
	}
	s.typeText(folder)
	s.keys("Tab")
	s.typeText("y") // encrypt
	s.keys("C-s")
	s.waitFor("Settings saved.")
	s.keys("S")
	s.waitFor("Sync folder")
	s.keys("C-y")
	s.waitFor("Synced: no other computer has written to the folder yet.")
	s.keys("Escape", "q")
	scr := s.waitFor("EXITED:0")
	if !strings.Contains(scr, "Synced: no other computer") {
		t.Errorf("quitting did not sync:\n%s", scr)
	}

	files, _ := filepath.Glob(filepath.Join(folder, "tether-*.json.age"))
	if len(files) != 1 {
		t.Fatalf("the folder holds %v", names(folder))
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("Denise")) || bytes.Contains(data, []byte("555-0147")) {
		t.Error("the encrypted changes file holds the journal's text")
	}
	key := filepath.Join(filepath.Dir(laptop), "tether-sync-key.txt")
	if fi, err := os.Stat(key); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the sync key: %v %v", fi, err)
	}

	// The desktop, without the key, says which key to copy and writes
	// nothing; with it, it syncs.
	runBinary(t, bin, "--db", desktop, "contact", "add", "--name", "Sam Cole")
	cmd := exec.Command(bin, "--db", desktop, "sync", folder)
	out, err := cmd.CombinedOutput()
	if err == nil || !bytes.Contains(out, []byte("this computer has none yet")) || !bytes.Contains(out, []byte("changes were not written")) {
		t.Fatalf("the desktop without the key: %v\n%s", err, out)
	}
	if len(names(folder)) != 1 {
		t.Fatalf("the desktop wrote without the key: %v", names(folder))
	}
	keyText, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(desktop), "tether-sync-key.txt"), keyText, 0o600); err != nil {
		t.Fatal(err)
	}
	if out := runBinary(t, bin, "--db", desktop, "sync", folder); !strings.Contains(out, "1 person added") || !strings.Contains(out, "encrypted too") {
		t.Fatalf("the desktop with the key said %q", out)
	}

	s = startTmux(t, run)
	s.waitFor("Synced with 1 other computer: 1 person added.")
	s.keys("2")
	s.waitFor("Sam Cole")
	s.keys("q")
	s.waitFor("EXITED:0")
}

func names(dir string) []string {
	es, _ := os.ReadDir(dir)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// A sync folder on a drive that is not plugged in: the app opens as ever
// and says so calmly at the bottom, and nothing is lost.
func TestEndToEndSyncFolderAway(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := t.TempDir()
	stick := filepath.Join(dir, "usb")
	if err := os.Mkdir(stick, 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "laptop", "tether.db")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Denise Okafor")
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("[1 Today]")
	s.keys("S")
	s.waitFor("Sync folder")
	for range 10 {
		s.keys("Tab")
	}
	s.typeText(stick)
	s.keys("C-s")
	s.waitFor("Settings saved.")
	s.keys("q")
	s.waitFor("EXITED:0")
	if err := os.Remove(stick + "/" + names(stick)[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(stick); err != nil { // the stick is unplugged
		t.Fatal(err)
	}
	s = startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	scr := s.waitFor("Not synced this time: the sync folder is not there (is its drive plugged in?).")
	if !strings.Contains(scr, "Your network: 1 supporter") {
		t.Errorf("Today is not there:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}
