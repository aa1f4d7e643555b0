package views

import (
	"strings"

	"github.com/tether-recovery/tether/model"
)

// heatLevels are the heatmap's cells from no reach-outs to many. They
// differ in shape, not only in colour, so the map reads under NO_COLOR.
var heatLevels = []struct {
	cell  string
	label string
	min   int
}{{"·", "none", 0}, {"░", "1", 1}, {"▒", "2–3", 2}, {"▓", "4–5", 4}, {"█", "6+", 6}}

func heatCell(n int) string {
	cell := heatLevels[0].cell
	for _, l := range heatLevels {
		if n >= l.min {
			cell = l.cell
		}
	}
	return cell
}

// heatmap draws reach-outs per day over the weeks ending with today's
// week: one column per ISO week (oldest left), one row per weekday from
// Monday, month names above the column where a month starts, and a legend.
// Days after today are blank.
func heatmap(counts map[model.Date]int, today model.Date, weeks int, s *Styles) []string {
	first := model.WeekOf(today).Monday().AddDays(-7 * (weeks - 1))
	// Month names sit above the first week of each month, where they fit.
	months := []rune(strings.Repeat(" ", weeks))
	free := 0 // first column not yet covered by a name
	for w := 0; w < weeks; w++ {
		mon := first.AddDays(7 * w)
		name := []rune(mon.Time().Format("Jan"))
		if mon.Day <= 7 && w >= free && w+len(name) <= weeks {
			copy(months[w:], name)
			free = w + len(name) + 1
		}
	}
	lines := []string{s.Muted.Render("    " + string(months))}
	for day := 0; day < 7; day++ {
		var row strings.Builder
		row.WriteString([]string{"Mon ", "    ", "Wed ", "    ", "Fri ", "    ", "Sun "}[day])
		for w := 0; w < weeks; w++ {
			d := first.AddDays(7*w + day)
			if d.After(today) {
				row.WriteString(" ")
				continue
			}
			row.WriteString(heatCell(counts[d]))
		}
		lines = append(lines, row.String())
	}
	var legend []string
	for _, l := range heatLevels {
		legend = append(legend, l.cell+" "+l.label)
	}
	lines = append(lines, s.Muted.Render("    "+strings.Join(legend, "  ")+"  reach-outs a day"))
	return lines
}
