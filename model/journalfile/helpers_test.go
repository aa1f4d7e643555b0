package journalfile

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tether-recovery/tether/model"
)

// These are the few helpers of model's tests that the file formats' tests
// use too; a test helper cannot cross a package boundary.

// day builds a Date tersely for tables.
func day(y int, m int, d int) model.Date { return model.Date{Year: y, Month: time.Month(m), Day: d} }

func ptr[T any](v T) *T { return &v }

// assertNoDebris checks that a message shows nothing of Go's internals.
func assertNoDebris(t *testing.T, what, msg string) {
	t.Helper()
	for _, junk := range []string{"%!", "strconv", "unexpected", "expected integer", "EOF", "<nil>", "panic", "runtime"} {
		if strings.Contains(msg, junk) {
			t.Errorf("%s: message %q contains %q", what, msg, junk)
		}
	}
}

// hasAnyControl reports a Unicode control character anywhere in s.
func hasAnyControl(s string) bool { return strings.ContainsFunc(s, unicode.IsControl) }
