package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// runDue prints the reach-outs planned for today and who to reach next,
// one line each: the few Today shows, ranked by who matters
// (model.WhoNext), and how many more are due. It sits in shell startup
// files, so it says nothing at all when nobody is due and nothing is
// planned (or there is no journal yet), and is quick.
func runDue(ctx context.Context, e *env, args []string) error {
	f := newFlags("due", "tether due [--all | --limit N] [--json]",
		"Lists the reach-outs planned for today, then who to reach out to next: the people due by the rhythm you set, "+
			"ranked by who matters (importance, sponsors and any-time people first, how late against their rhythm, "+
			"circles gone quiet), with how to reach them — as many lines as Today's who next shows (5 unless you chose another number in Settings), "+
			"today's plans among them. "+
			"Prints nothing when nobody is due and nothing is planned, so it can greet you in every new shell.",
		"tether due",
		"tether due --all",
		"echo 'command -v tether >/dev/null && tether due' >> ~/.bashrc",
		"tether due --json | jq -r '.[].name'")
	asJSON := f.Bool("json", false, "print a JSON list of the people due instead (an empty list, [], when nobody is due)")
	all := f.Bool("all", false, "list everyone due, not only the first few")
	limit := f.Int("limit", 0, "list the first `N` people due (1 or more)")
	db := f.db()
	f.operands = noOperands
	today := model.Today(e.Clock)
	var r model.Roster
	var plans []model.Plan
	err := e.readJournal(ctx, f, db, args, func(ctx context.Context, st *store.Store) error {
		switch {
		case *all && f.given("limit"):
			return f.usagef("--all and --limit do not go together")
		case f.given("limit") && *limit < 1:
			return f.usagef("--limit is how many people to list: 1 or more")
		}
		var err error
		if plans, err = st.PlansBetween(ctx, today, today); err != nil {
			return err
		}
		n := *limit
		if n == 0 && !*all {
			settings, err := st.Settings(ctx)
			if err != nil {
				return err
			}
			n = settings.WhoNextCount()
		}
		if n > 0 {
			// A greeting stays short: today's plans count among the few.
			n = max(1, n-len(plans))
		}
		r, err = st.Roster(ctx, today, n)
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.Stdout, dueList(r.Due, today))
	}
	colour := e.useColour()
	var b strings.Builder
	for _, p := range plans {
		b.WriteString(planLine(p, today, colour))
		b.WriteByte('\n')
	}
	for _, c := range r.Due {
		b.WriteString(dueLine(c, today, colour))
		b.WriteByte('\n')
	}
	if more := r.DueCount - len(r.Due); more > 0 {
		fmt.Fprintf(&b, "and %s more due: tether due --all\n", model.Thousands(more))
	}
	_, err = io.WriteString(e.Stdout, b.String())
	return err
}

// planLine is a reach-out planned for today: "Planned: call Dave Okafor
// at 18:00 — ask about Sunday".
func planLine(p model.Plan, today model.Date, colour bool) string {
	name := oneLine(p.ContactName)
	if colour {
		name = "\x1b[1m" + name + "\x1b[0m"
	}
	line := "Planned: " + strings.ToLower(p.Channel.Label()) + " " + name
	if p.Time != "" {
		line += " at " + p.Time
	}
	if p.Note != "" {
		line += " — " + oneLine(p.Note)
	}
	return line
}

// dueLine is one person: "Maria Santos — overdue 3 days — call +1 555 0100".
func dueLine(c model.Contact, today model.Date, colour bool) string {
	d := c.Due(today)
	name, words := oneLine(c.Name), d.Words()
	if colour {
		name = "\x1b[1m" + name + "\x1b[0m"
		if d.State == model.Overdue {
			words = "\x1b[33m" + words + "\x1b[0m" // yellow: a nudge, not an alarm
		}
	}
	line := name + " — " + words
	if how := reachBy(c); how != "" {
		line += " — " + how
	}
	return line
}

// reachBy says how to reach someone, in the way they prefer when their
// details allow it: "call +1 555 0100", "text ...", "email ...".
func reachBy(c model.Contact) string {
	phone, email := oneLine(c.Phone), oneLine(c.Email)
	switch c.Preferred {
	case model.ChannelText:
		if phone != "" {
			return "text " + phone
		}
	case model.ChannelVideo:
		if phone != "" || email != "" {
			return "video call " + firstOf(phone, email)
		}
		return "video call"
	case model.ChannelMessage:
		if phone != "" || email != "" {
			return "message " + firstOf(phone, email)
		}
		return "send a message"
	case model.ChannelInPerson:
		return "see them in person"
	}
	switch {
	case phone != "":
		return "call " + phone
	case email != "":
		return "email " + email
	}
	return ""
}

// dueJSON is one entry of tether due --json.
type dueJSON struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Nickname    string  `json:"nickname"`
	Status      string  `json:"status"` // "due" or "overdue"
	DaysLate    int     `json:"days_late"`
	DaysSince   *int    `json:"days_since"` // null when never reached
	CadenceDays int     `json:"cadence_days"`
	LastContact *string `json:"last_contact"` // RFC 3339, null when never reached
	Preferred   string  `json:"preferred"`
	Phone       string  `json:"phone"`
	Email       string  `json:"email"`
	Reach       string  `json:"reach"` // how, in words: "call +1 555 0100"
}

func dueList(cs []model.Contact, today model.Date) []dueJSON {
	out := make([]dueJSON, 0, len(cs))
	for _, c := range cs {
		d := c.Due(today)
		j := dueJSON{
			ID: c.ID, Name: c.Name, Nickname: c.Nickname, Status: "due", DaysLate: d.DaysLate,
			CadenceDays: c.CadenceDays, Preferred: string(c.Preferred), Phone: c.Phone, Email: c.Email,
			Reach: reachBy(c),
		}
		if d.State == model.Overdue {
			j.Status = "overdue"
		}
		if d.DaysSince >= 0 {
			j.DaysSince = &d.DaysSince
		}
		if !c.LastContact.IsZero() {
			s := c.LastContact.Format(time.RFC3339)
			j.LastContact = &s
		}
		out = append(out, j)
	}
	return out
}
