package issue

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// WriteMarkdown writes the issue as Markdown that Parse reads back to the
// same model (encoding and invalid-byte count aside):
//
//   - YAML front matter with the masthead fields (paper, paper_en, date,
//     weekday, lunar, number, pages, serial, website, supervisor,
//     sponsor, publisher, masthead);
//   - each section as a page line heading: "# 第3版 经济" (第0版 when the
//     page is unknown), but for a first page whose label no heading
//     reads back as (a name too long): its page and name are written in
//     the front matter's section and section_name fields;
//   - each article as Article.Markdown writes it, but for the first
//     article's byline when only the front matter's author field gives
//     it back (see authorOnly), and its title when no heading does (a
//     title of lines, which only a front matter's title gives): they
//     are written there, the title over an empty heading.
func WriteMarkdown(w io.Writer, is *Issue) error {
	bw := bufio.NewWriter(w)
	fields := mastheadFields(is)
	first := firstArticle(is)
	if first != nil && authorOnly(first) {
		fields.Author = first.Byline
	}
	if first != nil && !titleReadsBack(first.Title) {
		// Parse gives the front matter's title to the first article
		// when its heading has none (FuzzParse 0d66f7741e58480d).
		fields.Title = first.Title
	}
	// The first page's label, when no page heading reads back as it (a
	// front matter's section_name too long for a page line), goes to
	// the front matter's section and section_name, which Parse gives
	// the text before the first page heading.
	labelInFront := len(is.Sections) > 0 && len(is.Sections[0].Articles) > 0 && len(is.Sections[0].Repeats) == 0 &&
		!labelReadsBack(is.Sections[0].Page, is.Sections[0].Name)
	if labelInFront {
		if p := is.Sections[0].Page; p > 0 {
			fields.Section = strconv.Itoa(p)
		}
		fields.SectionName = is.Sections[0].Name
	}
	fm, err := yaml.Marshal(fields)
	if err != nil {
		return err
	}
	if len(fm) > 0 && string(fm) != "{}\n" {
		bw.WriteString("---\n")
		bw.Write(fm)
		bw.WriteString("---\n\n")
	}
	var sb strings.Builder
	for s := range is.Sections {
		sec := &is.Sections[s]
		sb.Reset()
		if s > 0 || !labelInFront {
			heading(&sb, "#", sectionLabel(sec.Page, sec.Name))
		}
		for _, r := range sec.Repeats {
			sb.WriteString(repeatComment(r))
			sb.WriteString("\n\n")
		}
		for a := range sec.Articles {
			art := &sec.Articles[a]
			writeArticle(&sb, art, art == first && fields.Title != "", art == first && fields.Author != "")
			if _, err := bw.WriteString(sb.String()); err != nil {
				return err
			}
			sb.Reset()
		}
		if _, err := bw.WriteString(sb.String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// repeatPrefix opens the comment that names an article a page printed
// again (Section.Repeats): <!-- dubao:repeat 1 "标题" -->.
const repeatPrefix = "<!-- dubao:repeat "

// repeatComment writes a page's repeat of an article.
func repeatComment(r Repeat) string {
	return repeatPrefix + strconv.Itoa(max(r.Page, 0)) + " " + strconv.Quote(r.Title) + " -->"
}

// readRepeat reads a comment that repeatComment wrote.
func readRepeat(t string) (Repeat, bool) {
	rest, ok := strings.CutPrefix(t, repeatPrefix)
	if !ok {
		return Repeat{}, false
	}
	rest, ok = strings.CutSuffix(rest, " -->")
	num, title, ok2 := strings.Cut(rest, " ")
	if !ok || !ok2 {
		return Repeat{}, false
	}
	page, err := strconv.Atoi(num)
	if err != nil || page < 0 || num != strconv.Itoa(page) {
		return Repeat{}, false
	}
	title, err = strconv.Unquote(title)
	if err != nil {
		return Repeat{}, false
	}
	return Repeat{Page: page, Title: title}, true
}

// sectionLabel writes a section's page line: 第3版 经济, 第0版 when the
// page is unknown, so that it always reads back as a page line.
func sectionLabel(page int, name string) string {
	page = max(page, 0)
	if name == "" {
		return fmt.Sprintf("第%d版", page)
	}
	// A name that starts like a separator is kept by a backslash.
	if r := firstRune(name); strings.ContainsRune(" :：·・—-|｜\u3000\u00a0\\", r) {
		name = "\\" + name
	}
	return fmt.Sprintf("第%d版 %s", page, name)
}

// yamlMasthead orders the front matter fields.
type yamlMasthead struct {
	Paper      string   `yaml:"paper,omitempty"`
	PaperEn    string   `yaml:"paper_en,omitempty"`
	Date       string   `yaml:"date,omitempty"`
	Weekday    string   `yaml:"weekday,omitempty"`
	Lunar      string   `yaml:"lunar,omitempty"`
	Number     int      `yaml:"number,omitempty"`
	Pages      int      `yaml:"pages,omitempty"`
	Serial     string   `yaml:"serial,omitempty"`
	Website    string   `yaml:"website,omitempty"`
	Supervisor string   `yaml:"supervisor,omitempty"`
	Sponsor    string   `yaml:"sponsor,omitempty"`
	Publisher  string   `yaml:"publisher,omitempty"`
	Masthead   []string `yaml:"masthead,omitempty"`
	// Title is the first article's title when no heading gives it back
	// (see titleReadsBack).
	Title string `yaml:"title,omitempty"`
	// Author is the first article's byline when only the front matter
	// gives it back (see authorOnly).
	Author string `yaml:"author,omitempty"`
	// Section and SectionName are the first page's number and name
	// when no page heading reads back as them (see labelReadsBack).
	Section     string `yaml:"section,omitempty"`
	SectionName string `yaml:"section_name,omitempty"`
}

// labelReadsBack reports whether the page heading WriteMarkdown writes
// for a page reads back as its number and name (a heading is one line:
// a name of lines is not one).
func labelReadsBack(page int, name string) bool {
	p, n, ok := parsePageHeading(sectionLabel(page, name))
	return ok && p == max(page, 0) && n == name && !strings.ContainsAny(name, "\n\r")
}

// titleReadsBack reports whether the heading WriteMarkdown writes for a
// title reads back as it: a heading is one line, a title of lines (a
// front matter's, YAML folding its lines) is not one.
func titleReadsBack(title string) bool {
	return !strings.ContainsAny(title, "\n\r")
}

// firstArticle returns the issue's first article, the one Parse gives the
// front matter's title and author, or nil.
func firstArticle(is *Issue) *Article {
	for s := range is.Sections {
		if len(is.Sections[s].Articles) > 0 {
			return &is.Sections[s].Articles[0]
		}
	}
	return nil
}

// authorOnly reports a byline written before the body that neither a
// quote line under the title nor a first paragraph reads back as a byline
// (?0, 记者甲。): a note tool's front matter author, which only the front
// matter's author field gives back, and only to the first article.
func authorOnly(a *Article) bool {
	return a.Title != "" && a.Byline != "" && !a.BylineEnd && !(a.BylineInline && len(a.Paragraphs) > 0) &&
		!isQuoteByline(a.Byline) && !bylineParagraph(a.Byline)
}

// mastheadFields collects the masthead for the front matter.
func mastheadFields(is *Issue) yamlMasthead {
	return yamlMasthead{
		Paper: is.Paper, PaperEn: is.PaperEn, Date: is.Date, Weekday: is.Weekday, Lunar: is.Lunar,
		Number: is.Number, Pages: is.Pages, Serial: is.Serial, Website: is.Website,
		Supervisor: is.Supervisor, Sponsor: is.Sponsor, Publisher: is.Publisher, Masthead: is.Masthead,
	}
}

// Markdown returns the article as Markdown that Parse reads back to the
// same article:
//
//	### 引题 (kicker)
//	## 主题 (title; "##" alone when there is none)
//	#### 副题 (subtitle)
//	> □ 李晓梅 (a byline that stood on its own line)
//	paragraphs, one per line, a blank line between, the first opening with
//	its run-in byline (本报讯(记者 …) …); crossheads as **bold**
//	lines, quotes, lists, pipe tables, images ![alt](src) with their caption
//	on the next line (or as the image title when it does not read as one)
//	a closing byline as the last paragraph
//
// The jump lines of a continuation that was stitched on are written as a
// comment at the end of the paragraph that holds their seam (see Jump),
// where Parse takes them out again; at=-N says that the seam is N
// characters before the end of the paragraph (the continuation was joined
// to it), none that it is at the end:
//
//	说到一半,另一半。<!-- dubao:stitched (下转第三版) (上接第一版) at=-4 -->
//
// Stitched jumps with no paragraph are written as a comment of their own
// after the article.
//
// A paragraph that would read as markup starts with a backslash; one that
// Parse would join to the paragraph before it (which ends mid-sentence but
// was not cut) starts with two full-width spaces.
func (a *Article) Markdown() string {
	var sb strings.Builder
	writeArticle(&sb, a, false, false)
	return sb.String()
}

// writeArticle writes a as Markdown to sb, its title left to the front
// matter when titleInFront is set (an empty heading written for it), its
// byline when inFront is.
func writeArticle(sb *strings.Builder, a *Article, titleInFront, inFront bool) {
	if a.Kicker != "" {
		heading(sb, "###", a.Kicker)
	}
	if titleInFront {
		heading(sb, "##", "")
	} else {
		heading(sb, "##", a.Title)
	}
	if a.Subtitle != "" {
		heading(sb, "####", a.Subtitle)
	}
	inline := a.BylineInline && !a.BylineEnd && len(a.Paragraphs) > 0
	byline := a.Byline != "" && !a.BylineEnd && !inline && !inFront // written before the body
	switch {
	case !byline:
	case a.Title == "" || !isQuoteByline(a.Byline) && bylineParagraph(a.Byline):
		// Without a title, or when a quote would not read as one, a
		// byline stands as the first paragraph.
		sb.WriteString(writeLine(a.Byline, nil))
		sb.WriteString("\n\n")
	default:
		sb.WriteString("> ")
		sb.WriteString(escapeQuoteLine(inlineText(a.Byline)))
		sb.WriteString("\n\n")
	}
	cut := map[int]bool{}
	for _, c := range a.Cut {
		cut[c] = true
	}
	// written holds the paragraphs as Parse reads them before it takes
	// the seams out: each with the comments of its seams at its end (see
	// withSeams). A paragraph is written with them as one line of inline
	// Markdown, so that a jump line in a comment that holds marks (\\,
	// *甲*) reads back as it was (FuzzParse 9a1c3df0f34a404e); one with
	// none is written as it stands.
	written, rest := withSeams(a)
	spans := paraSpans(a)
	for i := 0; i <= len(a.Paragraphs); i++ {
		for b := range a.Blocks {
			blk := &a.Blocks[b]
			if blk.After == i || i == len(a.Paragraphs) && blk.After > i {
				writeBlock(sb, blk, a, written, i)
			}
		}
		if i == len(a.Paragraphs) {
			break
		}
		if i == 0 && !inline && subtitleAhead(a, written, byline) {
			// Keep Parse from reading the first paragraph as a subtitle.
			sb.WriteString("\u3000\u3000")
		}
		if i > 0 && !blockAt(a, i) && endsOpen(a.Paragraphs[i-1]) {
			// Keep Parse from mending a break it would mend differently.
			join, isCut := breakRule(a.Paragraphs[i-1], a.Paragraphs[i], false, i+1 == len(a.Paragraphs))
			if join || isCut != cut[i-1] {
				sb.WriteString("\u3000\u3000")
			}
		}
		if i == 0 && inline {
			// The byline runs into the first paragraph, as printed.
			sep := ""
			if r := lastRune(a.Byline); r != ')' && r != '）' && r != '：' && r != ':' {
				sep = " "
			}
			shift := len(a.Byline) + len(sep)
			moved := make([]Span, len(spans[0]))
			for k, s := range spans[0] {
				s.Start, s.End = s.Start+shift, s.End+shift
				moved[k] = s
			}
			w, _ := writeInline(a.Byline+sep+written[i], moved)
			sb.WriteString(w)
		} else {
			sb.WriteString(writeLine(written[i], spans[i]))
		}
		sb.WriteString("\n\n")
	}
	if a.Byline != "" && a.BylineEnd {
		sb.WriteString(writeLine(a.Byline, nil))
		sb.WriteString("\n\n")
	}
	if len(rest) > 0 {
		sb.WriteString(seamComment(rest, 0))
		sb.WriteString("\n\n")
	}
}

// bylineParagraph reports a byline that Parse reads back as one from the
// first paragraph.
func bylineParagraph(b string) bool {
	if isStandaloneByline(b) {
		return true
	}
	_, rest, ok := splitLeadByline(b)
	return ok && rest == ""
}

// inlineText returns a text without spans as inline Markdown that reads
// back as the same text.
func inlineText(s string) string {
	w, _ := writeInline(s, nil)
	return w
}

// writeLine returns text with its spans as a line of Markdown (escaped by
// escapeLine) that reads back as the same text and spans: the backslash
// escapeLine puts in front of a line that would read as markup also
// escapes its first mark, so a form is taken only when it reads back the
// same with that backslash (`**I***` would become `\**I***`, where `\*`
// is a literal * and `*I*` emphasis; `**I**\*` needs no backslash).
func writeLine(text string, spans []Span) string {
	w, _ := writeInlineIf(text, spans, func(w string) bool {
		t, ss := parseInline(lineInline(escapeLine(w)))
		return t == text && sameSpans(ss, spans)
	})
	return escapeLine(w)
}

// lineInline returns what Parse reads as inline Markdown of a paragraph's
// line l: l without the backslash of an escaped line start that no ASCII
// punctuation mark follows (\0) *甲*, where the line would read as a list
// item: its spans were dropped, FuzzParse 93b9aac5a78b2d61), as the
// block reader takes it off (see unescapeStart).
func lineInline(l string) string {
	if escapedStart(l) && !isASCIIPunct(l[1]) {
		return l[1:]
	}
	return l
}

// paraSpans returns the spans of each paragraph of a, relative to it.
func paraSpans(a *Article) [][]Span {
	out := make([][]Span, len(a.Paragraphs))
	for _, s := range a.Spans {
		if p := s.Para; p >= 0 && p < len(out) {
			s.Para = 0
			out[p] = append(out[p], s)
		}
	}
	return out
}

// withSeams returns the paragraphs of a, each that holds seams with the
// comments of their stitched jumps at its end, and the stitched jumps
// that have no paragraph.
func withSeams(a *Article) (written []string, rest []Jump) {
	// at[p] lists the seams of paragraph p: offset and jumps, in order.
	type seamAt struct {
		off   int
		jumps []Jump
	}
	var at map[int][]seamAt
	for _, j := range a.Jumps {
		if !j.Stitched {
			continue
		}
		if j.Para < 0 || j.Para >= len(a.Paragraphs) {
			rest = append(rest, j)
			continue
		}
		if at == nil {
			at = map[int][]seamAt{}
		}
		off := min(max(j.Offset, 0), len(a.Paragraphs[j.Para]))
		ss := at[j.Para]
		if n := len(ss); n > 0 && ss[n-1].off == off {
			ss[n-1].jumps = append(ss[n-1].jumps, j)
		} else {
			ss = append(ss, seamAt{off: off, jumps: []Jump{j}})
		}
		at[j.Para] = ss
	}
	if at == nil {
		return a.Paragraphs, rest
	}
	written = append([]string(nil), a.Paragraphs...)
	for p, ss := range at {
		sort.SliceStable(ss, func(x, y int) bool { return ss[x].off < ss[y].off })
		var sb strings.Builder
		for _, s := range ss {
			sb.WriteString(seamComment(s.jumps, utf8.RuneCountInString(written[p][s.off:])))
		}
		written[p] += sb.String()
	}
	return written, rest
}

// seamComment returns the comment that holds the stitched jumps js of a
// seam back characters before the end of its paragraph.
func seamComment(js []Jump, back int) string {
	var sb strings.Builder
	sb.WriteString(metaPrefix)
	for _, j := range js {
		sb.WriteString(j.Text)
		sb.WriteByte(' ')
	}
	if back > 0 {
		sb.WriteString(seamBack)
		sb.WriteString(strconv.Itoa(back))
		sb.WriteByte(' ')
	}
	sb.WriteString("-->")
	return sb.String()
}

// seamBack, in a seam comment, says how many characters before the end of
// the paragraph the seam is: at=-7.
const seamBack = "at=-"

// seam is a comment of stitched jumps found at the end of a paragraph.
type seam struct {
	jumps []Jump
	at    int  // where the seam is, a byte offset in the paragraphs end to end
	after bool // at the end of its paragraph: the seam belongs to that one
}

// takeSeams takes the comments Article.Markdown writes at the end of the
// paragraphs that hold seams out of the paragraphs of d, before the byline
// and the layout repair look at them, and returns them and the paragraphs
// end to end without them; placeSeams turns them into stitched jumps once
// the paragraphs are final. Only comments that end their paragraph and
// hold jump lines (and the seam's place) and nothing else are taken; a
// paragraph left empty goes, and its seams go to the paragraph before.
func takeSeams(d *draft) ([]seam, string) {
	a := &d.a
	if !slices.ContainsFunc(a.Paragraphs, func(p string) bool {
		return strings.HasSuffix(p, "-->") && strings.Contains(p, metaPrefix)
	}) {
		return nil, "" // the common case: no seam, nothing copied
	}
	var seams []seam
	var all strings.Builder
	for i := 0; i < len(a.Paragraphs); {
		p := a.Paragraphs[i]
		if !strings.HasSuffix(p, "-->") || !strings.Contains(p, metaPrefix) {
			all.WriteString(p)
			i++
			continue
		}
		// The comments that end p, last first.
		type found struct {
			jumps []Jump
			back  int
		}
		var fs []found
		text := p
		for strings.HasSuffix(text, "-->") {
			c := strings.LastIndex(text, metaPrefix)
			if c < 0 {
				break
			}
			js, back, ok := seamJumps(text[c+len(metaPrefix) : len(text)-len("-->")])
			if !ok {
				break
			}
			fs = append(fs, found{js, back})
			text = text[:c]
		}
		if len(fs) == 0 {
			all.WriteString(p)
			i++
			continue
		}
		for k := len(fs) - 1; k >= 0; k-- {
			// The seam, back characters before the end of the text.
			off := len(text)
			for n := 0; n < fs[k].back && off > 0; n++ {
				_, size := utf8.DecodeLastRuneInString(text[:off])
				off -= size
			}
			after := off == len(text) && (text != "" || i > 0)
			seams = append(seams, seam{jumps: fs[k].jumps, at: all.Len() + off, after: after})
		}
		all.WriteString(text)
		if text == "" {
			d.removePara(i)
			continue
		}
		a.Paragraphs[i] = text
		a.editSpans(func(*Span) bool { return true }) // cut to the text
		i++
	}
	if len(seams) == 0 {
		return nil, ""
	}
	return seams, all.String()
}

// seamJumps reads the inside of a seam comment: its jump lines and how
// many characters before the end of the paragraph the seam is; ok is false
// unless it holds one jump line or more, an at=-N at most, and nothing
// else.
func seamJumps(inner string) (js []Jump, back int, ok bool) {
	js = findJumps(inner, -1)
	rest := inner
	for _, j := range js {
		rest = strings.Replace(rest, j.Text, "", 1)
	}
	rest = trimSpace(rest)
	if n, found := strings.CutPrefix(rest, seamBack); found {
		v, err := strconv.Atoi(n)
		if err != nil || v <= 0 || n[0] == '+' {
			return nil, 0, false
		}
		back, rest = v, ""
	}
	if len(js) == 0 || rest != "" {
		return nil, 0, false
	}
	for k := range js {
		js[k].Stitched = true
	}
	return js, back, true
}

// placeSeams returns the stitched jumps of the seams takeSeams found, at
// their place in the final paragraphs of d (before is what takeSeams
// returned), then those of the comments that stood on their own (d.meta),
// whose place is not known: at the end of the text.
func placeSeams(d *draft, seams []seam, before string) []Jump {
	a := &d.a
	var out []Jump
	n := len(a.Paragraphs)
	end := func() (int, int) {
		if n == 0 {
			return -1, -1
		}
		return n - 1, len(a.Paragraphs[n-1])
	}
	if len(seams) > 0 {
		var sb strings.Builder
		for _, p := range a.Paragraphs {
			sb.WriteString(p)
		}
		now := sb.String()
		// The byline taken off the start or the end of the text is all
		// that changed it: find where the text now starts in before.
		back := 0
		if a.BylineEnd {
			back = len(a.Byline)
		}
		front := len(before) - back - len(now)
		known := front >= 0 && before[front:front+len(now)] == now
		for _, s := range seams {
			para, off := end()
			if known && n > 0 {
				para, off = locate(a.Paragraphs, s.at-front, s.after)
			}
			for _, j := range s.jumps {
				j.Para, j.Offset = para, off
				out = append(out, j)
			}
		}
	}
	for _, t := range d.meta {
		j := Jump{Text: t, Stitched: true}
		if js := findJumps(t, -1); len(js) == 1 {
			j.Page, j.Dir = js[0].Page, js[0].Dir
		}
		j.Para, j.Offset = end()
		out = append(out, j)
	}
	return out
}

// locate returns the paragraph and offset of byte at of paragraphs ps end
// to end; at a paragraph break, the end of the paragraph before it when
// after is set, else the start of the next.
func locate(ps []string, at int, after bool) (int, int) {
	if at <= 0 {
		return 0, 0
	}
	start := 0
	for k, p := range ps {
		if end := start + len(p); at < end || after && at == end {
			return k, at - start
		}
		start += len(p)
	}
	return len(ps) - 1, len(ps[len(ps)-1])
}

// heading writes a heading line. A text ending in # gets a closing
// sequence so that its own # survive; one that would read as a page line
// (or starts with a backslash) gets a backslash in front.
func heading(sb *strings.Builder, marks, text string) {
	sb.WriteString(marks)
	if text != "" {
		sb.WriteByte(' ')
		if marks != "#" {
			// A section's name is read as written; a title's inline
			// markup is dropped.
			text = inlineText(text)
		}
		if _, _, page := parsePageLine(text); marks != "#" && page || strings.HasPrefix(text, "\\") && !(marks != "#" && len(text) > 1 && isASCIIPunct(text[1])) {
			sb.WriteByte('\\') // not a page line, not an escape
		}
		sb.WriteString(text)
		if strings.HasSuffix(text, "#") {
			sb.WriteString(" #")
		}
	}
	sb.WriteString("\n\n")
}

// writeBlock writes one block of a; i is the index of the paragraph after
// it, paras the paragraphs as written.
func writeBlock(sb *strings.Builder, b *Block, a *Article, paras []string, i int) {
	switch b.Kind {
	case BlockHeading:
		sb.WriteString("**")
		w, _ := writeInlineIf(b.Text, b.Spans, func(w string) bool {
			line := "**" + w + "**"
			_, bold := boldInner(line)
			return bold && !isRule(line)
		})
		sb.WriteString(w)
		sb.WriteString("**\n\n")
	case BlockQuote:
		w, _ := writeInline(b.Text, b.Spans)
		for k, line := range strings.Split(w, "\n") {
			if k > 0 {
				sb.WriteString(">\n")
			}
			sb.WriteString("> ")
			sb.WriteString(escapeQuoteLine(line))
			sb.WriteByte('\n')
		}
		sb.WriteByte('\n')
	case BlockList:
		for k, it := range b.Items {
			if k < len(b.Levels) {
				sb.WriteString(strings.Repeat("  ", max(b.Levels[k], 0)))
			}
			mark := "- "
			switch {
			case b.Ordered:
				mark = itoa(k+1) + ". "
			case b.Marker != "":
				mark = b.Marker + " "
			}
			sb.WriteString(mark)
			w, _ := writeInline(it, spansIn(b.Spans, 0, k, 0))
			if isRule(mark + w) {
				// An item - - would read as a rule (- - -).
				sb.WriteByte('\\')
			}
			sb.WriteString(w)
			sb.WriteByte('\n')
		}
		sb.WriteByte('\n')
	case BlockCode:
		c, longest := byte('`'), 0
		for i := 0; i < len(b.Text); i++ {
			if b.Text[i] == c {
				n := runLen(b.Text, i, c)
				longest = max(longest, n)
				i += n - 1
			}
		}
		f := strings.Repeat(string(c), max(3, longest+1))
		sb.WriteString(f)
		sb.WriteString(b.Lang)
		sb.WriteByte('\n')
		if b.Text != "" {
			sb.WriteString(b.Text)
			sb.WriteByte('\n')
		}
		sb.WriteString(f)
		sb.WriteString("\n\n")
	case BlockAttribution, BlockPhotoCredit, BlockLayoutCredit, BlockByline:
		sb.WriteString(typedPrefix)
		sb.WriteString(string(b.Kind))
		sb.WriteString(" -->\n")
		sb.WriteString(writeLine(b.Text, b.Spans))
		sb.WriteString("\n\n")
	case BlockTable:
		for r, row := range b.Rows {
			sb.WriteByte('|')
			for k, c := range row {
				sb.WriteByte(' ')
				w, _ := writeInlineIf(c, spansIn(b.Spans, 0, r, k), pipesUnescaped)
				sb.WriteString(strings.ReplaceAll(w, "|", "\\|"))
				sb.WriteString(" |")
			}
			sb.WriteByte('\n')
			if r == 0 {
				sb.WriteByte('|')
				for range max(len(row), 1) {
					sb.WriteString(" --- |")
				}
				sb.WriteByte('\n')
			}
		}
		sb.WriteByte('\n')
	case BlockImage:
		sb.WriteString("![")
		sb.WriteString(escapeAlt(b.Alt))
		sb.WriteString("](")
		if b.Src == "" || strings.ContainsAny(b.Src, " ()<>\"") {
			sb.WriteString("<" + angleEscaper.Replace(b.Src) + ">")
		} else {
			sb.WriteString(b.Src)
		}
		next := ""
		if i < len(paras) && b.After == i && !laterBlockAt(a, b, i) {
			next = paras[i]
		}
		caption, _ := writeInline(b.Text, b.Spans)
		switch {
		case b.Text != "" && isCaption(b.Text) && startsPlain(caption):
			sb.WriteString(")\n\n")
			sb.WriteString(caption)
			sb.WriteString("\n\n")
			return
		case b.Text != "" || next != "" && isCaption(next):
			sb.WriteString(` "`)
			sb.WriteString(strings.ReplaceAll(strings.ReplaceAll(b.Text, `\`, `\\`), `"`, `\"`))
			sb.WriteString(`")`)
		default:
			sb.WriteString(")")
		}
		sb.WriteString("\n\n")
	}
}

// subtitleAhead reports whether Parse would take the article's first
// paragraph, written right under the title, for a subtitle (paras: the
// paragraphs as written).
func subtitleAhead(a *Article, paras []string, bylineFirst bool) bool {
	if a.Title == "" || a.Subtitle != "" || bylineFirst || len(a.Paragraphs) == 0 || blockAt(a, 0) {
		return false
	}
	var next []block
	switch {
	case blockAt(a, 1):
		for _, b := range a.Blocks {
			if b.After == 1 {
				switch b.Kind {
				case BlockQuote:
					next = []block{{kind: bQuote, text: b.Text}}
				default:
					next = []block{{kind: bList}}
				}
				break
			}
		}
	case len(a.Paragraphs) > 1:
		next = []block{{kind: bPara, text: paras[1]}}
	}
	return isSubtitle(paras[0], next)
}

// laterBlockAt reports another block after b anchored at the same place.
func laterBlockAt(a *Article, b *Block, i int) bool {
	seen := false
	for k := range a.Blocks {
		if &a.Blocks[k] == b {
			seen = true
			continue
		}
		if seen && a.Blocks[k].After == i {
			return true
		}
	}
	return false
}

// itoa formats a small non-negative number.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// angleEscaper escapes an image source written between < and >.
var angleEscaper = strings.NewReplacer(`\`, `\\`, `<`, `\<`, `>`, `\>`)

// escapeAlt escapes the brackets of an image's alternative text.
func escapeAlt(s string) string {
	if !strings.ContainsAny(s, `[]\`) {
		return s
	}
	r := strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}

// startsPlain reports text that reads as a plain paragraph when it starts a
// line.
func startsPlain(s string) bool { return escapeLine(s) == s }

// escapeLine returns a paragraph's text as a line of Markdown: with a
// backslash in front when it would otherwise read as markup (a heading, a
// quote, a list item, a table row, an image, a page line, a rule…).
func escapeLine(s string) string {
	if s == "" || !lineHazard(s) {
		return s
	}
	return "\\" + s
}

// lineHazard reports text that Parse would not read as a plain paragraph.
func lineHazard(s string) bool {
	switch s[0] {
	case '>', '|':
		return true
	case '\\':
		// An escaped ASCII punctuation mark is inline markup, read as
		// such; any other backslash would read as an escaped line start.
		return len(s) < 2 || !isASCIIPunct(s[1])
	case '`', '~':
		_, _, _, ok := fence(s)
		return ok
	case '#':
		lv, _ := headingLevel(s)
		return lv > 0
	case '!':
		_, _, _, ok := imageLine(s)
		return ok
	case '<':
		return strings.HasPrefix(s, "<!--") || strings.HasPrefix(s, "<figure")
	}
	if _, _, ok := listItem(s); ok {
		return true
	}
	if isRule(s) {
		return true
	}
	if _, ok := boldLine(s); ok {
		return true
	}
	_, _, ok := parsePageLine(s)
	return ok
}

// escapeQuoteLine escapes a line of inline Markdown inside a block quote.
func escapeQuoteLine(s string) string {
	if strings.HasPrefix(s, ">") {
		return "\\" + s
	}
	return s
}

// pipesUnescaped reports whether every | of a table cell's inline markup
// follows an even run of backslashes, so that the \| it is written as is
// an escaped pipe and not a backslash before a cell border.
func pipesUnescaped(w string) bool {
	for i := strings.IndexByte(w, '|'); i >= 0; {
		if escapedAt(w, i) {
			return false
		}
		j := strings.IndexByte(w[i+1:], '|')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return true
}
