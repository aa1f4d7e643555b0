package model

import "sort"

// RiskyTie is someone marked as supporting using, as Network names them:
// privately, in the person's own journal, without blame.
type RiskyTie struct {
	Contact Contact
	// ReachOuts counts the contact with them in the window.
	ReachOuts int
	// HardAfter are the days with contact with them that a hard check-in
	// (HardDayReasons: craving, very low mood, hard day, risky situation,
	// a use) followed, that day or the next; oldest first.
	HardAfter []Date
}

// RiskyTies lists the active contacts marked as supporting using, with
// what happened around them from..to: how often they were in touch, and
// the days a hard check-in followed. Those in touch most come first, then
// by name. reachOuts and checkIns may hold more than the window.
func RiskyTies(contacts []Contact, reachOuts []ReachOut, checkIns []CheckIn, from, to Date) []RiskyTie {
	index := map[int64]int{}
	var out []RiskyTie
	for _, c := range contacts {
		if c.Stance == StanceSupportsUsing && !c.Archived {
			index[c.ID] = len(out)
			out = append(out, RiskyTie{Contact: c})
		}
	}
	if len(out) == 0 {
		return nil
	}
	hard := map[Date]bool{}
	for _, c := range checkIns {
		if len(HardDayReasons(c)) > 0 {
			hard[c.Day] = true
		}
	}
	seen := map[int64]map[Date]bool{}
	for _, r := range reachOuts {
		i, ok := index[r.ContactID]
		d := r.Day()
		if !ok || d.Before(from) || d.After(to) {
			continue
		}
		out[i].ReachOuts++
		if (hard[d] || hard[d.AddDays(1)]) && !seen[r.ContactID][d] {
			if seen[r.ContactID] == nil {
				seen[r.ContactID] = map[Date]bool{}
			}
			seen[r.ContactID][d] = true
			out[i].HardAfter = append(out[i].HardAfter, d)
		}
	}
	for i := range out {
		sort.Slice(out[i].HardAfter, func(a, b int) bool { return out[i].HardAfter[a].Before(out[i].HardAfter[b]) })
	}
	keys := make(map[int64]string, len(out))
	for _, t := range out {
		keys[t.Contact.ID] = t.Contact.SortKey()
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ReachOuts != b.ReachOuts {
			return a.ReachOuts > b.ReachOuts
		}
		return keys[a.Contact.ID] < keys[b.Contact.ID]
	})
	return out
}
