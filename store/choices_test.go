package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

func settingsOf(t *testing.T, s *Store) model.Settings {
	t.Helper()
	st, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st.UpdatedAt = time.Time{} // the choices, not when they were made
	return st
}

// over is st saved over the settings as the journal holds them now, as by
// an editor that has just read them.
func over(t *testing.T, s *Store, st model.Settings) model.Settings {
	t.Helper()
	now, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st.UpdatedAt = now.UpdatedAt
	return st
}

// fullSettings has every choice made.
func fullSettings() model.Settings {
	return model.Settings{
		RecoveryStart:    testToday.AddDays(-400),
		Region:           "GB",
		OwnNumbers:       []model.OwnNumber{{Label: "My GP out of hours", Number: "111"}, {Label: "Crisis team — Ward 3 & after", Number: "+44 20 7946 0999"}},
		DefaultCadence:   14,
		CheckupReminders: false,
	}
}

func TestSettingsDefaults(t *testing.T) {
	s := openStore(t)
	want := model.DefaultSettings()
	if !want.CheckupReminders || !want.HardDayCard || !want.QuietNotice || want.SinceLastUse {
		t.Errorf("defaults: %+v; the gentle helps on, the counter off", want)
	}
	if got := settingsOf(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("a new journal's settings: %+v; want %+v", got, want)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	want := fullSettings()
	if _, err := s.SaveSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got := settingsOf(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v; want %+v", got, want)
	}
	// One source for the recovery start date: RecoveryStart agrees, and
	// SetRecoveryStart shows in Settings.
	if d, err := s.RecoveryStart(ctx); err != nil || d != want.RecoveryStart {
		t.Fatalf("RecoveryStart = %v, %v; want %v", d, err, want.RecoveryStart)
	}
	if err := s.SetRecoveryStart(ctx, testToday.AddDays(-3)); err != nil {
		t.Fatal(err)
	}
	if got := settingsOf(t, s); got.RecoveryStart != testToday.AddDays(-3) {
		t.Fatalf("Settings after SetRecoveryStart: %v", got.RecoveryStart)
	}
	// The stored JSON is readable in the sqlite3 shell: "&" as itself.
	if v, _, _ := s.Setting(ctx, ownNumbersKey); !strings.Contains(v, `"Crisis team — Ward 3 & after"`) {
		t.Errorf("own numbers stored as %s", v)
	}

	// Clearing: no date, no region, no numbers, reminders back on.
	cleared := model.Settings{CheckupReminders: true}
	if _, err := s.SaveSettings(ctx, over(t, s, cleared)); err != nil {
		t.Fatal(err)
	}
	if got := settingsOf(t, s); !reflect.DeepEqual(got, cleared) {
		t.Fatalf("after clearing: %+v", got)
	}
	if _, ok, _ := s.Setting(ctx, recoveryStartKey); ok {
		t.Error("a zero recovery start date left the setting behind")
	}
	// The prompt set is not part of the settings, and is left alone.
	if err := s.SetPrompts(ctx, []string{"Who helped?"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSettings(ctx, over(t, s, want)); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.Prompts(ctx); !reflect.DeepEqual(ps, []string{"Who helped?"}) {
		t.Errorf("SaveSettings changed the prompts: %q", ps)
	}
}

// A form leaves blank rows and stray spaces; they are tidied, not refused.
func TestSaveSettingsTidiesOwnNumbers(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	in := model.Settings{Region: " gb ", OwnNumbers: []model.OwnNumber{
		{Label: "  My GP out of hours ", Number: " 111 "}, {Label: " ", Number: ""},
	}}
	if _, err := s.SaveSettings(ctx, in); err != nil {
		t.Fatal(err)
	}
	got := settingsOf(t, s)
	if got.Region != "GB" || !reflect.DeepEqual(got.OwnNumbers, []model.OwnNumber{{Label: "My GP out of hours", Number: "111"}}) {
		t.Fatalf("saved %+v", got)
	}
}

func TestSaveSettingsRefuses(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	before := fullSettings()
	if _, err := s.SaveSettings(ctx, before); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(*model.Settings){
		"recovery start tomorrow": func(st *model.Settings) { st.RecoveryStart = testToday.AddDays(1) },
		"negative cadence":        func(st *model.Settings) { st.DefaultCadence = -7 },
		"a number that is not":    func(st *model.Settings) { st.OwnNumbers = []model.OwnNumber{{Label: "Sam", Number: "sam@example.org"}} },
		"a label without number":  func(st *model.Settings) { st.OwnNumbers = []model.OwnNumber{{Label: "Sam"}} },
		"an unknown region":       func(st *model.Settings) { st.Region = "Atlantis" },
	}
	for name, spoil := range bad {
		st := fullSettings()
		st.DefaultCadence = 3 // would change, were anything saved
		spoil(&st)
		_, err := s.SaveSettings(ctx, over(t, s, st))
		var p model.Problems
		if !errors.As(err, &p) || len(p) == 0 {
			t.Errorf("%s: SaveSettings = %v; want model.Problems", name, err)
		}
		if got := settingsOf(t, s); !reflect.DeepEqual(got, before) {
			t.Errorf("%s: a refused save changed the settings to %+v", name, got)
		}
	}
}

// SaveSettings is one transaction: a write failing after others have run
// leaves every setting as it was.
func TestSaveSettingsIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	before := fullSettings()
	if _, err := s.SaveSettings(ctx, before); err != nil {
		t.Fatal(err)
	}
	// The reminders are written last; make that write fail.
	if _, err := s.db.Exec(`CREATE TRIGGER no_reminders BEFORE UPDATE ON settings
		WHEN NEW.key = 'checkup_reminders' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	after := model.Settings{Region: "US", DefaultCadence: 3, CheckupReminders: true,
		OwnNumbers: []model.OwnNumber{{Label: "Aunt May", Number: "555 0100"}}}
	if _, err := s.SaveSettings(ctx, over(t, s, after)); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("SaveSettings = %v; want the trigger's failure", err)
	}
	if got := settingsOf(t, s); !reflect.DeepEqual(got, before) {
		t.Fatalf("a failed save left %+v; want %+v", got, before)
	}
}

// A value the store cannot read back (a hand edit) is an error naming the
// setting, never its contents.
func TestSettingsUnreadableValue(t *testing.T) {
	ctx := context.Background()
	for key, value := range map[string]string{
		ownNumbersKey:       `{"label": "secret-number-9999"}`,
		defaultCadenceKey:   "fortnightly secret",
		checkupRemindersKey: "perhaps secret",
		recoveryStartKey:    "last spring secret",
	} {
		s := openStore(t)
		if err := s.SetSetting(ctx, key, value); err != nil {
			t.Fatal(err)
		}
		_, err := s.Settings(ctx)
		if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "again") {
			t.Errorf("%s = %q: Settings() error %v", key, value, err)
		}
	}
}

// Imported settings the store reads itself must be readable and valid;
// others travel as they are.
func TestImportChecksTheNewSettings(t *testing.T) {
	ctx := context.Background()
	good := map[string]string{
		regionKey:           "GB",
		ownNumbersKey:       `[{"label":"My GP out of hours","number":"111"}]`,
		defaultCadenceKey:   "7",
		checkupRemindersKey: "false",
		safetyPlanKey:       `{"warning_signs":["Skipping meals"],"on_my_own":["Walk the canal"]}`,
	}
	s := openStore(t)
	e := journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion, Settings: good}
	if rep, err := s.Import(ctx, e, false); err != nil || rep.Settings != len(good) {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	st := settingsOf(t, s)
	if st.Region != "GB" || len(st.OwnNumbers) != 1 || st.DefaultCadence != 7 || st.CheckupReminders {
		t.Errorf("imported settings read back as %+v", st)
	}
	if plan, err := s.SafetyPlan(ctx); err != nil || len(plan.WarningSigns) != 1 || len(plan.OnMyOwn) != 1 {
		t.Errorf("imported plan: %+v, %v", plan, err)
	}

	for key, value := range map[string]string{
		ownNumbersKey:       `"111"`,
		defaultCadenceKey:   "-1",
		checkupRemindersKey: "sometimes",
		safetyPlanKey:       `["not", "a", "plan"]`,
	} {
		s := openStore(t)
		bad := journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion, Settings: map[string]string{key: value}}
		if _, err := s.Import(ctx, bad, false); err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("import of %s = %q: %v; want a refusal naming it", key, value, err)
		}
		if _, ok, _ := s.Setting(ctx, key); ok {
			t.Errorf("a refused import stored %s", key)
		}
	}
}

// Export and import carry the settings and the plan whole.
func TestSettingsTravelInAnExport(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	if _, err := src.SaveSettings(ctx, fullSettings()); err != nil {
		t.Fatal(err)
	}
	if _, err := src.SaveSafetyPlan(ctx, fullPlan()); err != nil {
		t.Fatal(err)
	}
	e, err := src.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	if _, err := dst.Import(ctx, e, false); err != nil {
		t.Fatal(err)
	}
	if got := settingsOf(t, dst); !reflect.DeepEqual(got, fullSettings()) {
		t.Errorf("settings after export and import: %+v", got)
	}
	if got, err := dst.SafetyPlan(ctx); err != nil || !samePlan(got, fullPlan()) {
		t.Errorf("plan after export and import: %+v, %v", got, err)
	}
}
