package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// The SPEC's first promise: killing the process at any moment leaves a
// journal that opens, passes PRAGMA integrity_check, and holds every saved
// entry. TestCrashSafety checks it the only honest way: a real process,
// writing as fast as it can, killed with SIGKILL at a random moment.

// Environment of the crash helper process.
const (
	crashHelperEnv = "TETHER_CRASH_HELPER"       // the journal to write to
	crashStartEnv  = "TETHER_CRASH_START"        // the first iteration number
	crashRoundsEnv = "TETHER_CRASH_ROUNDS"       // rounds to run (20 unless set)
	crashSeedEnv   = "TETHER_CRASH_SEED"         // seed of the kill delays
	crashDefault   = 20                          // rounds under go test
	crashSeed      = uint64(0x7e7e_c0de_2026_01) // the default seed
)

// The helper's keys walk back from here: iteration k writes the check-in
// for crashFirstDay-k and the reflection for the week k weeks before
// crashFirstWeek, wrapping around before 1901 so that any number of rounds
// stays inside the years the journal holds.
var (
	crashFirstDay  = model.Date{Year: 2026, Month: time.January, Day: 1}
	crashFirstWeek = model.WeekOf(crashFirstDay)
	crashDaySpan   = crashFirstDay.DaysSince(model.Date{Year: 1901, Month: time.January, Day: 1})
	crashWeekSpan  = crashDaySpan / 7
)

func crashName(k int) string { return fmt.Sprintf("crash-%07d", k) }

func crashDay(k int) model.Date { return crashFirstDay.AddDays(-(k % crashDaySpan)) }

func crashWeek(k int) model.Week {
	return model.WeekOf(crashFirstWeek.Monday().AddDays(-7 * (k % crashWeekSpan)))
}

// crashReflection is iteration k's reflection: 1 to 10 answers, their
// number also stored as the Supported rating, and every answer naming k, so
// that a reflection whose ratings and answers came from different saves (or
// whose answers were cut short) shows.
func crashReflection(k int) model.Reflection {
	n := 1 + k%10
	r := model.Reflection{Week: crashWeek(k), Supported: n, Confidence: 1 + k%7, CravingBother: 1 + k%3}
	for i := range n {
		r.Answers = append(r.Answers, model.Answer{
			Prompt: fmt.Sprintf("Prompt %d?", i+1),
			Text:   fmt.Sprintf("it%d a%d\nsecond line of a longer answer, so the page fills up", k, i),
		})
	}
	return r
}

// TestCrashHelper is not a test on its own: run by TestCrashSafety in
// another process, it opens the journal it is given and writes forever
// (until killed), iteration by iteration from TETHER_CRASH_START: a
// contact, a reach-out to it, a check-in and a reflection, each its own
// save (one transaction). After each save returns it prints
// "committed <kind> <key>".
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(crashHelperEnv)
	if path == "" {
		t.Skip("a helper for TestCrashSafety")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stdout, "error:", err)
		os.Exit(1)
	}
	start, err := strconv.Atoi(os.Getenv(crashStartEnv))
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		fail(err)
	}
	// A helper whose parent has died must not write forever.
	deadline := time.Now().Add(30 * time.Second)
	at := time.Date(2025, time.June, 1, 12, 0, 0, 0, time.Local)
	for k := start; time.Now().Before(deadline); k++ {
		c, err := s.SaveContact(ctx, model.Contact{
			Name: crashName(k), Circle: model.CircleFriend, Phone: "+1 555 0100",
			Notes: fmt.Sprintf("iteration %d", k), Tags: []string{"crash", "tag-b", "tag-c"},
		})
		if err != nil {
			fail(err)
		}
		fmt.Fprintln(os.Stdout, "committed contact", c.Name)

		if _, err := s.SaveReachOut(ctx, model.ReachOut{
			ContactID: c.ID, At: at, Channel: model.ChannelCall, Direction: model.DirectionMine,
			Note: fmt.Sprintf("iteration %d", k),
		}); err != nil {
			fail(err)
		}
		fmt.Fprintln(os.Stdout, "committed reachout", c.Name)

		day := crashDay(k)
		if _, err := s.SaveCheckIn(ctx, model.CheckIn{
			Day: day, Mood: 1 + k%5, Note: fmt.Sprintf("iteration %d", k),
		}); err != nil {
			fail(err)
		}
		fmt.Fprintln(os.Stdout, "committed checkin", day)

		r, err := s.SaveReflection(ctx, crashReflection(k))
		if err != nil {
			fail(err)
		}
		fmt.Fprintln(os.Stdout, "committed reflection", r.Week)
	}
	s.Close()
	os.Exit(0)
}

// crashRounds is how many kills TestCrashSafety makes: 20 under go test,
// TETHER_CRASH_ROUNDS when set (100 for the long run).
func crashRounds(t *testing.T) int {
	v := os.Getenv(crashRoundsEnv)
	if v == "" {
		return crashDefault
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", crashRoundsEnv, v)
	}
	return n
}

func crashSeeds(t *testing.T) uint64 {
	v := os.Getenv(crashSeedEnv)
	if v == "" {
		return crashSeed
	}
	n, err := strconv.ParseUint(v, 0, 64)
	if err != nil {
		t.Fatalf("%s=%q: %v", crashSeedEnv, v, err)
	}
	return n
}

// crashLog is what the helpers reported, over every round.
type crashLog struct {
	contacts    map[string]bool // by name
	reachOuts   map[string]int  // by contact name
	checkIns    map[string]bool // by day
	reflections map[string]bool // by week
	// spans are each round's iterations [start, next); in each, only the
	// last may have been committed without being reported.
	spans [][2]int
}

func TestCrashSafety(t *testing.T) {
	if os.Getenv(crashHelperEnv) != "" {
		t.Skip("in the helper")
	}
	rounds := crashRounds(t)
	seed := crashSeeds(t)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	path := filepath.Join(t.TempDir(), "tether.db")
	log := &crashLog{
		contacts: map[string]bool{}, reachOuts: map[string]int{},
		checkIns: map[string]bool{}, reflections: map[string]bool{},
	}
	began := time.Now()
	next, total := 0, 0
	for round := range rounds {
		delay := time.Duration(20+rng.IntN(181)) * time.Millisecond
		start := next
		lines := crashRound(t, path, start, delay)
		maxIter := -1
		for _, l := range lines {
			if strings.HasPrefix(l, "error:") {
				t.Fatalf("round %d: the helper failed before it was killed: %s", round, l)
			}
			f := strings.Fields(l)
			if len(f) != 3 || f[0] != "committed" {
				continue // go test's own output, if any
			}
			total++
			switch f[1] {
			case "contact":
				log.contacts[f[2]] = true
				k, err := strconv.Atoi(strings.TrimPrefix(f[2], "crash-"))
				if err != nil {
					t.Fatalf("round %d: bad line %q", round, l)
				}
				maxIter = max(maxIter, k)
			case "reachout":
				log.reachOuts[f[2]]++
			case "checkin":
				log.checkIns[f[2]] = true
			case "reflection":
				log.reflections[f[2]] = true
			default:
				t.Fatalf("round %d: bad line %q", round, l)
			}
		}
		// The save in flight when the helper died may have committed
		// unreported: the next round starts past it, so names and keys
		// never collide.
		if maxIter >= 0 {
			next = maxIter + 2
		} else {
			next = start + 1
		}
		log.spans = append(log.spans, [2]int{start, next})
		t.Logf("round %d: killed after %v, %d commits reported (iterations %d to %d)",
			round, delay, len(lines), start, next-1)
		verifyCrashJournal(t, path, round, log)
		if t.Failed() {
			break
		}
	}
	t.Logf("%d rounds, %d commits reported and found, seed %#x, in %v",
		rounds, total, seed, time.Since(began).Round(time.Millisecond))
	if total == 0 {
		t.Errorf("no commit was reported in %d rounds: the helper never got to write", rounds)
	}
}

// crashRound runs the helper on path from iteration start, kills it with
// SIGKILL after delay, and returns the lines it printed.
func crashRound(t *testing.T, path string, start int, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+path, crashStartEnv+"="+strconv.Itoa(start))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan []string, 1)
	go func() {
		var lines []string
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		io.Copy(io.Discard, stdout)
		done <- lines
	}()
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill the helper: %v", err)
	}
	lines := <-done
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		// It exited on its own: an error before it was killed.
		t.Fatalf("the helper was not killed but exited (%v): %q\nstderr: %s", err, lines, stderr.String())
	}
	return lines
}

// verifyCrashJournal reopens the journal as Tether would, checks it with
// SQLite, and checks that it holds everything the helpers reported and no
// half of any save.
func verifyCrashJournal(t *testing.T, path string, round int, log *crashLog) {
	t.Helper()
	ctx := context.Background()
	if _, err := os.Stat(path); os.IsNotExist(err) && len(log.contacts) == 0 {
		return // killed before the journal was created
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("round %d: the journal does not open after a kill: %v", round, err)
	}
	// Reading through the store works too.
	if _, err := s.Contacts(ctx, false, crashFirstDay); err != nil {
		t.Errorf("round %d: list contacts: %v", round, err)
	}
	if _, err := s.ReflectionHeaders(ctx); err != nil {
		t.Errorf("round %d: list reflections: %v", round, err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("round %d: close: %v", round, err)
	}

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkIntegrity(t, db, fmt.Sprintf("round %d", round))

	// Contacts, each with its three tags and at most one reach-out.
	contacts := map[string]bool{}
	rows := queryRows(t, db, `SELECT c.name,
		(SELECT count(*) FROM contact_tags t WHERE t.contact_id = c.id),
		(SELECT count(*) FROM reach_outs r WHERE r.contact_id = c.id)
		FROM contacts c`)
	reached := map[string]int{}
	for _, r := range rows {
		name, tags, outs := r[0], r[1], r[2]
		contacts[name] = true
		if tags != "3" {
			t.Errorf("round %d: contact %s has %s tags, saved with 3: half a save", round, name, tags)
		}
		n, _ := strconv.Atoi(outs)
		if n > 1 {
			t.Errorf("round %d: contact %s has %d reach-outs, at most 1 was saved", round, name, n)
		}
		reached[name] = n
	}
	for name := range log.contacts {
		if !contacts[name] {
			t.Errorf("round %d: contact %s was committed but is gone", round, name)
		}
	}
	for name, n := range log.reachOuts {
		if reached[name] < n {
			t.Errorf("round %d: %d reach-outs to %s were committed, the journal holds %d", round, n, name, reached[name])
		}
	}
	// Nothing appears that was not saved: in each round, only the save in
	// flight at the kill may be there unreported.
	for i, sp := range log.spans {
		for k := sp[0]; k < sp[1]; k++ {
			name := crashName(k)
			if contacts[name] && !log.contacts[name] && k != sp[1]-1 {
				t.Errorf("round %d: contact %s (round %d) is in the journal but was never reported", round, name, i)
			}
		}
	}
	if extra := len(contacts) - len(log.contacts); extra < 0 || extra > len(log.spans) {
		t.Errorf("round %d: %d contacts in the journal, %d reported, in %d rounds", round, len(contacts), len(log.contacts), len(log.spans))
	}

	days := map[string]bool{}
	for _, r := range queryRows(t, db, `SELECT day FROM check_ins`) {
		days[r[0]] = true
	}
	for d := range log.checkIns {
		if !days[d] {
			t.Errorf("round %d: the check-in for %s was committed but is gone", round, d)
		}
	}

	// Each reflection whole: its Supported rating is its number of
	// answers, at positions 0 to n-1, all from the same save.
	weeks := map[string]bool{}
	for _, r := range queryRows(t, db, `SELECT r.week, r.supported,
		(SELECT count(*) FROM reflection_answers a WHERE a.week = r.week),
		(SELECT coalesce(max(position), -1) FROM reflection_answers a WHERE a.week = r.week),
		(SELECT count(DISTINCT substr(answer, 1, instr(answer, ' '))) FROM reflection_answers a WHERE a.week = r.week)
		FROM reflections r`) {
		week, supported, count, maxPos, saves := r[0], r[1], r[2], r[3], r[4]
		weeks[week] = true
		n, _ := strconv.Atoi(count)
		if supported != count || maxPos != strconv.Itoa(n-1) || saves != "1" {
			t.Errorf("round %d: reflection %s is half a save: %s answers (positions to %s) from %s saves, saved with %s",
				round, week, count, maxPos, saves, supported)
		}
	}
	if orphans := queryRows(t, db, `SELECT DISTINCT week FROM reflection_answers
		WHERE week NOT IN (SELECT week FROM reflections)`); len(orphans) > 0 {
		t.Errorf("round %d: answers without their reflection: %v", round, orphans)
	}
	for w := range log.reflections {
		if !weeks[w] {
			t.Errorf("round %d: the reflection for %s was committed but is gone", round, w)
		}
	}
}

// checkIntegrity runs SQLite's own checks: the file, and the references.
func checkIntegrity(t *testing.T, db *sql.DB, what string) {
	t.Helper()
	rows := queryRows(t, db, `PRAGMA integrity_check`)
	if len(rows) != 1 || rows[0][0] != "ok" {
		t.Errorf("%s: PRAGMA integrity_check: %v", what, rows)
	}
	if rows := queryRows(t, db, `PRAGMA foreign_key_check`); len(rows) > 0 {
		t.Errorf("%s: PRAGMA foreign_key_check: %v", what, rows)
	}
	checkSearchIndex(t, db, what)
}

// checkSearchIndex holds the search index to the rows it indexes: FTS5's
// own check, a row for every row that has words to find, and a search
// for "iteration" (every crash write's note) finding what a scan finds.
func checkSearchIndex(t *testing.T, db *sql.DB, what string) {
	t.Helper()
	if _, err := db.Exec(`INSERT INTO search (search, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("%s: the search index fails its check: %v", what, err)
	}
	for _, c := range []struct{ kind, rows string }{
		{"contact", `SELECT count(*) FROM contacts`},
		{"reach-out", `SELECT count(*) FROM reach_outs WHERE note <> ''`},
		{"check-in", `SELECT count(*) FROM check_ins WHERE gratitude <> '' OR note <> ''`},
		{"reflection", `SELECT count(*) FROM reflection_answers WHERE answer <> ''`},
	} {
		rows := queryRows(t, db, c.rows)
		indexed := queryRows(t, db, `SELECT count(*) FROM search WHERE kind = ?`, c.kind)
		if rows[0][0] != indexed[0][0] {
			t.Errorf("%s: %s rows %s, indexed %s", what, c.kind, rows[0][0], indexed[0][0])
		}
	}
	found := queryRows(t, db, `SELECT count(*) FROM search WHERE search MATCH 'iteration'`)
	scanned := queryRows(t, db, `SELECT (SELECT count(*) FROM contacts WHERE notes LIKE '%iteration%')
		+ (SELECT count(*) FROM reach_outs WHERE note LIKE '%iteration%')
		+ (SELECT count(*) FROM check_ins WHERE note LIKE '%iteration%' OR gratitude LIKE '%iteration%')
		+ (SELECT count(*) FROM reflection_answers WHERE answer LIKE '%iteration%')`)
	if found[0][0] != scanned[0][0] {
		t.Errorf("%s: a search finds %s places, a scan %s", what, found[0][0], scanned[0][0])
	}
}

// queryRows runs a query and returns every row as text.
func queryRows(t *testing.T, db *sql.DB, query string, args ...any) [][]string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}
