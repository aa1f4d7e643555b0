package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// contactCommands are tether contact add and tether contact list.
var contactCommands = []command{
	{name: "add", summary: "add a supporter", run: runContactAdd},
	{name: "list", summary: "list your contacts", run: runContactList, aliases: []string{"ls"}},
}

// fieldFlags maps the model's fields to the flags that set them, in the
// order problems are reported.
var fieldFlags = []struct{ field, flag string }{
	{model.FieldName, "name"}, {model.FieldNickname, "nickname"}, {model.FieldCircle, "circle"},
	{model.FieldGroup, "group"}, {model.FieldPhone, "phone"}, {model.FieldEmail, "email"},
	{model.FieldPreferred, "prefer"}, {model.FieldAvailability, "available"},
	{model.FieldAnyTimeSince, "any-time"}, {model.FieldImportance, "importance"},
	{model.FieldSupportive, "supportive"}, {model.FieldStance, "stance"},
	{model.FieldKnownSince, "known-since"}, {model.FieldCadence, "every"},
	{model.FieldNotes, "notes"}, {model.FieldTags, "tags"},
}

func runContactAdd(ctx context.Context, e *env, args []string) error {
	c, db, err := parseContactAdd(args, model.Today(e.Clock))
	if err != nil {
		return err
	}
	path, err := e.journalOf(&db)
	if err != nil {
		return err
	}
	st, err := e.openStore(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	// Someone whose name looks the same (model.LookAlikeKey), archived
	// or not: two such people cannot be told apart on a screen, and
	// `tether log` would pick one.
	twin, err := st.LookAlike(ctx, 0, c.Name)
	if err != nil {
		return err
	}
	saved, err := st.SaveContact(ctx, c)
	var p model.Problems
	if errors.As(err, &p) {
		return contactProblems(p)
	}
	if err != nil {
		return err
	}
	details := []string{saved.Circle.Label()}
	if saved.CadenceDays > 0 {
		details = append(details, model.CadenceLabel(saved.CadenceDays))
	}
	if saved.AnyTime {
		details = append(details, "call any time")
	}
	fmt.Fprintf(e.Stdout, "Added %s (%s).\n", oneLine(saved.Name), strings.Join(details, ", "))
	if twin != "" {
		fmt.Fprintf(e.Stderr, "There is already someone named %s.\n", oneLine(twin))
	}
	return nil
}

// parseContactAdd reads tether contact add's command line into the contact
// to add, checked as the model checks it (a refusal names each problem by
// its flag), and the --db given. It needs no journal.
func parseContactAdd(args []string, today model.Date) (c model.Contact, db string, err error) {
	f := newFlags("contact add", "tether contact add --name NAME [options]",
		"Adds a supporter, or a group such as a Tuesday meeting, to your network. Only the name is needed; "+
			"everything else can be filled in later in the app. Each mistake is reported by its flag, and nothing is saved until all are right.",
		`tether contact add --name "María Santos" --circle sponsor --any-time \`+"\n"+
			`      --phone "+1 555 0100" --every 1w`,
		`tether contact add --name "Tuesday SMART meeting" --circle fellowship \`+"\n"+
			`      --every 7 --tags meeting,tuesday`)
	name := f.String("name", "", "their `NAME` (required; a first name or a nickname is enough)")
	nickname := f.String("nickname", "", "what you call them")
	circle := f.String("circle", "other", "where they belong: `CIRCLE` is "+codes(model.Circles))
	f.values("circle", codeList(model.Circles)...)
	group := f.String("group", "", "group or context, like \"Tuesday SMART meeting\"")
	phone := f.String("phone", "", "phone number")
	email := f.String("email", "", "email address")
	prefer := f.String("prefer", "", "preferred way to reach them: "+orWords(codeList(model.PreferredChannels[1:]))+
		" (or a word for one, as tether log --help lists them)")
	f.values("prefer", codeList(model.PreferredChannels[1:])...)
	available := f.String("available", "", "when they are available, or their time zone (free text)")
	anyTime := f.Bool("any-time", false, "they agreed you can call them any time, even at 3 a.m. (from today)")
	distraction := f.Bool("distraction", false, "good to be with when it gets hard")
	importance := f.String("importance", "", "how important they are to you, `1-5`")
	supportive := f.String("supportive", "", "how supportive they are in general, `1-5`")
	stance := f.String("stance", "unknown", "their stance on your recovery: supports, neutral, supports-using or unknown")
	f.values("stance", codeList(model.Stances)...)
	knownSince := f.String("known-since", "", "the `DATE` you met, like 2019-02-28")
	every := f.String("every", "", "how often you mean to reach out: `DAYS` like 7, or weeks like 2w (none by default)")
	notes := f.String("notes", "", "notes and boundaries")
	tags := f.String("tags", "", "tags, separated by commas: a,b")
	dbFlag := f.db()
	f.operands = noOperands
	words, err := f.parse(args)
	if err != nil {
		return c, "", err
	}
	if len(words) > 0 {
		return c, "", f.usagef("unexpected %q (put the name after --name, in quotes if it has spaces)", words[0])
	}
	set := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if !set["name"] {
		return c, "", f.usagef("--name is required")
	}

	c = model.Contact{
		Name: *name, Nickname: *nickname, Group: *group, Phone: *phone, Email: *email,
		Availability: *available, AnyTime: *anyTime, Distraction: *distraction, Notes: *notes,
		Tags: model.ParseTags(*tags),
	}
	p := model.Problems{}
	if c.Circle, err = parseCircle(*circle); err != nil {
		p[model.FieldCircle] = err.Error()
	}
	if *prefer != "" {
		if c.Preferred, err = parseChannel("--prefer", *prefer, model.PreferredChannels[1:]); err != nil {
			p[model.FieldPreferred] = err.Error()
		}
	}
	if c.Stance, err = parseChoice("--stance", *stance, model.Stances); err != nil {
		p[model.FieldStance] = err.Error()
	}
	for _, r := range []struct {
		field string
		text  string
		to    *int
	}{{model.FieldImportance, *importance, &c.Importance}, {model.FieldSupportive, *supportive, &c.Supportive}} {
		if r.text == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(r.text))
		if err != nil || n < 1 || n > 5 {
			p[r.field] = fmt.Sprintf("%q is not a number from 1 to 5.", r.text)
			continue
		}
		*r.to = n
	}
	if c.KnownSince, err = model.ParseDate(*knownSince); err != nil {
		p[model.FieldKnownSince] = sentence(err.Error())
	}
	if c.CadenceDays, err = model.ParseCadence(*every); err != nil {
		p[model.FieldCadence] = sentence(err.Error())
	}
	if c.AnyTime {
		c.AnyTimeSince = today
	}
	c = c.Normalize()
	for field, msg := range c.Validate(today) {
		if _, seen := p[field]; !seen {
			p[field] = msg
		}
	}
	if len(p) > 0 {
		return model.Contact{}, "", contactProblems(p)
	}
	return c, *dbFlag, nil
}

// contactProblems reports each problem by its flag, one line each.
func contactProblems(p model.Problems) error {
	var lines failLines
	done := map[string]bool{}
	for _, ff := range fieldFlags {
		if msg, ok := p[ff.field]; ok {
			lines = append(lines, fmt.Sprintf("contact add: --%s: %s", ff.flag, msg))
			done[ff.field] = true
		}
	}
	for _, k := range sortedKeys(p) {
		if !done[k] {
			lines = append(lines, fmt.Sprintf("contact add: %s: %s", k, p[k]))
		}
	}
	return append(lines, "contact add: nothing was saved.")
}

// parseCircle reads a circle by its code ("sponsor"), its short label
// ("school/work") or its label, ignoring case and accents.
func parseCircle(s string) (model.Circle, error) {
	key := model.Fold(s)
	for _, c := range model.Circles {
		if key == string(c) || key == model.Fold(c.Short()) || key == model.Fold(c.Label()) {
			return c, nil
		}
	}
	return "", fmt.Errorf("%q is not a circle; use one of %s.", s, codes(model.Circles))
}

func runContactList(ctx context.Context, e *env, args []string) error {
	f := newFlags("contact list", "tether contact list [--json] [--archived]",
		"Lists your contacts by name, with their circle, when you were last in touch, whether they are due, and their number. "+
			"Archived contacts are listed with --archived.",
		"tether contact list",
		"tether contact list --json | jq -r '.[] | select(.any_time) | .name'")
	asJSON := f.Bool("json", false, "print a JSON list of every field instead")
	archived := f.Bool("archived", false, "list the archived contacts instead of the active ones")
	db := f.db()
	f.operands = noOperands
	cs, today, err := e.contactsOf(ctx, f, db, args, archived)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]contactJSON, len(cs))
		for i, c := range cs {
			out[i] = contactToJSON(c, today)
		}
		return writeJSON(e.Stdout, out)
	}
	if len(cs) == 0 {
		if *archived {
			fmt.Fprintln(e.Stdout, "No archived contacts.")
		} else {
			fmt.Fprintln(e.Stdout, `No contacts yet. Add one with: tether contact add --name "NAME"`)
		}
		return nil
	}
	return writeContactTable(e.Stdout, cs, today)
}

// writeContactTable lines the contacts up in columns, measuring names by
// the cells they take (wide scripts, emoji), cutting only very long ones.
func writeContactTable(w io.Writer, cs []model.Contact, today model.Date) error {
	const maxName = 32
	nameW := 4
	for _, c := range cs {
		nameW = max(nameW, min(maxName, lipgloss.Width(oneLine(c.DisplayName()))))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %-11s  %-6s  %-18s  %s\n", padCells("NAME", nameW), "CIRCLE", "LAST", "DUE", "REACH")
	for _, c := range cs {
		name := ansi.Truncate(oneLine(c.DisplayName()), nameW, "…")
		last := "never"
		if !c.LastContact.IsZero() {
			last = model.SinceLabel(today.DaysSince(model.DateOf(c.LastContact)))
		}
		due := ""
		switch d := c.Due(today); d.State {
		case model.DueNow, model.Overdue:
			due = d.Words()
		case model.NotDue:
			due = model.CadenceLabel(c.CadenceDays)
		}
		reach := firstOf(oneLine(c.Phone), oneLine(c.Email))
		if c.AnyTime {
			reach = strings.TrimSpace(reach + " (any time)")
		}
		line := fmt.Sprintf("%s  %-11s  %-6s  %-18s  %s", padCells(name, nameW), c.Circle.Short(), last, due, reach)
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// padCells pads s with spaces to w terminal cells.
func padCells(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
}

// contactJSON is one contact of tether contact list --json: the contact
// as Tether JSON's export writes it (journalfile.ContactJSON, one shape
// for scripts whichever command they read), then the derived facts the
// list shows.
type contactJSON struct {
	journalfile.ContactJSON
	LastContact *string `json:"last_contact"` // RFC 3339, null when never reached
	Reached30   int     `json:"reach_outs_30_days"`
	Due         string  `json:"due"` // "overdue", "due", "not-due" or "no-rhythm"
}

func contactToJSON(c model.Contact, today model.Date) contactJSON {
	j := contactJSON{ContactJSON: journalfile.NewContactJSON(c), Reached30: c.Reached30}
	if !c.LastContact.IsZero() {
		s := c.LastContact.Format(time.RFC3339)
		j.LastContact = &s
	}
	switch c.Due(today).State {
	case model.Overdue:
		j.Due = "overdue"
	case model.DueNow:
		j.Due = "due"
	case model.NotDue:
		j.Due = "not-due"
	default:
		j.Due = "no-rhythm"
	}
	return j
}
