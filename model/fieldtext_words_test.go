package model

import "testing"

func TestInSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Call":                 "call",
		"In person":            "in person",
		"I supported them":     "I supported them",
		"I reached out":        "I reached out",
		"They reached out":     "they reached out",
		"BARC-10 recovery":     "BARC-10 recovery",
		"MSPSS perceived":      "MSPSS perceived",
		"":                     "",
		"Émotions":             "émotions",
		"already lower":        "already lower",
		"A":                    "A",
		"Supports my recovery": "supports my recovery",
	} {
		if got := InSentence(in); got != want {
			t.Errorf("InSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReachOutWith(t *testing.T) {
	for _, tt := range []struct {
		ch         Channel
		name, want string
	}{
		{ChannelCall, "Maria Santos", "call with Maria Santos"},
		{ChannelInPerson, "Sam", "visit with Sam"},
		{ChannelMeeting, "Tuesday night meeting", "Tuesday night meeting"},
		{ChannelMeeting, "Men's Group (Thursdays)", "Men's Group (Thursdays)"},
		{ChannelMeeting, "Night owls", "meeting with Night owls"},
		{ChannelText, "Tuesday night meeting", "text with Tuesday night meeting"},
		{ChannelVideo, "Ana", "video call with Ana"},
		{ChannelOther, "Ana", "reach-out with Ana"},
	} {
		if got := ReachOutWith(tt.ch, tt.name); got != tt.want {
			t.Errorf("ReachOutWith(%s, %q) = %q, want %q", tt.ch, tt.name, got, tt.want)
		}
	}
}
