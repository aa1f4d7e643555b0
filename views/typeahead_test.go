package views

import (
	"strings"
	"testing"

	"github.com/tether-recovery/tether/model"
)

// Every choice field chooses by typing the start of an option, in the
// list's order, never by cycling from the current value.
func TestChoiceTypeAhead(t *testing.T) {
	circles := optionsOf(model.Circles)
	for _, tt := range []struct {
		name string
		opts []option
		from string // the value before typing
		keys []string
		want string
	}{
		{"f is fellowship, whatever was chosen", circles, "faith", []string{"f"}, "Fellowship"},
		{"fa is family", circles, "other", []string{"f", "a"}, "Family"},
		{"fai is faith", circles, "other", []string{"f", "a", "i"}, "Faith"},
		{"fr is friend", circles, "family", []string{"f", "r"}, "Friend"},
		{"h is healthcare, not hobby", circles, "other", []string{"h"}, "Healthcare"},
		{"a letter nothing starts with changes nothing", circles, "peer", []string{"z"}, "Peer"},
		{"u from Canada is United Kingdom, the first", regionOptions(), "CA", []string{"u"}, "United Kingdom"},
		{"un", regionOptions(), "CA", []string{"u", "n"}, "United Kingdom"},
		{"united s", regionOptions(), "", []string{"u", "n", "i", "t", "e", "d", "space", "s"}, "United States"},
		{"a pasted burst is text", regionOptions(), "", []string{"united s"}, "United States"},
		{"u then c starts again: Canada", regionOptions(), "", []string{"u", "c"}, "Canada"},
		{"backspace takes back a letter", regionOptions(), "", []string{"u", "n", "i", "t", "e", "d", "space", "s", "backspace"}, "United Kingdom"},
		{"N of Not chosen", regionOptions(), "US", []string{"N", "o", "t"}, "Not chosen (show a directory of helplines)"},
		{"y is yes", yesNoOptions(), "", []string{"y"}, "Yes"},
		{"n is no", yesNoOptions(), "yes", []string{"n"}, "No"},
		{"i s is I supported them", optionsOf(model.Directions), "mine", []string{"i", "space", "s"}, "I supported them"},
		{"space alone still steps on", optionsOf(model.Directions), "mine", []string{"space"}, "They reached out"},
		{"→ steps on", circles, "fellowship", []string{"right"}, "Sponsor"},
		{"backspace clears to not answered", yesNoOptions(), "yes", []string{"backspace"}, "–"},
		{"delete clears too", yesNoOptions(), "no", []string{"delete"}, "–"},
		{"backspace after the letters are gone clears", yesNoOptions(), "no", []string{"y", "backspace", "backspace"}, "–"},
		{"a question without silence clears to its first", optionsOf(model.Directions), "theirs", []string{"backspace"}, "I reached out"},
	} {
		fl := choiceField("k", "K", "", tt.opts, tt.from)
		for _, k := range tt.keys {
			if len([]rune(k)) > 1 && k != "space" && k != "backspace" && k != "delete" && k != "right" {
				fl.updateChoice(textKey(k))
				continue
			}
			fl.updateChoice(keyMsg(k))
		}
		if got := fl.options[fl.choice].label; !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: chose %q, want %q", tt.name, got, tt.want)
		}
	}
}
