package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tether-recovery/tether/store/sample"
)

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

// printSizes is the walk's table by journal size, each measure against
// the same measure on large (or on the first size, when large was not
// walked): what grows with the journal.
func (r *results) printSizes(w io.Writer, sizes []sample.Size) {
	ref := sizes[0]
	if slices.Contains(sizes, sample.Large) {
		ref = sample.Large
	}
	refProgram := sized("tether", ref)
	fmt.Fprintf(w, "\nby journal size: medians in ms (memory in MiB); × is against %s's same measure\n", ref)
	fmt.Fprintf(w, "%-34s", "measure")
	for _, size := range sizes {
		fmt.Fprintf(w, " %8s %8s", size, "")
	}
	fmt.Fprintln(w)
	row := func(name string, value func(program string) (float64, string)) {
		fmt.Fprintf(w, "%-34s", name)
		base, _ := value(refProgram)
		for _, size := range sizes {
			v, text := value(sized("tether", size))
			x := ""
			if size != ref {
				x = times(v, base)
			}
			fmt.Fprintf(w, " %8s %s", text, padLeft(x, 8))
		}
		fmt.Fprintln(w)
	}
	timed := func(d time.Duration) (float64, string) {
		if d == 0 {
			return 0, "–"
		}
		return float64(d), ms(d)
	}
	for _, scenario := range r.scenarios(refProgram) {
		if isWholeProcess(scenario) {
			continue // below, with the other whole-program figures
		}
		row(scenario, func(p string) (float64, string) { return timed(r.median(p, scenario)) })
	}
	row("any key (pooled)", func(p string) (float64, string) { return timed(median(r.keysOf(p))) })
	row("peak resident memory", func(p string) (float64, string) {
		if r.rss[p] == 0 {
			return 0, "–"
		}
		return float64(r.rss[p]), mib(r.rss[p])
	})
	for _, w := range wholeProcesses {
		row(w.row, func(p string) (float64, string) { return timed(r.median(p, w.row)) })
	}
}

// padLeft pads s to n columns (× is one column and two bytes).
func padLeft(s string, n int) string {
	return strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) + s
}

// printTargets says, for each target, the figures and whether the medians
// meet it: issue 7's against abook and the floor on the large journal, and
// issue 22's for the larger journals against large in the same run.
func (r *results) printTargets(w io.Writer, withAbook bool, sizes []sample.Size) {
	fmt.Fprintln(w, "\ntargets")
	if !slices.Contains(sizes, sample.Large) {
		fmt.Fprintln(w, "  every target is set on the large journal or against it: add large to -size")
		return
	}
	const tether = "tether" // on large
	large := r.median(tether, "first full frame")
	empty := r.median(emptyProgram, "first full frame")
	if withAbook {
		abookFrame := r.median("abook", "first full frame")
		abookKey := median(r.keysOf("abook"))
		fmt.Fprintf(w, "  first frame ≤ 1.5× abook:           %s ms vs %s ms → %s %s\n", ms(large), ms(abookFrame), times(float64(large), float64(abookFrame)), verdict(float64(large) <= 1.5*float64(abookFrame)))
		worstName, worst := r.slowestKey(tether)
		fmt.Fprintf(w, "  every key ≤ 1.5× abook's:            slowest %q %s ms vs %s ms → %s %s\n", worstName, ms(worst), ms(abookKey), times(float64(worst), float64(abookKey)), verdict(float64(worst) <= 1.5*float64(abookKey)))
	}
	floor := r.median(floorProgram, "first full frame")
	fmt.Fprintf(w, "  beyond the floor (same binary size, reads nothing): large %s ms, empty %s ms\n", ms(large-floor), ms(empty-floor))
	if withAbook {
		abookFrame := r.median("abook", "first full frame")
		fmt.Fprintf(w, "    (the floor is %s abook; 1.5× abook leaves %s ms for opening, reading and drawing)\n",
			times(float64(floor), float64(abookFrame)), ms(abookFrame*3/2-floor))
	}
	fmt.Fprintf(w, "  large journal no slower than empty:  %s ms vs %s ms → %s\n", ms(large), ms(empty), times(float64(large), float64(empty)))
	fmt.Fprintf(w, "  peak RSS ≤ 20 MiB:                   %s MiB %s\n", mib(r.rss[tether]), verdict(r.rss[tether] <= 20*1024))
	r.printDue(w, tether, 10*time.Millisecond, "  tether due ≤ 10 ms:                  ")

	for _, size := range sizes {
		p := sized("tether", size)
		frame := r.median(p, "first full frame")
		switch size {
		case sample.XL:
			fmt.Fprintf(w, "  xl: first frame ≤ 1.2× large's:      %s ms vs %s ms → %s %s\n", ms(frame), ms(large), times(float64(frame), float64(large)), verdict(float64(frame) <= 1.2*float64(large)))
			r.printKeysAgainst(w, p, tether, 1.2)
		case sample.XXL:
			fmt.Fprintf(w, "  xxl: first frame ≤ 2× large's:       %s ms vs %s ms → %s %s\n", ms(frame), ms(large), times(float64(frame), float64(large)), verdict(float64(frame) <= 2*float64(large)))
			name, slowest := r.slowestKey(p)
			fmt.Fprintf(w, "  xxl: no key over 16 ms:              slowest %q %s ms %s\n", name, ms(slowest), verdict(slowest <= 16*time.Millisecond))
			fmt.Fprintf(w, "  xxl: peak RSS ≤ 2× large's:          %s MiB vs %s MiB → %s %s\n", mib(r.rss[p]), mib(r.rss[tether]), times(float64(r.rss[p]), float64(r.rss[tether])), verdict(r.rss[p] <= 2*r.rss[tether]))
			r.printDue(w, p, 15*time.Millisecond, "  xxl: tether due ≤ 15 ms:             ")
		}
	}
}

// printDue holds program's tether due to limit, and says what its floor
// takes on the same journal (openRow): where the floor alone is over the
// limit, this machine cannot meet it, whatever tether due reads.
func (r *results) printDue(w io.Writer, program string, limit time.Duration, label string) {
	due, floor := r.median(program, dueRow), r.median(program, openRow)
	fmt.Fprintf(w, "%s%s ms %s; opening alone (floor): %s ms", label, ms(due), verdict(due <= limit), ms(floor))
	if floor > limit {
		fmt.Fprint(w, ", over the limit on this machine")
	}
	fmt.Fprintln(w)
}

// slowestKey is the program's key row with the highest median.
func (r *results) slowestKey(program string) (string, time.Duration) {
	name, slowest := "", time.Duration(0)
	for _, scenario := range r.scenarios(program) {
		if m := r.median(program, scenario); isKey(scenario) && m > slowest {
			name, slowest = scenario, m
		}
	}
	return name, slowest
}

// printKeysAgainst holds each of program's key rows to the same key on
// ref (the same row of the same walk), each by its ratio of medians and
// the bounds of it (ratioInterval): a key is over the limit when the
// whole interval is, under it when the whole interval is, and else not
// settled by this many runs. The verdict is MISSED when any key is over,
// met when every key is under: a key whose ratio sits on the limit can
// swing either way from run to run, and the same code then gets the same
// verdict, "not settled", rather than a coin's.
func (r *results) printKeysAgainst(w io.Writer, program, ref string, limit float64) {
	worstName, worst := "", 0.0
	var over, unsettled []string
	for _, scenario := range r.scenarios(program) {
		base := r.median(ref, scenario)
		if !isKey(scenario) || base == 0 {
			continue
		}
		x := float64(r.median(program, scenario)) / float64(base)
		lo, hi := ratioInterval(r.samples[rowKey(program, scenario)], r.samples[rowKey(ref, scenario)])
		if x > worst {
			worstName, worst = scenario, x
		}
		figure := fmt.Sprintf("%s %.2f× (%.2f–%.2f)", scenario, x, lo, hi)
		if math.IsInf(hi, 1) {
			figure = fmt.Sprintf("%s %.2f× (too few runs to bound it)", scenario, x)
		}
		switch {
		case lo > limit:
			over = append(over, figure)
		case hi > limit:
			unsettled = append(unsettled, figure)
		}
	}
	label := strings.TrimPrefix(strings.TrimSuffix(program, ")"), "tether (")
	v := verdict(len(over) == 0)
	if len(over) == 0 && len(unsettled) > 0 {
		v = "not settled"
	}
	fmt.Fprintf(w, "  %s: every key ≤ %.1f× large's same key: worst %q %s ms vs %s ms → %.2f× %s\n", label, limit,
		worstName, ms(r.median(program, worstName)), ms(r.median(ref, worstName)), worst, v)
	if len(over) > 0 {
		fmt.Fprintf(w, "    over %.1f× (all of its bounds): %s\n", limit, strings.Join(over, "; "))
	}
	if len(unsettled) > 0 {
		fmt.Fprintf(w, "    on %.1f× (its bounds hold it; more runs would tell): %s\n", limit, strings.Join(unsettled, "; "))
	}
}

// ratioInterval bounds the ratio of a's median to b's: a's least
// possible median over b's greatest, and a's greatest over b's least, each
// median bounded by medianBounds with a 5% chance on each side of being
// wrong. A ratio whose true value is at the limit is then called over it
// (lo above the limit) at most one time in ten, whatever the spread of
// the samples and however few there are; with too few to bound a median,
// nothing is called (0 to +Inf). The same figures always give the same
// interval. (A bootstrap of the medians, used before, was too narrow on
// the five samples a CI run takes of a screen switch, and called a key
// over 1.2× that twelve and fifteen runs put at 0.9 to 1.1.)
func ratioInterval(a, b []time.Duration) (lo, hi float64) {
	aLo, aHi, okA := medianBounds(a, 0.05)
	bLo, bHi, okB := medianBounds(b, 0.05)
	if !okA || !okB || bHi <= 0 {
		return 0, math.Inf(1)
	}
	hi = math.Inf(1)
	if bLo > 0 {
		hi = float64(aHi) / float64(bLo)
	}
	return float64(aLo) / float64(bHi), hi
}

// medianBounds is a distribution-free interval of the median that the
// samples ds were drawn from: the k-th least and the k-th greatest of
// them, with k the largest for which fewer than k of the samples fall
// below (or above) the median with a chance of at most tail (a binomial
// count, p = ½). ok is false when even the least and the greatest do not
// bound it so surely (fewer than 5 samples at a tail of 5%).
func medianBounds(ds []time.Duration, tail float64) (lo, hi time.Duration, ok bool) {
	n := len(ds)
	k, below := 0, 0.0 // below: the chance that fewer than k+1 fall below
	for k < n/2 {
		below += math.Exp(logChoose(n, k) - float64(n)*math.Ln2)
		if below > tail {
			break
		}
		k++
	}
	if k == 0 {
		return 0, 0, false
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	return sorted[k-1], sorted[n-k], true
}

// logChoose is the natural log of n choose k.
func logChoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}
