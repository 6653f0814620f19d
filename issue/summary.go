package issue

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Summary is what an index of issues (a shelf's) keeps of one: the
// masthead's fields, the pages and the number of articles.
type Summary struct {
	Paper   string
	Date    string // as the masthead gives it
	Weekday string
	Number  int // 第18730号 → 18730
	Pages   int // 今日八版 → 8
	// Articles is the number of articles (Issue.Count).
	Articles int
	// SectionPages are the pages of the sections, in order (0 unknown).
	SectionPages []int
	Encoding     string
}

// Summary returns the summary of is.
func (is *Issue) Summary() Summary {
	s := Summary{Paper: is.Paper, Date: is.Date, Weekday: is.Weekday, Number: is.Number,
		Pages: is.Pages, Articles: is.Count(), Encoding: is.Encoding}
	if len(is.Sections) > 0 {
		s.SectionPages = make([]int, len(is.Sections))
		for i := range is.Sections {
			s.SectionPages[i] = is.Sections[i].Page
		}
	}
	return s
}

// SummarizeOwned returns the summary of the issue in data (see
// ParseOwned, whose rules for data it follows): the summary of the issue
// ParseOwned returns, and its error. Where it can, it reads only what the
// summary needs — the masthead, the page lines and the articles'
// headings — and leaves the bodies unread: a skeleton parse, several
// times cheaper than a whole one. Where a body may change the summary —
// a paragraph or a quote that ends with 版 and a bracket ((下转第七版): a
// jump line joins a continuation to its article; a citation gives the
// paper, the date and the page) — it reads that article whole, and every
// article of the pages its jumps point to (see finishJumps). It parses
// the issue whole when it has front matter, or no paper named before the
// bylines, and returns that issue as well (nil otherwise).
func SummarizeOwned(data []byte, opt Options) (Summary, *Issue, error) {
	var ws Workspace
	return ws.SummarizeOwned(data, opt)
}

// Workspace is the memory that the skeleton parses of SummarizeOwned
// reuse from one text to the next (the records of its lines and
// blocks, its drafts of articles, the articles), so that indexing a shelf of thousands of issues does not
// allocate and collect them for each. It serves one parse at a time; the
// zero value is ready. Nothing that a parse returns holds its memory.
type Workspace struct {
	lines  []lineInfo
	blocks []block
	mem    arena
	arts   []Article // the sections' articles
	// held is how many records of lines, blocks and arts the last parse
	// left for the next one to overwrite (see release).
	held struct{ lines, blocks, arts int }
}

// articles returns room for n articles of a section: new, or in a
// skeleton parse the workspace's (see Workspace).
func (p *parser) articles(n int) []Article {
	w := p.ws
	if w == nil {
		return make([]Article, n)
	}
	if cap(w.arts)-len(w.arts) < n {
		w.arts = make([]Article, 0, max(2*cap(w.arts), n, 64))
	}
	k := len(w.arts)
	w.arts = w.arts[:k+n]
	return w.arts[k : k+n : k+n]
}

// SummarizeOwned is the package's SummarizeOwned in w.
func (w *Workspace) SummarizeOwned(data []byte, opt Options) (Summary, *Issue, error) {
	text, res, err := decodeText(data, opt, true, false)
	if err != nil {
		return Summary{}, nil, err
	}
	s, ok := w.skeletonSummary(text, opt)
	var whole *Issue
	if !ok {
		whole, _ = parseTextOutlined(text, opt, false)
		whole.Encoding, whole.Invalid = res.Encoding, res.Invalid
		s = whole.Summary()
	}
	s.Encoding = res.Encoding
	if s.Articles == 0 {
		return Summary{}, nil, fmt.Errorf("%s: %w", opt.name(), ErrNoArticles)
	}
	return s, whole, nil
}

// skeletonSummary returns the summary of text from a skeleton parse
// (see skeletonParser) in w's memory, its Encoding left empty, and false
// for text whose summary it cannot tell so (see SummarizeOwned). The
// issue that the parse makes holds w's memory, which the next parse
// reuses: it never leaves here, and w is released before skeletonSummary
// returns.
func (w *Workspace) skeletonSummary(text string, opt Options) (Summary, bool) {
	defer w.release(len(text) <= keepText)
	p := skeletonParser(opt)
	p.ws, p.mem = w, w.mem
	is := p.parseText(text)
	w.mem = p.mem
	if is == nil {
		return Summary{}, false
	}
	return is.Summary(), true
}

// skeletonParser returns a parser that parses text as parseTextOutlined
// does, but for the summary only: the articles hold their headings, and
// no body. Its parseText returns nil for text whose summary it cannot
// tell so. Given a workspace (parser.ws), the issue it returns holds
// the workspace's memory; without one, its own.
func skeletonParser(opt Options) *parser {
	opt.skeleton = true
	return &parser{opt: opt, is: &Issue{}, paperHead: -1}
}

// release readies w for the next parse: the issue the last one made is
// no longer read. The records of its lines, blocks and articles hold the
// text's strings. With keep (a text of at most keepText bytes), those
// the next parse overwrites are left to it, and only those it may not
// reach, the ones of the parse before that were past the last one's, are
// cleared: clearing them all, about as many bytes as the text, was a few
// percent of indexing a shelf. A workspace so holds on to its last text
// at most, and only to a short one: a longer text's records are all
// cleared, to let it go.
func (w *Workspace) release(keep bool) {
	w.held.lines = releaseRecords(w.lines, w.held.lines, keep)
	w.held.blocks = releaseRecords(w.blocks, w.held.blocks, keep)
	w.held.arts = releaseRecords(w.arts, w.held.arts, keep)
	w.arts = w.arts[:0]
	w.mem.reset()
}

// keepText is the length in bytes of the longest text whose records
// release leaves for the next parse to overwrite.
const keepText = 4 << 20

// releaseRecords clears the records of s, the last parse's, and those
// after them up to held, the parse before's (s's array holds them: it
// was that one's, or it grew past them); with keep, only those after
// s. It returns how many records are left held.
func releaseRecords[T any](s []T, held int, keep bool) int {
	from := 0
	if keep {
		from = len(s)
	}
	clear(s[from:max(len(s), held)])
	return from
}

// mayNamePaper reports a paragraph or a quote of a skeleton parse that
// may be a byline that names the paper (衡阳日报讯…, see paperFromByline
// and findByline): the byline starts the text, and the name, of at most
// maxPaperName characters, is followed by its first 讯. A raw paragraph
// is read exactly first when markup may stand in its first bytes.
func mayNamePaper(b block) bool {
	if b.kind != bPara && b.kind != bQuote {
		return false
	}
	const window = (maxPaperName + 1) * utf8.UTFMax // the name and 讯 after it, in UTF-8
	t := b.text[:min(len(b.text), window)]
	if b.raw && (strings.ContainsAny(t, inlineOpeners) || strings.IndexByte(t, '!') >= 0) {
		b.exact()
		t = b.text[:min(len(b.text), window)]
	}
	return paperFromByline(t) != ""
}

// skeletonBlocks readies the blocks of a skeleton parse: the paragraphs
// that the masthead and the choice of the heading level of titles read
// (all before the first heading that cannot be the masthead's) read
// exactly. It reports false when the parse cannot be a skeleton one: the
// text has front matter.
func (p *parser) skeletonBlocks(blocks []block) bool {
	if p.fm.found {
		return false
	}
	for i := range blocks {
		if i >= mastheadBlocks && blocks[i].kind == bHeading {
			break
		}
		blocks[i].exact()
	}
	return true
}

// exactAll reads every raw paragraph of blocks exactly.
func exactAll(blocks []block) {
	for i := range blocks {
		blocks[i].exact()
	}
}

// finishJumps finishes, in a skeleton parse of text that may hold jump
// lines or citations (parser.jumps), the articles whose finishing
// (finishArticle) may change the summary: those with a paragraph or a
// quote that may end with a jump line or be a citation, or hold stitched
// jumps (closesLikeJumpText), then every article of each page their
// jumps point to (where a continuation may stand, which may point on)
// and of the pages not numbered yet. The others keep their bodies as
// they stand: no jump line of theirs can stitch, and finishing leaves an
// article without a citation as empty, or not, as it was.
func (p *parser) finishJumps() {
	finished := map[*draft]bool{}
	var pages []int
	finish := func(d *draft) {
		if finished[d] {
			return
		}
		finished[d] = true
		finishArticle(d, p.indentStyle, false)
		for _, j := range d.a.Jumps {
			if j.Dir == JumpTo {
				pages = append(pages, j.Page)
			}
		}
	}
	for _, s := range p.secs {
		for _, d := range s.arts {
			if mayJumpDraft(d) {
				finish(d)
			}
		}
	}
	seen := map[int]bool{}
	for len(pages) > 0 {
		pg := pages[len(pages)-1]
		pages = pages[:len(pages)-1]
		if seen[pg] {
			continue
		}
		seen[pg] = true
		for _, s := range p.secs {
			if s.sec.Page == pg || s.sec.Page == 0 {
				for _, d := range s.arts {
					finish(d)
				}
			}
		}
	}
}

// mayJumpDraft reports an article with a paragraph or a quote that may
// end with a jump line, be a citation or hold stitched jumps
// (closesLikeJumpText).
func mayJumpDraft(d *draft) bool {
	for _, t := range d.a.Paragraphs {
		if closesLikeJumpText(t) {
			return true
		}
	}
	for _, b := range d.a.Blocks {
		if b.Kind == BlockQuote && closesLikeJumpText(b.Text) {
			return true
		}
	}
	return false
}
