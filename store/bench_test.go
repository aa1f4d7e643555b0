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

// These benchmarks live in an external test package: the sample generator
// imports store, so store's own tests cannot import it.

var today = model.Date{Year: 2026, Month: time.March, Day: 9}

func largeJournal(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "large.db")
	if err := sample.Write(context.Background(), path, sample.Large, today); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenLarge is starting Tether on a decade of contacts: open,
// check, migrate (nothing to do) and list the Contacts screen.
func BenchmarkOpenLarge(b *testing.B) {
	ctx := context.Background()
	path := largeJournal(b)
	for b.Loop() {
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		list, err := st.Contacts(ctx, false)
		if err != nil || len(list) == 0 {
			b.Fatal(len(list), err)
		}
		st.Close()
	}
}

// BenchmarkContactsLarge is one refresh of the contact list.
func BenchmarkContactsLarge(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, largeJournal(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		if _, err := st.Contacts(ctx, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnyTimeLarge is the crisis card's query, which must be instant.
func BenchmarkAnyTimeLarge(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, largeJournal(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		if _, err := st.AnyTimeContacts(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddContacts500 is an import of 500 contacts in one transaction.
func BenchmarkAddContacts500(b *testing.B) {
	ctx := context.Background()
	src, err := store.Open(ctx, largeJournal(b))
	if err != nil {
		b.Fatal(err)
	}
	active, _ := src.Contacts(ctx, false)
	archived, _ := src.Contacts(ctx, true)
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
