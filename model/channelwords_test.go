package model

import (
	"slices"
	"testing"
)

func TestParseChannelTakesCodesLabelsAndEverydayWords(t *testing.T) {
	for _, c := range LogChannels {
		for _, s := range []string{string(c), c.Label(), " " + c.Label() + " "} {
			if got, ok := ParseChannel(s); !ok || got != c {
				t.Errorf("ParseChannel(%q) = %q, %v; want %q", s, got, ok, c)
			}
		}
		// Every word the help lists reads as its own channel: a word
		// listed under two channels would fail here for one of them.
		for _, w := range ChannelWords(c) {
			if got, ok := ParseChannel(w); !ok || got != c {
				t.Errorf("ParseChannel(%q) = %q, %v; want %q", w, got, ok, c)
			}
		}
	}
	for s, want := range map[string]Channel{
		"phone": ChannelCall, "RING": ChannelCall, "Called": ChannelCall,
		"SMS": ChannelText, "txt": ChannelText, "texted": ChannelText, "iMessage": ChannelText,
		"WhatsApp": ChannelMessage, "signal": ChannelMessage, "Telegram": ChannelMessage, "DM": ChannelMessage,
		"chat": ChannelMessage, "messenger": ChannelMessage, "e-mail": ChannelMessage,
		"Zoom": ChannelVideo, "FaceTime": ChannelVideo, "video call": ChannelVideo, "videocall": ChannelVideo, "Video-Call": ChannelVideo,
		"in person": ChannelInPerson, "inperson": ChannelInPerson, "in_person": ChannelInPerson, "IN-PERSON": ChannelInPerson,
		"face to face": ChannelInPerson, "face-to-face": ChannelInPerson, "met": ChannelInPerson, "visit": ChannelInPerson,
		"coffee": ChannelInPerson, "meeting": ChannelMeeting, "Group": ChannelMeeting, "other": ChannelOther,
	} {
		if got, ok := ParseChannel(s); !ok || got != want {
			t.Errorf("ParseChannel(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "  ", "pigeon", "no preference", "phone phone", "c", "-"} {
		if got, ok := ParseChannel(s); ok {
			t.Errorf("ParseChannel(%q) = %q, want no channel", s, got)
		}
	}
}

// FuzzParseChannel: whatever is typed, a channel it reads is one a
// reach-out can be logged with, and reads back as itself.
func FuzzParseChannel(f *testing.F) {
	for _, s := range []string{"call", "In person", "face-to-face", "WhatsApp", "ＣＡＬＬ", "Zoë", "\x00", "in\u00adperson"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := ParseChannel(s)
		if !ok {
			return
		}
		if !slices.Contains(LogChannels, c) {
			t.Fatalf("ParseChannel(%q) = %q, not a channel a reach-out takes", s, c)
		}
		if back, ok := ParseChannel(string(c)); !ok || back != c {
			t.Fatalf("ParseChannel(%q) = %q, which reads back as %q, %v", s, c, back, ok)
		}
	})
}
