package views

import (
	"context"

	"github.com/tether-recovery/tether/model"
)

// Store is the part of the journal the screens use. It is declared here, by
// its user, so tests can hand the views a fake.
type Store interface {
	Contacts(ctx context.Context, archived bool) ([]model.Contact, error)
	SaveContact(ctx context.Context, c model.Contact) (model.Contact, error)
	SetArchived(ctx context.Context, id int64, archived bool) error
	AnyTimeContacts(ctx context.Context) ([]model.Contact, error)
}
