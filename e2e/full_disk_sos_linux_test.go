package e2e

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// On a disk too full for SQLite's working files, `tether sos` still prints
// the whole card from the journal (read as an unchanging file, since no log
// beside it holds data), says so in words on stderr, exits 0, and leaves
// the journal and its folder as they were.
func TestSOSOnAFullDisk(t *testing.T) {
	bin := builtBinary(t)
	journal := filepath.Join(t.TempDir(), "tether.db")
	st, err := store.Open(context.Background(), journal)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.SaveContact(ctx, model.Contact{Name: "Amara Nwosu", Phone: "+44 7700 900123", AnyTime: true, Circle: model.CircleSponsor}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSettings(ctx, model.Settings{OwnNumbers: []model.OwnNumber{{Label: "My therapist's line", Number: "0300 555 0101"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSafetyPlan(ctx, model.SafetyPlan{WarningSigns: []string{"Not answering the phone"}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	want := runBinary(t, bin, "--db", journal, "sos")

	disk := smallDisk(t, 1<<20)
	db := filepath.Join(disk, "tether.db")
	copyFile(t, journal, db)
	fillDisk(t, disk, noRoomToOpen)
	before := journaltest.Sum(t, db)

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "--db", db, "sos")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tether sos on a full disk: %v\nstderr: %s", err, stderr.String())
	}
	if stdout.String() != want {
		t.Errorf("the card on a full disk:\n%s\nwant:\n%s", stdout.String(), want)
	}
	for _, s := range []string{"Amara Nwosu", "Not answering the phone", "0300 555 0101"} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("the card lacks %q", s)
		}
	}
	journaltest.OneLineErr(t, stderr.String(), "The journal could not be opened for writing (the disk is full); this card was read without changing it.")
	if journaltest.Sum(t, db) != before {
		t.Error("the journal changed")
	}
	if got := journaltest.DirNames(t, disk); !slices.Equal(got, []string{"filler", "tether.db"}) {
		t.Errorf("the folder holds %v", got)
	}
}
