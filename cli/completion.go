package cli

import (
	"context"
	"fmt"
	"strings"
)

// The shells tether completion writes a script for.
var shells = map[string]func([]compNode, []compFlag) string{
	"bash": bashScript,
	"zsh":  zshScript,
	"fish": fishScript,
}

var shellNames = []string{"bash", "zsh", "fish"}

func runCompletion(ctx context.Context, e *env, args []string) error {
	f := newFlags("completion", "tether completion bash|zsh|fish",
		"Prints a script that lets your shell complete tether's commands, their options, the values of options "+
			"that take a few (--via, --circle…), and for tether log the names of your contacts, read from the journal "+
			"as you press Tab (it is only read, never changed). Load it once to try it, or install it to have it in every shell.",
		`source <(tether completion bash)`,
		`tether completion bash > ~/.local/share/bash-completion/completions/tether`,
		`tether completion zsh > "${fpath[1]}/_tether"`,
		`tether completion fish > ~/.config/fish/completions/tether.fish`)
	f.operands = shellNames
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		return f.usagef("name one shell: %s", orWords(shellNames))
	}
	script, ok := shells[words[0]]
	if !ok {
		return f.usagef("no completion for %q: name one of %s", words[0], orWords(shellNames))
	}
	root, _, _ := rootFlags()
	fmt.Fprint(e.Stdout, script(completionTree(commands, ""), completionFlags(root)))
	return nil
}

// compNode is a command as the completion scripts see it: a leaf with
// its flags and what its words are, or a command of commands.
type compNode struct {
	name, path, summary string
	aliases             []string
	subs                []compNode
	flags               []compFlag
	// operands are what the command's words complete to: the contact
	// names (namesOperand), files (filesOperand), or these words (none
	// for a command that takes none).
	operands []string
}

// What an operand or a flag's value completes to, beside a list of words.
const (
	namesOperand = "@names"
	filesOperand = "@file"
	textValue    = "@text"
)

// compFlag is one flag: its names, a short description, and what its
// value completes to (nil for a yes/no flag).
type compFlag struct {
	names []string // "--output", "-o"
	about string
	value []string // textValue, filesOperand, or the values it takes
}

// completionTree is the visible commands with what each takes, found as
// leavesOf finds them.
func completionTree(cs []command, prefix string) []compNode {
	var out []compNode
	for _, c := range visible(cs) {
		n := compNode{name: c.name, path: prefix + c.name, summary: c.summary, aliases: c.aliases}
		if c.subs != nil {
			n.subs = completionTree(c.subs, n.path+" ")
			out = append(out, n)
			continue
		}
		f := leavesOf(prefix, []command{c})[0].f
		n.flags = completionFlags(f)
		switch {
		case f.names:
			n.operands = []string{namesOperand}
		case f.operands != nil:
			n.operands = f.operands
		default:
			n.operands = []string{filesOperand}
		}
		out = append(out, n)
	}
	return out
}

// completionFlags are f's options, then -h and --help.
func completionFlags(f *flags) []compFlag {
	var out []compFlag
	for _, o := range f.options() {
		cf := compFlag{names: []string{"--" + o.long}, about: shortAbout(o.usage)}
		if o.short != "" {
			cf.names = append(cf.names, "-"+o.short)
		}
		switch vals := f.choices[o.long]; {
		case o.word == "":
		case len(vals) > 0:
			cf.value = vals
		case strings.Contains(o.word, "FILE") || strings.Contains(o.word, "FOLDER"):
			cf.value = []string{filesOperand}
		default:
			cf.value = []string{textValue}
		}
		out = append(out, cf)
	}
	return append(out, compFlag{names: []string{"--help", "-h"}, about: "show this help"})
}

// shortAbout is the first part of a flag's usage, as a completion menu
// shows it beside the flag: "how you were in touch".
func shortAbout(usage string) string {
	usage = strings.ReplaceAll(usage, "`", "")
	end := len(usage)
	for _, sep := range []string{": ", "; ", " (default"} {
		if i := strings.Index(usage, sep); i > 0 {
			end = min(end, i)
		}
	}
	usage = usage[:end]
	// Not "their NAME (required".
	if i := strings.LastIndex(usage, " ("); i > 0 && !strings.Contains(usage[i:], ")") {
		usage = usage[:i]
	}
	return usage
}

// walkNodes calls fn on every node, a command of commands before its
// commands.
func walkNodes(nodes []compNode, fn func(compNode)) {
	for _, n := range nodes {
		fn(n)
		walkNodes(n.subs, fn)
	}
}

// flagNames are every name of every flag, as one line of words.
func flagNames(flags []compFlag) string {
	var names []string
	for _, f := range flags {
		names = append(names, f.names...)
	}
	return strings.Join(names, " ")
}

// nodeNames are the names of the nodes, as one line of words.
func nodeNames(nodes []compNode) string {
	var names []string
	for _, n := range nodes {
		names = append(names, n.name)
	}
	return strings.Join(names, " ")
}
