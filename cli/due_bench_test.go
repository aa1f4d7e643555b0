package cli

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store/sample"
)

// BenchmarkDueLarge is the whole of `tether due` on a decade of data (500
// contacts, 50,000 reach-outs), as a shell runs it at every start: open
// and check the journal, list the active contacts with their last contact,
// pick who is due and print them. The process start around it is measured
// separately (see README): about 3 ms.
func BenchmarkDueLarge(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.db")
	if err := sample.Write(context.Background(), path, sample.Large, model.DateOf(benchNow)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		env := Env{Args: []string{"--db", path, "due"}, Stdout: io.Discard, Stderr: io.Discard, Clock: model.FixedClock{T: benchNow}}
		if code := Run(context.Background(), env); code != 0 {
			b.Fatal("exit", code)
		}
	}
}
