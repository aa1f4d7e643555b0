package syncfolder

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

// Summary is what merging one copy's file changed, in a few words: only
// what it added, updated or removed ("2 reach-outs and 1 check-in added,
// 1 updated"), or "nothing new".
func Summary(rep store.ImportReport) string {
	var added []string
	for _, n := range []struct {
		n    int
		what string
	}{
		{rep.Contacts, "person"}, {rep.ReachOuts, "reach-out"}, {rep.CheckIns, "check-in"},
		{rep.Reflections, "reflection"}, {rep.Checkups, "check-up"}, {rep.Plans, "plan"},
		{rep.Settings, "setting"},
	} {
		if n.n > 0 {
			added = append(added, model.Plural(n.n, n.what))
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, model.ListWords(added)+" added")
	}
	if rep.Updated > 0 {
		parts = append(parts, model.Thousands(rep.Updated)+" updated to the newer version")
	}
	if rep.Removed > 0 {
		parts = append(parts, model.Thousands(rep.Removed)+" removed as the other copy did")
	}
	if len(parts) == 0 {
		return "nothing new"
	}
	return strings.Join(parts, "; ")
}

// Why is why a copy's file was left out, naming it name, as a clause
// ("skipped NAME: it is not whole …"); "" when it was merged.
func (c Copy) Why(name string) string {
	var newer journalfile.NewerError
	switch {
	case c.Left == nil:
		return ""
	case errors.Is(c.Left, ErrHalfCopied):
		return fmt.Sprintf("skipped %s: %v", name, c.Left)
	case errors.As(c.Left, &newer):
		return fmt.Sprintf("left out %s: %s; update Tether here to sync with it", name, strings.TrimSuffix(newer.Error(), "."))
	}
	return fmt.Sprintf("left out %s: %s", name, strings.TrimPrefix(c.Left.Error(), errOpen.Error()+": "))
}

// Refused counts the files from a newer Tether.
func (r Result) Refused() int {
	n := 0
	for _, c := range r.Copies {
		var newer journalfile.NewerError
		if errors.As(c.Left, &newer) {
			n++
		}
	}
	return n
}

// Trouble reports whether anything was left out for a reason the next
// sync will not mend by itself (a half-copied file will be whole then),
// or lies in the folder unencrypted while this copy encrypts.
func (r Result) Trouble() bool {
	for _, c := range r.Copies {
		if c.Plain || (c.Left != nil && !errors.Is(c.Left, ErrHalfCopied)) {
			return true
		}
	}
	return false
}

// Changed reports whether the sync brought anything into the journal.
func (r Result) Changed() bool {
	for _, c := range r.Copies {
		if brought(c.Report) {
			return true
		}
	}
	return false
}

// Line is the whole sync in one sentence, for a status line: what came
// in from the other computers, then anything left out.
func (r Result) Line() string {
	var total store.ImportReport
	merged := 0
	var notes []string
	for _, c := range r.Copies {
		if c.Left != nil {
			why := c.Why(c.Name)
			notes = append(notes, strings.ToUpper(why[:1])+why[1:]+".")
			continue
		}
		merged++
		total.Contacts += c.Report.Contacts
		total.ReachOuts += c.Report.ReachOuts
		total.CheckIns += c.Report.CheckIns
		total.Reflections += c.Report.Reflections
		total.Checkups += c.Report.Checkups
		total.Plans += c.Report.Plans
		total.Settings += c.Report.Settings
		total.Updated += c.Report.Updated
		total.Removed += c.Report.Removed
		if c.Plain {
			notes = append(notes, fmt.Sprintf("%s is not encrypted: turn on encrypted sync on that computer too.", c.Name))
		}
	}
	var line string
	switch {
	case merged == 0 && len(r.Copies) == 0:
		line = "Synced: no other computer has written to the folder yet."
	case merged == 0:
		line = "Synced."
	default:
		line = fmt.Sprintf("Synced with %s: %s.", model.Plural(merged, "other computer"), Summary(total))
	}
	if r.Followed {
		line += " This computer's file is encrypted too, with the sync key, as the others' are."
	}
	if r.Rekeyed {
		line += " This journal had been copied to another computer by hand, so it now has its own identity; both sync as before."
	}
	if len(notes) > 0 {
		line += " " + strings.Join(notes, " ")
	}
	return line
}
