package script

import (
	"slices"

	"dubao/issue"
)

// Article returns a copy of a with its text converted by cv (a itself when
// cv is nil). The copy has the same pieces (issue.Article.Pieces) at the
// same indexes; the offsets of its jump lines and of its spans (emphasis,
// code, links) point into its converted text. Code blocks, link addresses
// and image addresses are kept as they are. a is not changed.
func Article(a *issue.Article, cv *Converter) *issue.Article {
	if cv == nil {
		return a
	}
	out, _ := convertArticle(a, cv, false)
	return out
}

// ArticleMapped is Article with the maps of the pieces: maps[i] maps the
// text of a.Pieces()[i] to the text of the copy's piece i. With a nil cv
// the maps are identities.
func ArticleMapped(a *issue.Article, cv *Converter) (*issue.Article, []Mapped) {
	if cv == nil {
		pieces := a.Pieces()
		maps := make([]Mapped, len(pieces))
		for i, p := range pieces {
			maps[i] = Mapped{Source: p.Text, Text: p.Text}
		}
		return a, maps
	}
	return convertArticle(a, cv, true)
}

// convertArticle converts a, with the maps of its pieces when mapped is set.
func convertArticle(a *issue.Article, cv *Converter, mapped bool) (*issue.Article, []Mapped) {
	conv := func(s string) (string, Mapped) {
		if s == "" {
			return "", Mapped{}
		}
		if !mapped {
			return cv.Convert(s), Mapped{}
		}
		m := cv.ConvertMapped(s)
		return m.Text, m
	}
	out := *a
	var kicker, title, subtitle, byline Mapped
	out.Kicker, kicker = conv(a.Kicker)
	out.Title, title = conv(a.Title)
	out.Subtitle, subtitle = conv(a.Subtitle)
	out.Byline, byline = conv(a.Byline)
	// Paragraphs are mapped whenever spans or jump lines point into them.
	out.Paragraphs = make([]string, len(a.Paragraphs))
	var paras []Mapped
	if mapped || len(a.Spans) > 0 || len(a.Jumps) > 0 {
		paras = make([]Mapped, len(a.Paragraphs))
		for i, p := range a.Paragraphs {
			paras[i] = cv.ConvertMapped(p)
			out.Paragraphs[i] = paras[i].Text
		}
	} else {
		for i, p := range a.Paragraphs {
			out.Paragraphs[i] = cv.Convert(p)
		}
	}
	out.Spans = slices.Clone(a.Spans)
	for k := range out.Spans {
		sp := &out.Spans[k]
		if sp.Para >= 0 && sp.Para < len(paras) {
			sp.Start, sp.End = mapSpan(&paras[sp.Para], sp.Start, sp.End)
		}
	}
	// Blocks: the text of headings, quotes and captions, list items, table
	// cells and image alt texts.
	type blockMaps struct {
		text, alt Mapped
		items     []Mapped
		rows      [][]Mapped
	}
	blocks := make([]blockMaps, len(a.Blocks))
	out.Blocks = slices.Clone(a.Blocks)
	for b := range a.Blocks {
		src, dst, bm := &a.Blocks[b], &out.Blocks[b], &blocks[b]
		if src.Kind == issue.BlockCode { // verbatim
			bm.text = Mapped{Source: src.Text, Text: src.Text}
			continue
		}
		dst.Text, bm.text = conv(src.Text)
		dst.Alt, bm.alt = conv(src.Alt)
		if src.Items != nil {
			dst.Items = make([]string, len(src.Items))
			bm.items = make([]Mapped, len(src.Items))
			for i, it := range src.Items {
				dst.Items[i], bm.items[i] = conv(it)
			}
		}
		if src.Rows != nil {
			dst.Rows = make([][]string, len(src.Rows))
			bm.rows = make([][]Mapped, len(src.Rows))
			for r, row := range src.Rows {
				dst.Rows[r] = make([]string, len(row))
				bm.rows[r] = make([]Mapped, len(row))
				for c, cell := range row {
					dst.Rows[r][c], bm.rows[r][c] = conv(cell)
				}
			}
		}
		if len(src.Spans) > 0 {
			dst.Spans = slices.Clone(src.Spans)
			for k := range dst.Spans {
				sp := &dst.Spans[k]
				var m *Mapped
				switch {
				case src.Kind == issue.BlockList && sp.Row >= 0 && sp.Row < len(src.Items):
					m = &bm.items[sp.Row]
				case src.Kind == issue.BlockTable && sp.Row >= 0 && sp.Row < len(src.Rows) && sp.Col >= 0 && sp.Col < len(src.Rows[sp.Row]):
					m = &bm.rows[sp.Row][sp.Col]
				case src.Kind != issue.BlockList && src.Kind != issue.BlockTable:
					m = &bm.text
				}
				if m != nil {
					sp.Start, sp.End = mapSpan(m, sp.Start, sp.End)
				}
			}
		}
	}
	jumps := make([]Mapped, len(a.Jumps))
	out.Jumps = slices.Clone(a.Jumps)
	for k := range a.Jumps {
		j := &out.Jumps[k]
		j.Text, jumps[k] = conv(a.Jumps[k].Text)
		if j.Para >= 0 && j.Para < len(paras) && j.Offset >= 0 && j.Offset <= len(a.Paragraphs[j.Para]) {
			j.Offset = paras[j.Para].ToText(j.Offset)
		}
	}
	out.Cut = slices.Clone(a.Cut)
	out.Continued = slices.Clone(a.Continued)
	if !mapped {
		return &out, nil
	}
	pieces := a.Pieces()
	maps := make([]Mapped, len(pieces))
	for i, p := range pieces {
		switch p.Kind {
		case issue.PieceKicker:
			maps[i] = kicker
		case issue.PieceTitle:
			maps[i] = title
		case issue.PieceSubtitle:
			maps[i] = subtitle
		case issue.PieceByline:
			maps[i] = byline
		case issue.PieceParagraph:
			maps[i] = paras[p.Para]
		case issue.PieceImage:
			maps[i] = blocks[p.Block].alt
		case issue.PieceItem:
			maps[i] = blocks[p.Block].items[p.Row]
		case issue.PieceCell:
			maps[i] = blocks[p.Block].rows[p.Row][p.Col]
		case issue.PieceJump:
			maps[i] = jumps[p.Row]
		default:
			if p.Block >= 0 && p.Block < len(blocks) { // a block's Text: heading, quote, caption, code, credit…
				maps[i] = blocks[p.Block].text
			} else { // a kind this code does not know: converted alone
				maps[i] = cv.ConvertMapped(p.Text)
			}
		}
	}
	return &out, maps
}

// mapSpan maps the range [start, end) of m's source to its text, a span
// that is out of range kept as it is.
func mapSpan(m *Mapped, start, end int) (int, int) {
	if start < 0 || end < start || end > len(m.Source) {
		return start, end
	}
	return m.TextRange(start, end)
}

// Issue returns a copy of is with all its text converted by cv: the
// masthead, the page names and every article (is itself when cv is nil).
// is is not changed.
func Issue(is *issue.Issue, cv *Converter) *issue.Issue {
	if cv == nil {
		return is
	}
	out := *is
	for _, f := range []*string{&out.Paper, &out.Weekday, &out.Lunar, &out.Website,
		&out.Supervisor, &out.Sponsor, &out.Publisher} {
		*f = cv.Convert(*f)
	}
	out.Masthead = make([]string, len(is.Masthead))
	for i, m := range is.Masthead {
		out.Masthead[i] = cv.Convert(m)
	}
	if is.Masthead == nil {
		out.Masthead = nil
	}
	out.Sections = slices.Clone(is.Sections)
	for s := range out.Sections {
		sec := &out.Sections[s]
		sec.Name = cv.Convert(sec.Name)
		sec.Articles = slices.Clone(sec.Articles)
		for a := range sec.Articles {
			sec.Articles[a] = *Article(&is.Sections[s].Articles[a], cv)
		}
	}
	return &out
}

// DetectIssue returns the script an issue is written in, from its paper's
// name and its articles' text (the first twenty thousand Chinese
// characters are enough). The first call builds the character tables.
func DetectIssue(is *issue.Issue) Script { return CountIssue(is).Script() }

// CountIssue counts the characters of an issue that tell its script and
// its region (see Counts), as DetectIssue reads them.
func CountIssue(is *issue.Issue) Counts {
	var c Counts
	if c.Add(is.Paper) {
		return c
	}
	for _, a := range is.Articles() {
		done := false
		for _, p := range a.Pieces() {
			if done = c.Add(p.Text); done {
				break
			}
		}
		if done {
			break
		}
	}
	return c
}
