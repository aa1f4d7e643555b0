package cli

import (
	"context"
	"os"
	"testing"

	"github.com/tether-recovery/tether/internal/benchjournal"
)

// asTether is set in the environment of this test binary when a test
// runs it as tether itself: the completion scripts call tether back for
// the names of contacts, and the tests have them call this binary.
const asTether = "TETHER_CLI_TEST_AS_TETHER"

func TestMain(m *testing.M) {
	if os.Getenv(asTether) == "1" {
		os.Exit(Run(context.Background(), Env{Args: os.Args[1:], Stdout: os.Stdout, Stderr: os.Stderr,
			Stdin: os.Stdin, Getenv: os.Getenv}))
	}
	code := m.Run()
	benchjournal.Clean()
	os.Exit(code)
}
