// Package benchjournal gives the benchmarks the sample journals of
// store/sample, so that one benchmark measures one screen's reads on each
// size: large (a decade) and xl (ten times that), and xxl when asked. A
// journal is written once per size and day; a benchmark must only read
// it.
//
// TETHER_BENCH_JOURNALS names a folder where they are kept between runs
// and shared by every package's benchmarks (CI writes each size once for
// all of them; xl takes half a minute). Without it they are written into a
// temporary folder once per test binary, which Clean removes, and only
// large is measured unless TETHER_BENCH_SIZES says otherwise
// ("large,xl,xxl").
package benchjournal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/wholefile"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store/sample"
)

// Day is the day every package's benchmarks read their journals as of:
// one journal of each size then serves them all (views' fixed clock is on
// it too). On xl a second day would cost a minute of CI for nothing.
var Day = model.Date{Year: 2026, Month: time.November, Day: 21}

var (
	mu      sync.Mutex
	written = map[string]string{} // name → path, this process
	tempDir string
)

// Sizes are the sizes the benchmarks measure.
func Sizes() []sample.Size {
	list := os.Getenv("TETHER_BENCH_SIZES")
	if list == "" {
		if os.Getenv("TETHER_BENCH_JOURNALS") == "" {
			return []sample.Size{sample.Large}
		}
		list = "large,xl"
	}
	var out []sample.Size
	for _, s := range strings.Split(list, ",") {
		if size, err := sample.ParseSize(s); err == nil {
			out = append(out, size)
		}
	}
	return out
}

// Each runs fn as a sub-benchmark for each size, on that size's journal.
func Each(b *testing.B, today model.Date, fn func(b *testing.B, path string)) {
	for _, size := range Sizes() {
		b.Run(string(size), func(b *testing.B) { fn(b, Path(b, size, today)) })
	}
}

// Path is the sample journal of size as of today, written if it is not
// there yet.
func Path(tb testing.TB, size sample.Size, today model.Date) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	name := fmt.Sprintf("%s-%s.db", size, today)
	if p, ok := written[name]; ok {
		return p
	}
	dir := os.Getenv("TETHER_BENCH_JOURNALS")
	if dir == "" {
		if tempDir == "" {
			d, err := os.MkdirTemp("", "tether-bench-")
			if err != nil {
				tb.Fatal(err)
			}
			tempDir = d
		}
		dir = tempDir
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err != nil {
		// Written beside, then renamed: another package's benchmarks
		// may be writing the same one, and neither sees it half made.
		tmp, err := os.MkdirTemp(dir, ".writing-")
		if err != nil {
			tb.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		made := filepath.Join(tmp, name)
		if err := sample.Write(context.Background(), made, size, today); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(made, path); err != nil {
			tb.Fatal(err)
		}
		wholefile.SyncDir(dir)
	}
	written[name] = path
	return path
}

// Clean removes the temporary folder of this test binary's journals;
// call it from TestMain after the run.
func Clean() {
	mu.Lock()
	defer mu.Unlock()
	if tempDir != "" {
		os.RemoveAll(tempDir)
		tempDir = ""
	}
}
