package main

import (
	"fmt"
	"strings"
)

// has is a screen test: every part appears in the text a person reads.
func has(parts ...string) func(screen) bool {
	return func(s screen) bool {
		for _, p := range parts {
			if !strings.Contains(s.text, p) {
				return false
			}
		}
		return true
	}
}

// lacks is a screen test: none of the parts appears.
func lacks(parts ...string) func(screen) bool {
	return func(s screen) bool {
		for _, p := range parts {
			if strings.Contains(s.text, p) {
				return false
			}
		}
		return true
	}
}

// both is a screen test: a and b.
func both(a, b func(screen) bool) func(screen) bool {
	return func(s screen) bool { return a(s) && b(s) }
}

// keyN measures the same key n times under one scenario name.
func keyN(c *ctl, r *results, program, scenario, key string, n int, ok func(screen) bool) error {
	for i := 0; i < n; i++ {
		d, err := c.key(key, ok)
		if err != nil {
			return fmt.Errorf("%s, %s: %w", program, scenario, err)
		}
		r.add(program, scenario, d)
	}
	return nil
}

// switchTo measures a view switch by its number key, on a row of its own
// for each screen: a screen read on first show and one already in memory
// cost different things, and one median over both hides which is slow.
func switchTo(c *ctl, r *results, program, key, view string, ok func(screen) bool) error {
	d, err := c.key(key, ok)
	if err != nil {
		return fmt.Errorf("%s, switch to %s: %w", program, key, err)
	}
	r.add(program, "switch to "+view, d)
	return nil
}

// measureTether walks the large journal as a person would on a first look
// around: Today, Contacts (move, open one, filter), Check-in, Reflection,
// Network and back.
func measureTether(c *ctl, w workspace, r *results) error {
	return walkTether(c, w, r, "tether", w.tether)
}

// measureBefore is the same walk with the other checkout's tether
// (-against), for a change's before and after on one machine in one run.
func measureBefore(c *ctl, w workspace, r *results) error {
	return walkTether(c, w, r, "tether (before)", w.before)
}

// bubbleTeaRenderer is Tether drawn by Bubble Tea's own renderer (as on
// Windows), measured beside Tether's display in the same run.
const bubbleTeaRenderer = "tether (Bubble Tea renderer)"

func measureTetherOnBubbleTeasRenderer(c *ctl, w workspace, r *results) error {
	return walkTether(c, w, r, bubbleTeaRenderer, "env TETHER_RENDERER=bubbletea "+w.tether)
}

// walkTether is measureTether's walk, recorded as program p, launched
// with the command line bin.
func walkTether(c *ctl, w workspace, r *results, p, bin string) error {
	d, err := c.launch(bin+" --db "+w.large, has("Who next", "q quit"))
	if err != nil {
		return err
	}
	r.add(p, "first full frame", d)
	steps := []func() error{
		func() error { return keyN(c, r, p, "Today: move in who next", "j", 3, nil) },
		func() error {
			// "Contacts · N" with N read: any size's count.
			return switchTo(c, r, p, "2", "Contacts", both(has("[2 Contacts]", "q quit"), hasCount("Contacts · ")))
		},
		func() error { return keyN(c, r, p, "Contacts: move", "j", 8, nil) },
		func() error { return keyN(c, r, p, "Contacts: open a contact", "Enter", 1, nil) },
		// Back to the list, waited for: an escape and the next key read
		// together would be alt+key.
		func() error { _, err := c.key("Escape", has("/ filter")); return err },
		func() error { return keyN(c, r, p, "Contacts: filter", "/", 1, nil) },
		func() error {
			for _, k := range []string{"a", "n", "j"} {
				if err := keyN(c, r, p, "Contacts: filter", k, 1, nil); err != nil {
					return err
				}
			}
			// One escape clears the filter; wait until it has, as a
			// person would see it go, before the next key: on a big
			// journal two escapes sent at once can arrive in one read,
			// which a terminal means as alt+escape.
			_, err := c.key("Escape", unfiltered)
			return err
		},
		func() error { return switchTo(c, r, p, "3", "Check-in", has("[3 Check-in]", "Reach-outs", "q quit")) },
		// A day move is timed to the day's data on the screen, never to the
		// line that says it is opening (the wait a person has).
		func() error { return keyN(c, r, p, "Check-in: previous day", "[", 3, dayRead) },
		func() error { return keyN(c, r, p, "Check-in: next day", "]", 3, dayRead) },
		func() error {
			return switchTo(c, r, p, "4", "Reflection", has("[4 Reflection]", "The week in connection", "q quit"))
		},
		func() error {
			return keyN(c, r, p, "Reflection: previous week", "[", 3, has("The week in connection", "q quit"))
		},
		// Both ways: the week before is read ahead, the week after is not.
		func() error {
			return keyN(c, r, p, "Reflection: next week", "]", 3, has("The week in connection", "q quit"))
		},
		func() error { return switchTo(c, r, p, "5", "Network", has("[5 Network]", "People reached", "q quit")) },
		func() error { return keyN(c, r, p, "Network: move", "j", 3, nil) },
		func() error { return switchTo(c, r, p, "1", "Today", has("[1 Today]", "Who next", "q quit")) },
		func() error { return recordRSS(c, r, p) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return c.blank()
}

// dayRead is the Check-in screen with its day's data, not the line that
// says the day is opening.
var dayRead = both(has("Reach-outs", "q quit"), lacks("Opening the day"))

// unfiltered is the contact list with no filter: its count line says
// "Contacts · N", not "Contacts · M of N".
func unfiltered(s screen) bool {
	for _, line := range strings.Split(s.text, "\n") {
		if i := strings.Index(line, "Contacts · "); i >= 0 {
			head, _, _ := strings.Cut(line[i:], "│")
			return !strings.Contains(head, " of ")
		}
	}
	return false
}

// hasCount is a screen test: label followed by a number.
func hasCount(label string) func(screen) bool {
	return func(s screen) bool {
		i := strings.Index(s.text, label)
		if i < 0 {
			return false
		}
		rest := s.text[i+len(label):]
		return rest != "" && rest[0] >= '0' && rest[0] <= '9'
	}
}

// measureTetherEmpty is the same launch on a journal with nothing in it:
// start-up must not grow with the data.
func measureTetherEmpty(c *ctl, w workspace, r *results) error {
	d, err := c.launch(w.tether+" --db "+w.empty, has("Welcome to Tether", "q quit"))
	if err != nil {
		return err
	}
	r.add("tether (empty journal)", "first full frame", d)
	if err := switchTo(c, r, "tether (empty journal)", "2", "Contacts", has("[2 Contacts]", "q quit")); err != nil {
		return err
	}
	if err := recordRSS(c, r, "tether (empty journal)"); err != nil {
		return err
	}
	return c.blank()
}

// floorProgram names the floor's row in the table.
const floorProgram = "floor: Tether's packages, no reads"

// measureFloor launches the floor program (see speed/floor): Tether's own
// packages drawing a fixed frame, reading nothing, and answering j from one
// plain loop.
func measureFloor(c *ctl, w workspace, r *results) error {
	d, err := c.launch(w.floor, has("Who next", "q quit"))
	if err != nil {
		return err
	}
	r.add(floorProgram, "first full frame", d)
	if err := keyN(c, r, floorProgram, "key: move", "j", 8, nil); err != nil {
		return err
	}
	return c.blank()
}

// measureAbook does what abook offers that matches: the list, opening a
// contact, and typing a search.
func measureAbook(c *ctl, w workspace, r *results) error {
	const p = "abook"
	d, err := c.launch(w.abook, has("Person 024", "0/500"))
	if err != nil {
		return err
	}
	r.add(p, "first full frame", d)
	if err := keyN(c, r, p, "list: move", "Down", 8, nil); err != nil {
		return err
	}
	if err := keyN(c, r, p, "open a contact", "Enter", 1, has("CONTACT")); err != nil {
		return err
	}
	if err := c.send("q"); err != nil {
		return err
	}
	if err := keyN(c, r, p, "search: type", "/", 1, nil); err != nil {
		return err
	}
	for _, k := range []string{"P", "e", "r"} {
		if err := keyN(c, r, p, "search: type", k, 1, nil); err != nil {
			return err
		}
	}
	if err := c.send("Escape"); err != nil {
		return err
	}
	if err := recordRSS(c, r, p); err != nil {
		return err
	}
	return c.blank()
}

func measureBare(fps int) func(*ctl, workspace, *results) error {
	return func(c *ctl, w workspace, r *results) error {
		p := fmt.Sprintf("bare Bubble Tea list, %d fps", fps)
		d, err := c.launch(fmt.Sprintf("%s -fps %d", w.bare, fps), has("Person 028", "q quit"))
		if err != nil {
			return err
		}
		r.add(p, "first full frame", d)
		if err := keyN(c, r, p, "list: move", "j", 8, nil); err != nil {
			return err
		}
		if err := recordRSS(c, r, p); err != nil {
			return err
		}
		return c.blank()
	}
}
