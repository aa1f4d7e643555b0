package sample

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

var today = model.Date{Year: 2026, Month: time.March, Day: 9}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]Size{"small": Small, " Large ": Large} {
		if got, err := ParseSize(in); got != want || err != nil {
			t.Errorf("ParseSize(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseSize("huge"); err == nil {
		t.Error("ParseSize(huge) succeeded")
	}
}

// every contact of both sizes passes the model's rules as of today (so no
// date is in the future either).
func TestSampleContactsAreValid(t *testing.T) {
	for _, size := range []Size{Small, Large} {
		j, err := build(size, today)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range j.contacts {
			if p := c.Normalize().Validate(today); len(p) > 0 {
				t.Errorf("%s #%d %q: %v", size, i, c.Name, p)
			}
		}
	}
}

// every reach-out and check-in of both sizes passes the model's rules, is
// dated before today (today is the demo's to fill in), and fits its
// contact's history: not before they were entered, not after they were
// archived.
func TestSampleLogIsValid(t *testing.T) {
	for _, size := range []Size{Small, Large} {
		j, err := build(size, today)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range j.reachOuts {
			c := j.contacts[r.contact]
			r.ContactID = int64(r.contact + 1)
			switch {
			case len(r.Normalize().Validate(time.Time{})) > 0:
				t.Errorf("%s reach-out #%d %v: %v", size, i, r, r.Normalize().Validate(time.Time{}))
			case !r.Day().Before(today):
				t.Errorf("%s reach-out #%d %v is dated today or later", size, i, r)
			case r.At.Before(c.CreatedAt):
				t.Errorf("%s reach-out #%d %v is before %s was entered (%v)", size, i, r, c.Name, c.CreatedAt)
			case c.Archived && r.At.After(c.UpdatedAt):
				t.Errorf("%s reach-out #%d %v is after %s was archived (%v)", size, i, r, c.Name, c.UpdatedAt)
			}
			if i > 0 && r.At.Before(j.reachOuts[i-1].At) {
				t.Errorf("%s reach-out #%d is out of time order", size, i)
			}
		}
		for i, c := range j.checkIns {
			if p := c.Normalize().Validate(today.AddDays(-1)); len(p) > 0 {
				t.Errorf("%s check-in %v: %v", size, c.Day, p)
			}
			if i > 0 && !j.checkIns[i-1].Day.Before(c.Day) {
				t.Errorf("%s check-ins out of order at %v", size, c.Day)
			}
		}
		if j.recoveryStart.IsZero() || !j.recoveryStart.Before(today) {
			t.Errorf("%s recovery start %v", size, j.recoveryStart)
		}
		// Reflections: one a week, consecutive, ending last week (this
		// week is the demo's), each valid, none saved today or later.
		want := map[Size]int{Small: SmallReflections, Large: LargeReflections}[size]
		if n := len(j.reflections); n != want {
			t.Errorf("%s: %d reflections; want %d", size, n, want)
		}
		for i, r := range j.reflections {
			if p := r.Normalize().Validate(today); len(p) > 0 {
				t.Errorf("%s reflection %v: %v", size, r.Week, p)
			}
			if i > 0 && r.Week != j.reflections[i-1].Week.Next() {
				t.Errorf("%s: %v follows %v", size, r.Week, j.reflections[i-1].Week)
			}
			if !model.DateOf(r.UpdatedAt).Before(today) || model.DateOf(r.UpdatedAt).Before(r.Week.Monday()) {
				t.Errorf("%s reflection %v saved %v", size, r.Week, r.UpdatedAt)
			}
		}
		if last := j.reflections[len(j.reflections)-1].Week; last != model.WeekOf(today).Prev() {
			t.Errorf("%s: the last reflection is of %v; want last week", size, last)
		}
		// Check-ups: valid, before today, in day order, one of each
		// instrument a day, saved on their day.
		if len(j.checkups) == 0 {
			t.Errorf("%s: no check-ups", size)
		}
		for i, c := range j.checkups {
			if p := c.Validate(today.AddDays(-1)); len(p) > 0 {
				t.Errorf("%s check-up %s %v: %v", size, c.Instrument, c.Day, p)
			}
			if model.DateOf(c.CreatedAt) != c.Day {
				t.Errorf("%s check-up %s %v saved %v", size, c.Instrument, c.Day, c.CreatedAt)
			}
			if i > 0 {
				prev := j.checkups[i-1]
				if c.Day.Before(prev.Day) || c.Day == prev.Day && c.Instrument == prev.Instrument {
					t.Errorf("%s: check-up %s %v follows %s %v", size, c.Instrument, c.Day, prev.Instrument, prev.Day)
				}
			}
		}
		// Settings and plan: valid as of today, the recovery start date
		// the journal's, every part of the plan written.
		if p := j.settings.Validate(today); len(p) > 0 || j.settings.RecoveryStart != j.recoveryStart || j.settings.Region == "" || len(j.settings.OwnNumbers) == 0 {
			t.Errorf("%s settings %+v: %v", size, j.settings, p)
		}
		if p := j.plan.Validate(); len(p) > 0 {
			t.Errorf("%s plan: %v", size, p)
		}
		for _, part := range model.PlanParts {
			if len(j.plan.Lines(part.Key)) == 0 {
				t.Errorf("%s plan: nothing under %q", size, part.Title)
			}
		}
	}
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		size                  Size
		minActive, minArchive int
		total                 int
		minAnyTime            int
		reachOuts             [2]int // at least, at most
		checkIns              [2]int
		reflections           int
		checkups              map[model.Instrument]int // at least
	}{
		{Small, 18, 3, 24, 3, [2]int{130, 180}, [2]int{52, 58}, SmallReflections,
			map[model.Instrument]int{model.BARC10: 3, model.MSPSS: 1}},
		{Large, 200, 100, 500, 12, [2]int{LargeReachOuts, LargeReachOuts}, [2]int{LargeCheckIns, LargeCheckIns}, LargeReflections,
			map[model.Instrument]int{model.BARC10: LargeBARC10, model.MSPSS: LargeMSPSS}},
	}
	for _, tt := range tests {
		t.Run(string(tt.size), func(t *testing.T) {
			ctx := context.Background()
			lists := make([][]model.Contact, 2)
			logs := make([][]model.ReachOut, 2)
			days := make([][]model.CheckIn, 2)
			weeks := make([][]model.Reflection, 2)
			checkups := make([][]model.Checkup, 2)
			settings := make([]model.Settings, 2)
			plans := make([]model.SafetyPlan, 2)
			for run := range 2 {
				path := filepath.Join(t.TempDir(), "sample.db")
				if err := Write(ctx, path, tt.size, today); err != nil {
					t.Fatal(err)
				}
				st, err := store.Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				active, archived, err := st.CountContacts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if active+archived != tt.total || active < tt.minActive || archived < tt.minArchive {
					t.Errorf("%d active, %d archived; want %d in all, at least %d and %d",
						active, archived, tt.total, tt.minActive, tt.minArchive)
				}
				anyTime, err := st.AnyTimeContacts(ctx)
				if err != nil || len(anyTime) < tt.minAnyTime || len(anyTime) > 16 {
					t.Errorf("%d any-time contacts (%v); want %d to 16", len(anyTime), err, tt.minAnyTime)
				}
				act, _ := st.Contacts(ctx, false, today)
				arch, _ := st.Contacts(ctx, true, today)
				lists[run] = append(act, arch...)

				if logs[run], err = st.ReachOutsBetween(ctx, model.Date{}, model.Date{}); err != nil {
					t.Fatal(err)
				}
				if n := len(logs[run]); n < tt.reachOuts[0] || n > tt.reachOuts[1] {
					t.Errorf("%d reach-outs; want %d to %d", n, tt.reachOuts[0], tt.reachOuts[1])
				}
				if days[run], err = st.CheckIns(ctx, model.Date{}, model.Date{}); err != nil {
					t.Fatal(err)
				}
				if n := len(days[run]); n < tt.checkIns[0] || n > tt.checkIns[1] {
					t.Errorf("%d check-ins; want %d to %d", n, tt.checkIns[0], tt.checkIns[1])
				}
				// Today is left for the person trying the demo; yesterday
				// was checked in.
				if _, ok, _ := st.CheckIn(ctx, today); ok {
					t.Error("today already has a check-in")
				}
				if _, ok, _ := st.CheckIn(ctx, today.AddDays(-1)); !ok {
					t.Error("yesterday has no check-in")
				}
				heads, err := st.ReflectionHeaders(ctx)
				if err != nil || len(heads) != tt.reflections {
					t.Errorf("%d reflections (%v); want %d", len(heads), err, tt.reflections)
				}
				for _, h := range heads {
					r, ok, err := st.Reflection(ctx, h.Week)
					if !ok || err != nil {
						t.Fatalf("week %v: %v, %v", h.Week, ok, err)
					}
					weeks[run] = append(weeks[run], r)
				}
				if _, ok, _ := st.Reflection(ctx, model.WeekOf(today)); ok {
					t.Error("this week already has a reflection")
				}
				if ps, err := st.Prompts(ctx); err != nil || !reflect.DeepEqual(ps, model.DefaultPrompts) {
					t.Errorf("prompts %q, %v; want the defaults", ps, err)
				}
				if start, err := st.RecoveryStart(ctx); start.IsZero() || err != nil {
					t.Errorf("recovery start %v, %v", start, err)
				}
				for _, in := range model.Instruments {
					cs, err := st.Checkups(ctx, in)
					if err != nil || len(cs) < tt.checkups[in] {
						t.Errorf("%d %s check-ups, %v; want at least %d", len(cs), in, err, tt.checkups[in])
					}
					checkups[run] = append(checkups[run], cs...)
				}
				last, err := st.LastCheckups(ctx)
				if err != nil || len(last) != len(model.Instruments) {
					t.Errorf("LastCheckups = %v, %v", last, err)
				}
				if settings[run], err = st.Settings(ctx); err != nil || settings[run].Region != "GB" ||
					len(settings[run].OwnNumbers) == 0 || !settings[run].CheckupReminders {
					t.Errorf("settings %+v, %v", settings[run], err)
				}
				if start, _ := st.RecoveryStart(ctx); settings[run].RecoveryStart != start {
					t.Errorf("Settings says recovery started %v, RecoveryStart %v", settings[run].RecoveryStart, start)
				}
				if plans[run], err = st.SafetyPlan(ctx); err != nil || plans[run].Empty() {
					t.Errorf("safety plan %+v, %v", plans[run], err)
				}
				reached := 0
				for _, c := range lists[run] {
					if !c.LastContact.IsZero() {
						reached++
					}
				}
				if reached < len(lists[run])*3/4 {
					t.Errorf("only %d of %d contacts have a last contact", reached, len(lists[run]))
				}

				circles := map[model.Circle]bool{}
				for _, c := range lists[run] {
					circles[c.Circle] = true
				}
				if tt.size == Large && len(circles) != len(model.Circles) {
					t.Errorf("%d circles used; want all %d", len(circles), len(model.Circles))
				}
			}
			// Each journal is its own, so its records have their own uids;
			// everything else is the same.
			for run := range lists {
				for i := range lists[run] {
					lists[run][i].UID = ""
				}
				for i := range logs[run] {
					logs[run][i].UID, logs[run][i].UpdatedAt = "", time.Time{}
				}
			}
			if !reflect.DeepEqual(lists[0], lists[1]) {
				t.Error("two runs with the same size and day gave different contacts")
			}
			if !reflect.DeepEqual(logs[0], logs[1]) {
				t.Error("two runs with the same size and day gave different reach-outs")
			}
			if !reflect.DeepEqual(days[0], days[1]) {
				t.Error("two runs with the same size and day gave different check-ins")
			}
			if !reflect.DeepEqual(weeks[0], weeks[1]) {
				t.Error("two runs with the same size and day gave different reflections")
			}
			for k := range checkups[0] {
				checkups[0][k].ID, checkups[1][k].ID = 0, 0
			}
			if !reflect.DeepEqual(checkups[0], checkups[1]) {
				t.Error("two runs with the same size and day gave different check-ups")
			}
			// When the settings and the plan were saved is when the sample
			// was written; what they hold is the sample's.
			for run := range 2 {
				settings[run].UpdatedAt, plans[run].UpdatedAt = time.Time{}, time.Time{}
			}
			if !reflect.DeepEqual(settings[0], settings[1]) || !reflect.DeepEqual(plans[0], plans[1]) {
				t.Error("two runs with the same size and day gave different settings or safety plans")
			}
		})
	}
}

func TestSmallHasTheDemoCast(t *testing.T) {
	j, _ := build(Small, today)
	var sponsor, therapist, risky bool
	for _, c := range j.contacts {
		switch {
		case c.Circle == model.CircleSponsor && c.CadenceDays == 1 && c.AnyTime && !c.AnyTimeSince.IsZero():
			sponsor = true
		case c.Circle == model.CircleHealthcare && c.CadenceDays == 14:
			therapist = true
		case c.Stance == model.StanceSupportsUsing && !c.Archived:
			risky = true
		}
	}
	if !sponsor || !therapist || !risky {
		t.Errorf("sponsor %v, therapist %v, old drinking buddy %v", sponsor, therapist, risky)
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "real.db")
	if err := Write(ctx, path, Small, today); err != nil {
		t.Fatal(err)
	}
	if err := Write(ctx, path, Small, today); err == nil {
		t.Error("Write over an existing journal succeeded")
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Generate(ctx, st, Small, today); err == nil {
		t.Error("Generate into a journal with contacts succeeded")
	}
}

// BenchmarkBuildLarge is making the large journal in memory, without
// writing it.
func BenchmarkBuildLarge(b *testing.B) {
	for b.Loop() {
		if _, err := build(Large, today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateLarge is writing a new large journal from scratch: 500
// contacts, 50,000 reach-outs, 3,650 check-ins and 520 reflections, one
// transaction each.
func BenchmarkGenerateLarge(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "large.db")
		if err := Write(ctx, path, Large, today); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSampleShowsEveryPartOfToday: both sizes hold what Today shows — a
// plan for today and one for tomorrow, a birthday and a recovery
// anniversary this week, someone put aside and a rhythm at rest, a
// recorded use with stretches before and after — and on the large one
// who next is a few, the sponsor among them when she is due.
func TestSampleShowsEveryPartOfToday(t *testing.T) {
	ctx := context.Background()
	for _, size := range []Size{Small, Large} {
		t.Run(string(size), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sample.db")
			if err := Write(ctx, path, size, today); err != nil {
				t.Fatal(err)
			}
			st, err := store.OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			plans, err := st.PlansBetween(ctx, today, today.AddDays(1))
			if err != nil || len(plans) != 2 || plans[0].Day != today || plans[1].Day != today.AddDays(1) {
				t.Errorf("plans: %+v, %v", plans, err)
			}
			occ, err := st.Occasions(ctx, today, 7)
			kinds := map[string]bool{}
			for _, o := range occ {
				kinds[o.What] = true
			}
			if err != nil || !kinds["birthday (34)"] || !kinds["12 years in recovery"] {
				t.Errorf("this week: %+v, %v", occ, err)
			}
			all, err := st.Contacts(ctx, false, today)
			if err != nil {
				t.Fatal(err)
			}
			var snoozed, resting bool
			for _, c := range all {
				snoozed = snoozed || c.Snoozed(today)
				resting = resting || c.RestCadence > 0
			}
			if !snoozed || !resting {
				t.Errorf("snoozed %v, resting %v", snoozed, resting)
			}
			lapses, err := st.LapseDays(ctx)
			start, _ := st.RecoveryStart(ctx)
			if s := model.StretchesOf(start, lapses, today); err != nil || len(s.Before) == 0 || s.Current < 1 {
				t.Errorf("stretches %+v, %v", s, err)
			}
			r, err := st.Roster(ctx, today, model.WhoNextDefault)
			if err != nil || len(r.Due) > model.WhoNextDefault || r.DueCount < len(r.Due) {
				t.Fatalf("who next: %d of %d, %v", len(r.Due), r.DueCount, err)
			}
			whole, _ := st.Roster(ctx, today, 0)
			for _, c := range whole.Due {
				if c.Circle == model.CircleSponsor && c.Due(today).DaysLate == 0 && c.Importance == 5 {
					found := false
					for _, d := range r.Due {
						found = found || d.ID == c.ID
					}
					if !found {
						t.Errorf("%s, a sponsor due today, is not in who next: %v", c.Name, r.Due)
					}
				}
			}
		})
	}
}
