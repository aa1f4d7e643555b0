package views

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/tether-recovery/tether/model"
)

var thisWeek = model.WeekOf(today) // 2026-W47

func TestAnswerTwoPromptsMoveAwayComeBack(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4")
	d.mustSee("Reflection · 2026-W47", "16–22 Nov 2026", "The week in connection", "Not written yet")
	d.keys("e")
	d.keys("7", "tab", "1", "0", "tab", "3", "tab") // ratings, then the first prompt
	d.typeText("Maria, on the phone 🌻")
	d.send(keyMsg("enter"))
	d.typeText("and the Tuesday group")
	d.keys("tab") // moving on saves
	r, ok := st.reflects[thisWeek]
	if !ok || r.Answers[0].Text != "Maria, on the phone 🌻\nand the Tuesday group" {
		t.Fatalf("moving between prompts did not save the first answer: %+v", r)
	}
	if r.Supported != 7 || r.Confidence != 10 || r.CravingBother != 3 {
		t.Fatalf("ratings %d %d %d", r.Supported, r.Confidence, r.CravingBother)
	}
	if r.Answers[0].Prompt != model.DefaultPrompts[0] {
		t.Fatalf("answer lost its prompt text: %q", r.Answers[0].Prompt)
	}
	d.typeText("The Tuesday group")
	d.keys("ctrl+s")
	if got := st.reflects[thisWeek].Answers[1].Text; got != "The Tuesday group" {
		t.Fatalf("ctrl+s did not save the second answer: %q", got)
	}

	// Away to Contacts and back: both answers are there to re-read.
	d.keys("esc", "2", "4")
	d.mustSee("Maria, on the phone 🌻", "and the Tuesday group", "The Tuesday group", "Felt supported 7/10", "Confidence for next week 10/10")
	// And in the form again.
	d.keys("e")
	if f := d.app.reflection.form; f.field("answer0").value() != "Maria, on the phone 🌻\nand the Tuesday group" || f.field("answer1").value() != "The Tuesday group" {
		t.Fatal("answers not back in the form")
	}
}

func TestAutosaveAfterAPauseInTyping(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e", "tab", "tab", "tab")
	d.typeText("half a thought")
	if _, ok := st.reflects[thisWeek]; ok {
		t.Fatal("saved on every keystroke")
	}
	// The runtime would deliver this after the pause; the newest one wins.
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq})
	if got := st.reflects[thisWeek].Answers[0].Text; got != "half a thought" {
		t.Fatalf("autosave kept %q", got)
	}
	if d.app.Dirty() {
		t.Fatal("still dirty after the autosave")
	}
	d.typeText("!")
	d.send(autosaveMsg{seq: d.app.reflection.saveSeq - 1}) // a stale tick does nothing
	if got := st.reflects[thisWeek].Answers[0].Text; got != "half a thought" {
		t.Fatalf("stale tick saved %q", got)
	}
}

// The week before the shown one is read ahead, so [ answers from memory;
// and what was read ahead is dropped when the journal changes.
func TestEarlierWeekIsReadAheadAndRefreshedOnChange(t *testing.T) {
	st := newFakeStore()
	last := thisWeek.Prev()
	st.reflects[last] = model.Reflection{Week: last, Supported: 5,
		Answers: []model.Answer{{Prompt: "What helped?", Text: "The Tuesday meeting"}}}
	d := newDriver(t, st, 100, 30)
	d.keys("4")
	before := st.reflectionReads
	d.keys("[")
	d.mustSee("2026-W46", "The Tuesday meeting")
	if got := st.reflectionReads - before; got != 1 {
		t.Fatalf("[ read %d weeks; want 1 (the next one ahead, not the shown one)", got)
	}
	d.keys("]")
	// Another window rewrites last week's answer.
	st.mu.Lock()
	st.reflects[last] = model.Reflection{Week: last, Supported: 5,
		Answers: []model.Answer{{Prompt: "What helped?", Text: "Calling my sponsor"}}}
	st.version++
	st.mu.Unlock()
	d.send(watchMsg{})
	d.keys("[")
	d.mustSee("Calling my sponsor")
	d.mustNotSee("The Tuesday meeting")
}

func TestEditAPastWeekFromTheList(t *testing.T) {
	st := newFakeStore()
	past := thisWeek.Prev().Prev()
	st.reflects[past] = model.Reflection{Week: past, Supported: 5,
		Answers: []model.Answer{{Prompt: "An older wording of a prompt?", Text: "First line\nsecond line"}}}
	st.prompts = []string{"A brand new prompt?"}
	d := newDriver(t, st, 100, 30)
	d.keys("4", "w")
	d.mustSee("Past weeks", "2026-W45", "First line")
	d.keys("enter")
	d.mustSee("Reflection · 2026-W45", "An older wording of a prompt?", "second line")
	d.mustNotSee("A brand new prompt?")
	d.keys("e", "tab", "tab", "tab")
	d.keys("ctrl+u") // clear the line the cursor is on
	d.typeText("Edited months later")
	d.keys("ctrl+s", "esc")
	r := st.reflects[past]
	if !strings.Contains(r.Answers[0].Text, "Edited months later") || r.Answers[0].Prompt != "An older wording of a prompt?" {
		t.Fatalf("past week after edit: %+v", r)
	}
	d.keys("]", "]")
	d.mustSee("(this week)", "A brand new prompt?")
	d.keys("]")
	d.mustSee("the weeks ahead can't be written yet")
}

func TestPromptSetChangesLeavePastAnswers(t *testing.T) {
	st := newFakeStore()
	past := thisWeek.Prev()
	st.reflects[past] = model.Reflection{Week: past, Answers: []model.Answer{{Prompt: model.DefaultPrompts[0], Text: "Sam"}}}
	d := newDriver(t, st, 100, 30)
	d.keys("4", "p")
	d.mustSee("Reflection prompts", "1.", model.DefaultPrompts[0])
	d.keys("a")
	d.typeText("Who did I laugh with?")
	d.keys("enter")
	if len(st.prompts) != 7 || st.prompts[6] != "Who did I laugh with?" {
		t.Fatalf("prompts after add: %q", st.prompts)
	}
	d.keys("K") // move it up one
	if st.prompts[5] != "Who did I laugh with?" {
		t.Fatalf("prompts after reorder: %q", st.prompts)
	}
	d.keys("g")
	d.keys("k", "k", "k", "k", "k", "k", "d", "y") // remove the first
	if len(st.prompts) != 6 || st.prompts[0] == model.DefaultPrompts[0] {
		t.Fatalf("prompts after remove: %q", st.prompts)
	}
	if got := st.reflects[past].Answers[0]; got.Prompt != model.DefaultPrompts[0] || got.Text != "Sam" {
		t.Fatalf("past answer changed: %+v", got)
	}
	d.keys("esc")
	d.mustSee("Who did I laugh with?")
}

func TestTodayOffersTheReflectionFromFriday(t *testing.T) {
	st := newFakeStore(sampleContacts()...) // the fixed clock is a Saturday
	d := newDriver(t, st, 100, 30)
	d.mustSee("This week's reflection is waiting")
	d.keys("r")
	d.mustSee("[4 Reflection]", "Not written yet. Press e to begin")
	d.keys("e")
	d.mustSee("How supported I felt")
	d.keys("5", "esc") // a rating, then close: it saves
	d.keys("1")
	d.mustNotSee("This week's reflection is waiting")
}

// r shows the week to read: keys meant for the app (5 for Network) never
// change a saved rating, and enter does not start writing.
func TestReflectionOpensToRead(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	week := model.WeekOf(model.Today(fixedClock))
	st.reflects[week] = model.Reflection{Week: week, Supported: 6,
		Answers: []model.Answer{{Prompt: model.DefaultPrompts[0], Text: "Sam, at the climbing wall"}}}
	d := newDriver(t, st, 100, 30)
	d.keys("1", "r")
	d.mustSee("[4 Reflection]", "Sam, at the climbing wall")
	d.keys("enter")
	d.mustSee("[4 Reflection]")
	d.keys("5")
	d.mustSee("[5 Network]")
	if got := st.reflects[week].Supported; got != 6 {
		t.Fatalf("the saved rating changed to %d", got)
	}
	d.keys("4", "e")
	d.mustSee("How supported I felt")
}

func TestCtrlCWhileWritingSavesThenQuits(t *testing.T) {
	st := newFakeStore()
	d := newDriver(t, st, 100, 30)
	d.keys("4", "e", "tab", "tab", "tab")
	d.typeText("the last words")
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if got := st.reflects[thisWeek].Answers[0].Text; got != "the last words" {
		t.Fatalf("quit without saving: %q", got)
	}
}

// The same for the week: an answer overtaken by a fresh load is dropped.
func TestReflectionDropsAnAnswerOvertakenByAFreshLoad(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	m := newReflectionModel(st, fixedClock, NewStyles(colorprofile.NoTTY, true))
	older := m.load()()
	// Another window writes this week's reflection.
	st.mu.Lock()
	st.reflects[thisWeek] = model.Reflection{Week: thisWeek, Supported: 7}
	st.version++
	st.mu.Unlock()
	newer := m.load()()
	m, _ = m.update(newer)
	m, _ = m.update(older)
	if got := m.data.reflection.Supported; got != 7 {
		t.Fatalf("after the older answer came last, Reflection shows the week rated %d; want the newer 7", got)
	}
}

// The list of past weeks is read a stretch at a time: the newest first,
// more as the cursor nears the end, the oldest at once with G.
func TestPastWeeksReadAStretchAtATime(t *testing.T) {
	st := newFakeStore()
	w := thisWeek
	for i := range 300 {
		w = w.Prev()
		st.reflects[w] = model.Reflection{Week: w, Supported: 5,
			Answers: []model.Answer{{Prompt: "What helped?", Text: fmt.Sprintf("Week %03d back", i+1)}}}
	}
	d := newDriver(t, st, 100, 30)
	d.keys("4", "w")
	d.mustSee("Past weeks", "Week 001 back")
	for range 150 {
		d.keys("j")
	}
	if row := lineWith(d.view(), "› "); !strings.Contains(row, "Week 151 back") {
		t.Fatalf("150 weeks down the list, the cursor is on %q", row)
	}
	d.keys("G")
	d.mustSee("Week 300 back")
	d.mustNotSee("Week 001 back")
	d.keys("g")
	d.mustSee("Week 001 back")
	d.keys("enter")
	d.mustSee("Reflection · "+thisWeek.Prev().String(), "Week 001 back")
	for _, n := range st.weeksAsked {
		if n > 100 {
			t.Fatalf("a read of the past weeks asked for %d; want a few screens (%v)", n, st.weeksAsked)
		}
	}
}

// e pressed before the week on show is read opens its form once it is,
// and what was typed meanwhile goes into it: nothing is lost, and a
// rating typed as a digit does not switch screens.
func TestWriteAskedBeforeTheWeekIsReadKeepsWhatIsTyped(t *testing.T) {
	d := newDriver(t, newFakeStore(sampleContacts()...), 100, 30)
	d.keys("4")
	d.mustSee("The week in connection")
	// Every key reaches the app before any read is answered: the second
	// week back was not read ahead.
	d.burst("[", "[", "e", "3")
	d.mustSee("[4 Reflection]", "How supported I felt", "3 of 10")
	if d.app.reflection.week != model.WeekOf(today).Prev().Prev() {
		t.Fatalf("writing week %v; want two weeks back", d.app.reflection.week)
	}
}

// e pressed before a week that then cannot be read: there is no form to
// open, and what was typed for it is not taken for the page's keys ("]"
// would move the week); the line says it was not kept.
func TestWriteAskedOnAWeekThatCannotBeRead(t *testing.T) {
	st := newFakeStore(sampleContacts()...)
	d := newDriver(t, st, 100, 30)
	d.keys("4")
	d.mustSee("The week in connection")
	st.mu.Lock()
	st.reflectionErr = errors.New("disk I/O error")
	st.mu.Unlock()
	// The second week back was not read ahead: e waits for its read.
	d.burst("[", "[", "e", "]", "x")
	if d.app.reflection.form != nil || d.app.reflection.week != model.WeekOf(today).Prev().Prev() {
		t.Fatalf("form open %v, week %v; want no form, two weeks back", d.app.reflection.form != nil, d.app.reflection.week)
	}
	d.mustSee("what you typed was not kept")
}
