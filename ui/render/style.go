package render

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"dubao/issue/textsafe"
	"dubao/ui/styles"
)

// Mark is a search match to highlight: bytes [Start, End) of the text of
// piece Piece. Current marks the match the reader is at.
type Mark struct {
	Piece, Start, End int
	Current           bool
}

// SortMarks sorts marks by piece and start, the order Renderer.Line needs.
func SortMarks(marks []Mark) {
	sort.Slice(marks, func(i, j int) bool {
		a, b := marks[i], marks[j]
		return a.Piece < b.Piece || a.Piece == b.Piece && a.Start < b.Start
	})
}

// Line returns ln styled for a terminal, with the parts covered by marks
// (sorted by SortMarks) highlighted: its indent as spaces, then the text.
// Characters that could control the terminal are removed.
func (r *Renderer) Line(ln Line, marks []Mark) string {
	var b strings.Builder
	b.Grow(ln.Indent + len(ln.Text) + 16*len(ln.Spans))
	for range ln.Indent {
		b.WriteByte(' ')
	}
	if len(ln.Spans) == 0 {
		b.WriteString(textsafe.Line(ln.Text))
		return b.String()
	}
	if ln.styled != "" {
		if hl := r.highlights(ln, marks); len(hl) > 0 {
			r.styledMarks(&b, ln.styled, hl)
		} else {
			b.WriteString(ln.styled)
		}
		return b.String()
	}
	for _, s := range ln.Spans {
		text := ln.Text[s.Start:s.End]
		st := r.sgr[s.Role]
		if s.Piece < 0 || len(marks) == 0 {
			write(&b, st, text)
			continue
		}
		lo, hi := s.Offset, s.Offset+len(text)
		i := sort.Search(len(marks), func(i int) bool {
			m := marks[i]
			return m.Piece > s.Piece || m.Piece == s.Piece && m.End > lo
		})
		pos := lo
		for ; i < len(marks) && marks[i].Piece == s.Piece && marks[i].Start < hi; i++ {
			m := marks[i]
			a, e := runeStart(text, max(m.Start, pos)-lo)+lo, runeStart(text, min(m.End, hi)-lo)+lo
			if a > pos {
				write(&b, st, text[pos-lo:a-lo])
			}
			if e > a {
				ms := r.sgr[sgrMatch]
				if m.Current {
					ms = r.sgr[sgrMatchCur]
				}
				write(&b, ms, text[a-lo:e-lo])
				pos = e
			}
		}
		if pos < hi {
			write(&b, st, text[pos-lo:])
		}
	}
	return b.String()
}

// highlights returns the byte ranges of ln.Text covered by marks (sorted
// by SortMarks), with their match style.
func (r *Renderer) highlights(ln Line, marks []Mark) []hlRange {
	var out []hlRange
	for _, s := range ln.Spans {
		if s.Piece < 0 {
			continue
		}
		text := ln.Text[s.Start:s.End]
		lo, hi := s.Offset, s.Offset+len(text)
		i := sort.Search(len(marks), func(i int) bool {
			m := marks[i]
			return m.Piece > s.Piece || m.Piece == s.Piece && m.End > lo
		})
		for ; i < len(marks) && marks[i].Piece == s.Piece && marks[i].Start < hi; i++ {
			m := marks[i]
			a, e := runeStart(text, max(m.Start, lo)-lo), runeStart(text, min(m.End, hi)-lo)
			if e <= a {
				continue
			}
			st := r.sgr[sgrMatch]
			if m.Current {
				st = r.sgr[sgrMatchCur]
			}
			if n := len(out); n > 0 && out[n-1].end > s.Start+a {
				a = out[n-1].end - s.Start
				if e <= a {
					continue
				}
			}
			out = append(out, hlRange{s.Start + a, s.Start + e, st})
		}
	}
	return out
}

// runeStart moves byte offset i in s back to the start of its character.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// sgr is the escape sequences that open and close one style, taken once
// from its lipgloss rendering so that styling a span costs two string
// writes.
type sgr struct{ open, close string }

// sgrOf returns the sequences lipgloss writes around a one-character text
// in st.
func sgrOf(st lipgloss.Style) sgr {
	const probe = "X"
	out := st.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return sgr{}
	}
	return sgr{out[:i], out[i+len(probe):]}
}

// roleCount is the number of roles; match styles follow them in Renderer.sgr.
const roleCount = int(RoleEndByline) + 1

const (
	sgrMatch    = roleCount
	sgrMatchCur = roleCount + 1
)

func newSGR(st styles.Styles) []sgr {
	out := make([]sgr, roleCount+2)
	if st.Plain {
		return out
	}
	for r := range roleCount {
		out[r] = sgrOf(roleStyle(&st, Role(r)))
	}
	out[sgrMatch] = sgrOf(st.Match)
	out[sgrMatchCur] = sgrOf(st.MatchCur)
	return out
}

func write(b *strings.Builder, s sgr, text string) {
	text = textsafe.Line(text)
	if text == "" {
		return
	}
	b.WriteString(s.open)
	b.WriteString(text)
	b.WriteString(s.close)
}

func roleStyle(s *styles.Styles, role Role) lipgloss.Style {
	switch role {
	case RoleKicker:
		return s.Kicker
	case RoleTitle:
		return s.Title
	case RoleSubtitle:
		return s.Subtitle
	case RoleByline:
		return s.Byline
	case RoleJump:
		return s.Jump
	case RoleHeading:
		return s.Heading
	case RoleQuote:
		return s.Quote
	case RoleItem:
		return s.Item
	case RoleCaption:
		return s.Caption
	case RoleImage:
		return s.Image
	case RoleMarker:
		return s.Marker
	case RoleTableHead:
		return s.Heading
	case RoleStrong:
		return s.Body.Bold(true)
	case RoleEm:
		return s.Body.Italic(true)
	case RoleCode:
		return s.Code
	case RoleLink:
		return s.Body.Underline(true)
	case RoleLinkAddr:
		return s.Marker
	case RoleAttribution:
		return s.Attribution
	case RoleCredit:
		return s.Credit
	case RoleEndByline:
		return s.EndByline
	}
	return s.Body
}
