package views

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

type settingsLoadedMsg struct {
	settings model.Settings
	err      error
}

// editPromptsMsg asks the root to open the reflection prompt set.
type editPromptsMsg struct{}

// editPrompts opens the reflection prompts from Settings.
var editPrompts = key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "prompts"))

type settingsSavedMsg struct {
	settings model.Settings
	err      error
}

// settingsEditor is the settings overlay (S from any screen): recovery
// start date, region for crisis lines, the person's own crisis numbers,
// the default rhythm for new contacts, and check-up reminders. Kept in
// the journal, so one file is the whole journal.
type settingsEditor struct {
	st     Store
	clock  model.Clock
	styles *Styles
	form   *form
	width  int
	height int
	saving bool
	// syncFolder is the sync folder as saved: only a new one must be
	// there to be saved (a USB stick's folder may be away).
	syncFolder string
}

func openSettings(st Store, clock model.Clock, styles *Styles, w, h int) (*settingsEditor, tea.Cmd) {
	e := &settingsEditor{st: st, clock: clock, styles: styles, width: w, height: h}
	e.form = e.newForm(model.DefaultSettings())
	return e, func() tea.Msg {
		s, err := st.Settings(context.Background())
		return settingsLoadedMsg{settings: s, err: err}
	}
}

// regionPreview is what a region puts on the crisis card: its crisis
// lines and emergency number, or the directory for none.
func regionPreview(code string) string {
	var parts []string
	for _, l := range model.LinesFor(code) {
		if l.Kind != model.LineSubstanceUse {
			parts = append(parts, strings.TrimSpace(l.Label+" "+l.Number))
		}
	}
	if len(parts) == 0 {
		return "On the card: " + model.HelplineDirectory + ", a directory of helplines."
	}
	return "On the card: " + strings.Join(parts, " · ")
}

func regionOptions() []option {
	opts := []option{{"", "Not chosen (show a directory of helplines)"}}
	for _, r := range model.Regions {
		opts = append(opts, option{r.Code, r.Name})
	}
	return opts
}

func (e *settingsEditor) newForm(s model.Settings) *form {
	var own []string
	for _, n := range s.OwnNumbers {
		if n.Label != "" {
			own = append(own, n.Label+": "+n.Number)
		} else {
			own = append(own, n.Number)
		}
	}
	fields := []*field{
		textField("recovery_start", "Recovery start date", "YYYY-MM-DD; Today counts the days. Blank stops counting.", s.RecoveryStart.String(), "YYYY-MM-DD"),
		withPreview(choiceField("region", "Region for crisis lines", "Chosen by you, never guessed. Type the start of its name (\"united s\"), or ←/→.", regionOptions(), s.Region), regionPreview),
		areaField("own_numbers", "My own crisis numbers", "One per line, like 'GP out of hours: 111'. Shown first on the crisis card.", strings.Join(own, "\n")),
		textField("default_cadence", "Default rhythm", "For people you add from now on: days (7) or weeks (2w); blank for none.", model.FormatCadence(s.DefaultCadence), "e.g. 2w"),
		toggleField("reminders", "Check-up reminders", "On Today: BARC-10 monthly, MSPSS quarterly. y/n", s.CheckupReminders),
		textField(model.FieldWhoNext, "Who next shows", fmt.Sprintf("How many people Today suggests reaching next: 1 to %d.", model.MaxWhoNext),
			strconv.Itoa(s.WhoNextCount()), strconv.Itoa(model.WhoNextDefault)),
		toggleField("since_last_use", "Days since last use", "A counter on Today after a recorded use. Off unless you want it. y/n", s.SinceLastUse),
		toggleField("hard_day_card", "After a hard check-in", fmt.Sprintf("Offer a few people to reach and your plan's next step, after a craving of %d or more, a very low mood, a hard or impossible day, a risky situation or a use. y/n", model.HardCraving), s.HardDayCard),
		toggleField("quiet_notice", "Notice going quiet", "One private line on Today when you have been out of touch for a while. y/n", s.QuietNotice),
		textField(model.FieldQuietDays, "Quiet after", fmt.Sprintf("Days without reaching anyone before Today says so: 1 to %d.", model.MaxQuietDays),
			strconv.Itoa(s.QuietAfter()), strconv.Itoa(model.QuietDaysDefault)),
		textField(fieldSyncFolder, "Sync folder", "On this computer: a folder your computers keep in step (Syncthing, Nextcloud, Dropbox, a USB stick). "+
			"Tether syncs at start and quit; ctrl+y syncs now. Blank for none.", s.SyncFolder, "e.g. ~/Sync/tether"),
		toggleField(fieldSyncEncrypt, "Encrypt sync files", "With this computer's sync key (tether-sync-key.txt beside the journal): "+
			"copy that file once to each computer that syncs, never through the folder. y/n", s.SyncEncrypt),
	}
	var f *form
	f = newForm("Settings", e.styles, fields, func() model.Problems {
		if f == nil {
			return nil
		}
		_, p := e.settings(f)
		return p
	})
	f.version = s.UpdatedAt
	f.reopen = func(record any) *form { return e.newForm(record.(model.Settings)) }
	f.setSize(e.width, e.height-2)
	return f
}

// settings reads the form back, with every problem found.
func (e *settingsEditor) settings(f *form) (model.Settings, model.Problems) {
	s := model.Settings{UpdatedAt: f.version}
	p := model.Problems{}
	var err error
	if s.RecoveryStart, err = model.ParseDate(f.field("recovery_start").value()); err != nil {
		p["recovery_start"] = sentence(err)
	}
	s.Region = f.field("region").value()
	s.OwnNumbers = nil
	for _, line := range strings.Split(f.field("own_numbers").value(), "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		label, number, ok := strings.Cut(line, ":")
		if !ok {
			label, number = "", line
		}
		s.OwnNumbers = append(s.OwnNumbers, model.OwnNumber{Label: strings.TrimSpace(label), Number: strings.TrimSpace(number)})
	}
	if s.DefaultCadence, err = model.ParseCadence(f.field("default_cadence").value()); err != nil {
		p["default_cadence"] = sentence(err)
	}
	s.CheckupReminders = f.field("reminders").value() == "true"
	s.SinceLastUse = f.field("since_last_use").value() == "true"
	s.HardDayCard = f.field("hard_day_card").value() == "true"
	s.QuietNotice = f.field("quiet_notice").value() == "true"
	s.SyncFolder = strings.TrimSpace(f.field(fieldSyncFolder).value())
	s.SyncEncrypt = f.field(fieldSyncEncrypt).value() == "true"
	if n, err := strconv.Atoi(strings.TrimSpace(f.field(model.FieldQuietDays).value())); err != nil || n < 1 || n > model.MaxQuietDays {
		p[model.FieldQuietDays] = fmt.Sprintf("Type a number of days from 1 to %d.", model.MaxQuietDays)
	} else {
		s.QuietDays = n
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.field(model.FieldWhoNext).value())); err != nil {
		p[model.FieldWhoNext] = fmt.Sprintf("Type a number from 1 to %d.", model.MaxWhoNext)
	} else if n < 1 || n > model.MaxWhoNext {
		p[model.FieldWhoNext] = fmt.Sprintf("Who next shows 1 to %d people.", model.MaxWhoNext)
	} else {
		s.WhoNext = n
	}
	for k, v := range s.Validate(model.Today(e.clock)) {
		if _, seen := p[k]; !seen {
			p[k] = v
		}
	}
	// Problems with one own number show under the list.
	for k, v := range p {
		if strings.HasPrefix(k, "own_number") && k != "own_numbers" {
			p["own_numbers"] = v
			delete(p, k)
		}
	}
	return s, p
}

// update returns done once the overlay should close.
func (e *settingsEditor) update(msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case settingsLoadedMsg:
		if msg.err != nil {
			e.form.fail(msg.err)
			return false, nil
		}
		if !e.form.dirty() {
			e.syncFolder = msg.settings.SyncFolder
			e.form = e.newForm(msg.settings)
			return false, e.form.focusField(0)
		}
	case settingsSavedMsg:
		e.saving = false
		if msg.err != nil {
			e.form.fail(msg.err)
			return false, nil
		}
		return true, statusCmd(false, "Settings saved.")
	case tea.PasteMsg:
		if !e.saving {
			_, cmd := e.form.update(msg)
			return false, cmd
		}
	case tea.KeyPressMsg:
		if e.saving {
			return false, nil
		}
		if key.Matches(msg, editPrompts) && !e.form.dirty() {
			return true, func() tea.Msg { return editPromptsMsg{} }
		}
		if key.Matches(msg, syncNow) {
			if e.form.dirty() {
				return false, statusCmd(false, "Save the settings first (ctrl+s); then ctrl+y syncs with them.")
			}
			return false, func() tea.Msg { return syncNowMsg{} }
		}
		action, cmd := e.form.update(msg)
		switch action {
		case formCancel:
			return true, nil
		case formKeepTheirs:
			e.form = e.newForm(e.form.theirsChosen().(model.Settings))
			return false, statusCmd(false, keptTheirs)
		case formKeepMine:
			e.form.mineChosen()
			fallthrough
		case formSave:
			s, p := e.settings(e.form)
			if len(p) > 0 {
				e.form.fail(p)
				return false, nil
			}
			e.saving = true
			st := e.st
			chosen := e.syncFolder
			return false, persist(func() tea.Msg {
				if s.SyncFolder != chosen {
					var problem string
					if s.SyncFolder, problem = syncFolderProblem(s.SyncFolder); problem != "" {
						return settingsSavedMsg{err: model.Problems{fieldSyncFolder: problem}}
					}
				}
				saved, err := st.SaveSettings(context.Background(), s)
				return settingsSavedMsg{settings: saved, err: err}
			})
		}
		return false, cmd
	}
	return false, nil
}

func (e *settingsEditor) view() string {
	note := e.styles.Muted.Render(truncate("ctrl+p: the reflection prompts (also p on the Reflection view).", e.width))
	return e.form.view() + "\n\n" + note
}

// The settings as an overlay (see overlay): a form, with ctrl+p to the
// reflection prompts offered beside its own keys.
func (e *settingsEditor) setSize(w, h int) {
	e.width, e.height = w, h
	e.form.setSize(w, h-2)
}
func (e *settingsEditor) dirty() bool  { return e.form.dirty() }
func (e *settingsEditor) typing() bool { return true }
func (e *settingsEditor) helpKeys() []key.Binding {
	return append(e.form.helpKeys(), editPrompts, syncNow)
}

// The settings' own fields, not the model's: they belong to this computer.
const (
	fieldSyncFolder  = "sync_folder"
	fieldSyncEncrypt = "sync_encrypt"
)

// syncFolderProblem makes a sync folder as typed a whole path ("~" is the
// home folder), and says what is wrong with it: it must be there, and a
// folder. Run in a command, never in Update: the disk may be slow.
func syncFolderProblem(typed string) (string, string) {
	if typed == "" {
		return "", ""
	}
	path := typed
	if path == "~" || strings.HasPrefix(path, "~/") || strings.HasPrefix(path, `~\`) {
		home, err := os.UserHomeDir()
		if err != nil {
			return typed, "Tether cannot tell where your home folder is; type the whole path."
		}
		path = filepath.Join(home, path[1:])
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return typed, "That is not a path Tether can use; type the whole path."
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return typed, "There is no folder there. Make it first (or plug in its drive), or leave this blank."
	case err != nil:
		return typed, "Tether cannot look in that folder: " + sentence(err)
	case !fi.IsDir():
		return typed, "That is a file; the sync folder is a folder, where each computer leaves its own file."
	}
	return abs, ""
}
