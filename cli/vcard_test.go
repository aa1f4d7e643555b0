package cli

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tether-recovery/tether/internal/journaltest"
	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

// cardFields is what a vCard carries of a contact, and comes back.
func cardFields(c model.Contact) model.Contact {
	return model.Contact{Name: c.Name, Nickname: c.Nickname, Circle: c.Circle, Group: c.Group, Phone: c.Phone, Email: c.Email,
		Birthday: c.Birthday, RecoveryDate: c.RecoveryDate, Notes: c.Notes, Tags: c.Tags}
}

// The sample journal's people go out as vCards, 3.0 unless 4.0 is asked
// for, and come back into a new journal with their names, numbers,
// birthdays, notes, circles and tags, and nothing reported as not kept.
func TestVCardExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	var active []model.Contact
	withStore(t, db, func(st *store.Store) {
		active, _ = st.Contacts(context.Background(), false, testDay)
	})
	for _, version := range []string{"", "3.0", "4.0"} {
		args := []string{"export", "--format", "vcf"}
		want := "3.0"
		if version != "" {
			args, want = append(args, "--vcard-version", version), version
		}
		file := filepath.Join(t.TempDir(), "contacts.vcf")
		mustCLI(t, db, append(args, "-o", file)...)
		text := read(t, file)
		if n := strings.Count(text, "BEGIN:VCARD\r\nVERSION:"+want+"\r\nN:"); n != len(active) {
			t.Fatalf("%d of %d cards begin with VERSION:%s and N:\n%s", n, len(active), want, text)
		}
		other := journal(t)
		code, out, errs := cli(other, "import", file)
		if code != 0 || out != "Imported "+model.Plural(len(active), "contact")+".\n" || errs != "" {
			t.Fatalf("import of %s: exit %d, stdout %q, stderr %q", want, code, out, errs)
		}
		var back []model.Contact
		withStore(t, other, func(st *store.Store) {
			back, _ = st.Contacts(context.Background(), false, testDay)
		})
		if len(back) != len(active) {
			t.Fatalf("%s: %d contacts came back of %d", want, len(back), len(active))
		}
		for i := range back {
			if g, w := cardFields(back[i]), cardFields(active[i]); !reflect.DeepEqual(g, w) {
				t.Errorf("%s: contact %d came back as\n %+v\nwas\n %+v", want, i, g, w)
			}
		}
	}
}

func TestVCardVersionUsage(t *testing.T) {
	t.Parallel()
	db := smallJournal(t)
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"export", "--format", "vcf", "--vcard-version", "2.1"}, `--vcard-version "2.1": Tether writes vCard 3.0 (the default, which phones import most reliably) or 4.0`},
		{[]string{"export", "--format", "vcf", "--vcard-version", ""}, `--vcard-version "": Tether writes vCard 3.0`},
		{[]string{"export", "--format", "json", "--vcard-version", "4.0"}, "--vcard-version is for --format vcf"},
	} {
		code, out, errs := cli(db, tt.args...)
		if code != 2 || out != "" || !strings.Contains(errs, tt.says) || !strings.Contains(errs, "Run 'tether export --help'") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, out, errs)
		}
	}
	code, out, _ := runCLI("export", "--help")
	if code != 0 || !strings.Contains(out, "\n  --vcard-version VERSION ") || !strings.Contains(out, "(default 3.0)") {
		t.Errorf("export --help: exit %d\n%s", code, out)
	}
}

// An import of a phone's cards names, card by card, what Tether has no
// place for; a dry run says the same; cards of people already there add
// nothing, so nothing of them is named.
func TestImportVCardReportsWhatItDoesNotKeep(t *testing.T) {
	t.Parallel()
	db := journal(t)
	data, err := os.ReadFile(filepath.Join("..", "model", "journalfile", "testdata", "vcard", "ios-3.0.vcf"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "iphone.vcf")
	journaltest.WriteFile(t, file, string(data))
	report := "3 contacts.\n" +
		"  Not kept, as Tether has no place for it:\n" +
		"    Kenji Nakamura: 2 phonetic names (X-PHONETIC-FIRST-NAME, X-PHONETIC-LAST-NAME), job title (TITLE), " +
		"address (ADR), web address (URL), date (X-ABDATE), related person (X-ABRELATEDNAMES), " +
		"social profile (X-SOCIALPROFILE), messaging address (IMPP) and photo (PHOTO)\n" +
		"    Samaritans: web address (URL)\n"
	code, out, errs := cli(db, "import", "--dry-run", file)
	if code != 0 || out != "Would import "+report+"Dry run: nothing was written.\n" || errs != "" {
		t.Fatalf("dry run: exit %d, stdout:\n%s\nstderr %q", code, out, errs)
	}
	code, out, errs = cli(db, "import", file)
	if code != 0 || out != "Imported "+report || errs != "" {
		t.Fatalf("import: exit %d, stdout:\n%s\nstderr %q", code, out, errs)
	}
	list := mustCLI(t, db, "contact", "list", "--json")
	for _, want := range []string{`"birthday": "1979-11-30"`, `"birthday": "04-02"`, `"circle": "peer"`, `"circle": "family"`} {
		if !strings.Contains(list, want) {
			t.Errorf("contact list --json lacks %s:\n%s", want, list)
		}
	}
	code, out, _ = cli(db, "import", file)
	if code != 0 || strings.Contains(out, "Not kept") || !strings.HasPrefix(out, "Imported 0 contacts; skipped 3: 3 contacts.\n") {
		t.Fatalf("again: exit %d, stdout:\n%s", code, out)
	}
}
