package journalfile

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
)

// TestVCardNotKept: every property Tether has no place for is named, in
// words, once per kind and in the order of the card; what only says how
// the card was made is not, nor is what is kept.
func TestVCardNotKept(t *testing.T) {
	long := "X-" + strings.Repeat("A", 60)
	tests := []struct {
		name  string
		props string
		want  []string
	}{
		{"nothing lost", "FN:Sam Lee\r\nN:Lee;Sam;;;\r\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\nUID:1\r\nREV:2024\r\nKIND:individual\r\n" +
			"X-ABShowAs:PERSON\r\nCATEGORIES:myContacts\r\nCLASS:PUBLIC\r\nSORT-STRING:Lee\r\nSOURCE:https://example.org/sam.vcf\r\n", nil},
		{"an address and its label", "FN:Sam\r\nitem1.ADR:;;1 High St;London;;;\r\nitem1.X-ABLabel:_$!<Home>!$_\r\nitem1.X-ABADR:gb\r\n",
			[]string{"address (ADR)"}},
		{"kinds counted, in card order", "FN:Sam\r\nPHOTO:a\r\nURL:https://a.example\r\nPHOTO:b\r\nX-1:a\r\nX-2:b\r\nX-1:c\r\n",
			[]string{"2 photos (PHOTO)", "web address (URL)", "3 other fields (X-1, X-2)"}},
		{"a second of what a contact holds one of", "FN:Sam\r\nFN:sam\r\nFN:Samuel\r\nORG:Clinic\r\nORG:Ward\r\nBDAY:--0101\r\nBDAY:--0101\r\nBDAY:--0202\r\n" +
			"ANNIVERSARY:20140115\r\nX-ANNIVERSARY:2015-01-15\r\n",
			[]string{"another name (FN)", "another organisation (ORG)", "another birthday (BDAY)", "another anniversary (X-ANNIVERSARY)"}},
		{"a title in N the name lacks", "FN:Sam Lee\r\nN:Lee;Sam;;Dr.;\r\n", []string{"part of the name (N)"}},
		{"N of another name", "FN:Mum\r\nN:Lima;Ana;;;\r\n", []string{"part of the name (N)"}},
		{"N in another order is held", "FN:Lee Sam\r\nN:Lee;Sam;;;\r\n", nil},
		{"Android's nickname is kept, its relation is not", "FN:Sam\r\nX-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Sammy;1;;;\r\n" +
			"X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Maria;14;;;\r\nRELATED:urn:uuid:1\r\nX-ANDROID-CUSTOM:vnd.com.whatsapp.profile;1\r\n",
			[]string{"2 related people (X-ANDROID-CUSTOM, RELATED)", "other field (X-ANDROID-CUSTOM)"}},
		{"many names of one kind", "FN:Sam\r\nX-1:a\r\nX-2:a\r\nX-3:a\r\nX-4:a\r\nX-5:a\r\nX-6:a\r\nX-7:a\r\nX-1:b\r\n",
			[]string{"8 other fields (X-1, X-2, X-3, X-4, X-5 and 2 more)"}},
		{"a long name is cut", "FN:Sam\r\n" + long + ":x\r\n", []string{"other field (X-" + strings.Repeat("A", 37) + "…)"}},
	}
	for _, tt := range tests {
		r, err := ParseVCards([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\n" + tt.props + "END:VCARD\r\n"))
		if err != nil || len(r.Contacts) != 1 {
			t.Fatalf("%s: %+v, %v", tt.name, r, err)
		}
		if !reflect.DeepEqual(r.NotKept[0], tt.want) {
			t.Errorf("%s: not kept %q; want %q", tt.name, r.NotKept[0], tt.want)
		}
	}
	// What was kept of the card with seconds: the first of each.
	r, _ := ParseVCards([]byte("BEGIN:VCARD\r\nFN:Sam\r\nFN:Samuel\r\nORG:Clinic\r\nORG:Ward\r\nBDAY:--0101\r\nBDAY:--0202\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Sammy;1;;;\r\nEND:VCARD\r\n"))
	want := imported(model.Contact{Name: "Sam", Nickname: "Sammy", Group: "Clinic", Birthday: model.Birthday{Month: time.January, Day: 1}})
	if !reflect.DeepEqual(r.Contacts, []model.Contact{want}) {
		t.Errorf("kept %+v", r.Contacts)
	}
}
