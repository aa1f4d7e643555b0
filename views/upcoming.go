package views

import "strings"

// upcomingModel stands in for a screen a later version builds. It says
// plainly what will be there: no sample data dressed up as the person's own.
type upcomingModel struct {
	styles        *Styles
	title, what   string
	width, height int
}

func (m upcomingModel) view() string {
	w, h := m.width, m.height
	if w <= 0 {
		w, h = 80, 20
	}
	return clip(strings.Join([]string{m.styles.Title.Render(m.title), "", wrap(m.what, w)}, "\n"), w, h)
}
