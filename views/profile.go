package views

import (
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"
)

// detectProfile reads what colours the terminal shows from the
// environment (TERM, COLORTERM, NO_COLOR, CLICOLOR_FORCE…) and terminfo,
// never by asking the terminal or running anything.
//
// colorprofile.Detect, inside tmux, runs `tmux info` to learn whether tmux
// passes 24-bit colour through: a process started before every first
// frame (tens of milliseconds on a loaded machine, on the way to a crisis
// card). Tether reads the environment instead: tmux turns 24-bit colour
// into the nearest colour its outer terminal shows, so inside tmux a
// COLORTERM of truecolor or 24bit is taken at its word, and otherwise
// tmux's own TERM (256 colours) decides.
func detectProfile(out *os.File, env []string) colorprofile.Profile {
	env, inTmux := withoutTmux(env)
	p := colorprofile.Detect(out, env)
	if inTmux && p == colorprofile.ANSI256 && trueColourAsked(env) {
		return colorprofile.TrueColor
	}
	return p
}

// withoutTmux is env without TMUX, which is what makes colorprofile run
// `tmux info`; Bubble Tea's renderer is given the same, since it detects
// colours again where it draws.
func withoutTmux(env []string) (rest []string, inTmux bool) {
	rest = slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		if strings.HasPrefix(kv, "TMUX=") {
			inTmux = len(kv) > len("TMUX=")
			return true
		}
		return false
	})
	return rest, inTmux
}

// trueColourAsked: COLORTERM says the terminal shows 24-bit colour.
func trueColourAsked(env []string) bool {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "COLORTERM="); ok {
			v = strings.ToLower(v)
			return v == "truecolor" || v == "24bit"
		}
	}
	return false
}
