package views

import (
	"context"
	"time"

	"github.com/tether-recovery/tether/model"
)

// Store is the part of the journal the screens use. It is declared here, by
// its user, so tests can hand the views a fake.
type Store interface {
	// Roster is Today's glance: counts, and who is due (see model.Roster);
	// with first above 0, only the first that many of the due, counted.
	Roster(ctx context.Context, today model.Date, first int) (model.Roster, error)
	// PeopleNamed are the active people a text names (model.PeopleNamed).
	PeopleNamed(ctx context.Context, text string) ([]model.Contact, error)
	// ContactPage is a page of a contact list, filtered, counted, and
	// landed on someone when asked (see model.ContactQuery).
	ContactPage(ctx context.Context, q model.ContactQuery) (model.ContactPage, error)
	// PrepareFilter reads ahead what filtering the active or archived
	// list searches, as a filter opens.
	PrepareFilter(ctx context.Context, archived bool) error
	// LookAlike is the name of someone else (archived or not) whose name
	// looks the same as name (model.LookAlikeKey), or "".
	LookAlike(ctx context.Context, id int64, name string) (string, error)
	SaveContact(ctx context.Context, c model.Contact) (model.Contact, error)
	SetArchived(ctx context.Context, id int64, archived bool) error
	// DeleteCheckIn removes a day's check-in, entered by mistake.
	DeleteCheckIn(ctx context.Context, day model.Date) error
	// Search finds words anywhere in the journal, a page of each kind.
	Search(ctx context.Context, text string, limit int) ([]model.SearchHit, error)
	// QuietFacts and DismissQuiet are the quiet-network word's reading
	// and its "not today".
	QuietFacts(ctx context.Context, today model.Date) (model.QuietFacts, error)
	DismissQuiet(ctx context.Context, day model.Date) error
	// CardPeople is whom the crisis card may show: the first of its
	// any-time, distraction and professional contacts and of those the
	// plan names, and how many each group holds.
	CardPeople(ctx context.Context, plan model.SafetyPlan) (model.CardPeople, error)

	SaveReachOut(ctx context.Context, r model.ReachOut) (model.ReachOut, error)
	DeleteReachOut(ctx context.Context, id int64) error
	// ContactHistory is a person's reach-outs, newest first (limit 0 or
	// less: all), and how many fall on the 30 days up to today.
	ContactHistory(ctx context.Context, contactID int64, today model.Date, limit int) ([]model.ReachOut, int, error)
	ReachOutsBetween(ctx context.Context, from, to model.Date) ([]model.ReachOut, error)
	// ReachOutsOnDays is the first perDay reach-outs of each day from..to,
	// and each day's count: a busy day costs what a quiet one does.
	ReachOutsOnDays(ctx context.Context, from, to model.Date, perDay int) ([]model.ReachOut, map[model.Date]int, error)

	SaveCheckIn(ctx context.Context, c model.CheckIn) (model.CheckIn, error)
	CheckIn(ctx context.Context, day model.Date) (model.CheckIn, bool, error)
	CheckIns(ctx context.Context, from, to model.Date) ([]model.CheckIn, error)
	StreakDays(ctx context.Context, today model.Date) (run []model.Date, ever bool, err error)
	// WeekGlance is the week so far (from..to): people in touch with,
	// either way, and days with someone supportive.
	WeekGlance(ctx context.Context, from, to model.Date) (people, supportiveDays int, err error)
	// Occasions are birthdays and recovery anniversaries in the days
	// from today to today+days-1 (model.Occasions).
	Occasions(ctx context.Context, today model.Date, days int) ([]model.Occasion, error)
	// LapseDays are the days a check-in recorded a use, oldest first.
	LapseDays(ctx context.Context) ([]model.Date, error)

	// Who next: "not now" until a day (zero: back now), "let this rest"
	// (resting false resumes the rhythm).
	Snooze(ctx context.Context, id int64, until model.Date) error
	SetResting(ctx context.Context, id int64, resting bool) error

	// Planned reach-outs: saved (ID 0 adds), dropped, done (logged at at,
	// the plan removed), and read by day.
	SavePlan(ctx context.Context, p model.Plan) (model.Plan, error)
	// AddPlans adds plans as they were, a day gone by included: an undo
	// puts back a plan dropped by mistake.
	AddPlans(ctx context.Context, ps []model.Plan) error
	DropPlan(ctx context.Context, id int64) error
	PlanDone(ctx context.Context, id int64, at time.Time) (model.ReachOut, error)
	PlansBetween(ctx context.Context, from, to model.Date) ([]model.Plan, error)

	RecoveryStart(ctx context.Context) (model.Date, error)
	SetRecoveryStart(ctx context.Context, d model.Date) error

	Reflection(ctx context.Context, w model.Week) (model.Reflection, bool, error)
	SaveReflection(ctx context.Context, r model.Reflection) (model.Reflection, error)
	ReflectionHeaders(ctx context.Context) ([]model.ReflectionHeader, error)
	// ReflectionHeadersFrom is a stretch of the list of weeks, newest
	// first: limit weeks before from (older) or after it, from the newest
	// or the oldest when from is zero.
	ReflectionHeadersFrom(ctx context.Context, from model.Week, older bool, limit int) ([]model.ReflectionHeader, error)
	Prompts(ctx context.Context) ([]string, error)
	SetPrompts(ctx context.Context, prompts []string) error

	// The figures of a week or a window of days (model.HealthOver's, Faded
	// left to Faded), and who had faded by a day: how many, and limit of
	// them from offset, longest gap first. Read from kept summaries, they
	// cost the same however long the journal's history.
	Health(ctx context.Context, from, to model.Date) (model.NetworkHealth, error)
	Faded(ctx context.Context, ref model.Date, offset, limit int) ([]model.Contact, int, error)
	// CircleMembers is each circle's count of active people and the first
	// of them by name; UsingPeople the people marked as supporting using,
	// those most in touch from..to first: how many, and the first of them.
	CircleMembers(ctx context.Context, first int) (map[model.Circle]model.CircleMembers, error)
	UsingPeople(ctx context.Context, from, to model.Date, first int) ([]model.Contact, int, error)
	// MomentsWith is the reach-outs with some people from..to: who and when.
	MomentsWith(ctx context.Context, ids []int64, from, to model.Date) ([]model.ReachOut, error)

	Settings(ctx context.Context) (model.Settings, error)
	SaveSettings(ctx context.Context, st model.Settings) (model.Settings, error)
	SafetyPlan(ctx context.Context) (model.SafetyPlan, error)
	SaveSafetyPlan(ctx context.Context, p model.SafetyPlan) (model.SafetyPlan, error)
	SaveCheckup(ctx context.Context, c model.Checkup) (model.Checkup, error)
	// RecentCheckups is the last n check-ups of an instrument, oldest first.
	RecentCheckups(ctx context.Context, i model.Instrument, n int) ([]model.Checkup, error)
	LastCheckups(ctx context.Context) (map[model.Instrument]model.Date, error)
	FirstUse(ctx context.Context) (model.Date, error)
	LogWithNewContact(ctx context.Context, c model.Contact, r model.ReachOut) (model.ReachOut, error)
	ReachOutCounts(ctx context.Context, from, to model.Date) (map[model.Date]int, error)

	// DataVersion changes when someone else (another window, a
	// subcommand) has committed to the journal.
	DataVersion(ctx context.Context) (int64, error)
}
