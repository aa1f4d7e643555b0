package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// checkinRequest is tether checkin's command line.
type checkinRequest struct {
	day model.Date
	// answers are those given as flags, in the questions' order; nil when
	// none was, and the questions are asked.
	answers []answer
	db      string
}

// answer is one question answered, as typed; blank clears it.
type answer struct {
	q    *question
	text string
}

// runCheckin saves a day's check-in from the shell: the answers given as
// flags, or else the ones given to its questions, asked one plain line at
// a time (a screen reader reads each as it comes). A day that has a
// check-in already keeps every answer not given again, as the app's form
// does.
func runCheckin(ctx context.Context, e *env, args []string) error {
	today := model.Today(e.Clock)
	req, err := parseCheckin(args, today)
	if err != nil {
		return err
	}
	path, err := e.journalOf(&req.db)
	if err != nil {
		return err
	}
	before, had, err := e.savedCheckIn(ctx, path, req.day)
	if err != nil {
		return err
	}
	answers := req.answers
	if answers == nil {
		if answers, err = e.askCheckin(ctx, req.day, today, before, had); err != nil {
			return err
		}
	}
	day := dayName(req.day, today)
	if len(answers) == 0 {
		if had {
			fmt.Fprintf(e.Stdout, "Nothing was answered, so the check-in for %s is as it was.\n", day)
		} else {
			fmt.Fprintln(e.Stdout, "Nothing was answered, so nothing was saved.")
		}
		return nil
	}
	// Opened again only now: a person may take their time over the
	// questions, and a journal is only made when there is a day to keep.
	st, err := e.openStore(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	merged, err := saveAnswers(ctx, st, before, answers)
	var p model.Problems
	if errors.As(err, &p) {
		return checkinProblems(p, answers)
	}
	if err != nil {
		return err
	}
	var names []string
	for _, a := range answers {
		names = append(names, a.q.name)
	}
	switch {
	case merged:
		fmt.Fprintf(e.Stdout, "Another window saved the check-in for %s meanwhile, so your answers were added to it: %s; "+
			"its other answers are as that window left them.\n", day, model.ListWords(names))
	case had:
		fmt.Fprintf(e.Stdout, "Updated the check-in for %s: %s; its other answers are as they were.\n", day, model.ListWords(names))
	default:
		fmt.Fprintf(e.Stdout, "Saved the check-in for %s: %s.\n", day, model.ListWords(names))
	}
	return nil
}

// parseCheckin reads tether checkin's command line: the day, and the
// answers given as flags, each read and checked as the model checks it
// (a refusal names each problem by its flag). It needs no journal.
func parseCheckin(args []string, today model.Date) (checkinRequest, error) {
	var req checkinRequest
	f := newFlags("checkin", "tether checkin [--day DAY] [--mood N] [--craving N] [--note TEXT] [...]",
		"Saves a day's check-in. Without answers as flags it asks the check-in's questions one plain line at a time: "+
			"each is optional, Enter skips it, a wrong answer is explained and asked again, and the end of input (ctrl+d) "+
			"saves what you have answered so far. Answers can be piped in, one a line. "+
			"With answers as flags it asks nothing. Every answer is checked as the app checks it.\n"+
			"A day that has a check-in already keeps every answer you do not give again; to clear one, give its flag an empty value (--craving '').",
		"tether checkin",
		"tether checkin --mood 4 --craving 2 --note \"Long walk with Sam\"",
		"tether checkin --day yesterday --sleep 6.5 --halt lonely,tired",
		"printf '4\\neasy\\n2\\n' | tether checkin")
	dayText := f.String("day", "today", "the `DAY` to check in for: today, yesterday, a weekday (friday: the last one), 3 days ago, or a date like 2026-03-08")
	f.values("day", "today", "yesterday")
	texts := make([]*string, len(questions))
	for i, q := range questions {
		texts[i] = f.String(q.flag, "", q.usage)
		if q.values != nil {
			f.values(q.flag, q.values...)
		}
	}
	db := f.db()
	f.operands = noOperands
	words, err := f.parse(args)
	if err != nil {
		return req, err
	}
	if len(words) > 0 {
		return req, f.usagef("unexpected %q: each answer goes after its flag, like --note \"...\"", words[0])
	}
	if req.day, err = model.ParsePastDay(*dayText, today); err != nil {
		d, dateErr := model.ParseDate(*dayText)
		if dateErr != nil || d.IsZero() {
			return req, f.usagef("--day %q: %v", *dayText, err)
		}
		req.day = d // a day ahead: refused below, in the model's words
	}
	var lines failLines
	if msg := (model.CheckIn{Day: req.day}).Validate(today)[model.FieldDay]; msg != "" {
		lines = append(lines, "checkin: --day: "+msg)
	}
	given := model.CheckIn{Day: req.day}
	wrong := map[string]string{} // flag → why its answer cannot be read
	for i := range questions {
		q := &questions[i]
		if !f.given(q.flag) {
			continue
		}
		if err := q.set(&given, *texts[i]); err != nil {
			wrong[q.flag] = fmt.Sprintf("checkin: --%s %q: %s", q.flag, *texts[i], sentence(err.Error()))
			continue
		}
		req.answers = append(req.answers, answer{q, *texts[i]})
	}
	p := given.Normalize().Validate(today)
	for i := range questions {
		q := &questions[i]
		switch msg := p[q.field]; {
		case wrong[q.flag] != "":
			lines = append(lines, wrong[q.flag])
		case f.given(q.flag) && q.field != "" && msg != "":
			lines = append(lines, fmt.Sprintf("checkin: --%s: %s", q.flag, msg))
		}
	}
	if len(lines) > 0 {
		return req, append(lines, "checkin: nothing was saved.")
	}
	req.db = *db
	return req, nil
}

// savedCheckIn is the day's check-in as saved, if it has one. Where there
// is no journal yet there is none, and no journal is made for asking.
func (e *env) savedCheckIn(ctx context.Context, path string, day model.Date) (model.CheckIn, bool, error) {
	st, err := e.openExisting(ctx, path)
	var none errNoJournal
	switch {
	case errors.As(err, &none):
		return model.CheckIn{Day: day}, false, nil
	case err != nil:
		return model.CheckIn{}, false, err
	}
	defer st.Close()
	c, ok, err := st.CheckIn(ctx, day)
	if !ok {
		c = model.CheckIn{Day: day}
	}
	return c, ok, err
}

// withAnswers is c with the answers put in; every other answer stays.
func withAnswers(c model.CheckIn, answers []answer) model.CheckIn {
	for _, a := range answers {
		_ = a.q.set(&c, a.text) // read once already: parseCheckin or askCheckin
	}
	return c
}

// saveAnswers saves the answers over before (the day's check-in as it was
// read, or an empty one). When another window saved the day meanwhile,
// they go over what it saved instead (merged), as the app's form keeps
// what it did not change.
func saveAnswers(ctx context.Context, st *store.Store, before model.CheckIn, answers []answer) (merged bool, err error) {
	c := before
	for tries := 0; ; tries++ {
		_, err = st.SaveCheckIn(ctx, withAnswers(c, answers))
		var changed *model.ChangedError
		if !errors.As(err, &changed) || tries == 3 {
			return merged, err
		}
		theirs, ok := changed.Theirs.(model.CheckIn)
		if !ok {
			return merged, err
		}
		c, merged = theirs, true
	}
}

// checkinProblems reports what the model refused, each by its flag, one
// line each.
func checkinProblems(p model.Problems, answers []answer) error {
	var lines failLines
	for _, a := range answers {
		if msg, ok := p[a.q.field]; ok && a.q.field != "" {
			lines = append(lines, fmt.Sprintf("checkin: --%s: %s", a.q.flag, msg))
			delete(p, a.q.field)
		}
	}
	for _, k := range sortedKeys(p) {
		lines = append(lines, "checkin: "+p[k])
	}
	return append(lines, "checkin: nothing was saved.")
}
