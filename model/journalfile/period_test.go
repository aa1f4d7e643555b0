package journalfile

import (
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// periodExport is a small journal around a period of ten days, Friday 13
// to Sunday 22 November 2026, with entries on both sides of it.
func periodExport() Export {
	utc := func(m, d, h int) time.Time { return time.Date(2026, time.Month(m), d, h, 0, 0, 0, time.UTC) }
	ro := func(id int64, at time.Time) model.ReachOut {
		return model.ReachOut{ContactID: id, At: at, Channel: model.ChannelCall, Direction: model.DirectionMine}
	}
	ghost := ro(9, utc(11, 20, 9))
	ghost.ContactName = "Ghost"
	return Export{
		ExportedAt: utc(11, 22, 20),
		Contacts: []model.Contact{
			{ID: 1, Name: "Ana", Circle: model.CircleSponsor, Stance: model.StanceSupports},
			{ID: 2, Name: "*Jo* [x]", Nickname: "J_o", Circle: model.CircleFriend, Stance: model.StanceSupportsUsing},
			{ID: 3, Name: "Ben", Circle: model.CircleFamily, Stance: model.StanceNeutral, Archived: true},
			{ID: 4, Name: "Dee", Circle: model.CirclePeer, Stance: model.StanceSupports},
		},
		ReachOuts: []model.ReachOut{
			ro(4, utc(10, 20, 18)), // before: Dee fades
			ro(1, utc(11, 12, 9)),  // before the period, in its first week
			ro(1, utc(11, 13, 19)),
			ro(3, utc(11, 14, 12)),
			ro(1, utc(11, 16, 20)),
			ro(2, utc(11, 18, 22)),
			ghost, // a contact not in the export
			ro(1, utc(11, 21, 10)),
		},
		CheckIns: []model.CheckIn{
			{Day: day(2026, 11, 12), Mood: 1, Used: ptr(true)}, // before the period
			{Day: day(2026, 11, 13), Mood: 3, Craving: ptr(2), SleepHours: ptr(7.0), Meetings: ptr(1), Hungry: true},
			{Day: day(2026, 11, 14), Difficulty: model.DifficultyHard, Craving: ptr(6), Risky: ptr(true), Used: ptr(true), Lonely: true, Tired: true},
			{Day: day(2026, 11, 16), Mood: 4, Craving: ptr(0), Meetings: ptr(2), Risky: ptr(false), Used: ptr(false), SleepHours: ptr(6.5)},
			{Day: day(2026, 11, 18), Difficulty: model.DifficultyImpossible, Used: ptr(true), Angry: true, Lonely: true},
			{Day: day(2026, 11, 21), Mood: 5, Note: "Quiet day. Not for the summary."},
		},
		Reflections: []model.Reflection{
			{Week: model.Week{Year: 2026, Num: 47}, Supported: 6, Confidence: 7, CravingBother: 4, Answers: []model.Answer{
				{Prompt: "Who helped?", Text: "Ana.\nAnd the group."},
				{Prompt: "# What next?"},
			}},
			{Week: model.Week{Year: 2026, Num: 44}, Answers: []model.Answer{{Prompt: "Who helped?", Text: "Outside the period."}}},
			{Week: model.Week{Year: 2026, Num: 46}, Answers: []model.Answer{{Prompt: "Who helped?", Text: "Ana, on Friday."}}},
			{Week: model.Week{Year: 2026, Num: 48}, Answers: []model.Answer{{Prompt: "Who helped?"}}}, // not begun
		},
		Checkups: []model.Checkup{
			{Instrument: model.MSPSS, Day: day(2026, 11, 15), Answers: []int{7, 6, 3, 2, 6, 5, 5, 2, 5, 7, 3, 4}},
			{Instrument: model.BARC10, Day: day(2026, 11, 10), Answers: []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3}}, // before the period
			{Instrument: model.BARC10, Day: day(2026, 11, 15), Answers: []int{4, 5, 3, 4, 5, 6, 4, 5, 3, 4}},
			{Instrument: model.BARC10, Day: day(2026, 11, 21), Answers: []int{4, 5, 3}}, // answers that do not fit
		},
	}
}

func TestPeriodMarkdown(t *testing.T) {
	want := `# Summary: 13–22 Nov 2026

## Check-ins

- Checked in on 5 of 10 days.
- Average mood: 4.0 of 5, over 3 days.
- Average craving: 2.7 of 10, over 3 days.
- Average sleep: 6.8 hours, over 2 days.
- Hard days (hard or impossible): 2.
- Meetings and groups attended: 3.
- Days with HALT ticked: hungry 1, angry 1, lonely 2, tired 1.
- In a risky situation or with people who encourage use: 1 day.
- Use recorded on 2 days: 14 Nov 2026, 18 Nov 2026.

## Reach-outs

- 6 reach-outs with 4 people.
- Days with supportive contact: 3 of 10.
- With people who support using: 1 of 6 reach-outs.

### By person

- Ana — Sponsor or mentor: 3 reach-outs, last on 21 Nov 2026.
- \*Jo\* \[x\] (J\_o) — Friend: 1 reach-out, last on 18 Nov 2026.
- Ben — Family: 1 reach-out, last on 14 Nov 2026.
- Ghost: 1 reach-out, last on 20 Nov 2026.

### By circle

- Sponsor or mentor: 3 reach-outs with 1 person.
- Family: 1 reach-out with 1 person.
- Friend: 1 reach-out with 1 person.

## Check-ups

Questionnaires taken for self-reflection, not a diagnosis.

- 15 Nov 2026, BARC-10 recovery capital: 43 (10–60, higher is more recovery capital).
- 15 Nov 2026, MSPSS perceived support: 4.6 (1–7 on average, higher is more support felt). Subscales: Significant other 6.5, Family 2.5, Friends 4.8.
- 21 Nov 2026, BARC-10 recovery capital: not scored, as its answers do not fit the questionnaire.

## Reflections

### Week 2026-W46 (9–15 Nov 2026)

#### The week in connection

- Reached 2 people in 3 reach-outs.
- Circles reached: Sponsor or mentor, Family.
- Days with supportive contact: 2 of 7.
- Not reached in 14 days or more: Dee.
- Checked in on 3 days.
- Average mood: 2.0 of 5.
- Average craving: 4.0 of 10.

#### Who helped?

Ana, on Friday.

### Week 2026-W47 (16–22 Nov 2026)

#### The week in connection

- Reached 3 people in 4 reach-outs.
- Circles reached: Sponsor or mentor.
- Days with supportive contact: 2 of 7.
- Not reached in 14 days or more: Dee.
- With people who support using: 1 of 4 reach-outs (25%).
- Checked in on 3 days.
- Average mood: 4.5 of 5.
- Average craving: 0.0 of 10.

#### Ratings

- How supported I felt: 6/10
- Confidence for next week: 7/10
- Craving bother: 4/10

#### Who helped?

Ana.  
And the group.

#### \# What next?

_(no answer)_
`
	e := periodExport()
	got := PeriodMarkdown(day(2026, 11, 13), day(2026, 11, 22), e)
	if got != want {
		t.Errorf("PeriodMarkdown:\n%s\nwant:\n%s\n%s", got, want, firstDiff(got, want))
	}
	assertDocumentEnd(t, got)
	if strings.Contains(got, "Quiet day") {
		t.Errorf("a check-in's note was shared")
	}
	if strings.Contains(got, "10 Nov") {
		t.Errorf("a check-up from before the period was listed")
	}
	// The ends given the other way round are the same period.
	if back := PeriodMarkdown(day(2026, 11, 22), day(2026, 11, 13), e); back != got {
		t.Errorf("PeriodMarkdown with the ends swapped differs:\n%s", firstDiff(back, got))
	}
}

func TestPeriodMarkdownEdges(t *testing.T) {
	e := periodExport()
	tests := []struct {
		name     string
		from, to model.Date
		e        Export
		has      []string
	}{
		{"nothing at all", model.Date{}, model.Date{}, Export{}, []string{"# Summary\n\nNothing has been recorded yet.\n"}},
		{"a quiet week", day(2026, 12, 7), day(2026, 12, 13), e, []string{
			"# Summary: 7–13 Dec 2026\n\n## Check-ins\n\n- No check-ins in these 7 days.\n\n## Reach-outs\n\n" +
				"- No reach-outs logged in these 7 days.\n\n## Reflections\n\nNo reflection was written for these weeks.\n",
		}},
		{"the whole journal", model.Date{}, model.Date{}, e, []string{
			"# Summary: 20 Oct – 22 Nov 2026\n", "- Checked in on 6 of 34 days.\n", "### Week 2026-W44 (26 Oct – 1 Nov 2026)\n",
		}},
		{"from a day on", day(2026, 11, 21), model.Date{}, e, []string{"# Summary: 21–22 Nov 2026\n", "- Checked in on 1 of 2 days.\n"}},
		{"one day", day(2026, 11, 16), day(2026, 11, 16), e, []string{
			"# Summary: 16 Nov 2026\n", "- Checked in on 1 of 1 day.\n", "- No use recorded.\n", "- Days with HALT ticked: hungry 0, angry 0, lonely 0, tired 0.\n",
		}},
		{"across a year", day(2026, 12, 28), day(2027, 1, 3), e, []string{"# Summary: 28 Dec 2026 – 3 Jan 2027\n"}},
		{"only a check-up", model.Date{}, model.Date{}, Export{Checkups: []model.Checkup{
			{Instrument: model.BARC10, Day: day(2026, 5, 4), Answers: []int{6, 6, 6, 6, 6, 6, 6, 6, 6, 6}},
			{Instrument: "*new*", Day: day(2026, 5, 4), Answers: []int{1}},
		}}, []string{
			"# Summary: 4 May 2026\n",
			"\n## Check-ups\n\nQuestionnaires taken for self-reflection, not a diagnosis.\n\n" +
				"- 4 May 2026, BARC-10 recovery capital: 60 (10–60, higher is more recovery capital).\n" +
				"- 4 May 2026, \\*new\\*: not scored, as Tether does not know this questionnaire.\n\n## Reflections\n",
		}},
		{"names that look like blocks", day(2026, 1, 1), day(2026, 1, 1), Export{
			Contacts: []model.Contact{{ID: 1, Name: "# Boss"}, {ID: 2, Name: "1. Sam"}, {ID: 3, Name: "- x\n> y"}},
			ReachOuts: []model.ReachOut{
				{ContactID: 1, At: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)},
				{ContactID: 2, At: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)},
				{ContactID: 3, At: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)},
			},
		}, []string{"- \\# Boss — Other: ", "- 1\\. Sam — Other: ", "- \\- x \\> y — Other: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PeriodMarkdown(tt.from, tt.to, tt.e)
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("document lacks %q:\n%s", s, got)
				}
			}
			assertDocumentEnd(t, got)
		})
	}
}

// BenchmarkPeriodMarkdownDecade summarizes ten years of journal, every
// reflection included.
func BenchmarkPeriodMarkdownDecade(b *testing.B) {
	e := decadeExport()
	for b.Loop() {
		PeriodMarkdown(model.Date{}, model.Date{}, e)
	}
}
