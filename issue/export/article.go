package export

import (
	"strconv"

	"dubao/issue"
	"dubao/issue/textsafe"
)

// appendArticle appends the JSON of a, byte for byte what encoding/json
// writes with SetEscapeHTML(false) and SetIndent(ind, "  ") (ind: the
// indentation of the article's closing brace) and textsafe.JSON then
// makes of it (terminal controls escaped), without going through
// reflection, the indenting pass and the escaping pass, which were most
// of the cost of `dubao json` (half of it the indenting alone).
// TestIssueJSONStreams holds it to those bytes.
func appendArticle(b []byte, a *issue.Article, ind string) []byte {
	o := object{b: b, ind: ind}
	o.int("n", a.N)
	o.str("kicker", a.Kicker)
	o.str("title", a.Title)
	o.str("subtitle", a.Subtitle)
	o.str("byline", a.Byline)
	if a.BylineEnd {
		o.key("byline_end")
		o.b = append(o.b, "true"...)
	}
	if a.BylineInline {
		o.key("byline_inline")
		o.b = append(o.b, "true"...)
	}
	o.strs("paragraphs", a.Paragraphs, false)
	if len(a.Spans) > 0 {
		o.key("spans")
		o.b = appendSpans(o.b, a.Spans, o.ind+"  ")
	}
	if len(a.Blocks) > 0 {
		o.key("blocks")
		o.b = appendList(o.b, len(a.Blocks), o.ind+"  ", func(b []byte, i int, ind string) []byte {
			return appendBlock(b, &a.Blocks[i], ind)
		})
	}
	o.key("jumps")
	if a.Jumps == nil {
		o.b = append(o.b, "null"...)
	} else {
		o.b = appendList(o.b, len(a.Jumps), o.ind+"  ", func(b []byte, i int, ind string) []byte {
			j := &a.Jumps[i]
			p := object{b: b, ind: ind}
			p.int("page", j.Page)
			p.str("text", j.Text)
			p.str("dir", string(j.Dir))
			p.int("para", j.Para)
			p.int("offset", j.Offset)
			if j.Stitched {
				p.key("stitched")
				p.b = append(p.b, "true"...)
			}
			return p.end()
		})
	}
	o.ints("cut", a.Cut, true)
	o.ints("continued", a.Continued, true)
	return o.end()
}

// appendBlock appends the JSON of a block.
func appendBlock(b []byte, k *issue.Block, ind string) []byte {
	o := object{b: b, ind: ind}
	o.int("after", k.After)
	o.str("kind", string(k.Kind))
	o.strOmit("text", k.Text)
	o.strs("items", k.Items, true)
	if k.Ordered {
		o.key("ordered")
		o.b = append(o.b, "true"...)
	}
	o.strOmit("marker", k.Marker)
	o.ints("levels", k.Levels, true)
	if len(k.Rows) > 0 {
		o.key("rows")
		o.b = appendList(o.b, len(k.Rows), o.ind+"  ", func(b []byte, i int, ind string) []byte {
			return appendStrings(b, k.Rows[i], ind)
		})
	}
	o.strOmit("src", k.Src)
	o.strOmit("alt", k.Alt)
	o.strOmit("lang", k.Lang)
	if len(k.Spans) > 0 {
		o.key("spans")
		o.b = appendSpans(o.b, k.Spans, o.ind+"  ")
	}
	return o.end()
}

// appendSpans appends a list of spans.
func appendSpans(b []byte, spans []issue.Span, ind string) []byte {
	return appendList(b, len(spans), ind, func(b []byte, i int, ind string) []byte {
		s := &spans[i]
		o := object{b: b, ind: ind}
		o.str("kind", string(s.Kind))
		o.intOmit("para", s.Para)
		o.intOmit("row", s.Row)
		o.intOmit("col", s.Col)
		o.int("start", s.Start)
		o.int("end", s.End)
		o.strOmit("href", s.Href)
		return o.end()
	})
}

// object writes the fields of a JSON object as encoding/json indents
// them: each on a line of its own, at ind and two spaces.
type object struct {
	b      []byte
	ind    string // the indentation of the closing brace
	fields int
}

// key starts the field named k.
func (o *object) key(k string) {
	if o.fields == 0 {
		o.b = append(o.b, "{\n"...)
	} else {
		o.b = append(o.b, ",\n"...)
	}
	o.fields++
	o.b = append(o.b, o.ind...)
	o.b = append(o.b, "  \""...)
	o.b = append(o.b, k...)
	o.b = append(o.b, "\": "...)
}

func (o *object) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *object) intOmit(k string, v int) {
	if v != 0 {
		o.int(k, v)
	}
}

func (o *object) str(k, v string) {
	o.key(k)
	o.b = textsafe.AppendJSONString(o.b, v)
}

func (o *object) strOmit(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

// strs writes a list of strings: null when nil, [] when empty (or
// nothing at all, with omitEmpty).
func (o *object) strs(k string, v []string, omitEmpty bool) {
	if omitEmpty && len(v) == 0 {
		return
	}
	o.key(k)
	o.b = appendStrings(o.b, v, o.ind+"  ")
}

// ints writes a list of numbers, as strs.
func (o *object) ints(k string, v []int, omitEmpty bool) {
	if omitEmpty && len(v) == 0 {
		return
	}
	o.key(k)
	if v == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = appendList(o.b, len(v), o.ind+"  ", func(b []byte, i int, _ string) []byte {
		return strconv.AppendInt(b, int64(v[i]), 10)
	})
}

// end closes the object.
func (o *object) end() []byte {
	if o.fields == 0 {
		return append(o.b, "{}"...)
	}
	o.b = append(o.b, '\n')
	o.b = append(o.b, o.ind...)
	return append(o.b, '}')
}

// appendStrings appends a list of strings whose closing bracket is at ind.
func appendStrings(b []byte, v []string, ind string) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	return appendList(b, len(v), ind, func(b []byte, i int, _ string) []byte {
		return textsafe.AppendJSONString(b, v[i])
	})
}

// appendList appends a list of n elements whose closing bracket is at
// ind, elem appending element i at ind and two spaces.
func appendList(b []byte, n int, ind string, elem func(b []byte, i int, ind string) []byte) []byte {
	if n == 0 {
		return append(b, "[]"...)
	}
	inner := ind + "  "
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, inner...)
		b = elem(b, i, inner)
	}
	b = append(b, '\n')
	b = append(b, ind...)
	return append(b, ']')
}
