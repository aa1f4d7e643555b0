package cli

import (
	"fmt"
	"strings"
)

// fishScript is tether's completion for fish: one complete line per
// command and per flag, each with the condition of its command.
func fishScript(tree []compNode, root []compFlag) string {
	var b strings.Builder
	b.WriteString(`# fish completion for tether, made by tether completion fish.
# Install it:  tether completion fish > ~/.config/fish/completions/tether.fish

# The names of the journal's contacts that begin with what is typed; the
# journal is only read.
function __tether_names
    set -l tokens (commandline -opc)
    set -l db
    for i in (seq 2 (count $tokens))
        if test "$tokens[$i]" = --db; and test $i -lt (count $tokens)
            set db --db $tokens[(math $i + 1)]
        end
    end
    $tokens[1] __complete-names $db -- (commandline -ct) 2>/dev/null
end

# Files only where a command or a flag takes one.
complete -c tether -f
`)
	fishFlags(&b, "__fish_use_subcommand", root)
	fishCommands(&b, "__fish_use_subcommand", "", tree)
	return b.String()
}

// fishCommands writes the commands offered where cond holds, and under
// each what it takes.
func fishCommands(b *strings.Builder, cond, seen string, nodes []compNode) {
	for _, n := range nodes {
		fmt.Fprintf(b, "complete -c tether -n %s -a %s -d %s\n", fishQuote(cond), fishQuote(n.name), fishQuote(n.summary))
	}
	for _, n := range nodes {
		names := strings.Join(append([]string{n.name}, n.aliases...), " ")
		here := seen + "__fish_seen_subcommand_from " + names
		if n.subs != nil {
			var subs []string
			for _, s := range n.subs {
				subs = append(subs, s.name)
				subs = append(subs, s.aliases...)
			}
			fishCommands(b, here+"; and not __fish_seen_subcommand_from "+strings.Join(subs, " "), here+"; and ", n.subs)
			continue
		}
		b.WriteString("\n")
		fishFlags(b, here, n.flags)
		switch {
		case len(n.operands) == 0:
		case n.operands[0] == namesOperand:
			fmt.Fprintf(b, "complete -c tether -n %s -a '(__tether_names)'\n", fishQuote(here))
		case n.operands[0] == filesOperand:
			fmt.Fprintf(b, "complete -c tether -n %s -F\n", fishQuote(here))
		default:
			fmt.Fprintf(b, "complete -c tether -n %s -a %s\n", fishQuote(here), fishQuote(strings.Join(n.operands, " ")))
		}
	}
}

// fishFlags writes one complete line per flag, where cond holds.
func fishFlags(b *strings.Builder, cond string, flags []compFlag) {
	for _, f := range flags {
		line := "complete -c tether -n " + fishQuote(cond)
		for _, name := range f.names {
			if strings.HasPrefix(name, "--") {
				line += " -l " + strings.TrimPrefix(name, "--")
			} else {
				line += " -s " + strings.TrimPrefix(name, "-")
			}
		}
		switch {
		case f.value == nil:
		case f.value[0] == filesOperand:
			line += " -r -F"
		case f.value[0] == textValue:
			line += " -x"
		default:
			line += " -x -a " + fishQuote(strings.Join(f.value, " "))
		}
		fmt.Fprintf(b, "%s -d %s\n", line, fishQuote(f.about))
	}
}

// fishQuote puts s in fish's single quotes, where only \ and ' are
// special.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
