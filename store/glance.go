package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// supportiveSQL is model.Contact.IsSupportive over the contact c, built
// from the model's own list so the two cannot disagree.
var supportiveSQL = func() string {
	circles := make([]string, len(model.SupportiveCircles))
	for i, c := range model.SupportiveCircles {
		circles[i] = "'" + string(c) + "'"
	}
	return fmt.Sprintf(`(c.stance = '%s' OR (c.stance <> '%s' AND c.circle IN (%s)))`,
		model.StanceSupports, model.StanceSupportsUsing, strings.Join(circles, ", "))
}()

// WeekGlance is Today's line about the week so far (the local days from
// to to): how many people the person was in touch with, either way, and
// on how many days with someone supportive. Both are read from the
// summaries kept beside the log (schema 11), as Health reads them: a few
// rows a day, however many people the week reached.
func (s *Store) WeekGlance(ctx context.Context, from, to model.Date) (people, supportiveDays int, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		if s.schema != 0 && s.schema < 11 {
			// An older journal opened read-only has no summaries.
			return tx.QueryRowContext(ctx, weekGlanceScanSQL, from.String(), to.String()).Scan(&people, &supportiveDays)
		}
		if err := tx.QueryRowContext(ctx, windowPeopleSQL, from.String(), to.String()).Scan(&people); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, supportiveDaysSQL, from.String(), to.String()).Scan(&supportiveDays)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("read the week so far: %w", err)
	}
	return people, supportiveDays, nil
}

// supportiveDaysSQL counts the days from ?1 to ?2 with a reach-out to
// or from someone supportive, from reach_out_days.
const supportiveDaysSQL = `SELECT count(DISTINCT day) FROM reach_out_days WHERE day BETWEEN ?1 AND ?2 AND kind = 'support'`

// weekGlanceScanSQL is WeekGlance read from the log.
var weekGlanceScanSQL = `SELECT count(DISTINCT r.contact_id),
	count(DISTINCT CASE WHEN ` + supportiveSQL + ` THEN r.day END)
	FROM reach_outs r JOIN contacts c ON c.id = r.contact_id
	WHERE r.day BETWEEN ? AND ?`

// Occasions are the birthdays and recovery anniversaries of the people in
// the network in the days from today to today+days-1 (model.Occasions),
// read from the few people who have such a date.
func (s *Store) Occasions(ctx context.Context, today model.Date, days int) ([]model.Occasion, error) {
	if s.schema != 0 && s.schema < 7 {
		return nil, nil // no dates were kept before schema 7
	}
	var people []model.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, name, nickname, circle, phone, email, preferred, birthday, recovery_date
			FROM contacts WHERE archived = 0 AND (birthday <> '' OR recovery_date <> '') ORDER BY name_key, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c model.Contact
			var circle, preferred, birthday, recovery string
			if err := rows.Scan(&c.ID, &c.Name, &c.Nickname, &circle, &c.Phone, &c.Email, &preferred, &birthday, &recovery); err != nil {
				return err
			}
			c.Circle, c.Preferred = model.Circle(circle), model.Channel(preferred)
			if c.Birthday, err = model.ParseBirthday(birthday); err != nil {
				return fmt.Errorf("contact %d: birthday: %w", c.ID, err)
			}
			if c.RecoveryDate, err = parseOptionalDay(recovery); err != nil {
				return fmt.Errorf("contact %d: recovery_date: %w", c.ID, err)
			}
			people = append(people, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read birthdays and recovery dates: %w", err)
	}
	return model.Occasions(people, today, days), nil
}
