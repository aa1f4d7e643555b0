package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// A second Store on the same file stands in for another Tether window:
// its commit changes the first one's DataVersion; reading alone does not.
func TestDataVersionSeesAnotherWindowsCommit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "j.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	v1, err := a.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Contacts(ctx, false, model.Date{}); err != nil {
		t.Fatal(err)
	}
	if v, _ := a.DataVersion(ctx); v != v1 {
		t.Fatalf("a read changed the version: %d → %d", v1, v)
	}
	b, err := OpenReadOnly(ctx, path) // only to prove a reader changes nothing either
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.SaveContact(ctx, model.Contact{Name: "From the other window"}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if v, _ := a.DataVersion(ctx); v == v1 {
		t.Fatal("another window's commit did not change the version")
	}
}
