package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
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

// keysOf pools every keypress sample of a program: all but start-up and
// `tether due`, which is a whole process, not a key.
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

func isKey(scenario string) bool {
	return scenario != "first full frame" && scenario != "due (whole process)"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }

func (r *results) print(w io.Writer, withAbook bool) {
	abookFrame := median(r.samples[rowKey("abook", "first full frame")])
	abookKey := median(r.keysOf("abook"))
	fmt.Fprintln(w, "\nmedians in ms, 100×30 tmux pane; ratio = Tether ÷ abook (target ≤ 1.5)")
	fmt.Fprintf(w, "%-32s %-28s %8s %8s %5s %8s\n", "program", "measure", "median", "p90", "n", "ratio")
	for _, k := range r.order {
		program, scenario, _ := strings.Cut(k, "\x00")
		ds := r.samples[k]
		ratio := ""
		if withAbook && strings.HasPrefix(program, "tether") && scenario != "due (whole process)" {
			ref := abookKey
			if scenario == "first full frame" {
				ref = abookFrame
			}
			if ref > 0 {
				ratio = fmt.Sprintf("%.2f", float64(median(ds))/float64(ref))
			}
		}
		fmt.Fprintf(w, "%-32s %-28s %8s %8s %5d %8s\n", program, scenario, ms(median(ds)), ms(quantile(ds, 0.9)), len(ds), ratio)
	}
	if withAbook {
		fmt.Fprintf(w, "%-32s %-28s %8s %8s %5d\n", "abook", "any key (pooled)", ms(abookKey), ms(quantile(r.keysOf("abook"), 0.9)), len(r.keysOf("abook")))
	}
	for _, p := range []string{"tether", bubbleTeaRenderer, "tether (before)"} {
		if len(r.keysOf(p)) == 0 {
			continue
		}
		fmt.Fprintf(w, "%-32s %-28s %8s %8s %5d\n", p, "any key (pooled)", ms(median(r.keysOf(p))), ms(quantile(r.keysOf(p), 0.9)), len(r.keysOf(p)))
	}

	fmt.Fprintln(w, "\npeak resident memory (VmHWM), MiB; target for Tether ≤ 20")
	for _, p := range r.rssSeen {
		fmt.Fprintf(w, "%-32s %8.1f\n", p, float64(r.rss[p])/1024)
	}

	large := median(r.samples[rowKey("tether", "first full frame")])
	empty := median(r.samples[rowKey("tether (empty journal)", "first full frame")])
	fmt.Fprintln(w, "\ntargets")
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	if withAbook {
		fmt.Fprintf(w, "  first frame ≤ 1.5× abook:           %s ms vs %s ms → %.2f× %s\n", ms(large), ms(abookFrame), float64(large)/float64(abookFrame), verdict(float64(large) <= 1.5*float64(abookFrame)))
		worst, worstName := time.Duration(0), ""
		for _, k := range r.order {
			program, scenario, _ := strings.Cut(k, "\x00")
			if program == "tether" && isKey(scenario) {
				if m := median(r.samples[k]); m > worst {
					worst, worstName = m, scenario
				}
			}
		}
		fmt.Fprintf(w, "  every key ≤ 1.5× abook's:            slowest %q %s ms vs %s ms → %.2f× %s\n", worstName, ms(worst), ms(abookKey), float64(worst)/float64(abookKey), verdict(float64(worst) <= 1.5*float64(abookKey)))
	}
	floor := median(r.samples[rowKey(floorProgram, "first full frame")])
	fmt.Fprintf(w, "  beyond the floor (same binary size, reads nothing): large %s ms, empty %s ms\n", ms(large-floor), ms(empty-floor))
	if withAbook {
		fmt.Fprintf(w, "    (the floor is %.2f× abook; 1.5× abook leaves %s ms for opening, reading and drawing)\n",
			float64(floor)/float64(abookFrame), ms(abookFrame*3/2-floor))
	}
	fmt.Fprintf(w, "  large journal no slower than empty:  %s ms vs %s ms → %.2f×\n", ms(large), ms(empty), float64(large)/float64(empty))
	fmt.Fprintf(w, "  peak RSS ≤ 20 MiB:                   %.1f MiB %s\n", float64(r.rss["tether"])/1024, verdict(r.rss["tether"] <= 20*1024))
	due := median(r.samples[rowKey("tether", "due (whole process)")])
	fmt.Fprintf(w, "  tether due ≤ 10 ms:                  %s ms %s\n", ms(due), verdict(due <= 10*time.Millisecond))
}
