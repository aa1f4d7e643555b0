package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

func TestLogWithNewContact(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	at := s.now().Add(-time.Hour)
	saved, err := s.LogWithNewContact(ctx, model.Contact{Name: "Ana from Tuesday", CadenceDays: 7},
		model.ReachOut{At: at, Channel: model.ChannelText, Direction: model.DirectionTheirs, Note: "welcome text"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.ContactName != "Ana from Tuesday" || saved.ID == 0 || saved.Note != "welcome text" {
		t.Fatalf("saved %+v", saved)
	}
	c, err := s.Contact(ctx, saved.ContactID)
	if err != nil || c.Name != "Ana from Tuesday" || c.CadenceDays != 7 {
		t.Fatalf("the new contact: %+v, %v", c, err)
	}
	rs, err := historyOf(s, ctx, c.ID, 10)
	if err != nil || len(rs) != 1 || rs[0].ID != saved.ID {
		t.Fatalf("their history: %+v, %v", rs, err)
	}
}

// Neither is saved when either is refused: no stray contact, no orphan.
func TestLogWithNewContactAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	for name, tt := range map[string]struct {
		c     model.Contact
		r     model.ReachOut
		field string
	}{
		"no name":              {model.Contact{Name: "   "}, model.ReachOut{At: s.now(), Channel: model.ChannelCall}, model.FieldContact},
		"a time in the future": {model.Contact{Name: "Ana"}, model.ReachOut{At: s.now().Add(48 * time.Hour), Channel: model.ChannelCall}, model.FieldAt},
	} {
		_, err := s.LogWithNewContact(ctx, tt.c, tt.r)
		var p model.Problems
		if !errors.As(err, &p) || p[tt.field] == "" {
			t.Errorf("%s: %v, want a problem with %s", name, err, tt.field)
		}
		if _, ok := p[model.FieldContact]; ok && tt.field != model.FieldContact {
			t.Errorf("%s: a new person was reported missing: %v", name, p)
		}
	}
	active, archived, err := s.CountContacts(ctx)
	if err != nil || active+archived != 0 {
		t.Fatalf("contacts left behind: %d, %d, %v", active, archived, err)
	}
}
