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
	s = upperFirst(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// upperFirst is s with a capital first letter: "Today".
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// dayName is a day as a reply names it: today, yesterday, or the date.
func dayName(day, today model.Date) string {
	switch today.DaysSince(day) {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return day.Human()
}

// orWords joins "a", "b" and "c" as "a, b or c".
func orWords(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func codes[T ~string](list []T) string { return strings.Join(codeList(list), ", ") }

func codeList[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = string(c)
	}
	return out
}

// parseChannel reads a way of being in touch by its code, its label or an
// everyday word for it ("phone", "whatsapp"; model.ParseChannel), one of
// choices.
func parseChannel(flagName, s string, choices []model.Channel) (model.Channel, error) {
	if c, ok := model.ParseChannel(s); ok && slices.Contains(choices, c) {
		return c, nil
	}
	return "", fmt.Errorf("%s %q: use one of %s, or a word for one (tether log --help lists them)",
		flagName, s, orWords(codeList(choices)))
}
