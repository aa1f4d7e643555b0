package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"filippo.io/age"

	"github.com/tether-recovery/tether/internal/wholefile"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

func runExport(ctx context.Context, e *env, args []string) error {
	f := newFlags("export",
		"tether export --format json|csv|md|vcf [--from DATE] [--to DATE]\n"+
			"                     [--week WEEK] [-o FILE] [--table TABLE] [--force]\n"+
			"                     [--encrypt | --recipient KEY]",
		"Writes your journal, or a period of it, for another program or another person. "+
			"json is the whole journal (every contact, archived ones too, the check-ups and the settings), the file tether import reads back. "+
			"csv is tables for a spreadsheet. md is a summary of a period to share with a sponsor or therapist if you choose: "+
			"figures, names, check-up scores and your reflections, never your private notes (the last 7 days unless you give a period). "+
			"vcf is your active contacts as vCards for a phone's address book: version 3.0, which phones import most reliably, "+
			"unless you ask for 4.0 with --vcard-version 4.0.\n"+
			"A period keeps the reach-outs, check-ins and check-ups of its days and the reflections of its weeks; contacts always come whole. "+
			"Files are made readable only by you, and an existing file is never replaced unless you add --force. "+
			"With --encrypt (a passphrase) or --recipient (an age public key) what is written is encrypted with age, "+
			"so whoever finds the file reads nothing of it; tether import reads an encrypted JSON export back by itself.",
		"tether export --format json -o ~/tether-export.json",
		"tether export --format md --week 2026-W47 -o week47.md",
		"tether export --format csv -o ~/tether-csv/",
		"tether export --format csv --table reach_outs --from 2026-01-01 | less",
		"tether export --format vcf -o contacts.vcf",
		"tether export --format vcf --vcard-version 4.0 -o contacts.vcf",
		"tether export --format json --encrypt -o ~/tether-export.json.age")
	format := f.String("format", "", "`FORMAT`: json, csv, md or vcf (required)")
	fromText := f.String("from", "", "the first `DATE` of the period, like 2026-11-01")
	toText := f.String("to", "", "the last `DATE` of the period (default: the last entry; for md, today)")
	weekText := f.String("week", "", "the period is one ISO `WEEK`, like 2026-W47, instead of --from and --to")
	output := f.String("output", "", "write to `FILE` instead of the screen; for csv without --table, a folder that gets one file per table")
	f.short("output", "o")
	table := f.String("table", "", "csv only: write just one `TABLE`: "+strings.Join(journalfile.CSVTables, ", "))
	force := f.Bool("force", false, "replace files that already exist")
	vcardVersion := f.String("vcard-version", string(journalfile.VCard30), "vcf only: the vCard `VERSION`, 3.0 (what phones import most reliably) or 4.0")
	keys := f.secrets(sealing, "the export")
	db := f.db()
	f.values("format", "json", "csv", "md", "vcf")
	f.values("vcard-version", string(journalfile.VCard30), string(journalfile.VCard40))
	f.values("table", journalfile.CSVTables...)
	f.operands = noOperands
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 0 {
		return f.usagef("unexpected %q (write to a file with -o FILE)", words[0])
	}
	switch *format {
	case "markdown":
		*format = "md"
	case "vcard":
		*format = "vcf"
	case "json", "csv", "md", "vcf":
	case "":
		return f.usagef("choose a format with --format json, csv, md or vcf")
	default:
		return f.usagef("unknown format %q: choose json, csv, md or vcf", *format)
	}
	var from, to model.Date
	if from, err = model.ParseDate(*fromText); err != nil {
		return f.usagef("--from %q: %v", *fromText, err)
	}
	if to, err = model.ParseDate(*toText); err != nil {
		return f.usagef("--to %q: %v", *toText, err)
	}
	if *weekText != "" {
		if !from.IsZero() || !to.IsZero() {
			return f.usagef("give either --week or --from and --to, not both")
		}
		w, err := model.ParseWeek(*weekText)
		if err != nil {
			return f.usagef("--week: %v", err)
		}
		from, to = w.Monday(), w.Sunday()
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return f.usagef("the period ends (%s) before it starts (%s)", to, from)
	}
	period := !from.IsZero() || !to.IsZero()
	version := journalfile.VCardVersion(*vcardVersion)
	switch {
	case *table != "" && *format != "csv":
		return f.usagef("--table is for --format csv")
	case *table != "" && !slices.Contains(journalfile.CSVTables, *table):
		return f.usagef("there is no table %q: choose %s", *table, strings.Join(journalfile.CSVTables, ", "))
	case *format == "csv" && *table == "" && (*output == "" || *output == "-"):
		return f.usagef("csv is one file per table: give a folder with -o FOLDER for all of them, or --table TABLE for one")
	case *format == "vcf" && period:
		return f.usagef("vcf holds contacts only, so --from, --to and --week do not apply")
	case f.given("vcard-version") && *format != "vcf":
		return f.usagef("--vcard-version is for --format vcf")
	case !slices.Contains(journalfile.VCardVersions, version):
		return f.usagef("--vcard-version %q: Tether writes vCard 3.0 (the default, which phones import most reliably) or 4.0", *vcardVersion)
	case keys.encrypting() && (*output == "" || *output == "-") && isTerminal(e.Stdout):
		return f.usagef("an encrypted export is no use on the screen: write it to a file with -o FILE, or into a pipe")
	}
	if err := keys.check(f); err != nil {
		return err
	}
	today := model.Today(e.Clock)
	if *format == "md" && !period {
		from, to = today.AddDays(-6), today
	}

	path, err := e.journalOf(db)
	if err != nil {
		return err
	}
	st, err := e.openForReading(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	// JSON, the whole journal, is read as it is written, a page at a
	// time; the other formats are a journal in memory.
	var ex journalfile.Export
	if *format != "json" {
		if ex, err = st.Export(ctx, from, to); err != nil {
			return err
		}
		st.Close()
	}
	sealTo, err := keys.recipients(ctx, "the export")
	if err != nil {
		return err
	}

	var write func(io.Writer) error
	var what func() string // said once it is written
	switch *format {
	case "json":
		var wrote journalfile.Counts
		write = func(w io.Writer) (err error) {
			wrote, err = st.WriteExport(ctx, w, from, to)
			return err
		}
		what = func() string { return countWords(wrote) }
	case "md":
		write = func(w io.Writer) error {
			_, err := io.WriteString(w, journalfile.PeriodMarkdown(from, to, ex))
			return err
		}
		what = func() string { return fmt.Sprintf("the summary of %s to %s", from.Human(), to.Human()) }
	case "vcf":
		var active []model.Contact
		for _, c := range ex.Contacts {
			if !c.Archived {
				active = append(active, c)
			}
		}
		write = func(w io.Writer) error { return journalfile.EncodeVCards(w, active, version) }
		what = func() string { return model.Plural(len(active), "contact") }
	case "csv":
		if *table == "" {
			return writeCSVFolder(e, *output, ex, *force, sealTo)
		}
		write = func(w io.Writer) error { return journalfile.WriteCSV(w, *table, ex) }
		what = func() string { return "the " + *table + " table" }
	}
	if sealTo != nil {
		write = encrypted(sealTo, write)
	}
	if *output == "" || *output == "-" {
		bw := bufio.NewWriterSize(e.Stdout, 64<<10)
		if err := write(bw); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return bw.Flush()
	}
	if err := writeNewFile(*output, *force, write); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Wrote %s to %s%s.\n", what(), *output, encryptedWord(sealTo))
	return nil
}

// encryptedWord ends a report of a file written: " (encrypted)" when it
// was.
func encryptedWord(to []age.Recipient) string {
	if to == nil {
		return ""
	}
	return " (encrypted)"
}

// writeCSVFolder writes every table into dir (made private if it is new),
// after making sure that none of the files is there already (unless
// force), so a refusal leaves no half set behind. Encrypted to the
// recipients (when there are any), each file is TABLE.csv.age.
func writeCSVFolder(e *env, dir string, ex journalfile.Export, force bool, to []age.Recipient) error {
	ext := ".csv"
	if to != nil {
		ext = ".csv.age"
	}
	err := writeCSVTables(dir, ext, force, func(w io.Writer, table string) error {
		write := func(w io.Writer) error { return journalfile.WriteCSV(w, table, ex) }
		if to != nil {
			write = encrypted(to, write)
		}
		return write(w)
	})
	if err != nil {
		return err
	}
	names := make([]string, len(journalfile.CSVTables))
	for i, t := range journalfile.CSVTables {
		names[i] = t + ext
	}
	fmt.Fprintf(e.Stdout, "Wrote %s (%s) to %s%s.\n", model.ListWords(names), countWords(ex.Counts()), dir, encryptedWord(to))
	return nil
}

// writeCSVTables writes one file per table into dir, TABLE+ext, all of
// them or none:
// each is written whole under a temporary name first, and only when every
// one is on the disk are they given their names. On failure it removes what
// it made (the temporaries, the files it placed, and the folder if it made
// it), and the error names exactly what is left, if anything.
func writeCSVTables(dir, ext string, force bool, write func(w io.Writer, table string) error) error {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && !fi.IsDir():
		return fmt.Errorf("export: %s is a file; csv needs a folder for its tables (or --table TABLE to write one)", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("export: cannot reach the folder %s: %v", dir, reasonOf(err))
	}
	madeDir := err != nil
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("export: make the folder %s: %v; nothing was written", dir, reasonOf(err))
	}
	finals := make([]string, len(journalfile.CSVTables))
	existed := make([]bool, len(finals))
	for i, t := range journalfile.CSVTables {
		finals[i] = filepath.Join(dir, t+ext)
		wholefile.CleanLeftovers(finals[i]) // an earlier export here that was killed
		if _, err := os.Lstat(finals[i]); err == nil {
			if !force {
				removeIfMade(dir, madeDir)
				return fmt.Errorf("export: %s already exists; nothing was written. Choose another folder, or add --force to replace the files", finals[i])
			}
			existed[i] = true
		}
	}
	var temps, placed []string
	undo := func(cause string) error {
		for _, t := range temps {
			wholefile.Remove(t)
		}
		var left []string
		for _, p := range placed {
			if os.Remove(p) != nil {
				left = append(left, p)
			}
		}
		if madeDir && len(left) == 0 {
			os.Remove(dir)
		}
		switch {
		case len(left) > 0:
			return fmt.Errorf("export: %s; these files could not be removed and hold part of your journal: %s", cause, strings.Join(left, ", "))
		case madeDir:
			return fmt.Errorf("export: %s; nothing was left behind (the folder %s was removed too)", cause, dir)
		}
		return fmt.Errorf("export: %s; nothing in %s was changed", cause, dir)
	}
	for i, t := range journalfile.CSVTables {
		tmp, err := wholefile.Written(finals[i], func(w io.Writer) error { return write(w, t) })
		if err != nil {
			return undo(fmt.Sprintf("write %s: %v", finals[i], reasonOf(err)))
		}
		temps = append(temps, tmp)
	}
	for i, tmp := range temps {
		if err := wholefile.Place(tmp, finals[i], force); err != nil {
			temps = temps[i:]
			cause := fmt.Sprintf("write %s: %v", finals[i], reasonOf(err))
			if replaced := replacedOf(placed, finals, existed); len(replaced) > 0 {
				// Replaced files cannot be put back; say which they are.
				for _, t := range temps {
					wholefile.Remove(t)
				}
				return fmt.Errorf("export: %s; %s were already replaced with the new export", cause, strings.Join(replaced, ", "))
			}
			return undo(cause)
		}
		placed = append(placed, finals[i])
	}
	return nil
}

// replacedOf lists the placed files that replaced a file already there.
func replacedOf(placed, finals []string, existed []bool) []string {
	var out []string
	for i := range placed {
		if existed[i] {
			out = append(out, finals[i])
		}
	}
	return out
}

// removeIfMade removes dir when this export made it (it is empty).
func removeIfMade(dir string, made bool) {
	if made {
		os.Remove(dir)
	}
}

// writeNewFile writes a file readable only by its owner (0600), whole or not
// at all (see wholefile): the content goes to a temporary name beside path,
// is flushed to the disk, and then takes path's name in one step. Without
// force an existing path is never replaced, even one made a moment ago.
// A failed write leaves nothing behind, and an existing file is untouched.
func writeNewFile(path string, force bool, write func(io.Writer) error) error {
	wholefile.CleanLeftovers(path) // an earlier export to path that was killed
	if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Errorf("export: %s already exists; nothing was written. Choose another name, or add --force to replace it", path)
	}
	err := wholefile.Write(path, force, write)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("export: %s already exists; nothing was written. Choose another name, or add --force to replace it", path)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("export: there is no folder %s to write %s in; nothing was written", filepath.Dir(path), filepath.Base(path))
	case err != nil:
		return fmt.Errorf("export: could not write %s (%v); nothing was written, and no file was left behind", path, reasonOf(err))
	}
	return nil
}

// reasonOf is the short cause of a file error: the path is already in our
// sentence.
func reasonOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// countWords says what an export holds: "500 contacts, 50,000
// reach-outs, 3,650 check-ins, 520 reflections and 32 check-ups".
func countWords(n journalfile.Counts) string {
	return model.ListWords([]string{
		count(n.Contacts, "contact"), count(n.ReachOuts, "reach-out"),
		count(n.CheckIns, "check-in"), count(n.Reflections, "reflection"),
		count(n.Checkups, "check-up"),
	})
}
