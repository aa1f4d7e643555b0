package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestContactAddWarnsOfALookAlike: a second "maria" beside "Maria" cannot
// be told apart on a screen, so adding one says so (and still adds).
func TestContactAddWarnsOfALookAlike(t *testing.T) {
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "Maria")
	code, out, errs := cli(db, "contact", "add", "--name", "MARIA")
	if code != 0 || !strings.Contains(out, "Added MARIA") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if !strings.Contains(errs, "There is already someone named Maria.") {
		t.Errorf("no look-alike warning: %q", errs)
	}
	_, _, errs = cli(db, "contact", "add", "--name", "Mario")
	if errs != "" {
		t.Errorf("a different name warned: %q", errs)
	}
	code, _, errs = cli(db, "contact", "add", "--name", "Ma\u200bria")
	if code == 0 || !strings.Contains(errs, "invisible character") {
		t.Errorf("a zero-width space in a name: exit %d, %q", code, errs)
	}
}

// TestImportNamesLookAlikes: a card for "MARIA" (or "Ma‹zero-width›ria")
// beside the journal's Maria, with another phone, is a second person who
// looks the same; the report says so. The same person (same name and
// phone) is skipped and not named.
func TestImportNamesLookAlikes(t *testing.T) {
	db := journal(t)
	mustCLI(t, db, "contact", "add", "--name", "Maria", "--phone", "+1 555 0100")
	file := filepath.Join(t.TempDir(), "phone.vcf")
	card := func(name, tel string) string {
		return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name + "\r\nTEL:" + tel + "\r\nEND:VCARD\r\n"
	}
	if err := os.WriteFile(file, []byte(card("MARIA", "+1 555 0199")+card("Ma\u200bria", "+1 555 0142")+card("Maria", "+1 555 0100")+card("Sam", "+1 555 0111")), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustCLI(t, db, "import", file)
	for _, want := range []string{"Looks like someone you have: Maria (as MARIA in the file)", "Looks like someone you have: Maria (as Maria in the file)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Looks like"); n != 2 || strings.Contains(out, "as Sam") {
		t.Errorf("%d look-alikes named, want 2 (MARIA, the zero-width Maria):\n%s", n, out)
	}
}
