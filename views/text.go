package views

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// truncate cuts text to at most w terminal cells, ending in "…" when cut.
// It counts cells, not bytes or runes, so wide CJK characters and emoji keep
// columns aligned.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// pad truncates or right-pads s to exactly w cells.
func pad(s string, w int) string {
	s = truncate(s, w)
	if gap := w - lipgloss.Width(s); gap > 0 {
		s += strings.Repeat(" ", gap)
	}
	return s
}

// oneLine flattens typed text for a single-line display.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip keeps at most h lines of s, each cut to w cells, so a child can never
// push the tab bar or help line off a small screen.
func clip(s string, w, h int) string {
	if h <= 0 || w <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// wrap breaks text into lines of at most w cells, keeping the person's own
// line breaks.
func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(s, w, "")
}

// firstLines keeps at most h lines of s, without measuring them.
func firstLines(s string, h int) string {
	end := 0
	for range h {
		i := strings.IndexByte(s[end:], '\n')
		if i < 0 {
			return s
		}
		end += i + 1
	}
	return s[:max(0, end-1)]
}
