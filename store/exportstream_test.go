package store

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// SetExportPage makes WriteExport read n records at a time until the
// returned function is called: for store_test's tests on the sample
// journals.
func SetExportPage(n int) (restore func()) {
	was := exportPage
	exportPage = n
	return func() { exportPage = was }
}

// SameExport checks that WriteExport writes what Export and EncodeExport
// write of the same journal and period, byte for byte, and counts what it
// wrote; it returns the bytes.
func SameExport(t testing.TB, s *Store, from, to model.Date) []byte {
	t.Helper()
	ctx := context.Background()
	e, err := s.Export(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	var whole, streamed bytes.Buffer
	if err := journalfile.EncodeExport(&whole, e); err != nil {
		t.Fatal(err)
	}
	n, err := s.WriteExport(ctx, &streamed, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
		a, b := whole.String(), streamed.String()
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("%s to %s: WriteExport differs at byte %d of %d:\n%q\nExport and EncodeExport:\n%q",
			from, to, i, len(a), b[max(0, i-80):min(len(b), i+80)], a[max(0, i-80):min(len(a), i+80)])
	}
	want := journalfile.Counts{Contacts: len(e.Contacts), ReachOuts: len(e.ReachOuts), CheckIns: len(e.CheckIns),
		Reflections: len(e.Reflections), Checkups: len(e.Checkups), Plans: len(e.Plans), Removed: len(e.Removed)}
	if n != want {
		t.Errorf("%s to %s: WriteExport counted %+v, want %+v", from, to, n, want)
	}
	return streamed.Bytes()
}

// The streamed export is the in-memory one, byte for byte: the whole
// journal and periods, read a page or two records at a time (so every list
// crosses pages, ties of a day and of an instant among them), an empty
// journal, and one of a schema before check-ups and uids.
func TestWriteExportIsExportEncoded(t *testing.T) {
	defer SetExportPage(2)()
	s := openStore(t)
	f := fill(t, s)
	ctx := context.Background()
	// Two reach-outs at one instant, plans, and a removal.
	at := time.Date(2026, time.March, 6, 19, 0, 0, 0, eastern)
	logAt(t, s, f.sam, at)
	logAt(t, s, f.zoe, at)
	if err := s.DeleteReachOut(ctx, logAt(t, s, f.zoe, at.Add(time.Hour)).ID); err != nil {
		t.Fatal(err)
	}
	for _, d := range []int{20, 20, 21} {
		if _, err := s.SavePlan(ctx, model.Plan{ContactID: f.sam, Day: march(d), Channel: model.ChannelCall}); err != nil {
			t.Fatal(err)
		}
	}
	for _, page := range []int{1, 2, 3, 1000} {
		SetExportPage(page)
		for _, p := range [][2]model.Date{{}, {march(2), march(4)}, {march(1), {}}, {{}, march(1)}, {march(8), march(8)}} {
			SameExport(t, s, p[0], p[1])
		}
	}
	SameExport(t, openStore(t), model.Date{}, model.Date{})
	old := journalAtVersion(t, filepath.Join(t.TempDir(), "tether.db"), 3)
	t.Cleanup(func() { old.Close() })
	addOldContacts(t, old, []model.Contact{{Name: "Sam Okafor"}, {Name: "Ana Lima"}, {Name: "Jo"}})
	SameExport(t, old, model.Date{}, model.Date{})
	if _, err := s.WriteExport(ctx, &bytes.Buffer{}, march(4), march(2)); err == nil {
		t.Fatal("a period that ends before it starts was accepted")
	}
}
