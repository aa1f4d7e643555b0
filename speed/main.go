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
// Tether walks each sample journal named by -size on rows of its own
// ("tether" for large, "tether (xl)" for xl), the same walk on each, and
// starts once more on each from a cold page cache (Linux), so that the
// table shows what grows with the journal.
//
//	go run ./speed            # or .ci/speed, which installs tmux and abook
//	go run ./speed -runs 5    # quicker, noisier
//	go run ./speed -size large,xl,xxl -journals ~/.cache/tether-speed
//
// It measures; it does not pass or fail on the figures (exit 1 only when a
// measurement could not be taken). Targets are from issues 7 and 22.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tether-recovery/tether/store/sample"
)

func main() {
	runs := flag.Int("runs", 15, "walks through each program; keys are measured in every walk")
	starts := flag.Int("starts", 0, "more launches of each program in every run, measured to the first full frame only, to steady its median")
	sizeList := flag.String("size", "large", "sample journal sizes to walk, comma-separated (small, large, xl, xxl), each on rows of its own")
	journals := flag.String("journals", "", "a folder that keeps the sample journals between runs (xxl takes minutes to write): one written for today is reused")
	keep := flag.Bool("keep", false, "keep the temporary folder with the binaries and journals")
	against := flag.String("against", "", "another checkout of Tether (e.g. a git worktree of an earlier commit) to measure in the same run, as \"tether (before)\"")
	flag.Parse()
	sizes, err := parseSizes(*sizeList)
	if err == nil {
		err = measureAll(options{runs: *runs, starts: *starts, sizes: sizes, journals: *journals, keep: *keep, against: *against})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "speed:", err)
		os.Exit(1)
	}
}

type options struct {
	runs, starts int
	sizes        []sample.Size
	journals     string // cache folder, or ""
	keep         bool
	against      string
}

func measureAll(o options) error {
	for _, tool := range []string{"tmux", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is needed (try .ci/speed, which installs it)", tool)
		}
	}
	dir, err := os.MkdirTemp("", "tether-speed-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Println("keeping", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	w, err := prepare(dir, o)
	if err != nil {
		return err
	}
	c, err := startTmux(fmt.Sprintf("tether-speed-%d", os.Getpid()), 100, 30)
	if err != nil {
		return err
	}
	defer c.close()
	if err := openOnce(c, w); err != nil {
		return err
	}
	if !coldStarts {
		fmt.Fprintln(os.Stderr, "no row for a start from a cold page cache: it is measured on Linux only")
	}

	walks, starts, colds := w.plan()
	r := newResults()
	for i := 0; i < o.runs; i++ {
		fmt.Fprintf(os.Stderr, "\rrun %d of %d", i+1, o.runs)
		steps := append([]step(nil), walks...)
		for range o.starts {
			steps = append(steps, starts...)
		}
		for _, step := range append(steps, colds...) {
			if err := step(c, r); err != nil {
				return err
			}
		}
	}
	fmt.Fprintln(os.Stderr)
	for _, j := range w.journals {
		for _, p := range wholeProcesses {
			if err := measureWholeProcess(p.command(w, j), p.row, j, r, o.runs*4); err != nil {
				return err
			}
		}
	}
	r.print(os.Stdout, w.abook != "", o.sizes)
	return nil
}

// workspace is what the measured programs run on.
type workspace struct {
	dir, tether, bare, floor, empty string
	journals                        []journal // one for each -size, in its order
	abook                           string    // command line; "" when abook is not installed
	before                          string    // the other checkout's tether (-against), or ""
}

// plan is one run: the walks of every program, the start-only launches,
// and the cold starts, which come last in a run so that the walks find the
// journals warm.
func (w workspace) plan() (walks, starts, colds []step) {
	floor := start{program: floorProgram, command: w.floor, full: has("Who next", "q quit")}
	empty := start{program: emptyProgram, command: w.tether + " --db " + w.empty, full: has("Welcome to Tether", "q quit")}
	if w.abook != "" {
		abook := start{program: "abook", command: w.abook, full: has("Person 024", "0/500")}
		walks = append(walks, measureAbook(abook))
		starts = append(starts, startOnly(abook))
	}
	walks = append(walks, measureFloor(floor))
	starts = append(starts, startOnly(floor))
	for _, j := range w.journals {
		s := tetherStart(j.program, w.tether, j)
		walks = append(walks, walkTether(s))
		starts = append(starts, startOnly(s))
		if coldStarts {
			colds = append(colds, measureColdStart(s, j))
		}
	}
	// Bubble Tea's renderer is a matter of drawing, not of the journal's
	// size: it walks the first journal only.
	first := w.journals[0]
	walks = append(walks, walkTether(tetherStart(sized(bubbleTeaRenderer, first.size), "env TETHER_RENDERER=bubbletea "+w.tether, first)))
	walks = append(walks, measureTetherEmpty(empty))
	starts = append(starts, startOnly(empty))
	for _, fps := range []int{60, 120} {
		walks = append(walks, measureBare(start{program: fmt.Sprintf("bare Bubble Tea list, %d fps", fps),
			command: fmt.Sprintf("%s -fps %d", w.bare, fps), full: has("Person 028", "q quit")}))
	}
	if w.before != "" {
		for _, j := range w.journals {
			s := tetherStart(sized("tether (before)", j.size), w.before, j)
			walks = append(walks, walkTether(s))
			starts = append(starts, startOnly(s))
		}
	}
	return walks, starts, colds
}

// openOnce opens every journal once before anything is measured: an empty
// one as a person has it after the first run (created, migrated, nothing
// in it), and each sample journal, which a cached one from an earlier
// Tether may need migrated. This also tells at once, before the runs,
// when a screen test does not hold on a journal.
func openOnce(c *ctl, w workspace) error {
	if _, err := c.launch(w.tether+" --db "+w.empty, has("Welcome to Tether")); err != nil {
		return err
	}
	for _, j := range w.journals {
		if err := warm(j.path); err != nil {
			return err
		}
		if _, err := c.launch(w.tether+" --db "+j.path, todayRead); err != nil {
			return fmt.Errorf("open the %s journal: %w", j.size, err)
		}
	}
	return c.blank()
}

func prepare(dir string, o options) (workspace, error) {
	w := workspace{
		dir:    dir,
		tether: filepath.Join(dir, "tether"),
		bare:   filepath.Join(dir, "barelist"),
		floor:  filepath.Join(dir, "floor"),
		empty:  filepath.Join(dir, "empty.db"),
	}
	steps := [][]string{
		{"go", "build", "-o", w.tether, "."},
		{"go", "build", "-o", w.bare, "./speed/barelist"},
		{"go", "build", "-o", w.floor, "./speed/floor"},
	}
	if o.against != "" {
		w.before = filepath.Join(dir, "tether-before")
		steps = append(steps, []string{"go", "build", "-C", o.against, "-o", w.before, "."})
	}
	for _, s := range steps {
		if err := run(s[0], s[1:]...); err != nil {
			return w, err
		}
	}
	for _, size := range o.sizes {
		j, err := journalFor(w.tether, dir, o.journals, size)
		if err != nil {
			return w, err
		}
		w.journals = append(w.journals, j)
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

// run runs one preparing command (a build, a journal's writing).
func run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	// Built as the README installs it: static, with no C (see there).
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
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

// The rows of the commands timed as whole processes: `tether due` (a
// shell greeting's) and `tether sos` (the crisis card in any terminal),
// and their floor: Tether's packages opening the journal and reading its
// schema, and no more (speed/floor open).
const (
	dueRow  = "due (whole process)"
	sosRow  = "sos (whole process)"
	openRow = "open only (floor, whole process)"
)

// wholeProcess is a command timed from start to exit: its row, and its
// command line for a journal.
type wholeProcess struct {
	row     string
	command func(w workspace, j journal) []string
}

// tetherCommand is `tether name --db journal`.
func tetherCommand(name string) func(workspace, journal) []string {
	return func(w workspace, j journal) []string { return []string{w.tether, name, "--db", j.path} }
}

// wholeProcesses are the commands timed from start to exit, by row.
var wholeProcesses = []wholeProcess{
	{dueRow, tetherCommand("due")},
	{sosRow, tetherCommand("sos")},
	{openRow, func(w workspace, j journal) []string { return []string{w.floor, "open", j.path} }},
}

// isWholeProcess says whether a row is a command timed as a whole process.
func isWholeProcess(scenario string) bool {
	return slices.ContainsFunc(wholeProcesses, func(w wholeProcess) bool { return w.row == scenario })
}

// measureWholeProcess times the command line argv on journal j n times,
// under j's program and row.
func measureWholeProcess(argv []string, row string, j journal, r *results, n int) error {
	// Three unrecorded runs first, so the file cache is warm as it is for a
	// person's shell prompt.
	for i := -3; i < n; i++ {
		start := time.Now()
		cmd := exec.Command(argv[0], argv[1:]...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s on the %s journal: %v\n%s", strings.Join(argv[1:], " "), j.size, err, out)
		}
		if i >= 0 {
			r.add(j.program, row, time.Since(start))
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
