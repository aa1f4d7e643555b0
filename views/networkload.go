package views

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// networkData is everything the review shows, read in one command.
type networkData struct {
	// short.Faded is the stretch of who has faded read so far, from the
	// fadedFrom-th of them; short.FadedCount is how many they are.
	short, long model.NetworkHealth
	fadedFrom   int
	circles     map[model.Circle]model.CircleMembers
	counts      map[model.Date]int
	mood        []model.Point // weekly averages
	craving     []model.Point
	checkups    map[model.Instrument][]model.Checkup
	lastTaken   map[model.Instrument]model.Date
	// risky are the first riskyShown people marked as supporting using,
	// over the long window, with the days a hard check-in followed contact
	// with them; riskyCount is how many such people there are.
	risky      []model.RiskyTie
	riskyCount int
}

type networkLoadedMsg struct {
	data networkData
	err  error
	gen  int // which load it answers: an older one is dropped
}

// fadedLoadedMsg is a stretch of who has faded, from the from-th of
// them, read as the page scrolls to it.
type fadedLoadedMsg struct {
	from   int
	people []model.Contact
	total  int
	err    error
	gen    int  // the load it belongs to
	ask    int  // which read of a stretch it answers
	open   bool // enter was pressed on the one chosen before it was read: go to them
}

func (m *networkModel) load() tea.Cmd {
	st, today, gen := m.st, model.Today(m.clock), m.fresh()
	names := circleNamesFor(m.pageWidth())
	return func() tea.Msg {
		d, err := loadNetwork(context.Background(), st, today, names)
		return networkLoadedMsg{data: d, err: err, gen: gen}
	}
}

// fresh starts a load: what an earlier one answers later is dropped.
func (m *networkModel) fresh() int {
	m.gen++
	m.loading = true
	m.fadedAsking = false
	return m.gen
}

// riskyShown is how many people marked as supporting using the review
// names; the rest are counted.
const riskyShown = 5

// checkupPoints is how many check-ups of each kind the trends draw.
const checkupPoints = 40

// loadNetwork reads the review: the figures of the two windows and how
// many have faded (which of them, as the page scrolls to them: see
// readFadedInSight), each circle's count and first names, the people who
// support using most in touch, a year of daily counts, half a year of
// check-ins and the recent check-ups. Each is read from a summary or an
// index: never everyone, nor the whole log.
func loadNetwork(ctx context.Context, st Store, today model.Date, names int) (networkData, error) {
	var d networkData
	var err error
	if d.short, err = st.Health(ctx, today.AddDays(1-shortWindow), today); err != nil {
		return d, err
	}
	if _, d.short.FadedCount, err = st.Faded(ctx, today, 0, 0); err != nil {
		return d, err
	}
	longFrom := today.AddDays(1 - longWindow)
	if d.long, err = st.Health(ctx, longFrom, today); err != nil {
		return d, err
	}
	if d.circles, err = st.CircleMembers(ctx, names); err != nil {
		return d, err
	}
	if d.counts, err = st.ReachOutCounts(ctx, today.AddDays(-7*heatWeeks), today); err != nil {
		return d, err
	}
	thisWeek := model.WeekOf(today)
	from := model.WeekOf(thisWeek.Monday().AddDays(-7 * (trendWeeks - 1)))
	cis, err := st.CheckIns(ctx, from.Monday(), today)
	if err != nil {
		return d, err
	}
	using, total, err := st.UsingPeople(ctx, longFrom, today, riskyShown)
	if err != nil {
		return d, err
	}
	ids := make([]int64, len(using))
	for i, c := range using {
		ids[i] = c.ID
	}
	ros, err := st.MomentsWith(ctx, ids, longFrom, today)
	if err != nil {
		return d, err
	}
	d.risky, d.riskyCount = model.RiskyTies(using, ros, cis, longFrom, today), total
	d.mood = model.WeeklySeries(cis, from, thisWeek, model.MoodOf)
	d.craving = model.WeeklySeries(cis, from, thisWeek, model.CravingOf)
	d.checkups = map[model.Instrument][]model.Checkup{}
	for _, i := range model.Instruments {
		if d.checkups[i], err = st.RecentCheckups(ctx, i, checkupPoints); err != nil {
			return d, err
		}
	}
	d.lastTaken, err = st.LastCheckups(ctx)
	return d, err
}

// loadFaded reads the stretch of the faded from the from-th, limit long;
// open goes to the one chosen once it is read.
func (m *networkModel) loadFaded(from, limit int, open bool) tea.Cmd {
	m.fadedAsk++
	m.fadedAsking = true
	st, today, gen, ask := m.st, model.Today(m.clock), m.gen, m.fadedAsk
	return func() tea.Msg {
		people, total, err := st.Faded(context.Background(), today, from, limit)
		return fadedLoadedMsg{from: from, people: people, total: total, err: err, gen: gen, ask: ask, open: open}
	}
}

// readFadedInSight reads the faded people the screen shows when they are
// not in the stretch held, with a screenful on either side.
func (m *networkModel) readFadedInSight() tea.Cmd {
	p, d := m.page, m.data
	if p == nil || p.fadedStart < 0 || m.fadedAsking {
		return nil
	}
	h := max(1, m.height)
	first := max(0, m.scroll-p.fadedStart)
	last := min(d.short.FadedCount, m.scroll+h-p.fadedStart)
	if last <= first || first >= d.fadedFrom && last <= d.fadedFrom+len(d.short.Faded) {
		return nil
	}
	from := max(0, first-h)
	return m.loadFaded(from, last-from+h, false)
}

// chosenFaded is the faded person chosen, when they are in the stretch
// held.
func (m networkModel) chosenFaded() (model.Contact, bool) {
	d := m.data
	if i := m.cursor - d.fadedFrom; i >= 0 && i < len(d.short.Faded) {
		return d.short.Faded[i], true
	}
	return model.Contact{}, false
}
