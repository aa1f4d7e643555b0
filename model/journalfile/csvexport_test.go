package journalfile

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

func writeCSV(t *testing.T, table string, e Export) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, table, e); err != nil {
		t.Fatalf("WriteCSV(%s): %v", table, err)
	}
	return b.String()
}

// readCSV parses a table back as a spreadsheet would.
func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, s)
	}
	return rows
}

func TestWriteCSVTables(t *testing.T) {
	e := richExport()
	tests := []struct {
		table string
		want  string
	}{
		{"contacts", "id,name,nickname,circle,group,phone,email,preferred,availability,any_time,any_time_since,distraction,importance,supportive,stance,known_since,cadence_days,notes,tags,archived\r\n" +
			"3,Ana Lima,Annie 🌻,sponsor,Tuesday SMART meeting,+44 7700 900123,ana@example.org,text,\"evenings, UK time\",yes,2025-02-01,yes,5,4,supports,2019-06-30,7,\"Line one\r\nLine \"\"two\"\" with a \\ backslash\r\n\r\n<b>not html</b> & more\",\"AA, any time, مرحبا\",no\r\n" +
			"7,山田花子,,family,,,,,,no,,no,,,unknown,,0,,,no\r\n" +
			"12,Cal,,friend,,,,,,no,,no,1,,supports-using,,0,,old crowd,yes\r\n"},
		{"reach_outs", "id,contact_id,contact,date,time,channel,direction,helped,note\r\n" +
			// The local date and time, as lived: 23:30 in Los Angeles.
			"101,3,Ana Lima,2026-11-16,23:30,call,mine,yes,\"Talked for an hour.\r\nFelt better 🙏\"\r\n" +
			"102,7,山田花子,2026-11-17,07:05,in-person,supported,,\r\n" +
			"103,12,Cal,2026-11-18,21:00,message,theirs,no,\r\n"},
		{"check_ins", "day,mood,difficulty,craving,risky,meetings,sleep_hours,hungry,angry,lonely,tired,used,gratitude,note\r\n" +
			// 0 and "no" are answers; empty cells are questions not answered.
			"2026-11-16,4,not-bad,0,no,0,6.5,yes,no,no,yes,no,Tea with Ana ☕,\"A long day.\r\n\r\nBut I called.\"\r\n" +
			"2026-11-17,,hard,7,yes,,,no,yes,yes,no,yes,,Used. Writing it down anyway.\r\n" +
			"2026-11-18,2,,,,,,no,no,no,no,,,\r\n"},
		{"reflections", "week,week_start,supported,confidence,craving_bother,position,prompt,answer\r\n" +
			"2026-W47,2026-11-16,7,8,3,1,Who helped you feel seen and supported this week?,\"Ana.\r\n\r\n# not a heading\"\r\n" +
			"2026-W47,2026-11-16,7,8,3,2,What next — and when?,\r\n" +
			"2026-W53,2026-12-28,,,,1,Who helped?,\"Me, for once.\"\r\n"},
		{"check_ups", "instrument,day,score,significant_other,family,friends," +
			"item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,item_11,item_12\r\n" +
			// A BARC-10 total is a sum and has no subscales; an MSPSS
			// score is a mean (55/12), its subscales means of four.
			"barc10,2026-11-16,43,,,,4,5,3,4,5,6,4,5,3,4,,\r\n" +
			"mspss,2026-11-16,4.58,6.5,2.5,4.75,7,6,3,2,6,5,5,2,5,7,3,4\r\n" +
			"barc10,2026-10-17,26,,,,1,2,2,3,3,2,1,4,6,2,,\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.table, func(t *testing.T) {
			got := writeCSV(t, tt.table, e)
			if got != tt.want {
				t.Errorf("WriteCSV:\n%s\nwant:\n%s\n%s", got, tt.want, firstDiff(got, tt.want))
			}
			rows := readCSV(t, got)
			for i, row := range rows {
				if len(row) != len(rows[0]) {
					t.Errorf("row %d has %d cells, the header %d", i, len(row), len(rows[0]))
				}
			}
		})
	}
}

func TestWriteCSVEmptyTables(t *testing.T) {
	for _, table := range CSVTables {
		got := writeCSV(t, table, Export{})
		if rows := readCSV(t, got); len(rows) != 1 {
			t.Errorf("%s of an empty journal has %d rows, want the header only", table, len(rows))
		}
	}
}

func TestWriteCSVUnknownTable(t *testing.T) {
	var b bytes.Buffer
	err := WriteCSV(&b, "people", Export{})
	if want := `there is no table "people"; choose contacts, reach_outs, check_ins, reflections, check_ups`; err == nil || err.Error() != want {
		t.Errorf("WriteCSV(people) = %v, want %q", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("WriteCSV wrote %q for an unknown table", b.String())
	}
}

func TestWriteCSVPhoneAsTyped(t *testing.T) {
	tests := []struct{ phone, cell string }{
		{"+1 555 0100", "+1 555 0100"},
		{"+44 (0)20 7946-0018", "+44 (0)20 7946-0018"},
		{"988", "988"},
		{"-2+3", "-2+3"}, // only arithmetic: no function can run
		{"+1 555 0100 ext 2", "'+1 555 0100 ext 2"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+1\x1b]0;pwned\x07 555", "+1 555"},
	}
	for _, tt := range tests {
		e := Export{Contacts: []model.Contact{{ID: 1, Name: "Sam", Phone: tt.phone}}}
		rows := readCSV(t, writeCSV(t, "contacts", e))
		if got := rows[1][5]; got != tt.cell {
			t.Errorf("phone %q written as %q, want %q", tt.phone, got, tt.cell)
		}
	}
}

func TestWriteCSVFormulaGuard(t *testing.T) {
	tests := []struct{ typed, cell string }{
		{"=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"},
		{"+1 555 0100", "'+1 555 0100"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'=1"}, // a lone CR is dropped by CRLF output (stored text has none)
		{"a=1", "a=1"},
		{" =1", " =1"},
		{"'quoted'", "'quoted'"},
		{"", ""},
	}
	for _, tt := range tests {
		e := Export{
			Contacts:    []model.Contact{{ID: 1, Name: tt.typed, Notes: tt.typed, Tags: []string{tt.typed}}},
			ReachOuts:   []model.ReachOut{{ContactID: 1, At: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), Note: tt.typed}},
			CheckIns:    []model.CheckIn{{Day: day(2026, 1, 2), Gratitude: tt.typed, Note: tt.typed}},
			Reflections: []model.Reflection{{Week: model.Week{Year: 2026, Num: 1}, Answers: []model.Answer{{Prompt: tt.typed, Text: tt.typed}}}},
		}
		cells := map[string][]int{
			"contacts": {1, 17, 18}, "reach_outs": {2, 8}, "check_ins": {12, 13}, "reflections": {6, 7},
		}
		for table, cols := range cells {
			rows := readCSV(t, writeCSV(t, table, e))
			for _, col := range cols {
				if got := rows[1][col]; got != tt.cell {
					t.Errorf("%s %s of %q = %q, want %q", table, rows[0][col], tt.typed, got, tt.cell)
				}
			}
		}
	}
	// Cells Tether writes itself are left alone, even when negative.
	e := Export{Contacts: []model.Contact{{ID: -1, Name: "Sam", CadenceDays: -3, Importance: -1}}}
	rows := readCSV(t, writeCSV(t, "contacts", e))
	if got, want := []string{rows[1][0], rows[1][12], rows[1][16]}, []string{"-1", "-1", "-3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("numbers = %q, want %q", got, want)
	}
}

func TestWriteCSVReflectionWithoutAnswers(t *testing.T) {
	e := Export{Reflections: []model.Reflection{{Week: model.Week{Year: 2026, Num: 47}, Supported: 6}}}
	want := "week,week_start,supported,confidence,craving_bother,position,prompt,answer\r\n2026-W47,2026-11-16,6,,,,,\r\n"
	if got := writeCSV(t, "reflections", e); got != want {
		t.Errorf("WriteCSV = %q, want %q", got, want)
	}
}

// A check-up whose answers do not fit its instrument (only a hand-made
// Export can hold one) has its answers but no scores, and an instrument
// Tether does not know is guarded like typed text.
func TestWriteCSVCheckupThatDoesNotScore(t *testing.T) {
	e := Export{Checkups: []model.Checkup{
		{Instrument: model.MSPSS, Day: day(2026, 1, 2), Answers: []int{7, 7, 9}},
		{Instrument: "=1+1", Day: day(2026, 1, 3), Answers: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}},
	}}
	want := "instrument,day,score,significant_other,family,friends,item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,item_11,item_12\r\n" +
		"mspss,2026-01-02,,,,,7,7,9,,,,,,,,,\r\n" +
		"'=1+1,2026-01-03,,,,,1,2,3,4,5,6,7,8,9,10,11,12\r\n"
	if got := writeCSV(t, "check_ups", e); got != want {
		t.Errorf("WriteCSV:\n%s\nwant:\n%s\n%s", got, want, firstDiff(got, want))
	}
}

// The check_ups columns follow the instruments: a subscale column for
// each subscale, and an item column for each statement of the longest.
func TestCheckupHeaderFollowsTheInstruments(t *testing.T) {
	header := checkupHeader()
	items, subs := 0, 0
	for _, in := range model.Instruments {
		info, _ := in.Info()
		items = max(items, len(info.Items))
		subs += len(info.Subscales())
	}
	if len(header) != 3+subs+items || header[len(header)-1] != fmt.Sprintf("item_%d", items) {
		t.Errorf("header %q: want 3 + %d subscales + %d items", header, subs, items)
	}
}

func TestWriteCSVReachOutOfUnknownContact(t *testing.T) {
	e := Export{ReachOuts: []model.ReachOut{{ID: 5, ContactID: 9, ContactName: "=Ghost", At: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), Channel: model.ChannelCall, Direction: model.DirectionMine}}}
	want := "id,contact_id,contact,date,time,channel,direction,helped,note\r\n5,9,'=Ghost,2026-01-02,03:04,call,mine,,\r\n"
	if got := writeCSV(t, "reach_outs", e); got != want {
		t.Errorf("WriteCSV = %q, want %q", got, want)
	}
}
