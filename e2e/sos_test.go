package e2e

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// TestEndToEndSOSWhileTheAppIsOpen: with the app open on the journal in a
// terminal, and saving, `tether sos` from another process prints the card
// with the any-time person at once; the app carries on, and sees nothing
// changed by it.
func TestEndToEndSOSWhileTheAppIsOpen(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.SaveContact(ctx, model.Contact{Name: "Zoë 🌻 O'Brien", Circle: model.CircleSponsor,
		Phone: "+44 20 7946 0018", AnyTime: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSettings(ctx, model.Settings{Region: "GB", CheckupReminders: true,
		OwnNumbers: []model.OwnNumber{{Label: "My GP out of hours", Number: "111"}}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Contacts")
	sos := func() string {
		t.Helper()
		cmd := exec.Command(bin, "--db", db, "sos")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() != 0 {
			t.Fatalf("tether sos: %v, stderr %q", err, stderr.String())
		}
		return string(out)
	}
	want := []string{
		model.CardAnyTimeTitle + "\n  Zoë 🌻 O'Brien · +44 20 7946 0018\n",
		model.CardCrisisLinesTitle + "\n  My GP out of hours · 111\n",
		"Emergency services · 999 · if you are in danger right now\n",
	}
	check := func(out string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Fatalf("tether sos lacks %q:\n%s", w, out)
			}
		}
		if strings.Contains(out, "\x1b") {
			t.Fatalf("colour codes in output that is not a terminal:\n%s", out)
		}
	}
	check(sos())

	// The app saves a contact; sos before and after, and the app goes on.
	s.keys("a")
	s.waitFor("Add a supporter")
	s.typeText("Ngozi Eze")
	check(sos()) // with a form open and typed into
	s.keys("C-s")
	s.waitFor("Saved Ngozi Eze.")
	check(sos())
	s.keys("!")
	s.waitFor("Zoë 🌻 O'Brien · +44 20 7946 0018")
	s.keys("Escape")
	s.keys("q")
	s.waitFor("EXITED:0")
	if names := namesIn(t, db); len(names) != 2 {
		t.Fatalf("after the app closed the journal holds %v", names)
	}
}
