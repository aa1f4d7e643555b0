package model

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestShadeRanges(t *testing.T) {
	oneToTwelve := []int{}
	for i := 1; i <= 12; i++ {
		oneToTwelve = append(oneToTwelve, i)
	}
	busy := []int{}
	for range 300 {
		busy = append(busy, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25)
	}
	tests := []struct {
		name   string
		counts []int
		shades int
		want   []CountRange
	}{
		{"no days", nil, 4, nil},
		{"zero only", []int{0, 0, 0}, 4, nil},
		{"one day", []int{0, 0, 5, 0}, 4, []CountRange{{5, 5}}},
		{"all equal", []int{3, 3, 3, 3, 3, 0}, 4, []CountRange{{3, 3}}},
		{"two counts", []int{1, 1, 1, 1, 1, 1, 2, 0}, 4, []CountRange{{1, 1}, {2, 2}}},
		{"the quartiles of 1 to 12", oneToTwelve, 4, []CountRange{{1, 3}, {4, 6}, {7, 9}, {10, 12}}},
		{"order does not matter", []int{12, 1, 11, 2, 10, 3, 9, 4, 8, 5, 7, 6}, 4, []CountRange{{1, 3}, {4, 6}, {7, 9}, {10, 12}}},
		// The large sample's shape: every day busy, so one solid block on a
		// fixed scale; on the person's own, four shades.
		{"many busy days", busy, 4, []CountRange{{6, 10}, {11, 15}, {16, 20}, {21, 25}}},
		// Mostly ones with a few busy days: the ones are their own shade,
		// and the cuts that fall on them are not shades of their own.
		{"ties at the cuts", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 9, 0, 0}, 4, []CountRange{{1, 1}, {2, 9}}},
		{"one shade asked", oneToTwelve, 1, []CountRange{{1, 12}}},
		{"no shades asked", oneToTwelve, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ShadeRanges(tt.counts, tt.shades); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ShadeRanges(%v, %d) = %v, want %v", tt.counts, tt.shades, got, tt.want)
			}
		})
	}
}

// Whatever the counts, the ranges rise and touch from the smallest count
// to the largest, at most as many as asked, and each holds a day.
func TestShadeRangesCoverEveryDay(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		counts := make([]int, r.IntN(40))
		lo, hi := 0, 0
		for i := range counts {
			counts[i] = r.IntN(1 + r.IntN(30))
			if c := counts[i]; c > 0 && (lo == 0 || c < lo) {
				lo = c
			}
			hi = max(hi, counts[i])
		}
		shades := 1 + r.IntN(5)
		got := ShadeRanges(counts, shades)
		if hi == 0 {
			if got != nil {
				t.Fatalf("%v: %v for no days", counts, got)
			}
			continue
		}
		if len(got) == 0 || len(got) > shades || got[0].From != lo || got[len(got)-1].To != hi {
			t.Fatalf("ShadeRanges(%v, %d) = %v: not %d..%d in at most %d", counts, shades, got, lo, hi, shades)
		}
		for i, g := range got {
			if g.From > g.To || i > 0 && g.From != got[i-1].To+1 {
				t.Fatalf("ShadeRanges(%v, %d) = %v: range %d does not rise or touch", counts, shades, got, i)
			}
			held := false
			for _, c := range counts {
				held = held || c >= g.From && c <= g.To
			}
			if !held {
				t.Fatalf("ShadeRanges(%v, %d) = %v: range %d holds no day", counts, shades, got, i)
			}
		}
	}
}
