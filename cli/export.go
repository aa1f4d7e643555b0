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

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

func runExport(ctx context.Context, e *env, args []string) error {
	f := newFlags("export",
		"tether export --format json|csv|md|vcf [--from DATE] [--to DATE]\n"+
			"                     [--week WEEK] [-o FILE] [--table TABLE] [--force]",
		"Writes your journal, or a period of it, for another program or another person. "+
			"json is the whole journal (every contact, archived ones too, the check-ups and the settings), the file tether import reads back. "+
			"csv is tables for a spreadsheet. md is a summary of a period to share with a sponsor or therapist if you choose: "+
			"figures, names, check-up scores and your reflections, never your private notes (the last 7 days unless you give a period). "+
			"vcf is your active contacts as vCards, for a phone's address book.\n"+
			"A period keeps the reach-outs, check-ins and check-ups of its days and the reflections of its weeks; contacts always come whole. "+
			"Files are made readable only by you, and an existing file is never replaced unless you add --force.",
		"tether export --format json -o ~/tether-export.json",
		"tether export --format md --week 2026-W47 -o week47.md",
		"tether export --format csv -o ~/tether-csv/",
		"tether export --format csv --table reach_outs --from 2026-01-01 | less",
		"tether export --format vcf -o contacts.vcf")
	format := f.String("format", "", "`FORMAT`: json, csv, md or vcf (required)")
	fromText := f.String("from", "", "the first `DATE` of the period, like 2026-11-01")
	toText := f.String("to", "", "the last `DATE` of the period (default: the last entry; for md, today)")
	weekText := f.String("week", "", "the period is one ISO `WEEK`, like 2026-W47, instead of --from and --to")
	output := f.String("output", "", "write to `FILE` instead of the screen; for csv without --table, a folder that gets one file per table")
	f.short("output", "o")
	table := f.String("table", "", "csv only: write just one `TABLE`: "+strings.Join(journalfile.CSVTables, ", "))
	force := f.Bool("force", false, "replace files that already exist")
	db := f.db()
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
	switch {
	case *table != "" && *format != "csv":
		return f.usagef("--table is for --format csv")
	case *table != "" && !slices.Contains(journalfile.CSVTables, *table):
		return f.usagef("there is no table %q: choose %s", *table, strings.Join(journalfile.CSVTables, ", "))
	case *format == "csv" && *table == "" && (*output == "" || *output == "-"):
		return f.usagef("csv is one file per table: give a folder with -o FOLDER for all of them, or --table TABLE for one")
	case *format == "vcf" && period:
		return f.usagef("vcf holds contacts only, so --from, --to and --week do not apply")
	}
	today := model.Today(e.Clock)
	if *format == "md" && !period {
		from, to = today.AddDays(-6), today
	}

	path, err := e.journalOf(db)
	if err != nil {
		return err
	}
	st, err := e.openExisting(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	ex, err := st.Export(ctx, from, to)
	if err != nil {
		return err
	}
	st.Close()

	var write func(io.Writer) error
	var what string
	switch *format {
	case "json":
		write = func(w io.Writer) error { return journalfile.EncodeExport(w, ex) }
		what = exportCounts(ex)
	case "md":
		write = func(w io.Writer) error {
			_, err := io.WriteString(w, journalfile.PeriodMarkdown(from, to, ex))
			return err
		}
		what = fmt.Sprintf("the summary of %s to %s", from.Human(), to.Human())
	case "vcf":
		var active []model.Contact
		for _, c := range ex.Contacts {
			if !c.Archived {
				active = append(active, c)
			}
		}
		write = func(w io.Writer) error { return journalfile.EncodeVCards(w, active) }
		what = plural(len(active), "contact")
	case "csv":
		if *table == "" {
			return writeCSVFolder(e, *output, ex, *force)
		}
		write = func(w io.Writer) error { return journalfile.WriteCSV(w, *table, ex) }
		what = "the " + *table + " table"
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
	fmt.Fprintf(e.Stdout, "Wrote %s to %s.\n", what, *output)
	return nil
}

// writeCSVFolder writes every table into dir (made private if it is new),
// after making sure that none of the files is there already (unless
// force), so a refusal leaves no half set behind.
func writeCSVFolder(e *env, dir string, ex journalfile.Export, force bool) error {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("export: %s is a file; csv needs a folder for its tables (or --table TABLE to write one)", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("export: make the folder %s: %w", dir, err)
	}
	var names []string
	for _, t := range journalfile.CSVTables {
		name := filepath.Join(dir, t+".csv")
		if _, err := os.Lstat(name); err == nil && !force {
			return fmt.Errorf("export: %s already exists; nothing was written. Choose another folder, or add --force to replace the files", name)
		}
		names = append(names, t+".csv")
	}
	for i, t := range journalfile.CSVTables {
		err := writeNewFile(filepath.Join(dir, names[i]), force, func(w io.Writer) error { return journalfile.WriteCSV(w, t, ex) })
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(e.Stdout, "Wrote %s (%s) to %s.\n", listWords(names), exportCounts(ex), dir)
	return nil
}

// writeNewFile writes a file readable only by its owner (0600). Without
// force it must not exist yet: it is created with O_EXCL, so even a file
// made a moment ago is never replaced. With force, the new content goes to
// a temporary file first and replaces the old one in a single rename, so
// the file is never half written. A failed write leaves nothing behind.
func writeNewFile(path string, force bool, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	var f *os.File
	var err error
	if force {
		f, err = os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	} else {
		f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("export: %s already exists; nothing was written. Choose another name, or add --force to replace it", path)
	case err != nil:
		return fmt.Errorf("export: cannot create %s: %v", path, reasonOf(err))
	}
	name := f.Name()
	bw := bufio.NewWriterSize(f, 64<<10)
	err = f.Chmod(0o600)
	if err != nil && errors.Is(err, fs.ErrPermission) {
		err = nil // a file system without modes (FAT); nothing more private to do
	}
	if err == nil {
		err = write(bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && force {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("export: write %s: %v; nothing was left behind", path, reasonOf(err))
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

// exportCounts says what an export holds: "500 contacts, 50,000
// reach-outs, 3,650 check-ins, 520 reflections and 32 check-ups".
func exportCounts(ex journalfile.Export) string {
	return listWords([]string{
		count(len(ex.Contacts), "contact"), count(len(ex.ReachOuts), "reach-out"),
		count(len(ex.CheckIns), "check-in"), count(len(ex.Reflections), "reflection"),
		count(len(ex.Checkups), "check-up"),
	})
}
