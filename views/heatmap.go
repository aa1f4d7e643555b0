package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// heatNone is a day without reach-outs, and heatShades the days with some,
// from fewer to more. They differ in shape, not only in colour, so the map
// and its legend read the same under NO_COLOR.
const heatNone = "·"

var heatShades = []string{"░", "▒", "▓", "█"}

// heatScale is the shade of each range of counts (model.ShadeRanges),
// spread over heatShades from the lightest to the darkest, so two ranges
// are as far apart as the shades allow and one range is the darkest.
type heatScale []model.CountRange

func (sc heatScale) shade(i int) string {
	if len(sc) == 1 {
		return heatShades[len(heatShades)-1]
	}
	last := len(heatShades) - 1
	return heatShades[(i*last*2+len(sc)-1)/(2*(len(sc)-1))] // i·last/(len−1), rounded
}

// cell is the shade of a day with n reach-outs.
func (sc heatScale) cell(n int) string {
	if n <= 0 || len(sc) == 0 {
		return heatNone
	}
	for i := len(sc) - 1; i > 0; i-- {
		if n >= sc[i].From {
			return sc.shade(i)
		}
	}
	return sc.shade(0)
}

// legend says what each shade means, in reach-outs a day: its parts,
// each kept whole on a line.
func (sc heatScale) legend() []string {
	if len(sc) == 0 {
		return []string{heatNone + " a day without reach-outs"}
	}
	parts := []string{"reach-outs a day: " + heatNone + " 0"}
	for i, r := range sc {
		n := fmt.Sprint(r.From)
		if r.To > r.From {
			n = fmt.Sprintf("%d–%d", r.From, r.To)
		}
		parts = append(parts, sc.shade(i)+" "+n)
	}
	return parts
}

// heatmap draws reach-outs per day over the weeks ending with today's
// week: one column per ISO week (oldest left), one row per weekday from
// Monday, month names above the column where a month starts, and a legend
// wrapped to w. The shades follow the person's own range over the days
// drawn (see model.ShadeRanges). Days after today are blank.
func heatmap(counts map[model.Date]int, today model.Date, weeks, w int, s *Styles) []string {
	first := model.WeekOf(today).Monday().AddDays(-7 * (weeks - 1))
	shown := make([]int, 0, 7*weeks)
	for d := first; !d.After(today); d = d.AddDays(1) {
		shown = append(shown, counts[d])
	}
	scale := heatScale(model.ShadeRanges(shown, len(heatShades)))

	// Month names sit above the first week of each month, where they fit.
	months := []rune(strings.Repeat(" ", weeks))
	free := 0 // first column not yet covered by a name
	for col := 0; col < weeks; col++ {
		mon := first.AddDays(7 * col)
		name := []rune(mon.Time().Format("Jan"))
		if mon.Day <= 7 && col >= free && col+len(name) <= weeks {
			copy(months[col:], name)
			free = col + len(name) + 1
		}
	}
	lines := []string{s.Muted.Render("    " + string(months))}
	paint := func(cells string, shaded bool) string {
		if shaded {
			return s.Heat.Render(cells)
		}
		return s.Muted.Render(cells)
	}
	for day := 0; day < 7; day++ {
		var row, run strings.Builder // run: the cells of one look, drawn as one
		runShaded := false
		row.WriteString([]string{"Mon ", "    ", "Wed ", "    ", "Fri ", "    ", "Sun "}[day])
		for col := 0; col < weeks; col++ {
			d := first.AddDays(7*col + day)
			cell := " "
			if !d.After(today) {
				cell = scale.cell(counts[d])
			}
			shaded := slices.Contains(heatShades, cell)
			if run.Len() > 0 && shaded != runShaded {
				row.WriteString(paint(run.String(), runShaded))
				run.Reset()
			}
			runShaded = shaded
			run.WriteString(cell)
		}
		row.WriteString(paint(run.String(), runShaded))
		lines = append(lines, row.String())
	}
	for _, l := range flow(scale.legend(), "  ", max(1, w-4), max(1, w-4)) {
		lines = append(lines, s.Muted.Render("    "+l))
	}
	return lines
}
