package model

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSVTables are the tables WriteCSV writes, in the order a full export
// writes them (one file each).
var CSVTables = []string{"contacts", "reach_outs", "check_ins", "reflections"}

// The columns of each CSV table.
var csvHeaders = map[string][]string{
	"contacts": {"id", "name", "nickname", "circle", "group", "phone", "email", "preferred",
		"availability", "any_time", "any_time_since", "distraction", "importance", "supportive",
		"stance", "known_since", "cadence_days", "notes", "tags", "archived"},
	"reach_outs": {"id", "contact_id", "contact", "date", "time", "channel", "direction", "helped", "note"},
	"check_ins": {"day", "mood", "difficulty", "craving", "risky", "meetings", "sleep_hours",
		"hungry", "angry", "lonely", "tired", "used", "gratitude", "note"},
	"reflections": {"week", "week_start", "supported", "confidence", "craving_bother", "position", "prompt", "answer"},
}

// WriteCSV writes one of the CSVTables of e, with a header row, for a
// spreadsheet: UTF-8 (no byte order mark), RFC 4180 quoting with CRLF line
// ends, one record a row in the order given. Dates are YYYY-MM-DD, a
// reach-out's local date and time are separate columns (15:04), choices
// are their stored codes, yes/no for true/false, and an unanswered answer
// is an empty cell (0 stays 0). Tags are joined with ", ". Reflections
// have one row per answer (week, its Monday, the ratings, position from 1,
// prompt, answer), and one row with empty answer columns for a week of
// ratings only.
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
				typed(c.Group), typed(c.Phone), typed(c.Email), string(c.Preferred), typed(c.Availability),
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
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write the %s table: %w", table, err)
	}
	return nil
}

// typed guards a cell the person typed against formula injection.
func typed(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
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

// rating is a 1–n answer where 0 means not answered.
func rating(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
