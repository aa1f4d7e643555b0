package views

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/tether-recovery/tether/internal/benchjournal"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// openApp opens the journal and runs the app to its first Contacts frame,
// executing the start-up commands as the runtime would.
func openApp(b *testing.B, path string) (*store.Store, *loop) {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	l := &loop{app: New(st, Options{Clock: fixedClock})}
	l.start(100, 30)
	l.send(keyMsg("2"))
	return st, l
}

// BenchmarkOpenLargeJournalToContacts measures what a person waits for:
// open the journal, load, and draw the Contacts screen.
func BenchmarkOpenJournalToContacts(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		b.ResetTimer()
		for range b.N {
			st, d := openApp(b, path)
			_ = d.app.frame()
			st.Close()
		}
	})
}

// BenchmarkContactsKeypress measures one keypress and redraw on the large
// journal's contact list: the cost of holding j.
func BenchmarkContactsKeypress(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		b.ResetTimer()
		for i := range b.N {
			k := "j"
			if i%200 >= 100 {
				k = "k"
			}
			d.send(keyMsg(k))
			_ = d.app.frame()
		}
	})
}

// BenchmarkContactsFilterKeypress measures typing one letter of a filter.
func BenchmarkContactsFilterKeypress(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("/"))
		b.ResetTimer()
		for i := range b.N {
			if i%2 == 0 {
				d.send(keyMsg("a"))
			} else {
				d.send(keyMsg("backspace"))
			}
			_ = d.app.frame()
		}
	})
}

// BenchmarkContactsEndHome measures G and g on the contact list: a jump
// to the far end of the list reads the window there.
func BenchmarkContactsEndHome(b *testing.B) {
	benchjournal.Each(b, model.Today(fixedClock), func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		b.ResetTimer()
		for i := range b.N {
			k := "G"
			if i%2 == 1 {
				k = "g"
			}
			d.send(keyMsg(k))
			_ = d.app.frame()
		}
	})
}

// BenchmarkContactsFilterWordAndClear measures a word typed into the
// filter at once (a paste) and esc: the list filtered, then whole again
// with the same person selected.
func BenchmarkContactsFilterWordAndClear(b *testing.B) {
	benchjournal.Each(b, model.Today(fixedClock), func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("/"))
		b.ResetTimer()
		for range b.N {
			d.send(tea.PasteMsg{Content: "ma"})
			_ = d.app.frame()
			d.send(keyMsg("esc"))
			_ = d.app.frame()
			d.send(keyMsg("/"))
		}
	})
}

// BenchmarkCheckInDayMove measures [ on the Check-in screen: read one day
// of the decade (its check-in and reach-outs) and redraw.
func BenchmarkCheckInDayMove(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("3"))
		b.ResetTimer()
		for i := range b.N {
			k := "["
			if i%60 >= 30 {
				k = "]"
			}
			d.send(keyMsg(k))
			_ = d.app.frame()
		}
	})
}

// BenchmarkTodayRedraw measures a keypress on Today with a decade of
// check-ins behind the streak and sparklines.
func BenchmarkTodayRedraw(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("1"))
		b.ResetTimer()
		for i := range b.N {
			if i%2 == 0 {
				d.send(keyMsg("j"))
			} else {
				d.send(keyMsg("k"))
			}
			_ = d.app.frame()
		}
	})
}

// BenchmarkReflectionOpenAndList measures opening the Reflection view (the
// week, its prompts and the log behind its summary) and then the list of
// 520 past weeks, on the large journal.
func BenchmarkReflectionOpenAndList(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		b.ResetTimer()
		for range b.N {
			d.app.stale[screenReflection] = true // read afresh, as after a change
			d.send(keyMsg("4"))
			_ = d.app.frame()
			d.send(keyMsg("w"))
			_ = d.app.frame()
			d.send(keyMsg("esc"))
			d.send(keyMsg("1"))
		}
	})
}

// BenchmarkReflectionWeekMove measures moving a week on the Reflection
// screen, [ then ], each with its redraw: [ shows the week read ahead and
// reads the one before it; ] reads the later week afresh and the one
// before it. Both directions, as a person pages back and forth.
func BenchmarkReflectionWeekMove(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("4"))
		d.send(keyMsg("["))
		b.ResetTimer()
		for i := range b.N {
			k := "["
			if i%2 == 1 {
				k = "]"
			}
			d.send(keyMsg(k))
			_ = d.app.frame()
		}
	})
}

// BenchmarkNetworkOpen measures opening the Network review on the large
// journal: its queries (both contact lists, 12 weeks of reach-outs, a
// year of daily counts, half a year of check-ins, the check-ups) and the
// first frame.
func BenchmarkNetworkOpen(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		b.ResetTimer()
		for range b.N {
			d.app.stale[screenNetwork] = true // read afresh, as after a change
			d.send(keyMsg("5"))
			_ = d.app.frame()
			d.send(keyMsg("1"))
		}
	})
}

// BenchmarkNetworkKeypress measures moving through the faded list and
// redrawing the review.
func BenchmarkNetworkKeypress(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("5"))
		b.ResetTimer()
		for i := range b.N {
			k := "j"
			if i%40 >= 20 {
				k = "k"
			}
			d.send(keyMsg(k))
			_ = d.app.frame()
		}
	})
}

// BenchmarkOpenLargeJournalToToday measures start-up as a person meets it:
// open the journal, run the start-up loads, draw Today.
func BenchmarkOpenJournalToToday(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		b.ResetTimer()
		for range b.N {
			st, err := store.Open(context.Background(), path)
			if err != nil {
				b.Fatal(err)
			}
			l := &loop{app: New(st, Options{Clock: fixedClock})}
			l.start(100, 30)
			_ = l.app.frame()
			st.Close()
		}
	})
}

// BenchmarkView measures View() alone for every screen on the large
// journal, once its data is loaded: the cost of each redraw, paid on every
// keypress and every message.
func BenchmarkView(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		screens := []struct {
			name string
			keys []string
		}{
			{"Today", []string{"1"}},
			{"Contacts", []string{"2"}},
			{"ContactDetail", []string{"2", "j", "enter"}},
			{"ContactsFiltered", []string{"2", "/", "a", "n"}},
			{"CheckIn", []string{"3"}},
			{"CheckInForm", []string{"3", "enter"}},
			{"Reflection", []string{"4"}},
			{"ReflectionList", []string{"4", "w"}},
			{"Network", []string{"5"}},
			{"CrisisCard", []string{"!"}},
			{"LogDialog", []string{"1", "l"}},
			{"Help", []string{"?"}},
		}
		// Drawn in colour as in a terminal (tmux: 256 colours), not in the
		// plain text a test's output gets: styling is much of a frame's cost.
		for _, sc := range screens {
			b.Run(sc.name, func(b *testing.B) {
				st, d := openApp(b, path)
				defer st.Close()
				d.app.restyle(colorprofile.ANSI256, true)
				d.send(keyMsg("1"))
				for _, k := range sc.keys {
					d.send(keyMsg(k))
				}
				for b.Loop() {
					_ = d.app.frame()
				}
			})
		}
	})
}

// BenchmarkTimelinePage measures a page move in the timeline (Check-in, v,
// then [ and ]): two weeks read and drawn, on the large journal.
func BenchmarkTimelinePage(b *testing.B) {
	benchjournal.Each(b, benchjournal.Day, func(b *testing.B, path string) {
		st, d := openApp(b, path)
		defer st.Close()
		d.send(keyMsg("3"))
		d.send(keyMsg("v"))
		b.ResetTimer()
		for i := range b.N {
			k := "["
			if i%2 == 1 {
				k = "]"
			}
			d.send(keyMsg(k))
			_ = d.app.frame()
		}
	})
}

// largeJournal is the large sample journal, for the tests that look at a
// decade of data.
func largeJournal(tb testing.TB) string {
	tb.Helper()
	return benchjournal.Path(tb, sample.Large, benchjournal.Day)
}

// The benchmarks' journals are written as of the day the screens' fixed
// clock shows, or Today would measure a journal gone quiet for months.
func TestBenchJournalsAreOnTheClocksDay(t *testing.T) {
	if got := model.Today(fixedClock); got != benchjournal.Day {
		t.Errorf("fixedClock is on %s, the benchmarks' journals on %s", got, benchjournal.Day)
	}
}
