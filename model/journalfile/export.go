package journalfile

import (
	"time"

	"github.com/tether-recovery/tether/model"
)

// ExportFormat names Tether's JSON export; ExportVersion changes whenever
// its shape does, so an importer can refuse what it cannot read.
const (
	ExportFormat  = "tether-journal"
	ExportVersion = 1
)

// The settings keys an Export's Settings may hold that DecodeExport checks;
// any other key is carried as it is.
const (
	// SettingRecoveryStart is the recovery start date, YYYY-MM-DD.
	SettingRecoveryStart = "recovery_start"
	// SettingPrompts is the reflection prompt set, a JSON array of strings.
	SettingPrompts = "prompts"
)

// Export is the whole journal (or a period of it) as plain data: what
// `tether export` writes, in any of its formats, and what `tether import`
// reads back from Tether JSON. Contact IDs are the journal's own;
// reach-outs refer to them, and an import maps them to the new journal's
// IDs.
//
// EncodeExport and DecodeExport define its JSON form (see exportjson.go);
// the struct itself carries no JSON tags, so that nothing else can write a
// second, different shape by accident.
type Export struct {
	Format     string // ExportFormat
	Version    int    // ExportVersion
	ExportedAt time.Time
	// From and To are the period the export was limited to, inclusive; both
	// zero for the whole journal. Contacts are always all of them, so the
	// reach-outs of a period keep their people.
	From, To    model.Date
	Settings    map[string]string // the journal's settings, by key
	Contacts    []model.Contact
	ReachOuts   []model.ReachOut
	CheckIns    []model.CheckIn
	Reflections []model.Reflection
	// Checkups are the questionnaires taken (BARC-10, MSPSS) in the
	// period; the store exports them by day and then instrument. Their
	// IDs are the journal's own and are not carried: a day holds one of
	// each instrument, and the instrument and day are what name one.
	Checkups []model.Checkup
	// Journal is the uid of the journal that wrote the export, and Plans
	// and Removed its planned reach-outs and the markers of what it
	// removed: what another copy of the journal merges by (see
	// identity.go). All empty in a file from before them.
	Journal string
	Plans   []model.Plan
	Removed []model.Removal
	// Seen is, for each other copy this journal merged an export of,
	// when that export was written: the other copy, merging this file,
	// knows which of its changes this one has already had.
	Seen map[string]time.Time
	// SettingsChanged is when each setting last changed, so two copies
	// merge them one by one.
	SettingsChanged map[string]time.Time
}
