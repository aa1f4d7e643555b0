// Command tether is a terminal journal for the support network of a person
// in recovery: who their supporters are, who they reached out to, how they
// are doing. Everything stays in one file on their own machine.
//
// With no command it opens the app; the commands (sos, due, log, contact,
// export, import, backup, restore, demo) are for scripts and for people who
// live in a shell. Each has its own file here (cmd_*.go) and its own --help.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
	"github.com/tether-recovery/tether/views"
)

// version is replaced at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// clock is the time every command goes by: "today" for due, the time a
// reach-out is logged at, the name of a backup. Tests pin it.
var clock model.Clock = model.SystemClock{}

// A command is one word after tether.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

// commands in the order the help lists them.
var commands []command

func init() {
	commands = []command{
		{"sos", "your crisis card as plain text, at once, even while the app is open", runSOS},
		{"due", "who is due a reach-out; silent when nobody is (for a shell greeting)", runDue},
		{"log", "log a reach-out: tether log Maria --via call", runLog},
		{"contact", "add or list contacts: tether contact add --name ..., tether contact list", runContact},
		{"export", "write the journal or a period as JSON, CSV, Markdown or vCard", runExport},
		{"import", "add a Tether JSON export or a vCard file, all or nothing", runImport},
		{"backup", "write a checked copy of the journal, even while the app is open", runBackup},
		{"restore", "put a backup in place of the journal, keeping the old one beside it", runRestore},
		{"demo", "try Tether on a sample journal (your own is never touched)", runDemo},
	}
}

func usage() string {
	var b strings.Builder
	b.WriteString(`Tether keeps your support network: who supports you, who you reached out to,
how you are doing. Everything stays in one file on this computer.

Usage:
  tether [--db FILE]                 open your journal
  tether [--db FILE] COMMAND [options]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Options:
  --db FILE      the journal file (default: $TETHER_DB, else
                 $XDG_DATA_HOME/tether/tether.db, else ~/.local/share/tether/tether.db)
  --version      print the version
  -h, --help     show this help; tether COMMAND --help shows a command's options

Keys inside the app: 1-5 switch views, ? shows all keys, ! the crisis card, q quits.
In a hard moment, tether sos prints the crisis card right here.
Exit codes: 0 success, 1 failure, 2 wrong usage.
`)
	return b.String()
}

// Exit codes: success, failure, wrong usage.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// env is what every command gets: where to write, and the --db given
// before the command.
type env struct {
	stdout, stderr io.Writer
	db             string
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tether", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "journal file")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage())
			return exitOK
		}
		return usageError(stderr, "", err.Error())
	}
	if *showVersion {
		fmt.Fprintln(stdout, "tether", version)
		return exitOK
	}
	e := &env{stdout: stdout, stderr: stderr, db: *dbPath}
	rest := fs.Args()
	var err error
	switch {
	case len(rest) == 0:
		err = openJournal(*dbPath)
	case rest[0] == "help":
		if len(rest) > 1 {
			// tether help log is tether log --help.
			return run([]string{rest[1], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage())
		return exitOK
	default:
		cmd, ok := findCommand(rest[0])
		if !ok {
			return usageError(stderr, "", fmt.Sprintf("unknown command %q", rest[0]))
		}
		err = cmd.run(e, rest[1:])
	}
	return report(e, err)
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// report turns a command's outcome into its output on stderr and an exit
// code.
func report(e *env, err error) int {
	var help helpRequest
	var ue usageErr
	var lines failLines
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &help):
		fmt.Fprint(e.stdout, help.f.help())
		return exitOK
	case errors.As(err, &ue):
		return usageError(e.stderr, ue.cmd, ue.msg)
	case errors.As(err, &lines):
		for _, l := range lines {
			fmt.Fprintln(e.stderr, "tether:", l)
		}
		return exitFail
	default:
		fmt.Fprintln(e.stderr, "tether:", err)
		return exitFail
	}
}

func usageError(stderr io.Writer, cmd, msg string) int {
	hint := "tether --help"
	if cmd != "" {
		hint = "tether " + cmd + " --help"
	}
	fmt.Fprintf(stderr, "tether: %s\nRun '%s' for usage.\n", msg, hint)
	return exitUsage
}

// journalPath picks the journal: --db, then TETHER_DB, then the default.
func journalPath(flagPath string) (string, error) {
	if flagPath != "" {
		return flagPath, nil
	}
	if env := os.Getenv("TETHER_DB"); env != "" {
		return env, nil
	}
	return store.DefaultPath()
}

func openJournal(flagPath string) error {
	path, err := journalPath(flagPath)
	if err != nil {
		return err
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return err
	}
	defer st.Close()
	return runTUI(st, "")
}

// collectSooner has the garbage collector run at half again the live heap,
// not double. The app's live heap is a few MB, so this keeps a window's peak
// memory near what it needs (2 MB less at peak on the large journal, at no
// visible cost), but during start-up it made two collections run before
// the first frame; so it starts once the first screen is drawn.
func collectSooner() { debug.SetGCPercent(50) }

func runTUI(st *store.Store, badge string) error {
	return views.Run(st, views.Options{Clock: model.SystemClock{}, Badge: badge, Settled: collectSooner})
}

// runDemo opens the app on a freshly generated sample journal in a private
// temporary folder, or with --save writes one and exits. It never looks at
// --db or TETHER_DB, so the person's own journal cannot be touched.
func runDemo(e *env, args []string) error {
	f := newFlags("demo", "tether demo [--save FILE [--size small|large]]",
		"Opens the app on a sample journal in a temporary file, which is removed when you quit. "+
			"Your own journal is never read or touched, whatever --db or TETHER_DB say.")
	save := f.String("save", "", "write the sample journal to `FILE` and exit, instead of opening it")
	sizeText := f.String("size", "small", "how much sample: small, or large (a decade: 500 contacts, 50,000 reach-outs)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return f.usagef("unexpected %q", pos[0])
	}
	size, err := sample.ParseSize(*sizeText)
	if err != nil {
		return f.usagef("%v", err)
	}
	ctx := context.Background()
	today := model.Today(clock)
	if *save != "" {
		if err := sample.Write(ctx, *save, size, today); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Wrote a %s sample journal to %s\n", size, *save)
		return nil
	}
	dir, err := os.MkdirTemp("", "tether-demo-")
	if err != nil {
		return fmt.Errorf("make a folder for the demo: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo.db")
	if err := sample.Write(ctx, path, size, today); err != nil {
		return fmt.Errorf("write sample journal: %w", err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	return runTUI(st, "demo journal · not saved")
}
