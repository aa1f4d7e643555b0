// Package cli is Tether's command line: the words after `tether`, each
// command in a file of its own with its flags and --help, and what they
// share. Everything a run takes from outside (its arguments, where it
// writes, the clock, the environment, a context that ends when the person
// interrupts) is passed in through Env, so nothing here is global.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// Env is one run of tether as the world hands it over.
type Env struct {
	Args           []string // the words after tether (os.Args[1:])
	Stdout, Stderr io.Writer
	// Clock is the time every command goes by: "today" for due, the time
	// a reach-out is logged at, the name of a backup. Nil is the system's.
	Clock model.Clock
	// Getenv reads TETHER_DB, NO_COLOR and TERM. Nil is an empty
	// environment.
	Getenv  func(key string) string
	Version string // what --version prints
}

// env is what every command gets: the run's Env, and the --db given
// before the command.
type env struct {
	Env
	db string
}

// A command is one word after tether.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands in the order the help lists them.
var commands []command

func init() {
	commands = []command{
		{"sos", "your crisis card as plain text, at once, even while the app is open", runSOS},
		{"due", "who is due a reach-out; silent when nobody is (for a shell greeting)", runDue},
		{"log", "log a reach-out: tether log Maria --via call", runLog},
		{"search", "find words anywhere in the journal: tether search biscuit", runSearch},
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

// Run runs tether with e.Args and returns its exit code. The commands' reads
// and writes of the journal end when ctx does.
func Run(ctx context.Context, e Env) int {
	if e.Clock == nil {
		e.Clock = model.SystemClock{}
	}
	if e.Getenv == nil {
		e.Getenv = func(string) string { return "" }
	}
	return (&env{Env: e}).run(ctx, e.Args)
}

func (e *env) run(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("tether", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "journal file")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.Stdout, usage())
			return exitOK
		}
		return usageError(e.Stderr, "", err.Error())
	}
	if *showVersion {
		fmt.Fprintln(e.Stdout, "tether", e.Version)
		return exitOK
	}
	e.db = *dbPath
	rest := fs.Args()
	var err error
	switch {
	case len(rest) == 0:
		err = e.openApp(ctx)
	case rest[0] == "help":
		if len(rest) > 1 {
			// tether help log is tether log --help.
			return e.run(ctx, []string{rest[1], "--help"})
		}
		fmt.Fprint(e.Stdout, usage())
		return exitOK
	default:
		cmd, ok := findCommand(rest[0])
		if !ok {
			return usageError(e.Stderr, "", fmt.Sprintf("unknown command %q", rest[0]))
		}
		err = cmd.run(ctx, e, rest[1:])
	}
	return e.report(ctx, err)
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
// code. A command that failed once ctx ended was interrupted: what went
// wrong is that the person stopped it, most likely while it waited for a
// journal another Tether was writing to.
func (e *env) report(ctx context.Context, err error) int {
	var help helpRequest
	var ue usageErr
	var lines failLines
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &help):
		fmt.Fprint(e.Stdout, help.f.help())
		return exitOK
	case errors.As(err, &ue):
		return usageError(e.Stderr, ue.cmd, ue.msg)
	case ctx.Err() != nil:
		fmt.Fprintln(e.Stderr, "tether: "+interrupted)
		return exitFail
	case errors.As(err, &lines):
		for _, l := range lines {
			fmt.Fprintln(e.Stderr, "tether:", l)
		}
		return exitFail
	default:
		fmt.Fprintln(e.Stderr, "tether:", store.Words(err))
		return exitFail
	}
}

// interrupted is true of every command: reads save nothing, and each write
// is one transaction, undone unless it was committed.
const interrupted = "interrupted: stopped before it was done, and saved nothing. " +
	"If it seemed stuck, the journal was busy (another Tether may be saving to it)."

func usageError(stderr io.Writer, cmd, msg string) int {
	hint := "tether --help"
	if cmd != "" {
		hint = "tether " + cmd + " --help"
	}
	fmt.Fprintf(stderr, "tether: %s\nRun '%s' for usage.\n", msg, hint)
	return exitUsage
}
