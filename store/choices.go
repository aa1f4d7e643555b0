package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The person's choices (model.Settings) and their safety plan live in the
// settings table, one key each, the lists as JSON text, rather than in
// tables of their own. They are small, always read and written whole, never
// searched; and the settings table is what `tether export` writes and
// `tether import` reads back (journalfile.Export.Settings), so the plan and the
// crisis numbers move with the rest of the journal without a change to the
// export format. The JSON shapes below are the stored form and, like a
// migration, never change meaning; a new field is a new key or a new,
// optional member.
const (
	regionKey           = "region"            // a region code, "" until chosen
	ownNumbersKey       = "own_numbers"       // JSON: [{"label": "…", "number": "…"}]
	defaultCadenceKey   = "default_cadence"   // days, a whole number ≥ 0
	checkupRemindersKey = "checkup_reminders" // "true" or "false"; true when unset
	safetyPlanKey       = "safety_plan"       // JSON: storedPlan
	settingsChangedKey  = "settings_changed"  // model.Settings.UpdatedAt, as stamp writes it
	whoNextKey          = "who_next"          // a whole number 0–20; 0 (or unset) for model.WhoNextDefault
	sinceLastUseKey     = "since_last_use"    // "true" or "false"; false when unset
	hardDayCardKey      = "hard_day_card"     // "true" or "false"; true when unset
	quietNoticeKey      = "quiet_notice"      // "true" or "false"; true when unset
	quietDaysKey        = "quiet_days"        // a whole number 0–14; 0 (or unset) for model.QuietDaysDefault
	// This computer's alone (see localSetting):
	syncFolderKey  = "sync_folder"  // an absolute path, "" for none
	syncEncryptKey = "sync_encrypt" // "true" or "false"; false when unset
	syncWroteKey   = "sync_wrote"   // the SHA-256 of the changes file last written, in hex
)

// settingsKeys are the keys Settings reads, recoveryStartKey first.
var settingsKeys = []any{recoveryStartKey, regionKey, ownNumbersKey, defaultCadenceKey, checkupRemindersKey, settingsChangedKey,
	whoNextKey, sinceLastUseKey, hardDayCardKey, quietNoticeKey, quietDaysKey, syncFolderKey, syncEncryptKey}

// storedNumber is one of the person's own crisis numbers as stored.
type storedNumber struct {
	Label  string `json:"label"`
	Number string `json:"number"`
}

// Settings reads the person's choices. Each is its default until set: no
// recovery start date, no region, no numbers of their own, no default
// cadence, and check-up reminders on. The recovery start date is the one
// RecoveryStart reads (one key, one source). A value the store cannot read
// back (a hand-edited journal) is an error that says which setting to set
// again; the value itself stays out of the message.
func (s *Store) Settings(ctx context.Context) (model.Settings, error) {
	var st model.Settings
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		st, err = readChoices(ctx, tx)
		return err
	})
	return st, err
}

// readChoices is Settings inside a transaction.
func readChoices(ctx context.Context, tx *sql.Tx) (model.Settings, error) {
	st := model.DefaultSettings()
	values := map[string]string{}
	rows, err := tx.QueryContext(ctx,
		`SELECT key, value FROM settings WHERE key IN (?`+strings.Repeat(", ?", len(settingsKeys)-1)+`)`, settingsKeys...)
	if err != nil {
		return model.Settings{}, fmt.Errorf("read the settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return model.Settings{}, fmt.Errorf("read the settings: %w", err)
		}
		values[k] = v
	}
	if err := rows.Err(); err != nil {
		return model.Settings{}, fmt.Errorf("read the settings: %w", err)
	}
	if v, ok := values[recoveryStartKey]; ok {
		d, err := model.ParseDate(v)
		if err != nil || d.IsZero() {
			return model.Settings{}, fmt.Errorf("read the recovery start date: the journal holds something that is not a date (%w); set it again", model.ErrDateFormat)
		}
		st.RecoveryStart = d
	}
	st.Region = values[regionKey]
	for _, k := range settingsKeys[2:] {
		k := k.(string)
		v, ok := values[k]
		if !ok {
			continue
		}
		if err := decodeSetting(k, v, &st); err != nil {
			return model.Settings{}, err
		}
	}
	return st, nil
}

// decodeSetting reads one stored value into st.
func decodeSetting(key, value string, st *model.Settings) error {
	switch key {
	case ownNumbersKey:
		var list []storedNumber
		if err := json.Unmarshal([]byte(value), &list); err != nil {
			return fmt.Errorf("read your own crisis numbers: the journal holds something that is not a list of numbers; set them again")
		}
		st.OwnNumbers = nil
		for _, n := range list {
			st.OwnNumbers = append(st.OwnNumbers, model.OwnNumber{Label: n.Label, Number: n.Number})
		}
	case defaultCadenceKey:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("read the default rhythm for new contacts: the journal holds something that is not a number of days; set it again")
		}
		st.DefaultCadence = n
	case checkupRemindersKey:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("read whether to remind you of check-ups: the journal holds something that is not yes or no; set it again")
		}
		st.CheckupReminders = b
	case whoNextKey:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > model.MaxWhoNext {
			return fmt.Errorf("read how many people who-next shows: the journal holds something that is not a number from 0 to %d; set it again", model.MaxWhoNext)
		}
		st.WhoNext = n
	case sinceLastUseKey:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("read whether to count the days since last use: the journal holds something that is not yes or no; set it again")
		}
		st.SinceLastUse = b
	case hardDayCardKey:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("read whether to offer people after a hard check-in: the journal holds something that is not yes or no; set it again")
		}
		st.HardDayCard = b
	case quietNoticeKey:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("read whether to say when your network goes quiet: the journal holds something that is not yes or no; set it again")
		}
		st.QuietNotice = b
	case quietDaysKey:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > model.MaxQuietDays {
			return fmt.Errorf("read how many quiet days to notice: the journal holds something that is not a number from 0 to %d; set it again", model.MaxQuietDays)
		}
		st.QuietDays = n
	case syncFolderKey:
		st.SyncFolder = value
	case syncEncryptKey:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("read whether to encrypt the sync file: the journal holds something that is not yes or no; set it again")
		}
		st.SyncEncrypt = b
	case settingsChangedKey:
		t, err := time.Parse(time.RFC3339Nano, value)
		if err != nil {
			return fmt.Errorf("read when the settings were last changed: the journal holds something that is not a time; save the settings again")
		}
		st.UpdatedAt = t
	}
	return nil
}

// SaveSettings stores the person's choices, all of them in one
// transaction: a failure part-way leaves every setting as it was. The
// region is trimmed and upper-cased ("gb" is "GB"), labels and numbers are
// trimmed, and an own number with neither (a blank row of a form) is
// dropped. The settings are then checked with model.Settings's
// Validate as of the store's clock, and a refusal is that model.Problems,
// with nothing written. A zero RecoveryStart clears the date, as
// SetRecoveryStart does; the prompt set is not part of model.Settings and
// is left alone. st.UpdatedAt is the version it replaces: if the settings
// were saved since (another window), nothing is written and the error is a
// *model.ChangedError holding them as they now are. It returns the
// settings as stored.
func (s *Store) SaveSettings(ctx context.Context, st model.Settings) (model.Settings, error) {
	now := s.now()
	today := model.DateOf(now)
	st = normalizeSettings(st)
	if p := st.Validate(today); len(p) > 0 {
		return model.Settings{}, p
	}
	// The store's own rule for the date, so that nothing SetRecoveryStart
	// would refuse is ever stored this way either.
	if msg := recoveryStartProblem(st.RecoveryStart, today); msg != "" {
		return model.Settings{}, model.Problems{FieldRecoveryStart: msg}
	}
	values, err := encodeSettings(st)
	if err != nil {
		return model.Settings{}, fmt.Errorf("save the settings: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		stored, err := readChoices(ctx, tx)
		if err != nil {
			return err
		}
		if !stored.UpdatedAt.Equal(st.UpdatedAt) {
			return &model.ChangedError{What: "your settings", Theirs: stored}
		}
		if st.RecoveryStart.IsZero() {
			if err := s.unsetSetting(ctx, tx, recoveryStartKey, now); err != nil {
				return err
			}
		} else if err := s.setSetting(ctx, tx, recoveryStartKey, st.RecoveryStart.String(), now); err != nil {
			return err
		}
		for _, kv := range values {
			if unchangedDefault(ctx, tx, kv[0], kv[1]) {
				continue
			}
			if err := s.setSetting(ctx, tx, kv[0], kv[1], now); err != nil {
				return fmt.Errorf("%s: %w", kv[0], err)
			}
		}
		return settingsChanged(ctx, tx, now)
	})
	if err != nil {
		return model.Settings{}, savingWhat(err, "save the settings")
	}
	saved := st
	saved.UpdatedAt, _ = time.Parse(time.RFC3339Nano, stamp(now)) // as read back
	return saved, nil
}

// defaultValues are the stored values of model.DefaultSettings.
var defaultValues = func() map[string]string {
	values, err := encodeSettings(model.DefaultSettings())
	if err != nil {
		panic(err)
	}
	out := make(map[string]string, len(values))
	for _, kv := range values {
		out[kv[0]] = kv[1]
	}
	return out
}()

// unchangedDefault reports whether saving value under key would change
// nothing: the key was never set and value is its default. Such a save
// writes nothing, so that the first save of the settings in a new copy of
// the journal (to choose its sync folder) is no newer choice of every
// other setting, to win over the person's own from another copy.
func unchangedDefault(ctx context.Context, tx *sql.Tx, key, value string) bool {
	if value != defaultValues[key] {
		return false
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key = ?`, key).Scan(&n)
	return err == nil && n == 0
}

// settingsChanged marks the settings as saved at now, in the transaction
// of the save: the version the next save of the settings must replace.
func settingsChanged(ctx context.Context, tx *sql.Tx, now time.Time) error {
	_, err := tx.ExecContext(ctx, upsertSettingSQL, settingsChangedKey, stamp(now))
	return err
}

// normalizeSettings trims what a form may leave untidy.
func normalizeSettings(st model.Settings) model.Settings {
	st.Region = strings.ToUpper(strings.TrimSpace(st.Region)) // region codes are "GB", "US"
	st.SyncFolder = strings.TrimSpace(st.SyncFolder)
	// The default counts, as a form shows them, are the defaults: stored
	// as never chosen (see unchangedDefault).
	if st.WhoNext == model.WhoNextDefault {
		st.WhoNext = 0
	}
	if st.QuietDays == model.QuietDaysDefault {
		st.QuietDays = 0
	}
	var own []model.OwnNumber
	for _, n := range st.OwnNumbers {
		n.Label, n.Number = strings.TrimSpace(n.Label), strings.TrimSpace(n.Number)
		if n.Label != "" || n.Number != "" {
			own = append(own, n)
		}
	}
	st.OwnNumbers = own
	return st
}

// encodeSettings is every stored value of st but the recovery start date,
// as key and value pairs in a fixed order.
func encodeSettings(st model.Settings) ([][2]string, error) {
	list := make([]storedNumber, 0, len(st.OwnNumbers))
	for _, n := range st.OwnNumbers {
		list = append(list, storedNumber{Label: n.Label, Number: n.Number})
	}
	own, err := compactJSON(list)
	if err != nil {
		return nil, err
	}
	return [][2]string{
		{regionKey, st.Region},
		{ownNumbersKey, own},
		{defaultCadenceKey, strconv.Itoa(st.DefaultCadence)},
		{checkupRemindersKey, strconv.FormatBool(st.CheckupReminders)},
		{whoNextKey, strconv.Itoa(st.WhoNext)},
		{sinceLastUseKey, strconv.FormatBool(st.SinceLastUse)},
		{hardDayCardKey, strconv.FormatBool(st.HardDayCard)},
		{quietNoticeKey, strconv.FormatBool(st.QuietNotice)},
		{quietDaysKey, strconv.Itoa(st.QuietDays)},
		{syncFolderKey, st.SyncFolder},
		{syncEncryptKey, strconv.FormatBool(st.SyncEncrypt)},
	}, nil
}

// recoveryStartProblem is SetRecoveryStart's rule: a real calendar day, not
// after today; "" when d is fine or zero.
func recoveryStartProblem(d, today model.Date) string {
	if d.IsZero() {
		return ""
	}
	if back, err := model.ParseDate(d.String()); err != nil || back != d {
		return "That is not a real calendar day; use year-month-day, like 2024-03-09."
	}
	if d.After(today) {
		return "That day hasn't happened yet; choose today or a day gone by."
	}
	return ""
}

// compactJSON is v as one line of JSON, readable in the sqlite3 shell ("&",
// not "\u0026").
func compactJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// settingValueProblem says why an imported value of one of the keys above
// could not be read back, or breaks the model's rules; "" when it is fine.
func settingValueProblem(key, value string) string {
	switch key {
	case regionKey:
		if p := (model.Settings{Region: value}).Validate(model.Date{}); len(p) > 0 {
			return problemWords(p)
		}
	case safetyPlanKey:
		plan, err := decodePlan(value)
		if err != nil {
			return "it is not a safety plan"
		}
		if p := plan.Validate(); len(p) > 0 {
			return problemWords(p)
		}
	default:
		st := model.DefaultSettings()
		if err := decodeSetting(key, value, &st); err != nil {
			return "it cannot be read back"
		}
		if p := st.Validate(model.Date{}); len(p) > 0 {
			return problemWords(p)
		}
	}
	return ""
}
