package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// searchLimit is how many places of each kind `tether search` prints.
const searchLimit = 20

// runSearch finds words anywhere in the journal and prints the places,
// grouped by kind, newest first, the matching words marked.
func runSearch(ctx context.Context, e *env, args []string) error {
	f := newFlags("search", "tether search WORDS... [--json]",
		"Finds words anywhere in your journal: names, nicknames, notes and tags of contacts; reach-out notes; "+
			"check-in notes and what helped; reflection answers; your safety plan. Case and accents do not matter "+
			"(cafe finds café), and the start of a word is enough. Places are grouped by kind, newest first.",
		"tether search biscuit",
		"tether search lunch walk",
		"tether search jose --json")
	asJSON := f.Bool("json", false, "print a JSON list of the places found")
	db := f.db()
	f.operands = noOperands // its words are free text
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	text := strings.Join(words, " ")
	if model.SearchQuery(text) == "" {
		return f.usagef("say what to look for: tether search WORDS")
	}
	path, err := e.journalOf(db)
	if err != nil {
		return err
	}
	var hits []model.SearchHit
	st, err := e.openForReading(ctx, path)
	var none errNoJournal
	switch {
	case errors.As(err, &none):
	case err != nil:
		return err
	default:
		defer st.Close()
		if hits, err = st.Search(ctx, text, searchLimit); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.Stdout, searchList(hits))
	}
	if len(hits) == 0 {
		_, err := fmt.Fprintf(e.Stdout, "Nothing found for %q.\n", oneLine(text))
		return err
	}
	_, err = fmt.Fprint(e.Stdout, searchText(hits, e.useColour()))
	return err
}

// searchText is the places found as text, a heading per kind.
func searchText(hits []model.SearchHit, colour bool) string {
	mark, unmark := "[", "]"
	if colour {
		mark, unmark = "\x1b[1m", "\x1b[0m"
	}
	var b strings.Builder
	for _, k := range model.SearchKinds {
		first := true
		for _, h := range hits {
			if h.Kind != k.Kind {
				continue
			}
			if first {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(k.Heading + "\n")
				first = false
			}
			fmt.Fprintf(&b, "  %s — %s\n", searchPlace(h), marked(h.Snippet, mark, unmark))
		}
	}
	return b.String()
}

// marked is a snippet as one printable line, its matches between mark and
// unmark: the text is made safe first, then the marks put back.
func marked(snippet, mark, unmark string) string {
	var b strings.Builder
	for i, part := range strings.Split(snippet, model.SearchMark) {
		if i > 0 {
			b.WriteString(mark)
		}
		in, out, found := strings.Cut(part, model.SearchUnmark)
		if !found {
			b.WriteString(printablePart(part))
			continue
		}
		b.WriteString(printablePart(in) + unmark + printablePart(out))
	}
	return strings.TrimSpace(b.String())
}

// printablePart is oneLine for a piece of a line: the spaces at its ends
// are kept (as one), since it sits between marks.
func printablePart(s string) string {
	return strings.Join(strings.FieldsFunc(model.PrintableLine(s), func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

// searchPlace names where a place is: the person, the day, the week.
func searchPlace(h model.SearchHit) string {
	switch h.Kind {
	case model.SearchReachOut:
		return h.Day.String() + " " + oneLine(h.Title)
	case model.SearchCheckIn:
		return h.Day.String()
	case model.SearchReflection:
		return h.Week.String() + " " + oneLine(h.Title)
	}
	if h.Archived {
		return oneLine(h.Title) + " (archived)"
	}
	return oneLine(h.Title)
}

// searchJSON is one place found, for --json.
type searchJSON struct {
	Kind      string `json:"kind"`
	ContactID int64  `json:"contact_id,omitempty"`
	ReachOut  int64  `json:"reach_out_id,omitempty"`
	Day       string `json:"day,omitempty"`
	Week      string `json:"week,omitempty"`
	Archived  bool   `json:"archived,omitempty"`
	Title     string `json:"title"`
	Snippet   string `json:"snippet"`
}

func searchList(hits []model.SearchHit) []searchJSON {
	out := []searchJSON{}
	for _, h := range hits {
		j := searchJSON{Kind: string(h.Kind), ContactID: h.ContactID, ReachOut: h.ReachOutID, Archived: h.Archived, Title: oneLine(h.Title),
			Snippet: marked(h.Snippet, "", "")}
		if !h.Day.IsZero() {
			j.Day = h.Day.String()
		}
		if h.Kind == model.SearchReflection {
			j.Week = h.Week.String()
		}
		out = append(out, j)
	}
	return out
}
