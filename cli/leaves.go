package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// leaf is a command that runs, such as tether log or tether contact add,
// with the flags it takes.
type leaf struct {
	command
	path string // "log", "contact add"
	f    *flags
}

// leaves lists every command that runs, in the help's order, hidden ones
// included (see command.hidden).
func leaves() []leaf { return leavesOf("", commands) }

// leavesOf finds each command's flags by asking it for its --help, which
// every command answers before it looks at anything else: so the
// completion scripts and the man page hold exactly the flags the commands
// parse, with no second list to keep in step.
func leavesOf(prefix string, cs []command) []leaf {
	var out []leaf
	for _, c := range cs {
		path := prefix + c.name
		if c.subs != nil {
			out = append(out, leavesOf(path+" ", c.subs)...)
			continue
		}
		quiet := &env{Env: Env{
			Stdout: io.Discard, Stderr: io.Discard, Stdin: strings.NewReader(""),
			Clock: model.SystemClock{}, Getenv: func(string) string { return "" },
		}}
		var help helpRequest
		if err := c.run(context.Background(), quiet, []string{"--help"}); !errors.As(err, &help) {
			// A command written without flags, or one that does something
			// before reading them: a mistake in tether, which the tests of
			// the help catch.
			panic(fmt.Sprintf("tether %s --help did not give its help (%v)", path, err))
		}
		out = append(out, leaf{command: c, path: path, f: help.f})
	}
	return out
}
