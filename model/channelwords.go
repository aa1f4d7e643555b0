package model

import "strings"

// channelWords are the everyday words for each way of being in touch, beside
// its code and label: people write "phone", "whatsapp" or "coffee", not
// "call", "message" or "in-person". The order is the help's.
var channelWords = []struct {
	channel Channel
	words   []string
}{
	{ChannelCall, []string{"phone", "phone call", "voice call", "ring", "rang", "called"}},
	{ChannelText, []string{"sms", "txt", "texted", "text message", "imessage", "mms"}},
	{ChannelInPerson, []string{"face to face", "f2f", "irl", "met", "visit", "visited", "coffee", "walk"}},
	{ChannelMeeting, []string{"group", "support group", "group meeting"}},
	{ChannelVideo, []string{"video call", "videocall", "zoom", "facetime", "skype", "teams"}},
	{ChannelMessage, []string{"whatsapp", "signal", "telegram", "messenger", "dm", "chat", "email"}},
	{ChannelOther, nil},
}

// channelKeys maps every word ParseChannel takes, as channelKey writes it,
// to its channel.
var channelKeys = func() map[string]Channel {
	keys := map[string]Channel{}
	for _, cw := range channelWords {
		keys[channelKey(string(cw.channel))] = cw.channel
		keys[channelKey(cw.channel.Label())] = cw.channel
		for _, w := range cw.words {
			keys[channelKey(w)] = cw.channel
		}
	}
	return keys
}()

// channelKey is a channel word with case, accents, spaces, hyphens, dots
// and underscores left out, so "In person", "in_person", "face-to-face"
// and "E-mail" read as they were meant.
func channelKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '_', '.':
			return -1
		}
		return r
	}, Fold(s))
}

// ParseChannel reads a way of being in touch as a person types it: a
// channel's code ("in-person") or label ("In person"), or an everyday word
// for it ("phone", "sms", "whatsapp", "zoom", "coffee"; ChannelWords lists
// them), ignoring case and accents. ok is false for anything else, blank
// text included.
func ParseChannel(s string) (c Channel, ok bool) {
	c, ok = channelKeys[channelKey(s)]
	return c, ok
}

// ChannelWords are the everyday words ParseChannel takes for c, besides
// its code and label.
func ChannelWords(c Channel) []string {
	for _, cw := range channelWords {
		if cw.channel == c {
			return cw.words
		}
	}
	return nil
}
