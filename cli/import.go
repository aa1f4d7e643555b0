package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tether-recovery/tether/internal/sealed"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
	"github.com/tether-recovery/tether/store"
)

func runImport(ctx context.Context, e *env, args []string) error {
	f := newFlags("import", "tether import FILE [--dry-run]",
		"Adds what a file holds to your journal: a Tether JSON export (from tether export --format json), "+
			"or a vCard file (.vcf) from a phone or another address book. It is all or nothing: a file with a problem changes nothing, "+
			"and the problem is named. People already in your journal (same name, and the same phone or email, or neither has one) "+
			"are not added twice, and their history from the file joins the person you have; days already checked in, weeks "+
			"already reflected on and check-ups already taken that day are kept as they are. Settings come across only into a new, empty journal. "+
			"An export of another copy of this journal (another computer's) is merged record by record instead: the newer edit wins, "+
			"removals come across, and what both copies changed is named. "+
			"Cards of a vCard file that cannot be read are skipped with a warning, and the report names, card by card, "+
			"what Tether has no place for (an address, a photo, a web address…). "+
			"An encrypted file (tether export --encrypt, or any age file) is known by itself and decrypted on the way in: "+
			"its passphrase is asked, or give --identity for one encrypted to a key.",
		"tether import --dry-run ~/Downloads/contacts.vcf",
		"tether import ~/Downloads/contacts.vcf",
		"tether --db ~/new/tether.db import tether-export.json",
		"tether import tether-export.json.age")
	dry := f.Bool("dry-run", false, "check the file and say what would be imported, without writing anything")
	keys := f.secrets(opening, "")
	db := f.db()
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		return f.usagef("name one file to import: tether import FILE")
	}
	file := words[0]
	in, err := openImportFile(ctx, file, keys)
	if err != nil {
		return err
	}
	defer in.Close()
	vcard, err := sniff(file, in)
	if err != nil {
		return err
	}

	// Read and check the whole file before the journal is even opened:
	// a vCard file in memory, Tether JSON a record at a time, set aside
	// (store.StageExport).
	var staged *store.Staged
	var cards []model.Contact
	var notKept [][]string
	var warnings []string
	if vcard {
		data, err := in.all(file)
		if err != nil {
			return err
		}
		read, err := journalfile.ParseVCards(data)
		if err != nil {
			return fmt.Errorf("import %s: %v; nothing was imported", file, err)
		}
		cards, notKept, warnings = read.Contacts, read.NotKept, read.Warnings
		warnings = append(warnings, dropFutureDates(cards, model.Today(e.Clock))...)
	} else {
		if staged, err = stageImport(ctx, file, in); err != nil {
			return err
		}
		defer staged.Close()
	}
	for _, w := range warnings {
		fmt.Fprintf(e.Stderr, "tether: warning: %s: %s\n", file, w)
	}
	if vcard && len(cards) == 0 {
		return fmt.Errorf("import %s: none of its cards could be read (see the warnings above); nothing was imported", file)
	}

	path, err := e.journalOf(db)
	if err != nil {
		return err
	}
	st, cleanup, err := e.openForImport(ctx, path, *dry)
	if err != nil {
		return err
	}
	defer cleanup()
	incoming := namesOf(cards)
	if !vcard {
		// The file's people, read back one at a time.
		incoming = func(each func(string) error) error {
			return staged.Contacts(ctx, func(c model.Contact) error { return each(c.Name) })
		}
	}
	twins, err := lookAlikes(ctx, st, incoming)
	if err != nil {
		return fmt.Errorf("import %s: %w", file, err)
	}
	var rep store.ImportReport
	hadSettings := false
	if vcard {
		rep, err = st.ImportContacts(ctx, cards, *dry)
	} else {
		rep, err = st.ImportStaged(ctx, staged, *dry)
		hadSettings = len(staged.Head().Settings) > 0
	}
	if err != nil {
		return fmt.Errorf("import %s: %w", file, unwrapImport(err))
	}
	fmt.Fprint(e.Stdout, importSummary(rep, vcard, hadSettings, notKeptLines(cards, notKept, skippedContacts(rep))))
	skipped := skippedContacts(rep)
	for _, t := range twins {
		if skipped[t[1]] > 0 {
			skipped[t[1]]--
			continue // the same person, not added again
		}
		fmt.Fprintf(e.Stdout, "  Looks like someone you have: %s (as %s in the file); check they are not the same person.\n", oneLine(t[0]), oneLine(t[1]))
	}
	return nil
}

// skippedContacts counts the people an import skipped, by name. The report
// names a skipped person, not which card: of two cards named alike, one
// skipped, one was added.
func skippedContacts(rep store.ImportReport) map[string]int {
	skipped := map[string]int{}
	for _, k := range rep.Skipped {
		if k.Kind == store.KindContact {
			skipped[k.What]++
		}
	}
	return skipped
}

// notKeptLines are the report's lines of what the cards held that Tether
// has no place for, one a card: "Ana Lima: address (ADR), photo (PHOTO)
// and web address (URL)". A card whose person was skipped (already in the
// journal) adds nothing, so nothing of it is named.
func notKeptLines(cards []model.Contact, notKept [][]string, skipped map[string]int) []string {
	var lines []string
	for i, c := range cards {
		switch {
		case skipped[c.Name] > 0:
			skipped[c.Name]--
		case len(notKept[i]) > 0:
			lines = append(lines, oneLine(c.Name)+": "+model.ListWords(notKept[i]))
		}
	}
	return lines
}

// lookAlikes pairs each incoming person whose name looks the same
// (model.LookAlikeKey) as someone's in the journal: unless the import
// finds them the same person (and skips them), it adds a second person who
// cannot be told apart on a screen, so the report names them. names hands
// on the incoming people's names; each is one seek of the journal's index
// of such names (Store.LookAlike), so that neither the file's people nor
// the journal's are held in memory, only the pairs found.
func lookAlikes(ctx context.Context, st *store.Store, names func(each func(name string) error) error) ([][2]string, error) {
	active, archived, err := st.CountContacts(ctx)
	if err != nil || active+archived == 0 {
		return nil, err
	}
	var twins [][2]string
	err = names(func(name string) error {
		have, err := st.LookAlike(ctx, 0, name)
		if have != "" {
			twins = append(twins, [2]string{have, name})
		}
		return err
	})
	return twins, err
}

// namesOf hands on the names of people held in memory, for lookAlikes.
func namesOf(cs []model.Contact) func(each func(string) error) error {
	return func(each func(string) error) error {
		for _, c := range cs {
			if err := each(c.Name); err != nil {
				return err
			}
		}
		return nil
	}
}

// unwrapImport drops the store's "import: " before its sentence, since
// the command says which file already.
func unwrapImport(err error) error {
	var ie *store.ImportError
	if errors.As(err, &ie) {
		return ie
	}
	return err
}

// maxVCardBytes bounds a vCard file, which is read whole: any address
// book is far smaller, and a file larger than that was chosen by mistake.
// Tether JSON has no bound: it is read a record at a time.
const maxVCardBytes = 256 << 20

// importSource is the file being imported, as it is read: its plaintext
// (decrypted as it is read, when it is encrypted), buffered so that its
// start can be looked at first.
type importSource struct {
	*bufio.Reader
	f    *os.File
	size int64
}

func (in *importSource) Close() error { return in.f.Close() }

// openImportFile opens the file, refusing at once what is not a regular
// file (a folder, a device such as /dev/zero, a FIFO that would wait for
// a writer). An encrypted file is decrypted as it is read (see
// secrets.open).
func openImportFile(ctx context.Context, file string, keys *secrets) (*importSource, error) {
	fi, err := os.Stat(file)
	switch {
	case err != nil:
		return nil, fmt.Errorf("import %s: %v", file, reasonOf(err))
	case fi.IsDir():
		return nil, fmt.Errorf("import %s: this is a folder; name a .json or .vcf file", file)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("import %s: this is not an ordinary file (it is a device, a pipe or a socket); name a .json or .vcf file", file)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("import %s: %v", file, reasonOf(err))
	}
	// The name may have been given to something else since Stat.
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("import %s: this is not an ordinary file; name a .json or .vcf file", file)
	}
	r, err := keys.open(ctx, file, f, nothingImported)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &importSource{Reader: bufio.NewReaderSize(r, sniffBytes), f: f, size: fi.Size()}, nil
}

const nothingImported = "nothing was imported"

// importReadError is the sentence for a file that could not be read to its end.
func importReadError(file string, err error) error {
	if errors.Is(err, sealed.ErrDamaged) {
		return damagedFile(file, nothingImported)
	}
	return fmt.Errorf("import %s: %v", file, reasonOf(err))
}

// all reads a vCard file whole, refusing one larger than maxVCardBytes,
// even one that grows while it is read (the bound is on what an encrypted
// one decrypts to).
func (in *importSource) all(file string) ([]byte, error) {
	tooLarge := fmt.Errorf("import %s: this vCard file is larger than %d MB, more than any address book holds; nothing was imported", file, maxVCardBytes>>20)
	if in.size > maxVCardBytes {
		return nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(in, maxVCardBytes+1))
	switch {
	case err != nil:
		return nil, importReadError(file, err)
	case len(data) > maxVCardBytes:
		return nil, tooLarge
	}
	return data, nil
}

// stageImport reads and checks a Tether JSON file, setting its records
// aside for the import.
func stageImport(ctx context.Context, file string, in io.Reader) (*store.Staged, error) {
	staged, err := store.StageExport(ctx, in)
	var fe *store.FileError
	var re *journalfile.ReadError
	switch {
	case errors.As(err, &fe):
		return nil, fmt.Errorf("import %s: %s; nothing was imported", file, strings.TrimSuffix(fe.Error(), "."))
	case errors.As(err, &re):
		return nil, importReadError(file, re.Err)
	case err != nil:
		return nil, fmt.Errorf("import %s: %v; nothing was imported", file, err)
	}
	return staged, nil
}

// sniffBytes is how much of a file's start sniff looks at.
const sniffBytes = 64 << 10

// sniff tells a vCard file from Tether JSON by what it holds, and by its
// name only when its content says neither.
func sniff(file string, in *importSource) (vcard bool, err error) {
	start, err := in.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return false, importReadError(file, err)
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(start, []byte("\uFEFF")), " \t\r\n")
	switch {
	case len(head) > 0 && head[0] == '{':
		return false, nil
	case bytes.Contains(bytes.ToUpper(head), []byte("BEGIN:VCARD")):
		return true, nil
	}
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(file), ".age"))) {
	case ".vcf", ".vcard":
		return true, nil
	case ".json":
		return false, nil
	}
	// A file that cannot be read to its end (an encrypted one damaged)
	// says so first, as it did when every file was read whole first.
	if _, err := io.Copy(io.Discard, in); err != nil {
		return false, importReadError(file, err)
	}
	return false, fmt.Errorf("import %s: this is neither a vCard file (BEGIN:VCARD) nor a Tether JSON export; nothing was imported", file)
}

// openForImport opens the journal an import writes to. A dry run must not
// create a journal that is not there: it runs against an empty temporary
// one instead, which is what the new journal would be.
func (e *env) openForImport(ctx context.Context, path string, dry bool) (*store.Store, func(), error) {
	if _, err := os.Stat(path); dry && errors.Is(err, fs.ErrNotExist) {
		dir, err := os.MkdirTemp("", "tether-dry-run-")
		if err != nil {
			return nil, nil, err
		}
		st, err := e.openStore(ctx, filepath.Join(dir, "tether.db"))
		if err != nil {
			os.RemoveAll(dir)
			return nil, nil, err
		}
		return st, func() { st.Close(); os.RemoveAll(dir) }, nil
	}
	st, err := e.openStore(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	return st, func() { st.Close() }, nil
}

// importSummary is the report: what was added, what was skipped and why
// (a few names for each reason), what of the people added was not kept
// (notKept, see notKeptLines), and for a dry run, that nothing was written.
func importSummary(rep store.ImportReport, vcard, hadSettings bool, notKept []string) string {
	var b strings.Builder
	added := []string{count(rep.Contacts, "contact")}
	if !vcard {
		added = append(added, count(rep.ReachOuts, "reach-out"), count(rep.CheckIns, "check-in"),
			count(rep.Reflections, "reflection"), count(rep.Checkups, "check-up"))
		if hadSettings {
			added = append(added, count(rep.Settings, "setting"))
		}
		if rep.Plans > 0 {
			added = append(added, count(rep.Plans, "plan"))
		}
	}
	verb := "Imported"
	if rep.DryRun {
		verb = "Would import"
	}
	fmt.Fprintf(&b, "%s %s", verb, model.ListWords(added))
	if merged := mergedWords(rep); merged != "" {
		b.WriteString("; " + merged)
	}
	if rep.SkippedTotal() == 0 {
		b.WriteString(".\n")
	} else {
		var kinds []string
		for _, k := range []string{store.KindContact, store.KindReachOut, store.KindCheckIn, store.KindReflection, store.KindCheckup, store.KindSetting, store.KindPlan} {
			if n := rep.SkippedOf(k); n > 0 {
				kinds = append(kinds, count(n, k))
			}
		}
		fmt.Fprintf(&b, "; skipped %s: %s.\n", model.Thousands(rep.SkippedTotal()), model.ListWords(kinds))
		type group struct {
			kind, reason string
			what         []string
		}
		var groups []*group
		index := map[[2]string]*group{}
		for _, s := range rep.Skipped {
			key := [2]string{s.Kind, s.Reason}
			g, ok := index[key]
			if !ok {
				g = &group{kind: s.Kind, reason: s.Reason}
				index[key] = g
				groups = append(groups, g)
			}
			g.what = append(g.what, oneLine(s.What))
		}
		const show = 5
		for _, g := range groups {
			names, n := g.what, rep.SkippedAlike(g.kind, g.reason) // listed or not
			if n > show {
				names = append(names[:show:show], fmt.Sprintf("and %s more", model.Thousands(n-show)))
			}
			fmt.Fprintf(&b, "  %s %s: %s\n", count(n, g.kind), g.reason, strings.Join(names, "; "))
		}
	}
	if len(notKept) > 0 {
		b.WriteString("  Not kept, as Tether has no place for it:\n")
		for _, l := range notKept {
			b.WriteString("    " + l + "\n")
		}
	}
	for _, l := range conflictLines(rep) {
		b.WriteString(l + "\n")
	}
	if rep.DryRun {
		b.WriteString("Dry run: nothing was written.\n")
	}
	return b.String()
}

// dropFutureDates leaves out a card's birthday or recovery date that lies
// after today, as the contact form would refuse it (a card's date is often
// a placeholder), and says so.
func dropFutureDates(cs []model.Contact, today model.Date) []string {
	var out []string
	for i := range cs {
		c := &cs[i]
		if c.RecoveryDate.After(today) {
			out = append(out, fmt.Sprintf("%s: the anniversary %s is after today, so it was left out", oneLine(c.Name), c.RecoveryDate))
			c.RecoveryDate = model.Date{}
		}
		if b := c.Birthday; b.Year != 0 && b.In(b.Year).After(today) {
			out = append(out, fmt.Sprintf("%s: the birthday %s is after today, so it was left out", oneLine(c.Name), b))
			c.Birthday = model.Birthday{}
		}
	}
	return out
}

// mergedWords says what merging another copy of the journal changed here
// besides what it added: "updated 3 to the file's newer version, removed 1
// as the other copy did". Empty when it changed nothing.
func mergedWords(rep store.ImportReport) string {
	var parts []string
	if rep.Updated > 0 {
		parts = append(parts, fmt.Sprintf("updated %s to the file's newer version", model.Thousands(rep.Updated)))
	}
	if rep.Removed > 0 {
		parts = append(parts, fmt.Sprintf("removed %s as the other copy did", model.Thousands(rep.Removed)))
	}
	return model.ListWords(parts)
}

// conflictLines name each record both copies changed since they last
// met, and which version was kept.
func conflictLines(rep store.ImportReport) []string {
	if len(rep.Conflicts) == 0 {
		return nil
	}
	lines := []string{fmt.Sprintf("Changed in both copies since they last met (%s); the newer was kept:", model.Thousands(len(rep.Conflicts)))}
	for _, c := range rep.Conflicts {
		lines = append(lines, fmt.Sprintf("  %s %s: kept %s", c.Kind, oneLine(c.What), c.Kept))
	}
	return lines
}
