package cli

import (
	"context"
	"fmt"
	"strings"
)

func runMan(ctx context.Context, e *env, args []string) error {
	f := newFlags("man", "tether man",
		"Prints Tether's manual page, tether(1), made from the same words as tether --help and each command's --help. "+
			"Save it where man looks for pages, then read it with man tether.",
		"mkdir -p ~/.local/share/man/man1",
		"tether man > ~/.local/share/man/man1/tether.1",
		"tether man | man -l -")
	f.operands = noOperands
	words, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(words) > 0 {
		return f.usagef("unexpected %q (save the page with tether man > FILE)", words[0])
	}
	fmt.Fprint(e.Stdout, manPage(firstOf(e.Version, buildVersion())))
	return nil
}

// manPage is tether(1) in roff (the man macros): the parts of tether
// --help, then every command with its help, options and examples, all
// from the same place as the help, so a flag cannot be in one and not the
// other.
func manPage(version string) string {
	var b strings.Builder
	b.WriteString(`.\" tether(1), made by tether man from tether's own help.
.TH TETHER 1 "" ` + roffQuoted("tether "+version) + ` "User Commands"
.\" Paths and options are not to be split or stretched.
.nh
.ad l
.SH NAME
tether \- keep your support network, for people in recovery
.SH SYNOPSIS
.B tether
[\fB\-\-db\fR \fIFILE\fR]
.br
.B tether
[\fB\-\-db\fR \fIFILE\fR] \fICOMMAND\fR [\fIoptions\fR]
.SH DESCRIPTION
`)
	b.WriteString(roffParagraphs(intro))
	b.WriteString(".PP\n" + roffText(appKeys) + "\n.PP\n" + roffText(hardMoment) + "\n")
	b.WriteString(".SH OPTIONS\n")
	root, _, _ := rootFlags()
	manOptions(&b, root)
	b.WriteString(".SH COMMANDS\n")
	b.WriteString(roffText("Each command has its own --help, which says what this page says of it.") + "\n")
	for _, l := range leaves() {
		if l.hidden {
			continue
		}
		fmt.Fprintf(&b, ".SS %s\n", roffQuoted("tether "+l.path))
		b.WriteString(roffText(sentence(l.summary)) + "\n")
		b.WriteString(".PP\n.nf\n" + roffLines(l.f.synopsis) + ".fi\n")
		b.WriteString(".PP\n" + roffParagraphs(l.f.about))
		manOptions(&b, l.f)
		for _, s := range l.f.sections {
			fmt.Fprintf(&b, ".PP\n\\fB%s:\\fR\n", roffText(s.title))
			for _, r := range s.rows {
				fmt.Fprintf(&b, ".TP\n\\fB%s\\fR\n%s\n", roffText(r.left), roffText(r.right))
			}
		}
		if len(l.f.examples) > 0 {
			b.WriteString(".PP\nExamples:\n.PP\n.RS\n.nf\n")
			for _, ex := range l.f.examples {
				b.WriteString(roffLines(ex))
			}
			b.WriteString(".fi\n.RE\n")
		}
	}
	b.WriteString(`.SH ENVIRONMENT
.TP
.B TETHER_DB
` + roffText("The journal file, when --db is not given.") + `
.TP
.B NO_COLOR
` + roffText("When set, no command writes colour.") + `
.SH FILES
.TP
.I ~/.local/share/tether/tether.db
` + roffText("The journal (under $XDG_DATA_HOME when that is set): one file, readable only by you.") + `
.SH EXIT STATUS
` + roffText(exitCodes) + "\n")
	return b.String()
}

// manOptions lists f's options as tagged paragraphs, -h last.
func manOptions(b *strings.Builder, f *flags) {
	for _, o := range f.options() {
		tag := `\fB\-\-` + roffText(o.long) + `\fR`
		if o.short != "" {
			tag = `\fB\-` + roffText(o.short) + `\fR, ` + tag
		}
		if o.word != "" {
			tag += ` \fI` + roffText(o.word) + `\fR`
		}
		fmt.Fprintf(b, ".TP\n%s\n%s\n", tag, roffText(o.usage))
	}
	b.WriteString(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nshow this help\n")
}

// roffParagraphs is text whose lines are paragraphs, each filled by roff.
func roffParagraphs(s string) string {
	var b strings.Builder
	for i, para := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(roffText(strings.Join(strings.Fields(para), " ")) + "\n")
	}
	return b.String()
}

// roffLines is text set line for line, as in .nf.
func roffLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(roffText(l) + "\n")
	}
	return b.String()
}

// roffText is text as roff prints it: backslashes and hyphen-minus escaped
// (options copied from the page must work), a line that would begin with
// a request's dot kept as text, and every character beyond ASCII written
// as its code point, so no man program has to guess the page's encoding.
func roffText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r < ' ' || r == 0x7f:
			// Help text has none; a control character would be a request.
		case r > 0x7f:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if strings.HasPrefix(out, ".") || strings.HasPrefix(out, "'") {
		out = `\&` + out
	}
	return out
}

// roffQuoted is a macro's argument in double quotes.
func roffQuoted(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `""`) + `"`
}
