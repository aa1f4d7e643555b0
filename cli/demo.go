package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
	"github.com/tether-recovery/tether/store/sample"
)

// runDemo opens the app on a freshly generated sample journal in a private
// temporary folder, or with --save writes one and exits. It never looks at
// --db or TETHER_DB, so the person's own journal cannot be touched.
func runDemo(ctx context.Context, e *env, args []string) error {
	f := newFlags("demo", "tether demo [--save FILE [--size small|large|xl|xxl]]",
		"Opens the app on a sample journal in a temporary file, which is removed when you quit. "+
			"Your own journal is never read or touched, whatever --db or TETHER_DB say.")
	save := f.String("save", "", "write the sample journal to `FILE` and exit, instead of opening it")
	sizeText := f.String("size", "small", "how much sample: `SIZE` is small, large (a decade: 500 contacts, 50,000 reach-outs), "+
		"or xl and xxl, ten and a hundred times large, for measuring speed (xxl takes minutes to write)")
	f.values("size", string(sample.Small), string(sample.Large), string(sample.XL), string(sample.XXL))
	f.operands = noOperands
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return f.usagef("unexpected %q", pos[0])
	}
	size, err := sample.ParseSize(*sizeText)
	if err != nil {
		return f.usagef("%v", err)
	}
	today := model.Today(e.Clock)
	if *save != "" {
		if err := sample.Write(ctx, *save, size, today); err != nil {
			return err
		}
		article := "a"
		if strings.HasPrefix(string(size), "x") {
			article = "an" // an xl
		}
		fmt.Fprintf(e.Stdout, "Wrote %s %s sample journal to %s\n", article, size, *save)
		return nil
	}
	dir, err := os.MkdirTemp("", "tether-demo-")
	if err != nil {
		return fmt.Errorf("make a folder for the demo: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo.db")
	if err := sample.Write(ctx, path, size, today); err != nil {
		return fmt.Errorf("write sample journal: %w", err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	return e.runApp(st, "demo journal · not saved", nil)
}
