package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A paste of megabytes (the wrong file copied, say) into a text field is
// answered at once: refused whole with a sentence, what was typed before
// untouched, the app still answering keys (the crisis card first of all).
func TestEndToEndAHugePasteIsRefusedAtOnce(t *testing.T) {
	requireTmux(t)
	bin := builtBinary(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	runBinary(t, bin, "--db", db, "contact", "add", "--name", "Ngozi Eze", "--circle", "peer")
	s := startTmux(t, fmt.Sprintf("%s --db %s", bin, db))
	s.waitFor("Your network")
	s.keys("4")
	s.waitFor("Reflection")
	s.keys("e")
	s.waitFor("How supported I felt")
	s.keys("Tab", "Tab", "Tab")
	s.typeText("Called Ngozi")

	line := strings.Repeat("a long line of text pasted by mistake, ", 25) + "\n"
	huge := strings.Repeat(line, 5<<20/len(line)) // 5 MB
	start := time.Now()
	s.paste(huge)
	s.waitFor("Not pasted")
	took := time.Since(start)
	s.waitFor("Called Ngozi")
	s.keys("C-g")
	s.waitFor("You don't have to get through this alone")
	s.keys("Escape")
	s.typeText(" after the meeting")
	s.waitFor("Called Ngozi after the meeting")
	t.Logf("a %.1f MB paste refused on screen %v after tmux was asked to paste it", float64(len(huge))/(1<<20), took.Round(time.Millisecond))
	s.keys("Escape") // closes the week once its words are saved
	s.waitFor("e write")
	s.keys("q")
	s.waitFor("EXITED:0")
	e := exportOf(t, db)
	if len(e.Reflections) != 1 || len(e.Reflections[0].Answers) == 0 || e.Reflections[0].Answers[0].Text != "Called Ngozi after the meeting" {
		t.Fatalf("the week holds %+v; want the typed answer and nothing of the paste", e.Reflections)
	}
}
