package issue

// Finish completes an article whose parts were read from a structured
// source (an HTML page, a feed item, an EPUB chapter) rather than parsed
// from text: unless Byline is set, a byline that opens or closes the body
// (本报讯（记者 …）, a closing (新华社北京…电)) is taken out of the
// paragraphs as the text parser does; the jump lines of the paragraphs
// are found. The paragraphs stay as the source breaks them; no text is
// dropped. Short lines that are parts of their own (crossheads, quote
// attributions, credits, part bylines) become blocks, as in the archive
// form (see classifyWebBody).
func (a *Article) Finish() {
	d := &draft{a: *a, indent: make([]bool, len(a.Paragraphs)), byHeader: a.Title != "", sawBody: true}
	webByline(d) // keeps a byline the source gave
	*a = d.a
	a.Jumps = nil
	for i, p := range a.Paragraphs {
		a.Jumps = append(a.Jumps, findJumps(p, i)...)
	}
	sortJumps(a.Jumps)
	if a.Paragraphs == nil {
		a.Paragraphs = []string{}
	}
	if a.Jumps == nil {
		a.Jumps = []Jump{}
	}
}

// Assemble completes an issue whose articles were read from a structured
// source, each finished (see Article.Finish), in their pages' order: an
// article stored twice, with the same headings and text (a web edition
// keeps a continued article whole on each of its pages), is kept once,
// where it first appears, and a later page lists it in its Repeats; continuations are stitched onto their articles
// (see the jump lines); pages left empty go, unless they are named; the
// articles are numbered; the paper's name is derived from a byline when
// it is not known.
func (is *Issue) Assemble() {
	seen := map[string]Repeat{}
	secs := is.Sections[:0]
	for _, sec := range is.Sections {
		arts := sec.Articles[:0]
		for _, a := range sec.Articles {
			if len(a.Paragraphs) > 0 || len(a.Blocks) > 0 {
				key := articleKey(&a)
				if first, ok := seen[key]; ok {
					if first.Page != sec.Page {
						sec.Repeats = append(sec.Repeats, first)
					}
					continue
				}
				seen[key] = Repeat{Page: sec.Page, Title: a.Headline()}
			}
			arts = append(arts, a)
		}
		sec.Articles = arts
		if len(arts) > 0 || sec.Name != "" || sec.Ad || len(sec.Repeats) > 0 {
			secs = append(secs, sec)
		}
	}
	is.Sections = secs
	stitch(is)
	is.normalise()
	if is.Paper == "" {
		is.Paper = derivePaper(is)
	}
}
