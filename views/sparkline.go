package views

import (
	"strings"

	"github.com/tether-recovery/tether/model"
)

var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws one cell per day, scaled from lo to hi; a day without an
// answer is a gap ("·"), never a zero, so missing days don't look like bad
// ones.
func sparkline(points []model.Point, lo, hi float64) string {
	var b strings.Builder
	for _, p := range points {
		if !p.OK {
			b.WriteRune('·')
			continue
		}
		i := 0
		if hi > lo {
			i = int((p.Value - lo) / (hi - lo) * float64(len(sparkBlocks)-1))
		}
		b.WriteRune(sparkBlocks[max(0, min(len(sparkBlocks)-1, i))])
	}
	return b.String()
}
