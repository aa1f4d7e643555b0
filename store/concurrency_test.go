package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// The SPEC's promise "Two Tether windows on one journal both work": two
// processes writing the same journal at once both succeed, waiting for
// each other (busy_timeout, BEGIN IMMEDIATE) instead of failing with
// "database is locked".

// Environment of the concurrent writer helper.
const (
	concHelperEnv = "TETHER_CONCURRENT_HELPER" // the journal to write to
	concWhoEnv    = "TETHER_CONCURRENT_WHO"    // the writer's name, in its contacts' names
	concWritesEnv = "TETHER_CONCURRENCY_WRITES"
	concDefault   = 1000 // writes per process; about 1 s for both here
)

// concWrites is how many writes each helper makes: concDefault, or
// TETHER_CONCURRENCY_WRITES (even, so contacts and reach-outs pair up).
func concWrites(t *testing.T) int {
	v := os.Getenv(concWritesEnv)
	if v == "" {
		return concDefault
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 2 || n%2 != 0 {
		t.Fatalf("%s=%q: want an even number of at least 2", concWritesEnv, v)
	}
	return n
}

// concWrite is write i of writer who: a new contact on even i, a reach-out
// to the contact just made on odd i. It returns the line to report.
func concWrite(ctx context.Context, s *store.Store, who string, i int, last *int64) (string, error) {
	if i%2 == 0 {
		c, err := s.SaveContact(ctx, model.Contact{
			Name: fmt.Sprintf("conc-%s-%05d", who, i), Circle: model.CirclePeer,
			Tags: []string{"concurrent", who},
		})
		if err != nil {
			return "", err
		}
		*last = c.ID
		return "committed contact " + c.Name, nil
	}
	r, err := s.SaveReachOut(ctx, model.ReachOut{
		ContactID: *last, At: time.Date(2025, time.May, 5, 18, 0, 0, 0, time.Local),
		Channel: model.ChannelText, Direction: model.DirectionMine, Note: fmt.Sprintf("%s %d", who, i),
	})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("committed reachout %d", r.ID), nil
}

// TestConcurrentWriterHelper is not a test on its own: run twice at once
// by TestConcurrentProcesses, it opens the journal, says "ready", waits for
// a line on its input so that both start writing together, then makes its
// writes, reporting each. On any error it prints it and exits 1.
func TestConcurrentWriterHelper(t *testing.T) {
	path := os.Getenv(concHelperEnv)
	if path == "" {
		t.Skip("a helper for TestConcurrentProcesses")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stdout, "error:", err)
		os.Exit(1)
	}
	who := os.Getenv(concWhoEnv)
	n, err := strconv.Atoi(os.Getenv(concWritesEnv))
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		fail(err)
	}
	fmt.Fprintln(os.Stdout, "ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		fail(err)
	}
	var last int64
	for i := range n {
		line, err := concWrite(ctx, s, who, i, &last)
		if err != nil {
			fail(fmt.Errorf("write %d: %w", i, err))
		}
		fmt.Fprintln(os.Stdout, line)
	}
	if err := s.Close(); err != nil {
		fail(err)
	}
	os.Exit(0)
}

// concHelper is one running helper process.
type concHelper struct {
	who    string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string
	stderr strings.Builder
}

func startConcHelper(t *testing.T, path, who string, n int) *concHelper {
	t.Helper()
	h := &concHelper{who: who, lines: make(chan string, 64)}
	h.cmd = exec.Command(os.Args[0], "-test.run=^TestConcurrentWriterHelper$")
	h.cmd.Env = append(os.Environ(), concHelperEnv+"="+path, concWhoEnv+"="+who,
		concWritesEnv+"="+strconv.Itoa(n))
	h.cmd.Stderr = &h.stderr
	stdin, err := h.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	h.stdin = stdin
	stdout, err := h.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	t.Cleanup(func() {
		stdin.Close()
		if h.cmd.ProcessState == nil {
			h.cmd.Process.Kill()
			h.cmd.Wait()
		}
	})
	return h
}

// TestConcurrentProcesses runs two processes that open one journal (made
// by an earlier run of Tether) at the same moment and then write it at the
// same time, N writes each.
func TestConcurrentProcesses(t *testing.T) {
	if os.Getenv(concHelperEnv) != "" {
		t.Skip("in the helper")
	}
	n := concWrites(t)
	path := filepath.Join(t.TempDir(), "tether.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	runConcurrentProcesses(t, path, n)
}

// TestConcurrentFirstOpen is the first start of two Tether windows (or a
// window and "tether due" in a new shell) at the same moment: both open a
// journal that does not exist yet, then write. Each attempt is a race, so
// it is tried several times.
func TestConcurrentFirstOpen(t *testing.T) {
	if os.Getenv(concHelperEnv) != "" {
		t.Skip("in the helper")
	}
	const attempts, n = 30, 40
	for i := range attempts {
		path := filepath.Join(t.TempDir(), "tether.db")
		runConcurrentProcesses(t, path, n)
		if t.Failed() {
			t.Fatalf("attempt %d of %d failed", i+1, attempts)
		}
	}
}

// runConcurrentProcesses starts two writer processes on path together,
// lets them write n times each at once, and checks the journal.
func runConcurrentProcesses(t *testing.T, path string, n int) {
	t.Helper()
	began := time.Now()
	helpers := []*concHelper{startConcHelper(t, path, "A", n), startConcHelper(t, path, "B", n)}
	for _, h := range helpers {
		if line, ok := <-h.lines; line != "ready" {
			h.cmd.Wait()
			t.Fatalf("writer %s did not open the journal: %q (open: %v)\nstderr: %s", h.who, line, ok, h.stderr.String())
		}
	}
	opened := time.Now()
	for _, h := range helpers {
		fmt.Fprintln(h.stdin, "go")
	}

	var wg sync.WaitGroup
	results := make([][]string, len(helpers))
	for i, h := range helpers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range h.lines {
				results[i] = append(results[i], l)
			}
		}()
	}
	wg.Wait()
	for i, h := range helpers {
		err := h.cmd.Wait()
		committed := 0
		for _, l := range results[i] {
			switch {
			case strings.HasPrefix(l, "committed "):
				committed++
			case strings.Contains(l, "locked"), strings.Contains(l, "BUSY"):
				t.Errorf("writer %s: %s", h.who, l)
			case strings.HasPrefix(l, "error:"):
				t.Errorf("writer %s: %s", h.who, l)
			}
		}
		if err != nil {
			t.Errorf("writer %s: %v\nstderr: %s", h.who, err, h.stderr.String())
		}
		if committed != n {
			t.Errorf("writer %s reported %d commits, want %d", h.who, committed, n)
		}
	}
	t.Logf("2 processes × %d writes: opened together in %v, wrote in %v",
		n, opened.Sub(began).Round(time.Millisecond), time.Since(opened).Round(time.Millisecond))
	verifyConcurrentJournal(t, path, []string{"A", "B"}, n)
}

// verifyConcurrentJournal checks that the journal opens, passes SQLite's
// checks, and holds exactly each writer's n writes: n/2 contacts, each with
// its one reach-out.
func verifyConcurrentJournal(t *testing.T, path string, writers []string, n int) {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkIntegrity(t, db, "after the concurrent writes")

	for _, who := range writers {
		rows := queryRows(t, db, `SELECT count(*),
			count(DISTINCT c.name),
			coalesce(sum((SELECT count(*) FROM reach_outs r WHERE r.contact_id = c.id) = 1), 0),
			coalesce(sum((SELECT count(*) FROM contact_tags g WHERE g.contact_id = c.id) = 2), 0)
			FROM contacts c WHERE c.name LIKE ?`, "conc-"+who+"-%")
		want := strconv.Itoa(n / 2)
		if r := rows[0]; r[0] != want || r[1] != want || r[2] != want || r[3] != want {
			t.Errorf("writer %s: %s contacts (%s names), %s with one reach-out, %s with both tags; want %s of each",
				who, r[0], r[1], r[2], r[3], want)
		}
	}
	if rows := queryRows(t, db, `SELECT count(*) FROM reach_outs`); rows[0][0] != strconv.Itoa(len(writers)*n/2) {
		t.Errorf("%s reach-outs, want %d", rows[0][0], len(writers)*n/2)
	}
	if rows := queryRows(t, db, `SELECT count(*) FROM contacts`); rows[0][0] != strconv.Itoa(len(writers)*n/2) {
		t.Errorf("%s contacts, want %d", rows[0][0], len(writers)*n/2)
	}
	// How much the writers really interleaved: the turns taken, in the
	// order the contacts were written.
	turns, prev := 0, ""
	for _, r := range queryRows(t, db, `SELECT substr(name, 1, instr(substr(name, 6), '-') + 5) FROM contacts ORDER BY id`) {
		if r[0] != prev {
			turns, prev = turns+1, r[0]
		}
	}
	t.Logf("the writers took %d turns at writing contacts", turns)
}

// TestConcurrentGoroutines shares one Store (the one-per-process way)
// between two goroutines writing at once, 500 writes each.
func TestConcurrentGoroutines(t *testing.T) {
	if os.Getenv(concHelperEnv) != "" {
		t.Skip("in the helper")
	}
	const n = 500
	path := filepath.Join(t.TempDir(), "tether.db")
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	writers := []string{"G1", "G2"}
	errs := make(chan error, len(writers))
	var wg sync.WaitGroup
	for _, who := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var last int64
			for i := range n {
				if _, err := concWrite(ctx, s, who, i, &last); err != nil {
					errs <- fmt.Errorf("goroutine %s, write %d: %w", who, i, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("2 goroutines × %d writes in %v", n, time.Since(began).Round(time.Millisecond))
	verifyConcurrentJournal(t, path, writers, n)
}
