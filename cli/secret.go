package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"filippo.io/age"
	xterm "github.com/charmbracelet/x/term"

	"github.com/tether-recovery/tether/internal/sealed"
)

// The options of every command that writes or reads a file that may be
// encrypted (backup and restore, export and import), and the passphrase
// asked at the terminal. The files are age files (see package sealed),
// which other age tools open too.

// secretUse says which of the options a command takes.
type secretUse int

const (
	// sealing: the command writes a file, which the options encrypt.
	sealing secretUse = 1 << iota
	// opening: the command reads a file, encrypted or not.
	opening
)

// secrets are a command's encryption options, as given.
type secrets struct {
	encrypt        *bool
	recipientKeys  *[]string
	recipientsFile *string
	identity       *string
	passphraseFile *string
}

// secrets defines the encryption options of a command that writes (use
// sealing) or reads (opening) a file, or both; what names the file in the
// help ("the backup").
func (f *flags) secrets(use secretUse, what string) *secrets {
	s := &secrets{}
	if use&sealing != 0 {
		s.encrypt = f.Bool("encrypt", false, "encrypt "+what+" with a passphrase; it is asked twice at the terminal and "+
			"not shown. Keep it safe: a forgotten passphrase cannot be recovered, and nor can what it encrypts")
		s.recipientKeys = f.repeated("recipient", "encrypt "+what+" to an age public `KEY` (age1…) instead; "+
			"its identity file opens it (--identity). Repeat for more keys")
		s.recipientsFile = f.String("recipients-file", "", "encrypt "+what+" to the age public keys in `FILE`, one a line")
	}
	if use&opening != 0 {
		s.identity = f.String("identity", "", "the age identity `FILE` that opens a file encrypted to a key; "+
			"it holds the secret key, as age-keygen writes it. A file encrypted with a passphrase needs none: "+
			"the passphrase is asked")
	}
	s.passphraseFile = f.String("passphrase-file", "", "take the passphrase from the first line of `FILE` instead of asking "+
		"(for scripts; keep the file private, readable only by you)")
	return s
}

// repeated defines a flag that may be given more than once, each value
// kept in order.
func (f *flags) repeated(name, usage string) *[]string {
	var vals []string
	f.order = append(f.order, name)
	f.Var((*repeatedValue)(&vals), name, usage)
	return &vals
}

type repeatedValue []string

func (v *repeatedValue) String() string { return strings.Join(*v, ",") }

func (v *repeatedValue) Set(s string) error {
	*v = append(*v, s)
	return nil
}

// keys reports whether public keys were given to encrypt to.
func (s *secrets) keys() bool {
	return s.recipientKeys != nil && (len(*s.recipientKeys) > 0 || *s.recipientsFile != "")
}

// encrypting reports whether the file the command writes is to be encrypted:
// with a passphrase (asked, or from --passphrase-file) or to keys.
func (s *secrets) encrypting() bool {
	return s.encrypt != nil && (*s.encrypt || *s.passphraseFile != "" || s.keys())
}

// check refuses options that cannot go together; call it after parsing.
func (s *secrets) check(f *flags) error {
	if s.encrypt != nil && (*s.encrypt || *s.passphraseFile != "") && s.keys() {
		return f.usagef("encrypt with a passphrase (--encrypt) or to keys (--recipient, --recipients-file), not both")
	}
	return nil
}

// recipients are who the file is encrypted to: nil when it is not to be
// encrypted; else the keys given, or a passphrase, from --passphrase-file
// or asked twice at the terminal. what names the file ("the backup").
func (s *secrets) recipients(ctx context.Context, what string) ([]age.Recipient, error) {
	if !s.encrypting() {
		return nil, nil
	}
	if s.keys() {
		return s.publicKeys()
	}
	var pass string
	var err error
	if *s.passphraseFile != "" {
		pass, err = passphraseFrom(*s.passphraseFile)
	} else {
		pass, err = askNewPassphrase(ctx, what)
	}
	if err != nil {
		return nil, err
	}
	r, err := sealed.PassphraseRecipient(pass)
	if err != nil {
		return nil, err
	}
	return []age.Recipient{r}, nil
}

// publicKeys are the keys of --recipient and --recipients-file.
func (s *secrets) publicKeys() ([]age.Recipient, error) {
	var out []age.Recipient
	for _, k := range *s.recipientKeys {
		r, err := sealed.ParseRecipient(k)
		if err != nil {
			// Not repeated: it may be a secret key given by mistake.
			return nil, fmt.Errorf("--recipient: the key given is %v; nothing was written", err)
		}
		out = append(out, r)
	}
	if file := *s.recipientsFile; file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("the recipients file %s cannot be read (%v); nothing was written", file, reasonOf(err))
		}
		defer f.Close()
		rs, err := sealed.ParseRecipients(f)
		if err != nil {
			return nil, fmt.Errorf("the recipients file %s: %v; nothing was written", file, err)
		}
		out = append(out, rs...)
	}
	return out, nil
}

// open returns the plaintext of src, which the person named file: src
// itself (with every byte) when it is not encrypted; else src decrypted
// with the passphrase (from --passphrase-file, or asked) or the keys of
// --identity. A wrong passphrase or key is one sentence ending in
// nothing ("nothing was changed"). The plaintext's reader returns an error
// wrapping sealed.ErrDamaged at the first part that fails its check;
// damagedFile words it.
func (s *secrets) open(ctx context.Context, file string, src io.Reader, nothing string) (io.Reader, error) {
	lock, src, err := sealed.Peek(src)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s cannot be read (%v); %s", file, reasonOf(err), nothing)
	case lock == sealed.Plain:
		return src, nil
	}
	ids, err := s.identities(ctx, file, lock, nothing)
	if err != nil {
		return nil, err
	}
	r, err := sealed.Open(src, ids...)
	switch {
	case errors.Is(err, sealed.ErrWrongKey) && lock == sealed.Passphrase:
		return nil, fmt.Errorf("that passphrase does not open %s; %s", file, nothing)
	case errors.Is(err, sealed.ErrWrongKey):
		return nil, fmt.Errorf("the identity file %s holds no key that opens %s; %s", *s.identity, file, nothing)
	case errors.Is(err, sealed.ErrDamaged):
		return nil, damagedFile(file, nothing)
	case err != nil:
		return nil, fmt.Errorf("%s cannot be read (%v); %s", file, reasonOf(err), nothing)
	}
	return r, nil
}

// damagedFile is the sentence for an encrypted file that does not
// decrypt whole.
func damagedFile(file, nothing string) error {
	return fmt.Errorf("%s is encrypted, but damaged or incomplete: it was cut short or changed after it was written; %s%w", file, nothing, silent{sealed.ErrDamaged})
}

// silent wraps an error for errors.Is without adding to the sentence.
type silent struct{ err error }

func (s silent) Error() string { return "" }
func (s silent) Unwrap() error { return s.err }

// identities open a file locked as lock: a passphrase, or the keys of
// the identity file.
func (s *secrets) identities(ctx context.Context, file string, lock sealed.Lock, nothing string) ([]age.Identity, error) {
	if lock == sealed.Keys {
		if *s.identity == "" {
			return nil, fmt.Errorf("%s is encrypted to a key: give the identity file that holds its secret key with --identity FILE; %s", file, nothing)
		}
		return s.secretKeys(ctx, nothing)
	}
	if *s.identity != "" {
		return nil, fmt.Errorf("%s is encrypted with a passphrase, not to a key: leave out --identity and give the passphrase; %s", file, nothing)
	}
	pass, err := s.passphrase(ctx, "Passphrase for "+file)
	if err != nil {
		return nil, err
	}
	id, err := sealed.PassphraseIdentity(pass)
	if err != nil {
		return nil, err
	}
	return []age.Identity{id}, nil
}

// passphrase is the passphrase of --passphrase-file, or else the one
// typed at the prompt.
func (s *secrets) passphrase(ctx context.Context, prompt string) (string, error) {
	if *s.passphraseFile != "" {
		return passphraseFrom(*s.passphraseFile)
	}
	pass, err := askPassphrase(ctx, prompt+" (not shown as you type): ")
	if err == nil && pass == "" {
		err = errors.New("no passphrase was typed, so nothing was opened")
	}
	return pass, err
}

// secretKeys are the keys of the identity file, which may itself be
// encrypted with a passphrase (as age-keygen | age -p makes it).
func (s *secrets) secretKeys(ctx context.Context, nothing string) ([]age.Identity, error) {
	file := *s.identity
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("the identity file %s cannot be read (%v); %s", file, reasonOf(err), nothing)
	}
	defer f.Close()
	// Its passphrase, if it has one, is the one given or asked; --identity
	// is this very file.
	unlock := &secrets{identity: new(string), passphraseFile: s.passphraseFile}
	keys, err := unlock.open(ctx, file, f, nothing)
	if err != nil {
		return nil, err
	}
	ids, err := sealed.ParseIdentities(keys)
	if err != nil {
		if errors.Is(err, sealed.ErrDamaged) {
			return nil, damagedFile(file, nothing)
		}
		return nil, fmt.Errorf("the identity file %s: %v; %s", file, err, nothing)
	}
	return ids, nil
}

// maxPassphraseFile bounds what is read of a passphrase file: its first
// line is the passphrase.
const maxPassphraseFile = 64 << 10

// passphraseFrom reads the first line of file, without its line end. The
// file may be a pipe (--passphrase-file <(pass show tether)).
func passphraseFrom(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("the passphrase file %s cannot be read (%v)", file, reasonOf(err))
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, maxPassphraseFile)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("the passphrase file %s cannot be read (%v)", file, reasonOf(err))
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", fmt.Errorf("the first line of the passphrase file %s is empty; an empty passphrase protects nothing", file)
	}
	return line, nil
}

// askNewPassphrase asks twice for the passphrase that encrypts what, and
// refuses an empty one or two that differ.
func askNewPassphrase(ctx context.Context, what string) (string, error) {
	first, err := askPassphrase(ctx, "Choose a passphrase for "+what+". Keep it safe: if it is forgotten, "+
		what+" cannot be opened.\nPassphrase (not shown as you type): ")
	if err != nil {
		return "", err
	}
	if first == "" {
		return "", errors.New("no passphrase was typed (an empty one protects nothing); nothing was written")
	}
	again, err := askPassphrase(ctx, "The same passphrase again: ")
	if err != nil {
		return "", err
	}
	if again != first {
		return "", errors.New("the two passphrases typed differ; nothing was written. Try again")
	}
	return first, nil
}

// errNoTerminal: a passphrase was needed, and there is no terminal to ask
// it at (a scheduled job, a service).
var errNoTerminal = errors.New("there is no terminal to ask for the passphrase at; give it with --passphrase-file FILE")

// askPassphrase asks at the terminal the person is at (its own device,
// not stdin or stdout, which may be a file or a pipe), which does not show
// what is typed, and returns the line typed. Interrupted (ctrl+c), it puts
// the terminal back as it was and returns ctx's error at once.
func askPassphrase(ctx context.Context, prompt string) (string, error) {
	in, out, err := openTerminal()
	if err != nil {
		return "", errNoTerminal
	}
	fd := in.Fd()
	before, err := xterm.GetState(fd)
	if err != nil {
		in.Close()
		out.Close()
		return "", errNoTerminal
	}
	fmt.Fprint(out, prompt)
	type typed struct {
		line []byte
		err  error
	}
	got := make(chan typed, 1)
	go func() {
		line, err := xterm.ReadPassword(fd)
		runtime.KeepAlive(in) // its finalizer must not close fd mid-read
		got <- typed{line, err}
	}()
	select {
	case t := <-got:
		fmt.Fprintln(out) // the Enter that ended the line was not shown either
		in.Close()
		out.Close()
		if t.err != nil && !errors.Is(t.err, io.EOF) {
			return "", fmt.Errorf("the passphrase could not be read at the terminal: %w", t.err)
		}
		return string(t.line), nil
	case <-ctx.Done():
		// The read goes on until the process ends (a read of a terminal
		// cannot be called off), so in is left open for it; but the
		// terminal shows what is typed again from now.
		xterm.Restore(fd, before)
		fmt.Fprintln(out)
		return "", ctx.Err()
	}
}
