package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// What a sync through a folder keeps of its own (see package syncfolder):
// this computer's bookkeeping, never exported or merged (localSetting).

// SyncWrote is the fingerprint of the changes file this copy last wrote
// into its sync folder; "" before the first.
func (s *Store) SyncWrote(ctx context.Context) (string, error) {
	v, _, err := s.Setting(ctx, syncWroteKey)
	return v, err
}

// NoteSyncWrote keeps the fingerprint of the changes file just written.
func (s *Store) NoteSyncWrote(ctx context.Context, fingerprint string) error {
	return s.SetSetting(ctx, syncWroteKey, fingerprint)
}

// Rekey gives the journal a new uid of its own and returns it. A journal
// file copied by hand to a second computer has the first one's uid, and
// two copies with one uid would write one changes file over each other's:
// the copy that finds its uid taken takes a new one. What the others have
// merged of it stays merged; from now on they know it by the new uid.
func (s *Store) Rekey(ctx context.Context) (string, error) {
	var uid string
	err := s.write(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `UPDATE settings SET value = `+newUIDSQL+` WHERE key = ? RETURNING value`, journalUIDKey).Scan(&uid)
	})
	if err != nil {
		return "", fmt.Errorf("give the journal a new identity: %w", err)
	}
	return uid, nil
}

// JournalUID is the journal's own uid, which names its changes file.
func (s *Store) JournalUID(ctx context.Context) (string, error) {
	v, ok, err := s.Setting(ctx, journalUIDKey)
	if err == nil && !ok {
		err = errors.New("the journal has no uid")
	}
	if err != nil {
		return "", fmt.Errorf("read the journal's identity: %w", err)
	}
	return v, nil
}
