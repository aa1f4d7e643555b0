// Package sealed encrypts and decrypts the files that leave a journal
// (backups, exports, the changes files of sync), so that a file copied to a
// USB stick, a shared folder or a cloud shows nothing of the journal to
// whoever else finds it.
//
// The format is age (age-encryption.org/v1, filippo.io/age): a small,
// audited, documented format that other tools (age, rage) read too, so a
// person is never locked in to Tether to open their own file. A file is
// sealed to recipients (a passphrase, or age public keys) and opened with
// identities (the same passphrase, or the matching secret keys). Both ways
// are streams: a file of any size passes through a small buffer, and
// nothing is held whole in memory.
package sealed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"

	"filippo.io/age"
)

// Errors a caller tells apart with errors.Is, to say one clear sentence.
var (
	// ErrWrongKey: none of the identities opens the file: a wrong
	// passphrase, or secret keys of other recipients. Nothing of the
	// file was read past its header.
	ErrWrongKey = errors.New("wrong passphrase or key")
	// ErrDamaged: the file starts as an age file but is not a whole one:
	// cut short, changed, or its header unreadable. A reader returns it
	// at the first part that fails its check, so the plaintext read
	// before it must be thrown away.
	ErrDamaged = errors.New("encrypted file damaged or incomplete")
	// ErrNotSealed: the file is not an age file at all.
	ErrNotSealed = errors.New("not an encrypted file")
	// ErrEmptyPassphrase: an empty passphrase protects nothing.
	ErrEmptyPassphrase = errors.New("empty passphrase")
)

// magic is the first line of every age file.
const magic = "age-encryption.org/v1\n"

// passphraseStanza begins an age header's first stanza when the file was
// sealed with a passphrase (scrypt), which is then its only one.
const passphraseStanza = "-> scrypt "

// HeadSize is how many bytes of a file's start LockOf needs.
const HeadSize = len(magic) + len(passphraseStanza)

// Lock is how a file is locked, as its first bytes tell.
type Lock int

const (
	// Plain: not an age file (it may still be one cut short in its first
	// line, which is no file of ours either).
	Plain Lock = iota
	// Passphrase: sealed with a passphrase; PassphraseIdentity opens it.
	Passphrase
	// Keys: sealed to public keys; the identities of one of them open it.
	Keys
)

// LockOf tells from the first bytes of a file (HeadSize are enough; fewer
// when the file is shorter) whether it is an age file, and how it is
// locked.
func LockOf(head []byte) Lock {
	rest, ok := bytes.CutPrefix(head, []byte(magic))
	switch {
	case !ok:
		return Plain
	case bytes.HasPrefix(rest, []byte(passphraseStanza)):
		return Passphrase
	}
	return Keys
}

// IsSealed reports whether a file starting with head is an age file.
func IsSealed(head []byte) bool { return LockOf(head) != Plain }

// Peek reads the start of r and tells how it is locked. The reader it
// returns yields all of r from its first byte, the bytes peeked included,
// so a caller can go on to Open it or read it as it is.
func Peek(r io.Reader) (Lock, io.Reader, error) {
	head := make([]byte, HeadSize)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return Plain, nil, err
	}
	head = head[:n]
	return LockOf(head), io.MultiReader(bytes.NewReader(head), r), nil
}

// Seal returns a writer that encrypts what is written to it to every
// recipient and writes the age file to dst. Close must be called, and its
// error checked: it writes the last part, without which the file cannot be
// opened. A passphrase recipient must be the only one.
func Seal(dst io.Writer, recipients ...age.Recipient) (io.WriteCloser, error) {
	if len(recipients) == 0 {
		return nil, errors.New("seal: no passphrase or key to encrypt to")
	}
	w, err := age.Encrypt(dst, recipients...)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	afterScrypt(recipients)
	return w, nil
}

// Open reads the header of the age file src and returns a reader of its
// plaintext. The error is ErrWrongKey when no identity opens it, and wraps
// ErrNotSealed or ErrDamaged when src is no age file or not a whole one;
// an error of reading src itself is returned as it is. The reader checks
// each part of the file as it reads it (64 KiB at a time), and returns
// ErrDamaged at the first that fails, or when the file ends early.
func Open(src io.Reader, identities ...age.Identity) (io.Reader, error) {
	if len(identities) == 0 {
		return nil, errors.New("open: no passphrase or key to decrypt with")
	}
	lock, src, err := Peek(src)
	if err != nil {
		return nil, err
	}
	if lock == Plain {
		return nil, ErrNotSealed
	}
	in := &watched{r: src}
	r, err := age.Decrypt(in, identities...)
	afterScrypt(identities)
	var none *age.NoIdentityMatchError
	switch {
	case err == nil:
		return &opened{r: r, src: in}, nil
	case in.err != nil:
		return nil, in.err
	case errors.As(err, &none):
		return nil, ErrWrongKey
	}
	return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
}

// afterScrypt lets go at once of the memory a passphrase took: scrypt
// fills 256 MB, garbage as soon as the key is made, but the collector
// would let the heap grow to twice that before it next collects, so a
// command's peak would be up to 256 MB more than it needs. (Measured on tether
// import of the large sample journal's export: 542 MB at peak without
// this, 274 MB with it.)
func afterScrypt[T any](keys []T) {
	for _, k := range keys {
		switch any(k).(type) {
		case *age.ScryptRecipient, *age.ScryptIdentity:
			runtime.GC()
			return
		}
	}
}

// watched keeps the error its reader gave, other than the end of the file,
// so that a failed read of the disk is not taken for a damaged file.
type watched struct {
	r   io.Reader
	err error
}

func (w *watched) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if err != nil && err != io.EOF {
		w.err = err
	}
	return n, err
}

// opened is the plaintext of an age file: a part that fails its check is
// ErrDamaged, a failed read of the file itself that error.
type opened struct {
	r   io.Reader
	src *watched
}

func (o *opened) Read(p []byte) (int, error) {
	n, err := o.r.Read(p)
	switch {
	case err == nil || err == io.EOF:
		return n, err
	case o.src.err != nil:
		return n, o.src.err
	}
	return n, fmt.Errorf("%w: %v", ErrDamaged, err)
}
