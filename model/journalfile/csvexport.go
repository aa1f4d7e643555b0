package journalfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// CSVTables are the tables WriteCSV writes, in the order a full export
// writes them (one file each): the order of Tether JSON's lists.
var CSVTables = []string{"contacts", "reach_outs", "check_ins", "reflections", "check_ups"}

// The columns of each CSV table.
var csvHeaders = map[string][]string{
	"contacts": {"id", "name", "nickname", "circle", "group", "phone", "email", "preferred",
		"availability", "any_time", "any_time_since", "distraction", "importance", "supportive",
		"stance", "known_since", "cadence_days", "notes", "tags", "archived"},
	"reach_outs": {"id", "contact_id", "contact", "date", "time", "channel", "direction", "helped", "note"},
	"check_ins": {"day", "mood", "difficulty", "craving", "risky", "meetings", "sleep_hours",
		"hungry", "angry", "lonely", "tired", "used", "gratitude", "note"},
	"reflections": {"week", "week_start", "supported", "confidence", "craving_bother", "position", "prompt", "answer"},
	"check_ups":   checkupHeader(),
}

// checkupHeader is the check_ups table's columns, the same whatever the
// export holds: instrument, day and score, a column for each subscale of
// any instrument (in the order of Instruments, then of their statements),
// and item_1 to item_n for the answers of the instrument with the most
// statements.
func checkupHeader() []string {
	header := []string{"instrument", "day", "score"}
	items := 0
	for _, in := range model.Instruments {
		info, _ := in.Info()
		for _, sub := range info.Subscales() {
			header = append(header, subscaleColumn(sub))
		}
		items = max(items, len(info.Items))
	}
	for i := range items {
		header = append(header, fmt.Sprintf("item_%d", i+1))
	}
	return header
}

// subscaleColumn is a subscale's column name: "Significant other" is
// "significant_other".
func subscaleColumn(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " ", "_")
}

// WriteCSV writes one of the CSVTables of e, with a header row, for a
// spreadsheet: UTF-8 (no byte order mark), RFC 4180 quoting with CRLF line
// ends, one record a row in the order given. Dates are YYYY-MM-DD, a
// reach-out's local date and time are separate columns (15:04), choices
// are their stored codes, yes/no for true/false, and an unanswered answer
// is an empty cell (0 stays 0). Tags are joined with ", ". Reflections
// have one row per answer (week, its Monday, the ratings, position from 1,
// prompt, answer), and one row with empty answer columns for a week of
// ratings only. Check-ups have one row each: the instrument's code, the
// day, the score as model.Checkup.Score gives it (to two decimals at most: a
// BARC-10 total is a whole number, an MSPSS score a mean), its subscale
// scores in their columns (empty for an instrument without them), and the
// answers as item_1, item_2, …, empty past the instrument's last
// statement. A check-up whose answers do not fit its instrument has no
// scores.
//
// Cells that hold what the person typed (names, notes, phone numbers,
// answers…) and start with = + - @ or a tab or carriage return get a
// single quote in front, so a spreadsheet shows them as text instead of
// running them as a formula.
func WriteCSV(w io.Writer, table string, e Export) error {
	header, ok := csvHeaders[table]
	if !ok {
		return fmt.Errorf("there is no table %s; choose %s", quoteText(table), strings.Join(CSVTables, ", "))
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rows := [][]string{header}
	switch table {
	case "contacts":
		for _, c := range e.Contacts {
			rows = append(rows, []string{
				strconv.FormatInt(c.ID, 10), typed(c.Name), typed(c.Nickname), string(c.Circle),
				typed(c.Group), phoneCell(c.Phone), typed(c.Email), string(c.Preferred), typed(c.Availability),
				yesNo(c.AnyTime), c.AnyTimeSince.String(), yesNo(c.Distraction), rating(c.Importance),
				rating(c.Supportive), string(c.Stance), c.KnownSince.String(), strconv.Itoa(c.CadenceDays),
				typed(c.Notes), typed(strings.Join(c.Tags, ", ")), yesNo(c.Archived),
			})
		}
	case "reach_outs":
		names := make(map[int64]string, len(e.Contacts))
		for _, c := range e.Contacts {
			names[c.ID] = c.Name
		}
		for _, r := range e.ReachOuts {
			name, ok := names[r.ContactID]
			if !ok {
				name = r.ContactName
			}
			var date, clock string
			if !r.At.IsZero() {
				date, clock = r.Day().String(), r.At.Format("15:04")
			}
			id := ""
			if r.ID != 0 {
				id = strconv.FormatInt(r.ID, 10)
			}
			rows = append(rows, []string{
				id, strconv.FormatInt(r.ContactID, 10), typed(name), date, clock, string(r.Channel),
				string(r.Direction), string(r.Helped), typed(r.Note),
			})
		}
	case "check_ins":
		for _, c := range e.CheckIns {
			rows = append(rows, []string{
				c.Day.String(), rating(c.Mood), string(c.Difficulty), optInt(c.Craving), optBool(c.Risky),
				optInt(c.Meetings), optFloat(c.SleepHours), yesNo(c.Hungry), yesNo(c.Angry),
				yesNo(c.Lonely), yesNo(c.Tired), optBool(c.Used), typed(c.Gratitude), typed(c.Note),
			})
		}
	case "reflections":
		for _, r := range e.Reflections {
			week, monday := "", ""
			if !r.Week.IsZero() {
				week, monday = r.Week.String(), r.Week.Monday().String()
			}
			head := []string{week, monday, rating(r.Supported), rating(r.Confidence), rating(r.CravingBother)}
			if len(r.Answers) == 0 {
				rows = append(rows, append(head, "", "", ""))
			}
			for i, a := range r.Answers {
				rows = append(rows, append(head[:len(head):len(head)], strconv.Itoa(i+1), typed(a.Prompt), typed(a.Text)))
			}
		}
	case "check_ups":
		// The subscale columns follow the score; the items follow them.
		first := 3
		subscales := map[string]int{} // column name → index
		for ; first < len(header) && !strings.HasPrefix(header[first], "item_"); first++ {
			subscales[header[first]] = first
		}
		for _, c := range e.Checkups {
			row := make([]string, len(header))
			row[0], row[1] = typed(string(c.Instrument)), c.Day.String()
			if total, subs := c.Score(); total != 0 {
				row[2] = scoreCell(total)
				for name, v := range subs {
					if i, ok := subscales[subscaleColumn(name)]; ok {
						row[i] = scoreCell(v)
					}
				}
			}
			for i, a := range c.Answers {
				if first+i < len(row) {
					row[first+i] = strconv.Itoa(a)
				}
			}
			rows = append(rows, row)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write the %s table: %w", table, err)
	}
	return nil
}

// typed is a cell the person typed: cleaned of anything a terminal would
// act on (model.Printable; a CSV is often read with cat or less), and
// guarded against formula injection.
func typed(s string) string {
	s = model.Printable(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// phoneCell writes a phone number as the person typed it when it holds
// only digits, spaces and + - ( ) . — at worst a spreadsheet reads such a
// cell as arithmetic, never as a function that fetches or runs anything —
// so "+1 555 0100" does not come out as "'+1 555 0100". Anything else in
// the phone field is guarded as any typed cell.
func phoneCell(s string) string {
	if s = model.Printable(s); phoneLike(s) {
		return s
	}
	return typed(s)
}

// phoneLike reports text made only of what a phone number is written
// with, holding at least one digit.
func phoneLike(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune(" +-().", r):
		default:
			return false
		}
	}
	return digits
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func optBool(b *bool) string {
	if b == nil {
		return ""
	}
	return yesNo(*b)
}

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func optFloat(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

// scoreCell is a check-up score for a spreadsheet: at most two decimals,
// none when it is whole (5.166… is 5.17, 41 is 41).
func scoreCell(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// rating is a 1–n answer where 0 means not answered.
func rating(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
