package issue

// Keeping Article.Spans in step with edits of the paragraphs: every
// function that removes, cuts or joins paragraphs moves their spans too.

// editSpans calls f on each span of a's paragraphs; f changes it in
// place and returns false to drop it. Spans left empty (a link excepted)
// or out of their paragraph are dropped too. The spans left are in the
// model's order (see sortSpans), the order parseInline reads a
// paragraph written in: paragraphs joined by the layout repair left an
// empty link at the end of one before a span that starts at the start of
// the next, where both now start (FuzzParse 2a9ccf0fae76f3e2).
func (a *Article) editSpans(f func(s *Span) bool) {
	if len(a.Spans) == 0 {
		return
	}
	out := a.Spans[:0]
	for _, s := range a.Spans {
		if !f(&s) || s.Para < 0 || s.Para >= len(a.Paragraphs) {
			continue
		}
		s.End = min(s.End, len(a.Paragraphs[s.Para]))
		s.Start = max(s.Start, 0)
		if s.Start > s.End || s.Start == s.End && s.Kind != SpanLink {
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = nil
	}
	if !spansSorted(out) {
		sortSpans(out)
	}
	a.Spans = out
}

// spansSorted reports whether ss are in the order sortSpans gives.
func spansSorted(ss []Span) bool {
	for i := 1; i < len(ss); i++ {
		if spanBefore(ss[i], ss[i-1]) {
			return false
		}
	}
	return true
}

// spansRemovePara moves the spans for the removal of paragraph i (call
// after removing it).
func (a *Article) spansRemovePara(i int) {
	a.editSpans(func(s *Span) bool {
		switch {
		case s.Para == i:
			return false
		case s.Para > i:
			s.Para--
		}
		return true
	})
}

// spansCutStart moves the spans of paragraph i for the removal of its
// first n bytes (call after cutting it): those in the part removed go.
func (a *Article) spansCutStart(i, n int) {
	if n == 0 {
		return
	}
	a.editSpans(func(s *Span) bool {
		if s.Para == i {
			if s.End <= n && !(s.Start == s.End && s.Start == n) {
				return false
			}
			s.Start, s.End = max(s.Start-n, 0), s.End-n
		}
		return true
	})
}
