package cli

import (
	"fmt"
	"strings"
)

// zshScript is tether's completion for zsh: one _arguments call per
// command, made from its flags, and a function per command of commands.
func zshScript(tree []compNode, root []compFlag) string {
	var b strings.Builder
	b.WriteString(`#compdef tether
# zsh completion for tether, made by tether completion zsh.
# Install it in a folder of your $fpath, then start a new shell:
#   tether completion zsh > "${fpath[1]}/_tether"
# or try it in this one (after compinit): source <(tether completion zsh)

# The names of the journal's contacts that begin with what is typed; the
# journal is only read.
_tether_names() {
  local -a names
  names=(${(f)"$($_tether_prog __complete-names $_tether_db -- "$PREFIX" 2>/dev/null)"})
  compadd -U -a names
}

`)
	zshDispatch(&b, "_tether", "tether", tree, root)
	b.WriteString(`
# Autoloaded from $fpath, this file is _tether's body: it defines the
# functions, then completes. Sourced, it registers them.
if [[ $funcstack[1] == _tether ]]; then
  _tether "$@"
else
  compdef _tether tether
fi
`)
	return b.String()
}

// zshDispatch writes the function fn, which completes a command of
// commands: its flags, which command, then that command's own.
func zshDispatch(b *strings.Builder, fn, title string, nodes []compNode, flags []compFlag) {
	fmt.Fprintf(b, "%s() {\n  local curcontext=$curcontext state state_descr line ret=1\n", fn)
	if fn == "_tether" {
		b.WriteString(`  local _tether_prog=$words[1]
  local -a _tether_db
  local -i i
  for (( i = 2; i < CURRENT; i++ )); do
    [[ $words[i] == --db ]] && _tether_db=(--db ${(Q)words[i+1]})
  done
`)
	}
	b.WriteString("  _arguments -C \\\n")
	for _, spec := range zshFlagSpecs(flags) {
		fmt.Fprintf(b, "    %s \\\n", spec)
	}
	b.WriteString("    '1: :->command' \\\n    '*:: :->args' && ret=0\n")
	b.WriteString("  case $state in\n  command)\n    local -a commands=(\n")
	for _, n := range nodes {
		fmt.Fprintf(b, "      %s\n", shQuote(zshEscape(n.name, ":")+":"+n.summary))
	}
	fmt.Fprintf(b, "    )\n    _describe -t commands %s commands && ret=0 ;;\n", shQuote(title+" command"))
	b.WriteString("  args)\n    curcontext=${curcontext%:*:*}:" + strings.ReplaceAll(title, " ", "-") + "-$words[1]:\n    case $words[1] in\n")
	var later []compNode
	for _, n := range nodes {
		pattern := strings.Join(append([]string{n.name}, n.aliases...), "|")
		if n.subs != nil {
			fmt.Fprintf(b, "    (%s) %s && ret=0 ;;\n", pattern, zshFunc(n))
			later = append(later, n)
			continue
		}
		specs := zshFlagSpecs(n.flags)
		if len(n.operands) > 0 {
			specs = append(specs, zshOperandSpec(n.operands))
		}
		fmt.Fprintf(b, "    (%s)\n      _arguments \\\n        %s && ret=0 ;;\n", pattern, strings.Join(specs, " \\\n        "))
	}
	b.WriteString("    esac ;;\n  esac\n  return ret\n}\n")
	for _, n := range later {
		b.WriteString("\n")
		zshDispatch(b, zshFunc(n), "tether "+n.path, n.subs, nil)
	}
}

func zshFunc(n compNode) string { return "_tether_" + strings.ReplaceAll(n.path, " ", "_") }

// zshFlagSpecs are the _arguments specs of the flags: --via[how you were
// in touch]:CHANNEL:(call text …), each quoted.
func zshFlagSpecs(flags []compFlag) []string {
	var specs []string
	for _, f := range flags {
		exclusive := ""
		if len(f.names) > 1 {
			exclusive = "(" + strings.Join(f.names, " ") + ")"
		}
		if f.names[0] == "--help" {
			exclusive = "(- *)" // help ends the line
		}
		for _, name := range f.names {
			spec := exclusive + name + "[" + zshEscape(f.about, "[]") + "]"
			switch {
			case f.value == nil:
			case f.value[0] == filesOperand:
				spec += ":file:_files"
			case f.value[0] == textValue:
				spec += ":" + zshEscape(strings.TrimPrefix(name, "--"), ":") + ": "
			default:
				spec += ":" + zshEscape(strings.TrimPrefix(name, "--"), ":") + ":(" + strings.Join(f.value, " ") + ")"
			}
			specs = append(specs, shQuote(spec))
		}
	}
	return specs
}

// zshOperandSpec is the _arguments spec of a command's words.
func zshOperandSpec(operands []string) string {
	switch operands[0] {
	case namesOperand:
		return shQuote("*:name:_tether_names")
	case filesOperand:
		return shQuote("*:file:_files")
	}
	return shQuote("1:" + "word" + ":(" + strings.Join(operands, " ") + ")")
}

// zshEscape puts a backslash before each of the characters special where
// the text goes (brackets in a flag's description, colons in a name).
func zshEscape(s, special string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(special+`\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
