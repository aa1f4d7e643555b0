package cli

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// checkin runs tether checkin on the journal db with stdin as its input.
func checkin(db string, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(context.Background(), Env{
		Args: append([]string{"--db", db, "checkin"}, args...), Stdout: &out, Stderr: &errb, Stdin: stdin,
		Clock: model.FixedClock{T: testNow}, Version: "0.1.0-test", Getenv: func(string) string { return "" },
	})
	return code, out.String(), errb.String()
}

// savedCheckIn reads the day's check-in from the journal.
func savedCheckIn(t *testing.T, db string, day model.Date) (model.CheckIn, bool) {
	t.Helper()
	var c model.CheckIn
	var ok bool
	withStore(t, db, func(st *store.Store) {
		var err error
		if c, ok, err = st.CheckIn(context.Background(), day); err != nil {
			t.Fatal(err)
		}
	})
	return c, ok
}

func ptr[T any](v T) *T { return &v }

func TestCheckinAsksEachQuestionOnItsOwnLine(t *testing.T) {
	t.Parallel()
	db := journal(t)
	answers := "4\neasy\n2\nno\n1\n6,5\nlonely, tired\nno\nA walk with Sam\nSlept badly 🌧\n"
	code, out, errs := checkin(db, strings.NewReader(answers))
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := []string{
		"Check-in for today, Monday 9 March 2026. Every question is optional: Enter skips it, and the end of input (ctrl+d) saves what you have answered.",
		"Mood, from 1 very low to 5 very good: ",
		"How hard was today: easy, not bad, questionable, hard or impossible: ",
		"Craving, from 0 none to 10 overwhelming: ",
		"In a risky situation, or with people who encourage using? yes or no: ",
		"Meetings or groups today, how many: ",
		"Sleep, in hours, like 7 or 6.5: ",
		"Hungry, angry, lonely or tired? Any that fit, with commas, or none: ",
		"Used today? yes or no. Recorded without judgement; it never breaks your streak or erases a day: ",
		"What helped, or one line of thanks: ",
		"Note, anything else: ",
		"Saved the check-in for today: mood, how hard, craving, risky situation, meetings, sleep, HALT, used, what helped and note.",
	}
	if got := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("stdout:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
	c, ok := savedCheckIn(t, db, testDay)
	if !ok || c.Mood != 4 || c.Difficulty != model.DifficultyEasy || *c.Craving != 2 || *c.Risky || *c.Meetings != 1 ||
		*c.SleepHours != 6.5 || c.Hungry || c.Angry || !c.Lonely || !c.Tired || *c.Used ||
		c.Gratitude != "A walk with Sam" || c.Note != "Slept badly 🌧" {
		t.Fatalf("saved %+v", c)
	}
}

// A wrong answer is explained, in the model's words where it is the
// model's rule, and the same question asked again.
func TestCheckinAsksAgainAfterAWrongAnswer(t *testing.T) {
	t.Parallel()
	db := journal(t)
	code, out, _ := checkin(db, strings.NewReader("9\nfive\n3\nmeh\nhard\nlots\n11\n7\n"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"Mood, from 1 very low to 5 very good: \nMood is 1 to 5 (or blank).\nMood, from 1 very low to 5 very good: \n" +
			"Mood is a whole number from 1 to 5.\nMood, from 1 very low to 5 very good: \n",
		"impossible: \nSay easy, not bad, questionable, hard or impossible (or the first letter).\nHow hard was today",
		"overwhelming: \nCraving is a whole number from 0 to 10.\nCraving, from 0 none to 10 overwhelming: \n" +
			"Craving is 0 to 10.\nCraving, from 0 none to 10 overwhelming: \n",
		"Saved the check-in for today: mood, how hard and craving.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if c, _ := savedCheckIn(t, db, testDay); c.Mood != 3 || c.Difficulty != model.DifficultyHard || *c.Craving != 7 {
		t.Fatalf("saved %+v", c)
	}
}

// The end of input ends the questions and keeps what was answered, a
// last line without its line end included; nothing answered saves
// nothing, and makes no journal.
func TestCheckinEndOfInput(t *testing.T) {
	t.Parallel()
	db := journal(t)
	code, out, _ := checkin(db, strings.NewReader("4\n\n3"))
	if code != 0 || !strings.HasSuffix(out, "\nSaved the check-in for today: mood and craving.\n") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if c, _ := savedCheckIn(t, db, testDay); c.Mood != 4 || *c.Craving != 3 || c.Difficulty != model.DifficultyUnsaid {
		t.Fatalf("saved %+v", c)
	}

	none := journal(t)
	for _, in := range []io.Reader{strings.NewReader(""), strings.NewReader("\n\n\n"), nil} {
		code, out, errs := checkin(none, in)
		if code != 0 || errs != "" || !strings.HasSuffix(out, "\nNothing was answered, so nothing was saved.\n") {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
		if exists(none) {
			t.Fatal("a check-in with nothing answered made a journal")
		}
	}
	code, out, _ = checkin(db, strings.NewReader(""))
	if code != 0 || !strings.HasSuffix(out, "\nNothing was answered, so the check-in for today is as it was.\n") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
}

// A day already checked in keeps every answer not given again, whether
// asked or given as flags, as the app's form does.
func TestCheckinKeepsWhatWasNotAnswered(t *testing.T) {
	t.Parallel()
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "Sam")
	withStore(t, db, func(st *store.Store) {
		if _, err := st.SaveCheckIn(context.Background(), model.CheckIn{Day: testDay, Mood: 3, Craving: ptr(5),
			Lonely: true, Note: "Rough morning"}); err != nil {
			t.Fatal(err)
		}
	})
	code, out, _ := checkin(db, strings.NewReader("\n\n2\n"))
	for _, want := range []string{
		"Today already has a check-in: an answer you give replaces the one saved, and Enter keeps it.\n",
		"Mood, from 1 very low to 5 very good (now 3): ",
		"Craving, from 0 none to 10 overwhelming (now 5): ",
		"Updated the check-in for today: craving; its other answers are as they were.\n",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, stdout lacks %q:\n%s", code, want, out)
		}
	}
	c, _ := savedCheckIn(t, db, testDay)
	if c.Mood != 3 || *c.Craving != 2 || !c.Lonely || c.Note != "Rough morning" {
		t.Fatalf("saved %+v", c)
	}

	out = mustCLI(t, db, "checkin", "--mood", "4", "--craving", "")
	if out != "Updated the check-in for today: mood and craving; its other answers are as they were.\n" {
		t.Fatalf("flags: %q", out)
	}
	c, _ = savedCheckIn(t, db, testDay)
	if c.Mood != 4 || c.Craving != nil || !c.Lonely || c.Note != "Rough morning" {
		t.Fatalf("saved %+v", c)
	}
}

func TestCheckinTakesEveryAnswerAsAFlag(t *testing.T) {
	t.Parallel()
	db := journal(t)
	out := mustCLI(t, db, "checkin", "--day", "yesterday", "--mood", "2", "--difficulty", "Not bad", "--craving", "0",
		"--risky", "Y", "--meetings", "2", "--sleep", "7", "--halt", "h,a", "--used", "yes",
		"--what-helped", "  Calling Sam  ", "--note", "First line\nsecond line")
	if out != "Saved the check-in for yesterday: mood, how hard, craving, risky situation, meetings, sleep, HALT, used, what helped and note.\n" {
		t.Fatalf("stdout %q", out)
	}
	c, ok := savedCheckIn(t, db, testDay.AddDays(-1))
	if !ok || c.Mood != 2 || c.Difficulty != model.DifficultyNotBad || *c.Craving != 0 || !*c.Risky || *c.Meetings != 2 ||
		*c.SleepHours != 7 || !c.Hungry || !c.Angry || c.Lonely || c.Tired || !*c.Used ||
		c.Gratitude != "Calling Sam" || c.Note != "First line\nsecond line" {
		t.Fatalf("saved %+v", c)
	}
	if _, ok := savedCheckIn(t, db, testDay); ok {
		t.Fatal("today was checked in too")
	}
}

// Prompts for a day gone by speak of that day.
func TestCheckinForADayGoneBy(t *testing.T) {
	t.Parallel()
	db := journal(t)
	code, out, _ := checkin(db, strings.NewReader("\n\n\n\n\n\n\nno\n"), "--day", "2026-03-01")
	for _, want := range []string{
		"Check-in for 1 Mar 2026, Sunday 1 March 2026.", "How hard was that day:", "Meetings or groups that day,",
		"Used that day? yes or no.", "Saved the check-in for 1 Mar 2026: used.",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, stdout lacks %q:\n%s", code, want, out)
		}
	}
}

func TestCheckinRefusesWithReasons(t *testing.T) {
	t.Parallel()
	db := journal(t)
	tests := []struct {
		args  []string
		code  int
		lines []string
	}{
		{[]string{"--mood", "9", "--craving", "lots", "--sleep", "25", "--risky", "perhaps"}, 1, []string{
			"tether: checkin: --mood: Mood is 1 to 5 (or blank).",
			`tether: checkin: --craving "lots": Craving is a whole number from 0 to 10.`,
			`tether: checkin: --risky "perhaps": Say yes or no.`,
			"tether: checkin: --sleep: Sleep is hours from 0 to 24, like 7 or 6.5.",
			"tether: checkin: nothing was saved.",
		}},
		{[]string{"--day", "2026-03-10", "--mood", "3"}, 1, []string{
			"tether: checkin: --day: That day hasn't happened yet; check in on the day, or fill in days gone by.",
			"tether: checkin: nothing was saved.",
		}},
		{[]string{"--note", "bad \x1b[2J note"}, 1, []string{"tether: checkin: --note: This can't hold control characters.", "tether: checkin: nothing was saved."}},
		{[]string{"--halt", "sad"}, 1, []string{`tether: checkin: --halt "sad": Say any of hungry`, "tether: checkin: nothing was saved."}},
		{[]string{"--day", "someday"}, 2, []string{`tether: checkin: --day "someday": say a day like`}},
		{[]string{"--mood"}, 2, []string{"tether: checkin: flag needs an argument: -mood"}},
		{[]string{"4"}, 2, []string{`tether: checkin: unexpected "4": each answer goes after its flag`}},
	}
	for _, tt := range tests {
		code, out, errs := checkin(db, strings.NewReader("4\n"), tt.args...)
		got := strings.Split(strings.TrimSpace(errs), "\n")
		if tt.code == 2 {
			got = got[:len(got)-1] // "Run 'tether checkin --help' for usage."
		}
		if code != tt.code || out != "" || len(got) != len(tt.lines) {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s", tt.args, code, out, errs)
			continue
		}
		for i, l := range tt.lines {
			if !strings.HasPrefix(got[i], l) {
				t.Errorf("%q: line %d is %q, want %q", tt.args, i+1, got[i], l)
			}
		}
	}
	if exists(db) {
		t.Fatal("a refused check-in made a journal")
	}

	// Clearing the only answer leaves a day with none, which the model
	// refuses; the day stays as it was.
	mustCLI(t, db, "checkin", "--mood", "3")
	code, _, errs := checkin(db, nil, "--mood", "")
	if code != 1 || !strings.Contains(errs, "checkin: Answer at least one question to save the day") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if c, _ := savedCheckIn(t, db, testDay); c.Mood != 3 {
		t.Fatalf("saved %+v", c)
	}
}

// savingMeanwhile is stdin that, when first read, has the app save the
// day's check-in: as if the person answered while another window saved.
type savingMeanwhile struct {
	t     *testing.T
	db    string
	saved bool
	r     io.Reader
}

func (s *savingMeanwhile) Read(p []byte) (int, error) {
	if !s.saved {
		s.saved = true
		withStore(s.t, s.db, func(st *store.Store) {
			c, _, err := st.CheckIn(context.Background(), testDay)
			if err == nil {
				c.Day, c.Note, c.Mood = testDay, "Saved in the app", 2
				_, err = st.SaveCheckIn(context.Background(), c)
			}
			if err != nil {
				s.t.Error(err)
			}
		})
	}
	return s.r.Read(p)
}

// What another window saved while the questions were asked is kept: the
// answers go over it, not over the day as it was first read.
func TestCheckinMergesWhatAnotherWindowSavedMeanwhile(t *testing.T) {
	t.Parallel()
	for _, had := range []bool{false, true} {
		db := journal(t)
		mustCLI(t, db, "contact", "add", "--name", "Sam")
		if had {
			mustCLI(t, db, "checkin", "--sleep", "8")
		}
		code, out, errs := checkin(db, &savingMeanwhile{t: t, db: db, r: strings.NewReader("\n\n4\n")})
		if code != 0 || !strings.Contains(out, "Another window saved the check-in for today meanwhile, so your answers were added to it: craving;") {
			t.Fatalf("had %v: exit %d, stdout %q, stderr %q", had, code, out, errs)
		}
		c, _ := savedCheckIn(t, db, testDay)
		if c.Note != "Saved in the app" || c.Mood != 2 || *c.Craving != 4 || (had && *c.SleepHours != 8) {
			t.Fatalf("had %v: saved %+v", had, c)
		}
	}
}

// Interrupted while a question waits, it saves nothing and says so.
func TestCheckinInterruptedSavesNothing(t *testing.T) {
	t.Parallel()
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "Sam")
	stdin, typing := io.Pipe()
	defer typing.Close()
	go typing.Write([]byte("4\n")) //nolint:errcheck // answered, then nothing more
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var out, errb bytes.Buffer
	code := Run(ctx, Env{Args: []string{"--db", db, "checkin"}, Stdout: &out, Stderr: &errb, Stdin: stdin,
		Clock: model.FixedClock{T: testNow}, Getenv: func(string) string { return "" }})
	if code != 1 || !strings.Contains(errb.String(), "interrupted") || !strings.Contains(errb.String(), "saved nothing") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if _, ok := savedCheckIn(t, db, testDay); ok {
		t.Fatal("an interrupted check-in was saved")
	}
}
