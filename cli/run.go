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
	"slices"
	"strings"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// Env is one run of tether as the world hands it over.
type Env struct {
	Args           []string // the words after tether (os.Args[1:])
	Stdout, Stderr io.Writer
	// Stdin is where tether checkin reads its answers. Nil is empty.
	Stdin io.Reader
	// Clock is the time every command goes by: "today" for due, the time
	// a reach-out is logged at, the name of a backup. Nil is the system's.
	Clock model.Clock
	// Getenv reads TETHER_DB, NO_COLOR and TERM. Nil is an empty
	// environment.
	Getenv func(key string) string
	// Version is what --version prints; empty is the version the module's
	// build information gives (see buildVersion).
	Version string
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
	// subs are the commands of a command of commands (contact add,
	// contact list); run is then unused.
	subs    []command
	aliases []string // other names it answers to ("ls")
	// hidden commands serve the completion scripts: neither the help nor
	// the man page lists them.
	hidden bool
}

// commands in the order the help lists them.
var commands []command

func init() {
	commands = []command{
		{name: "sos", summary: "your crisis card as plain text, at once, even with the app open", run: runSOS},
		{name: "due", summary: "who is due a reach-out; silent when nobody is (a shell greeting)", run: runDue},
		{name: "log", summary: "log a reach-out: tether log Maria --via call", run: runLog},
		{name: "checkin", summary: "check in from the shell: a plain question a line, or flags", run: runCheckin},
		{name: "search", summary: "find words anywhere in the journal: tether search biscuit", run: runSearch},
		{name: "contact", summary: "add or list contacts: tether contact add --name Sam", subs: contactCommands},
		{name: "export", summary: "write the journal or a period as JSON, CSV, Markdown or vCard", run: runExport},
		{name: "import", summary: "add a Tether JSON export or a vCard file, all or nothing", run: runImport},
		{name: "sync", summary: "keep this journal and its copies on other computers the same, through a folder", run: runSync},
		{name: "backup", summary: "write a checked copy of the journal, even while the app is open", run: runBackup},
		{name: "restore", summary: "put a backup in place of the journal; keeps the old one beside it", run: runRestore},
		{name: "demo", summary: "try Tether on a sample journal (your own is never touched)", run: runDemo},
		{name: "completion", summary: "a completion script for bash, zsh or fish: tether completion bash", run: runCompletion},
		{name: "man", summary: "this help as a manual page, tether(1), to install for man", run: runMan},
		{name: completeNamesCommand, summary: "the names of your contacts that begin with a prefix, for completion", run: runCompleteNames, hidden: true},
	}
}

// The parts of tether --help, which the man page arranges too.
const (
	intro = `Tether keeps your support network: who supports you, who you reached out to, ` +
		`how you are doing. Everything stays in one file on this computer.`
	appKeys    = `Keys inside the app: 1-5 switch views, ? shows all keys, ! the crisis card, q quits.`
	hardMoment = `In a hard moment, tether sos prints the crisis card right here.`
	exitCodes  = `Exit codes: 0 success, 1 failure, 2 wrong usage.`
)

// rootFlags are the options before a command.
func rootFlags() (f *flags, db *string, version *bool) {
	f = newFlags("tether", "tether [--db FILE] [COMMAND [options]]", intro)
	db = f.db()
	version = f.Bool("version", false, "print the version")
	return f, db, version
}

func usage() string {
	var b strings.Builder
	b.WriteString(wrapText(intro, 78) + `

Usage:
  tether [--db FILE]                 open your journal
  tether [--db FILE] COMMAND [options]

Commands:
`)
	var rows []row
	for _, c := range visible(commands) {
		rows = append(rows, row{c.name, c.summary})
	}
	writeRows(&b, rows)
	b.WriteString("\nOptions:\n")
	root, _, _ := rootFlags()
	writeRows(&b, root.optionRows())
	b.WriteString("\nEach command has its own --help: tether COMMAND --help.\n")
	b.WriteString("\n" + appKeys + "\n" + hardMoment + "\n" + exitCodes + "\n")
	return b.String()
}

// visible are the commands the help lists.
func visible(cs []command) []command {
	var out []command
	for _, c := range cs {
		if !c.hidden {
			out = append(out, c)
		}
	}
	return out
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
	fs, dbPath, showVersion := rootFlags()
	// Not fs.parse: the words after the options are the command's.
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.Stdout, usage())
			return exitOK
		}
		return usageError(e.Stderr, "", err.Error())
	}
	if *showVersion {
		fmt.Fprintln(e.Stdout, "tether", firstOf(e.Version, buildVersion()))
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
		cmd, ok := findCommand(commands, rest[0])
		if !ok {
			return usageError(e.Stderr, "", fmt.Sprintf("unknown command %q", rest[0]))
		}
		err = cmd.runWith(ctx, e, rest[1:])
	}
	return e.report(ctx, err)
}

func findCommand(cs []command, name string) (command, bool) {
	for _, c := range cs {
		if c.name == name || slices.Contains(c.aliases, name) {
			return c, true
		}
	}
	return command{}, false
}

// runWith runs the command, or for a command of commands the one its
// first word names.
func (c command) runWith(ctx context.Context, e *env, args []string) error {
	if c.subs == nil {
		return c.run(ctx, e, args)
	}
	var names []string
	for _, s := range c.subs {
		names = append(names, s.name)
	}
	say := "say " + orWords(names)
	if len(args) == 0 {
		return usageErr{cmd: c.name, msg: c.name + ": " + say}
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		fmt.Fprint(e.Stdout, c.subsHelp())
		return nil
	}
	sub, ok := findCommand(c.subs, args[0])
	if !ok {
		return usageErr{cmd: c.name, msg: fmt.Sprintf("%s: unknown %q; %s", c.name, escapeControls(args[0]), say)}
	}
	return sub.runWith(ctx, e, args[1:])
}

// subsHelp is tether contact --help: each command's synopsis and summary.
func (c command) subsHelp() string {
	var rows []row
	for _, l := range leavesOf(c.name+" ", c.subs) {
		rows = append(rows, row{l.f.synopsis, l.summary})
	}
	var b strings.Builder
	b.WriteString("Usage:\n")
	writeRows(&b, rows)
	b.WriteString("Each has its own --help.\n")
	return b.String()
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
