package reader

import (
	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/script"
	"dubao/issue/search"
)

// scriptMode is what the reader's key switches between: the text as
// written (原文), in Simplified (简), in Traditional (繁).
type scriptMode uint8

const (
	modeSource scriptMode = iota
	modeSimplified
	modeTraditional
)

// scriptView is how the reader shows the issue's text (繁简): the setting
// it started with, the mode, the converter of the mode (nil: as written),
// the issue's script (and region) once told, and the articles' text as
// shown.
type scriptView struct {
	setting script.Conversion // Env.Script, until the key changes it
	mode    scriptMode
	conv    *script.Converter
	counts  script.Counts // the issue's characters, which tell its script
	told    bool          // counts are known
	shown   map[int]*shownArticle
}

// shownArticle is an article as shown: its pieces converted, with the maps
// from the source's pieces, and its title and kicker for the list.
type shownArticle struct {
	pieces   []issue.Piece
	maps     []script.Mapped
	headline string
	kicker   string
}

// scriptDetectedMsg carries the script of an issue, told in the
// background.
type scriptDetectedMsg struct {
	is     *issue.Issue
	counts script.Counts
}

// initScript sets the script the issue is shown in from Env.Script: an
// automatic setting is resolved by the issue's script (told now: the
// setting asks for it).
func (r *Page) initScript() {
	sv := &r.script
	sv.setting = r.env.Script
	c := sv.setting
	if c.Auto() {
		r.issueScript()
		c = c.ResolveCounts(sv.counts)
	}
	sv.mode = modeOf(c)
	r.setConverter(c)
}

// modeOf returns the mode that shows text converted by c.
func modeOf(c script.Conversion) scriptMode {
	switch c.Target() {
	case script.Simplified:
		return modeSimplified
	case script.Traditional:
		return modeTraditional
	}
	return modeSource
}

// setConverter loads the converter of c (nil for none) and drops what was
// shown with the one before. A conversion that cannot be loaded (the
// dictionaries are built into dubao, so never) shows the text as written
// and says why.
func (r *Page) setConverter(c script.Conversion) {
	sv := &r.script
	cv, err := script.Load(c)
	if err != nil {
		r.note.Fail("繁简转换不可用：" + err.Error())
		cv = nil
	}
	sv.conv = cv
	sv.shown = nil
}

// issueScript returns the script of the issue, telling it now if the
// background has not yet.
func (r *Page) issueScript() script.Script {
	sv := &r.script
	if !sv.told {
		sv.counts, sv.told = script.CountIssue(r.is), true
	}
	return sv.counts.Script()
}

// detectScript tells the issue's script in the background, for the status
// line, when nothing has told it yet.
func (r *Page) detectScript() tea.Cmd {
	if r.script.told {
		return nil
	}
	is := r.is
	return func() tea.Msg { return scriptDetectedMsg{is: is, counts: script.CountIssue(is)} }
}

// scriptDetected takes the script told in the background.
func (r *Page) scriptDetected(msg scriptDetectedMsg) {
	if msg.is == r.is && !r.script.told {
		r.script.counts, r.script.told = msg.counts, true
	}
}

// Script returns how the text is shown, for the next issue: the setting
// the reader started with until the key changed it, then the conversion
// the key chose.
func (r *Page) Script() script.Conversion { return r.script.setting }

// switchScript turns the mode: 原文 → 简 → 繁 → 原文. 简 converts with the
// configured conversion when it is one to Simplified (tw2sp, hk2s), else
// the one of the forms the issue uses (hk2s, tw2s, or t2s); 繁 likewise (s2hk, s2twp…), else s2t. An issue already in the
// mode's script is shown as written. The place in the article is kept: the
// layout's positions are the source's.
func (r *Page) switchScript() {
	sv := &r.script
	sv.mode = (sv.mode + 1) % 3
	c := script.None
	switch sv.mode {
	case modeSimplified:
		r.issueScript()
		c = pick(r.env.Script, script.Simplified, sv.counts.ToSimplified())
	case modeTraditional:
		c = pick(r.env.Script, script.Traditional, script.S2T)
	}
	sv.setting = c
	shown := c
	is := r.issueScript()
	if c.Target() == is && is != script.Unknown {
		shown = script.None // already in that script
	}
	r.setConverter(shown)
	r.relayout()
	r.note.Set(r.scriptNote(c, shown))
}

// pick returns the configured conversion when it is a fixed one to the
// script want, else def.
func pick(configured script.Conversion, want script.Script, def script.Conversion) script.Conversion {
	if !configured.Auto() && configured.Target() == want {
		return configured
	}
	return def
}

// scriptNote says what the key did.
func (r *Page) scriptNote(c, shown script.Conversion) string {
	switch {
	case c == script.None:
		return "显示原文"
	case shown == script.None && c.Target() == script.Simplified:
		return "显示简体(本期原是简体)"
	case shown == script.None:
		return "显示繁体(本期原是繁体)"
	case c.Target() == script.Simplified:
		return "显示简体(" + string(c) + ")"
	}
	return "显示繁体(" + string(c) + ")"
}

// scriptStatus is the status line's mark of the script: the issue's (繁,
// 简, 混 once told) and, when the mode is not 原文, the one shown (繁→简).
func (r *Page) scriptStatus() string {
	sv := &r.script
	mark := ""
	if sv.told {
		mark = sv.counts.Script().String()
	}
	switch sv.mode {
	case modeSimplified:
		return mark + "→简"
	case modeTraditional:
		return mark + "→繁"
	}
	return mark
}

// convert returns text as shown.
func (r *Page) convert(text string) string { return r.displayConv().Convert(text) }

// displayConv is the conversion of the text shown on the screen: the
// script's, then full-width punctuation when it is set (Env.FullWidthPunct);
// nil for the text as written. What leaves the reader (| and y) has the
// script's conversion only.
func (r *Page) displayConv() *script.Converter {
	if r.env.FullWidthPunct {
		return r.script.conv.WithFullWidthPunct()
	}
	return r.script.conv
}

// shownArticle returns article i as shown (nil when it is shown as
// written), converting it the first time.
func (r *Page) shownArticle(i int) *shownArticle {
	sv := &r.script
	conv := r.displayConv()
	if conv == nil || i < 0 || i >= len(r.arts) {
		return nil
	}
	if s, ok := sv.shown[i]; ok {
		return s
	}
	a, pieces, maps := r.env.Rnd.Converted(r.arts[i], conv) // shared with the article's layouts
	s := &shownArticle{pieces: pieces, maps: maps, headline: a.Headline(), kicker: a.Kicker}
	if sv.shown == nil {
		sv.shown = map[int]*shownArticle{}
	}
	sv.shown[i] = s
	return s
}

// headline returns the title of article i as shown in the list.
func (r *Page) headline(i int) string {
	if s := r.shownArticle(i); s != nil {
		return s.headline
	}
	return r.arts[i].Headline()
}

// kicker returns the kicker of article i as shown in the list.
func (r *Page) kicker(i int) string {
	if s := r.shownArticle(i); s != nil {
		return s.kicker
	}
	return r.arts[i].Kicker
}

// shownMatch returns the pieces of article i as shown and the match m (in
// the source's coordinates) in them.
func (r *Page) shownMatch(i int, ps []issue.Piece, m search.Match) ([]issue.Piece, search.Match) {
	s := r.shownArticle(i)
	if s == nil || m.Piece < 0 || m.Piece >= len(s.maps) {
		return ps, m
	}
	mp := &s.maps[m.Piece]
	if m.Start >= 0 && m.Start <= m.End && m.End <= len(mp.Source) {
		m.Start, m.End = mp.TextRange(m.Start, m.End)
	}
	return s.pieces, m
}
