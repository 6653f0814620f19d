package issue

import (
	"slices"
	"sort"
	"strings"
)

// stitch joins continuations to their articles. An article whose last
// paragraph ends with a jump to page P ((下转第三版)) is continued by the
// article on page P that opens with a jump back to the article's page
// ((上接第一版)) and carries the same title, a part of it, or none. The
// continuation's text is appended (its first paragraph joined to the last
// one when that breaks off mid-sentence), both jump lines are kept in
// Jumps marked Stitched with the place of the seam (see Jump), and the
// continuation stops being an article of its own. A continuation with its own kicker, subtitle or byline is left
// alone, so that no text is lost.
func stitch(is *Issue) {
	removed := map[ref]bool{}
	for s := range is.Sections {
		for a := range is.Sections[s].Articles {
			if removed[ref{s, a}] {
				continue
			}
			// Stitch as long as the article (with what was stitched on)
			// ends with a jump onwards: a continuation may continue too.
			for hops := 0; hops < len(is.Sections); hops++ {
				if _, ok := stitchNext(is, s, a, removed); !ok {
					break
				}
			}
		}
	}
	if len(removed) == 0 {
		return
	}
	secs := is.Sections[:0]
	for s := range is.Sections {
		if sec, keep := unstitched(is.Sections[s], s, removed); keep {
			secs = append(secs, sec)
		}
	}
	is.Sections = secs
}

// stitchNext appends to article a of section s the continuation its last
// jump line points to (see findContinuation), if there is one, and marks
// that removed. It returns the continuation. stitch and Stream's
// streamStitch stitch with it.
func stitchNext(is *Issue, s, a int, removed map[ref]bool) (ref, bool) {
	r, ok := findContinuation(is, s, a, removed)
	if !ok {
		return ref{}, false
	}
	appendContinuation(&is.Sections[s].Articles[a], &is.Sections[r.s].Articles[r.a])
	removed[r] = true
	return r, true
}

// unstitched returns section s, sec, without the articles stitched onto
// others (removed; a new slice of them when any is), and whether it stays
// once something was stitched: a page that held only continuations, and
// has no name, goes.
func unstitched(sec Section, s int, removed map[ref]bool) (Section, bool) {
	arts := sec.Articles[:0:0]
	for a, art := range sec.Articles {
		if !removed[ref{s, a}] {
			arts = append(arts, art)
		}
	}
	if len(arts) < len(sec.Articles) {
		sec.Articles = arts
	}
	return sec, len(sec.Articles) > 0 || sec.Name != "" || sec.Ad
}

// jumpOnwards returns the jump that ends article a of section s when it
// points to another page (see tailJump): the page its continuation must
// be on.
func jumpOnwards(is *Issue, s, a int) (Jump, bool) {
	to, ok := tailJump(&is.Sections[s].Articles[a])
	if !ok || to.Page == is.Sections[s].Page || to.Page <= 0 {
		return Jump{}, false
	}
	return to, true
}

// ref locates an article: section and index.
type ref struct{ s, a int }

// findContinuation finds the continuation of article a of section s: on
// the page its last jump line points to, an article that opens with a jump
// back to a's page, has no kicker, subtitle or byline of its own, and
// repeats a's title (or part of it) or has none. It must be the only one.
func findContinuation(is *Issue, s, a int, removed map[ref]bool) (ref, bool) {
	art := &is.Sections[s].Articles[a]
	to, ok := jumpOnwards(is, s, a)
	if !ok {
		return ref{}, false
	}
	var untitled, titled []ref
	for s2 := range is.Sections {
		if is.Sections[s2].Page != to.Page {
			continue
		}
		for a2 := range is.Sections[s2].Articles {
			r := ref{s2, a2}
			if removed[r] || s2 == s && a2 == a {
				continue
			}
			c := &is.Sections[s2].Articles[a2]
			from, ok := headJump(c)
			// (上接第N版) names the page the text comes from: the
			// article's own, or the last one stitched on (a chain).
			if !ok || from.Page != 0 && from.Page != is.Sections[s].Page && !slices.Contains(art.Continued, from.Page) {
				continue
			}
			if c.Kicker != "" || c.Subtitle != "" || c.Byline != "" {
				continue
			}
			switch {
			case c.Title == "":
				untitled = append(untitled, r)
			case sameTitle(c.Title, art.Title):
				titled = append(titled, r)
			}
		}
	}
	switch {
	case len(titled) == 1:
		return titled[0], true
	case len(titled) == 0 && len(untitled) == 1:
		return untitled[0], true
	}
	return ref{}, false
}

// sameTitle reports whether a continuation's title repeats an article's:
// the same, or one a shortening of the other.
func sameTitle(a, b string) bool {
	a, b = trimSpace(a), trimSpace(b)
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}

// tailJump returns the jump to another page that ends the article's last
// paragraph, if any.
func tailJump(a *Article) (Jump, bool) {
	last := len(a.Paragraphs) - 1
	if last < 0 {
		return Jump{}, false
	}
	for _, b := range a.Blocks {
		if b.After > last {
			return Jump{}, false
		}
	}
	for _, j := range a.Jumps {
		if !j.Stitched && j.Para == last && j.Dir == JumpTo && j.Offset+len(j.Text) == len(a.Paragraphs[last]) {
			return j, true
		}
	}
	return Jump{}, false
}

// headJump returns the jump back that opens the article's first paragraph.
func headJump(a *Article) (Jump, bool) {
	if len(a.Paragraphs) == 0 || blockAt(a, 0) {
		return Jump{}, false
	}
	for _, j := range a.Jumps {
		if !j.Stitched && j.Para == 0 && j.Offset == 0 && j.Dir == JumpFrom {
			return j, true
		}
	}
	return Jump{}, false
}

// appendContinuation appends the continuation c to a. The two jump lines
// go into a.Jumps, Stitched, at the seam: the end of a's text before its
// jump line (inside the paragraph when c's first paragraph is joined to
// it). The jump lines of c, those stitched onto c before among them, move
// with c's text.
func appendContinuation(a, c *Article) {
	last := len(a.Paragraphs) - 1
	var to, from Jump
	var keep, cjumps []Jump
	for _, j := range a.Jumps {
		if !j.Stitched && j.Para == last && j.Dir == JumpTo && j.Offset+len(j.Text) == len(a.Paragraphs[last]) {
			to = j
			continue
		}
		keep = append(keep, j)
	}
	for _, j := range c.Jumps {
		if !j.Stitched && j.Para == 0 && j.Offset == 0 && j.Dir == JumpFrom {
			from = j
			continue
		}
		cjumps = append(cjumps, j)
	}
	tail := trimRightSpace(a.Paragraphs[last][:to.Offset])
	head := trimLeftSpace(c.Paragraphs[0][len(from.Text):])
	cut0 := len(c.Paragraphs[0]) - len(head) // bytes taken off c's first paragraph

	// c's paragraphs, the jump line taken off; drop is 1 when the first
	// held nothing else.
	cparas := append([]string{head}, c.Paragraphs[1:]...)
	drop := 0
	if head == "" {
		cparas, drop = cparas[1:], 1
	}
	joined := tail != "" && len(cparas) > 0 && endsOpen(tail) && !blockAt(c, drop)
	// base is the index in a of cparas[0]; shift0 the bytes that come
	// before cparas[0]'s text in its new paragraph.
	base, shift0 := last+1, 0
	a.Paragraphs = a.Paragraphs[:last]
	switch {
	case joined:
		base, shift0 = last, len(tail)
		a.Paragraphs = append(a.Paragraphs, tail+cparas[0])
		cparas = cparas[1:]
	case tail == "":
		base = last
	default:
		a.Paragraphs = append(a.Paragraphs, tail)
	}
	a.Paragraphs = append(a.Paragraphs, cparas...)
	stitchSpans(a, c, last, len(tail), drop, cut0, base, shift0)

	// The seam: the end of tail, or of the paragraph before the jump line
	// when that stood alone; the start of the text when nothing came
	// before it.
	seam := Jump{Para: last, Offset: len(tail)}
	switch {
	case tail != "":
	case last > 0:
		seam = Jump{Para: last - 1, Offset: len(a.Paragraphs[last-1])}
	case len(a.Paragraphs) > 0:
		seam = Jump{Para: 0, Offset: 0}
	default:
		seam = Jump{Para: -1, Offset: -1}
	}
	// a's seams from earlier stitching lie before the jump line; only one
	// in the paragraph that lost it can need moving back.
	for i := range keep {
		if j := &keep[i]; j.Stitched && j.Para == last && j.Offset > len(tail) {
			j.Para, j.Offset = seam.Para, seam.Offset
		}
	}
	to.Stitched, to.Para, to.Offset = true, seam.Para, seam.Offset
	from.Stitched, from.Para, from.Offset = true, seam.Para, seam.Offset
	keep = append(keep, to, from)

	for _, j := range cjumps {
		if j.Stitched && j.Para < 0 {
			// No place in c: it stays at the end.
			keep = append(keep, j)
			continue
		}
		k := j.Para - drop
		off := j.Offset
		if j.Para == drop && drop == 0 {
			off -= cut0
		}
		switch {
		case k < 0 || k == 0 && j.Stitched && off <= 0:
			// In the jump line taken off, or a seam at the very start of
			// c's text: at this seam.
			j.Para, j.Offset = seam.Para, seam.Offset
		case k == 0:
			j.Para, j.Offset = base, off+shift0
		default:
			j.Para = base + k
		}
		keep = append(keep, j)
	}
	for _, b := range c.Blocks {
		b.After = base + b.After - drop
		a.Blocks = append(a.Blocks, b)
	}
	for _, k := range c.Cut {
		if k >= drop {
			a.Cut = append(a.Cut, base+k-drop)
		}
	}
	a.Jumps = keep
	sortJumps(a.Jumps)
	a.Continued = a.Continued[:0]
	for _, j := range a.Jumps {
		if j.Stitched && j.Dir == JumpTo {
			a.Continued = append(a.Continued, max(j.Page, 0))
		}
	}
}

// stitchSpans moves the spans of a and of its continuation c, stitched
// on (see appendContinuation): a's last paragraph kept its first tail
// bytes; c's paragraphs from drop on went to a's paragraphs from base on,
// the first losing its first cut0 bytes and moved shift0 bytes in.
func stitchSpans(a, c *Article, last, tail, drop, cut0, base, shift0 int) {
	a.editSpans(func(s *Span) bool {
		if s.Para == last {
			if tail == 0 || s.Start >= tail {
				return false // in the jump line taken off
			}
			s.End = min(s.End, tail)
		}
		return true
	})
	for _, s := range c.Spans {
		k := s.Para - drop
		switch {
		case k < 0:
			continue
		case k == 0:
			if drop == 0 {
				s.Start, s.End = s.Start-cut0, s.End-cut0
				if s.End < 0 || s.End == 0 && s.Start < 0 {
					continue
				}
				s.Start = max(s.Start, 0)
			}
			s.Start, s.End = s.Start+shift0, s.End+shift0
		}
		s.Para = base + k
		a.Spans = append(a.Spans, s)
	}
	sortSpans(a.Spans)
	a.editSpans(func(*Span) bool { return true })
}

// sortJumps orders jump lines as Parse finds them: those in the prose by
// paragraph and offset, then the stitched ones by their seam (those with
// no place, Para −1, last), in the order they were stitched at one seam.
func sortJumps(js []Jump) {
	sort.SliceStable(js, func(i, k int) bool {
		a, b := js[i], js[k]
		if a.Stitched != b.Stitched {
			return !a.Stitched
		}
		if (a.Para < 0) != (b.Para < 0) {
			return b.Para < 0
		}
		if a.Para != b.Para {
			return a.Para < b.Para
		}
		return a.Offset < b.Offset
	})
}
