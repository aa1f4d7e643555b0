package sealed

import (
	"errors"
	"io"
	"strings"

	"filippo.io/age"
)

// PassphraseRecipient seals a file with a passphrase. The key is derived
// with scrypt at age's default cost (2^18: about a second and 256 MB of
// memory), which makes each guess of a passphrase slow. Such a recipient
// must be the only one of a file.
func PassphraseRecipient(passphrase string) (age.Recipient, error) {
	if passphrase == "" {
		return nil, ErrEmptyPassphrase
	}
	return age.NewScryptRecipient(passphrase)
}

// PassphraseIdentity opens a file sealed with the passphrase.
func PassphraseIdentity(passphrase string) (age.Identity, error) {
	if passphrase == "" {
		return nil, ErrEmptyPassphrase
	}
	return age.NewScryptIdentity(passphrase)
}

// ParseRecipient reads one age public key, "age1…" (X25519, or the
// post-quantum "age1pq1…"). The error never repeats the text, which may be
// a secret key pasted by mistake.
func ParseRecipient(key string) (age.Recipient, error) {
	key = strings.TrimSpace(key)
	var r age.Recipient
	var err error
	switch {
	case strings.HasPrefix(key, "age1pq1"):
		r, err = age.ParseHybridRecipient(key)
	case strings.HasPrefix(key, "age1"):
		r, err = age.ParseX25519Recipient(key)
	default:
		return nil, errors.New("not an age public key (age1…)")
	}
	if err != nil {
		// age's reasons (a checksum, a length) help nobody: the key was
		// mistyped or cut.
		return nil, errors.New("not a whole age public key (age1…): check it was copied whole")
	}
	return r, nil
}

// ParseRecipients reads a recipients file: age public keys, one a line;
// empty lines and lines starting with # are skipped.
func ParseRecipients(r io.Reader) ([]age.Recipient, error) {
	return age.ParseRecipients(r)
}

// ParseIdentities reads an identity file as age-keygen writes it: secret
// keys (AGE-SECRET-KEY-1…), one a line; empty lines and lines starting
// with # are skipped.
func ParseIdentities(r io.Reader) ([]age.Identity, error) {
	return age.ParseIdentities(r)
}
