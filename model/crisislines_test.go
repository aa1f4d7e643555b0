package model

import (
	"reflect"
	"strings"
	"testing"
)

// crisisLinesChecked is the last day the table was checked against its
// sources; no entry can have been verified after it.
var crisisLinesChecked = day(2026, 12, 4)

func TestCrisisLinesOneEmergencyNumberPerRegion(t *testing.T) {
	// Each was confirmed on the official page in its entry's Source.
	want := map[string]string{"AU": "000", "CA": "911", "GB": "999", "IE": "112", "NZ": "111", "US": "911"}
	for _, r := range Regions {
		var numbers []string
		for _, l := range LinesFor(r.Code) {
			if l.Kind == LineEmergency {
				numbers = append(numbers, l.Number)
			}
		}
		if len(numbers) != 1 {
			t.Errorf("%s has %d emergency numbers %q, want exactly one", r.Code, len(numbers), numbers)
			continue
		}
		if w, ok := want[r.Code]; ok && numbers[0] != w {
			t.Errorf("%s emergency number = %q, want %q", r.Code, numbers[0], w)
		}
	}
}

func TestCrisisLinesEntriesComplete(t *testing.T) {
	regions := map[string]bool{}
	for _, r := range Regions {
		regions[r.Code] = true
	}
	for i, l := range CrisisLines {
		what := l.Region + " " + l.Label
		if !regions[l.Region] {
			t.Errorf("%d %s: region is not in Regions", i, what)
		}
		switch l.Kind {
		case LineCrisis, LineSubstanceUse, LineEmergency:
		default:
			t.Errorf("%d %s: unknown kind %d", i, what, l.Kind)
		}
		if strings.TrimSpace(l.Label) == "" {
			t.Errorf("%d (%s): no label", i, l.Region)
		}
		if strings.TrimSpace(l.Number) == "" && strings.TrimSpace(l.Text) == "" {
			t.Errorf("%d %s: neither a number nor a way to text", i, what)
		}
		if l.Kind == LineEmergency && strings.TrimSpace(l.Number) == "" {
			t.Errorf("%d %s: an emergency number needs a number to call", i, what)
		}
		if msg := PhoneProblem(l.Number); msg != "" {
			t.Errorf("%d %s: number %q: %s", i, what, l.Number, msg)
		}
		if strings.TrimSpace(l.Hours) == "" {
			t.Errorf("%d %s: no hours", i, what)
		}
		if l.Verified.IsZero() || !realDay(l.Verified) || l.Verified.After(crisisLinesChecked) {
			t.Errorf("%d %s: verified %v, want a real day no later than %v", i, what, l.Verified, crisisLinesChecked)
		}
		if !strings.HasPrefix(l.Source, "https://") || len(l.Source) <= len("https://") {
			t.Errorf("%d %s: source %q is not an https page", i, what, l.Source)
		}
	}
}

func TestCrisisLinesNoRepeatedNumberAndKind(t *testing.T) {
	type key struct {
		region, number string
		kind           LineKind
	}
	seen := map[key]string{}
	for _, l := range CrisisLines {
		if l.Number == "" {
			continue
		}
		k := key{l.Region, l.Number, l.Kind}
		if prev, ok := seen[k]; ok {
			t.Errorf("%s: %q and %q share the number %s and kind %d", l.Region, prev, l.Label, l.Number, l.Kind)
		}
		seen[k] = l.Label
	}
}

func TestCrisisLinesOrderWithinRegion(t *testing.T) {
	for _, r := range Regions {
		lines := LinesFor(r.Code)
		if len(lines) == 0 {
			continue
		}
		if lines[0].Kind != LineCrisis {
			t.Errorf("%s: the first line %q is not a crisis line", r.Code, lines[0].Label)
		}
		for i := 1; i < len(lines); i++ {
			if lines[i].Kind < lines[i-1].Kind {
				t.Errorf("%s: %q (kind %d) comes after %q (kind %d); want crisis, then substance use, then emergency",
					r.Code, lines[i].Label, lines[i].Kind, lines[i-1].Label, lines[i-1].Kind)
			}
		}
	}
}

func TestLinesForKeepsTableOrder(t *testing.T) {
	for _, r := range Regions {
		var want []CrisisLine
		for _, l := range CrisisLines {
			if l.Region == r.Code {
				want = append(want, l)
			}
		}
		for _, code := range []string{r.Code, strings.ToLower(r.Code), " " + r.Code + " "} {
			if got := LinesFor(code); !reflect.DeepEqual(got, want) {
				t.Errorf("LinesFor(%q) = %+v, want the table's %s lines in order %+v", code, got, r.Code, want)
			}
		}
		got := LinesFor(r.Code)
		if len(got) == 0 {
			continue
		}
		before := got[0].Number
		got[0].Number = "changed"
		if LinesFor(r.Code)[0].Number != before {
			t.Errorf("LinesFor(%q) hands out the table itself", r.Code)
		}
	}
	if got := LinesFor("XX"); got != nil {
		t.Errorf("LinesFor(\"XX\") = %+v, want nil", got)
	}
}
