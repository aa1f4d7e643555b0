package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// Roster reads less than Contacts but must tell the same story: the same
// people due, in the same order, with the same last contact and the fields
// a due line shows, and the same counts, on days where some are due, some
// overdue and some never reached.
func TestRosterAgreesWithTheWholeList(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tether.db")
	if err := sample.Write(ctx, path, sample.Small, today); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// A new person with a rhythm and no reach-out yet is due too.
	if _, err := st.SaveContact(ctx, model.Contact{Name: "Noor Haddad", CadenceDays: 7, Phone: "+44 20 7946 0000"}); err != nil {
		t.Fatal(err)
	}
	// Weekly people last reached either side of the rhythm's edge, in zones
	// far from UTC: the last minute of the day a week ago (due) and the
	// first minute of the day after (not yet).
	for i, at := range []time.Time{
		time.Date(today.Year, today.Month, today.Day-7, 23, 59, 0, 0, time.FixedZone("", 14*3600)),
		time.Date(today.Year, today.Month, today.Day-6, 0, 0, 0, 0, time.FixedZone("", -11*3600)),
		time.Date(today.Year, today.Month, today.Day-7, 0, 0, 0, 0, time.FixedZone("", -11*3600)),
		time.Date(today.Year, today.Month, today.Day-6, 23, 59, 0, 0, time.FixedZone("", 14*3600)),
	} {
		c, err := st.SaveContact(ctx, model.Contact{Name: fmt.Sprintf("Edge %d", i), CadenceDays: 7})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: at}); err != nil {
			t.Fatal(err)
		}
	}
	for _, day := range []model.Date{today, today.AddDays(10), today.AddDays(90)} {
		r, err := st.Roster(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		all, err := st.Contacts(ctx, false, day)
		if err != nil {
			t.Fatal(err)
		}
		anyTime := 0
		for _, c := range all {
			if c.AnyTime {
				anyTime++
			}
		}
		if r.Active != len(all) || r.AnyTime != anyTime {
			t.Errorf("%s: roster counts %d active, %d any time; the list has %d, %d", day, r.Active, r.AnyTime, len(all), anyTime)
		}
		want := model.DueContacts(all, day)
		if len(want) == 0 || len(r.Due) != len(want) {
			t.Fatalf("%s: roster has %d due, the list %d", day, len(r.Due), len(want))
		}
		for i, c := range r.Due {
			w := want[i]
			if c.ID != w.ID || c.Name != w.Name || c.Nickname != w.Nickname || c.Circle != w.Circle ||
				c.Phone != w.Phone || c.Email != w.Email || c.Preferred != w.Preferred ||
				c.Importance != w.Importance || c.CadenceDays != w.CadenceDays || c.AnyTime != w.AnyTime ||
				!c.LastContact.Equal(w.LastContact) || c.LastContact.Format("-07:00") != w.LastContact.Format("-07:00") ||
				c.Due(day) != w.Due(day) {
				t.Errorf("%s: due %d is %+v; the list says %+v", day, i, c, w)
			}
		}
	}
}
