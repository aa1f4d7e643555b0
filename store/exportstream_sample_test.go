package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// sampleStore opens a sample journal of size, written as of today, with
// the store's clock pinned.
func sampleStore(t *testing.T, size sample.Size) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tether.db")
	if err := sample.Write(context.Background(), path, size, today); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return time.Date(2026, 3, 9, 21, 30, 0, 0, time.UTC) }
	return st
}

// The streamed export of the sample journals is the in-memory one encoded,
// byte for byte: the small one a few records a page, the large one (a
// decade: 50,000 reach-outs) as exported, whole and for a year.
func TestWriteExportOfTheSampleJournals(t *testing.T) {
	small := sampleStore(t, sample.Small)
	restore := store.SetExportPage(7)
	store.SameExport(t, small, model.Date{}, model.Date{})
	store.SameExport(t, small, today.AddDays(-20), today.AddDays(-3))
	restore()
	if testing.Short() {
		t.Skip("writes the large sample journal")
	}
	large := sampleStore(t, sample.Large)
	store.SameExport(t, large, model.Date{}, model.Date{})
	store.SameExport(t, large, today.AddDays(-400), today.AddDays(-35))
}
