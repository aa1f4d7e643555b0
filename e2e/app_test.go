package e2e

// End-to-end tests of the app: the built binary in tmux at 100×30, typed
// at as a person would, then quit, reopened and looked at again.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

func TestEndToEndAddContactQuitReopen(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := filepath.Join(t.TempDir(), "tether")
	db := filepath.Join(dir, "tether.db")
	run := fmt.Sprintf("%s --db %s", bin, db)

	s := startTmux(t, run)
	s.waitFor("Welcome to Tether")
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Zoë 🌻 O'Brien")
	s.keys("Tab", "Tab")
	s.typeText("ss") // circle: School / work, then Sponsor or mentor
	s.keys("Tab", "Tab")
	s.typeText("+44 20 7946 0018")
	for range 4 {
		s.keys("Tab")
	}
	s.typeText("y") // call any time
	s.keys("C-s")
	s.waitFor("Saved Zoë 🌻 O'Brien.")
	s.keys("q")
	s.waitFor("EXITED:0")

	for _, p := range []struct {
		path string
		mode os.FileMode
	}{{dir, 0o700}, {db, 0o600}} {
		info, err := os.Stat(p.path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != p.mode {
			t.Errorf("%s has mode %v, want %v", p.path, info.Mode().Perm(), p.mode)
		}
	}

	s = startTmux(t, run)
	s.waitFor("Your network: 1 supporter, 1 you can call any time.")
	s.keys("2")
	scr := s.waitFor("Zoë 🌻 O'Brien")
	if !strings.Contains(scr, "sponsor") || !strings.Contains(scr, "+44 20 7946 0018") {
		t.Fatalf("reopened contact lost fields:\n%s", scr)
	}
	s.keys("!")
	scr = s.waitFor(model.CardAnyTimeTitle)
	if !strings.Contains(scr, "Zoë 🌻 O'Brien · +44 20 7946 0018") {
		t.Fatalf("crisis card lacks the any-time person:\n%s", scr)
	}
	s.keys("Escape")
	s.waitFor("Contacts · 1")
	s.keys("q")
	s.waitFor("EXITED:0")
}

func TestEndToEndDemoNeverTouchesTheRealJournal(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	home := t.TempDir()
	s := startTmux(t, fmt.Sprintf("HOME=%s XDG_DATA_HOME= TETHER_DB= %s demo", home, bin))
	s.waitFor("demo journal")
	s.keys("2")
	s.waitFor("Contacts · ")
	s.keys("q")
	s.waitFor("EXITED:0")
	if _, err := os.Stat(filepath.Join(home, ".local")); !os.IsNotExist(err) {
		t.Fatalf("demo created files under HOME: %v", err)
	}
}

func TestEndToEndCheckInAndReachOutSurviveReopen(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	run := fmt.Sprintf("%s --db %s", bin, db)

	s := startTmux(t, run)
	s.waitFor("Welcome to Tether")
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Ngozi Eze")
	s.keys("C-s")
	s.waitFor("Saved Ngozi Eze.")
	s.keys("l")
	s.waitFor("Log a reach-out with Ngozi Eze")
	s.keys("Enter")
	s.waitFor("Logged: you reached out to Ngozi Eze (call).")

	s.keys("3")
	s.waitFor("Not checked in yet today.")
	s.keys("Enter")
	s.waitFor("Mood")
	s.typeText("4")
	s.keys("Tab")
	s.typeText("n")
	s.keys("Tab")
	s.typeText("2")
	s.keys("C-s")
	s.waitFor("Saved your check-in for today.")
	s.waitFor("Reach-outs today (1)")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, run)
	scr := s.waitFor("Checked in today.")
	if !strings.Contains(scr, "Streak: 1 day of check-ins in a row.") {
		t.Fatalf("Today lacks the streak:\n%s", scr)
	}
	s.keys("2")
	// Today names her too ("You reached Ngozi Eze"): wait for Contacts.
	s.waitFor("[2 Contacts]")
	scr = s.waitFor("› Ngozi Eze")
	if row := lineContaining(scr, "› Ngozi Eze"); !strings.Contains(row, "today") {
		t.Fatalf("contact not marked as reached today: %q\n%s", row, scr)
	}
	s.keys("3")
	scr = s.waitFor("Mood 4 of 5")
	if !strings.Contains(scr, "Not bad") || !strings.Contains(scr, "craving 2/10") {
		t.Fatalf("check-in answers lost:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}

func lineContaining(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// beginFirstReflection opens this week's reflection in a new journal, on
// its first question.
func (s *tmuxSession) beginFirstReflection() {
	s.t.Helper()
	s.waitFor("Welcome to Tether")
	s.keys("4")
	s.waitFor("Not written yet")
	s.keys("e")
	s.waitFor("How supported I felt")
}

func TestEndToEndReflectionSurvivesQuitFromTheList(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	run := fmt.Sprintf("%s --db %s", bin, db)

	s := startTmux(t, run)
	s.beginFirstReflection()
	s.typeText("8")
	s.keys("Tab", "Tab", "Tab")
	s.typeText("Line one 🌻 with Maria")
	s.keys("Enter")
	s.typeText("line two ✨ at the meeting")
	s.keys("Tab") // moving to the next prompt saves
	s.waitFor("Saved")
	s.keys("Escape")
	s.waitFor("Felt supported 8/10")
	s.keys("w")
	s.waitFor("Past weeks")
	s.waitFor("Line one 🌻 with Maria")
	s.keys("q")
	s.waitFor("EXITED:0")

	s = startTmux(t, run)
	s.waitFor("Today")
	s.keys("4")
	scr := s.waitFor("Line one 🌻 with Maria")
	if !strings.Contains(scr, "line two ✨ at the meeting") || !strings.Contains(scr, "Felt supported 8/10") {
		t.Fatalf("reflection not intact after reopening:\n%s", scr)
	}
	s.keys("q")
	s.waitFor("EXITED:0")
}

// TestEndToEndBackupWhileTheAppWrites runs tether backup from another
// process while the app is open and saving: every backup is a whole,
// checked journal holding everything the app had saved before the backup
// began. A restore, meanwhile, is refused until the app is closed.
func TestEndToEndBackupWhileTheAppWrites(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "journal.db")
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Welcome to Tether")

	var mu sync.Mutex
	var saved []string // names the app has said it saved
	add := func(name string) {
		s.keys("a")
		s.waitFor("Add a supporter")
		s.typeText(name)
		s.keys("C-s")
		s.waitFor("Saved " + name + ".")
		mu.Lock()
		saved = append(saved, name)
		mu.Unlock()
		s.keys("l")
		s.waitFor("Log a reach-out with")
		s.keys("Enter")
		s.waitFor("Logged: you reached out to")
	}
	for i := 1; i <= 3; i++ {
		add(fmt.Sprintf("Before %d", i))
	}

	type backup struct {
		path   string
		before []string // saved before it began
		out    []byte
		err    error
	}
	results := make(chan []backup)
	go func() {
		var bs []backup
		for i := range 4 {
			b := backup{path: filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))}
			mu.Lock()
			b.before = slices.Clone(saved)
			mu.Unlock()
			b.out, b.err = exec.Command(bin, "--db", db, "backup", b.path).CombinedOutput()
			bs = append(bs, b)
			time.Sleep(150 * time.Millisecond)
		}
		results <- bs
	}()
	for i := 1; i <= 4; i++ {
		add(fmt.Sprintf("During %d", i))
	}
	bs := <-results

	for _, b := range bs {
		if b.err != nil || !strings.Contains(string(b.out), "The copy was checked and is complete.") {
			t.Fatalf("backup %s: %v\n%s", b.path, b.err, b.out)
		}
		if info, err := os.Stat(b.path); err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("backup %s: %v, %v", b.path, info, err)
		}
		names := namesIn(t, b.path)
		t.Logf("%s: %d contacts saved before it began, %d in it", filepath.Base(b.path), len(b.before), len(names))
		for _, want := range b.before {
			if !slices.Contains(names, want) {
				t.Fatalf("backup %s lacks %q, saved before it began; it holds %v", b.path, want, names)
			}
		}
	}

	// The journal is open: a restore is refused, and the app carries on.
	out, err := exec.Command(bin, "--db", db, "restore", bs[0].path).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "close Tether first") {
		t.Fatalf("restore while open: %v\n%s", err, out)
	}
	add("After the refused restore")
	s.keys("q")
	s.waitFor("EXITED:0")

	// Closed, it is restored, and the journal it replaced is kept.
	out, err = exec.Command(bin, "--db", db, "restore", bs[0].path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "is kept at "+db+".before-restore-") {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	if got, want := namesIn(t, db), namesIn(t, bs[0].path); !slices.Equal(got, want) {
		t.Fatalf("restored journal holds %v, the backup %v", got, want)
	}
}

// namesIn opens a copy of a journal (so it is never changed) and lists its
// contacts' names.
func namesIn(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), cp)
	if err != nil {
		t.Fatalf("open a copy of %s: %v", path, err)
	}
	defer st.Close()
	cs, err := st.Contacts(context.Background(), false, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	return names
}
