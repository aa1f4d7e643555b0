package cli

import (
	"context"
	"io"
	"testing"

	"github.com/tether-recovery/tether/internal/benchjournal"
	"github.com/tether-recovery/tether/model"
)

// BenchmarkDue is the whole of `tether due` on a decade of data (500
// contacts, 50,000 reach-outs), as a shell runs it at every start: open
// and check the journal, list the active contacts with their last contact,
// pick who is due and print them. The process start around it is measured
// separately (see README): about 3 ms.
func BenchmarkDue(b *testing.B) {
	benchjournal.Each(b, model.DateOf(benchNow), func(b *testing.B, path string) {
		for b.Loop() {
			env := Env{Args: []string{"--db", path, "due"}, Stdout: io.Discard, Stderr: io.Discard, Clock: model.FixedClock{T: benchNow}}
			if code := Run(context.Background(), env); code != 0 {
				b.Fatal("exit", code)
			}
		}
	})
}
