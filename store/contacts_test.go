package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// equalContacts compares every field; instants by Equal, since a time read
// back from text has no monotonic reading.
// equalContacts compares every field; a uid left empty in b (a contact
// as typed) stands for any well-formed one in a, given by the journal.
func equalContacts(a, b model.Contact) bool {
	if !a.CreatedAt.Equal(b.CreatedAt) || !a.UpdatedAt.Equal(b.UpdatedAt) {
		return false
	}
	if b.UID == "" && validUID(a.UID) {
		b.UID = a.UID
	}
	a.CreatedAt, a.UpdatedAt, b.CreatedAt, b.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}

// validUID is a uid as the journal gives them: 32 lower-case hex digits.
func validUID(uid string) bool {
	if len(uid) != 32 {
		return false
	}
	for _, r := range uid {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

func countAll(t *testing.T, s *Store) int {
	t.Helper()
	active, archived, err := s.CountContacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var tags int
	if err := s.db.QueryRow(`SELECT count(*) FROM contact_tags`).Scan(&tags); err != nil {
		t.Fatal(err)
	}
	return active + archived + tags
}

func TestSaveContactInsert(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	in := fullContact()
	in.Name = "  " + in.Name + " \t" // Normalize trims what a person typed
	saved, err := s.SaveContact(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := fullContact().Normalize()
	want.ID, want.CreatedAt, want.UpdatedAt = saved.ID, fixedNow, fixedNow
	if saved.ID == 0 || !equalContacts(saved, want) {
		t.Errorf("SaveContact returned\n %+v\nwant\n %+v", saved, want)
	}
	got, err := s.Contact(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Errorf("Contact read back\n %+v\nwant\n %+v", got, saved)
	}
	if _, err := s.Contact(ctx, saved.ID+1); !errors.Is(err, ErrNotFound) {
		t.Errorf("Contact(missing) = %v; want ErrNotFound", err)
	}
}

func TestSaveContactUpdate(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	first, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	later := fixedNow.Add(48 * time.Hour)
	s.Now = func() time.Time { return later }

	edit := first
	edit.Name, edit.Circle, edit.AnyTime, edit.CadenceDays = "Zoe M.", model.CircleFriend, false, 7
	edit.Tags = []string{"coffee", "AA"} // replaced wholesale, in this order
	edit.CreatedAt = time.Time{}         // ignored: created_at is the store's
	saved, err := s.SaveContact(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID != first.ID || saved.Name != "Zoe M." || saved.Circle != model.CircleFriend ||
		saved.AnyTime || !saved.AnyTimeSince.IsZero() || saved.CadenceDays != 7 {
		t.Errorf("update not applied: %+v", saved)
	}
	if !slices.Equal(saved.Tags, []string{"coffee", "AA"}) {
		t.Errorf("tags %q", saved.Tags)
	}
	if !saved.CreatedAt.Equal(fixedNow) || !saved.UpdatedAt.Equal(later) {
		t.Errorf("created %v updated %v; want %v and %v", saved.CreatedAt, saved.UpdatedAt, fixedNow, later)
	}

	missing := fullContact()
	missing.ID = 999
	before := countAll(t, s)
	if _, err := s.SaveContact(ctx, missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing contact: %v; want ErrNotFound", err)
	}
	if countAll(t, s) != before {
		t.Error("a failed update wrote something")
	}
}

func TestSaveContactRefusesInvalid(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(c *model.Contact)
		field string
	}{
		{"empty name", func(c *model.Contact) { c.Name = "   " }, model.FieldName},
		{"name too long", func(c *model.Contact) { c.Name = strings.Repeat("é", model.MaxNameLen+1) }, model.FieldName},
		{"line break in name", func(c *model.Contact) { c.Name = "Sam\nSmith" }, model.FieldName},
		{"escape sequence in notes", func(c *model.Contact) { c.Notes = "hi \x1b[2J" }, model.FieldNotes},
		{"email in phone", func(c *model.Contact) { c.Phone = "sam@example.org" }, model.FieldPhone},
		{"unknown circle", func(c *model.Contact) { c.Circle = "coworkers" }, model.FieldCircle},
		{"unknown stance", func(c *model.Contact) { c.Stance = "hostile" }, model.FieldStance},
		{"importance out of range", func(c *model.Contact) { c.Importance = 9 }, model.FieldImportance},
		{"negative cadence", func(c *model.Contact) { c.CadenceDays = -1 }, model.FieldCadence},
		{"30 February", func(c *model.Contact) { c.KnownSince = model.Date{Year: 2024, Month: 2, Day: 30} }, model.FieldKnownSince},
		{"year 1850", func(c *model.Contact) { c.KnownSince = model.Date{Year: 1850, Month: 1, Day: 1} }, model.FieldKnownSince},
		{"month 13", func(c *model.Contact) { c.AnyTimeSince = model.Date{Year: 2024, Month: 13, Day: 1} }, model.FieldAnyTimeSince},
		{"invalid UTF-8 in name", func(c *model.Contact) { c.Name = "Jos\xe9" }, model.FieldName},
		{"invalid UTF-8 in a tag", func(c *model.Contact) { c.Tags = []string{"ok", "\xff"} }, model.FieldTags},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			ctx := context.Background()
			// Once as a new contact, once as an edit of a stored one.
			stored, err := s.SaveContact(ctx, fullContact())
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range []int64{0, stored.ID} {
				c := fullContact()
				c.ID = id
				tt.edit(&c)
				_, err := s.SaveContact(ctx, c)
				var p model.Problems
				if !errors.As(err, &p) || p[tt.field] == "" {
					t.Errorf("id %d: error %v; want model.Problems about %s", id, err, tt.field)
				}
			}
			if got, err := s.Contact(ctx, stored.ID); err != nil || !reflect.DeepEqual(got, stored) {
				t.Errorf("the stored contact changed: %+v, %v", got, err)
			}
			if active, archived, _ := s.CountContacts(ctx); active+archived != 1 {
				t.Errorf("%d contacts stored; want 1", active+archived)
			}
		})
	}
}

// TestSchemaAcceptsEveryModelCode keeps the schema's CHECK lists (frozen in
// migration 1) in step with the model: a new circle, stance or channel needs
// a migration, and this test says so.
func TestSchemaAcceptsEveryModelCode(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	save := func(what string, edit func(*model.Contact)) {
		c := model.Contact{Name: what}
		edit(&c)
		if _, err := s.SaveContact(ctx, c); err != nil {
			t.Errorf("%s: %v (does the model have a code the schema does not? add a migration)", what, err)
		}
	}
	for _, circle := range model.Circles {
		save("circle "+string(circle), func(c *model.Contact) { c.Circle = circle })
	}
	for _, st := range model.Stances {
		save("stance "+string(st), func(c *model.Contact) { c.Stance = st })
	}
	for _, ch := range model.PreferredChannels {
		save("channel "+string(ch), func(c *model.Contact) { c.Preferred = ch })
	}
	save("cadence", func(c *model.Contact) { c.CadenceDays = model.MaxCadence })
}

func TestNamesRoundTripExactly(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	names := []string{
		"عائشة الحسن",             // Arabic, right to left
		"王芳",                      // Chinese
		"Ольга Петрова",           // Cyrillic
		"Siobhán Ní Bhriain",      // Irish accents
		"Zoë",                     // precomposed ë
		"Zoe\u0308",               // e + combining diaeresis: must not be normalized
		"Sam 🌻",                   // emoji
		"👩‍👩‍👧 family group chat", // ZWJ sequence
		"नमिता",                   // Devanagari
		strings.Repeat("界", model.MaxNameLen),
	}
	for _, name := range names {
		c := fullContact()
		c.Name, c.Nickname, c.Notes = name, name, name+"\n\tmore\n"+name
		saved, err := s.SaveContact(ctx, c)
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		got, err := s.Contact(ctx, saved.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != name || got.Nickname != name || got.Notes != c.Notes {
			t.Errorf("%q came back as %q / %q / %q", name, got.Name, got.Nickname, got.Notes)
		}
	}
}

func TestTagsRoundTripInOrderWithoutRepeats(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	c := fullContact()
	c.Tags = []string{" night owl ", "AA", "aa", "", "Église", "eglise", "家人", "🌻"}
	saved, err := s.SaveContact(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"night owl", "AA", "Église", "家人", "🌻"}
	if !slices.Equal(saved.Tags, want) {
		t.Errorf("tags %q; want %q", saved.Tags, want)
	}
	list, err := s.Contacts(ctx, false, testToday)
	if err != nil || len(list) != 1 || !slices.Equal(list[0].Tags, want) {
		t.Errorf("Contacts tags: %v, %v", list, err)
	}
	saved.Tags = nil
	if saved, err = s.SaveContact(ctx, saved); err != nil || saved.Tags != nil {
		t.Errorf("clearing tags: %q, %v", saved.Tags, err)
	}
}

func TestContactsOrderIgnoresCaseAndAccents(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	for _, name := range []string{"zoë", "Émile", "adam", "Zoe", "王芳", "Ángel", "bea"} {
		if _, err := s.SaveContact(ctx, model.Contact{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Contacts(ctx, false, testToday)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range list {
		got = append(got, c.Name)
	}
	// "zoë" and "Zoe" fold alike; the older (lower id) comes first.
	want := []string{"adam", "Ángel", "bea", "Émile", "zoë", "Zoe", "王芳"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q; want %q", got, want)
	}
	if !slices.IsSortedFunc(list, func(a, b model.Contact) int { return strings.Compare(a.SortKey(), b.SortKey()) }) {
		t.Error("not sorted by model SortKey")
	}
}

func TestArchiveAndRestoreKeepEverything(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	saved, err := s.SaveContact(ctx, fullContact())
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.SaveContact(ctx, model.Contact{Name: "Ben"})
	if err != nil {
		t.Fatal(err)
	}
	later := fixedNow.Add(time.Hour)
	s.Now = func() time.Time { return later }

	names := func(archived bool) []string {
		list, err := s.Contacts(ctx, archived, testToday)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range list {
			out = append(out, c.Name)
		}
		return out
	}
	if err := s.SetArchived(ctx, saved.ID, true); err != nil {
		t.Fatal(err)
	}
	if a, r := names(false), names(true); !slices.Equal(a, []string{"Ben"}) || !slices.Equal(r, []string{saved.Name}) {
		t.Errorf("after archive: active %q archived %q", a, r)
	}
	got, _ := s.Contact(ctx, saved.ID)
	want := saved
	want.Archived, want.UpdatedAt = true, later
	if !equalContacts(got, want) {
		t.Errorf("archived contact changed:\n got %+v\nwant %+v", got, want)
	}
	if active, archived, err := s.CountContacts(ctx); active != 1 || archived != 1 || err != nil {
		t.Errorf("CountContacts = %d, %d, %v", active, archived, err)
	}
	// Archiving twice changes nothing; editing keeps it archived.
	if err := s.SetArchived(ctx, saved.ID, true); err != nil {
		t.Fatal(err)
	}

	if err := s.SetArchived(ctx, saved.ID, false); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Contact(ctx, saved.ID)
	want.Archived = false
	if !equalContacts(got, want) {
		t.Errorf("restored contact changed:\n got %+v\nwant %+v", got, want)
	}
	if a := names(false); len(a) != 2 {
		t.Errorf("after restore: active %q", a)
	}
	if err := s.SetArchived(ctx, other.ID+100, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetArchived(missing) = %v; want ErrNotFound", err)
	}
	var stray int
	s.db.QueryRow(`SELECT count(*) FROM contacts WHERE archived = 0 AND archived_at IS NOT NULL`).Scan(&stray)
	if stray != 0 {
		t.Error("a restored contact kept archived_at")
	}
}

// The card's people, in one read: any-time, distraction, professionals
// with a phone, and the people the plan's two lists of people name.
func TestCardPeople(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	for _, c := range []model.Contact{
		{Name: "Rosa", AnyTime: true, Email: "rosa@example.org", Preferred: model.ChannelText, Availability: "evenings",
			Importance: 4, Stance: model.StanceSupports},
		{Name: "Gym buddy", Distraction: true},
		{Name: "Dr Lee", Circle: model.CircleHealthcare, Phone: "020 7946 0018"},
		{Name: "Counsellor", Circle: model.CircleHealthcare},
		{Name: "Ana Ruiz", Nickname: "Mum"},
		{Name: "Tomás"},
		{Name: "Colleague"},
		{Name: "Moved away", AnyTime: true, Archived: true},
		{Name: "Ex", Nickname: "Tomás's brother", Archived: true},
	} {
		if _, err := s.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	plan := model.SafetyPlan{AskForHelp: []string{"Call mum"}, Distractions: []string{"football with TOMAS"}, WarningSigns: []string{"Colleague"}}
	card, err := s.CardPeople(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	people := card.People
	var got []string
	for _, c := range people {
		got = append(got, c.Name)
	}
	slices.Sort(got) // in no particular order
	if want := []string{"Ana Ruiz", "Dr Lee", "Gym buddy", "Rosa", "Tomás"}; !slices.Equal(got, want) {
		t.Errorf("CardPeople = %q, want %q", got, want)
	}
	want := model.CardPeople{People: people, AnyTime: 1, Distraction: 1, Professionals: 1,
		Named: map[string]int{model.PlanAskForHelp: 1, model.PlanDistractions: 1}}
	if !reflect.DeepEqual(card, want) {
		t.Errorf("CardPeople counts %+v, want %+v", card, want)
	}
	// Each comes with everything the crisis card and the hard day card
	// read of them (cardColumns), as the whole contact has it.
	everyone, err := s.Contacts(ctx, false, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range people {
		w := everyone[slices.IndexFunc(everyone, func(e model.Contact) bool { return e.ID == c.ID })]
		if c.Name != w.Name || c.Nickname != w.Nickname || c.Circle != w.Circle || c.Phone != w.Phone || c.Email != w.Email ||
			c.Preferred != w.Preferred || c.Availability != w.Availability || c.AnyTime != w.AnyTime ||
			c.Distraction != w.Distraction || c.Importance != w.Importance || c.Stance != w.Stance || c.Archived != w.Archived {
			t.Errorf("CardPeople gave %+v\nthe contact is %+v", c, w)
		}
	}
	if card, err := s.CardPeople(ctx, model.SafetyPlan{}); err != nil || len(card.People) != 3 || card.Named != nil {
		t.Errorf("with no plan: %+v, %v", card, err)
	}
}

// A group of the crisis card larger than it lists (an address book
// imported whole): the card reads its first model.CardGroupPeople in the
// card's order, as far as an index keeps it (a number to call first, then
// importance, then name), and counts the rest; a person of one group is
// counted in no other.
func TestCardPeopleOfALargeGroup(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	var anyTime, professionals []model.Contact
	for i := range model.CardGroupPeople + 12 {
		c := model.Contact{Name: fmt.Sprintf("Person %02d", i), AnyTime: true, Importance: i % 6}
		if i%4 != 0 {
			c.Phone = fmt.Sprintf("0161 496 %04d", i)
		}
		saved, err := s.SaveContact(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		anyTime = append(anyTime, saved)
		p := model.Contact{Name: fmt.Sprintf("Dr %02d", i), Circle: model.CircleTreatment, Phone: "0161 496 0000", Importance: i % 3}
		if i%5 == 0 {
			p.AnyTime = true // an any-time person is counted with them alone
		}
		if saved, err = s.SaveContact(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.AnyTime {
			anyTime = append(anyTime, saved)
		} else {
			professionals = append(professionals, saved)
		}
	}
	card, err := s.CardPeople(ctx, model.SafetyPlan{})
	if err != nil {
		t.Fatal(err)
	}
	if card.AnyTime != len(anyTime) || card.Professionals != len(professionals) || card.Distraction != 0 {
		t.Errorf("counted %d any-time, %d professionals, %d distraction; want %d, %d, 0",
			card.AnyTime, card.Professionals, card.Distraction, len(anyTime), len(professionals))
	}
	inOrder := func(cs []model.Contact) []int64 {
		slices.SortFunc(cs, func(a, b model.Contact) int {
			if (a.Phone == "") != (b.Phone == "") {
				if a.Phone == "" {
					return 1
				}
				return -1
			}
			if a.Importance != b.Importance {
				return b.Importance - a.Importance
			}
			return strings.Compare(model.Fold(a.Name), model.Fold(b.Name))
		})
		var ids []int64
		for _, c := range cs[:min(len(cs), model.CardGroupPeople)] {
			ids = append(ids, c.ID)
		}
		slices.Sort(ids)
		return ids
	}
	read := func(keep func(model.Contact) bool) []int64 {
		var ids []int64
		for _, c := range card.People {
			if keep(c) {
				ids = append(ids, c.ID)
			}
		}
		slices.Sort(ids)
		return ids
	}
	if got, want := read(func(c model.Contact) bool { return c.AnyTime }), inOrder(anyTime); !slices.Equal(got, want) {
		t.Errorf("any-time people read %v, want the first %d in the card's order %v", got, model.CardGroupPeople, want)
	}
	if got, want := read(func(c model.Contact) bool { return !c.AnyTime }), inOrder(professionals); !slices.Equal(got, want) {
		t.Errorf("professionals read %v, want %v", got, want)
	}
}

func TestAnyTimeContacts(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	since := model.Date{Year: 2025, Month: 1, Day: 5}
	add := func(name string, anyTime, archived bool) {
		if _, err := s.SaveContact(ctx, model.Contact{Name: name, AnyTime: anyTime, AnyTimeSince: since, Archived: archived}); err != nil {
			t.Fatal(err)
		}
	}
	add("Rosa", true, false)
	add("ángela", true, false)
	add("Moved away", true, true)
	add("Colleague", false, false)
	list, err := s.AnyTimeContacts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range list {
		got = append(got, c.Name)
		if c.AnyTimeSince != since {
			t.Errorf("%s: since %v", c.Name, c.AnyTimeSince)
		}
	}
	if !slices.Equal(got, []string{"ángela", "Rosa"}) {
		t.Errorf("AnyTimeContacts = %q", got)
	}
	// Not any-time: the day they agreed is dropped, not kept silently.
	c, _ := s.SaveContact(ctx, model.Contact{Name: "Lee", AnyTimeSince: since})
	if !c.AnyTimeSince.IsZero() {
		t.Errorf("AnyTimeSince kept without AnyTime: %v", c.AnyTimeSince)
	}
}

func TestAddContactsAllOrNothing(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	var batch []model.Contact
	for i := range 60 {
		batch = append(batch, model.Contact{Name: fmt.Sprintf("Person %02d", i), Tags: []string{"batch", fmt.Sprint(i % 3)}})
	}
	bad := slices.Clone(batch)
	bad[41].Phone = "call me maybe"
	bad[17].Name = ""

	_, err := s.AddContacts(ctx, bad)
	var ce *ContactError
	var p model.Problems
	if !errors.As(err, &ce) || ce.Index != 17 || !errors.As(err, &p) {
		t.Fatalf("error %v; want a *ContactError for #18 wrapping model.Problems", err)
	}
	if msg := err.Error(); !strings.Contains(msg, `contact #42 "Person 41": phone:`) || !strings.Contains(msg, "contact #18") {
		t.Errorf("message %q does not name both contacts", msg)
	}
	if n := countAll(t, s); n != 0 {
		t.Fatalf("%d rows written by a refused batch", n)
	}

	// A failure in the middle of writing also leaves nothing.
	ctxDone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.AddContacts(ctxDone, batch); err == nil {
		t.Error("AddContacts with a cancelled context succeeded")
	}
	if n := countAll(t, s); n != 0 {
		t.Fatalf("%d rows written by a cancelled batch", n)
	}

	created := time.Date(2018, 5, 1, 12, 0, 0, 0, time.UTC)
	batch[0].CreatedAt = created
	batch[1].Archived = true
	ids, err := s.AddContacts(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(batch) || !slices.IsSorted(ids) {
		t.Fatalf("ids %v", ids)
	}
	first, _ := s.Contact(ctx, ids[0])
	if !first.CreatedAt.Equal(created) || !first.UpdatedAt.Equal(created) || !slices.Equal(first.Tags, []string{"batch", "0"}) {
		t.Errorf("first contact %+v", first)
	}
	if second, _ := s.Contact(ctx, ids[1]); !second.Archived || !second.CreatedAt.Equal(fixedNow) {
		t.Errorf("second contact %+v", second)
	}
	if active, archived, _ := s.CountContacts(ctx); active != 59 || archived != 1 {
		t.Errorf("counts %d, %d", active, archived)
	}
	if ids, err := s.AddContacts(ctx, nil); ids != nil || err != nil {
		t.Errorf("AddContacts(nil) = %v, %v", ids, err)
	}
}

func TestSettings(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if v, ok, err := s.Setting(ctx, "region"); v != "" || ok || err != nil {
		t.Errorf("unset: %q, %v, %v", v, ok, err)
	}
	for _, v := range []string{"GB", "", "IE — Éire 🇮🇪"} {
		if err := s.SetSetting(ctx, "region", v); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Setting(ctx, "region"); got != v || !ok || err != nil {
			t.Errorf("after SetSetting(%q): %q, %v, %v", v, got, ok, err)
		}
	}
	if err := s.SetSetting(ctx, "", "x"); err == nil {
		t.Error("an empty key was accepted")
	}
}

// FuzzSaveContactRoundTrip: whatever SaveContact accepts reads back exactly
// as it returned it, and whatever it refuses leaves nothing behind.
func FuzzSaveContactRoundTrip(f *testing.F) {
	seeds := [][3]string{
		{"Zoë", "Call after 6.\nNot on Sundays.", "AA, night owl"},
		{"عائشة", "", "家人"},
		{"👩‍👩‍👧", "\t indented\r\n", "🌻,🌻"},
		{"  ", "empty name", ""},
		{"Jos\xe9", "latin-1 bytes", "x"},
		{"e\u0301", "combining", "\u0301"},
		{"a\x00b", "nul", ""},
		{strings.Repeat("x", 201), "too long", ""},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2])
	}
	s := openStore(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, name, notes, tags string) {
		in := model.Contact{Name: name, Nickname: name, Notes: notes, Group: notes, Tags: model.ParseTags(tags)}
		before, _, _ := s.CountContacts(ctx)
		saved, err := s.SaveContact(ctx, in)
		if err != nil {
			var p model.Problems
			if !errors.As(err, &p) {
				t.Fatalf("refused without Problems: %v", err)
			}
			if after, _, _ := s.CountContacts(ctx); after != before {
				t.Fatal("a refused contact was written")
			}
			return
		}
		want := in.Normalize()
		if saved.Name != want.Name || saved.Nickname != want.Nickname || saved.Notes != want.Notes ||
			saved.Group != want.Group || !slices.Equal(saved.Tags, want.Tags) {
			t.Fatalf("saved %+v; want %+v", saved, want)
		}
		got, err := s.Contact(ctx, saved.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, saved) {
			t.Fatalf("read back %+v; saved %+v", got, saved)
		}
	})
}

// TestScreenQueriesUseIndexes: the queries behind the contact list and the
// crisis card read an index in name order, never scan and sort the table;
// Today's roster reads kept counts and its own small index, not every
// person's row; each circle's latest reach-out is a seek.
func TestScreenQueriesUseIndexes(t *testing.T) {
	s := openStore(t)
	tests := []struct {
		query, want string
		sorts       bool
	}{
		{`SELECT ` + contactColumns + ` FROM contacts WHERE archived = 0 ORDER BY name_key, id`, "USING INDEX contacts_list", false},
		{`SELECT ` + contactColumns + ` FROM contacts WHERE any_time = 1 AND archived = 0 ORDER BY name_key, id`, "USING INDEX contacts_any_time", false},
		{rosterCountQuery, "SCAN circle_people | SCALAR SUBQUERY 2 | SEARCH contacts USING COVERING INDEX contacts_any_time (archived=?)", false},
		// Who is due is a range of each group of contacts_due, and how
		// many a range of contacts_due_day: never a walk of everyone with
		// a rhythm.
		{strings.Replace(rosterAllDueQuery, "?1", "20521", 1), "SEARCH c USING COVERING INDEX contacts_due (archived=? AND circle=? AND any_time=? AND importance=? AND <expr><?)", false},
		{strings.Replace(rosterDueCount, "?1", "20521", 1), "SEARCH c USING INDEX contacts_due_day (archived=? AND <expr><?)", false},
		{strings.NewReplacer("?1", "20521", "?2", `'[["sponsor",0,5]]'`, "?3", "5").Replace(rosterGroupCountsQuery),
			"SCAN g VIRTUAL TABLE INDEX 1: | CORRELATED SCALAR SUBQUERY 2 | CO-ROUTINE (subquery-1) | SEARCH c USING COVERING INDEX contacts_due (archived=? AND circle=? AND any_time=? AND importance=? AND <expr><?)", false},
		{strings.NewReplacer("?1", "20521", "?2", `'[["sponsor",0,5]]'`).Replace(rosterGroupsQuery),
			"SCAN g VIRTUAL TABLE INDEX 1: | SEARCH c USING COVERING INDEX contacts_due (archived=? AND circle=? AND any_time=? AND importance=? AND <expr><?)", false},
		{strings.Replace(rosterShownQuery, "?1", "'[1,2]'", 1), "USING INTEGER PRIMARY KEY", false},
		{rosterCirclesQuery, "SCAN p | CORRELATED SCALAR SUBQUERY 1 | SEARCH contacts USING COVERING INDEX contacts_circle_last (archived=? AND circle=?)", false},
		{`SELECT day FROM check_ins WHERE used = 1 ORDER BY day`, "USING COVERING INDEX check_ins_used", false},
		// The plans of a day are a range of their index, their people
		// looked up; never every active person, with their plans sought.
		{strings.NewReplacer("?1", "'2026-03-09'", "?2", "'2026-03-09'").Replace(plansBetweenSQL),
			"SEARCH p USING INDEX planned_reach_outs_day (day>? AND day<?) | SEARCH c USING INTEGER PRIMARY KEY (rowid=?)", true},
		{`SELECT id, name FROM contacts WHERE archived = 0 AND (birthday <> '' OR recovery_date <> '') ORDER BY name_key, id`, "USING INDEX contacts_dates", false},
		{`SELECT t.contact_id, t.tag FROM contact_tags t JOIN contacts c ON c.id = t.contact_id WHERE c.archived = 0 ORDER BY t.contact_id, t.position`, "USING COVERING INDEX contacts_", true},
	}
	for _, tt := range tests {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + tt.query)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, " | ")
		if !strings.Contains(joined, tt.want) || strings.Contains(joined, "TEMP B-TREE FOR ORDER BY") && !tt.sorts {
			t.Errorf("%s\nplan: %s\nwant %s", tt.query, joined, tt.want)
		}
	}
}

// What the quiet-network word weighs, and its "not today", which an
// export never carries.
func TestQuietFactsAndDismiss(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	today := testToday
	add := func(c model.Contact) int64 {
		saved, err := s.SaveContact(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return saved.ID
	}
	sponsor := add(model.Contact{Name: "Sponsor", Circle: model.CircleSponsor})
	friend := add(model.Contact{Name: "Friend", Circle: model.CircleFriend})
	pal := add(model.Contact{Name: "Pal", Circle: model.CircleWork, Stance: model.StanceSupportsUsing})
	at := func(back int) time.Time { return today.AddDays(-back).Time().Add(12 * time.Hour) }
	for _, r := range []model.ReachOut{
		{ContactID: sponsor, At: at(30), Direction: model.DirectionMine},
		{ContactID: friend, At: at(20), Direction: model.DirectionMine},
		{ContactID: sponsor, At: at(5), Direction: model.DirectionSupported},
		{ContactID: friend, At: at(2), Direction: model.DirectionTheirs},
		{ContactID: pal, At: at(1), Direction: model.DirectionMine},
	} {
		r.Channel = model.ChannelCall
		if _, err := s.SaveReachOut(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	f, err := s.QuietFacts(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	want := model.QuietFacts{LastMine: today.AddDays(-1), Mine: 2, Theirs: 1,
		Circles: []model.Circle{model.CircleSponsor, model.CircleFriend}, CirclesBefore: 2}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("QuietFacts = %+v, want %+v", f, want)
	}
	if err := s.DismissQuiet(ctx, today); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.QuietFacts(ctx, today); f.Dismissed != today {
		t.Errorf("dismissed %v, want %v", f.Dismissed, today)
	}
	ex, err := s.Export(ctx, model.Date{}, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ex.Settings["quiet_dismissed"]; ok {
		t.Errorf("the export carries the day the word was put aside: %v", ex.Settings)
	}
}

// TestCardGroupsReadTheirIndexes: a crisis card group's count and its
// first people are read from its index alone, in its order: no row of
// anyone, and no sorting of the group, however many it holds; the people
// its plan names are sought by the plan's words.
func TestCardGroupsReadTheirIndexes(t *testing.T) {
	s := openStore(t)
	for _, g := range cardGroups {
		from := g.from(s.schema)
		for _, q := range []struct{ query, want string }{
			{`SELECT count(*) ` + from, "SCAN contacts USING COVERING INDEX " + g.index},
			{cardFirstSQL(from), "SCAN contacts USING COVERING INDEX " + g.index},
		} {
			plan := queryPlan(t, s, q.query, model.CardGroupPeople)
			if !strings.HasPrefix(plan, q.want) || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("%s: plan %s\nwant %s alone", q.query, plan, q.want)
			}
		}
	}
	// The people of the card, and the first of those a plan names: a
	// seek each.
	for _, q := range []string{cardPeopleSQL, cardFirstSQL(cardNamedFrom)} {
		if plan := queryPlan(t, s, q, "[1,2]", model.CardGroupPeople); !strings.HasPrefix(plan, "SEARCH contacts USING INTEGER PRIMARY KEY (rowid=?)") {
			t.Errorf("%s: plan %s\nwant a seek each", q, plan)
		}
	}
	// The people a plan names: a range of each index a word of the plan.
	plan := queryPlan(t, s, namedSQL, `[["mum","mum and sam"],["sam","sam"]]`)
	for _, want := range []string{
		"SEARCH c USING COVERING INDEX contacts_name_words (name_words>? AND name_words<?)",
		"SEARCH c USING COVERING INDEX contacts_nickname_words (nickname_words>? AND nickname_words<?)",
	} {
		if !strings.Contains(plan, want) || strings.Contains(plan, "SCAN c") {
			t.Errorf("the people a plan names: plan %s\nwant %s, and no scan of the people", plan, want)
		}
	}
}
