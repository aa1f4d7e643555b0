package cli

import (
	"fmt"
	"strings"
)

// bashScript is tether's completion for bash (4 or later): tables made
// from the commands' own flags, read by one function, _tether.
func bashScript(tree []compNode, root []compFlag) string {
	var b strings.Builder
	b.WriteString(`# bash completion for tether, made by tether completion bash.
# Try it in this shell:     source <(tether completion bash)
# Have it in every shell:   tether completion bash > ~/.local/share/bash-completion/completions/tether

# _tether_commands PATH: the commands that may follow tether PATH.
_tether_commands() {
    case $1 in
`)
	fmt.Fprintf(&b, "    '') echo %s ;;\n", shQuote(nodeNames(tree)))
	walkNodes(tree, func(n compNode) {
		if n.subs != nil {
			fmt.Fprintf(&b, "    %s) echo %s ;;\n", shQuote(n.path), shQuote(nodeNames(n.subs)))
		}
	})
	b.WriteString(`    esac
}

# _tether_command PATH WORD: the command WORD names after tether PATH.
_tether_command() {
    case "$1 $2" in
`)
	walkNodes(tree, func(n compNode) {
		for _, s := range n.subs {
			for _, a := range s.aliases {
				fmt.Fprintf(&b, "    %s) echo %s ;;\n", shQuote(n.path+" "+a), shQuote(s.name))
			}
		}
	})
	b.WriteString(`    *) echo "$2" ;;
    esac
}

# _tether_flags PATH: the flags of tether PATH.
_tether_flags() {
    case $1 in
`)
	fmt.Fprintf(&b, "    '') echo %s ;;\n", shQuote(flagNames(root)))
	walkNodes(tree, func(n compNode) {
		if n.subs == nil {
			fmt.Fprintf(&b, "    %s) echo %s ;;\n", shQuote(n.path), shQuote(flagNames(n.flags)))
		}
	})
	b.WriteString(`    esac
}

# _tether_value PATH FLAG: what the flag's value completes to (@file for a
# file, @text for free text, else its values); fails for a yes/no flag.
_tether_value() {
    case "$1 $2" in
`)
	valueLines := func(path string, flags []compFlag) {
		for _, f := range flags {
			if f.value == nil {
				continue
			}
			var pats []string
			for _, name := range f.names {
				pats = append(pats, shQuote(path+" "+name))
			}
			fmt.Fprintf(&b, "    %s) echo %s ;;\n", strings.Join(pats, "|"), shQuote(strings.Join(f.value, " ")))
		}
	}
	valueLines("", root)
	walkNodes(tree, func(n compNode) { valueLines(n.path, n.flags) })
	b.WriteString(`    *) return 1 ;;
    esac
}

# _tether_operands PATH: what the words of tether PATH complete to.
_tether_operands() {
    case $1 in
`)
	walkNodes(tree, func(n compNode) {
		if n.subs == nil {
			fmt.Fprintf(&b, "    %s) echo %s ;;\n", shQuote(n.path), shQuote(strings.Join(n.operands, " ")))
		}
	})
	b.WriteString(`    esac
}

# _tether_offer WHAT WORD: completions of WORD from WHAT (see _tether_value).
_tether_offer() {
    local IFS=$'\n' word=$2
    [[ $word == = ]] && word=
    case $1 in
    @text) ;;
    @file)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$word")) ;;
    @names)
        # The names of the journal's contacts: the journal is only read.
        word=${word#[\"\']}
        word=${word//\\/}
        local -a args=(__complete-names)
        [[ -n $_tether_db ]] && args+=(--db "$_tether_db")
        COMPREPLY=($("${COMP_WORDS[0]}" "${args[@]}" -- "$word" 2>/dev/null))
        # Spaces and apostrophes in a name are quoted as it is put in.
        compopt -o filenames 2>/dev/null ;;
    *)
        IFS=$' \t\n'
        COMPREPLY=($(compgen -W "$1" -- "$word")) ;;
    esac
}

_tether() {
    local cur=${COMP_WORDS[COMP_CWORD]} path= w i n=0 what ended= _tether_db=
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
        --)
            # Only words after it.
            n=$((n + COMP_CWORD - i - 1))
            ended=1
            break ;;
        -*)
            what=$(_tether_value "$path" "$w") || continue
            # Its value is the next word, after an = if it was --flag=value.
            if ((i + 1 < COMP_CWORD)) && [[ ${COMP_WORDS[i+1]} == = ]]; then
                i=$((i + 1))
            fi
            if ((i + 1 == COMP_CWORD)); then
                _tether_offer "$what" "$cur"
                return
            fi
            i=$((i + 1))
            if [[ $w == --db ]]; then
                _tether_db=${COMP_WORDS[i]}
                _tether_db=${_tether_db/#\~/$HOME}
            fi ;;
        *)
            w=$(_tether_command "$path" "$w")
            if ((n == 0)) && [[ " $(_tether_commands "$path") " == *" $w "* ]]; then
                path=${path:+$path }$w
            else
                n=$((n + 1))
            fi ;;
        esac
    done
    if [[ -z $ended && $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_tether_flags "$path")" -- "$cur"))
        return
    fi
    local subs
    subs=$(_tether_commands "$path")
    if [[ -z $path || -n $subs ]]; then
        ((n == 0)) && COMPREPLY=($(compgen -W "$subs" -- "$cur"))
        return
    fi
    what=$(_tether_operands "$path")
    # A name, or a word such as a shell, is the first word only; files
    # may be many.
    [[ $what != @file ]] && ((n > 0)) && return
    _tether_offer "$what" "$cur"
}

complete -F _tether tether
`)
	return b.String()
}

// shQuote puts s in single quotes for a POSIX shell (bash, zsh).
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
