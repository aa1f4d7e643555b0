package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"
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

// anyOf is a screen test: at least one part appears.
func anyOf(parts ...string) func(screen) bool {
	return func(s screen) bool {
		for _, p := range parts {
			if strings.Contains(s.text, p) {
				return true
			}
		}
		return false
	}
}

// matches is a screen test: the text matches the expression.
func matches(expr string) func(screen) bool {
	re := regexp.MustCompile(expr)
	return func(s screen) bool { return re.MatchString(s.text) }
}

// not is a screen test: test does not hold.
func not(test func(screen) bool) func(screen) bool {
	return func(s screen) bool { return !test(s) }
}

// all is a screen test: every test holds.
func all(tests ...func(screen) bool) func(screen) bool {
	return func(s screen) bool {
		for _, t := range tests {
			if !t(s) {
				return false
			}
		}
		return true
	}
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

// A start is a program's launch to its first full frame: the command
// line, and the screen test that says the frame is whole.
type start struct {
	program, command string
	full             func(screen) bool
}

// step is one program's part of a run.
type step func(*ctl, *results) error

// measure launches the program and records its first full frame.
func (s start) measure(c *ctl, r *results) error {
	d, err := c.launch(s.command, s.full)
	if err != nil {
		return err
	}
	r.add(s.program, "first full frame", d)
	return nil
}

// startOnly launches a program, records its first full frame, and leaves:
// the start-only launches (-starts) that steady the first frame's median,
// which has one sample a launch where a key has several.
func startOnly(s start) step {
	return func(c *ctl, r *results) error {
		if err := s.measure(c, r); err != nil {
			return err
		}
		return c.blank()
	}
}

// coldStart names the row of a start from a cold page cache.
const coldStart = "first full frame, cold page cache"

// measureColdStart launches Tether after the kernel has forgotten the
// journal's pages, as after a reboot or a long day of other work: the
// start then waits on the disk for every page it reads. The journal is read
// whole afterwards, so that the other rows stay warm.
func measureColdStart(s start, j journal) step {
	return func(c *ctl, r *results) error {
		if err := c.blank(); err != nil {
			return err
		}
		if err := dropFromPageCache(j.path); err != nil {
			return err
		}
		left, err := residentShare(j.path)
		if err != nil {
			return err
		}
		if left > 0.1 {
			return fmt.Errorf("%.0f%% of the %s journal stayed in memory after dropping it from the page cache "+
				"(is %s on tmpfs? -journals can put it on a disk)", left*100, j.size, j.path)
		}
		d, err := c.launch(s.command, s.full)
		if err != nil {
			return err
		}
		r.add(s.program, coldStart, d)
		if err := c.blank(); err != nil {
			return err
		}
		return warm(j.path)
	}
}

// tetherStart is a start of Tether (bin, perhaps with its environment)
// on journal j, recorded as program.
func tetherStart(program, bin string, j journal) start {
	return start{program: program, command: bin + " --db " + j.path, full: todayRead}
}

// The screen tests of the walk hold on a journal of any size: each looks
// for words a screen shows only once its data is read — never a loading
// line ("Opening the day…"), never a count that belongs to one journal.
var (
	todayRead    = all(anyOf("Who next", "Nobody is due a reach-out."), has("q quit"))
	contactsRead = all(matches(`Contacts · [0-9]`), has("[2 Contacts]", "q quit"), historyRead)
	// The day's words: with its check-in, without one, or today's
	// invitation. The reach-outs come in the same read.
	dayRead  = all(anyOf("Checked in.", "No check-in for this day.", "Not checked in yet today."), has("[3 Check-in]", "q quit"))
	weekRead = has("[4 Reflection]", "The week in connection", "q quit")
	// The list of contacts with no one open and no filter being typed.
	contactsList = has("[2 Contacts]", "/ filter · a add")
	// The crisis card with the people who said call any time (a card
	// without them is its crisis lines alone).
	cardRead = all(has("People who said call any time", "Crisis line"))
	// The log dialog's person picker with the people to choose from.
	pickerRead = all(has("Who was it with?", "esc cancel"), not(has("Opening your contacts…")))
)

// filterLetters are typed into Contacts' filter and the person picker:
// each leaves more people than a screen lists on every sample size
// ("e", "el", "ell": 274, 54 and 47 of large's 303; ten times as many on
// xl), so a letter draws a full list on each, and a size is held to
// another on the same work. With "a", "n", "j", the last left 5 people on
// large and 50 on xl: a short list against a full one.
var filterLetters = []string{"e", "l", "l"}

// typeToList measures letters typed into a filter by the list they bring,
// not by their echo: a letter shows at once, the people matching it a
// read later, and a person waits for those. A first pass, unmeasured,
// learns the list each letter settles on; the measured pass then waits,
// after each letter, for a screen whose list (listPart) is that one. The
// key opening the filter (opener) is measured too, on openRow, until the
// screen is opened (any change when opened is nil); close leaves the
// screen as it was before the pass, so that both passes see the same.
func typeToList(c *ctl, r *results, p, openRow, opener string, opened func(screen) bool, typeRow string, letters []string, close func() error) error {
	var lists []string
	if err := c.send(opener); err != nil {
		return err
	}
	for _, k := range letters {
		if err := c.send(k); err != nil {
			return err
		}
		c.settle(150 * time.Millisecond)
		s, err := c.capture()
		if err != nil {
			return err
		}
		lists = append(lists, listPart(s))
	}
	if err := close(); err != nil {
		return err
	}
	if err := keyN(c, r, p, openRow, opener, 1, opened); err != nil {
		return err
	}
	for i, k := range letters {
		want := lists[i]
		if err := keyN(c, r, p, typeRow, k, 1, func(s screen) bool { return listPart(s) == want }); err != nil {
			return err
		}
	}
	return close()
}

// listPart is a screen without what stands right of a list (" │ " and
// after, the selected person's reach-outs, read once the selection has
// rested): the list as a filter leaves it.
func listPart(s screen) string {
	lines := strings.Split(s.text, "\n")
	for i, line := range lines {
		lines[i], _, _ = beside(line)
	}
	return strings.Join(lines, "\n")
}

// historyRead is a screen test: no person's reach-outs are still being
// read, which their section says with a lone "…" (beside the list, or
// across the screen when a person is open).
func historyRead(s screen) bool {
	for _, line := range strings.Split(s.text, "\n") {
		if _, right, ok := beside(line); ok {
			line = right
		}
		if strings.TrimSpace(line) == "…" {
			return false
		}
	}
	return true
}

// beside splits a line of a list with the selected person's reach-outs
// beside it at the " │ " between them (a capture drops the spaces that end
// a line, so with nothing beside it the line ends in " │").
func beside(line string) (list, right string, ok bool) {
	at := strings.LastIndex(line+" ", " │ ")
	if at < 0 {
		return line, "", false
	}
	return line[:at], strings.TrimPrefix(line[at:], " │ "), true
}

// walkTether walks a journal as a person would on a first look around:
// Today, Contacts (move, open one, filter), Check-in and Reflection (back
// and forth), Network and back to Today; recorded as s.program.
func walkTether(s start) step {
	return func(c *ctl, r *results) error {
		if err := s.measure(c, r); err != nil {
			return err
		}
		return walkFromToday(c, r, s.program)
	}
}

// walkFromToday is the walk after the start, recorded as program p.
func walkFromToday(c *ctl, r *results, p string) error {
	steps := []func() error{
		func() error { return keyN(c, r, p, "Today: move in who next", "j", 3, nil) },
		func() error { return switchTo(c, r, p, "2", "Contacts", contactsRead) },
		// A move times the list's answer: the person's reach-outs beside
		// it are read once the selection has rested (50 ms, so that a held
		// key draws a frame a row), a pause by design, not a wait on the
		// journal. The person is opened once they are shown, as a person
		// opens someone they have read the row of.
		func() error { return keyN(c, r, p, "Contacts: move", "j", 8, nil) },
		func() error { return c.await(historyRead) },
		func() error { return keyN(c, r, p, "Contacts: open a contact", "Enter", 1, historyRead) },
		func() error { return c.until("Escape", contactsList) },
		func() error {
			// Each pass starts from the first person: a filter keeps the
			// person selected when they match, and the list scrolls to them.
			if err := c.send("g"); err != nil {
				return err
			}
			return typeToList(c, r, p, "Contacts: filter", "/", nil, "Contacts: filter", filterLetters,
				func() error {
					if err := c.until("Escape", contactsList); err != nil {
						return err
					}
					return c.send("g")
				})
		},
		func() error { return switchTo(c, r, p, "3", "Check-in", dayRead) },
		// l on Check-in asks who the reach-out was with: the picker, with
		// the first people of the list, then a name typed into it.
		func() error {
			return typeToList(c, r, p, "Log: who was it with", "l", pickerRead, "Log: type a name", filterLetters,
				func() error { return c.until("Escape", dayRead) })
		},
		// Each direction its own row: a step back may have been read
		// ahead, a step forward is read when it is asked for.
		func() error { return keyN(c, r, p, "Check-in: previous day", "[", 3, dayRead) },
		func() error { return keyN(c, r, p, "Check-in: next day", "]", 3, dayRead) },
		func() error { return switchTo(c, r, p, "4", "Reflection", weekRead) },
		func() error { return keyN(c, r, p, "Reflection: previous week", "[", 3, weekRead) },
		func() error { return keyN(c, r, p, "Reflection: next week", "]", 3, weekRead) },
		// The crisis card over Reflection, with its people read (their
		// section's title is there only then), and back.
		func() error { return keyN(c, r, p, "crisis card: open", "!", 1, cardRead) },
		func() error { return c.until("Escape", weekRead) },
		func() error { return switchTo(c, r, p, "5", "Network", has("[5 Network]", "People reached", "q quit")) },
		func() error { return keyN(c, r, p, "Network: move", "j", 3, nil) },
		func() error { return switchTo(c, r, p, "1", "Today", all(todayRead, has("[1 Today]"))) },
		func() error { return recordRSS(c, r, p) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return c.blank()
}

// bubbleTeaRenderer is Tether drawn by Bubble Tea's own renderer (as on
// Windows), measured beside Tether's display in the same run.
const bubbleTeaRenderer = "tether (Bubble Tea renderer)"

// emptyProgram names the rows of Tether on an empty journal.
const emptyProgram = "tether (empty journal)"

// measureTetherEmpty is the same launch on a journal with nothing in it:
// start-up must not grow with the data.
func measureTetherEmpty(s start) step {
	return func(c *ctl, r *results) error {
		if err := s.measure(c, r); err != nil {
			return err
		}
		if err := switchTo(c, r, s.program, "2", "Contacts", has("[2 Contacts]", "q quit")); err != nil {
			return err
		}
		if err := recordRSS(c, r, s.program); err != nil {
			return err
		}
		return c.blank()
	}
}

// floorProgram names the floor's row in the table.
const floorProgram = "floor: Tether's packages, no reads"

// measureFloor launches the floor program (see speed/floor): Tether's own
// packages drawing a fixed frame, reading nothing, and answering j from one
// plain loop.
func measureFloor(s start) step {
	return func(c *ctl, r *results) error {
		if err := s.measure(c, r); err != nil {
			return err
		}
		if err := keyN(c, r, s.program, "key: move", "j", 8, nil); err != nil {
			return err
		}
		return c.blank()
	}
}

// abookSearch is abook's search prompt, on a row of its own: abook's /
// opens a prompt at the foot of the screen that only echoes each letter
// typed (the list is searched on enter), where each letter typed into
// Tether's filter re-filters the list and draws it again. Different work,
// so no ratio compares them and abook's pooled key leaves it out.
const abookSearch = "search prompt: type (echo only)"

// measureAbook does what abook offers that matches: the list, opening a
// contact; and typing into its search prompt, which does not match
// (abookSearch).
func measureAbook(s start) step {
	return func(c *ctl, r *results) error {
		const p = "abook"
		if err := s.measure(c, r); err != nil {
			return err
		}
		if err := keyN(c, r, p, "list: move", "Down", 8, nil); err != nil {
			return err
		}
		if err := keyN(c, r, p, "open a contact", "Enter", 1, has("CONTACT")); err != nil {
			return err
		}
		if err := c.until("q", not(has("CONTACT"))); err != nil {
			return err
		}
		for _, k := range []string{"/", "P", "e", "r"} {
			if err := keyN(c, r, p, abookSearch, k, 1, nil); err != nil {
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
}

func measureBare(s start) step {
	return func(c *ctl, r *results) error {
		if err := s.measure(c, r); err != nil {
			return err
		}
		if err := keyN(c, r, s.program, "list: move", "j", 8, nil); err != nil {
			return err
		}
		if err := recordRSS(c, r, s.program); err != nil {
			return err
		}
		return c.blank()
	}
}
