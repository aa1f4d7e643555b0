package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/internal/sealed"
)

// Words of the small sample journal that must never be readable in an
// encrypted file: a contact's name, and a line of the safety plan.
var journalWords = []string{"Denise Okafor", "walking home past the Crown"}

// passphraseFile writes a private passphrase file, its passphrase on the
// first line and a line end after it, as an editor leaves one.
func passphraseFile(t *testing.T, pass string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "passphrase")
	journaltest.WriteFile(t, p, pass+"\n")
	return p
}

// holdsJournalWords reports which of journalWords the file's bytes hold.
func holdsJournalWords(t *testing.T, path string) []string {
	t.Helper()
	b := []byte(read(t, path))
	var found []string
	for _, w := range journalWords {
		if bytes.Contains(b, []byte(w)) {
			found = append(found, w)
		}
	}
	return found
}

// keyPair is a new age identity in a private identity file, and its
// public key.
func keyPair(t *testing.T) (identityFile, publicKey string) {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	identityFile = filepath.Join(t.TempDir(), "key.txt")
	journaltest.WriteFile(t, identityFile, "# created by a test\n# public key: "+id.Recipient().String()+"\n"+id.String()+"\n")
	return identityFile, id.Recipient().String()
}

// plainLeft lists the private folders of plain copies left beside the
// journal.
func plainLeft(t *testing.T, db string) []string {
	t.Helper()
	var left []string
	for _, n := range journaltest.DirNames(t, filepath.Dir(db)) {
		if strings.HasPrefix(n, plainPrefix) {
			left = append(left, n)
		}
	}
	return left
}

// An encrypted backup holds none of the journal's words, where a plain
// one holds them all; it restores, with its passphrase, to the same
// journal; a wrong passphrase changes nothing and leaves nothing.
func TestEncryptedBackupAndRestore(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	want := mustCLI(t, db, "export", "--format", "json")
	pass := passphraseFile(t, "correct horse battery staple")

	plain := filepath.Join(t.TempDir(), "plain.db")
	mustCLI(t, db, "backup", plain)
	if found := holdsJournalWords(t, plain); !slices.Equal(found, journalWords) {
		t.Fatalf("a plain backup holds %q: the search would not find the words", found)
	}

	out := mustCLI(t, db, "backup", "--passphrase-file", pass)
	backup := filepath.Join(filepath.Dir(db), "tether-backup-2026-03-09.db.age")
	if out != "Backed up your journal to "+backup+" ("+humanSize(fileSize(t, backup))+"). The copy was checked, then encrypted.\n" {
		t.Fatalf("stdout %q", out)
	}
	if found := holdsJournalWords(t, backup); len(found) > 0 {
		t.Fatalf("the encrypted backup holds %q", found)
	}
	if yes, _ := isEncryptedFile(backup); !yes || mode(t, backup) != 0o600 {
		t.Fatalf("the backup is no age file, or not private (%v)", mode(t, backup))
	}
	if left := plainLeft(t, db); len(left) > 0 {
		t.Fatalf("the plain copy was left beside the journal: %v", left)
	}

	// Restored into a new journal with the right passphrase: the same
	// journal, and nothing left behind.
	restored := journal(t)
	out = mustCLI(t, restored, "restore", backup, "--passphrase-file", pass)
	if !strings.HasPrefix(out, "Restored your journal from "+backup+" (") {
		t.Fatalf("stdout %q", out)
	}
	if got := mustCLI(t, restored, "export", "--format", "json"); got != want {
		t.Fatal("the restored journal's export differs from the original's")
	}
	if names := journaltest.DirNames(t, filepath.Dir(restored)); !slices.Equal(names, []string{"tether.db"}) {
		t.Fatalf("beside the restored journal: %v", names)
	}

	// A wrong passphrase: exit 1, one line, the journal as it was, and
	// nothing beside it.
	mustCLI(t, restored, "contact", "add", "--name", "After The Backup")
	before := mustCLI(t, restored, "export", "--format", "json")
	code, out, errs := cli(restored, "restore", backup, "--passphrase-file", passphraseFile(t, "correct horse battery stapler"))
	if code != 1 || out != "" {
		t.Fatalf("wrong passphrase: exit %d, stdout %q", code, out)
	}
	journaltest.OneLineErr(t, errs, "that passphrase does not open "+backup+"; nothing was changed")
	if got := mustCLI(t, restored, "export", "--format", "json"); got != before {
		t.Fatal("a restore with a wrong passphrase changed the journal")
	}
	if names := journaltest.DirNames(t, filepath.Dir(restored)); !slices.Equal(names, []string{"tether.db"}) {
		t.Fatalf("beside the journal after a wrong passphrase: %v", names)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// An encrypted JSON export holds none of the journal's words and imports
// into an empty journal as the same journal; a wrong passphrase imports
// nothing and makes no journal.
func TestEncryptedExportAndImport(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	want := mustCLI(t, db, "export", "--format", "json")
	pass := passphraseFile(t, "a long walk by the canal")
	file := filepath.Join(t.TempDir(), "export.json.age")
	out := mustCLI(t, db, "export", "--format", "json", "--passphrase-file", pass, "-o", file)
	if !strings.HasSuffix(out, " to "+file+" (encrypted).\n") {
		t.Fatalf("stdout %q", out)
	}
	if found := holdsJournalWords(t, file); len(found) > 0 {
		t.Fatalf("the encrypted export holds %q", found)
	}

	empty := journal(t)
	code, _, errs := cli(empty, "import", file, "--passphrase-file", passphraseFile(t, "a short walk"))
	if code != 1 || exists(empty) {
		t.Fatalf("wrong passphrase: exit %d, journal made: %v", code, exists(empty))
	}
	journaltest.OneLineErr(t, errs, "that passphrase does not open "+file+"; nothing was imported")

	if out := mustCLI(t, empty, "import", file, "--passphrase-file", pass); !strings.HasPrefix(out, "Imported ") {
		t.Fatalf("stdout %q", out)
	}
	// The same journal but for the uid of the copy that writes it.
	if got := mustCLI(t, empty, "export", "--format", "json"); withoutJournal(got) != withoutJournal(want) {
		t.Fatal("the imported journal's export differs from the original's")
	}

	// The export goes into a pipe encrypted.
	_, key := keyPair(t)
	code, out, errs = cli(db, "export", "--format", "md", "--recipient", key)
	if code != 0 || !sealed.IsSealed([]byte(out)) || errs != "" {
		t.Fatalf("encrypted Markdown to a pipe: exit %d, stderr %q, starts %.30q", code, errs, out)
	}
}

// Encrypted to a public key, a backup and an export open with the
// identity file that holds its secret key, and with no other.
func TestRecipientsAndIdentities(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	want := mustCLI(t, db, "export", "--format", "json")
	idFile, key := keyPair(t)
	otherID, otherKey := keyPair(t)
	recipients := filepath.Join(t.TempDir(), "recipients.txt")
	journaltest.WriteFile(t, recipients, "# mine, and the one on the USB stick\n"+key+"\n"+otherKey+"\n")
	dir := t.TempDir()

	backup := filepath.Join(dir, "backup.db.age")
	mustCLI(t, db, "backup", "--recipient", key, backup)
	if found := holdsJournalWords(t, backup); len(found) > 0 {
		t.Fatalf("the backup holds %q", found)
	}
	restored := journal(t)
	code, _, errs := cli(restored, "restore", backup)
	if code != 1 || exists(restored) {
		t.Fatalf("no identity: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "is encrypted to a key: give the identity file that holds its secret key with --identity FILE")
	code, _, errs = cli(restored, "restore", backup, "--identity", otherID)
	if code != 1 || exists(restored) {
		t.Fatalf("another identity: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, "the identity file "+otherID+" holds no key that opens "+backup+"; nothing was changed")
	mustCLI(t, restored, "restore", backup, "--identity", idFile)
	if got := mustCLI(t, restored, "export", "--format", "json"); got != want {
		t.Fatal("the restored journal's export differs from the original's")
	}

	// Every key of a recipients file opens the export.
	export := filepath.Join(dir, "export.json.age")
	mustCLI(t, db, "export", "--format", "json", "--recipients-file", recipients, "-o", export)
	for _, id := range []string{idFile, otherID} {
		imported := journal(t)
		mustCLI(t, imported, "import", export, "--identity", id)
		if got := mustCLI(t, imported, "export", "--format", "json"); withoutJournal(got) != withoutJournal(want) {
			t.Fatalf("imported with %s: the export differs from the original's", id)
		}
	}
}

// An identity file encrypted with a passphrase (age-keygen | age -p) is
// opened with the passphrase first.
func TestEncryptedIdentityFile(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	idFile, key := keyPair(t)
	pass := passphraseFile(t, "the key's own passphrase")
	locked := filepath.Join(t.TempDir(), "key.txt.age")
	mustCLI(t, db, "backup", "--recipient", key, filepath.Join(filepath.Dir(locked), "backup.db.age"))
	to, err := sealed.PassphraseRecipient("the key's own passphrase")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := sealed.Seal(&buf, to)
	if err == nil {
		_, err = w.Write([]byte(read(t, idFile)))
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	journaltest.WriteFile(t, locked, buf.String())
	restored := journal(t)
	mustCLI(t, restored, "restore", filepath.Join(filepath.Dir(locked), "backup.db.age"), "--identity", locked, "--passphrase-file", pass)
	if got, want := mustCLI(t, restored, "export", "--format", "json"), mustCLI(t, db, "export", "--format", "json"); got != want {
		t.Fatal("the restored journal's export differs from the original's")
	}
}

// A CSV folder encrypted is one TABLE.csv.age a table, each of which
// opens by itself.
func TestEncryptedCSVFolder(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	idFile, key := keyPair(t)
	dir := filepath.Join(t.TempDir(), "tables")
	out := mustCLI(t, db, "export", "--format", "csv", "--recipient", key, "-o", dir)
	if !strings.HasPrefix(out, "Wrote contacts.csv.age, ") || !strings.HasSuffix(out, " to "+dir+" (encrypted).\n") {
		t.Fatalf("stdout %q", out)
	}
	f, err := os.Open(idFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids, err := sealed.ParseIdentities(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range journaltest.DirNames(t, dir) {
		if !strings.HasSuffix(n, ".csv.age") {
			t.Fatalf("%s in the folder", n)
		}
		file := filepath.Join(dir, n)
		if found := holdsJournalWords(t, file); len(found) > 0 {
			t.Fatalf("%s holds %q", n, found)
		}
		r, err := sealed.Open(strings.NewReader(read(t, file)), ids...)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		var text bytes.Buffer
		if _, err := text.ReadFrom(r); err != nil || text.Len() == 0 {
			t.Fatalf("%s opened to %d bytes: %v", n, text.Len(), err)
		}
	}
}

// An encrypted backup cut short is refused as damaged, and the journal
// is as it was.
func TestDamagedEncryptedBackupChangesNothing(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	idFile, key := keyPair(t)
	backup := filepath.Join(t.TempDir(), "backup.db.age")
	mustCLI(t, db, "backup", "--recipient", key, backup)
	whole := read(t, backup)
	journaltest.WriteFile(t, backup, whole[:len(whole)/2])
	before := journaltest.Sum(t, db)
	code, _, errs := cli(db, "restore", backup, "--identity", idFile)
	if code != 1 || journaltest.Sum(t, db) != before {
		t.Fatalf("a damaged backup: exit %d, journal changed: %v", code, journaltest.Sum(t, db) != before)
	}
	journaltest.OneLineErr(t, errs, backup+" is encrypted, but damaged or incomplete")
	if left := plainLeft(t, db); len(left) > 0 {
		t.Fatalf("the plain copy was left beside the journal: %v", left)
	}
	code, _, errs = cli(journal(t), "import", backup, "--identity", idFile)
	if code != 1 {
		t.Fatalf("import of a damaged file: exit %d", code)
	}
	journaltest.OneLineErr(t, errs, backup+" is encrypted, but damaged or incomplete")
	if !strings.HasSuffix(errs, "; nothing was imported\n") {
		t.Fatalf("stderr %q", errs)
	}
}

// What a killed encrypted backup left beside the journal (its private
// folder with the plain copy) is removed by the next one.
func TestLeftPlainCopiesAreRemoved(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	_, key := keyPair(t)
	left := filepath.Join(filepath.Dir(db), plainPrefix+"123")
	if err := os.Mkdir(left, 0o700); err != nil {
		t.Fatal(err)
	}
	journaltest.WriteFile(t, filepath.Join(left, "journal.db"), "Denise Okafor")
	mustCLI(t, db, "backup", "--recipient", key)
	if left := plainLeft(t, db); len(left) > 0 {
		t.Fatalf("still beside the journal: %v", left)
	}
}

func TestEncryptionRefusals(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	_, key := keyPair(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "b.db.age")
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"backup", "--encrypt", "--recipient", key, target}, 2, "encrypt with a passphrase (--encrypt) or to keys (--recipient, --recipients-file), not both"},
		{[]string{"backup", "--passphrase-file", passphraseFile(t, ""), target}, 1, "is empty; an empty passphrase protects nothing"},
		{[]string{"backup", "--passphrase-file", filepath.Join(dir, "none"), target}, 1, "the passphrase file " + filepath.Join(dir, "none") + " cannot be read"},
		{[]string{"backup", "--recipient", "AGE-SECRET-KEY-1QQQ", target}, 1, "not an age public key"},
		{[]string{"export", "--format", "json", "--recipients-file", filepath.Join(dir, "none"), "-o", target}, 1, "the recipients file"},
	} {
		code, out, errs := cli(db, c.args...)
		if code != c.code || out != "" || exists(target) {
			t.Fatalf("%q: exit %d, stdout %q, wrote %v", c.args, code, out, exists(target))
		}
		if !strings.Contains(errs, c.says) {
			t.Fatalf("%q: stderr %q, want %q", c.args, errs, c.says)
		}
		if strings.Contains(errs, "QQQ") {
			t.Fatalf("%q: the error repeats what may be a secret key: %q", c.args, errs)
		}
	}
}

func TestEncryptionOptionsInHelp(t *testing.T) {
	t.Parallel()
	for cmd, flags := range map[string][]string{
		"backup":  {"--encrypt", "--recipient KEY", "--recipients-file FILE", "--passphrase-file FILE"},
		"export":  {"--encrypt", "--recipient KEY", "--recipients-file FILE", "--passphrase-file FILE"},
		"restore": {"--identity FILE", "--passphrase-file FILE"},
		"import":  {"--identity FILE", "--passphrase-file FILE"},
	} {
		_, out, _ := runCLI(cmd, "--help")
		for _, f := range flags {
			if !strings.Contains(out, "\n  "+f+" ") {
				t.Errorf("%s --help does not list %s:\n%s", cmd, f, out)
			}
		}
		if !strings.Contains(out, "private") {
			t.Errorf("%s --help does not say the passphrase file must be private", cmd)
		}
	}
}
