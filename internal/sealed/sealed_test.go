package sealed_test

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/sealed"
)

// plaintext is long enough to take several of age's 64 KiB parts, so
// that cutting and changing the file hit a part in the middle.
var plaintext = bytes.Repeat([]byte("Denise Okafor: any hour, she means it.\n"), 5000)

// cheapPassphrase is a passphrase recipient at a low scrypt cost, so the
// tests do not spend a second on each file; PassphraseRecipient's own cost
// is tested once, in TestPassphraseRoundTrip.
func cheapPassphrase(t *testing.T, p string) age.Recipient {
	t.Helper()
	r, err := age.NewScryptRecipient(p)
	if err != nil {
		t.Fatal(err)
	}
	r.SetWorkFactor(10)
	return r
}

func seal(t *testing.T, data []byte, to ...age.Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := sealed.Seal(&buf, to...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(file []byte, with ...age.Identity) ([]byte, error) {
	r, err := sealed.Open(bytes.NewReader(file), with...)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func identity(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestPassphraseRoundTrip(t *testing.T) {
	t.Parallel()
	to, err := sealed.PassphraseRecipient("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	file := seal(t, plaintext, to)
	if bytes.Contains(file, []byte("Denise")) {
		t.Fatal("the sealed file holds the plaintext")
	}
	if got := sealed.LockOf(file[:sealed.HeadSize]); got != sealed.Passphrase {
		t.Fatalf("lock %v, want Passphrase", got)
	}
	with, err := sealed.PassphraseIdentity("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	got, err := open(file, with)
	if err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("opened %d bytes (err %v), want the %d sealed", len(got), err, len(plaintext))
	}
	wrong, _ := sealed.PassphraseIdentity("correct horse battery stapler")
	if _, err := open(file, wrong); !errors.Is(err, sealed.ErrWrongKey) {
		t.Fatalf("wrong passphrase: %v, want ErrWrongKey", err)
	}
}

func TestEmptyPassphraseIsRefused(t *testing.T) {
	t.Parallel()
	if _, err := sealed.PassphraseRecipient(""); !errors.Is(err, sealed.ErrEmptyPassphrase) {
		t.Fatalf("seal with an empty passphrase: %v", err)
	}
	if _, err := sealed.PassphraseIdentity(""); !errors.Is(err, sealed.ErrEmptyPassphrase) {
		t.Fatalf("open with an empty passphrase: %v", err)
	}
}

func TestKeysRoundTrip(t *testing.T) {
	t.Parallel()
	mine, theirs, stranger := identity(t), identity(t), identity(t)
	// Both recipients, as parsed from their public keys, open the file.
	var keys []age.Recipient
	for _, id := range []*age.X25519Identity{mine, theirs} {
		r, err := sealed.ParseRecipient(" " + id.Recipient().String() + "\n")
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, r)
	}
	file := seal(t, plaintext, keys...)
	if got := sealed.LockOf(file); got != sealed.Keys {
		t.Fatalf("lock %v, want Keys", got)
	}
	ids, err := sealed.ParseIdentities(strings.NewReader("# created: today\n" + theirs.String() + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := open(file, ids...); err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("their identity: %d bytes, %v", len(got), err)
	}
	if got, err := open(file, stranger, mine); err != nil || !bytes.Equal(got, plaintext) {
		t.Fatalf("a stranger's identity and mine: %d bytes, %v", len(got), err)
	}
	if _, err := open(file, stranger); !errors.Is(err, sealed.ErrWrongKey) {
		t.Fatalf("a stranger's identity: %v, want ErrWrongKey", err)
	}
	// A passphrase does not open a file sealed to keys, nor a key a file
	// sealed with a passphrase.
	pass, _ := sealed.PassphraseIdentity("anything")
	if _, err := open(file, pass); !errors.Is(err, sealed.ErrWrongKey) {
		t.Fatalf("a passphrase on a file sealed to keys: %v, want ErrWrongKey", err)
	}
	if _, err := open(seal(t, plaintext, cheapPassphrase(t, "x")), mine); !errors.Is(err, sealed.ErrWrongKey) {
		t.Fatalf("a key on a file sealed with a passphrase: %v, want ErrWrongKey", err)
	}
}

func TestParseRefusesWhatIsNoKey(t *testing.T) {
	t.Parallel()
	secret := identity(t).String()
	for _, s := range []string{"", "age1", "not a key", secret} {
		_, err := sealed.ParseRecipient(s)
		if err == nil {
			t.Fatalf("ParseRecipient(%q) took it", s)
		}
		if s == secret && strings.Contains(err.Error(), s) {
			t.Fatal("the error repeats a secret key given as a public one")
		}
	}
	if _, err := sealed.ParseIdentities(strings.NewReader("# only a comment\n")); err == nil {
		t.Fatal("an identity file with no key was taken")
	}
}

// A file cut short or changed anywhere fails with ErrDamaged, never
// gives plaintext that was not sealed, and never panics.
func TestDamagedFiles(t *testing.T) {
	t.Parallel()
	id := identity(t)
	file := seal(t, plaintext, id.Recipient())
	for _, cut := range []int{sealed.HeadSize + 5, len(file) / 2, len(file) - 1, len(file) - 70000} {
		if _, err := open(file[:cut], id); !errors.Is(err, sealed.ErrDamaged) {
			t.Errorf("cut at %d of %d: %v, want ErrDamaged", cut, len(file), err)
		}
	}
	for _, at := range []int{len(file) / 3, len(file) - 10, 40} {
		changed := bytes.Clone(file)
		changed[at] ^= 0x20
		got, err := open(changed, id)
		if err == nil || (!errors.Is(err, sealed.ErrDamaged) && !errors.Is(err, sealed.ErrWrongKey)) {
			t.Errorf("byte %d changed: %d bytes, %v; want ErrDamaged", at, len(got), err)
		}
	}
	if _, err := open([]byte(`{"contacts": []}`), id); !errors.Is(err, sealed.ErrNotSealed) {
		t.Fatalf("a plain file: %v, want ErrNotSealed", err)
	}
	if _, err := open(nil, id); !errors.Is(err, sealed.ErrNotSealed) {
		t.Fatalf("an empty file: %v, want ErrNotSealed", err)
	}
}

// failingReader gives some bytes, then fails as a disk that cannot be
// read would.
type failingReader struct {
	r     io.Reader
	after int
}

var errDisk = errors.New("input/output error")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errDisk
	}
	p = p[:min(len(p), f.after)]
	n, err := f.r.Read(p)
	f.after -= n
	return n, err
}

// A file that cannot be read is not called damaged: the reading error
// comes back as it is.
func TestReadErrorsAreNotDamage(t *testing.T) {
	t.Parallel()
	id := identity(t)
	file := seal(t, plaintext, id.Recipient())
	for _, after := range []int{10, 100, len(file) / 2} {
		r, err := sealed.Open(&failingReader{r: bytes.NewReader(file), after: after}, id)
		if err == nil {
			_, err = io.ReadAll(r)
		}
		if !errors.Is(err, errDisk) || errors.Is(err, sealed.ErrDamaged) {
			t.Errorf("failing after %d bytes: %v, want the reading error", after, err)
		}
	}
}

func TestPeekKeepsEveryByte(t *testing.T) {
	t.Parallel()
	for _, data := range [][]byte{nil, []byte("{"), []byte("age-encryption.org/v1"), plaintext} {
		lock, r, err := sealed.Peek(bytes.NewReader(data))
		if err != nil || lock != sealed.Plain {
			t.Fatalf("peek %.20q: %v, %v", data, lock, err)
		}
		if got, _ := io.ReadAll(r); !bytes.Equal(got, data) {
			t.Fatalf("after peeking, read %.20q, want %.20q", got, data)
		}
	}
	file := seal(t, plaintext, cheapPassphrase(t, "p"))
	lock, r, err := sealed.Peek(bytes.NewReader(file))
	if err != nil || lock != sealed.Passphrase || !sealed.IsSealed(file) {
		t.Fatalf("peek a sealed file: %v, %v", lock, err)
	}
	pass, _ := sealed.PassphraseIdentity("p")
	pr, err := sealed.Open(r, pass)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(pr); !bytes.Equal(got, plaintext) {
		t.Fatal("a peeked file does not open whole")
	}
}

// Sealing twice gives two different files (a fresh key and nonce each
// time), so copies of the same journal cannot be told equal.
func TestSealingIsFreshEachTime(t *testing.T) {
	t.Parallel()
	id := identity(t)
	if bytes.Equal(seal(t, plaintext, id.Recipient()), seal(t, plaintext, id.Recipient())) {
		t.Fatal("the same plaintext sealed twice gave the same file")
	}
	if _, err := sealed.Seal(io.Discard); err == nil {
		t.Fatal("sealing to nobody was allowed")
	}
	// A passphrase must be the only recipient: a file that both a
	// passphrase and a key open would be as weak as the weaker.
	if _, err := sealed.Seal(io.Discard, cheapPassphrase(t, "p"), id.Recipient()); err == nil {
		t.Fatal("a passphrase mixed with a key was allowed")
	}
}

// FuzzOpen: whatever bytes are given as an encrypted file, Open and its
// reader never panic, and fail only with the errors the package names.
// Only a key identity is used: a passphrase would run scrypt at whatever
// cost the fuzzed header asks.
func FuzzOpen(f *testing.F) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := sealed.Seal(&buf, id.Recipient())
	w.Write(plaintext[:100])
	w.Close()
	file := buf.Bytes()
	f.Add(file)
	f.Add(file[:len(file)-3])
	f.Add(file[:sealed.HeadSize])
	f.Add([]byte("age-encryption.org/v1\n-> scrypt c2FsdA 10\nAAAA\n--- AAAA\n"))
	f.Add([]byte("age-encryption.org/v1\n-> X25519 \n\n"))
	f.Add([]byte("{}"))
	random := make([]byte, 200)
	rand.Read(random)
	f.Add(append([]byte("age-encryption.org/v1\n"), random...))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := sealed.Open(bytes.NewReader(data), id)
		if err == nil {
			_, err = io.ReadAll(r)
		}
		if err != nil && !errors.Is(err, sealed.ErrDamaged) && !errors.Is(err, sealed.ErrWrongKey) && !errors.Is(err, sealed.ErrNotSealed) {
			t.Fatalf("Open failed with an error of no kind: %v", err)
		}
		if sealed.LockOf(data) != sealed.Plain && !sealed.IsSealed(data) {
			t.Fatal("LockOf and IsSealed disagree")
		}
	})
}
