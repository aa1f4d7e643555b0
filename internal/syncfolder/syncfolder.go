// Package syncfolder keeps one journal on several computers the same,
// through a folder the person already keeps in step between them
// (Syncthing, Nextcloud, Dropbox, a USB stick, a git repository).
//
// Syncing the database file itself is unsafe (its write-ahead log, two
// writers, a half-copied file), so each copy of the journal writes a
// changes file of its own into the folder — its whole journal as a Tether
// export, written under a temporary name, flushed and renamed, never the
// live database — and merges the others' files (store.Import merges a
// copy by uid: the newer edit wins, removals travel). Merging is done
// first, so the file written carries what came in too. `tether sync` and
// the app (a key in Settings, and at start and quit) both sync through
// Sync.
package syncfolder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/sealed"
	"github.com/tether-recovery/tether/internal/wholefile"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

// changesFile matches the name of a copy's changes file: tether-UID.json,
// or .json.age when encrypted.
var changesFile = regexp.MustCompile(`^tether-([0-9a-f]{32})\.json(\.age)?$`)

// Keys say how changes files are encrypted and opened.
type Keys struct {
	// Encrypt says this copy's file is encrypted, to the recipients of
	// Seal, asked once the others' files are merged (a sync key is only
	// made once it is known that the others have none).
	Encrypt bool
	Seal    func(ctx context.Context) ([]age.Recipient, error)
	// Open reads another copy's encrypted file (src is the whole file,
	// named file). Nil: encrypted files cannot be opened here.
	Open func(ctx context.Context, file string, src io.Reader) (io.Reader, error)
}

// Copy is what became of one other copy's changes file.
type Copy struct {
	Name   string // the file's name in the folder
	Report store.ImportReport
	// Left is why nothing of the file was used: ErrHalfCopied, a
	// journalfile.NewerError, or the reason it could not be opened; nil
	// when it was merged.
	Left error
	// Plain is a file that is not encrypted while this copy encrypts its
	// own: the folder holds the journal in plain text after all.
	Plain bool
	lock  sealed.Lock // how the file is locked, as far as it was read
}

// Result is what one sync did.
type Result struct {
	Folder string
	Copies []Copy
	// Wrote is the path of this copy's changes file, as written.
	Wrote     string
	Encrypted bool
	// Followed: this copy encrypts its file because the others encrypt
	// theirs with the sync key, though it was not asked to.
	Followed bool
	// Rekeyed: another journal wrote under this one's uid (a journal file
	// copied to a second computer by hand); this one took a new uid (see
	// store.Store.Rekey), after merging what that one had.
	Rekeyed bool
}

// ErrHalfCopied is a changes file that does not read whole: still being
// copied into the folder, or cut short.
var ErrHalfCopied = errors.New("it is not whole (still being copied, or cut short); nothing from it was used, and the next sync tries again")

// ErrNoFolder is a sync folder that is not there.
var ErrNoFolder = errors.New("the sync folder is not there")

// Sync merges the other copies' changes files in folder into st, then
// writes st's own. A file that cannot be used is left out (see Copy.Left)
// and the others still merge; the error is for what stops the sync: no
// folder, a journal that cannot be read or written, this copy's file that
// cannot be written (the journal then keeps what came in).
func Sync(ctx context.Context, st *store.Store, folder string, keys Keys) (Result, error) {
	res := Result{Folder: folder}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return res, fmt.Errorf("%w: %s (is its drive plugged in, or was it moved?); nothing was synced", ErrNoFolder, folder)
	}
	me, err := st.JournalUID(ctx)
	if err != nil {
		return res, err
	}
	encrypting := keys.Encrypt

	// A file under this journal's own uid that it did not write is
	// another journal with the same uid: merged like any other copy's,
	// and if it had anything this one lacks, this one takes a new uid.
	wrote, err := st.SyncWrote(ctx)
	if err != nil {
		return res, err
	}
	for _, name := range []string{ownName(me, false), ownName(me, true)} {
		print, err := fingerprintOf(filepath.Join(folder, name))
		if err != nil || print == wrote {
			continue
		}
		c := merge(ctx, st, folder, name, keys)
		if c.Left != nil && !errors.Is(c.Left, ErrHalfCopied) {
			return res, c.Left
		}
		if c.Left != nil || brought(c.Report) {
			res.Copies = append(res.Copies, c)
			if me, err = st.Rekey(ctx); err != nil {
				return res, err
			}
			res.Rekeyed = true
			break
		}
	}

	var locked []string
	for _, name := range otherCopies(folder, me) {
		c := merge(ctx, st, folder, name, keys)
		var newer journalfile.NewerError
		var noKey *NoKeyError
		switch {
		case c.Left == nil, errors.Is(c.Left, ErrHalfCopied), errors.As(c.Left, &newer):
		case errors.As(c.Left, &noKey):
			locked = append(locked, name)
		case errors.Is(c.Left, errOpen):
		default:
			return res, c.Left
		}
		res.Copies = append(res.Copies, c)
	}
	// Where the others encrypt with the sync key, so does this copy: a
	// plain file beside theirs would undo what they protect.
	if !encrypting && keys.Seal != nil {
		for _, c := range res.Copies {
			if c.lock == sealed.Keys {
				encrypting, res.Followed = true, true
				break
			}
		}
	}
	for i, c := range res.Copies {
		res.Copies[i].Plain = encrypting && c.lock == sealed.Plain && c.Left == nil
	}
	if len(locked) > 0 && encrypting {
		// A key made here would be one the others cannot open.
		return res, fmt.Errorf("encrypted with a sync key this computer does not have: %s. Copy the sync key from a computer that syncs already; this computer's changes were not written", model.ListWords(locked))
	}

	var to []age.Recipient
	if encrypting {
		if to, err = keys.Seal(ctx); err != nil {
			return res, err
		}
	}
	// The whole journal, read a page at a time as it is written.
	export := func(w io.Writer) error {
		_, err := st.WriteExport(ctx, w, model.Date{}, model.Date{})
		return err
	}
	own := filepath.Join(folder, ownName(me, encrypting))
	h := sha256.New()
	write := func(w io.Writer) error { return export(io.MultiWriter(w, h)) }
	if encrypting {
		write = func(w io.Writer) error {
			sw, err := sealed.Seal(io.MultiWriter(w, h), to...)
			if err != nil {
				return err
			}
			if err := export(sw); err != nil {
				return err
			}
			return sw.Close()
		}
	}
	if err := wholefile.WriteShared(own, write); err != nil {
		return res, fmt.Errorf("write %s: %w; the journal has what came in, and the folder keeps this computer's last file", own, err)
	}
	res.Wrote, res.Encrypted = own, encrypting
	// The other form of this copy's file (plain after encrypted, or the
	// other way) would be stale: it goes.
	_ = os.Remove(filepath.Join(folder, ownName(me, !encrypting)))
	if err := st.NoteSyncWrote(ctx, hex.EncodeToString(h.Sum(nil))); err != nil {
		return res, err
	}
	return res, nil
}

// ownName is the name of the changes file of the journal uid.
func ownName(uid string, encrypted bool) string {
	if encrypted {
		return "tether-" + uid + ".json.age"
	}
	return "tether-" + uid + ".json"
}

// otherCopies are the changes files in folder of copies other than me, by
// name.
func otherCopies(folder, me string) []string {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil
	}
	var out []string
	for _, en := range entries {
		m := changesFile.FindStringSubmatch(en.Name())
		if m == nil || m[1] == me || !en.Type().IsRegular() {
			continue
		}
		out = append(out, en.Name())
	}
	sort.Strings(out)
	return out
}

// fingerprintOf is the SHA-256 of the file, in hex.
func fingerprintOf(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// brought reports whether a merge changed anything.
func brought(r store.ImportReport) bool {
	return r.Contacts+r.ReachOuts+r.CheckIns+r.Reflections+r.Checkups+r.Settings+r.Plans+r.Updated+r.Removed > 0
}

// errOpen marks a file that could not be opened or read: left out, with
// the reason.
var errOpen = errors.New("cannot be opened")

// merge merges one copy's changes file into the journal: read and checked
// as it is read, then merged (store.StageExport, ImportStaged), so a
// journal of any size syncs in the same memory.
func merge(ctx context.Context, st *store.Store, folder, name string, keys Keys) Copy {
	c := Copy{Name: name}
	src, lock, done, err := open(ctx, filepath.Join(folder, name), keys)
	c.lock = lock
	if err != nil {
		c.Left = err
		return c
	}
	defer done()
	staged, err := store.StageExport(ctx, src)
	var newer journalfile.NewerError
	var unread *journalfile.ReadError
	var refused *store.FileError
	switch {
	case errors.As(err, &newer):
		c.Left = newer
		return c
	case errors.As(err, &unread) && errors.Is(err, sealed.ErrDamaged), errors.As(err, &refused):
		// Cut short, or not yet whole: a copy in progress reads as broken
		// JSON (or, encrypted, as damaged).
		c.Left = ErrHalfCopied
		return c
	case errors.As(err, &unread):
		c.Left = fmt.Errorf("%w: %v", errOpen, reason(unread.Err))
		return c
	case err != nil: // no room to set its entries aside
		c.Left = fmt.Errorf("%w: %v", errOpen, err)
		return c
	}
	defer staged.Close()
	if staged.Head().Journal == "" {
		c.Left = ErrHalfCopied // a file with no journal uid is no changes file
		return c
	}
	rep, err := st.ImportStaged(ctx, staged, false)
	if err != nil {
		var ie *store.ImportError
		if errors.As(err, &ie) {
			err = ie
		}
		c.Left = fmt.Errorf("merge %s: %w", name, err)
		return c
	}
	c.Report = rep
	return c
}

// open is the plaintext of a changes file, as it is read, and how it was
// locked; done closes the file.
func open(ctx context.Context, path string, keys Keys) (src io.Reader, lock sealed.Lock, done func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, sealed.Plain, nil, fmt.Errorf("%w: %v", errOpen, reason(err))
	}
	lock, src, err = sealed.Peek(f)
	if err != nil {
		f.Close()
		return nil, lock, nil, fmt.Errorf("%w: %v", errOpen, reason(err))
	}
	if lock != sealed.Plain {
		if keys.Open == nil {
			f.Close()
			return nil, lock, nil, fmt.Errorf("%w: it is encrypted, and this sync has no key to open it", errOpen)
		}
		if src, err = keys.Open(ctx, path, src); err != nil {
			f.Close()
			if errors.Is(err, sealed.ErrDamaged) {
				return nil, lock, nil, ErrHalfCopied
			}
			return nil, lock, nil, err
		}
	}
	return src, lock, func() { f.Close() }, nil
}

// reason is an error from the file system without the path it repeats.
func reason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}
