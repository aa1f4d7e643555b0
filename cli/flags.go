package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// usageErr is a mistake in how tether was called: exit 2, with a hint to
// the command's --help.
type usageErr struct{ cmd, msg string }

func (e usageErr) Error() string { return e.msg }

// helpRequest is --help: the command's help on stdout, exit 0.
type helpRequest struct{ f *flags }

func (helpRequest) Error() string { return "help requested" }

// failLines is a failure that takes more than one line to tell (each
// problem of a contact, each on its own line); exit 1.
type failLines []string

func (l failLines) Error() string { return strings.Join(l, "; ") }

// flags is one command's flag set, with what its --help says. Flags are
// listed in the order they are defined.
type flags struct {
	*flag.FlagSet
	cmd      string // "log", "contact add"
	synopsis string
	about    string
	examples []string
	order    []string
	alias    map[string]string   // long name → short one
	choices  map[string][]string // flag → the values it takes, for completion
	sections []section           // more help after the options
	// names: the command's words are a contact's name, which completion
	// offers from the journal; else operands, the words it takes; else
	// completion offers files.
	names    bool
	operands []string
}

// noOperands are the operands of a command that takes no words.
var noOperands = []string{}

// section is a part of a command's help of its own, such as the channel
// words tether log takes.
type section struct {
	title string
	rows  []row
}

// row is one line of a help table: an option, or a word and what it
// means.
type row struct{ left, right string }

func newFlags(cmd, synopsis, about string, examples ...string) *flags {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, cmd: cmd, synopsis: synopsis, about: about, examples: examples,
		alias: map[string]string{}, choices: map[string][]string{}}
}

// String defines a text flag; the `word` in usage names its value in the
// help.
func (f *flags) String(name, value, usage string) *string {
	f.order = append(f.order, name)
	return f.FlagSet.String(name, value, usage)
}

// Bool defines a yes/no flag.
func (f *flags) Bool(name string, value bool, usage string) *bool {
	f.order = append(f.order, name)
	return f.FlagSet.Bool(name, value, usage)
}

// Int defines a whole-number flag.
func (f *flags) Int(name string, value int, usage string) *int {
	f.order = append(f.order, name)
	return f.FlagSet.Int(name, value, usage)
}

// values names the values a flag takes, so completion can offer them.
func (f *flags) values(name string, vals ...string) {
	f.choices[name] = vals
}

// short gives the long flag name a one-letter alias (-o for --output).
func (f *flags) short(long, short string) {
	fl := f.Lookup(long)
	f.FlagSet.Var(fl.Value, short, fl.Usage)
	f.alias[long] = short
}

// db adds --db, which every command that opens the journal takes (as well
// as before the command).
func (f *flags) db() *string {
	return f.String("db", "", "the journal `FILE` (default: $TETHER_DB, else $XDG_DATA_HOME/tether/tether.db, else ~/.local/share/tether/tether.db)")
}

func (f *flags) usagef(format string, a ...any) error {
	return usageErr{cmd: f.cmd, msg: f.cmd + ": " + fmt.Sprintf(format, a...)}
}

// parse reads args, allowing the command's words (a name, a file) before,
// between and after the flags, and returns those words. "--" ends the
// flags.
func (f *flags) parse(args []string) ([]string, error) {
	var words []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequest{f}
			}
			// The flag package repeats an unknown flag as it was typed.
			return nil, f.usagef("%s", escapeControls(err.Error()))
		}
		rest := f.Args()
		if len(rest) == 0 {
			return words, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(words, rest...), nil
		}
		words = append(words, rest[0])
		args = rest[1:]
	}
}

// escapeControls writes control characters as Go escapes (\n, \x1b), so
// text a person typed by mistake neither breaks the error's one line nor
// reaches the terminal as a command.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// help is the command's --help text.
func (f *flags) help() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n\n%s\n", f.synopsis, wrapText(f.about, 78))
	b.WriteString("\nOptions:\n")
	writeRows(&b, f.optionRows())
	for _, s := range f.sections {
		fmt.Fprintf(&b, "\n%s:\n", s.title)
		writeRows(&b, s.rows)
	}
	if len(f.examples) > 0 {
		b.WriteString("\nExamples:\n")
		for _, ex := range f.examples {
			fmt.Fprintf(&b, "  %s\n", ex)
		}
	}
	return b.String()
}

// option is one flag as help shows it.
type option struct {
	long, short string // "output", "o"; short is often ""
	word        string // what its value is called ("FILE"), "" for yes/no
	usage       string // what it does, with its default
}

// options are the command's flags in the order defined, as its help, man
// page and completion scripts list them.
func (f *flags) options() []option {
	var out []option
	for _, name := range f.order {
		fl := f.Lookup(name)
		word, usage := valueWord(fl)
		if fl.DefValue != "" && word != "" && fl.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", fl.DefValue)
		}
		out = append(out, option{long: name, short: f.alias[name], word: word, usage: usage})
	}
	return out
}

// optionRows are the options as help's table: -o, --output FILE, then -h.
func (f *flags) optionRows() []row {
	var rows []row
	for _, o := range f.options() {
		left := "--" + o.long
		if o.short != "" {
			left = "-" + o.short + ", " + left
		}
		if o.word != "" {
			left += " " + o.word
		}
		rows = append(rows, row{left, o.usage})
	}
	return append(rows, row{"-h, --help", "show this help"})
}

// valueWord is the word naming a flag's value in help ("FILE", "TEXT"),
// "" for a yes/no flag, and the flag's usage without the quotes around
// that word.
func valueWord(fl *flag.Flag) (word, usage string) {
	word, usage = flag.UnquoteUsage(fl)
	switch {
	case isBool(fl):
		word = ""
	case word == "string":
		word = "TEXT"
	case word == "int":
		word = "N"
	}
	return word, usage
}

// writeRows writes a help table, its right column wrapped to the width.
func writeRows(b *strings.Builder, rows []row) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.left))
	}
	for _, r := range rows {
		lines := strings.Split(wrapText(r.right, max(30, 76-width)), "\n")
		fmt.Fprintf(b, "  %-*s  %s\n", width, r.left, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(b, "  %-*s  %s\n", width, "", l)
		}
	}
}

func isBool(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// wrapText folds text at width, keeping its paragraphs.
func wrapText(s string, width int) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > width {
				out = append(out, line)
				line = w
				continue
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// given reports whether the flag name was on the command line, even with
// an empty value.
func (f *flags) given(name string) bool {
	found := false
	f.Visit(func(fl *flag.Flag) { found = found || fl.Name == name })
	return found
}
