package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/sealed"
	"github.com/tether-recovery/tether/internal/wholefile"
)

// An encrypted backup is first a plain copy of the journal, checked, then
// encrypted into its file; an encrypted backup restored is first
// decrypted into a plain copy, which restore checks and puts in place. The
// plain copy lives in a private folder (0700) beside the journal, on the
// same disk as the plain journal it copies, so it is as protected as the
// journal is and no more exposed: never beside the encrypted file on a USB
// stick or in a synced folder. The folder is removed when the command
// ends, however it ends; a command killed outright (SIGKILL, a power cut)
// leaves it behind, and the next encrypted backup or restore beside that
// journal removes it.

// plainPrefix begins the name of the private folder of a plain copy.
const plainPrefix = ".tether-plain-"

// plainFolder makes a new private folder beside the journal for a plain
// copy, after removing those that commands killed earlier left. (Another
// backup or restore running at this moment loses its copy and fails,
// changing nothing.)
func plainFolder(journal string) (string, error) {
	if real, err := filepath.EvalSymlinks(journal); err == nil {
		journal = real // beside the journal itself, not its link
	}
	// Absolute, as the store names files in its errors, which saidAs
	// rewrites.
	journal, err := filepath.Abs(journal)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(journal)
	left, _ := filepath.Glob(filepath.Join(dir, plainPrefix+"*"))
	for _, l := range left {
		if fi, err := os.Lstat(l); err == nil && fi.IsDir() {
			os.RemoveAll(l)
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return os.MkdirTemp(dir, plainPrefix+"*")
}

// saidAs is an error about a plain copy that names the file the person
// chose instead: the private folder means nothing to them.
type saidAs struct {
	err      error
	path, as string
}

func (s saidAs) Error() string { return strings.ReplaceAll(s.err.Error(), s.path, s.as) }
func (s saidAs) Unwrap() error { return s.err }

// backupExists is the refusal of a backup to a file that is there: a
// backup never replaces one. It is fs.ErrExist for errors.Is, as
// store.Backup's is.
type backupExists string

func (b backupExists) Error() string {
	return fmt.Sprintf("back up to %s: that file already exists; a backup never replaces a file, so choose a new name", string(b))
}

func (b backupExists) Is(target error) bool { return target == fs.ErrExist }

// encryptedBackup is store.Backup's copy, checked, then encrypted to
// final: a new file, never one that exists (the error wraps fs.ErrExist),
// written whole or not at all (see wholefile).
func encryptedBackup(ctx context.Context, backup func(ctx context.Context, path string) error, journal, final string, to []age.Recipient) error {
	abs, err := filepath.Abs(final)
	if err != nil {
		return fmt.Errorf("back up to %s: %w", final, err)
	}
	wholefile.CleanLeftovers(abs) // an earlier backup to this name that was killed
	if _, err := os.Lstat(abs); err == nil {
		return backupExists(abs)
	}
	dir, err := plainFolder(journal)
	if err != nil {
		return fmt.Errorf("back up to %s: there is no private place beside the journal for the copy before it is encrypted (%v); nothing was written", abs, reasonOf(err))
	}
	defer os.RemoveAll(dir)
	plain := filepath.Join(dir, "journal.db")
	if err := backup(ctx, plain); err != nil {
		return saidAs{err, plain, abs}
	}
	in, err := os.Open(plain)
	if err != nil {
		return fmt.Errorf("back up to %s: the copy cannot be read (%v); nothing was written", abs, reasonOf(err))
	}
	defer in.Close()
	err = wholefile.Write(abs, false, encrypted(to, func(w io.Writer) error {
		_, err := io.Copy(w, readerOf(ctx, in))
		return err
	}))
	switch {
	case err == nil:
		return nil // placed: done, even if the person interrupts now
	case errors.Is(err, fs.ErrExist):
		return backupExists(abs)
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		return fmt.Errorf("back up to %s: the encrypted copy could not be written (%v); nothing was written", abs, reasonOf(err))
	}
}

// encrypted is write, encrypted to the recipients on its way.
func encrypted(to []age.Recipient, write func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		sw, err := sealed.Seal(w, to...)
		if err != nil {
			return err
		}
		if err := write(sw); err != nil {
			return err
		}
		return sw.Close()
	}
}

// decryptedBackup decrypts the backup from, an encrypted file, into a
// private folder beside the journal, and passes the plain copy to restore;
// the copy is removed when restore returns. Errors name from, not the copy.
func decryptedBackup(ctx context.Context, s *secrets, journal, from string, restore func(plain string) error) error {
	const nothing = "nothing was changed"
	f, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("restore: %s cannot be read (%v); %s", from, reasonOf(err), nothing)
	}
	defer f.Close()
	r, err := s.open(ctx, from, f, nothing)
	if err != nil {
		return err
	}
	dir, err := plainFolder(journal)
	if err != nil {
		return fmt.Errorf("restore: there is no private place beside the journal to decrypt %s in (%v); %s", from, reasonOf(err), nothing)
	}
	defer os.RemoveAll(dir)
	plain := filepath.Join(dir, "backup.db")
	out, err := os.OpenFile(plain, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("restore: %s cannot be decrypted beside the journal (%v); %s", from, reasonOf(err), nothing)
	}
	_, err = io.Copy(out, readerOf(ctx, r))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, sealed.ErrDamaged):
		return damagedFile(from, nothing)
	case err != nil:
		return fmt.Errorf("restore: %s could not be decrypted beside the journal (%v); %s", from, reasonOf(err), nothing)
	}
	if err := restore(plain); err != nil {
		return saidAs{err, plain, from + " (decrypted)"}
	}
	return nil
}

// readerOf is r that stops at the first read after ctx ends, so a long
// copy stops when the person interrupts it.
func readerOf(ctx context.Context, r io.Reader) io.Reader { return ctxReader{ctx, r} }

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// isEncryptedFile reports whether the file at path begins as an age file
// does. A file that cannot be read is not: the command's own checks say
// why it cannot be read.
func isEncryptedFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	lock, _, err := sealed.Peek(f)
	return lock != sealed.Plain, err
}
