package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/tether-recovery/tether/store/sample"
)

// results keeps every sample, by program and scenario, in the order first
// seen so the table reads like the walk through the app.
type results struct {
	order   []string
	samples map[string][]time.Duration
	rss     map[string]int // peak KiB over all runs
	rssSeen []string
}

func newResults() *results {
	return &results{samples: map[string][]time.Duration{}, rss: map[string]int{}}
}

func rowKey(program, scenario string) string { return program + "\x00" + scenario }

func (r *results) add(program, scenario string, d time.Duration) {
	k := rowKey(program, scenario)
	if _, ok := r.samples[k]; !ok {
		r.order = append(r.order, k)
	}
	r.samples[k] = append(r.samples[k], d)
}

func (r *results) addRSS(program string, kb int) {
	if _, ok := r.rss[program]; !ok {
		r.rssSeen = append(r.rssSeen, program)
	}
	if kb > r.rss[program] {
		r.rss[program] = kb
	}
}

func median(ds []time.Duration) time.Duration { return quantile(ds, 0.5) }

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(q*float64(len(s)-1)+0.5)]
}

// keysOf pools every keypress sample of a program: all but its starts
// and `tether due`, which is a whole process, not a key.
func (r *results) keysOf(program string) []time.Duration {
	var all []time.Duration
	for _, k := range r.order {
		p, scenario, _ := strings.Cut(k, "\x00")
		if p == program && isKey(scenario) {
			all = append(all, r.samples[k]...)
		}
	}
	return all
}

// isKey says whether a row is a keypress that can be compared with
// another program's: abook's search prompt is a keypress but unlike any of
// Tether's (see abookSearch).
func isKey(scenario string) bool {
	return !strings.HasPrefix(scenario, "first full frame") && !isWholeProcess(scenario) && scenario != abookSearch
}

// programs are the programs with rows, in the order first seen.
func (r *results) programs() []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range r.order {
		p, _, _ := strings.Cut(k, "\x00")
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// scenarios are a program's rows, in the order first seen.
func (r *results) scenarios(program string) []string {
	var out []string
	for _, k := range r.order {
		if p, scenario, _ := strings.Cut(k, "\x00"); p == program {
			out = append(out, scenario)
		}
	}
	return out
}

func (r *results) median(program, scenario string) time.Duration {
	return median(r.samples[rowKey(program, scenario)])
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }

func mib(kb int) string { return fmt.Sprintf("%.1f", float64(kb)/1024) }

// times is a÷b as "1.23×", or "" when there is no b.
func times(a, b float64) string {
	if b <= 0 {
		return ""
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func (r *results) print(w io.Writer, withAbook bool, sizes []sample.Size) {
	abookFrame := r.median("abook", "first full frame")
	abookKey := median(r.keysOf("abook"))
	fmt.Fprintln(w, "\nmedians in ms, 100×30 tmux pane; ratio = Tether ÷ abook (target ≤ 1.5), for a start")
	fmt.Fprintln(w, "against abook's start and for a key against abook's pooled key (its search prompt left out)")
	fmt.Fprintf(w, "%-34s %-34s %8s %8s %5s %8s\n", "program", "measure", "median", "p90", "n", "ratio")
	for _, k := range r.order {
		program, scenario, _ := strings.Cut(k, "\x00")
		ds := r.samples[k]
		ratio := ""
		if withAbook && strings.HasPrefix(program, "tether") {
			switch {
			case scenario == "first full frame":
				ratio = times(float64(median(ds)), float64(abookFrame))
			case isKey(scenario):
				ratio = times(float64(median(ds)), float64(abookKey))
			}
		}
		fmt.Fprintf(w, "%-34s %-34s %8s %8s %5d %8s\n", program, scenario, ms(median(ds)), ms(quantile(ds, 0.9)), len(ds), strings.TrimSuffix(ratio, "×"))
	}
	for _, p := range r.programs() {
		pooled := r.keysOf(p)
		if (p != "abook" && !strings.HasPrefix(p, "tether")) || p == emptyProgram || len(pooled) == 0 {
			continue
		}
		fmt.Fprintf(w, "%-34s %-34s %8s %8s %5d\n", p, "any key (pooled)", ms(median(pooled)), ms(quantile(pooled, 0.9)), len(pooled))
	}

	fmt.Fprintln(w, "\npeak resident memory (VmHWM), MiB; target for Tether ≤ 20")
	for _, p := range r.rssSeen {
		fmt.Fprintf(w, "%-34s %8s\n", p, mib(r.rss[p]))
	}
	if len(sizes) > 1 {
		r.printSizes(w, sizes)
	}
	r.printTargets(w, withAbook, sizes)
}
