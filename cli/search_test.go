package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/store"
)

func TestSearchPrintsThePlacesByKind(t *testing.T) {
	t.Parallel()
	db := journal(t)
	withStore(t, db, func(st *store.Store) {
		ctx := context.Background()
		c, err := st.SaveContact(ctx, model.Contact{Name: "José Álvarez", Notes: "Has a dog called Biscuit"})
		if err != nil {
			t.Fatal(err)
		}
		at := model.DateOf(testNow).AddDays(-2).Time().Add(12 * time.Hour)
		if _, err := st.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: at, Channel: model.ChannelCall, Direction: model.DirectionMine, Note: "Walked Biscuit together"}); err != nil {
			t.Fatal(err)
		}
	})
	code, out, errs := cli(db, "search", "BISC")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"People\n  José Álvarez — Has a dog called [Biscuit]\n", "Reach-outs\n  ", "José Álvarez — Walked [Biscuit] together\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("search lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "People") > strings.Index(out, "Reach-outs") {
		t.Errorf("people should come first:\n%s", out)
	}
	code, out, _ = cli(db, "search", "jose", "--json")
	var hits []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits) != 1 || hits[0]["kind"] != "contact" {
		t.Errorf("--json: exit %d, %s", code, out)
	}
	if code, out, _ = cli(db, "search", "nothing-like-this"); code != 0 || !strings.Contains(out, "Nothing found") {
		t.Errorf("nothing found: exit %d, %q", code, out)
	}
	if code, _, errs = cli(db, "search", "--", "***"); code == 0 || !strings.Contains(errs, "say what to look for") {
		t.Errorf("nothing to look for: exit %d, %q", code, errs)
	}
}
