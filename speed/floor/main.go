// Command floor is the speed harness's floor for Tether: a program built
// from Tether's own packages, so the same size on disk and the same
// package initialisation, that draws one fixed frame at once and reads
// nothing. Tether's first frame can be no quicker than this; what Tether
// takes beyond it is opening the journal, reading Today and drawing.
//
// It also answers j at once, from one loop that reads the terminal and
// writes one changed line: a Go program's quickest answer to a key,
// against which Tether's keys (Bubble Tea's reader and loop, the screens,
// the display's writer) are measured.
//
// `floor open PATH` is the floor of a command run as a whole process
// (tether due, tether sos): the same program opens the journal at PATH
// read-only, as those commands do, has SQLite read its schema (which
// every first query does), and exits. What tether due takes beyond it is
// Tether's checks of the journal and its reads.
package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/charmbracelet/x/term"

	// Linked for their size and their init, never called; store registers
	// the SQLite driver that open uses.
	_ "github.com/tether-recovery/tether/store"
	_ "github.com/tether-recovery/tether/views"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == "open" {
		if err := open(os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	if saved, err := term.MakeRaw(os.Stdin.Fd()); err == nil {
		defer func() { _ = term.Restore(os.Stdin.Fd(), saved) }()
	}
	os.Stdout.WriteString("\x1b[?1049h\x1b[2J\x1b[1;1HToday\x1b[3;1HWho next (0)\x1b[30;1Hq quit")
	go answerKeys()
	// Wait to be closed, as the harness does to every program it measures.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	<-sig
	os.Stdout.WriteString("\x1b[?1049l")
}

// answerKeys moves a marker down the screen on each j.
func answerKeys() {
	buf := make([]byte, 64)
	row := 0
	for {
		n, err := os.Stdin.Read(buf)
		if err != nil {
			return
		}
		for _, b := range buf[:n] {
			if b == 'j' {
				row = (row + 1) % 20
				fmt.Fprintf(os.Stdout, "\x1b[%d;1H\x1b[2K  row %d\x1b[%d;1H\x1b[2K› row %d", 5+(row+19)%20, (row+19)%20, 5+row, row)
			}
		}
	}
}

// open opens the journal at path read-only and has SQLite read its schema.
func open(path string) error {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	var objects int
	return db.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&objects)
}
