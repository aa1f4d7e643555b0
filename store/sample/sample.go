// Package sample generates believable sample journals: the small one that
// `tether demo` shows, and the large one (a decade of a network) that the
// benchmarks measure. A journal depends only on its size and on "today", so
// the same inputs always give the same journal.
//
// Each kind of record has its own file (contacts.go, with names.go for the
// name pools; reachouts.go, with decade.go for the large journal's log;
// checkins.go; reflections.go; checkups.go; choices.go for the settings and
// the safety plan); later kinds join them and are written by Generate after
// the contacts.
package sample

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// Size is how much journal to generate.
type Size string

// The sizes: Small for a demo a person can take in at a glance, Large for
// the SPEC's "decade of data" promise, XL and XXL ten and a hundred times
// Large (5,000 and 50,000 people, 500,000 and 5,000,000 reach-outs, a
// century and a millennium of check-ins) for measuring that nothing a
// person feels grows with the journal.
const (
	Small Size = "small"
	Large Size = "large"
	XL    Size = "xl"
	XXL   Size = "xxl"
)

// Sizes are every size, smallest first.
var Sizes = []Size{Small, Large, XL, XXL}

// times is how many times Large a size is: 1 for Small and Large.
func (s Size) times() int {
	switch s {
	case XL:
		return 10
	case XXL:
		return 100
	}
	return 1
}

// LargeContacts is how many contacts the large journal holds.
const LargeContacts = 500

// ParseSize reads a size given on the command line.
func ParseSize(s string) (Size, error) {
	size := Size(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Sizes, size) {
		return size, nil
	}
	return "", fmt.Errorf("unknown sample size %q: use small, large, xl or xxl", s)
}

// The seeds are fixed: a sample journal must be the same on every machine
// and every run, so demos, screenshots and benchmark figures agree.
const seed1, seed2 = 0x7e7e_2026, 0x5eed_0001

// journal is everything one generation produces, before it is written.
type journal struct {
	contacts      []model.Contact
	reachOuts     []plannedReachOut  // in time order
	checkIns      []model.CheckIn    // in day order
	reflections   []model.Reflection // in week order
	checkups      []model.Checkup    // in day order
	recoveryStart model.Date
	settings      model.Settings // with recoveryStart
	plan          model.SafetyPlan
	plans         []plannedPlan
}

// build makes the journal in memory; the random source is consumed in a
// fixed order, record kind after record kind, so adding a kind at the end
// leaves the earlier ones as they were.
func build(size Size, today model.Date) (journal, error) {
	r := rand.New(rand.NewPCG(seed1, seed2))
	var j journal
	switch size {
	case Small:
		j.contacts = smallContacts(today)
		lapse := smallLapse(today)
		var meetings meetingLog
		j.reachOuts, meetings = smallReachOuts(r, today, j.contacts, lapse)
		j.checkIns = smallCheckIns(r, today, lapse, meetings)
		j.recoveryStart = smallRecoveryStart(today)
		j.reflections = reflectionsFor(r, today, SmallReflections, 0.6, false, j.reachOuts, j.checkIns, []model.Date{lapse})
		j.checkups = smallCheckups(r, today)
	case Large:
		j.contacts = append(smallContacts(today), earlyYears(today)...)
		j.contacts = append(j.contacts, largeContacts(r, today, LargeContacts-len(j.contacts))...)
		var meetings meetingLog
		var err error
		if j.reachOuts, meetings, err = largeReachOuts(r, today, j.contacts); err != nil {
			return j, err
		}
		fixEntered(j.contacts, j.reachOuts)
		lapses := largeLapses(r, today)
		j.checkIns = largeCheckIns(r, today, lapses, meetings)
		j.recoveryStart = largeRecoveryStart(today, lapses)
		j.reflections = reflectionsFor(r, today, LargeReflections, 0, true, j.reachOuts, j.checkIns, lapses)
		j.checkups = largeCheckups(r, today)
	default:
		return j, fmt.Errorf("unknown sample size %q: use small or large", size)
	}
	j.settings = settingsFor(size, j.recoveryStart)
	j.plan = planFor(size)
	datesAndPauses(j.contacts, today)
	j.plans = plansFor(today)
	return j, nil
}

// Generate fills an open, empty journal with the sample of the given size,
// as of today, in one transaction per record kind: contacts, reach-outs,
// check-ins, weekly reflections, check-ups, then the settings (the
// recovery start date among them) and the safety plan. Nothing is dated
// today or later, and no reflection is of this week, so the person trying
// the demo has today's check-in and this week's reflection to fill in. The
// prompt set is left unset: the defaults, as in a new journal.
func Generate(ctx context.Context, st *store.Store, size Size, today model.Date) error {
	if today.IsZero() {
		return errors.New("sample: no date given for today")
	}
	active, archived, err := st.CountContacts(ctx)
	if err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	days, err := st.CheckInDays(ctx)
	if err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if active+archived > 0 || len(days) > 0 {
		return fmt.Errorf("sample: the journal %s already holds entries; samples go in a new file", st.Path())
	}
	base := size
	if size.times() > 1 {
		base = Large
	}
	j, err := build(base, today)
	if err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	ids, err := st.AddContacts(ctx, j.contacts)
	if err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	rs := make([]model.ReachOut, len(j.reachOuts))
	for i, p := range j.reachOuts {
		rs[i] = p.ReachOut
		rs[i].ContactID = ids[p.contact]
	}
	if err := st.AddReachOuts(ctx, rs); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if err := st.AddCheckIns(ctx, j.checkIns); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if err := st.AddReflections(ctx, j.reflections); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if err := st.AddCheckups(ctx, j.checkups); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if _, err := st.SaveSettings(ctx, j.settings); err != nil {
		return fmt.Errorf("sample: settings: %w", err)
	}
	if _, err := st.SaveSafetyPlan(ctx, j.plan); err != nil {
		return fmt.Errorf("sample: safety plan: %w", err)
	}
	byName := map[string]int64{}
	for i, c := range j.contacts {
		byName[c.Name] = ids[i]
	}
	plans := make([]model.Plan, len(j.plans))
	for i, p := range j.plans {
		plans[i] = p.plan
		plans[i].ContactID = byName[p.name]
	}
	if err := st.AddPlans(ctx, plans); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if err := st.Replicate(ctx, size.times()); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	return nil
}

// Write creates a new journal at path and generates the sample into it. It
// refuses a file that already has something in it, so a slip of --save can
// never overwrite a real journal; and if generating fails, the new file is
// removed again rather than left half made.
func Write(ctx context.Context, path string, size Size, today model.Date) error {
	fi, err := os.Stat(path)
	existed := err == nil
	if existed && (fi.IsDir() || fi.Size() > 0) {
		return fmt.Errorf("sample: %s already exists; choose a new file for the sample journal", path)
	}
	if _, err := ParseSize(string(size)); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	err = Generate(ctx, st, size, today)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil && !existed {
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
	}
	return err
}
