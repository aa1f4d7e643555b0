package cli

// The words the commands share: reading a choice as typed, and writing
// names, counts, lists and problems as a person reads them.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// parseChoice reads one of a fixed set of codes, ignoring case, with
// spaces or underscores for hyphens ("in person").
func parseChoice[T ~string](flagName, s string, choices []T) (T, error) {
	key := strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	names := make([]string, len(choices))
	for i, c := range choices {
		if string(c) == key {
			return c, nil
		}
		names[i] = string(c)
	}
	var zero T
	return zero, fmt.Errorf("%s %q: use one of %s", flagName, s, strings.Join(names, ", "))
}

// problemSentence is a model.Problems as one line for the terminal: the
// messages themselves, which already say what to do.
func problemSentence(p model.Problems) string {
	var msgs []string
	for _, k := range sortedKeys(p) {
		msgs = append(msgs, strings.TrimSuffix(p[k], "."))
	}
	return strings.Join(msgs, "; ") + "."
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// oneLine is stored text as the command line prints it: on one line, and
// without anything that would move or reorder the terminal (a journal may
// have been written by another program; see model.PrintableLine). Every
// name, note and channel a command prints passes through here.
func oneLine(s string) string { return strings.Join(strings.Fields(model.PrintableLine(s)), " ") }

// count is plural with thousands separated: "50,000 reach-outs".
func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return model.Thousands(n) + " " + word + "s"
}

// sentence makes an error's text a sentence: capital first, full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func codes[T ~string](list []T) string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = string(c)
	}
	return strings.Join(out, ", ")
}
