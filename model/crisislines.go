package model

import (
	"strings"
	"time"
)

// Region is a place whose crisis lines are bundled, chosen by the person and
// never guessed.
type Region struct {
	Code string // e.g. "US", "GB"
	Name string
}

// LineKind says what a bundled line is for, and so where the card puts it.
type LineKind int

const (
	// LineCrisis is a crisis or suicide line: the card's first screen.
	LineCrisis LineKind = iota
	// LineSubstanceUse is a helpline for alcohol and drug use.
	LineSubstanceUse
	// LineEmergency is the region's emergency number (police, ambulance,
	// fire): on the card's first screen beside the crisis line.
	LineEmergency
)

// CrisisLine is one bundled crisis line. Nothing is ever dialled or sent.
type CrisisLine struct {
	Region   string
	Kind     LineKind
	Label    string
	Number   string // to call, as written locally; "" if text only
	Text     string // how to text, e.g. "Text HOME to 741741"; "" if none
	Hours    string // e.g. "24/7"
	Verified Date   // when it was checked against Source
	Source   string // the official page it was checked against
}

// Regions lists the regions with bundled lines, by name.
var Regions = []Region{
	{"AU", "Australia"},
	{"CA", "Canada"},
	{"IE", "Ireland"},
	{"NZ", "New Zealand"},
	{"GB", "United Kingdom"},
	{"US", "United States"},
}

// CrisisLines is the bundled table.
//
// Each region's lines come in this order: its crisis lines, then its
// alcohol and drug helplines, then its emergency number (one per region).
//
// Every entry was checked against the official page in Source; Verified is
// the date that page showed, or the day it was checked when it showed
// none. A line that could not be confirmed on an official page is left
// out, never guessed: the card then points to HelplineDirectory. That is
// why some regions have no alcohol and drug helpline here yet.
var CrisisLines = []CrisisLine{
	{Region: "AU", Label: "Lifeline", Number: "13 11 14", Hours: "24/7",
		Verified: Date{2026, time.November, 21}, Source: "https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/"},
	{Region: "AU", Kind: LineEmergency, Label: "Emergency services (Triple Zero)", Number: "000", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://www.triplezero.gov.au/triple-zero/other-emergency-numbers"},
	{Region: "CA", Label: "9-8-8: Suicide Crisis Helpline", Number: "988", Text: "Text 988", Hours: "24/7",
		Verified: Date{2023, time.November, 30}, Source: "https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html"},
	{Region: "CA", Kind: LineEmergency, Label: "Emergency services", Number: "911", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://crtc.gc.ca/eng/phone/911/can.htm"},
	{Region: "GB", Label: "Samaritans", Number: "116 123", Hours: "24/7",
		Verified: Date{2026, time.November, 21}, Source: "https://www.samaritans.org/how-we-can-help/contact-samaritan/"},
	{Region: "GB", Label: "Shout", Text: "Text SHOUT to 85258", Hours: "24/7",
		Verified: Date{2024, time.November, 4}, Source: "https://giveusashout.org/about-us/faq/"},
	{Region: "GB", Kind: LineEmergency, Label: "Emergency services", Number: "999", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://youth.devon-cornwall.police.uk/young-people/crime-and-the-law/contacting-the-police"},
	{Region: "IE", Label: "Samaritans", Number: "116 123", Hours: "24/7",
		Verified: Date{2026, time.November, 21}, Source: "https://www.samaritans.org/how-we-can-help/contact-samaritan/"},
	{Region: "IE", Kind: LineEmergency, Label: "Emergency services (also 999)", Number: "112", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://www2.hse.ie/emergencies/when-to-call-112-or-999/"},
	{Region: "NZ", Label: "Need to talk? 1737", Number: "1737", Text: "Text 1737", Hours: "24/7",
		Verified: Date{2019, time.March, 17}, Source: "https://www.health.govt.nz/news-media/news-items/phone-counselling-service-busy-following-christchurch-tragedy"},
	{Region: "NZ", Kind: LineEmergency, Label: "Emergency services", Number: "111", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://www.govt.nz/browse/crime-and-justice/crimes-and-emergencies/111-emergency-service/"},
	{Region: "US", Label: "988 Suicide & Crisis Lifeline", Number: "988", Text: "Text 988", Hours: "24/7",
		Verified: Date{2026, time.November, 21}, Source: "https://www.samhsa.gov/find-help/988/faqs"},
	// Read through an archived copy of the official page (the page itself
	// is not reachable from here); the number and hours are its words.
	{Region: "US", Kind: LineSubstanceUse, Label: "SAMHSA's National Helpline", Number: "1-800-662-4357", Text: "Text your ZIP code to 435748", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://www.samhsa.gov/find-help/national-helpline"},
	{Region: "US", Kind: LineEmergency, Label: "Emergency services", Number: "911", Hours: "24/7",
		Verified: Date{2026, time.December, 4}, Source: "https://www.911.gov/911issues.html"},
}

// HelplineDirectory is where to look for any other region: an
// international directory, never a guessed number.
const HelplineDirectory = "https://findahelpline.com"

// LinesFor returns the bundled lines of a region; nil for a region without
// lines (the card then points to HelplineDirectory).
//
// The code is matched ignoring case and surrounding space. The result is a
// copy, in the table's order: the crisis lines first, then the alcohol and
// drug helplines, then the emergency number.
func LinesFor(region string) []CrisisLine {
	code := strings.ToUpper(strings.TrimSpace(region))
	if code == "" {
		return nil
	}
	var out []CrisisLine
	for _, l := range CrisisLines {
		if l.Region == code {
			out = append(out, l)
		}
	}
	return out
}

// RegionByCode finds a bundled region, ignoring case and surrounding space.
func RegionByCode(code string) (Region, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, r := range Regions {
		if r.Code == code {
			return r, true
		}
	}
	return Region{}, false
}
