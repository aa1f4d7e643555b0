package views

import (
	"os"
	"testing"

	"github.com/tether-recovery/tether/internal/benchjournal"
)

// TestMain runs the tests. Nothing in the views reads the environment's
// colours (Run detects them and passes them in Options), so a golden
// screen is the same under CLICOLOR_FORCE=1, NO_COLOR or a light terminal
// as in CI: TestGoldenIgnoresTheEnvironment holds it so.
func TestMain(m *testing.M) {
	code := m.Run()
	benchjournal.Clean()
	os.Exit(code)
}
