package syncfolder

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/sealed"
	"github.com/tether-recovery/tether/internal/wholefile"
)

// The sync key: an age key that this computer's changes file is encrypted
// to, and the other copies' files are opened with. It lives beside the
// journal (as private as the journal, which the disk's encryption
// protects), never in the sync folder: whoever sees the folder sees only
// encrypted files. Every computer that syncs has the same key, copied by
// hand once. A key and not a passphrase, so that a sync at start and quit
// asks nothing.

// KeyName is the file beside the journal that holds the sync key.
const KeyName = "tether-sync-key.txt"

// KeyPath is the sync key's path for the journal at journal.
func KeyPath(journal string) string {
	return filepath.Join(filepath.Dir(journal), KeyName)
}

// NoKeyError is a file encrypted to a sync key this computer does not
// have.
type NoKeyError struct {
	Key  string // the path where this computer's key is, or would be
	Have bool   // a key is there, but another one
}

func (e *NoKeyError) Error() string {
	if e.Have {
		return "it is encrypted with another computer's sync key, not this one's (" + e.Key + ")"
	}
	return "it is encrypted with a sync key, and this computer has none yet (" + e.Key + ")"
}

// errPassphrase is a file encrypted with a passphrase where none can be
// asked.
var errPassphrase = fmt.Errorf("%w: it is encrypted with a passphrase; run tether sync in a terminal to type it", errOpen)

// KeyFile are the keys of the sync key at path: files are encrypted to it
// when encrypt is set (it is made the first time), and files encrypted
// to it open with it. A file encrypted with a passphrase goes to
// passphrase, when there is one (a terminal to ask at), else is left out.
func KeyFile(path string, encrypt bool, passphrase func(ctx context.Context, file string, src io.Reader) (io.Reader, error)) Keys {
	return Keys{
		Encrypt: encrypt,
		Seal: func(ctx context.Context) ([]age.Recipient, error) {
			id, err := loadKey(path)
			if errors.Is(err, os.ErrNotExist) {
				id, err = makeKey(path)
			}
			if err != nil {
				return nil, err
			}
			return []age.Recipient{id.Recipient()}, nil
		},
		Open: func(ctx context.Context, file string, src io.Reader) (io.Reader, error) {
			lock, src, err := sealed.Peek(src)
			if err != nil {
				return nil, fmt.Errorf("%w: %v", errOpen, reason(err))
			}
			if lock == sealed.Passphrase {
				if passphrase == nil {
					return nil, errPassphrase
				}
				return passphrase(ctx, file, src)
			}
			id, err := loadKey(path)
			if errors.Is(err, os.ErrNotExist) {
				return nil, &NoKeyError{Key: path}
			}
			if err != nil {
				return nil, err
			}
			r, err := sealed.Open(src, id)
			if errors.Is(err, sealed.ErrWrongKey) {
				return nil, &NoKeyError{Key: path, Have: true}
			}
			return r, err
		},
	}
}

// loadKey reads the sync key.
func loadKey(path string) (*age.X25519Identity, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ids, err := sealed.ParseIdentities(io.LimitReader(f, 64<<10))
	if err != nil {
		return nil, fmt.Errorf("the sync key %s: %v", path, err)
	}
	for _, id := range ids {
		if x, ok := id.(*age.X25519Identity); ok {
			return x, nil
		}
	}
	return nil, fmt.Errorf("the sync key %s holds no key of the kind Tether makes (AGE-SECRET-KEY-1…)", path)
}

// makeKey makes a new sync key at path, private (0600), whole or not at
// all; a key made meanwhile by another sync is kept and used.
func makeKey(path string) (*age.X25519Identity, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("make a sync key: %w", err)
	}
	err = wholefile.Write(path, false, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "# Tether's sync key: it opens this journal's encrypted sync files.\n"+
			"# Copy it, by hand and never through the sync folder, beside the journal of each computer that syncs.\n"+
			"# public key: %s\n%s\n", id.Recipient(), id)
		return err
	})
	if errors.Is(err, os.ErrExist) {
		return loadKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("make a sync key at %s: %w", path, err)
	}
	return id, nil
}
