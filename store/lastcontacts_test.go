package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// TestLastContactsBefore: the latest reach-out on or before a local day,
// decided by the day it was where it was logged, not by the instant: an
// evening in New York is the next morning in UTC, and a morning at UTC+14
// is the evening before in UTC.
func TestLastContactsBefore(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	day := model.Date{Year: 2026, Month: time.March, Day: 1}
	at := func(d model.Date, h, m int, zone *time.Location) time.Time {
		return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, zone)
	}
	late, early, none, archived, tie := addContact(t, s, "Late evening"), addContact(t, s, "Early"),
		addContact(t, s, "Only later"), addContact(t, s, "Archived"), addContact(t, s, "Same second")

	// 23:30 in New York on the day: 04:30 UTC the day after. Included.
	lateEvening := logAt(t, s, late, at(day, 23, 30, eastern)).At
	// 00:10 the next day at UTC+14: 10:10 UTC on the day itself, an earlier
	// instant than the evening above, but a later local day. Left out.
	logAt(t, s, late, at(day.AddDays(1), 0, 10, kiritimati))

	fiveBefore := logAt(t, s, early, at(day.AddDays(-5), 9, 0, time.UTC)).At
	logAt(t, s, early, at(day.AddDays(-400), 9, 0, time.UTC))
	logAt(t, s, early, at(day.AddDays(2), 9, 0, time.UTC))
	logAt(t, s, none, at(day.AddDays(1), 0, 0, bakerIsland))

	tenBefore := logAt(t, s, archived, at(day.AddDays(-10), 18, 0, time.UTC)).At
	if err := s.SetArchived(ctx, archived, true); err != nil {
		t.Fatal(err)
	}
	// Two on the same second: the one logged later wins, as LastContact's.
	logAt(t, s, tie, at(day, 12, 0, time.UTC))
	second := logAt(t, s, tie, at(day, 12, 0, time.UTC).In(eastern)).At

	got, err := s.LastContactsBefore(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]time.Time{late: lateEvening, early: fiveBefore, archived: tenBefore, tie: second}
	if len(got) != len(want) {
		t.Errorf("%d contacts; want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		g, ok := got[id]
		_, gotOff := g.Zone()
		_, wantOff := w.Zone()
		if !ok || !g.Equal(w) || gotOff != wantOff {
			t.Errorf("contact %d: %v (present %v); want %v", id, g, ok, w)
		}
	}
	if _, ok := got[none]; ok {
		t.Error("a contact first reached after the day is in the map")
	}

	// The day before the evening: the earlier one is not there yet.
	before, err := s.LastContactsBefore(ctx, day.AddDays(-1))
	if err != nil || !before[late].IsZero() || !before[early].Equal(fiveBefore) {
		t.Errorf("the day before: %v, %v", before, err)
	}
	if all, err := s.LastContactsBefore(ctx, model.Date{}); len(all) != 0 || err != nil {
		t.Errorf("no day: %v, %v", all, err)
	}

	// On today it is each contact's LastContact, exactly.
	now, err := s.LastContactsBefore(ctx, testToday)
	if err != nil {
		t.Fatal(err)
	}
	for _, arch := range []bool{false, true} {
		list, err := s.Contacts(ctx, arch, testToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			_, a := c.LastContact.Zone()
			_, b := now[c.ID].Zone()
			if !c.LastContact.Equal(now[c.ID]) || a != b {
				t.Errorf("%s: LastContact %v, LastContactsBefore(today) %v", c.Name, c.LastContact, now[c.ID])
			}
		}
	}
}

// TestLastContactsBeforeUsesTheIndex: one query, a seek per contact into
// reach_outs_contact bounded by the day's last instant, never a scan of
// the log.
func TestLastContactsBeforeUsesTheIndex(t *testing.T) {
	s := openStore(t)
	plan := queryPlan(t, s, lastContactsBeforeSQL, 1772409600, "2026-03-01")
	for _, want := range []string{
		"SCAN c USING COVERING INDEX",
		"SEARCH last USING INTEGER PRIMARY KEY (rowid=?)",
		"SEARCH r USING COVERING INDEX reach_outs_contact (contact_id=? AND at_unix<?)",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan %s\nlacks %s", plan, want)
		}
	}
	for _, never := range []string{"SCAN r", "SCAN last", "SCAN reach_outs", "TEMP B-TREE", "AUTOMATIC"} {
		if strings.Contains(plan, never) {
			t.Errorf("plan %s\nhas %s", plan, never)
		}
	}
}
