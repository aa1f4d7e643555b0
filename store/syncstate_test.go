package store

import (
	"context"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// The sync folder belongs to one computer: it is never exported, nor
// merged into another copy, and choosing it in a new copy (a first save
// of the settings, the rest at their defaults) wins over none of the
// person's choices from the other copy.
func TestSyncSettingsStayOnTheirComputer(t *testing.T) {
	ctx := context.Background()
	cs, _ := copies(t, 2)
	laptop, desktop := cs[0], cs[1]
	s := model.DefaultSettings()
	s.Region, s.WhoNext, s.SyncFolder, s.SyncEncrypt = "GB", 8, "/home/ana/Sync/tether", true
	if _, err := laptop.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := laptop.NoteSyncWrote(ctx, "abc"); err != nil {
		t.Fatal(err)
	}
	ex, err := laptop.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{syncFolderKey, syncEncryptKey, syncWroteKey, journalUIDKey} {
		if _, ok := ex.Settings[k]; ok {
			t.Errorf("the export carries this computer's %s", k)
		}
		if _, ok := ex.SettingsChanged[k]; ok {
			t.Errorf("the export carries when this computer's %s changed", k)
		}
	}
	if ex.Settings[regionKey] != "GB" {
		t.Errorf("the export lacks the region: %v", ex.Settings)
	}

	// The desktop chooses its own folder, after the laptop's save.
	d := model.DefaultSettings()
	d.SyncFolder = `D:\Sync\tether`
	d.WhoNext, d.QuietDays = model.WhoNextDefault, model.QuietDaysDefault // as the Settings form shows them
	if _, err := desktop.SaveSettings(ctx, d); err != nil {
		t.Fatal(err)
	}
	exchange(t, laptop, desktop)
	got, err := desktop.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Region != "GB" || got.WhoNextCount() != 8 {
		t.Errorf("the desktop's first save (its folder) beat the laptop's choices: region %q, who next %d", got.Region, got.WhoNextCount())
	}
	if got.SyncFolder != `D:\Sync\tether` || got.SyncEncrypt {
		t.Errorf("the desktop's own sync settings changed: %q, encrypt %v", got.SyncFolder, got.SyncEncrypt)
	}
	exchange(t, desktop, laptop)
	back, err := laptop.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if back.SyncFolder != "/home/ana/Sync/tether" || !back.SyncEncrypt || back.Region != "GB" {
		t.Errorf("the laptop's settings after the desktop's came in: %+v", back)
	}
	sameJournal(t, laptop, desktop)
}

// A journal copied by hand shares its uid; Rekey gives it one of its own,
// and the two still merge as copies of one journal.
func TestRekeyGivesANewUID(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	before, err := st.JournalUID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after, err := st.Rekey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again, err := st.JournalUID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 32 || after == before || again != after {
		t.Errorf("uid %s, rekeyed %s, read back %s", before, after, again)
	}
}
