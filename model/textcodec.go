package model

import "fmt"

// MarshalText writes the date as YYYY-MM-DD, and the unset date as empty
// text, so a Date reads naturally in JSON ("2024-03-09", not an object). A
// Date that is not a real calendar day is refused rather than written: it
// could not be read back.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if !realDay(d) {
		return nil, fmt.Errorf("%04d-%02d-%02d is not a calendar day", d.Year, int(d.Month), d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads what ParseDate reads; empty text is the unset date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes the week as YYYY-Www ("2026-W47"), and the unset week
// as empty text. A week that does not exist (week 53 of a year without one)
// is refused.
func (w Week) MarshalText() ([]byte, error) {
	if w.IsZero() {
		return []byte{}, nil
	}
	if w.Year < 1900 || w.Year > 9999 || w.Num < 1 || w.Num > 53 || WeekOf(w.Monday()) != w {
		return nil, fmt.Errorf("%d has no week %d", w.Year, w.Num)
	}
	return []byte(w.String()), nil
}

// UnmarshalText reads what ParseWeek reads; empty text is the unset week.
func (w *Week) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*w = Week{}
		return nil
	}
	v, err := ParseWeek(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
