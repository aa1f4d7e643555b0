package cli

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// Fuzzing the command-line arguments that carry data: whatever a person
// (or a script) passes, parsing never panics; what it accepts, the model
// accepts; and what it refuses comes with a message of one line per
// problem. Run briefly in CI with the seeds here and in testdata/fuzz.

// checkRefusal: a refusal says something, each line of it one line.
func checkRefusal(t *testing.T, err error) {
	t.Helper()
	var help helpRequest
	var ue usageErr
	var lines failLines
	switch {
	case errors.As(err, &help):
		return // -h or --help among the words: the help is shown
	case errors.As(err, &ue):
		lines = failLines{ue.msg}
	case errors.As(err, &lines):
	default:
		lines = failLines{err.Error()}
	}
	if len(lines) == 0 {
		t.Fatalf("refused with no message: %#v", err)
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" || strings.ContainsAny(l, "\r\n") {
			t.Fatalf("a refusal's line is empty or breaks the line: %q (of %q)", l, err)
		}
	}
}

func FuzzLogArgs(f *testing.F) {
	f.Add("maria", "call", "", "", "mine", "")
	f.Add("Zoë 🌻 O'Brien", "in person", "Walked by the river 🌊", "2026-03-08 19:05", "supported", "yes")
	f.Add("alex kim work", "MEETING", "Shared for the first time", "yesterday", "theirs", "somewhat")
	f.Add("sam", "text", "", "08:15", "mine", "no")
	f.Add("王芳", "video", "Talked\nabout the weekend", "2026-02-01", "supported", "")
	f.Add("maria", "call", "bad \x1b[2J note", "2026-03-10 09:00", "mine", "")
	f.Add("-h", "call", "", "", "mine", "")
	f.Add("maria", "pigeon", "", "25:00", "up", "lots")
	f.Add("--", "call", "", "2026-02-30", "mine", "")
	// Everyday words for channels, and none at all (their usual way).
	f.Add("maria", "WhatsApp", "", "", "mine", "")
	f.Add("sam", "face-to-face", "coffee", "yesterday", "supported", "yes")
	f.Add("sam", "Video Call", "", "", "theirs", "")
	f.Add("sam", "SMS", "", "", "mine", "")
	f.Add("maria", "\x00", "", "", "mine", "")
	f.Add("maria", "", "", "", "mine", "")
	f.Fuzz(func(t *testing.T, name, via, note, at, direction, helped string) {
		args := []string{name, "--note", note, "--at", at, "--direction", direction}
		if via != "\x00" { // the seed that stands for leaving --via out
			args = append(args, "--via", via)
		}
		if helped != "" {
			args = append(args, "--helped", helped)
		}
		who, r, _, _, err := parseLog(args, testNow)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		if strings.TrimSpace(who) == "" {
			t.Fatalf("accepted %q with nobody named", args)
		}
		r.ContactID = 1 // found in the journal after parsing
		if r.Channel == model.ChannelNone {
			r.Channel = usualWay(model.Contact{}) // as runLog does
		}
		if p := r.Normalize().Validate(testNow); len(p) > 0 {
			t.Fatalf("accepted %q, which the model refuses: %v", args, p)
		}
	})
}

func FuzzContactAddArgs(f *testing.F) {
	type contactArgs struct {
		name, nickname, circle, group, phone, email, prefer, available string
		importance, supportive, stance, knownSince, every, notes, tags string
		anyTime                                                        bool
	}
	for _, a := range []contactArgs{
		{name: "María Santos", circle: "sponsor", phone: "+1 555 0100", every: "1w", anyTime: true},
		{name: "Tuesday SMART meeting", circle: "fellowship", every: "7", tags: "meeting,tuesday"},
		{name: "Zoë 🌻 O'Brien", nickname: "Zo", circle: "School / work", email: "zoe@example.org", prefer: "in person",
			available: "evenings, Europe/Dublin", importance: "5", supportive: "4", stance: "supports",
			knownSince: "2019-02-28", notes: "Boundaries:\nno calls after 11", tags: "friend, runner"},
		{name: "", circle: "other"},
		{name: "Sam", circle: "pirates", importance: "6", supportive: "x", stance: "maybe", knownSince: "2099-01-01", every: "-3"},
		{name: "Sam\x1b[2J", phone: "call me", email: "not an email", prefer: "pigeon", every: "3651"},
		{name: strings.Repeat("名", 201), tags: strings.Repeat("t", 41)},
	} {
		f.Add(a.name, a.nickname, a.circle, a.group, a.phone, a.email, a.prefer, a.available,
			a.importance, a.supportive, a.stance, a.knownSince, a.every, a.notes, a.tags, a.anyTime)
	}
	f.Fuzz(func(t *testing.T, name, nickname, circle, group, phone, email, prefer, available,
		importance, supportive, stance, knownSince, every, notes, tags string, anyTime bool) {
		args := []string{"--name", name, "--nickname", nickname, "--circle", circle, "--group", group,
			"--phone", phone, "--email", email, "--available", available, "--stance", stance,
			"--known-since", knownSince, "--every", every, "--notes", notes, "--tags", tags}
		for _, opt := range []struct{ flag, value string }{
			{"--prefer", prefer}, {"--importance", importance}, {"--supportive", supportive},
		} {
			if opt.value != "" {
				args = append(args, opt.flag, opt.value)
			}
		}
		if anyTime {
			args = append(args, "--any-time")
		}
		c, _, err := parseContactAdd(args, testDay)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		if p := c.Validate(testDay); len(p) > 0 {
			t.Fatalf("accepted %q, which the model refuses: %v", args, p)
		}
		if n := c.Normalize(); !reflect.DeepEqual(n, c) {
			t.Fatalf("accepted %q as %+v, which normalizes again to %+v", args, c, n)
		}
		if c.AnyTime != anyTime || (anyTime && c.AnyTimeSince != testDay) {
			t.Fatalf("--any-time %v gave %v since %v", anyTime, c.AnyTime, c.AnyTimeSince)
		}
	})
}

// FuzzLogPlanArgs: tether log NAME --plan WHEN, whatever is typed, is
// refused in words or gives a plan the model takes.
func FuzzLogPlanArgs(f *testing.F) {
	f.Add("dave", "mon 6pm", "call", "ask about Sunday")
	f.Add("dave", "tomorrow", "", "")
	f.Add("dave", "2026-03-09 25:00", "pigeon", "")
	f.Add("dave", "", "text", "\x1b]0;x\a")
	f.Add("--", "0", "0", "0") // a name that is itself "--" (CI found it)
	f.Fuzz(func(t *testing.T, name, when, via, note string) {
		// The options first, then "--": the name, whatever it is, is a
		// name ("tether log -- --plan" names someone "--plan").
		args := []string{"--plan", when, "--note", note}
		if via != "" {
			args = append(args, "--via", via)
		}
		args = append(args, "--", name)
		who, _, plan, _, err := parseLog(args, testNow)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		if plan == nil || strings.TrimSpace(who) == "" {
			t.Fatalf("accepted %q without a plan or a name", args)
		}
		p := *plan
		p.ContactID = 1 // found in the journal after parsing
		if pr := p.Normalize().Validate(model.DateOf(testNow)); len(pr) > 0 {
			t.Fatalf("accepted %q, which the model refuses: %v", args, pr)
		}
	})
}

// FuzzCheckinArgs: tether checkin's flags, whatever is typed, are refused
// in words or give answers the model takes on the day they name.
func FuzzCheckinArgs(f *testing.F) {
	type checkinArgs struct {
		day, mood, difficulty, craving, risky, meetings, sleep, halt, used, helped, note string
	}
	for _, a := range []checkinArgs{
		{mood: "4", craving: "2", note: "Long walk with Sam"},
		{day: "yesterday", difficulty: "Not bad", risky: "n", meetings: "1", sleep: "6,5", halt: "lonely,tired", used: "no", helped: "Calling Sam 🌻"},
		{day: "2026-03-10", mood: "3"},
		{day: "last friday", mood: "0", craving: "10", sleep: "24"},
		{mood: "9", craving: "-1", meetings: "21", sleep: "NaN", halt: "sad", used: "maybe", difficulty: "awful"},
		{note: "bad \x1b[2J note", helped: strings.Repeat("x", 501)},
		{day: "2026-W10", halt: "none", risky: "YES"},
		{day: "", mood: "", note: ""},
	} {
		f.Add(a.day, a.mood, a.difficulty, a.craving, a.risky, a.meetings, a.sleep, a.halt, a.used, a.helped, a.note)
	}
	f.Fuzz(func(t *testing.T, day, mood, difficulty, craving, risky, meetings, sleep, halt, used, helped, note string) {
		var args []string
		for _, opt := range []struct{ flag, value string }{
			{"--day", day}, {"--mood", mood}, {"--difficulty", difficulty}, {"--craving", craving}, {"--risky", risky},
			{"--meetings", meetings}, {"--sleep", sleep}, {"--halt", halt}, {"--used", used},
			{"--what-helped", helped}, {"--note", note},
		} {
			if opt.value != "" {
				args = append(args, opt.flag, opt.value)
			}
		}
		req, err := parseCheckin(args, testDay)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		if len(args) > 0 && args[0] != "--day" && req.answers == nil {
			t.Fatalf("accepted %q with no answers", args)
		}
		c := withAnswers(model.CheckIn{Day: req.day}, req.answers).Normalize()
		p := c.Validate(testDay)
		delete(p, model.FieldAnswers) // answers that clear ones saved before
		if len(p) > 0 {
			t.Fatalf("accepted %q as %+v, which the model refuses: %v", args, c, p)
		}
	})
}
