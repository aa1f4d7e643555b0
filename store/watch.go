package store

import (
	"context"
	"database/sql"
	"fmt"
)

// DataVersion lets a window notice changes it did not make: another
// Tether window, or a subcommand such as `tether log`. SQLite's
// data_version changes, on one connection, whenever another connection
// has committed; so it is read on a connection pinned for this purpose.
// Callers compare successive values: a different number means "reload".
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.closed {
		// A look still on its way when the window quits: a connection
		// pinned now would never be closed, and the log would stay.
		return 0, fmt.Errorf("watch the journal: %w", sql.ErrConnDone)
	}
	if s.watch == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("watch the journal: %w", err)
		}
		s.watch = c
	}
	var v int64
	if err := s.watch.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("watch the journal: %w", err)
	}
	return v, nil
}
