package model

import "slices"

// CountRange is the counts From to To, both included.
type CountRange struct{ From, To int }

// ShadeRanges splits the days that had any reach-outs into at most shades
// shades by the quantiles of their counts, so a heatmap is shaded by the
// person's own range: a year of ten a day is not one solid block, and a
// quiet year is not one faint one. Days without any are not counted; they
// are a shade of their own.
//
// The cuts are at the k/shades quantiles of the non-zero counts (nearest
// rank): with four shades, at the 25th, 50th and 75th percentiles. A count
// at a cut belongs to the lighter shade. Counts that tie at a cut share a
// shade, so a year of few different counts has fewer shades, down to one
// when every day had the same count.
//
// The ranges rise and touch: the first starts at the smallest count, each
// next one right after the one before, and the last ends at the largest.
// No ranges when no day had any.
func ShadeRanges(counts []int, shades int) []CountRange {
	days := make([]int, 0, len(counts))
	for _, c := range counts {
		if c > 0 {
			days = append(days, c)
		}
	}
	if len(days) == 0 || shades < 1 {
		return nil
	}
	slices.Sort(days)
	ranges := []CountRange{{From: days[0]}}
	for k := 1; k < shades; k++ {
		rank := (k*len(days) + shades - 1) / shades // ceil(k·n/shades), from 1
		cut := days[rank-1]
		if cut >= ranges[len(ranges)-1].From && cut < days[len(days)-1] {
			ranges[len(ranges)-1].To = cut
			ranges = append(ranges, CountRange{From: cut + 1})
		}
	}
	ranges[len(ranges)-1].To = days[len(days)-1]
	return ranges
}
