package model

import "testing"

func TestCircles(t *testing.T) {
	if len(Circles) != 15 {
		t.Errorf("%d circles, the SPEC lists 15", len(Circles))
	}
	if len(Circles) != len(circleLabels) || len(Circles) != len(circleShort) {
		t.Errorf("Circles (%d), labels (%d) and short labels (%d) disagree",
			len(Circles), len(circleLabels), len(circleShort))
	}
	codes, labels, shorts := map[Circle]bool{}, map[string]Circle{}, map[string]Circle{}
	for _, c := range Circles {
		if c == "" {
			t.Error("a circle has an empty code")
		}
		if codes[c] {
			t.Errorf("circle %q listed twice", c)
		}
		codes[c] = true
		if !c.Valid() {
			t.Errorf("Circle(%q).Valid() = false", c)
		}
		l, s := c.Label(), c.Short()
		if l == "" || s == "" {
			t.Errorf("circle %q: label %q, short %q; both are needed", c, l, s)
		}
		if other, dup := labels[l]; dup {
			t.Errorf("circles %q and %q share the label %q", other, c, l)
		}
		if other, dup := shorts[s]; dup {
			t.Errorf("circles %q and %q share the short label %q", other, c, s)
		}
		labels[l], shorts[s] = c, c
		if c != CircleOther && (l == CircleOther.Label() || s == CircleOther.Short()) {
			t.Errorf("circle %q is labelled like Other", c)
		}
	}
	if Circles[len(Circles)-1] != CircleOther {
		t.Error("Other should be offered last")
	}
}

func TestCircleUnknown(t *testing.T) {
	for _, c := range []Circle{"", "sponsors", "Family", "enemy"} {
		if c.Valid() {
			t.Errorf("Circle(%q).Valid() = true", c)
		}
		if c.Label() != "Other" || c.Short() != "other" {
			t.Errorf("Circle(%q) labels %q/%q, want the Other labels", c, c.Label(), c.Short())
		}
	}
}

func TestStances(t *testing.T) {
	if len(Stances) != len(stanceLabels) {
		t.Errorf("Stances (%d) and labels (%d) disagree", len(Stances), len(stanceLabels))
	}
	seen := map[string]Stance{}
	for _, s := range Stances {
		if !s.Valid() {
			t.Errorf("Stance(%q).Valid() = false", s)
		}
		l := s.Label()
		if l == "" {
			t.Errorf("stance %q has no label", s)
		}
		if other, dup := seen[l]; dup {
			t.Errorf("stances %q and %q share the label %q", other, s, l)
		}
		seen[l] = s
	}
	for _, s := range []Stance{"", "maybe", "Supports"} {
		if s.Valid() {
			t.Errorf("Stance(%q).Valid() = true", s)
		}
		if s.Label() != "Not sure" {
			t.Errorf("Stance(%q).Label() = %q, want Not sure", s, s.Label())
		}
	}
	if StanceUnknown.Label() != "Not sure" {
		t.Errorf("StanceUnknown.Label() = %q", StanceUnknown.Label())
	}
}

func TestChannels(t *testing.T) {
	seen := map[string]Channel{}
	for _, c := range PreferredChannels {
		if !c.Valid() {
			t.Errorf("Channel(%q).Valid() = false", c)
		}
		l := c.Label()
		if l == "" {
			t.Errorf("channel %q has no label", c)
		}
		if other, dup := seen[l]; dup {
			t.Errorf("channels %q and %q share the label %q", other, c, l)
		}
		seen[l] = c
	}
	if PreferredChannels[0] != ChannelNone || ChannelNone.Label() != "No preference" {
		t.Error("the first preferred channel should be No preference")
	}
	// Every channel can be logged for a reach-out, including those nobody
	// "prefers".
	for _, c := range []Channel{ChannelCall, ChannelText, ChannelInPerson, ChannelMeeting, ChannelVideo, ChannelMessage, ChannelOther} {
		if !c.Valid() || c.Label() == "" {
			t.Errorf("channel %q: valid %v, label %q", c, c.Valid(), c.Label())
		}
	}
	for _, c := range []Channel{"pigeon", "Call", "phone"} {
		if c.Valid() {
			t.Errorf("Channel(%q).Valid() = true", c)
		}
		if c.Label() != "Other" {
			t.Errorf("Channel(%q).Label() = %q, want Other", c, c.Label())
		}
	}
}
