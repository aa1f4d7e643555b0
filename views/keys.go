package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/views/term"
)

// globalKeys are the keys every screen shares: the contract end-to-end tests
// and people's muscle memory rely on.
type globalKeys struct {
	NextTab, PrevTab                       key.Binding
	Help, Crisis, CrisisAnywhere, Settings key.Binding
	Search                                 key.Binding
	Quit, ForceQuit, Suspend               key.Binding
	// Hide blanks the screen and brings it back (see hide.go): a ctrl
	// key, so it acts mid-form, and one no text field of bubbles binds.
	Hide key.Binding
}

func newGlobalKeys() globalKeys {
	k := globalKeys{
		NextTab:        key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
		PrevTab:        key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
		Help:           key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Settings:       key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "settings")),
		Search:         key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "search")),
		Crisis:         key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "crisis")),
		CrisisAnywhere: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "crisis")),
		Quit:           key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit, also while typing")),
		// ctrl+z hands the terminal back to the shell; fg brings the app
		// back as it was. Windows consoles have no such thing.
		Suspend: key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend (fg to return)")),
		Hide:    key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "hide the screen, also while typing")),
	}
	k.Suspend.SetEnabled(term.CanSuspend)
	return k
}

// listKeys move through any list.
type listKeys struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
	}
}

// contactKeys act on the Contacts screen when no form is open.
type contactKeys struct {
	listKeys
	Filter, ClearFilter, Open, Add, Edit, Archive, Restore, ShowArchived, Log, Rest, Plan key.Binding
	// DetailDown and DetailUp scroll a person's details beside the list
	// (when the details fill the screen, the list keys scroll them).
	DetailDown, DetailUp key.Binding
}

func newContactKeys() contactKeys {
	return contactKeys{
		listKeys:     newListKeys(),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Add:          key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Archive:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "archive")),
		Restore:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restore")),
		ShowArchived: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "archived")),
		Log:          key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log")),
		Rest:         key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "let the rhythm rest")),
		Plan:         key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "plan")),
		DetailDown:   key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/K", "scroll details")),
		DetailUp:     key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "scroll details up")),
	}
}

// formKeys act while a form is open; every other key types into the form.
type formKeys struct {
	Save, SaveEnter, Cancel, Next, Prev, Move, Choose, Rate key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		SaveEnter: key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", "save")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Next:      key.NewBinding(key.WithKeys("tab", "enter", "down"), key.WithHelp("tab", "next")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "back")),
		Move:      key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab/shift+tab", "move")),
		Choose:    key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→", "choose")),
		Rate:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1–5", "rate")),
	}
}

// confirmKeys answer a yes/no question.
type confirmKeys struct {
	Yes, No key.Binding
}

func newConfirmKeys() confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "no")),
	}
}

// overlayKeys act while the crisis card is shown.
type overlayKeys struct {
	listKeys
	Close key.Binding
}

func newOverlayKeys() overlayKeys {
	return overlayKeys{
		listKeys: newListKeys(),
		Close:    key.NewBinding(key.WithKeys("esc", "!", "q"), key.WithHelp("esc", "close")),
	}
}

// namedKey is the named key km is ("enter", "tab", "shift+tab", "down",
// "backspace", "ctrl+s"…), or "" for typed text, which never counts as a
// named key however it is spelled. Keys are told apart by what the
// terminal sent (a key code, or text), not by comparing typed runes with
// key names.
func namedKey(km tea.KeyPressMsg) string {
	if km.Text != "" {
		return ""
	}
	return km.Keystroke()
}

// typed is the text a key press types: its runes, or none for a named key
// or a key held with ctrl or alt.
func typed(km tea.KeyPressMsg) []rune {
	if km.Mod.Contains(tea.ModCtrl) || km.Mod.Contains(tea.ModAlt) {
		return nil
	}
	return []rune(km.Text)
}
