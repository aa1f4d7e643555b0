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

func TestGenerate(t *testing.T) {
	tests := []struct {
		size                  Size
		minActive, minArchive int
		total                 int
		minAnyTime            int
	}{
		{Small, 18, 3, 24, 3},
		{Large, 200, 100, 500, 12},
	}
	for _, tt := range tests {
		t.Run(string(tt.size), func(t *testing.T) {
			ctx := context.Background()
			lists := make([][]model.Contact, 2)
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
				act, _ := st.Contacts(ctx, false)
				arch, _ := st.Contacts(ctx, true)
				lists[run] = append(act, arch...)

				circles := map[model.Circle]bool{}
				for _, c := range lists[run] {
					circles[c.Circle] = true
				}
				if tt.size == Large && len(circles) != len(model.Circles) {
					t.Errorf("%d circles used; want all %d", len(circles), len(model.Circles))
				}
			}
			if !reflect.DeepEqual(lists[0], lists[1]) {
				t.Error("two runs with the same size and day gave different journals")
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

func BenchmarkGenerateLarge(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "large.db")
		if err := Write(ctx, path, Large, today); err != nil {
			b.Fatal(err)
		}
	}
}
