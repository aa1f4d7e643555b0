package cli

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// sosWait bounds how long `tether sos` waits for the journal before it
// prints what it has: a person in crisis must never be left with nothing
// while a lock or a slow disk takes its time. Reading a decade's journal
// takes a couple of milliseconds, so the bound is never met in use.
const sosWait = 3 * time.Second

// runSOS prints the crisis card as plain text: the safety plan, the people
// who said call any time, the professionals, the person's own numbers and
// their region's crisis lines, and the line about emergency numbers. It
// opens the journal read-only, so it works while the app is open and
// saving in another window, and changes nothing. Whatever goes wrong with
// the journal (there is none, it is not a journal, a part of it cannot be
// read) it still prints the card from what it could read, at the least the
// general part that needs no journal, says what went wrong in one line on
// stderr, and succeeds: this command must never leave someone with
// nothing.
func runSOS(ctx context.Context, e *env, args []string) error {
	f := newFlags("sos", "tether sos",
		"Prints your crisis card: your safety plan, the people who said call any time "+
			"(those who may be awake now first), your professionals, your own crisis numbers "+
			"and your region's crisis lines. It only reads the journal, so it answers at once "+
			"even while Tether is open in another window. If the journal cannot be read it "+
			"still prints the crisis lines part of the card, and says why on stderr. "+
			"Nothing is ever dialled or sent.",
		"tether sos",
		"tether sos | less")
	db := f.db()
	f.operands = noOperands
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 0 {
		return f.usagef("unexpected %q", words[0])
	}
	in, problem := readCard(ctx, e, db)
	if problem != "" {
		// Before the card, so the card is what stays on the screen.
		io.WriteString(e.Stderr, "tether: sos: "+problem+"\n")
	}
	card := model.BuildCrisisCard(in.plan, in.settings, in.people, e.Clock.Now())
	_, err = io.WriteString(e.Stdout, renderCard(card, e.useColour()))
	return err
}

// cardInput is what the card is built from; its zero value builds the
// general card that needs no journal.
type cardInput struct {
	plan     model.SafetyPlan
	settings model.Settings
	people   model.CardPeople
}

// readCard reads the card's inputs from the journal, read-only, keeping
// whatever it could read; problem says, in one line, what it could not.
func readCard(ctx context.Context, e *env, db *string) (in cardInput, problem string) {
	path, err := e.journalOf(db)
	if err != nil {
		return in, oneLine(err.Error()) + "; showing the general crisis card"
	}
	ctx, cancel := context.WithTimeout(ctx, sosWait)
	defer cancel()
	st, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		return in, oneLine(err.Error()) + "; showing the general crisis card"
	}
	defer st.Close()
	if why := st.Unchanging(); why != "" {
		problem = "The journal could not be opened for writing (" + why + "); this card was read without changing it."
	}
	var errs [3]error
	in.plan, errs[0] = st.SafetyPlan(ctx)
	in.settings, errs[1] = st.Settings(ctx)
	in.people, errs[2] = st.CardPeople(ctx, in.plan)
	var problems []string
	for _, err := range errs {
		if err != nil {
			problems = append(problems, oneLine(err.Error()))
		}
	}
	if len(problems) > 0 {
		return in, strings.TrimSpace(problem + " " + strings.Join(problems, "; ") + "; the rest of the card follows")
	}
	return in, problem
}

// renderCard is the card as text: each section's title, its lines
// indented beneath it, then its note, a blank line between sections. With
// colour the titles are bold and the notes faint; the text is the same.
func renderCard(card model.CrisisCard, colour bool) string {
	var b strings.Builder
	for i, sec := range card.Sections {
		if i > 0 {
			b.WriteByte('\n')
		}
		title := oneLine(sec.Title)
		if colour {
			title = "\x1b[1m" + title + "\x1b[0m"
		}
		b.WriteString(title + "\n")
		for _, l := range sec.Lines {
			b.WriteString("  " + oneLine(l) + "\n")
		}
		if note := oneLine(sec.Note); note != "" {
			if colour {
				note = "\x1b[2m" + note + "\x1b[0m"
			}
			b.WriteString("  " + note + "\n")
		}
	}
	return b.String()
}
