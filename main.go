// Command tether is a terminal journal for the support network of a person
// in recovery: who their supporters are, who they reached out to, how they
// are doing. Everything stays in one file on their own machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
	"github.com/tether-recovery/tether/views"
)

// version is replaced at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `Tether keeps your support network: who supports you, who you reached out to,
how you are doing. Everything stays in one file on this computer.

Usage:
  tether [--db PATH]                 open your journal
  tether demo                        try Tether on a sample journal (your own is never touched)
  tether demo --save PATH [--size small|large]
                                     write a sample journal to PATH and exit

Options:
  --db PATH      the journal file (default: $TETHER_DB, else
                 $XDG_DATA_HOME/tether/tether.db, else ~/.local/share/tether/tether.db)
  --version      print the version
  -h, --help     show this help

Keys inside the app: 1-5 switch views, ? shows all keys, ! the crisis card, q quits.
`

// Exit codes: success, failure, wrong usage.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageErr is a mistake in how tether was called: exit 2, with a hint.
type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageErr{fmt.Sprintf(format, a...)} }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tether", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "journal file")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		return usageError(stderr, err.Error())
	}
	if *showVersion {
		fmt.Fprintln(stdout, "tether", version)
		return exitOK
	}
	rest := fs.Args()
	var err error
	switch {
	case len(rest) == 0:
		err = openJournal(*dbPath)
	case rest[0] == "demo":
		err = demo(rest[1:], stdout)
	case rest[0] == "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		return usageError(stderr, fmt.Sprintf("unknown command %q", rest[0]))
	}
	var ue usageErr
	switch {
	case errors.As(err, &ue):
		return usageError(stderr, ue.msg)
	case err != nil:
		fmt.Fprintln(stderr, "tether:", err)
		return exitFail
	}
	return exitOK
}

func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "tether: %s\nRun 'tether --help' for usage.\n", msg)
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

func runTUI(st *store.Store, badge string) error {
	app := views.New(st, views.Options{Clock: model.SystemClock{}, Badge: badge})
	if _, err := tea.NewProgram(app, tea.WithAltScreen()).Run(); err != nil {
		return fmt.Errorf("run the app: %w", err)
	}
	return nil
}

// demo opens the app on a freshly generated sample journal in a private
// temporary folder, or with --save writes one and exits. It never looks at
// --db or TETHER_DB, so the person's own journal cannot be touched.
func demo(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	save := fs.String("save", "", "write the sample journal here and exit")
	sizeText := fs.String("size", "small", "small or large")
	if err := fs.Parse(args); err != nil {
		return usagef("demo: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("demo: unexpected %q", fs.Arg(0))
	}
	size, err := sample.ParseSize(*sizeText)
	if err != nil {
		return usagef("demo: %v", err)
	}
	ctx := context.Background()
	today := model.Today(model.SystemClock{})
	if *save != "" {
		if err := sample.Write(ctx, *save, size, today); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote a %s sample journal to %s\n", size, *save)
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
