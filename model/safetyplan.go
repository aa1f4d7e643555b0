package model

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// SafetyPlan follows the six steps of the Stanley-Brown safety plan, in our
// own words. Each part is a short list of lines the person writes.
type SafetyPlan struct {
	WarningSigns  []string // my warning signs
	OnMyOwn       []string // what I can do on my own
	Distractions  []string // people and places that distract me
	AskForHelp    []string // people I can ask for help (beyond any-time contacts)
	Professionals []string // professionals and crisis lines I use
	SaferPlace    []string // making my surroundings safer

	// UpdatedAt is when the plan was last saved (zero for none yet, or a
	// plan saved before Tether kept it): the version a save replaces.
	UpdatedAt time.Time
}

// PlanPart names one part of the plan for editing and display.
type PlanPart struct {
	Key    string
	Title  string
	Prompt string // a gentle question that helps fill it in
}

// The keys of the plan's parts, as PlanParts, Lines and Set use them and
// as Validate's problems are keyed.
const (
	PlanWarningSigns  = "warning_signs"
	PlanOnMyOwn       = "on_my_own"
	PlanDistractions  = "distractions"
	PlanAskForHelp    = "ask_for_help"
	PlanProfessionals = "professionals"
	PlanSaferPlace    = "safer_place"
)

// PlanParts lists the six parts in the plan's order.
var PlanParts = []PlanPart{
	{PlanWarningSigns, "Warning signs",
		"What thoughts, feelings, places or situations tell you a hard moment may be coming?"},
	{PlanOnMyOwn, "Things I can do on my own",
		"What helps you ride it out by yourself for a while: a walk, music, a shower, breathing, a prayer?"},
	{PlanDistractions, "People and places that take my mind off it",
		"Who could you be with, or where could you go, to get out of your head for a bit?"},
	{PlanAskForHelp, "People I can ask for help",
		"Who could you tell that you are struggling? Your call-any-time people are on the card already."},
	{PlanProfessionals, "Professionals and crisis lines",
		"Which counsellor, doctor, clinic or crisis line could you contact? Your region's lines are on the card already."},
	{PlanSaferPlace, "Making my surroundings safer",
		"What could you put away, hand to someone you trust, or keep out of the house, so a hard moment stays safer?"},
}

// Limits of a safety plan: short lines, short lists, so the card stays
// readable when it matters.
const (
	MaxPlanLineLen = 200
	MaxPlanLines   = 20
)

// part points at the lines of a part by key; nil for an unknown key.
func (p *SafetyPlan) part(key string) *[]string {
	switch key {
	case PlanWarningSigns:
		return &p.WarningSigns
	case PlanOnMyOwn:
		return &p.OnMyOwn
	case PlanDistractions:
		return &p.Distractions
	case PlanAskForHelp:
		return &p.AskForHelp
	case PlanProfessionals:
		return &p.Professionals
	case PlanSaferPlace:
		return &p.SaferPlace
	}
	return nil
}

// Lines returns a part's lines by key; Set replaces them.
//
// An unknown key has no lines (nil). The result is a copy.
func (p SafetyPlan) Lines(key string) []string {
	if l := p.part(key); l != nil && len(*l) > 0 {
		return append([]string(nil), *l...)
	}
	return nil
}

// Set replaces a part's lines by key.
//
// An unknown key changes nothing. The plan keeps a copy of lines.
func (p *SafetyPlan) Set(key string, lines []string) {
	if l := p.part(key); l != nil {
		*l = append([]string(nil), lines...)
	}
}

// Empty reports whether nothing has been written in any part.
//
// Lines of blank space count as nothing.
func (p SafetyPlan) Empty() bool {
	for _, part := range PlanParts {
		for _, l := range p.Lines(part.Key) {
			if strings.TrimSpace(l) != "" {
				return false
			}
		}
	}
	return true
}

// Normalize trims lines and drops empty ones.
//
// A line holding line breaks (a paste) becomes one line per break; tabs
// become spaces; escape sequences, control characters and bidirectional
// overrides go (the card prints these lines to a terminal); and blank
// space around each line goes. A part left with nothing is nil. A line
// too long stays as it is, for Validate to point out.
func (p SafetyPlan) Normalize() SafetyPlan {
	var out SafetyPlan
	for _, part := range PlanParts {
		var lines []string
		for _, l := range p.Lines(part.Key) {
			for _, piece := range splitLines(l) {
				if piece = OneLine(piece); piece != "" {
					lines = append(lines, piece)
				}
			}
		}
		out.Set(part.Key, lines)
	}
	out.UpdatedAt = p.UpdatedAt
	return out
}

// splitLines splits text at every kind of line break.
func splitLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085' || r == '\v' || r == '\f'
	})
}

// Validate checks every line (length, control characters).
//
// A part with more than MaxPlanLines lines has its problem under the
// part's key; a line's problem is under the key and its index from 0,
// e.g. "warning_signs2", and says which line it is.
func (p SafetyPlan) Validate() Problems {
	pr := Problems{}
	for _, part := range PlanParts {
		lines := p.Lines(part.Key)
		if len(lines) > MaxPlanLines {
			pr[part.Key] = fmt.Sprintf("%s has %d lines; please keep it to %d, the ones that help most.", part.Title, len(lines), MaxPlanLines)
		}
		for i, l := range lines {
			if msg := TextProblem(l, MaxPlanLineLen, false); msg != "" {
				pr[fmt.Sprintf("%s%d", part.Key, i)] = fmt.Sprintf("%s, line %d: %s", part.Title, i+1, lowerFirst(msg))
			}
		}
	}
	return pr
}

// lowerFirst lowers the first letter, to continue a sentence with a
// message that could also stand alone.
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}
