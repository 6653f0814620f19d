package issue

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unsafe"

	"dubao/issue/decode"
)

// Options tune how an issue is read.
type Options struct {
	// Name names the source in error messages (a file name, or "stdin").
	Name string
	// Encoding forces the character encoding of the source ("gb18030",
	// "utf-8", "utf-16le", "big5", …); empty detects it.
	Encoding string
	// MaxBytes refuses larger input; 0 means MaxSize.
	MaxBytes int64

	// Scratch lets ParseOwned overwrite data: the caller neither reads
	// nor keeps it afterwards (it may not be read-only memory). Text to
	// clean (CRLF lines, tabs, controls) is then cleaned in data's own
	// memory instead of into a copy of its size. Other parses ignore it.
	Scratch bool

	// Verbatim says that data is known to decode to itself (clean UTF-8:
	// see Outline.Verbatim, which a parse of the same bytes found): an
	// owned parse then takes it as the text without decoding it again.
	Verbatim bool

	// noStitch keeps continuations as articles of their own (tests).
	noStitch bool
	// skeleton reads the masthead, the pages and the articles' headings,
	// not their bodies (see Summarize).
	skeleton bool
}

// MaxSize is the largest input read by default: 1 GiB.
const MaxSize = 1 << 30

// ErrNoArticles is returned (wrapped with the source name) for input that
// holds no article: an empty file, or one with no text.
var ErrNoArticles = errors.New("no articles")

// ErrBinary is returned (wrapped with the source name) for input that is
// not text: an image, an archive, a program.
var ErrBinary = decode.ErrBinary

// ErrTooLarge is returned for input larger than Options.MaxBytes.
var ErrTooLarge = errors.New("too large")

// name returns the source name for messages.
func (o Options) name() string {
	if o.Name == "" {
		return "input"
	}
	return o.Name
}

// limit returns the size limit.
func (o Options) limit() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return MaxSize
}

// Parse reads one issue from r. Errors name the source (Options.Name) and
// fit on one line.
func Parse(r io.Reader, opt Options) (*Issue, error) {
	limit := opt.limit()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", opt.name(), err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (more than %d MB)", opt.name(), ErrTooLarge, limit>>20)
	}
	return ParseOwned(data, opt)
}

// ParseBytes reads one issue from data. data is not kept: the caller may
// reuse it.
func ParseBytes(data []byte, opt Options) (*Issue, error) {
	return parseData(data, opt, false)
}

// ParseOwned is ParseBytes for a buffer that the caller hands over: it
// must never be modified afterwards, because the issue's strings may point
// into it. It spares a copy of the text.
func ParseOwned(data []byte, opt Options) (*Issue, error) {
	return parseData(data, opt, true)
}

// ParseOutlined is ParseOwned that also works out the outline of the text
// (see Outline): nil when it has none.
func ParseOutlined(data []byte, opt Options) (*Issue, *Outline, error) {
	return parseDataOutlined(data, opt, true, true)
}

// parseData decodes and parses data; owned says that data will never be
// modified again.
func parseData(data []byte, opt Options, owned bool) (*Issue, error) {
	is, _, err := parseDataOutlined(data, opt, owned, false)
	return is, err
}

// parseDataOutlined is parseData, and with outline the text's outline.
func parseDataOutlined(data []byte, opt Options, owned, outline bool) (*Issue, *Outline, error) {
	text, res, err := decodeText(data, opt, owned, outline)
	if err != nil {
		return nil, nil, err
	}
	is, ol := parseTextOutlined(text, opt, outline)
	if ol != nil {
		ol.mapPieces(is, text)
		ol.Verbatim = res.Shared && len(res.Text) == len(data) && unsafe.SliceData(res.Text) == unsafe.SliceData(data)
	}
	is.Encoding, is.Invalid = res.Encoding, res.Invalid
	if is.Count() == 0 {
		return nil, nil, fmt.Errorf("%s: %w", opt.name(), ErrNoArticles)
	}
	return is, ol, nil
}

// decodeText decodes data for a parse (see parseDataOutlined): the text,
// which may share data's memory when owned, and what decoding found.
func decodeText(data []byte, opt Options, owned, outline bool) (string, decodeResult, error) {
	if int64(len(data)) > opt.limit() {
		return "", decodeResult{}, fmt.Errorf("%s: %w (more than %d MB)", opt.name(), ErrTooLarge, opt.limit()>>20)
	}
	if owned && opt.Verbatim {
		return unsafe.String(unsafe.SliceData(data), len(data)), decodeResult{Text: data, Encoding: decode.UTF8, Shared: true}, nil
	}
	decodeBytes := DecodeBytes
	if owned && opt.Scratch && !outline {
		decodeBytes = decode.BytesOwned
	}
	res, err := decodeBytes(data, opt.Encoding)
	if err != nil {
		return "", res, fmt.Errorf("%s: %w", opt.name(), err)
	}
	var text string
	if res.Shared && !owned {
		text = string(res.Text)
	} else {
		// The buffer is ours alone (decoded anew, or owned and never
		// written again): a string may share it.
		text = unsafe.String(unsafe.SliceData(res.Text), len(res.Text))
	}
	return text, res, nil
}

// DecodeBytes detects the encoding of data (or uses encoding when it is not
// empty), decodes it to UTF-8 and removes control characters and escape
// sequences: see package decode.
func DecodeBytes(data []byte, encoding string) (decode.Result, error) {
	return decode.Bytes(data, encoding)
}

// decodeResult is what DecodeBytes returns.
type decodeResult = decode.Result

// parser holds the state of one parse.
type parser struct {
	opt Options
	is  *Issue

	blankMode   bool
	indentStyle bool
	titleLevel  int // heading level of titles; 0 when there are no headings
	paperHead   int // index of the block that is the paper's name heading, or −1
	hasMast     bool
	printedMast bool // the masthead came from lines of the text, not front matter

	lines []lineInfo
	secs  []*secDraft
	cur   *draft
	fm    frontMatter
	mem   arena // the drafts and their paragraphs

	// at is the block being walked; outline, when set, asks the walk to
	// note where each article and page starts (see Outline).
	at      int
	blocks  []block
	outline *outliner
	// jumps: a skeleton parse of text that may hold jump lines or
	// citations (see finishJumps).
	jumps bool
	// derived: no masthead, front matter or citation named the paper
	// (see derivePaper).
	derived bool
	// ws, when not nil, lends the line and block records (a skeleton
	// parse's: see Workspace).
	ws *Workspace
	// kept, when not nil, gathers the drafts of the articles kept, in
	// order (see buildSections): a streamed parse's places of articles.
	kept []*draft
	// trace, when not nil, is given the lines and blocks of the text
	// (tests: see TestFirstPass).
	trace *parseTrace
}

// parseTrace is what a parse's trace keeps.
type parseTrace struct {
	lines  []lineInfo
	blocks []block
}

// secDraft is a section being built.
type secDraft struct {
	sec      Section
	arts     []*draft
	implicit bool // made up because text came before any page line
}

// draft is an article being built.
type draft struct {
	a        Article
	start    int    // the line it starts at (when outlining)
	blk      int    // the block it starts at (p.at when it was made)
	indent   []bool // per paragraph: it stands apart (indented, or after a rule)
	meta     []string
	sawBody  bool
	byHeader bool // the article started at a title (not untitled text)
	apart    bool // the next paragraph stands apart from the one before
	cite     *citation
}

// parseTextOutlined parses decoded, sanitised text and, with outline,
// works out its outline (nil when it has none: see Outline).
func parseTextOutlined(text string, opt Options, outline bool) (*Issue, *Outline) {
	p := &parser{opt: opt, is: &Issue{}, paperHead: -1}
	if outline {
		p.outline = &outliner{}
	}
	is := p.parseText(text)
	return is, p.outline.result()
}

// parseText parses decoded, sanitised text; a skeleton parse (see
// Summarize) returns nil for text that it cannot read exactly.
func (p *parser) parseText(text string) *Issue {
	var lines []lineInfo
	if p.ws != nil {
		lines = appendLines(p.ws.lines[:0], text)
		p.ws.lines = lines
	} else {
		lines = splitLines(text)
	}
	p.lines = lines
	if is := parseOldArchive(lines); is != nil {
		is.normalise()
		return is
	}
	from := p.frontMatter(lines)
	p.blankMode = detectBlankMode(lines[from:])
	bk := blocker{lines: lines, blankMode: p.blankMode, inline: true, skeleton: p.opt.skeleton}
	if p.ws != nil {
		bk.out = p.ws.blocks[:0]
	}
	blocks := bk.run(from)
	if p.ws != nil {
		p.ws.blocks = bk.out
	}
	if p.opt.skeleton && !p.skeletonBlocks(blocks) {
		return nil
	}
	p.analyse(blocks)
	if p.opt.skeleton && p.titleLevel == 0 {
		// Titles told by their shape: by the text of every paragraph.
		exactAll(blocks)
		p.analyse(blocks)
	}
	start := p.masthead(blocks)
	if p.opt.skeleton && (bk.sawJump || slices.ContainsFunc(blocks[start:min(len(blocks), mastheadBlocks)], func(b block) bool { return b.jump })) {
		// A jump line or a citation after the masthead: the walk reads
		// every paragraph exactly, and finishes the articles that may
		// hold one (see finishJumps).
		exactAll(blocks)
		p.jumps = true
		// The layout repair of the articles finished reads whether
		// paragraphs are indented, told from the paragraphs' text.
		p.analyse(blocks)
	}
	if p.titleLevel > 0 {
		if p.outline != nil && from == 0 && p.paperHead < start {
			p.outline.begin(text)
		}
		p.walkHeadings(blocks, start)
	} else {
		p.walkPlain(blocks, start)
	}
	if p.trace != nil {
		p.trace.lines, p.trace.blocks = lines, blocks
	}
	p.blocks = nil
	// The line records (40 bytes a line) are not needed to finish: a
	// large issue's are collected while its articles are made.
	p.lines = nil
	p.finish()
	if p.opt.skeleton && p.derived && slices.ContainsFunc(blocks[start:], mayNamePaper) {
		return nil // a byline may name the paper (see derivePaper)
	}
	return p.is
}

// analyse decides how the text marks its structure: the heading level of
// titles, whether paragraphs are indented, and whether a first level-1
// heading names the paper.
func (p *parser) analyse(blocks []block) { p.analyseMore(blocks, [7]int{}) }

// analyseMore is analyse of blocks followed by more headings, more[lv]
// of each level lv, after a page line (see Stream).
func (p *parser) analyseMore(blocks []block, more [7]int) {
	long, indented := longParagraphs(blocks)
	p.indentStyle = indentStyle(long, indented)

	// Count the headings of each level (empty ones too: "##" alone is an
	// untitled article in what WriteMarkdown writes).
	var count [7]int
	first := -1
	for i := range blocks {
		if blocks[i].kind != bHeading {
			continue
		}
		if first < 0 {
			first = i
		}
		count[blocks[i].level]++
	}
	if first < 0 {
		return
	}
	for lv, n := range more {
		count[lv] += n
	}
	if b := &blocks[first]; b.level == 1 && count[1] == 1 && (isPaperName(b.text) || isEnglishName(b.text)) && onlyMastheadBefore(blocks, first) {
		for lv := 2; lv <= 6; lv++ {
			if count[lv] > 0 {
				p.paperHead = first
				count[1] = 0
				break
			}
		}
	}
	l1, l2 := 0, 0
	for lv := 1; lv <= 6; lv++ {
		if count[lv] == 0 {
			continue
		}
		if l1 == 0 {
			l1 = lv
		} else if l2 == 0 {
			l2 = lv
		}
	}
	p.titleLevel = l1
	if l2 == 0 {
		return
	}
	// The shallowest level marks sections (# 要闻) when the text has no page
	// lines, each of its headings is followed directly by a heading of the
	// next level (the section's first title), and some section holds more
	// than one: else the deeper headings are subtitles.
	several := false
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.kind == bPage:
			return
		case b.kind != bHeading || i == p.paperHead || b.text == "":
		case b.level == l1:
			if i+1 >= len(blocks) || blocks[i+1].kind != bHeading || blocks[i+1].level != l2 {
				return
			}
		case b.level == l2 && !isSubtitleText(b.text):
			if i == 0 || blocks[i-1].kind != bHeading || blocks[i-1].level != l1 {
				several = true
			}
		}
	}
	if several {
		p.titleLevel = l2
	}
}

// indentSample is how many long paragraphs, the first ones, decide whether
// the text indents its paragraphs (see longParagraphs).
const indentSample = 400

// longParagraphs counts the long paragraphs (60 bytes or more) among the
// first indentSample long ones of blocks, and the indented ones among
// them: what analyse decides indentStyle by, and Stream's first part
// too (see streamer.decide).
func longParagraphs(blocks []block) (long, indented int) {
	for i := range blocks {
		b := &blocks[i]
		if b.kind != bPara || len(b.text) < 60 {
			continue
		}
		long++
		if b.indent {
			indented++
		}
		if long >= indentSample {
			break
		}
	}
	return long, indented
}

// indentStyle reports text whose paragraphs are indented: 60% of its
// long paragraphs at least (see longParagraphs).
func indentStyle(long, indented int) bool {
	return long > 0 && indented*10 >= long*6
}

// onlyMastheadBefore reports whether the blocks before i are short lines.
func onlyMastheadBefore(blocks []block, i int) bool {
	for _, b := range blocks[:i] {
		if b.kind != bPara || runeLen(b.text) > 60 {
			return false
		}
	}
	return true
}

// isSubtitleText reports a line that reads as a subtitle: ——副题.
func isSubtitleText(s string) bool {
	return strings.HasPrefix(s, "——") || strings.HasPrefix(s, "—") || strings.HasPrefix(s, "--")
}

// masthead reads the masthead: the short lines before the first article,
// and returns the index of the first block after it. Lines that hold no
// field the model knows are kept in Issue.Masthead. When no line holds a
// masthead field, there is no masthead and the lines belong to the text.
func (p *parser) masthead(blocks []block) int {
	end := 0
	for i := range blocks {
		b := &blocks[i]
		if i == p.paperHead {
			end = i + 1
			continue
		}
		if b.kind != bPara || i >= mastheadBlocks || !p.shortLines(b) {
			break
		}
		if p.titleLevel == 0 && !p.looksMasthead(b.text) && p.titleGroup(blocks, i) > 0 {
			break
		}
		end = i + 1
	}
	// Masthead lines are read one by one, even where Markdown would join
	// them into one paragraph.
	var mast []string
	for i := 0; i < end; i++ {
		if i == p.paperHead {
			continue
		}
		b := &blocks[i]
		if b.end <= b.line || int(b.end) > len(p.lines) {
			mast = append(mast, b.text)
			continue
		}
		for _, l := range p.lines[b.line:b.end] {
			if l.text() != "" {
				mast = append(mast, l.text())
			}
		}
	}
	var probe Issue
	found := p.paperHead >= 0
	for _, l := range mast {
		if probe.readMasthead(l) {
			found = true
		}
	}
	if !found {
		return 0
	}
	is := p.is
	if p.paperHead >= 0 {
		is.Paper = blocks[p.paperHead].text
	}
	for _, l := range mast {
		if !is.readMasthead(l) {
			is.Masthead = append(is.Masthead, l)
		}
	}
	p.hasMast, p.printedMast = true, true
	return end
}

// mastheadBlocks is how many blocks at the start of a text may be its
// masthead.
const mastheadBlocks = 41

// shortLines reports whether every source line of a block is short enough
// for a masthead: at most 80 characters, and not a sentence of more than 30.
func (p *parser) shortLines(b *block) bool {
	lines := []lineInfo{{raw: b.text}}
	if b.line < b.end && int(b.end) <= len(p.lines) {
		lines = p.lines[b.line:b.end]
	}
	for _, l := range lines {
		if !atMost(l.text(), 80) || !atMost(l.text(), 30) && isSentenceEnd(lastRune(l.text())) {
			return false
		}
	}
	return true
}

// looksMasthead reports a line that holds a masthead field.
func (p *parser) looksMasthead(s string) bool {
	var probe Issue
	return probe.readMasthead(s)
}

// section starts a new section.
func (p *parser) section(page int, name string) {
	p.secs = append(p.secs, &secDraft{sec: Section{Page: page, Name: name}})
	p.cur = nil
	p.bound()
}

// ensureSection returns the current section, making one up when text
// comes before any page line.
func (p *parser) ensureSection() *secDraft {
	if len(p.secs) == 0 {
		p.secs = append(p.secs, &secDraft{implicit: true})
	}
	return p.secs[len(p.secs)-1]
}

// article starts a new article. Its head's texts are trimmed: a title
// line read from a paragraph keeps no markup, so a space the markup held
// ([ 图](x)) would stand at its edge (see plainInline).
func (p *parser) article(kicker, title, subtitle string) *draft {
	s := p.ensureSection()
	d := p.mem.draft()
	d.a.Kicker, d.a.Title, d.a.Subtitle, d.byHeader = trimSpace(kicker), trimSpace(title), trimSpace(subtitle), true
	s.arts = append(s.arts, d)
	p.cur = d
	d.blk = p.at
	d.start = p.bound()
	return d
}

// ensure returns the current article, starting an untitled one when text
// comes before any title.
func (p *parser) ensure() *draft {
	if p.cur == nil {
		d := p.article("", "", "")
		d.byHeader = false
	}
	return p.cur
}

// headOnly reports an article that has no body yet.
func (d *draft) headOnly() bool { return !d.sawBody }

// addPara appends a paragraph and its inline spans.
func (d *draft) addPara(text string, spans []Span, indent bool) {
	if text == "" {
		d.apart = true // nothing but markup: still a break
		return
	}
	for _, s := range spans {
		s.Para = len(d.a.Paragraphs)
		d.a.Spans = append(d.a.Spans, s)
	}
	d.a.Paragraphs = append(d.a.Paragraphs, text)
	d.indent = append(d.indent, indent || d.apart)
	d.sawBody, d.apart = true, false
}

// addBlock appends a non-prose block after the paragraphs so far.
func (d *draft) addBlock(b Block) {
	b.After = len(d.a.Paragraphs)
	d.a.Blocks = append(d.a.Blocks, b)
	d.sawBody = true
}

// addStructural adds a quote, list, table, image, code or crosshead
// block, or a paragraph marked as a block of its own kind.
func (p *parser) addStructural(b *block) {
	if blk := structural(b); blk.Kind != "" {
		p.ensure().addBlock(blk)
	}
}

// structural returns the Block of a block that is not prose.
func structural(b *block) Block {
	switch b.kind {
	case bBold:
		return Block{Kind: BlockHeading, Text: b.text, Spans: b.spans()}
	case bQuote:
		return Block{Kind: BlockQuote, Text: b.text, Spans: b.spans()}
	case bList:
		return Block{Kind: BlockList, Items: b.items, Ordered: b.ordered, Marker: b.marker, Levels: b.levels, Spans: b.spans()}
	case bTable:
		return Block{Kind: BlockTable, Rows: b.rows, Spans: b.spans()}
	case bImage:
		return Block{Kind: BlockImage, Src: b.src, Alt: b.alt, Text: b.caption}
	case bCode:
		return Block{Kind: BlockCode, Text: b.text, Lang: b.lang}
	case bTyped:
		return Block{Kind: b.typed, Text: b.text, Spans: b.spans()}
	}
	return Block{}
}

// walkHeadings builds sections and articles from text whose titles are
// Markdown headings of level p.titleLevel. A heading one level deeper right
// above a title is its kicker; a deeper heading right under a title is its
// subtitle, elsewhere a crosshead.
func (p *parser) walkHeadings(blocks []block, start int) {
	p.blocks = blocks
	for i := start; i < len(blocks); i++ {
		p.at = i
		b := &blocks[i]
		switch b.kind {
		case bPage:
			p.section(int(b.page), b.text)
		case bHeading:
			switch lv := b.level; {
			case i == p.paperHead:
			case lv == p.titleLevel:
				p.article("", b.text, "")
			case lv < p.titleLevel:
				p.section(0, b.text)
			case lv == p.titleLevel+1 && i+1 < len(blocks) && blocks[i+1].kind == bHeading && blocks[i+1].level == p.titleLevel:
				p.article(b.text, blocks[i+1].text, "")
				i++
			case p.cur != nil && p.cur.headOnly() && p.cur.a.Subtitle == "" && p.cur.byHeader:
				p.cur.a.Subtitle = b.text
			case p.cur == nil:
				p.article("", b.text, "")
			case b.text != "":
				p.cur.addBlock(Block{Kind: BlockHeading, Text: b.text})
			default:
				// An empty heading is only markup, but it still parts the
				// paragraphs around it.
				p.cur.apart = true
			}
		case bPara:
			p.paragraph(blocks, i)
		case bMeta:
			if p.cur != nil {
				p.cur.meta = append(p.cur.meta, b.jumps...)
			}
		case bRepeat:
			p.repeat(b.repeat)
		default:
			p.addStructural(b)
		}
	}
}

// repeat notes that the current page printed an article again.
func (p *parser) repeat(r Repeat) {
	s := p.ensureSection()
	s.sec.Repeats = append(s.sec.Repeats, r)
}

// paragraph adds the paragraph blocks[i] to the current article, or makes
// it the subtitle when it reads as one.
func (p *parser) paragraph(blocks []block, i int) {
	b := &blocks[i]
	d := p.ensure()
	if b.raw {
		// A skeleton parse: the paragraph is text of the article, whether
		// the whole parse makes it its subtitle, an image's caption or a
		// paragraph.
		d.addPara(b.text, nil, b.indent || b.sep)
		return
	}
	if d.headOnly() && d.byHeader && d.a.Subtitle == "" && d.a.Title != "" && !b.indent && isSubtitle(b.text, blocks[i+1:]) {
		d.a.Subtitle = trimSpace(b.text) // see article
		return
	}
	if n := len(d.a.Blocks); i > 0 && blocks[i-1].kind == bImage && !blocks[i-1].titled && n > 0 {
		if img := &d.a.Blocks[n-1]; img.Kind == BlockImage && img.Text == "" && img.After == len(d.a.Paragraphs) && isCaption(b.text) {
			img.Text, img.Spans = b.text, b.spans()
			return
		}
	}
	d.addPara(b.text, b.spans(), b.indent || b.sep)
}

// isSubtitle reports whether the first line under a title, not indented,
// is a subtitle (副题) rather than body text: it starts with a dash (——副题), or it is a
// line of at most 80 characters that does not end a sentence and is
// followed by the byline that opens the body (刘越高雷绍业出席并见证签约 朱健主持,
// then 衡阳日报讯…).
func isSubtitle(s string, next []block) bool {
	if isSubtitleText(s) && atMost(s, 120) {
		return true
	}
	if !atMost(s, 80) || isSentenceEnd(lastRune(s)) || strings.ContainsRune("：:；;”」", lastRune(s)) {
		return false
	}
	if leadBylineEnd(s) > 0 || isStandaloneByline(s) || len(next) == 0 {
		return false
	}
	nb := &next[0]
	switch nb.kind {
	case bPara:
		return leadBylineEnd(nb.text) > 0 || isStandaloneByline(nb.text)
	case bQuote:
		return isQuoteByline(nb.text)
	}
	return false
}

// walkPlain builds sections and articles from text without headings: title
// lines are recognised by their shape (see titleGroup).
func (p *parser) walkPlain(blocks []block, start int) {
	p.blocks = blocks
	for i := start; i < len(blocks); {
		p.at = i
		b := &blocks[i]
		switch b.kind {
		case bPage:
			p.section(int(b.page), b.text)
		case bPara:
			if n := p.titleGroup(blocks, i); n > 0 {
				p.articleFromGroup(blocks[i : i+n])
				i += n
				continue
			}
			p.paragraph(blocks, i)
		case bMeta:
			if p.cur != nil {
				p.cur.meta = append(p.cur.meta, b.jumps...)
			}
		case bRepeat:
			p.repeat(b.repeat)
		case bHeading:
			p.article("", b.text, "")
		default:
			p.addStructural(b)
		}
		i++
	}
}

// articleFromGroup starts an article from one to three title lines: one is
// the title; two are a kicker and the title, or the title and a subtitle
// that starts with a dash; three are kicker, title and subtitle.
func (p *parser) articleFromGroup(g []block) {
	switch len(g) {
	case 1:
		p.article("", g[0].text, "")
	case 2:
		if isSubtitleText(g[1].text) {
			p.article("", g[0].text, g[1].text)
		} else {
			p.article(g[0].text, g[1].text, "")
		}
	default:
		p.article(g[0].text, g[1].text, g[2].text)
	}
}

// titleGroup returns the number of title lines (1–3) that start at
// blocks[i], or 0. In text whose paragraphs are indented, a title line is a
// short line that is not indented; otherwise it is a line of at most 40
// characters that does not end with punctuation. Either way it is not a
// byline, it does not continue a paragraph that broke off (a line right
// after a paragraph that ends open), and body text follows the group.
func (p *parser) titleGroup(blocks []block, i int) int {
	if !p.titleShaped(&blocks[i]) {
		return 0
	}
	if i > 0 && !blocks[i].blank && blocks[i-1].kind == bPara && endsOpen(blocks[i-1].text) {
		return 0
	}
	n := 1
	for n < 3 && i+n < len(blocks) {
		b := &blocks[i+n]
		if !p.titleShaped(b) || b.blank && !p.blankMode {
			break
		}
		n++
	}
	if i+n >= len(blocks) {
		return 0
	}
	next := &blocks[i+n]
	switch next.kind {
	case bPara:
		if p.indentStyle && !next.indent || !p.indentStyle && p.titleShaped(next) {
			// More short lines follow: a list of lines, not titles.
			if !(isStandaloneByline(next.text) || leadBylineEnd(next.text) > 0) {
				return 0
			}
		}
	case bQuote, bList, bTable, bImage, bBold, bCode, bTyped:
	default:
		return 0
	}
	return n
}

// titleShaped reports whether a block could be a title line.
func (p *parser) titleShaped(b *block) bool {
	if b.kind != bPara {
		return false
	}
	if len(b.text) > 80*3 {
		return false
	}
	n := runeLen(b.text)
	if isStandaloneByline(b.text) || leadBylineEnd(b.text) > 0 || isClosingByline(b.text) {
		return false
	}
	if p.indentStyle {
		return !b.indent && n <= 60
	}
	if n > 40 || b.indent {
		return false
	}
	return !strings.ContainsRune("。．.！!？?；;：:，,、", lastRune(b.text))
}

// finish turns the drafts into the issue: bylines, layout repair, jump
// lines, stitching of continuations, numbering.
func (p *parser) finish() {
	is := p.is
	p.buildDrafts(true, len(p.secs) == 1)
	p.outline.numberDrafts(p)
	if !p.opt.noStitch {
		stitch(is)
	}
	p.outline.finish(p)
	is.normalise()
	if is.Paper == "" {
		is.Paper = derivePaper(is)
		p.derived = true
	}
}

// buildDrafts turns the drafts walked into sections of p.is: the front
// matter's title and author, bylines, layout repair, jump lines, with
// cite the first citation's paper, date and page (see applyCitation), and
// the sections built (one: see buildSections). The whole parse (finish)
// and each part of a streamed one (streamer.part) run it. It reports
// whether a citation was applied.
func (p *parser) buildDrafts(cite, one bool) (cited bool) {
	p.frontMatterTitle()
	p.finishDrafts()
	p.applyFrontMatter()
	if cite {
		cited = p.applyCitation()
	}
	p.buildSections(one)
	return cited
}

// finishDrafts finishes each article: byline, layout repair, jump lines.
func (p *parser) finishDrafts() {
	if p.opt.skeleton {
		if p.jumps {
			p.finishJumps()
		}
		return // other bodies are not read
	}
	for _, s := range p.secs {
		for _, d := range s.arts {
			finishArticle(d, p.indentStyle, false)
		}
	}
}

// buildSections appends the sections to the issue: empty articles are
// dropped, and pages with neither article nor name; a page named 广告 with
// no article is an ad page. A section made up for text before any page
// line is page 1 when the issue has a masthead and only (one) that
// section. With p.kept set, the drafts of the articles kept are noted
// there in order.
func (p *parser) buildSections(one bool) {
	is := p.is
	for _, s := range p.secs {
		arts := s.arts[:0]
		for _, d := range s.arts {
			if !d.empty() {
				arts = append(arts, d)
			}
		}
		s.arts = arts
		if len(arts) == 0 && s.sec.Name == "" && len(s.sec.Repeats) == 0 {
			continue // a page line and nothing else
		}
		sec := s.sec
		if len(arts) == 0 && len(sec.Repeats) == 0 && isAdName(sec.Name) {
			sec.Ad = true
		}
		if s.implicit && sec.Page == 0 && p.printedMast && one {
			// Text printed under a masthead is the front page; a note's
			// front matter gives no page (issue #13, item 11).
			sec.Page = 1
		}
		sec.Articles = p.articles(len(arts))
		for i, d := range arts {
			sec.Articles[i] = d.a
		}
		if p.kept != nil {
			p.kept = append(p.kept, arts...)
		}
		is.Sections = append(is.Sections, sec)
	}
}

// isAdName reports the name of an advertising page.
func isAdName(name string) bool {
	return name == "广告" || name == "廣告" || name == "广告版"
}

// empty reports an article with no text at all.
func (d *draft) empty() bool {
	a := &d.a
	return a.Title == "" && a.Kicker == "" && a.Subtitle == "" && a.Byline == "" &&
		len(a.Paragraphs) == 0 && len(a.Blocks) == 0 && len(d.meta) == 0
}

// normalise numbers the articles and makes the slices that JSON shows
// non-nil.
func (is *Issue) normalise() {
	if is.Sections == nil {
		is.Sections = []Section{}
	}
	normaliseSections(is.Sections, 0)
}

// normaliseSections numbers the articles of secs on from n and makes the
// slices that JSON shows non-nil; it returns the last number. normalise
// and Stream (numbering on from part to part) run it.
func normaliseSections(secs []Section, n int) int {
	for s := range secs {
		sec := &secs[s]
		if sec.Articles == nil {
			sec.Articles = []Article{}
		}
		for a := range sec.Articles {
			n++
			art := &sec.Articles[a]
			art.N = n
			if art.Paragraphs == nil {
				art.Paragraphs = []string{}
			}
			if art.Jumps == nil {
				art.Jumps = []Jump{}
			}
		}
	}
	return n
}

// derivePaper finds the paper's name when no masthead line gave it: from
// the publisher (衡阳日报社 → 衡阳日报) or from a byline (衡阳日报讯 …).
func derivePaper(is *Issue) string {
	if p := paperFromPublisher(is.Publisher); p != "" {
		return p
	}
	for s := range is.Sections {
		for a := range is.Sections[s].Articles {
			if p := paperFromByline(is.Sections[s].Articles[a].Byline); p != "" {
				return p
			}
		}
	}
	return ""
}

// paperFromPublisher is the paper a publisher's name gives (青溪日报社:
// 青溪日报), "" when it gives none.
func paperFromPublisher(publisher string) string {
	if p := strings.TrimSuffix(publisher, "社"); p != publisher && isPaperName(p) {
		return p
	}
	return ""
}

// finishArticle splits off the byline, repairs paragraphs broken by the
// layout and finds the jump lines, those of stitched continuations that
// WriteMarkdown wrote at their seams among them (see takeSeams).
//
// A web source (web true: the archive form, e-paper pages) breaks no
// paragraph: nothing is repaired, and its short lines are read as the
// parts of the body they are (see classifyWebBody).
func finishArticle(d *draft, indentStyle, web bool) {
	a := &d.a
	seams, before := takeSeams(d)
	if web {
		webByline(d)
	} else {
		findByline(d)
		p0 := ""
		if len(a.Paragraphs) > 0 {
			p0 = a.Paragraphs[0]
		}
		repairLayout(d, indentStyle)
		rejoinByline(d)
		if a.Byline == "" {
			// A byline that a line break cut, joined by the repair:
			// opening the first paragraph (!报 / 日电, FuzzParse
			// f4def841027ded51) or closing the last (（新华社北京10月1日电
			// 记者张三、李 / 四）, FuzzParse 1bd46c49d4dcee01), as the
			// Markdown dubao writes reads it.
			if !(len(a.Paragraphs) > 0 && a.Paragraphs[0] != p0 && leadByline(d)) {
				closingByline(d)
			}
		}
		// A byline keeps no spans: a space its paragraph's inline
		// markup held at its edge (□ 苏晚晴` `) would be written as text
		// at the end of its line, which reads back without it (FuzzParse
		// d3406d53d4372ddc).
		a.Byline = trimSpace(a.Byline)
	}
	a.Jumps = nil
	for i, para := range a.Paragraphs {
		a.Jumps = append(a.Jumps, findJumps(para, i)...)
	}
	a.Jumps = append(a.Jumps, placeSeams(d, seams, before)...)
	sortJumps(a.Jumps)
	for _, j := range a.Jumps {
		if j.Stitched && j.Dir == JumpTo {
			a.Continued = append(a.Continued, max(j.Page, 0))
		}
	}
}

// findByline finds the article's byline: a byline-like quote right under
// the headings, a first paragraph that is only a byline (□ 苏晚晴), the
// byline or dateline that opens the first paragraph, or, failing those, a
// last paragraph that is a byline in brackets.
func findByline(d *draft) {
	a := &d.a
	if a.Byline != "" {
		return // given by the source (an author line, a structured page)
	}
	if len(a.Blocks) > 0 && a.Blocks[0].After == 0 && a.Blocks[0].Kind == BlockQuote && isQuoteByline(a.Blocks[0].Text) && d.byHeader && a.Title != "" {
		byline, cite, ok := splitCitation(a.Blocks[0].Text)
		if !ok {
			a.Byline = a.Blocks[0].Text
			a.Blocks = a.Blocks[1:]
			return
		}
		// A note tool's "> 本报记者  张  洋《人民日报》（2025年01月02日第 01
		// 版）": the byline, then where the article was printed.
		d.cite = &cite
		a.Blocks = a.Blocks[1:]
		if len(a.Blocks) == 0 {
			a.Blocks = nil
		}
		if byline != "" {
			a.Byline = byline
			return
		}
	}
	if !leadByline(d) {
		closingByline(d)
	}
}

// leadByline takes a first paragraph that is only a byline (□ 苏晚晴),
// or the byline or dateline that opens it, for the article's byline. It
// reports whether the paragraph settled the byline: one was found, or a
// byline alone stands after a block, where it stays text.
func leadByline(d *draft) bool {
	a := &d.a
	if len(a.Paragraphs) == 0 {
		return false
	}
	p0 := a.Paragraphs[0]
	if isStandaloneByline(p0) {
		// Only when no block comes before it, so that the byline can
		// stand first in the body.
		if !blockAt(a, 0) {
			a.Byline = p0
			if byline, cite, ok := splitCitation(p0); ok && byline != "" {
				a.Byline, d.cite = byline, &cite
			}
			d.removePara(0)
			return true
		}
	} else if b, rest, ok := splitLeadByline(p0); ok {
		a.Byline = b
		if rest == "" {
			if blockAt(a, 0) {
				a.Byline = ""
				return true
			}
			d.removePara(0)
		} else {
			a.Paragraphs[0] = rest
			a.spansCutStart(0, len(p0)-len(rest))
			a.BylineInline = true
		}
		return true
	}
	return false
}

// closingByline takes a last paragraph that is a byline in brackets, with
// a paragraph before it and no block after it, for the article's byline.
func closingByline(d *draft) {
	a := &d.a
	last := len(a.Paragraphs) - 1
	if last >= 1 && isClosingByline(a.Paragraphs[last]) {
		for _, b := range a.Blocks {
			if b.After > last {
				return // a block follows the byline: keep the order
			}
		}
		a.Byline, a.BylineEnd = a.Paragraphs[last], true
		d.removePara(last)
	}
}

// rejoinByline takes into a run-in byline the bracketed group after it that
// a line break had cut (本报讯(记者 / 张三)…): findByline saw only the first
// line, repairLayout joined the rest, and the joined text, as WriteMarkdown
// writes it, reads back with the group in the byline.
func rejoinByline(d *draft) {
	a := &d.a
	if !a.BylineInline || len(a.Paragraphs) == 0 || bracketGroup(a.Paragraphs[0]) == 0 {
		return
	}
	p0 := a.Paragraphs[0]
	b, rest, ok := splitLeadByline(a.Byline + p0)
	if !ok || len(b) <= len(a.Byline) || !strings.HasPrefix(b, a.Byline) {
		return
	}
	if rest == "" {
		if blockAt(a, 0) {
			return
		}
		a.Byline, a.BylineInline = b, false
		d.removePara(0)
		return
	}
	a.Byline = b
	a.Paragraphs[0] = rest
	a.spansCutStart(0, len(p0)-len(rest))
}

// removePara removes paragraph i, keeping the blocks where they were
// and the paragraphs marked cut (Article.Cut) marked.
func (d *draft) removePara(i int) {
	a := &d.a
	a.Paragraphs = append(a.Paragraphs[:i], a.Paragraphs[i+1:]...)
	d.indent = append(d.indent[:i], d.indent[i+1:]...)
	a.spansRemovePara(i)
	for k := range a.Blocks {
		if a.Blocks[k].After > i {
			a.Blocks[k].After--
		}
	}
	if len(a.Cut) > 0 {
		cut := a.Cut[:0]
		for _, c := range a.Cut {
			switch {
			case c > i:
				cut = append(cut, c-1)
			case c < i:
				cut = append(cut, c)
			}
		}
		if len(cut) == 0 {
			cut = nil
		}
		a.Cut = cut
	}
}

// isCaption reports whether the paragraph right under an image is its
// caption: 图为…, 上图：…, …摄, …供图, (资料图片), or a short line that does
// not end a sentence.
func isCaption(s string) bool {
	for _, p := range [...]string{"图为", "图：", "图:", "上图", "下图", "左图", "右图", "图①", "图1", "题图", "图片"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	t := strings.TrimRight(s, ")）")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "资料图片"), "资料图")
	for _, p := range [...]string{"摄", "摄影", "供图", "图", "（", "("} {
		if strings.HasSuffix(t, p) {
			return true
		}
	}
	return runeLen(s) <= 40 && !isSentenceEnd(lastRune(s))
}
