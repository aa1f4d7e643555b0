package model

import (
	"strings"
	"testing"
)

func TestQuietSigns(t *testing.T) {
	today := Date{2026, 12, 4}
	lately := QuietFacts{LastMine: today.AddDays(-1), Mine: 6, Theirs: 2, Circles: []Circle{CircleSponsor, CircleFriend}, CirclesBefore: 3}
	for _, tt := range []struct {
		name string
		f    func(QuietFacts) QuietFacts
		days int
		want string // a part of what is said; "" for nothing
	}{
		{"in touch", func(f QuietFacts) QuietFacts { return f }, 0, ""},
		{"a new journal: no pattern yet", func(QuietFacts) QuietFacts { return QuietFacts{} }, 0, ""},
		{"two days is not yet three", func(f QuietFacts) QuietFacts { f.LastMine = today.AddDays(-2); return f }, 0, ""},
		{"three days", func(f QuietFacts) QuietFacts { f.LastMine = today.AddDays(-3); return f }, 0, "3 days since you last reached out"},
		{"a setting of five", func(f QuietFacts) QuietFacts { f.LastMine = today.AddDays(-4); return f }, 5, ""},
		{"a setting of one", func(f QuietFacts) QuietFacts { f.LastMine = today.AddDays(-1); return f }, 1, "1 day since"},
		{"only inbound", func(f QuietFacts) QuietFacts {
			f.LastMine, f.Mine, f.Theirs = today.AddDays(-20), 0, 3
			return f
		}, 30, "People have reached out to you"},
		{"one circle left", func(f QuietFacts) QuietFacts { f.Circles = []Circle{CircleWork}; return f }, 0, "one circle (school / work)"},
		{"one circle, as before", func(f QuietFacts) QuietFacts { f.Circles, f.CirclesBefore = []Circle{CircleFamily}, 1; return f }, 0, ""},
		{"lonely three days", func(f QuietFacts) QuietFacts { f.LonelyDays = 3; return f }, 0, "ticked lonely 3 days running"},
		{"lonely two days", func(f QuietFacts) QuietFacts { f.LonelyDays = 2; return f }, 0, ""},
		{"put aside today", func(f QuietFacts) QuietFacts { f.LonelyDays, f.Dismissed = 5, today; return f }, 0, ""},
		{"put aside yesterday", func(f QuietFacts) QuietFacts { f.LonelyDays, f.Dismissed = 5, today.AddDays(-1); return f }, 0, "lonely 5 days"},
	} {
		got, ok := QuietSigns(tt.f(lately), today, tt.days)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%s: said %q", tt.name, got.Noticed)
		case tt.want != "" && (!ok || !strings.Contains(got.Noticed, tt.want)):
			t.Errorf("%s: said %q (%v), want %q", tt.name, got.Noticed, ok, tt.want)
		}
	}
}

func TestLonelyRun(t *testing.T) {
	today := Date{2026, 12, 4}
	day := func(back int, lonely bool) CheckIn { return CheckIn{Day: today.AddDays(-back), Lonely: lonely} }
	for _, tt := range []struct {
		name string
		in   []CheckIn
		want int
	}{
		{"none", nil, 0},
		{"three to today", []CheckIn{day(0, true), day(1, true), day(2, true), day(4, true)}, 3},
		{"to yesterday, today not yet", []CheckIn{day(1, true), day(2, true), day(3, true)}, 3},
		{"a gap breaks it", []CheckIn{day(0, true), day(2, true), day(3, true)}, 1},
		{"today not lonely", []CheckIn{day(0, false), day(1, true), day(2, true)}, 2},
	} {
		if got := LonelyRun(tt.in, today); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}
