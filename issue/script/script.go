// Package script owns the script of Chinese text: telling Simplified from
// Traditional (Detect), converting one to the other with OpenCC's phrase
// dictionaries while keeping the map between the offsets of the source and
// of the converted text (Load, Converter, Mapped), and folding both
// scripts to one form for search (Fold). Article, ArticleMapped and Issue
// convert a copy of the model for display, DetectIssue tells an issue's
// script; the model itself is never changed (package issue does not
// import this one).
//
// The dictionaries come from github.com/longbridgeapp/opencc (embedded in
// the binary). They are built on first use, once per process: nothing
// here costs anything at start-up, and a run that converts and folds
// nothing never builds them.
package script

import (
	"fmt"
	"strings"
)

// Conversion names a conversion by its OpenCC name (s2t, t2s, …), or one
// of the two automatic settings (auto-s, auto-t). The zero value, None,
// converts nothing.
type Conversion string

// The conversions dubao offers.
const (
	None  Conversion = ""
	S2T   Conversion = "s2t"   // Simplified to Traditional (OpenCC's standard forms)
	T2S   Conversion = "t2s"   // Traditional to Simplified
	S2TW  Conversion = "s2tw"  // Simplified to Traditional, Taiwan's forms
	TW2S  Conversion = "tw2s"  // Traditional (Taiwan's forms) to Simplified
	S2HK  Conversion = "s2hk"  // Simplified to Traditional, Hong Kong's forms
	HK2S  Conversion = "hk2s"  // Traditional (Hong Kong's forms) to Simplified
	S2TWP Conversion = "s2twp" // Simplified to Taiwan's forms and vocabulary (软件 → 軟體)
	TW2SP Conversion = "tw2sp" // Taiwan's forms and vocabulary to Simplified (軟體 → 软件)
	// AutoS converts to Simplified (t2s) only text that is mostly
	// Traditional; AutoT converts to Traditional (s2t) only text that is
	// mostly Simplified.
	AutoS Conversion = "auto-s"
	AutoT Conversion = "auto-t"
)

// conversions lists the OpenCC conversions, in the order help gives them.
var conversions = [...]Conversion{S2T, T2S, S2TW, TW2S, S2HK, HK2S, S2TWP, TW2SP}

// Names returns the names Parse accepts (but "none"), for help texts.
func Names() []string {
	out := make([]string, 0, len(conversions)+2)
	for _, c := range conversions {
		out = append(out, string(c))
	}
	return append(out, string(AutoS), string(AutoT))
}

// Parse returns the conversion named s: an OpenCC name, auto-s, auto-t, or
// "" / "none" / "off" for no conversion. Case and spaces around it do not
// matter.
func Parse(s string) (Conversion, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	switch name {
	case "", "none", "off":
		return None, nil
	case string(AutoS), string(AutoT):
		return Conversion(name), nil
	}
	for _, c := range conversions {
		if string(c) == name {
			return c, nil
		}
	}
	return None, fmt.Errorf("unknown script conversion %q (want one of %s, or none)", s, strings.Join(Names(), ", "))
}

// Auto reports whether c is auto-s or auto-t.
func (c Conversion) Auto() bool { return c == AutoS || c == AutoT }

// Target returns the script c converts to: Simplified, Traditional, or
// Unknown for None.
func (c Conversion) Target() Script {
	switch c {
	case T2S, TW2S, HK2S, TW2SP, AutoS:
		return Simplified
	case S2T, S2TW, S2HK, S2TWP, AutoT:
		return Traditional
	}
	return Unknown
}

// Resolve returns the conversion to apply to a text in script s: c itself,
// except for auto-s (t2s for a Traditional text, else None) and auto-t
// (s2t for a Simplified text, else None).
func (c Conversion) Resolve(s Script) Conversion {
	switch c {
	case AutoS:
		if s == Traditional {
			return T2S
		}
		return None
	case AutoT:
		if s == Simplified {
			return S2T
		}
		return None
	}
	return c
}

// ResolveCounts is Resolve for a text counted in n: auto-s shows a
// Traditional text with the conversion of the region whose forms it uses
// (see Counts.ToSimplified).
func (c Conversion) ResolveCounts(n Counts) Conversion {
	if c == AutoS && n.Script() == Traditional {
		return n.ToSimplified()
	}
	return c.Resolve(n.Script())
}

// index returns c's place in conversions, or -1.
func (c Conversion) index() int {
	for i, x := range conversions {
		if x == c {
			return i
		}
	}
	return -1
}
