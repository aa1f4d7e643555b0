package store

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Of many people due, the first few are found among the few groups that
// can reach them: with six sponsors rated 5 due and three hundred others
// due, the bound is the sponsors' least points, and only sponsors' groups
// are read; with ten asked for, it falls to the next group that holds
// anyone due, and the groups read widen just enough.
func TestFirstDueReadsOnlyTheGroupsThatCanReachTheFirst(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	add := func(c model.Contact, daysAgo int) {
		saved, err := s.SaveContact(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		at := testToday.AddDays(-daysAgo).Time().Add(12 * time.Hour)
		if _, err := s.SaveReachOut(ctx, model.ReachOut{ContactID: saved.ID, At: at, Channel: model.ChannelCall}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 6 {
		add(model.Contact{Name: fmt.Sprintf("Sponsor %d", i), Circle: model.CircleSponsor, Importance: 5, CadenceDays: 7}, 8+i)
	}
	for i := range 300 {
		add(model.Contact{Name: fmt.Sprintf("Colleague %d", i), Circle: model.CircleWork, Importance: 1 + i%2, CadenceDays: 7}, 30+i%40)
	}
	day := testToday.Time().Unix() / 86400
	err := s.read(ctx, func(tx *sql.Tx) error {
		latest, err := circlesLatest(ctx, tx)
		if err != nil {
			return err
		}
		quiet := model.QuietCircles(latest, testToday)
		groups := dueGroups(testToday, quiet)
		sponsor := model.Points(model.Contact{Circle: model.CircleSponsor, Importance: 5}, testToday, quiet)
		work := model.Points(model.Contact{Circle: model.CircleWork, Importance: 2}, testToday, quiet)
		for _, tt := range []struct {
			first int
			want  float64
		}{{5, sponsor}, {6, sponsor}, {7, work}} {
			bound, err := pointsBound(ctx, tx, day, groups, tt.first)
			if err != nil {
				return err
			}
			if bound != tt.want {
				t.Errorf("first %d: bound %v; want %v", tt.first, bound, tt.want)
			}
			for _, g := range groups {
				if g.most >= bound && model.Circles[g.circle] != model.CircleSponsor && bound == sponsor {
					t.Errorf("first %d: the group %+v is read, though none of it can reach %v", tt.first, g, bound)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
