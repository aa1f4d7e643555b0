// Command speed measures the built Tether binary the way a person meets it:
// in a terminal (tmux, 100×30), from launch to the first full frame with the
// journal's data, and from a keypress to the updated screen in every view,
// plus its peak memory and `tether due` as a whole process. In the same run,
// through the same harness, it measures two references — abook, Debian's
// ncurses address book, on 500 contacts, and a bare Bubble Tea program that
// only draws a list — and prints Tether's figures as ratios of abook's.
// A third reference, the floor, is Tether's own packages drawing a fixed
// frame without reading anything (speed/floor): what no change to how
// Tether opens, reads and draws can go below.
//
//	go run ./speed            # or .ci/speed, which installs tmux and abook
//	go run ./speed -runs 5    # quicker, noisier
//
// It measures; it does not pass or fail on the figures (exit 1 only when a
// measurement could not be taken). Targets are from issue 7.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 15, "launches of each program; keys are measured in every launch")
	keep := flag.Bool("keep", false, "keep the temporary folder with the binaries and journals")
	against := flag.String("against", "", "another checkout of Tether (e.g. a git worktree of an earlier commit) to measure in the same run, as \"tether (before)\"")
	size := flag.String("size", "large", "the sample journal Tether is walked on: small, large, xl (ten times large, written in about 30 s) or xxl (a hundred times, minutes)")
	journals := flag.String("journals", "", "a folder to keep the sample journal in between runs (reused when there), instead of writing it each run")
	flag.Parse()
	if err := measureAll(*runs, *keep, *against, *size, *journals); err != nil {
		fmt.Fprintln(os.Stderr, "speed:", err)
		os.Exit(1)
	}
}

func measureAll(runs int, keep bool, against, size, journals string) error {
	for _, tool := range []string{"tmux", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is needed (try .ci/speed, which installs it)", tool)
		}
	}
	dir, err := os.MkdirTemp("", "tether-speed-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("keeping", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	w, err := prepare(dir, against, size, journals)
	if err != nil {
		return err
	}
	c, err := startTmux(fmt.Sprintf("tether-speed-%d", os.Getpid()), 100, 30)
	if err != nil {
		return err
	}
	defer c.close()
	// An empty journal as a person has it after the first run: created,
	// migrated, with nothing in it. Its creation is not measured.
	if _, err := c.launch(w.tether+" --db "+w.empty, has("Welcome to Tether")); err != nil {
		return err
	}
	if err := c.blank(); err != nil {
		return err
	}

	r := newResults()
	for i := 0; i < runs; i++ {
		fmt.Fprintf(os.Stderr, "\rrun %d of %d", i+1, runs)
		steps := []func(*ctl, workspace, *results) error{measureFloor, measureTether, measureTetherOnBubbleTeasRenderer, measureTetherEmpty, measureBare(60), measureBare(120)}
		if w.abook != "" {
			steps = append([]func(*ctl, workspace, *results) error{measureAbook}, steps...)
		}
		if w.before != "" {
			steps = append(steps, measureBefore)
		}
		for _, step := range steps {
			if err := step(c, w, r); err != nil {
				return err
			}
		}
	}
	fmt.Fprintln(os.Stderr)
	if err := measureDue(w, r, runs*4); err != nil {
		return err
	}
	fmt.Printf("\nTether walked on the %s sample journal\n", size)
	r.print(os.Stdout, w.abook != "")
	return nil
}

// workspace is what the measured programs run on.
type workspace struct {
	dir, tether, bare, floor, large, empty string
	abook                                  string // command line; "" when abook is not installed
	before                                 string // the other checkout's tether (-against), or ""
}

func prepare(dir, against, size, journals string) (workspace, error) {
	w := workspace{
		dir:    dir,
		tether: filepath.Join(dir, "tether"),
		bare:   filepath.Join(dir, "barelist"),
		floor:  filepath.Join(dir, "floor"),
		large:  filepath.Join(dir, size+".db"),
		empty:  filepath.Join(dir, "empty.db"),
	}
	steps := [][]string{
		{"go", "build", "-o", w.tether, "."},
		{"go", "build", "-o", w.bare, "./speed/barelist"},
		{"go", "build", "-o", w.floor, "./speed/floor"},
	}
	if journals != "" {
		// Kept between runs, by size and day (the sample is dated to it).
		w.large = filepath.Join(journals, fmt.Sprintf("%s-%s.db", size, time.Now().Format("2006-01-02")))
	}
	if _, err := os.Stat(w.large); err != nil {
		steps = append(steps, []string{w.tether, "demo", "--save", w.large, "--size", size})
	}
	if against != "" {
		w.before = filepath.Join(dir, "tether-before")
		steps = append(steps, []string{"go", "build", "-C", against, "-o", w.before, "."})
	}
	for _, s := range steps {
		began := time.Now()
		cmd := exec.Command(s[0], s[1:]...)
		// Built as the README installs it: static, with no C (see there).
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return w, fmt.Errorf("%s: %v\n%s", strings.Join(s, " "), err, out)
		}
		if s[1] == "demo" {
			fmt.Fprintf(os.Stderr, "wrote the %s sample journal in %s\n", size, time.Since(began).Round(100*time.Millisecond))
		}
	}
	if path, err := exec.LookPath("abook"); err == nil {
		book := filepath.Join(dir, "addressbook")
		rc := filepath.Join(dir, "abookrc")
		if err := writeAddressBook(book, 500); err != nil {
			return w, err
		}
		if err := os.WriteFile(rc, nil, 0o600); err != nil {
			return w, err
		}
		w.abook = fmt.Sprintf("%s --config %s --datafile %s", path, rc, book)
	} else {
		fmt.Fprintln(os.Stderr, "abook is not installed: no reference figures (apt-get install abook, or use .ci/speed)")
	}
	return w, nil
}

// writeAddressBook writes an abook data file of n people with the fields a
// Tether contact list shows (name, email, phone) and a note.
func writeAddressBook(path string, n int) error {
	var b strings.Builder
	b.WriteString("# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[%d]\nname=Person %03d\nemail=person%03d@example.net\nphone=+44 20 7946 %04d\nnotes=Met at the Tuesday group\n\n", i, i, i, i)
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}

func measureDue(w workspace, r *results, n int) error {
	// Three unrecorded runs first, so the file cache is warm as it is for a
	// person's shell prompt.
	for i := -3; i < n; i++ {
		start := time.Now()
		cmd := exec.Command(w.tether, "due", "--db", w.large)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("tether due: %v\n%s", err, out)
		}
		if i >= 0 {
			r.add("tether", "due (whole process)", time.Since(start))
		}
	}
	return nil
}

// peakRSS reads the high-water mark of resident memory, in KiB.
func peakRSS(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int
			_, err := fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%d kB", &kb)
			return kb, err
		}
	}
	return 0, fmt.Errorf("no VmHWM for %d", pid)
}

func recordRSS(c *ctl, r *results, program string) error {
	pid, err := c.panePID()
	if err != nil {
		return err
	}
	kb, err := peakRSS(pid)
	if err != nil {
		return err
	}
	r.addRSS(program, kb)
	return nil
}
