package views

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/tether-recovery/tether/model"
)

// form is the keyboard-only form every editor in Tether is built from. It
// owns every printable key while open (digits pick a rating, letters type),
// moves with tab/shift+tab/enter, saves with ctrl+s from any field, and asks
// before esc throws typing away. Validation messages appear under their
// field and never clear what was typed.
type form struct {
	title    string
	fields   []*field
	focus    int
	validate func() model.Problems

	problems  model.Problems
	touched   map[string]bool
	submitted bool
	saveErr   string
	// failed says the last save did not reach the journal (a full disk, a
	// read-only file): until one does, the form counts as unsaved, esc
	// asks even where the owner saves as the person goes, and the help
	// line says ctrl+s tries again.
	failed     bool
	confirming bool // "discard what you typed?" is showing
	// changed: the last save found the record changed in another window,
	// and the form asks whose version stays (see formchanged.go).
	changed *changedElsewhere
	// reopen builds this form's fields from a record as the journal holds
	// it, for an owner whose record can be changed in another window.
	reopen func(record any) *form
	// version is the record's as the form read it (its UpdatedAt, zero for
	// one not yet in the journal): the version a save replaces.
	version time.Time
	// enterSaves makes enter save from any field, for short forms where
	// one keystroke should confirm the defaults.
	enterSaves bool
	// stacked puts each label on its own line above its value, for long
	// labels such as reflection prompts.
	stacked bool
	// autosaves marks a form whose owner saves as the person goes: esc
	// closes it without asking to discard.
	autosaves bool

	width, height int
	offset        int
	styles        *Styles
	keys          formKeys
	yesNo         confirmKeys
	changedKeys   changedKeys
}

type fieldKind int

const (
	kindText fieldKind = iota
	kindArea
	kindChoice
	kindToggle
	kindRating
	kindFlags // several yes/no words in one row, toggled by their first letter
)

type option struct{ value, label string }

// field is one row of a form. Only the parts of its kind are used.
type field struct {
	key   string // the model.Field* name its problems arrive under
	label string
	hint  string
	kind  fieldKind

	input   textinput.Model
	area    textarea.Model
	options []option
	choice  int
	ahead   string // kindChoice: what was typed to choose, since the focus came
	// preview, when set, says what the value will do once saved, under
	// it as it changes (the region's lines, before they are on the card).
	preview func(value string) string
	on      bool
	rating  int
	max     int
	flags   []bool // kindFlags: one per option

	initial string
}

type formAction int

const (
	formNone formAction = iota
	formSave
	formCancel
)

func newForm(title string, styles *Styles, fields []*field, validate func() model.Problems) *form {
	f := &form{
		title: title, fields: fields, validate: validate, styles: styles,
		keys: newFormKeys(), yesNo: newConfirmKeys(), changedKeys: newChangedKeys(), touched: map[string]bool{},
		problems: model.Problems{},
	}
	for _, fl := range fields {
		fl.initial = fl.value()
		fl.input.SetStyles(styles.textInput())
		fl.area.SetStyles(styles.textArea())
	}
	f.focusField(0)
	return f
}

// newInput is a text input in the app's colours with a steady cursor: a
// blinking one redraws the screen twice a second for nothing, and calm is
// the point.
func newInput(styles *Styles) textinput.Model {
	in := textinput.New()
	in.SetStyles(styles.textInput())
	return in
}

func textField(key, label, hint, value, placeholder string) *field {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetValue(value)
	in.CursorEnd()
	return &field{key: key, label: label, hint: hint, kind: kindText, input: in}
}

func areaField(key, label, hint, value string) *field {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.CharLimit = 0
	ta.KeyMap.LineEnd.SetKeys("end") // ctrl+e opens the editor (editKey)
	ta.MaxHeight = 1000              // the default (99 lines) would silently refuse more typing
	ta.SetHeight(4)
	ta.SetValue(value)
	ta.Blur()
	return &field{key: key, label: label, hint: hint, kind: kindArea, area: ta}
}

func choiceField(key, label, hint string, opts []option, value string) *field {
	f := &field{key: key, label: label, hint: hint, kind: kindChoice, options: opts}
	for i, o := range opts {
		if o.value == value {
			f.choice = i
		}
	}
	return f
}

// withPreview gives a field a line that says what its value will do.
func withPreview(fl *field, preview func(value string) string) *field {
	fl.preview = preview
	return fl
}

func toggleField(key, label, hint string, on bool) *field {
	return &field{key: key, label: label, hint: hint, kind: kindToggle, on: on}
}

func ratingField(key, label, hint string, value, max int) *field {
	return &field{key: key, label: label, hint: hint, kind: kindRating, rating: value, max: max}
}

func flagsField(key, label, hint string, opts []option, on []bool) *field {
	return &field{key: key, label: label, hint: hint, kind: kindFlags, options: opts, flags: on}
}

// optionsOf lists a domain enum's codes with their labels, in its order.
func optionsOf[T interface {
	~string
	Label() string
}](values []T) []option {
	opts := make([]option, len(values))
	for i, v := range values {
		opts[i] = option{string(v), v.Label()}
	}
	return opts
}

// unsaidFirst shows the first option, "not said", as a dash: quieter than
// words for an answer that is simply not given.
func unsaidFirst(opts []option) []option {
	opts[0].label = "–"
	return opts
}

// yesNoOptions are the answers of an optional yes/no question; "–" is
// not answered, so silence and "no" stay different.
func yesNoOptions() []option {
	return []option{{"", "–"}, {"no", "No"}, {"yes", "Yes"}}
}

// value is the field's content as text, used for dirty checks and by the
// owner to read the form back.
func (fl *field) value() string {
	switch fl.kind {
	case kindText:
		// Invisible characters (a zero-width space pasted along with a
		// name) cannot be seen, so they cannot be found to delete: a
		// one-line field leaves them out rather than refuse what looks
		// right (model.Invisible; files and the command line refuse them).
		return model.DropInvisible(fl.input.Value())
	case kindArea:
		return fl.area.Value()
	case kindChoice:
		if len(fl.options) == 0 {
			return ""
		}
		return fl.options[fl.choice].value
	case kindToggle:
		return strconv.FormatBool(fl.on)
	case kindRating:
		return strconv.Itoa(fl.rating)
	case kindFlags:
		var on []string
		for i, o := range fl.options {
			if fl.flags[i] {
				on = append(on, o.value)
			}
		}
		return strings.Join(on, ",")
	}
	return ""
}

// flag reports whether the option with value v is ticked.
func (fl *field) flag(v string) bool {
	for i, o := range fl.options {
		if o.value == v {
			return fl.flags[i]
		}
	}
	return false
}

// field returns the field with the given key, for the owner to read.
func (f *form) field(key string) *field {
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	return nil
}

// markClean records the current values as saved, for forms that save
// without closing (autosave).
func (f *form) markClean() {
	for _, fl := range f.fields {
		fl.initial = fl.value()
	}
}

// saved says a save reached the journal: a failure shown before is over.
func (f *form) saved() {
	f.failed, f.saveErr = false, ""
}

// dirty reports whether anything differs from what the form opened with
// (or last saved), or the last save failed: a draft that never reached
// the journal is unsaved, whatever the fields hold.
func (f *form) dirty() bool {
	if f.failed {
		return true
	}
	for _, fl := range f.fields {
		if fl.value() != fl.initial {
			return true
		}
	}
	return false
}

func (f *form) setSize(w, h int) {
	f.width, f.height = w, h
	vw := max(4, w-f.labelWidth()-4)
	if f.stacked {
		vw = max(4, w-4)
	}
	for _, fl := range f.fields {
		switch fl.kind {
		case kindText:
			fl.input.SetWidth(vw - 1)
		case kindArea:
			fl.area.SetWidth(vw)
		}
	}
}

func (f *form) labelWidth() int {
	w := 0
	for _, fl := range f.fields {
		w = max(w, lipgloss.Width(fl.label))
	}
	return min(w, max(8, f.width/3))
}

func (f *form) focusField(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	i = max(0, min(i, len(f.fields)-1))
	if old := f.fields[f.focus]; old != nil && i != f.focus {
		f.touched[old.key] = true
		old.input.Blur()
		old.area.Blur()
	}
	f.focus = i
	f.revalidate()
	fl := f.fields[i]
	fl.ahead = ""
	switch fl.kind {
	case kindText:
		return fl.input.Focus()
	case kindArea:
		return fl.area.Focus()
	}
	return nil
}

// revalidate refreshes the messages so a fixed mistake stops being shown
// as soon as it is fixed.
func (f *form) revalidate() {
	if f.validate != nil {
		f.problems = f.validate()
	}
}

// visibleProblem is the message shown under a field: only once the person
// has left the field or tried to save, so nobody is scolded mid-word.
func (f *form) visibleProblem(fl *field) string {
	if !f.submitted && !f.touched[fl.key] {
		return ""
	}
	return f.problems[fl.key]
}

// fail shows an error from saving (e.g. the disk is full) without closing
// the form, so nothing typed is lost.
func (f *form) fail(err error) {
	if f.changedBy(err) {
		return
	}
	f.saveErr = "Not saved: " + err.Error()
	f.failed = true
	var p model.Problems
	if errors.As(err, &p) {
		// The journal was never asked: the fields say what to change.
		f.failed = false
		f.problems = p
		f.submitted = true
		f.saveErr = "Not saved yet: please look at the fields marked below."
	}
}

func (f *form) update(msg tea.Msg) (formAction, tea.Cmd) {
	if _, paste := msg.(tea.PasteMsg); paste {
		if f.confirming || f.changed != nil {
			return formNone, nil
		}
		cmd := f.passToField(msg) // text fields take it; choices ignore it
		f.revalidate()
		return formNone, cmd
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return formNone, f.passToField(msg)
	}
	if f.changed != nil {
		return f.updateChanged(km), nil
	}
	if f.confirming {
		switch {
		case key.Matches(km, f.yesNo.Yes):
			return formCancel, nil
		case key.Matches(km, f.yesNo.No):
			f.confirming = false
		}
		return formNone, nil
	}
	fl := f.fields[f.focus]
	switch {
	case key.Matches(km, f.keys.Save):
		f.submitted = true
		f.saveErr = ""
		f.revalidate()
		if len(f.problems) > 0 {
			for i, x := range f.fields {
				if f.problems[x.key] != "" {
					return formNone, f.focusField(i)
				}
			}
			f.saveErr = "Not saved yet: " + f.problems.Error()
			return formNone, nil
		}
		return formSave, nil
	case key.Matches(km, f.keys.Cancel):
		if f.dirty() && (!f.autosaves || f.failed) {
			f.confirming = true
			return formNone, nil
		}
		return formCancel, nil
	case namedKey(km) == "tab":
		return formNone, f.focusField(f.focus + 1)
	case namedKey(km) == "shift+tab":
		return formNone, f.focusField(f.focus - 1)
	}
	if fl.kind == kindArea && key.Matches(km, editKey) {
		return formNone, func() tea.Msg { return openEditorMsg{field: fl} }
	}
	if f.enterSaves && namedKey(km) == "enter" {
		return f.update(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	}
	if fl.kind != kindArea {
		switch namedKey(km) {
		case "enter", "down":
			return formNone, f.focusField(f.focus + 1)
		case "up":
			return formNone, f.focusField(f.focus - 1)
		}
	}
	switch fl.kind {
	case kindChoice:
		fl.updateChoice(km)
	case kindToggle:
		fl.updateToggle(km)
	case kindRating:
		fl.updateRating(km)
	case kindFlags:
		fl.updateFlags(km)
	default:
		cmd := f.passToField(msg)
		f.revalidate()
		return formNone, cmd
	}
	f.revalidate()
	return formNone, nil
}

func (f *form) passToField(msg tea.Msg) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	fl := f.fields[f.focus]
	var cmd tea.Cmd
	switch fl.kind {
	case kindText:
		fl.input, cmd = fl.input.Update(msg)
	case kindArea:
		fl.area, cmd = fl.area.Update(msg)
	}
	return cmd
}

func (fl *field) updateChoice(km tea.KeyPressMsg) {
	n := len(fl.options)
	if n == 0 {
		return
	}
	switch namedKey(km) {
	case "left":
		fl.ahead = ""
		fl.choice = (fl.choice + n - 1) % n
		return
	case "right":
		fl.ahead = ""
		fl.choice = (fl.choice + 1) % n
		return
	case "backspace", "delete":
		if fl.ahead != "" && namedKey(km) == "backspace" {
			// Take back the last letter typed, and go to what the rest
			// chose.
			r := []rune(fl.ahead)
			fl.ahead = string(r[:len(r)-1])
			if fl.ahead != "" {
				fl.typeAhead(fl.ahead)
			}
			return
		}
		// Clears, as it does in a text field: to "not answered" where the
		// question has it, else to the first (the usual) choice. It once
		// stepped back an option, which looked like a clear and was not.
		fl.ahead, fl.choice = "", fl.cleared()
		return
	}
	if km.Text == " " && fl.ahead == "" {
		fl.choice = (fl.choice + 1) % n
		return
	}
	for _, r := range typed(km) {
		fl.typeAhead(fl.ahead + string(r))
	}
}

// cleared is the choice a cleared field shows: the unanswered option if
// there is one, else the first.
func (fl *field) cleared() int {
	for i, o := range fl.options {
		if o.value == "" {
			return i
		}
	}
	return 0
}

// typeAhead chooses by typing, never by cycling: the first option, in the
// list's order, whose label starts with what was typed since the field
// took the focus ("un" is United Kingdom, "united s" United States). When
// nothing starts with it, the last letter alone starts again ("u" then "c"
// is Canada); a letter nothing starts with leaves the choice as it is.
func (fl *field) typeAhead(text string) {
	for _, try := range []string{text, lastRune(text)} {
		want := model.Fold(try)
		for i, o := range fl.options {
			if strings.HasPrefix(model.Fold(o.label), want) {
				fl.choice, fl.ahead = i, try
				return
			}
		}
	}
	fl.ahead = ""
}

// lastRune is the last character of s.
func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

func (fl *field) updateFlags(km tea.KeyPressMsg) {
	for _, r := range typed(km) {
		want := model.Fold(string(r))
		for i, o := range fl.options {
			if strings.HasPrefix(model.Fold(o.label), want) {
				fl.flags[i] = !fl.flags[i]
				break
			}
		}
	}
}

func (fl *field) updateToggle(km tea.KeyPressMsg) {
	switch namedKey(km) {
	case "left", "right":
		fl.on = !fl.on
		return
	case "backspace":
		fl.on = false
		return
	}
	runes := typed(km)
	if len(runes) == 0 {
		return
	}
	switch runes[len(runes)-1] { // a paste of several: the last one wins
	case ' ', 'x':
		fl.on = !fl.on
	case 'y', 'Y':
		fl.on = true
	case 'n', 'N':
		fl.on = false
	}
}

func (fl *field) updateRating(km tea.KeyPressMsg) {
	switch namedKey(km) {
	case "left":
		fl.rating = max(0, fl.rating-1)
		return
	case "right":
		fl.rating = min(fl.max, fl.rating+1)
		return
	case "backspace", "delete":
		fl.rating = 0
		return
	}
	runes := typed(km)
	if len(runes) == 0 {
		return
	}
	if len(runes) == 1 && runes[0] == '0' && (fl.max < 10 || fl.rating != 1) {
		fl.rating = 0
		return
	}
	r := runes[len(runes)-1]
	if r == '0' && fl.max >= 10 && (fl.rating == 1 || (len(runes) > 1 && runes[len(runes)-2] == '1')) {
		fl.rating = 10 // "1" then "0" types ten on a 1–10 scale
		return
	}
	if r >= '1' && r <= '9' {
		if d := int(r - '0'); d <= fl.max {
			fl.rating = d
		}
	}
}

func (f *form) view() string {
	s := f.styles
	if f.width <= 0 {
		f.setSize(80, 20)
	}
	lw := f.labelWidth()
	var head []string
	head = append(head, s.Title.Render(truncate(f.title, f.width)))
	if f.saveErr != "" {
		head = append(head, s.StatusError.Render(wrap(f.saveErr, f.width)))
	}
	var foot []string
	if f.confirming {
		ask := "Discard what you typed? y = discard, n = keep editing"
		if f.failed {
			ask = "This is not saved. Discard it? y = discard, n = keep it (ctrl+s tries again)"
		}
		foot = append(foot, s.Prompt.Render(wrap(ask, f.width)))
	}
	if f.changed != nil {
		ask := "t keeps their version, m saves yours over it, b shows both."
		if f.changed.both {
			ask = "t keeps their version, m saves yours over it, b goes back to your draft."
		}
		foot = append(foot, s.Prompt.Render(wrap(ask, f.width)))
	}

	var lines []string
	focusStart, focusEnd := 0, 0
	for i, fl := range f.fields {
		if i == f.focus {
			focusStart = len(lines)
		}
		lines = append(lines, f.fieldLines(fl, i == f.focus, lw)...)
		if i == f.focus {
			focusEnd = len(lines)
		}
	}
	// A wrapped message is several lines: count lines, not messages, so
	// the question at the bottom is never pushed off the screen.
	head = strings.Split(strings.Join(head, "\n"), "\n")
	if len(foot) > 0 {
		foot = strings.Split(strings.Join(foot, "\n"), "\n")
	}
	avail := max(1, f.height-len(head)-len(foot))
	// Keep the focused field, its message and its hint on screen.
	if focusStart < f.offset {
		f.offset = focusStart
	}
	if focusEnd > f.offset+avail {
		f.offset = focusEnd - avail
	}
	f.offset = max(0, min(f.offset, max(0, len(lines)-avail)))
	end := min(len(lines), f.offset+avail)
	body := lines[f.offset:end]
	if f.changed != nil && f.changed.both {
		both := f.bothLines()
		f.changed.scroll = max(0, min(f.changed.scroll, len(both)-avail))
		body = both[f.changed.scroll:min(len(both), f.changed.scroll+avail)]
	}
	out := append(append(head, body...), foot...)
	return strings.Join(out, "\n")
}

func (f *form) fieldLines(fl *field, focused bool, lw int) []string {
	s := f.styles
	marker, labelStyle := "  ", s.Label
	if focused {
		marker, labelStyle = "› ", s.FocusLabel
	}
	label := labelStyle.Render(pad(fl.label, lw))
	indent := strings.Repeat(" ", lw+3)
	var val string
	switch fl.kind {
	case kindText:
		val = fl.input.View()
	case kindArea:
		val = fl.area.View()
	case kindChoice:
		val = fl.options[fl.choice].label
		if focused {
			val = "‹ " + val + " ›"
		}
	case kindToggle:
		val = "[ ] no"
		if fl.on {
			val = "[x] yes"
		}
	case kindFlags:
		var parts []string
		for i, o := range fl.options {
			box := "[ ] "
			if fl.flags[i] {
				box = "[x] "
			}
			parts = append(parts, box+o.label)
		}
		val = strings.Join(parts, "  ")
	case kindRating:
		val = "not rated"
		if fl.rating > 0 {
			val = strconv.Itoa(fl.rating) + " of " + strconv.Itoa(fl.max)
		}
	}
	valLines := strings.Split(val, "\n")
	var out []string
	vw := max(1, f.width-lw-3)
	if f.stacked {
		indent, vw = "  ", max(1, f.width-2)
		for i, l := range strings.Split(wrap(fl.label, max(1, f.width-2)), "\n") {
			if i == 0 {
				out = append(out, marker+labelStyle.Render(l))
			} else {
				out = append(out, "  "+labelStyle.Render(l))
			}
		}
		for _, l := range valLines {
			out = append(out, indent+l)
		}
	} else {
		out = append(out, marker+label+" "+valLines[0])
		for _, l := range valLines[1:] {
			out = append(out, indent+l)
		}
	}
	if fl.preview != nil {
		if p := fl.preview(fl.value()); p != "" {
			for _, l := range strings.Split(wrapKeepingNumbers(p, vw), "\n") {
				out = append(out, indent+s.Success.Render(l))
			}
		}
	}
	if msg := f.visibleProblem(fl); msg != "" {
		for _, l := range strings.Split(wrap("! "+msg, vw), "\n") {
			out = append(out, indent+s.Error.Render(l))
		}
	}
	if focused && fl.hint != "" {
		for _, l := range strings.Split(wrap(fl.hint, vw), "\n") {
			out = append(out, indent+s.Muted.Render(l))
		}
	}
	return out
}

// helpKeys are shown in the help line while the form is open.
func (f *form) helpKeys() []key.Binding {
	if f.changed != nil {
		return f.changedHelp()
	}
	if f.confirming {
		return []key.Binding{f.yesNo.Yes, f.yesNo.No}
	}
	save, cancel := f.keys.Save, f.keys.Cancel
	switch {
	case f.failed:
		// Never "(saved)" while the journal does not hold the draft.
		save = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("not saved —", "ctrl+s to try again"))
	case f.autosaves:
		cancel = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close (saved)"))
	}
	ks := []key.Binding{save, cancel}
	switch fl := f.fields[f.focus]; fl.kind {
	case kindChoice, kindToggle:
		ks = append(ks, f.keys.Choose)
	case kindRating:
		rate := f.keys.Rate
		if fl.max != 5 {
			rate = key.NewBinding(key.WithKeys("1"), key.WithHelp("1–"+strconv.Itoa(fl.max), "rate"))
		}
		ks = append(ks, rate)
	case kindArea:
		ks = append(ks, editKey)
	}
	if f.enterSaves && !f.failed {
		ks[0] = f.keys.SaveEnter
	}
	return append(ks, f.keys.Move)
}
