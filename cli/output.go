package cli

import (
	"encoding/json"
	"io"
	"os"
)

// writeJSON writes v indented, with "&" and "<" as themselves.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// useColour: colour only for a person at a terminal who has not asked for
// none (NO_COLOR, TERM=dumb); never into a pipe or a file.
func (e *env) useColour() bool {
	return e.Getenv("NO_COLOR") == "" && e.Getenv("TERM") != "dumb" && isTerminal(e.Stdout)
}

// isTerminal reports whether a stream is a terminal, not a pipe, a file
// or a buffer.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
