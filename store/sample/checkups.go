package sample

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/tether-recovery/tether/model"
)

// The check-ups: BARC-10 (recovery capital) about monthly and MSPSS
// (support felt) about quarterly, the way a person might take them before
// seeing their therapist. The scores climb slowly, with the wobbles real
// answers have: self-reflection, never a verdict.

// LargeBARC10 and LargeMSPSS are how many of each the large journal holds:
// two years of them.
const (
	LargeBARC10 = 24
	LargeMSPSS  = 8
)

// smallCheckups are the demo's few: five BARC-10s over five months, the
// one after the lapse a little lower than the one before, and two MSPSS.
// The last BARC-10 is just over a month old, so the demo's Today has a
// check-up to suggest.
func smallCheckups(r *rand.Rand, today model.Date) []model.Checkup {
	d := days{today}
	var out []model.Checkup
	for _, p := range []struct {
		ago   int
		score float64 // BARC-10 total, 10–60
	}{{150, 34}, {120, 37}, {91, 40}, {61, 43}, {33, 41}} {
		out = append(out, checkupScoring(r, model.BARC10, d.ago(p.ago), d.at(p.ago), p.score))
	}
	for _, p := range []struct {
		ago   int
		score float64 // MSPSS mean, 1–7
	}{{180, 4.3}, {88, 5.2}} {
		out = append(out, checkupScoring(r, model.MSPSS, d.ago(p.ago), d.at(p.ago), p.score))
	}
	return sortCheckups(out)
}

// largeCheckups are the large journal's last two years: a BARC-10 every
// 30 days (the last twelve days ago) rising from the high 30s to the
// mid 50s, and an MSPSS every 91 days (the last forty days ago) from about
// 4.5 to 6.
func largeCheckups(r *rand.Rand, today model.Date) []model.Checkup {
	d := days{today}
	var out []model.Checkup
	for k := LargeBARC10 - 1; k >= 0; k-- {
		ago := 12 + 30*k
		progress := float64(LargeBARC10-1-k) / float64(LargeBARC10-1)
		score := 38 + 16*math.Sqrt(progress) + float64(r.IntN(5)) - 2
		out = append(out, checkupScoring(r, model.BARC10, d.ago(ago), d.at(ago), score))
	}
	for k := LargeMSPSS - 1; k >= 0; k-- {
		ago := 40 + 91*k
		progress := float64(LargeMSPSS-1-k) / float64(LargeMSPSS-1)
		score := 4.5 + 1.5*progress + (r.Float64()-0.5)*0.4
		out = append(out, checkupScoring(r, model.MSPSS, d.ago(ago), d.at(ago), score))
	}
	return sortCheckups(out)
}

// checkupScoring answers every item of an instrument so that the score
// comes out at (about) score: each answer near the mean, a few a step
// higher or lower, never off the scale.
func checkupScoring(r *rand.Rand, i model.Instrument, day model.Date, at time.Time, score float64) model.Checkup {
	info, _ := i.Info()
	n, top := len(info.Items), len(info.Scale)
	total := int(math.Round(score))
	if i == model.MSPSS { // the mean of the answers
		total = int(math.Round(score * float64(n)))
	}
	total = max(n, min(total, n*top))
	answers := make([]int, n)
	for k := range answers {
		answers[k] = total / n
	}
	for k := range total % n {
		answers[(k*7+r.IntN(n))%n]++
	}
	// Whatever landed off the scale (two increments on one item at the
	// top) goes back to an item with room.
	for k := range answers {
		for answers[k] > top {
			answers[k]--
			for j := range answers {
				if answers[j] < top {
					answers[j]++
					break
				}
			}
		}
	}
	// Texture: move a step from one item to another a few times.
	for range 3 {
		a, b := r.IntN(n), r.IntN(n)
		if a != b && answers[a] > 1 && answers[b] < top {
			answers[a]--
			answers[b]++
		}
	}
	return model.Checkup{Instrument: i, Day: day, Answers: answers, CreatedAt: at}
}

// sortCheckups puts a journal's check-ups in day order, BARC-10 before
// MSPSS on the same day, as they would have been taken.
func sortCheckups(cs []model.Checkup) []model.Checkup {
	slices.SortStableFunc(cs, func(a, b model.Checkup) int {
		if c := a.Day.Time().Compare(b.Day.Time()); c != 0 {
			return c
		}
		return strings.Compare(string(a.Instrument), string(b.Instrument))
	})
	return cs
}
