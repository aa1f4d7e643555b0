package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// runLog logs one reach-out from the shell, to the contact whose name
// matches NAME.
func runLog(ctx context.Context, e *env, args []string) error {
	now := e.Clock.Now()
	name, r, plan, db, err := parseLog(args, now)
	if err != nil {
		return err
	}

	path, err := e.journalOf(&db)
	if err != nil {
		return err
	}
	st, err := e.openExisting(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	today := model.DateOf(now)
	who, err := findContact(ctx, st, name, today)
	if err != nil {
		return err
	}
	if plan != nil {
		return planReachOut(ctx, e, st, *plan, who, today)
	}
	r.ContactID = who.ID
	usual := r.Channel == model.ChannelNone
	if usual {
		r.Channel = usualWay(who)
	}
	saved, err := st.SaveReachOut(ctx, r)
	var p model.Problems
	if errors.As(err, &p) {
		return loggedNothing(p)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, loggedSentence(saved, who, now, usual))
	return nil
}

// usualWay is how a reach-out with who goes when the person does not say:
// the way they prefer to be reached, else a call (as in the app's log
// dialog).
func usualWay(who model.Contact) model.Channel {
	if slices.Contains(model.LogChannels, who.Preferred) {
		return who.Preferred
	}
	return model.ChannelCall
}

// parseLog reads tether log's command line, and checks all of it that
// needs no journal: NAME as typed, the reach-out to log (all but who it
// was with), and the --db given. What it accepts, the model accepts once
// the person is found.
func parseLog(args []string, now time.Time) (name string, r model.ReachOut, plan *model.Plan, db string, err error) {
	f := newFlags("log", "tether log NAME [--via CHANNEL] [--at WHEN | --plan WHEN] [--note TEXT]",
		"Logs a reach-out with the person whose name (or nickname) matches NAME, ignoring case and accents. "+
			"The beginning of any of their names is enough (\"mar\" for María Santos) as long as only one person matches; "+
			"when several do, they are listed and nothing is logged. A name typed in full always wins. "+
			"Without --via it is logged the way they prefer to be reached, or as a call when no way is set, and the reply says which.",
		`tether log maria`,
		`tether log maria --via whatsapp`,
		`tether log "Tuesday SMART" --via meeting --note "Shared for the first time"`,
		`tether log sam --via text --direction theirs --at "2026-03-08 21:40"`,
		`tether log dave --plan "mon 6pm" --note "ask about Sunday"`)
	via := f.String("via", "", "how you were in touch: `CHANNEL` is "+orWords(codeList(model.LogChannels))+
		", or an everyday word for one (below); default their preferred way, else call")
	f.values("via", codeList(model.LogChannels)...)
	f.sections = append(f.sections, channelSection())
	f.names = true
	note := f.String("note", "", "a short note, in your words")
	at := f.String("at", "", "`WHEN` it was: a day (2026-03-08, yesterday), a time (21:40), or both (\"2026-03-08 21:40\"); "+
		"default now. A day without a time is noon.")
	direction := f.String("direction", "mine", "`WHO` reached out: mine (I did), theirs (they did), or supported (I supported them)")
	f.values("direction", codeList(model.Directions)...)
	helped := f.String("helped", "", "did it help: `ANSWER` is yes, somewhat or no")
	f.values("helped", codeList(model.HelpedAnswers[1:])...)
	planWhen := f.String("plan", "", "plan it for later instead of logging it: `WHEN` is today, tomorrow, a weekday (mon) or a date, "+
		"with a time like 18:00 or 6pm if you like; it shows on Today and in tether due on that day")
	dbFlag := f.db()
	words, err := f.parse(args)
	if err != nil {
		return "", r, nil, "", err
	}
	name = strings.Join(words, " ")
	if strings.TrimSpace(name) == "" {
		return "", r, nil, "", f.usagef("say who with a name: tether log NAME --via call")
	}
	if f.given("plan") {
		p, err := parsePlan(f, *planWhen, *via, *note, model.DateOf(now))
		return name, r, p, *dbFlag, err
	}
	r = model.ReachOut{Note: *note}
	if f.given("via") {
		// Given, even blank (a script's empty variable), it must be a
		// channel; left out, the person's usual way is found later.
		if r.Channel, err = parseChannel("--via", *via, model.LogChannels); err != nil {
			return "", r, nil, "", f.usagef("%v", err)
		}
	}
	if r.Direction, err = parseChoice("--direction", *direction, model.Directions); err != nil {
		return "", r, nil, "", f.usagef("%v", err)
	}
	if *helped != "" {
		if r.Helped, err = parseChoice("--helped", *helped, model.HelpedAnswers[1:]); err != nil {
			return "", r, nil, "", f.usagef("%v", err)
		}
	}
	if strings.TrimSpace(*at) == "" && f.given("at") {
		// A script's empty variable must not quietly mean "now".
		return "", r, nil, "", f.usagef("--at is blank: give a day, a time, or both, or leave --at out to mean now")
	}
	if r.At, err = model.ParseWhen(*at, now); err != nil {
		return "", r, nil, "", f.usagef("--at: %v", err)
	}
	// The note and the time are the model's to judge, as when saving; who
	// it was with is found in the journal after this.
	p := r.Normalize().Validate(now)
	delete(p, model.FieldContact)
	if len(p) > 0 {
		return "", r, nil, "", loggedNothing(p)
	}
	return name, r, nil, *dbFlag, nil
}

// loggedNothing is a reach-out the model refused, in one line.
func loggedNothing(p model.Problems) error {
	return fmt.Errorf("log: nothing was logged: %s", problemSentence(p))
}

// loggedSentence says what was logged, as the app's footer does, with
// when: "Logged: you reached out to Maria Santos (call), today at 19:05."
// usual: the channel was not given but taken as their usual way, which it
// says.
func loggedSentence(r model.ReachOut, who model.Contact, now time.Time, usual bool) string {
	name := oneLine(who.Name)
	what := strings.ToLower(r.Channel.Label())
	var s string
	switch r.Direction {
	case model.DirectionTheirs:
		s = fmt.Sprintf("Logged: %s reached out (%s)", name, what)
	case model.DirectionSupported:
		s = fmt.Sprintf("Logged: you supported %s (%s)", name, what)
	default:
		s = fmt.Sprintf("Logged: you reached out to %s (%s)", name, what)
	}
	s += ", " + dayName(r.Day(), model.DateOf(now)) + " at " + r.At.Format("15:04") + "."
	switch {
	case usual && r.Channel == who.Preferred:
		s += " " + r.Channel.Label() + " is how they prefer to be reached; --via chooses another way."
	case usual:
		s += " A " + what + ", as no preferred way is set for them; --via chooses another way."
	}
	if who.Archived {
		s += " " + name + " is archived; v on the Contacts screen shows archived people."
	}
	return s
}

// findContact picks the one contact NAME means: someone whose full name
// is NAME (ignoring case and accents) wins; then someone whose nickname is;
// then whoever has a name or nickname whose words begin with each word of
// NAME. Active contacts are looked at first, archived ones only when no
// active one matches. No match, or more than one, is an error that names
// the candidates, so nothing is logged to the wrong person.
func findContact(ctx context.Context, st *store.Store, name string, today model.Date) (model.Contact, error) {
	for _, archived := range []bool{false, true} {
		cs, err := st.Contacts(ctx, archived, today)
		if err != nil {
			return model.Contact{}, err
		}
		found := matchContacts(name, cs)
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			return model.Contact{}, ambiguous(name, found)
		}
	}
	return model.Contact{}, fmt.Errorf("log: nobody in your contacts matches %q; nothing was logged (tether contact list shows them all)", oneLine(name))
}

// matchContacts returns the best tier of matches for query among cs.
func matchContacts(query string, cs []model.Contact) []model.Contact {
	q := model.Fold(oneLine(query))
	qWords := strings.Fields(q)
	if len(qWords) == 0 {
		return nil
	}
	var exact, nick, prefix []model.Contact
	for _, c := range cs {
		name, nickname := model.Fold(oneLine(c.Name)), model.Fold(oneLine(c.Nickname))
		switch {
		case name == q:
			exact = append(exact, c)
		case nickname != "" && nickname == q:
			nick = append(nick, c)
		case wordsBegin(qWords, nameWords(name+" "+nickname), circleWords(c.Circle)):
			prefix = append(prefix, c)
		}
	}
	switch {
	case len(exact) > 0:
		return exact
	case len(nick) > 0:
		return nick
	}
	return prefix
}

// nameWords are the words of a folded name, split at spaces and also at
// hyphens and apostrophes, so "pierre" finds Jean-Pierre and "brien" finds
// O'Brien, while "o'brien" still does.
func nameWords(s string) []string {
	words := strings.Fields(s)
	for _, w := range strings.Fields(s) {
		parts := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
		if len(parts) > 1 {
			words = append(words, parts...)
		}
	}
	return words
}

// wordsBegin: every query word begins a word of the name, or of the
// circle ("sam friend" tells two Sams apart), and at least one begins a
// word of the name, so "fa" finds Fatima and not the whole family circle.
func wordsBegin(query, name, circle []string) bool {
	inName := false
	for _, q := range query {
		switch {
		case anyBegins(name, q):
			inName = true
		case anyBegins(circle, q):
		default:
			return false
		}
	}
	return inName
}

func anyBegins(words []string, prefix string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// circleWords are the words a circle goes by: its code and short label.
func circleWords(c model.Circle) []string {
	return nameWords(model.Fold(string(c) + " " + c.Short()))
}

// ambiguous lists the people a name could mean, with what tells them
// apart.
func ambiguous(name string, cs []model.Contact) error {
	const show = 8
	var list []string
	for i, c := range cs {
		if i == show {
			list = append(list, fmt.Sprintf("and %d more", len(cs)-show))
			break
		}
		detail := []string{c.Circle.Short()}
		if c.Phone != "" {
			detail = append(detail, oneLine(c.Phone))
		} else if c.Email != "" {
			detail = append(detail, oneLine(c.Email))
		}
		list = append(list, fmt.Sprintf("%s (%s)", oneLine(c.DisplayName()), strings.Join(detail, ", ")))
	}
	return fmt.Errorf("log: %q matches %s: %s; nothing was logged. Type more of the name, or add their circle (%q)",
		oneLine(name), model.Plural(len(cs), "person"), strings.Join(list, "; "), oneLine(name)+" "+cs[0].Circle.Short())
}

// parsePlan reads tether log NAME --plan WHEN: only --via and --note go
// with it (a plan has no direction, no "did it help" yet, and no --at).
func parsePlan(f *flags, when, via, note string, today model.Date) (*model.Plan, error) {
	for _, other := range []string{"at", "direction", "helped"} {
		if f.given(other) {
			return nil, f.usagef("--plan and --%s do not go together: a plan is logged once it is done", other)
		}
	}
	p := model.Plan{Note: note}
	var err error
	if p.Day, p.Time, err = model.ParsePlanWhen(when, today); err != nil {
		return nil, f.usagef("--plan: %v", err)
	}
	if f.given("via") {
		if p.Channel, err = parseChannel("--via", via, model.LogChannels); err != nil {
			return nil, f.usagef("%v", err)
		}
	}
	pr := p.Normalize().Validate(today)
	delete(pr, model.FieldPlanContact)
	if len(pr) > 0 {
		return nil, fmt.Errorf("log: nothing was planned: %s", problemSentence(pr))
	}
	return &p, nil
}

// planReachOut saves a plan with who (their preferred way when --via was
// not given) and says what was planned.
func planReachOut(ctx context.Context, e *env, st *store.Store, p model.Plan, who model.Contact, today model.Date) error {
	if who.Archived {
		return fmt.Errorf("log: %s is archived, so nothing was planned; v on the Contacts screen shows archived people and r restores them", oneLine(who.Name))
	}
	p.ContactID = who.ID
	if p.Channel == "" {
		p.Channel = usualWay(who)
	}
	saved, err := st.SavePlan(ctx, p)
	var pr model.Problems
	if errors.As(err, &pr) {
		return fmt.Errorf("log: nothing was planned: %s", problemSentence(pr))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Planned: %s with %s, %s. It shows on Today on the day.\n",
		strings.ToLower(saved.Channel.Label()), oneLine(who.Name), saved.When(today))
	return nil
}

// channelSection lists, in tether log's help, the everyday words --via
// takes for each channel.
func channelSection() section {
	var rows []row
	for _, c := range model.LogChannels {
		words := strings.Join(model.ChannelWords(c), ", ")
		if words == "" {
			words = "anything else"
		}
		rows = append(rows, row{string(c), words})
	}
	return section{title: "Channels, and the everyday words --via takes for each (in any case)", rows: rows}
}
