package views

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	tea "charm.land/bubbletea/v2"

	"github.com/tether-recovery/tether/model"
)

// fakeStore is an in-memory Store for view tests. It applies the same
// normalization and validation the real store does.
type fakeStore struct {
	mu             sync.Mutex
	contacts       map[int64]model.Contact
	reachOuts      map[int64]model.ReachOut
	checkIns       map[model.Date]model.CheckIn
	start          model.Date
	reflects       map[model.Week]model.Reflection
	prompts        []string
	settings       model.Settings
	plan           model.SafetyPlan
	quietDismissed model.Date
	plans          map[int64]model.Plan
	checkups       []model.Checkup
	version        int64 // data version: bumped by changes "from another window"
	nextID         int64
	stamps         int // versions handed out (see stamp)
	saveErr        error
	saves          int
	// contactReads counts contact-list queries: switching screens must not
	// repeat them when nothing changed.
	contactReads int
	// pagesAsked is the limit of each page of contacts asked for.
	pagesAsked []int
	// cardReads counts reads of the crisis card's people.
	cardReads int
	// filtersPrepared counts PrepareFilter's calls.
	filtersPrepared int
	// reflectionReads counts week reads, to see the read-ahead at work.
	reflectionReads int
	// reflectionErr, when set, fails every week read.
	reflectionErr error
	// historyReads counts reads of a person's history.
	historyReads int
	// countsErr, when set, fails the heatmap's read (Network's alone), and
	// networkReads counts that read: one per load of Network.
	countsErr    error
	networkReads int
	// fadedAsked and weeksAsked are how many of the faded, and of the past
	// weeks, each read asked for: a screenful or so, never all.
	fadedAsked []int
	weeksAsked []int
}

func newFakeStore(cs ...model.Contact) *fakeStore {
	f := &fakeStore{contacts: map[int64]model.Contact{}, reachOuts: map[int64]model.ReachOut{}, checkIns: map[model.Date]model.CheckIn{}, reflects: map[model.Week]model.Reflection{},
		plans:    map[int64]model.Plan{},
		settings: model.DefaultSettings()}
	for _, c := range cs {
		f.nextID++
		c.ID = f.nextID
		f.contacts[c.ID] = c.Normalize()
	}
	return f
}

// withDerived fills a contact's LastContact and Reached30 from the log.
func (f *fakeStore) withDerived(c model.Contact, today model.Date) model.Contact {
	c.LastContact, c.Reached30 = time.Time{}, 0
	for _, r := range f.reachOuts {
		if r.ContactID != c.ID {
			continue
		}
		if r.At.After(c.LastContact) {
			c.LastContact = r.At
		}
		if d := r.Day(); !today.IsZero() && !d.After(today) && today.DaysSince(d) < 30 {
			c.Reached30++
		}
	}
	return c
}

// PeopleNamed is model.PeopleNamed of the active list, as the real store's
// answer must be (store.TestPeopleNamedAgreesWithTheModel).
func (f *fakeStore) PeopleNamed(_ context.Context, text string) ([]model.Contact, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return model.PeopleNamed(text, f.list(false, model.Date{})), nil
}

// list is one tab of the contact list, in order; f.mu is held.
func (f *fakeStore) list(archived bool, today model.Date) []model.Contact {
	var out []model.Contact
	for _, c := range f.contacts {
		if c.Archived == archived {
			out = append(out, f.withDerived(c, today))
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := out[i].SortKey(), out[j].SortKey(); a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// ContactPage is a page of one tab of the list, filtered as the real
// store filters (store.TestContactPageAgreesWithTheWholeList). pagesAsked
// records each page's limit.
func (f *fakeStore) ContactPage(_ context.Context, q model.ContactQuery) (model.ContactPage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.contactReads++
	f.pagesAsked = append(f.pagesAsked, q.Limit)
	list := f.list(q.Archived && !q.Due, q.Today)
	words := strings.Fields(model.Fold(q.Filter))
	var shown []model.Contact
	for _, c := range list {
		if matchesAll(c.SearchText(), words) {
			shown = append(shown, c)
		}
	}
	if q.Due {
		shown = model.WhoNext(shown, q.Today, model.QuietCircles(model.LatestByCircle(list), q.Today))
	}
	p := model.ContactPage{All: len(list), Total: len(shown),
		At: slices.IndexFunc(shown, func(c model.Contact) bool { return q.Land != 0 && c.ID == q.Land })}
	if q.Limit > 0 {
		p.Offset = q.Offset
		if p.At >= 0 {
			p.Offset = p.At - q.Limit/2
		}
		p.Offset = max(0, min(p.Offset, len(shown)-q.Limit))
		shown = shown[:min(len(shown), p.Offset+q.Limit)]
	}
	p.Contacts = shown[p.Offset:]
	for i := range p.Contacts {
		p.Contacts[i].Reached30 = 0 // as the store's: a person's details read it (ContactHistory)
	}
	return p, nil
}

// PrepareFilter counts the lists made ready for a filter.
func (f *fakeStore) PrepareFilter(context.Context, bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.filtersPrepared++
	return nil
}

// LookAlike is the first of the active, then the archived, whose name
// looks the same.
func (f *fakeStore) LookAlike(_ context.Context, id int64, name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	want := model.LookAlikeKey(name)
	for _, c := range append(f.list(false, model.Date{}), f.list(true, model.Date{})...) {
		if c.ID != id && model.LookAlikeKey(c.Name) == want {
			return c.Name, nil
		}
	}
	return "", nil
}

// Roster is the active list counted, and WhoNext of it, as the real
// store's answer must be (store.TestRosterAgreesWithTheWholeList).
func (f *fakeStore) Roster(_ context.Context, today model.Date, first int) (model.Roster, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	active := f.list(false, today)
	quiet := model.QuietCircles(model.LatestByCircle(active), today)
	r := model.Roster{Active: len(active), Due: model.WhoNext(active, today, quiet), Quiet: quiet}
	r.DueCount = len(r.Due)
	if first > 0 && len(r.Due) > first {
		r.Due = r.Due[:first]
	}
	for _, c := range active {
		if c.AnyTime {
			r.AnyTime++
		}
	}
	return r, nil
}

func (f *fakeStore) SaveContact(_ context.Context, c model.Contact) (model.Contact, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.Contact{}, f.saveErr
	}
	c = c.Normalize()
	if p := c.Validate(model.Date{}); len(p) > 0 {
		return model.Contact{}, p
	}
	if c.ID == 0 {
		f.nextID++
		c.ID = f.nextID
	} else if stored, ok := f.contacts[c.ID]; !ok {
		return model.Contact{}, errors.New("not found")
	} else if !stored.UpdatedAt.Equal(c.UpdatedAt) {
		return model.Contact{}, &model.ChangedError{What: stored.Name, Theirs: stored}
	}
	f.saves++
	c.LastContact, c.Reached30 = time.Time{}, 0
	c.UpdatedAt = f.stamp()
	f.contacts[c.ID] = c
	return c, nil
}

// stamp is a new version, later than any before: the real store's clock.
func (f *fakeStore) stamp() time.Time {
	f.stamps++
	return fixedClock.Now().Add(time.Duration(f.stamps) * time.Millisecond)
}

// changeElsewhere saves a change as another window would: the next save
// of the same record from the app finds it changed.
func (f *fakeStore) changeElsewhere(change func(f *fakeStore)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	change(f)
	f.version++
}

func (f *fakeStore) SetArchived(_ context.Context, id int64, archived bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.contacts[id]
	if !ok {
		return errors.New("not found")
	}
	c.Archived = archived
	f.contacts[id] = c
	return nil
}

// Search finds contacts by name or notes and reach-outs by note, folded
// and by the start of words, as the store does.
func (f *fakeStore) Search(_ context.Context, text string, limit int) ([]model.SearchHit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	words := strings.Fields(model.Fold(text))
	has := func(s string) bool {
		folded := " " + strings.Join(strings.FieldsFunc(model.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
		for _, w := range words {
			if !strings.Contains(folded, " "+w) {
				return false
			}
		}
		return len(words) > 0
	}
	var out []model.SearchHit
	for _, c := range append(f.list(false, model.Date{}), f.list(true, model.Date{})...) {
		if has(c.Name+" "+c.Nickname+" "+c.Notes) && len(out) < limit {
			out = append(out, model.SearchHit{Kind: model.SearchContact, ContactID: c.ID, Title: c.Name, Snippet: c.Notes})
		}
	}
	for _, r := range f.reachOuts {
		if has(r.Note) {
			out = append(out, model.SearchHit{Kind: model.SearchReachOut, ContactID: r.ContactID, ReachOutID: r.ID, Day: r.Day(),
				Title: f.contacts[r.ContactID].Name, Snippet: r.Note})
		}
	}
	return out, nil
}

func (f *fakeStore) DeleteCheckIn(_ context.Context, day model.Date) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.checkIns[day]; !ok {
		return errors.New("no check-in that day")
	}
	delete(f.checkIns, day)
	return nil
}

func (f *fakeStore) DismissQuiet(_ context.Context, day model.Date) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.quietDismissed = day
	return nil
}

// QuietFacts follows store.QuietFacts over the fake's log.
func (f *fakeStore) QuietFacts(_ context.Context, today model.Date) (model.QuietFacts, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := model.QuietFacts{Dismissed: f.quietDismissed}
	from := today.AddDays(1 - model.QuietWindow)
	recent, before := map[model.Circle]bool{}, map[model.Circle]bool{}
	for _, r := range f.reachOuts {
		d := r.Day()
		if d.After(today) {
			continue
		}
		if r.Direction != model.DirectionTheirs && d.After(q.LastMine) {
			q.LastMine = d
		}
		c := f.contacts[r.ContactID]
		switch {
		case !d.Before(from):
			if r.Direction == model.DirectionTheirs {
				q.Theirs++
			} else {
				q.Mine++
			}
			if c.Stance != model.StanceSupportsUsing {
				recent[c.Circle] = true
			}
		case !d.Before(from.AddDays(-model.QuietBefore)) && c.Stance != model.StanceSupportsUsing:
			before[c.Circle] = true
		}
	}
	for _, c := range model.Circles {
		if recent[c] {
			q.Circles = append(q.Circles, c)
		}
	}
	q.CirclesBefore = len(before)
	return q, nil
}

func (f *fakeStore) CardPeople(_ context.Context, plan model.SafetyPlan) (model.CardPeople, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cardReads++
	cs := f.list(false, model.Date{})
	named := model.PeopleNamed(strings.Join(append(plan.Lines(model.PlanAskForHelp), plan.Lines(model.PlanDistractions)...), "\n"), cs)
	var out []model.Contact
	for _, c := range cs {
		if c.AnyTime || c.Distraction || c.Professional() || slices.ContainsFunc(named, func(n model.Contact) bool { return n.ID == c.ID }) {
			out = append(out, c)
		}
	}
	return model.CardPeople{People: out}, nil
}

func (f *fakeStore) SaveReachOut(_ context.Context, r model.ReachOut) (model.ReachOut, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.ReachOut{}, f.saveErr
	}
	r = r.Normalize()
	if p := r.Validate(fixedClock.Now()); len(p) > 0 {
		return model.ReachOut{}, p
	}
	c, ok := f.contacts[r.ContactID]
	if !ok {
		return model.ReachOut{}, model.Problems{model.FieldContact: "That person is not in your contacts."}
	}
	if r.ID == 0 {
		f.nextID++
		r.ID = f.nextID
	}
	r.ContactName = c.Name
	f.saves++
	f.reachOuts[r.ID] = r
	return r, nil
}

// LogWithNewContact adds the person and the reach-out together, or
// neither, as the store does.
func (f *fakeStore) LogWithNewContact(ctx context.Context, c model.Contact, r model.ReachOut) (model.ReachOut, error) {
	c = c.Normalize()
	if p := c.Validate(model.Date{}); len(p) > 0 {
		return model.ReachOut{}, model.Problems{model.FieldContact: p[model.FieldName]}
	}
	saved, err := f.SaveContact(ctx, c)
	if err != nil {
		return model.ReachOut{}, err
	}
	r.ContactID = saved.ID
	out, err := f.SaveReachOut(ctx, r)
	if err != nil {
		f.mu.Lock()
		delete(f.contacts, saved.ID)
		f.mu.Unlock()
	}
	return out, err
}

func (f *fakeStore) DeleteReachOut(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.reachOuts[id]; !ok {
		return errors.New("not found")
	}
	delete(f.reachOuts, id)
	return nil
}

func (f *fakeStore) sortedReachOuts(keep func(model.ReachOut) bool) []model.ReachOut {
	var out []model.ReachOut
	for _, r := range f.reachOuts {
		if keep(r) {
			r.ContactName = f.contacts[r.ContactID].Name
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

func (f *fakeStore) ContactHistory(_ context.Context, id int64, today model.Date, limit int) ([]model.ReachOut, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.historyReads++
	out := f.sortedReachOuts(func(r model.ReachOut) bool { return r.ContactID == id })
	slices.Reverse(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, f.withDerived(f.contacts[id], today).Reached30, nil
}

func (f *fakeStore) ReachOutsBetween(_ context.Context, from, to model.Date) ([]model.ReachOut, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.sortedReachOuts(func(r model.ReachOut) bool { return !r.Day().Before(from) && !r.Day().After(to) }), nil
}

func (f *fakeStore) ReachOutsOnDays(ctx context.Context, from, to model.Date, perDay int) ([]model.ReachOut, map[model.Date]int, error) {
	all, err := f.ReachOutsBetween(ctx, from, to)
	counts := map[model.Date]int{}
	var out []model.ReachOut
	for _, r := range all {
		if counts[r.Day()]++; counts[r.Day()] <= perDay {
			out = append(out, r)
		}
	}
	return out, counts, err
}

func (f *fakeStore) SaveCheckIn(_ context.Context, c model.CheckIn) (model.CheckIn, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.CheckIn{}, f.saveErr
	}
	c = c.Normalize()
	if p := c.Validate(model.Today(fixedClock)); len(p) > 0 {
		return model.CheckIn{}, p
	}
	if stored, ok := f.checkIns[c.Day]; ok && !stored.UpdatedAt.Equal(c.UpdatedAt) {
		return model.CheckIn{}, &model.ChangedError{What: "the check-in for " + c.Day.String(), Theirs: stored}
	}
	f.saves++
	c.UpdatedAt = f.stamp()
	f.checkIns[c.Day] = c
	return c, nil
}

func (f *fakeStore) CheckIn(_ context.Context, day model.Date) (model.CheckIn, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.checkIns[day]
	return c, ok, nil
}

func (f *fakeStore) CheckIns(_ context.Context, from, to model.Date) ([]model.CheckIn, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.CheckIn
	for d, c := range f.checkIns {
		if !d.Before(from) && !d.After(to) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out, nil
}

func (f *fakeStore) StreakDays(_ context.Context, today model.Date) ([]model.Date, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	day := today
	if _, ok := f.checkIns[day]; !ok {
		day = day.AddDays(-1)
	}
	var run []model.Date
	for {
		if _, ok := f.checkIns[day]; !ok {
			break
		}
		run = append(run, day)
		day = day.AddDays(-1)
	}
	return run, len(f.checkIns) > 0, nil
}

func (f *fakeStore) CheckInDays(_ context.Context) ([]model.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Date
	for d := range f.checkIns {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out, nil
}

func (f *fakeStore) RecoveryStart(context.Context) (model.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.start, nil
}

func (f *fakeStore) SetRecoveryStart(_ context.Context, d model.Date) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	if d.After(model.Today(fixedClock)) {
		return model.Problems{"recovery_start": "That date is in the future."}
	}
	f.start = d
	return nil
}

func (f *fakeStore) Reflection(_ context.Context, w model.Week) (model.Reflection, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reflectionReads++
	if f.reflectionErr != nil {
		return model.Reflection{}, false, f.reflectionErr
	}
	r, ok := f.reflects[w]
	r.Answers = slices.Clone(r.Answers)
	return r, ok, nil
}

func (f *fakeStore) SaveReflection(_ context.Context, r model.Reflection) (model.Reflection, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.Reflection{}, f.saveErr
	}
	r = r.Normalize()
	if p := r.Validate(model.Today(fixedClock)); len(p) > 0 {
		return model.Reflection{}, p
	}
	if stored, ok := f.reflects[r.Week]; ok && !stored.UpdatedAt.Equal(r.UpdatedAt) {
		return model.Reflection{}, &model.ChangedError{What: "your reflection for " + r.Week.String(), Theirs: stored}
	}
	f.saves++
	r.Answers = slices.Clone(r.Answers)
	r.UpdatedAt = f.stamp()
	f.reflects[r.Week] = r
	return r, nil
}

func (f *fakeStore) ReflectionHeaders(context.Context) ([]model.ReflectionHeader, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.headers(), nil
}

// headers is every week's header, newest first; f.mu is held.
func (f *fakeStore) headers() []model.ReflectionHeader {
	var out []model.ReflectionHeader
	for _, r := range f.reflects {
		n := 0
		for _, a := range r.Answers {
			if strings.TrimSpace(a.Text) != "" {
				n++
			}
		}
		out = append(out, model.ReflectionHeader{Week: r.Week, FirstLine: r.FirstLine(), Answered: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[j].Week.Before(out[i].Week) })
	return out
}

func (f *fakeStore) ReflectionHeadersFrom(_ context.Context, from model.Week, older bool, limit int) ([]model.ReflectionHeader, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.weeksAsked = append(f.weeksAsked, limit)
	all := f.headers()
	var out []model.ReflectionHeader
	if older {
		for _, h := range all {
			if from.IsZero() || h.Week.Before(from) {
				out = append(out, h)
			}
		}
		return out[:min(limit, len(out))], nil
	}
	for _, h := range all {
		if from.IsZero() || from.Before(h.Week) {
			out = append(out, h)
		}
	}
	return out[max(0, len(out)-limit):], nil
}

func (f *fakeStore) Prompts(context.Context) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.prompts == nil {
		return slices.Clone(model.DefaultPrompts), nil
	}
	return slices.Clone(f.prompts), nil
}

func (f *fakeStore) SetPrompts(_ context.Context, prompts []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	if len(prompts) == 0 {
		return model.Problems{model.FieldPrompt: "Keep at least one prompt."}
	}
	for i, p := range prompts {
		if msg := model.PromptProblem(p); msg != "" {
			return model.Problems{fmt.Sprintf("%s%d", model.FieldPrompt, i): msg}
		}
	}
	f.prompts = slices.Clone(prompts)
	return nil
}

// everyone is every contact, active then archived, each in name order,
// and the whole log; f.mu is held.
func (f *fakeStore) everyone() ([]model.Contact, []model.ReachOut) {
	log := f.sortedReachOuts(func(model.ReachOut) bool { return true })
	return append(f.list(false, model.Date{}), f.list(true, model.Date{})...), log
}

// lastUpTo is each contact's last reach-out on or before day; f.mu is
// held.
func (f *fakeStore) lastUpTo(day model.Date) map[int64]time.Time {
	out := map[int64]time.Time{}
	for _, r := range f.reachOuts {
		if !r.Day().After(day) && r.At.After(out[r.ContactID]) {
			out[r.ContactID] = r.At
		}
	}
	return out
}

// Health, Faded, CircleMembers and UsingPeople are the model's figures
// over the whole log, as the real store's must be
// (store.TestSummariesKeptThroughEveryChange).
func (f *fakeStore) Health(_ context.Context, from, to model.Date) (model.NetworkHealth, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	people, log := f.everyone()
	h := model.HealthOver(from, to, log, people, f.lastUpTo(to))
	h.Faded, h.FadedCount = nil, 0
	return h, nil
}

func (f *fakeStore) Faded(_ context.Context, ref model.Date, offset, limit int) ([]model.Contact, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fadedAsked = append(f.fadedAsked, limit)
	people, log := f.everyone()
	all := model.HealthOver(ref, ref, log, people, f.lastUpTo(ref)).Faded
	return all[min(offset, len(all)):min(offset+limit, len(all))], len(all), nil
}

func (f *fakeStore) CircleMembers(_ context.Context, first int) (map[model.Circle]model.CircleMembers, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	people, _ := f.everyone()
	return model.CircleMembersOf(people, first), nil
}

func (f *fakeStore) UsingPeople(_ context.Context, from, to model.Date, first int) ([]model.Contact, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	people, log := f.everyone()
	ties := model.RiskyTies(people, log, nil, from, to)
	var out []model.Contact
	for _, t := range ties[:min(first, len(ties))] {
		out = append(out, t.Contact)
	}
	return out, len(ties), nil
}

func (f *fakeStore) MomentsWith(_ context.Context, ids []int64, from, to model.Date) ([]model.ReachOut, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.sortedReachOuts(func(r model.ReachOut) bool {
		return slices.Contains(ids, r.ContactID) && !r.Day().Before(from) && !r.Day().After(to)
	}), nil
}

func (f *fakeStore) Settings(context.Context) (model.Settings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := f.settings
	st.RecoveryStart = f.start
	st.OwnNumbers = slices.Clone(st.OwnNumbers)
	return st, nil
}

func (f *fakeStore) SaveSettings(_ context.Context, st model.Settings) (model.Settings, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.Settings{}, f.saveErr
	}
	if p := st.Validate(model.Today(fixedClock)); len(p) > 0 {
		return model.Settings{}, p
	}
	if !f.settings.UpdatedAt.Equal(st.UpdatedAt) {
		return model.Settings{}, &model.ChangedError{What: "your settings", Theirs: f.settings}
	}
	f.saves++
	st.UpdatedAt = f.stamp()
	f.settings, f.start = st, st.RecoveryStart
	f.settings.OwnNumbers = slices.Clone(st.OwnNumbers)
	return f.settings, nil
}

func (f *fakeStore) SafetyPlan(context.Context) (model.SafetyPlan, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.plan, nil
}

func (f *fakeStore) SaveSafetyPlan(_ context.Context, p model.SafetyPlan) (model.SafetyPlan, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.SafetyPlan{}, f.saveErr
	}
	p = p.Normalize()
	if pr := p.Validate(); len(pr) > 0 {
		return model.SafetyPlan{}, pr
	}
	if !f.plan.UpdatedAt.Equal(p.UpdatedAt) {
		return model.SafetyPlan{}, &model.ChangedError{What: "your safety plan", Theirs: f.plan}
	}
	f.saves++
	p.UpdatedAt = f.stamp()
	f.plan = p
	return p, nil
}

func (f *fakeStore) SaveCheckup(_ context.Context, c model.Checkup) (model.Checkup, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.Checkup{}, f.saveErr
	}
	if p := c.Validate(model.Today(fixedClock)); len(p) > 0 {
		return model.Checkup{}, p
	}
	f.checkups = slices.DeleteFunc(f.checkups, func(o model.Checkup) bool { return o.Instrument == c.Instrument && o.Day == c.Day })
	f.checkups = append(f.checkups, c)
	sort.Slice(f.checkups, func(i, j int) bool { return f.checkups[i].Day.Before(f.checkups[j].Day) })
	return c, nil
}

func (f *fakeStore) RecentCheckups(_ context.Context, i model.Instrument, n int) ([]model.Checkup, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Checkup
	for _, c := range f.checkups {
		if c.Instrument == i {
			out = append(out, c)
		}
	}
	return out[max(0, len(out)-n):], nil
}

func (f *fakeStore) FirstUse(context.Context) (model.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var first model.Date
	earlier := func(d model.Date) {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	for d := range f.checkIns {
		earlier(d)
	}
	for _, r := range f.reachOuts {
		earlier(r.Day())
	}
	for _, c := range f.contacts {
		if !c.CreatedAt.IsZero() {
			earlier(model.DateOf(c.CreatedAt))
		}
	}
	return first, nil
}

func (f *fakeStore) LastCheckups(context.Context) (map[model.Instrument]model.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[model.Instrument]model.Date{}
	for _, c := range f.checkups {
		if c.Day.After(out[c.Instrument]) {
			out[c.Instrument] = c.Day
		}
	}
	return out, nil
}

func (f *fakeStore) ReachOutCounts(_ context.Context, from, to model.Date) (map[model.Date]int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.networkReads++
	if f.countsErr != nil {
		return nil, f.countsErr
	}
	out := map[model.Date]int{}
	for _, r := range f.reachOuts {
		if d := r.Day(); !d.Before(from) && !d.After(to) {
			out[d]++
		}
	}
	return out, nil
}

func (f *fakeStore) DataVersion(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.version + 1, nil
}

// addFromElsewhere adds a contact as another window would, behind the
// app's back.
// failSaves makes every save fail with err from now on (nil: saves work
// again), as a disk that fills up and is freed.
func (f *fakeStore) failSaves(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saveErr = err
}

func (f *fakeStore) addFromElsewhere(name string) {
	f.mu.Lock()
	f.nextID++
	f.contacts[f.nextID] = model.Contact{ID: f.nextID, Name: name}.Normalize()
	f.version++
	f.mu.Unlock()
}

func (f *fakeStore) byName(name string) (model.Contact, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.contacts {
		if c.Name == name {
			return c, true
		}
	}
	return model.Contact{}, false
}

// fixedClock is Saturday 21 November 2026, 20:00 local: an evening check-in.
var fixedClock = model.FixedClock{T: time.Date(2026, 11, 21, 20, 0, 0, 0, time.UTC)}

// loop runs an App the way Bubble Tea would, but synchronously: every
// command is executed and its message fed back until nothing is left.
type loop struct {
	app  *App
	quit bool
	// waiting are saves waiting for another window, each until the test
	// tries it again (tryAgain).
	waiting []retryLaterMsg
}

// tryAgain ends the pause of every save waiting for another window: each
// is tried again now.
func (l *loop) tryAgain() {
	waiting := l.waiting
	l.waiting = nil
	for _, w := range waiting {
		l.send(retryMsg(w))
	}
}

func (l *loop) send(msg tea.Msg) {
	m, cmd := l.app.Update(msg)
	l.app = m.(*App)
	l.run(cmd)
}

func (l *loop) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			l.run(c)
		}
	case tea.QuitMsg:
		l.quit = true
	case preloadLaterMsg:
		// The rest before the read-ahead is over at once in tests.
		l.send(preloadDueMsg(msg))
	case historyLaterMsg:
		// The selection rests at once in tests, unless a test holds the
		// message back to see what moving on does.
		l.send(historyDueMsg(msg))
	case retryLaterMsg:
		// A save waiting for another window: the test tries it again
		// (retryMsg) when it wants.
		l.waiting = append(l.waiting, msg)
	case handOverMsg:
		// The editor runs as Bubble Tea would run it, the test waiting.
		l.send(msg.done(msg.cmd.Run()))
	case autosaveLaterMsg, watchLaterMsg, openingLaterMsg:
		// Time does not pass in tests by itself: a test sends autosaveMsg
		// or watchMsg when it wants the pause to be over.
	default:
		l.send(msg)
	}
}

// eachMsg runs cmd, and every command of a batch it answers, handing each
// message to fn rather than to the app: for tests that look at what a step
// asks for before letting it happen.
func eachMsg(cmd tea.Cmd, fn func(tea.Msg)) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			eachMsg(c, fn)
		}
	default:
		fn(msg)
	}
}

// burst delivers keys as a person typing faster than the journal answers:
// every key reaches Update before any command's result comes back.
func (l *loop) burst(keys ...string) {
	var pending []tea.Cmd
	for _, k := range keys {
		m, cmd := l.app.Update(keyMsg(k))
		l.app = m.(*App)
		pending = append(pending, cmd)
	}
	for _, cmd := range pending {
		l.run(cmd)
	}
}

// start sizes the app and runs its Init commands, as the runtime does.
func (l *loop) start(w, h int) {
	l.send(tea.WindowSizeMsg{Width: w, Height: h})
	l.run(l.app.Init())
}

// driver is a loop with a test to report to.
type driver struct {
	t *testing.T
	loop
}

func newDriver(t *testing.T, st Store, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, loop: loop{app: New(st, Options{Clock: fixedClock})}}
	d.start(w, h)
	return d
}

// keys sends named keys ("ctrl+s", "esc", "enter", "tab", "down", ...).
func (d *driver) keys(names ...string) {
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

// typeText sends text as a person types it (accents and emoji included):
// a key press for each character, as the terminal reader makes them (an
// emoji of several runes is one key).
func (d *driver) typeText(s string) {
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		d.send(textKey(g.Str()))
	}
}

// textKey is the key press that types the character c.
func textKey(c string) tea.KeyPressMsg {
	if utf8.RuneCountInString(c) == 1 {
		return runeKey([]rune(c)[0])
	}
	return tea.KeyPressMsg{Code: tea.KeyExtended, Text: c}
}

// paste sends text as the terminal sends a bracketed paste: whole.
func (d *driver) paste(s string) { d.send(tea.PasteMsg{Content: s}) }

// runeKey is the key press that types r.
func runeKey(r rune) tea.KeyPressMsg {
	k := tea.KeyPressMsg{Code: r, Text: string(r)}
	if unicode.IsUpper(r) {
		k.Code, k.ShiftedCode, k.Mod = unicode.ToLower(r), r, tea.ModShift
	}
	return k
}

// keyMsg is the key press named ("ctrl+s", "esc", "enter", "tab", "down",
// "space", "G", "j", ...), as the terminal reader makes it.
func keyMsg(name string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	}
	if name == "space" || name == " " {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if c, ok := named[name]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	if c, ok := named[strings.TrimPrefix(name, "shift+")]; ok && strings.HasPrefix(name, "shift+") {
		return tea.KeyPressMsg{Code: c, Mod: tea.ModShift}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok && utf8.RuneCountInString(rest) == 1 {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	if utf8.RuneCountInString(name) != 1 {
		panic("keyMsg: not one key: " + name)
	}
	return runeKey([]rune(name)[0])
}

// view is the screen as text, without its styling.
func (d *driver) view() string { return screenText(d.app) }

// screenText is the app's frame as a person reads it.
func screenText(a *App) string { return ansi.Strip(a.frame()) }

func (d *driver) mustSee(want ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			d.t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
}

func (d *driver) mustNotSee(unwanted ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range unwanted {
		if strings.Contains(v, w) {
			d.t.Fatalf("screen unexpectedly shows %q:\n%s", w, v)
		}
	}
}

// lineWith returns the first screen line containing text.
func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func (f *fakeStore) LapseDays(context.Context) ([]model.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.CheckIn
	for _, c := range f.checkIns {
		out = append(out, c)
	}
	return model.LapseDays(out), nil
}

func (f *fakeStore) Snooze(_ context.Context, id int64, until model.Date) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	c, ok := f.contacts[id]
	if !ok {
		return errors.New("not found")
	}
	c.SnoozedUntil, c.UpdatedAt = until, f.stamp()
	f.contacts[id] = c
	f.saves++
	return nil
}

func (f *fakeStore) SetResting(_ context.Context, id int64, resting bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	c, ok := f.contacts[id]
	if !ok {
		return errors.New("not found")
	}
	switch {
	case resting && c.CadenceDays > 0:
		c.RestCadence, c.CadenceDays, c.SnoozedUntil = c.CadenceDays, 0, model.Date{}
	case !resting && c.RestCadence > 0:
		c.CadenceDays, c.RestCadence = c.RestCadence, 0
	}
	c.UpdatedAt = f.stamp()
	f.contacts[id] = c
	f.saves++
	return nil
}

func (f *fakeStore) SavePlan(_ context.Context, p model.Plan) (model.Plan, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return model.Plan{}, f.saveErr
	}
	p = p.Normalize()
	if pr := p.Validate(model.Today(fixedClock)); len(pr) > 0 {
		return model.Plan{}, pr
	}
	c, ok := f.contacts[p.ContactID]
	if !ok || c.Archived {
		return model.Plan{}, model.Problems{model.FieldPlanContact: "That person is not in your network."}
	}
	if p.ID == 0 {
		f.nextID++
		p.ID = f.nextID
	}
	p.ContactName = c.Name
	f.plans[p.ID] = p
	f.saves++
	return p, nil
}

func (f *fakeStore) AddPlans(_ context.Context, ps []model.Plan) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range ps {
		f.nextID++
		p.ID = f.nextID
		f.plans[p.ID] = p.Normalize()
	}
	return nil
}

func (f *fakeStore) DropPlan(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return f.saveErr
	}
	if _, ok := f.plans[id]; !ok {
		return errors.New("not found")
	}
	delete(f.plans, id)
	f.saves++
	return nil
}

func (f *fakeStore) PlanDone(ctx context.Context, id int64, at time.Time) (model.ReachOut, error) {
	f.mu.Lock()
	p, ok := f.plans[id]
	err := f.saveErr
	f.mu.Unlock()
	if err != nil {
		return model.ReachOut{}, err
	}
	if !ok {
		return model.ReachOut{}, errors.New("not found")
	}
	r, err := f.SaveReachOut(ctx, model.ReachOut{ContactID: p.ContactID, At: at, Channel: p.Channel, Direction: model.DirectionMine, Note: p.Note})
	if err != nil {
		return model.ReachOut{}, err
	}
	f.mu.Lock()
	delete(f.plans, id)
	f.mu.Unlock()
	return r, nil
}

func (f *fakeStore) PlansBetween(_ context.Context, from, to model.Date) ([]model.Plan, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.Plan
	for _, p := range f.plans {
		if (from.IsZero() || !p.Day.Before(from)) && (to.IsZero() || !p.Day.After(to)) && !f.contacts[p.ContactID].Archived {
			p.ContactName = f.contacts[p.ContactID].Name
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Day != out[j].Day {
			return out[i].Day.Before(out[j].Day)
		}
		if out[i].Time != out[j].Time {
			return out[i].Time < out[j].Time
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func (f *fakeStore) WeekGlance(_ context.Context, from, to model.Date) (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var rs []model.ReachOut
	people := map[int64]bool{}
	for _, r := range f.reachOuts {
		if d := r.Day(); !d.Before(from) && !d.After(to) {
			rs = append(rs, r)
			people[r.ContactID] = true
		}
	}
	return len(people), model.SupportiveDays(rs, f.contacts, from, to), nil
}

func (f *fakeStore) Occasions(_ context.Context, today model.Date, days int) ([]model.Occasion, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var cs []model.Contact
	for _, c := range f.contacts {
		cs = append(cs, c)
	}
	return model.Occasions(cs, today, days), nil
}

// matchesAll reports that hay holds every one of words, as the real
// store's filter has it (instr over the folded search text).
func matchesAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
