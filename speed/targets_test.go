package main

import (
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/store/sample"
)

func msd(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }

// sampleResults are a run's figures on large, xl and xxl with abook.
func sampleResults() *results {
	r := newResults()
	r.add("abook", "first full frame", msd(5))
	r.add("abook", "list: move", msd(1))
	// abook's search prompt is slow here: were it pooled, every key of
	// Tether's would pass against it.
	for range 5 {
		r.add("abook", abookSearch, msd(40))
	}
	r.add(floorProgram, "first full frame", msd(4))
	for _, p := range []struct {
		program             string
		frame, filter, week float64
		kb                  int
		due, open           float64
	}{
		{"tether", 10, 1, 1.2, 20000, 12, 11},
		{"tether (xl)", 11.5, 1.1, 1.8, 30000, 6, 5},
		{"tether (xxl)", 25, 2000, 17, 41000, 14, 9},
	} {
		r.add(p.program, "first full frame", msd(p.frame))
		for range 5 { // as few as bound a median
			r.add(p.program, "Contacts: filter", msd(p.filter))
			r.add(p.program, "Reflection: next week", msd(p.week))
		}
		r.add(p.program, coldStart, msd(p.frame*10))
		r.addRSS(p.program, p.kb)
		r.add(p.program, dueRow, msd(p.due))
		r.add(p.program, openRow, msd(p.open))
	}
	r.add(emptyProgram, "first full frame", msd(8))
	return r
}

func TestTargetsBySize(t *testing.T) {
	var b strings.Builder
	sampleResults().print(&b, true, []sample.Size{sample.Large, sample.XL, sample.XXL})
	out := b.String()
	for _, want := range []string{
		// Tether's slowest key against abook's list, not its search prompt.
		`every key ≤ 1.5× abook's:            slowest "Reflection: next week" 1.2 ms vs 1.0 ms → 1.20× met`,
		"xl: first frame ≤ 1.2× large's:      11.5 ms vs 10.0 ms → 1.15× met",
		`xl: every key ≤ 1.2× large's same key: worst "Reflection: next week" 1.8 ms vs 1.2 ms → 1.50× MISSED`,
		"over 1.2× (all of its bounds): Reflection: next week 1.50× (1.50–1.50)\n",
		"xxl: first frame ≤ 2× large's:       25.0 ms vs 10.0 ms → 2.50× MISSED",
		`xxl: no key over 16 ms:              slowest "Contacts: filter" 2000.0 ms MISSED`,
		"xxl: peak RSS ≤ 2× large's:          40.0 MiB vs 19.5 MiB → 2.05× MISSED",
		"xxl: tether due ≤ 15 ms:             14.0 ms met; opening alone (floor): 9.0 ms\n",
		// A floor over the limit says the machine cannot meet it.
		"tether due ≤ 10 ms:                  12.0 ms MISSED; opening alone (floor): 11.0 ms, over the limit on this machine\n",
		"first full frame, cold page cache     100.0             115.0    1.15×    250.0    2.50×\n",
		// A ratio of four figures keeps its column.
		"Contacts: filter                        1.0               1.1    1.10×   2000.0 2000.00×\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the printout lacks %q:\n%s", want, out)
		}
	}
	// The cold start is no key, and has no abook ratio: abook's start is warm.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "tether ") && strings.Contains(line, coldStart) && strings.TrimSpace(line[len(line)-8:]) != "" {
			t.Errorf("a cold start is compared with abook's warm one: %q", line)
		}
	}
}

// A median is bounded by the samples themselves: the least and greatest
// of five (each wrong at most 1 time in 32), the sixth least and greatest
// of twenty (at most 1 in 48); of four, nothing can be said, and a key so
// measured is never called over its limit.
func TestMedianBounds(t *testing.T) {
	ms := func(xs ...float64) []time.Duration {
		var ds []time.Duration
		for _, x := range xs {
			ds = append(ds, msd(x))
		}
		return ds
	}
	if lo, hi, ok := medianBounds(ms(5, 1, 4, 2, 3), 0.05); !ok || lo != msd(1) || hi != msd(5) {
		t.Errorf("five: %v–%v %v", lo, hi, ok)
	}
	var twenty []float64
	for i := range 20 {
		twenty = append(twenty, float64(20-i))
	}
	if lo, hi, ok := medianBounds(ms(twenty...), 0.05); !ok || lo != msd(6) || hi != msd(15) {
		t.Errorf("twenty: %v–%v %v", lo, hi, ok)
	}
	if _, _, ok := medianBounds(ms(1, 2, 3, 4), 0.05); ok {
		t.Error("four samples bound a median")
	}
	r := newResults()
	for _, x := range []float64{1, 1, 1, 1} {
		r.add("tether", "Contacts: filter", msd(x))
		r.add("tether (xl)", "Contacts: filter", msd(3*x))
	}
	var b strings.Builder
	r.printKeysAgainst(&b, "tether (xl)", "tether", 1.2)
	if out := b.String(); !strings.Contains(out, "not settled") || !strings.Contains(out, "too few runs to bound it") {
		t.Errorf("four runs:\n%s", out)
	}
}

// Without large in the run, no target has its reference.
func TestTargetsNeedLarge(t *testing.T) {
	var b strings.Builder
	sampleResults().printTargets(&b, true, []sample.Size{sample.XL})
	if out := b.String(); !strings.Contains(out, "add large to -size") || strings.Contains(out, "met") {
		t.Errorf("targets without large:\n%s", out)
	}
}

// A key's verdict on xl stands on its spread, not on one median: over the
// limit when its whole interval is, under when its whole interval is,
// and else not settled; the same figures give the same words every time.
func TestKeysAgainstLargeByInterval(t *testing.T) {
	spread := func(r *results, program, scenario string, base float64, noise []float64) {
		for _, n := range noise {
			r.add(program, scenario, msd(base*n))
		}
	}
	noise := []float64{0.7, 0.8, 0.9, 0.95, 1, 1, 1.05, 1.1, 1.3, 1.6, 2}
	tight := []float64{0.98, 0.99, 1, 1, 1, 1.01, 1.02}
	tests := []struct {
		name     string
		xl       float64
		samples  []float64
		verdict  string
		listedAs string
	}{
		{"well under", 1.0, tight, "met", ""},
		{"well over", 1.5, tight, "MISSED", "over 1.2× (all of its bounds): Contacts: filter 1.50× (1.44–1.56)"},
		{"on the limit, noisy", 1.25, noise, "not settled", "on 1.2× (its bounds hold it; more runs would tell): Contacts: filter 1.25×"},
	}
	for _, tt := range tests {
		r := newResults()
		spread(r, "tether", "Contacts: filter", 2, tt.samples)
		spread(r, "tether (xl)", "Contacts: filter", 2*tt.xl, tt.samples)
		var b, again strings.Builder
		r.printKeysAgainst(&b, "tether (xl)", "tether", 1.2)
		r.printKeysAgainst(&again, "tether (xl)", "tether", 1.2)
		out := b.String()
		if !strings.Contains(out, "→ ") || !strings.Contains(strings.SplitN(out, "\n", 2)[0], "× "+tt.verdict) {
			t.Errorf("%s: verdict is not %q:\n%s", tt.name, tt.verdict, out)
		}
		if tt.listedAs != "" && !strings.Contains(out, tt.listedAs) {
			t.Errorf("%s: lacks %q:\n%s", tt.name, tt.listedAs, out)
		}
		if out != again.String() {
			t.Errorf("%s: the same figures gave\n%s\nthen\n%s", tt.name, out, again.String())
		}
	}
}
