package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tether-recovery/tether/internal/benchjournal"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// These benchmarks live in an external test package: the sample generator
// imports store, so store's own tests cannot import it.

var today = model.Date{Year: 2026, Month: time.March, Day: 9}

// benchDay is the day the benchmarks read the sample journals as of, the
// same in every package (benchjournal.Day).
var benchDay = benchjournal.Day

func largeJournal(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "large.db")
	if err := sample.Write(context.Background(), path, sample.Large, benchDay); err != nil {
		b.Fatal(err)
	}
	return path
}

// eachJournal runs fn on each size's sample journal (see benchjournal),
// shared and only read.
func eachJournal(b *testing.B, fn func(b *testing.B, st *store.Store)) {
	benchjournal.Each(b, benchDay, func(b *testing.B, path string) {
		st, err := store.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		fn(b, st)
	})
}

// openLarge opens a fresh large sample journal for the benchmark.
func openLarge(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(context.Background(), largeJournal(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkOpen is starting Tether on a decade of contacts: open,
// check, migrate (nothing to do) and list the Contacts screen.
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	benchjournal.Each(b, benchDay, func(b *testing.B, path string) {
		for b.Loop() {
			st, err := store.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			list, err := st.Contacts(ctx, false, benchDay)
			if err != nil || len(list) == 0 {
				b.Fatal(len(list), err)
			}
			st.Close()
		}
	})
}

// BenchmarkContactsWithLastContactLarge is one refresh of the contact list
// (and of Today's "due" list) on a decade of data: 500 contacts, each with
// its last contact and its reach-outs in 30 days out of 50,000.
func BenchmarkContactsWithLastContact(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			list, err := st.Contacts(ctx, false, benchDay)
			if err != nil || len(list) == 0 || list[0].LastContact.IsZero() && list[1].LastContact.IsZero() {
				b.Fatal(len(list), err)
			}
		}
	})
}

// BenchmarkContactPage is each read the Contacts screen makes: its first
// page, a page deep in the list (End), the page around someone (a
// person shown from elsewhere, or kept across a reload), a letter of a
// filter, two words of it, and the due. Each must cost the same on xl as
// on large.
func BenchmarkContactPage(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		first, err := st.ContactPage(ctx, model.ContactQuery{Today: today, Limit: 1})
		if err != nil || first.Total == 0 {
			b.Fatal(first.Total, err)
		}
		deep, err := st.ContactPage(ctx, model.ContactQuery{Today: today, Offset: first.Total * 3 / 4, Limit: 1})
		if err != nil || len(deep.Contacts) == 0 {
			b.Fatal(err)
		}
		for _, q := range []struct {
			name string
			q    model.ContactQuery
		}{
			{"first", model.ContactQuery{Today: today, Limit: 108}},
			{"end", model.ContactQuery{Today: today, Offset: first.Total, Limit: 108}},
			{"land", model.ContactQuery{Today: today, Limit: 108, Land: deep.Contacts[0].ID}},
			{"filter-a", model.ContactQuery{Today: today, Filter: "a", Limit: 108}},
			{"filter-words", model.ContactQuery{Today: today, Filter: "ma fellowship", Limit: 108, Land: deep.Contacts[0].ID}},
			{"due", model.ContactQuery{Today: today, Due: true, Limit: 108}},
		} {
			b.Run(q.name, func(b *testing.B) {
				for b.Loop() {
					p, err := st.ContactPage(ctx, q.q)
					if err != nil || p.All == 0 {
						b.Fatal(p.All, err)
					}
				}
			})
		}
	})
}

// BenchmarkRoster is Today's question of the network: the counts, and who
// is due; first5, the first few Today and `tether due` show, must cost the
// same on xl as on large; all, everyone due (`tether due --all`), grows
// with them.
func BenchmarkRoster(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for _, first := range []int{model.WhoNextDefault, 0} {
			name := fmt.Sprintf("first%d", first)
			if first == 0 {
				name = "all"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					r, err := st.Roster(ctx, benchDay, first)
					if err != nil || r.Active == 0 || len(r.Due) == 0 || first > 0 && len(r.Due) != first {
						b.Fatal(r.Active, len(r.Due), err)
					}
				}
			})
		}
	})
}

// BenchmarkCheckInDaysLarge is the streak's question on a decade of
// check-ins.
func BenchmarkCheckInDays(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			days, err := st.CheckInDays(ctx)
			if err != nil || len(days) < sample.LargeCheckIns {
				b.Fatal(len(days), err)
			}
		}
	})
}

// BenchmarkReachOutsBetween14DaysLarge is the last fortnight of the log,
// as Today and the weekly summary read it.
func BenchmarkReachOutsBetween14Days(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			rs, err := st.ReachOutsBetween(ctx, benchDay.AddDays(-13), benchDay)
			if err != nil || len(rs) == 0 {
				b.Fatal(len(rs), err)
			}
		}
	})
}

// BenchmarkAnyTimeLarge is the crisis card's query, which must be instant.
func BenchmarkAnyTime(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			if _, err := st.AnyTimeContacts(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAddContacts500 is an import of 500 contacts in one transaction.
func BenchmarkAddContacts500(b *testing.B) {
	ctx := context.Background()
	src, err := store.Open(ctx, largeJournal(b))
	if err != nil {
		b.Fatal(err)
	}
	active, _ := src.Contacts(ctx, false, benchDay)
	archived, _ := src.Contacts(ctx, true, benchDay)
	src.Close()
	all := append(active, archived...)
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := st.AddContacts(ctx, all); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkReflectionHeadersLarge is the list of past weeks on the
// Reflection screen: 520 weeks, each with its first line and answer count.
func BenchmarkReflectionHeaders(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			hs, err := st.ReflectionHeaders(ctx)
			if err != nil || len(hs) < sample.LargeReflections {
				b.Fatal(len(hs), err)
			}
		}
	})
}

// BenchmarkReflectionHeadersFrom is the list of past weeks as the screen
// reads it: a stretch of a few screens from the newest.
func BenchmarkReflectionHeadersFrom(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			hs, err := st.ReflectionHeadersFrom(ctx, model.Week{}, true, 91)
			if err != nil || len(hs) != 91 {
				b.Fatal(len(hs), err)
			}
		}
	})
}

// BenchmarkReflectionLarge is opening one week, last week, among 520.
func BenchmarkReflection(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		week := model.WeekOf(benchDay).Prev()
		for b.Loop() {
			r, ok, err := st.Reflection(ctx, week)
			if err != nil || !ok || len(r.Answers) == 0 {
				b.Fatal(ok, err)
			}
		}
	})
}

// BenchmarkLastContactsBeforeLarge is the weekly summary's "who had faded
// by the end of the week" on a decade of reach-outs: last week's Sunday.
func BenchmarkLastContactsBefore(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		sunday := model.WeekOf(benchDay).Prev().Sunday()
		for b.Loop() {
			m, err := st.LastContactsBefore(ctx, sunday)
			if err != nil || len(m) < 400 {
				b.Fatal(len(m), err)
			}
		}
	})
}

// BenchmarkReachOutCounts52WeeksLarge is the Network view's heatmap: a
// year of days counted from the day index of 50,000 reach-outs.
func BenchmarkReachOutCounts52Weeks(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			counts, err := st.ReachOutCounts(ctx, benchDay.AddDays(-363), benchDay)
			if err != nil || len(counts) == 0 {
				b.Fatal(len(counts), err)
			}
		}
	})
}

// BenchmarkNetworkQueries is everything the Network view reads when it
// opens, one after the other as its load command does: the figures of 14
// days and of 12 weeks, a screenful of who has faded (read as the page
// shows them), the circles and their first names, the people who support
// using most in touch and when, the heatmap's year, half a year of
// check-ins and the recent check-ups.
func BenchmarkNetworkQueries(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		for b.Loop() {
			short, err := st.Health(ctx, benchDay.AddDays(-13), benchDay)
			if err != nil || short.ReachOuts == 0 {
				b.Fatal(short.ReachOuts, err)
			}
			faded, total, err := st.Faded(ctx, benchDay, 0, 30)
			if err != nil || len(faded) == 0 || total == 0 {
				b.Fatal(len(faded), total, err)
			}
			long, err := st.Health(ctx, benchDay.AddDays(-83), benchDay)
			if err != nil || long.People == 0 {
				b.Fatal(long.People, err)
			}
			circles, err := st.CircleMembers(ctx, 22)
			if err != nil || len(circles) == 0 {
				b.Fatal(len(circles), err)
			}
			using, _, err := st.UsingPeople(ctx, benchDay.AddDays(-83), benchDay, 5)
			if err != nil || len(using) == 0 {
				b.Fatal(len(using), err)
			}
			ids := make([]int64, len(using))
			for i, c := range using {
				ids[i] = c.ID
			}
			if _, err := st.MomentsWith(ctx, ids, benchDay.AddDays(-83), benchDay); err != nil {
				b.Fatal(err)
			}
			counts, err := st.ReachOutCounts(ctx, benchDay.AddDays(-363), benchDay)
			if err != nil || len(counts) == 0 {
				b.Fatal(len(counts), err)
			}
			cs, err := st.CheckIns(ctx, benchDay.AddDays(-181), benchDay)
			if err != nil || len(cs) == 0 {
				b.Fatal(len(cs), err)
			}
			for _, in := range model.Instruments {
				ups, err := st.RecentCheckups(ctx, in, 40)
				if err != nil || len(ups) == 0 {
					b.Fatal(in, len(ups), err)
				}
			}
		}
	})
}

// BenchmarkWeekFigures is what a week's summary reads on the Reflection
// screen: last week's figures and the first who had faded by its Sunday.
func BenchmarkWeekFigures(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) {
		week := model.WeekOf(benchDay).Prev()
		for b.Loop() {
			h, err := st.Health(ctx, week.Monday(), week.Sunday())
			if err != nil || h.People == 0 {
				b.Fatal(h.People, err)
			}
			faded, total, err := st.Faded(ctx, week.Sunday(), 0, 5)
			if err != nil || len(faded) != 5 || total < 100 {
				b.Fatal(len(faded), total, err)
			}
		}
	})
}

// BenchmarkCrisisCardReads is what `tether sos` reads from a decade's
// journal opened read-only: the settings, the safety plan and the people
// the card may show.
func BenchmarkCrisisCardReads(b *testing.B) {
	ctx := context.Background()
	benchjournal.Each(b, benchDay, func(b *testing.B, path string) {
		for b.Loop() {
			st, err := store.OpenReadOnly(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := st.Settings(ctx); err != nil {
				b.Fatal(err)
			}
			plan, err := st.SafetyPlan(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if people, err := st.CardPeople(ctx, plan); err != nil || len(people.People) == 0 {
				b.Fatal(len(people.People), err)
			}
			st.Close()
		}
	})
}

// The durable saves: each is one transaction committed with
// synchronous=FULL, so the time includes the fsync that makes it survive a
// power cut. Targets (issue 7): a save within 2 ms.

// evening is a moment on the benchmarks' day, for the store's clock.
var evening = benchDay.Time().Add(20 * time.Hour)

func openLargeForWriting(b *testing.B) *store.Store {
	st := openLarge(b)
	st.Now = func() time.Time { return evening }
	return st
}

// BenchmarkSaveReachOutDurable is logging one reach-out: the commonest
// write, from `l enter` or `tether log`.
func BenchmarkSaveReachOutDurable(b *testing.B) {
	ctx := context.Background()
	st := openLargeForWriting(b)
	list, err := st.Contacts(ctx, false, benchDay)
	if err != nil || len(list) == 0 {
		b.Fatal(len(list), err)
	}
	for b.Loop() {
		_, err := st.SaveReachOut(ctx, model.ReachOut{ContactID: list[0].ID, At: evening,
			Channel: model.ChannelCall, Direction: model.DirectionMine})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveCheckInDurable is saving the evening check-in (again and
// again: the same day, updated).
func BenchmarkSaveCheckInDurable(b *testing.B) {
	ctx := context.Background()
	st := openLargeForWriting(b)
	craving := 3
	mood := 0
	for b.Loop() {
		mood = mood%5 + 1
		if _, err := st.SaveCheckIn(ctx, model.CheckIn{Day: benchDay, Mood: mood, Craving: &craving, Lonely: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveReflectionDurable is an autosave of the week's reflection:
// the whole week, ratings and every answer, in one transaction.
func BenchmarkSaveReflectionDurable(b *testing.B) {
	ctx := context.Background()
	st := openLargeForWriting(b)
	r := model.Reflection{Week: model.WeekOf(benchDay), Supported: 7, Confidence: 6, CravingBother: 3,
		Answers: []model.Answer{
			{Prompt: "What went well this week?", Text: "Called Maria twice; went to the Thursday meeting."},
			{Prompt: "What was hard?", Text: "Sunday evening, on my own.\nI texted Sam and it helped."},
			{Prompt: "Who do I want to reach next week?", Text: "My sister 🌻"},
		}}
	for b.Loop() {
		if _, err := st.SaveReflection(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchLarge measures one keystroke of a search on a decade of
// data: the words typed so far, the first page of results.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	eachJournal(b, func(b *testing.B, st *store.Store) { searchEach(b, ctx, st) })
}

func searchEach(b *testing.B, ctx context.Context, st *store.Store) {
	for _, q := range []string{"b", "bisc", "walk", "meeting went"} {
		b.Run(q, func(b *testing.B) {
			for range b.N {
				if _, err := st.Search(ctx, q, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	benchjournal.Clean()
	os.Exit(code)
}
