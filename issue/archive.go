package issue

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unsafe"

	"dubao/issue/safefile"
)

// ErrNotIssueFolder is returned by Open and OpenFolder for a folder that
// does not hold exactly one issue in the per-article archive form (it may
// be a shelf of many issues).
var ErrNotIssueFolder = errors.New("not a folder of one issue")

// Open reads the issue at path: a file, or a folder holding one issue's
// per-article files (YYYYMMDD-PP-NN.txt, the archive form of web
// editions). A folder that is not one issue gives ErrNotIssueFolder.
func Open(path string, opt Options) (*Issue, error) {
	if opt.Name == "" {
		opt.Name = path
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, oneLine(err)
	}
	if st.IsDir() {
		return OpenFolder(path, opt)
	}
	if _, _, _, ok := ArchiveName(path); ok {
		data, err := readFile(path, opt)
		if err != nil {
			return nil, err
		}
		return ParseArchiveOwned(path, data, opt)
	}
	return ParseFile(path, opt)
}

// ParseArchiveOwned reads one file of the per-article archive form opened
// on its own (data is owned, as for ParseOwned): an issue of one article,
// with the date and the page its name gives (YYYYMMDD-PP-NN.txt), read as
// in its folder (see OpenFolder). A file that is only 广告 is an ad page.
// A name of another form is read as any text (ParseOwned).
func ParseArchiveOwned(name string, data []byte, opt Options) (*Issue, error) {
	if opt.Name == "" {
		opt.Name = name
	}
	date, page, _, ok := ArchiveName(name)
	if !ok {
		return ParseOwned(data, opt)
	}
	if int64(len(data)) > opt.limit() {
		return nil, fmt.Errorf("%s: %w (more than %d MB)", opt.name(), ErrTooLarge, opt.limit()>>20)
	}
	art, ad, res, err := parseArchiveFile(data, opt)
	if err != nil {
		return nil, err
	}
	is := &Issue{Date: date, Pages: page, Encoding: res.Encoding, Invalid: res.Invalid}
	sec := Section{Page: page}
	switch {
	case ad:
		sec.Ad, sec.Name = true, "广告"
	case art != nil:
		sec.Articles = []Article{*art}
	default:
		return nil, fmt.Errorf("%s: %w", opt.name(), ErrNoArticles)
	}
	is.Sections = []Section{sec}
	is.normalise()
	if is.Count() == 0 {
		return nil, fmt.Errorf("%s: %w", opt.name(), ErrNoArticles)
	}
	return is, nil
}

// ParseFile reads the issue in the file at path.
func ParseFile(path string, opt Options) (*Issue, error) {
	if opt.Name == "" {
		opt.Name = path
	}
	data, err := readFile(path, opt)
	if err != nil {
		return nil, err
	}
	return ParseOwned(data, opt)
}

// readFile reads a whole file, refusing one larger than the limit.
func readFile(path string, opt Options) ([]byte, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, oneLine(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, oneLine(err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", opt.name())
	}
	if st.Size() > opt.limit() {
		return nil, fmt.Errorf("%s: %w (%d MB, the limit is %d MB)", opt.name(), ErrTooLarge, st.Size()>>20, opt.limit()>>20)
	}
	data := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", opt.name(), err)
		}
		if len(data) == cap(data) {
			if int64(len(data)) > opt.limit() {
				return nil, fmt.Errorf("%s: %w", opt.name(), ErrTooLarge)
			}
			data = append(data, 0)[:len(data)]
		}
	}
	return data, nil
}

// oneLine keeps an error from the os package as it is (it names the
// path) but makes sure it is one line.
func oneLine(err error) error {
	if !strings.ContainsAny(err.Error(), "\n\r") {
		return err
	}
	return errors.New(strings.Join(strings.Fields(err.Error()), " "))
}

// ArchiveName reads the name of a file of the per-article archive form,
// YYYYMMDD-PP-NN.txt: the issue's date (YYYY-MM-DD), the page and the
// article's place on the page.
func ArchiveName(name string) (date string, page, seq int, ok bool) {
	base := filepath.Base(name)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	parts := strings.Split(base, "-")
	if len(parts) != 3 || len(parts[0]) != 8 {
		return "", 0, 0, false
	}
	for _, p := range parts {
		if p == "" || len(p) > 8 {
			return "", 0, 0, false
		}
		for i := 0; i < len(p); i++ {
			if !isASCIIDigit(p[i]) {
				return "", 0, 0, false
			}
		}
	}
	page, _ = parseDigits(parts[1])
	seq, _ = parseDigits(parts[2])
	date, _, _ = FindDate(parts[0], CompactDate)
	if date == "" {
		return "", 0, 0, false
	}
	return date, page, seq, true
}

// OpenFolder reads a folder that holds one issue as one file per article
// (YYYYMMDD-PP-NN.txt, all of the same date; hidden files are ignored). The
// pages come from the file names; files that are only 广告 make ad pages
// (unless the page holds an article); an article stored in full on two
// pages is kept once, on its first page, and the later page lists it in
// its Repeats.
// Any other folder gives ErrNotIssueFolder.
func OpenFolder(dir string, opt Options) (*Issue, error) {
	if opt.Name == "" {
		opt.Name = dir
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, oneLine(err)
	}
	type file struct {
		name      string
		page, seq int
	}
	var files []file
	date := ""
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		d, page, seq, ok := ArchiveName(e.Name())
		if e.IsDir() || !ok || date != "" && d != date {
			return nil, fmt.Errorf("%s: %w", opt.name(), ErrNotIssueFolder)
		}
		date = d
		files = append(files, file{e.Name(), page, seq})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w", opt.name(), ErrNotIssueFolder)
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].page != files[j].page {
			return files[i].page < files[j].page
		}
		return files[i].seq < files[j].seq
	})
	is := &Issue{Date: date}
	seen := map[string]Repeat{} // article text → where it was first kept
	encodings := map[string]bool{}
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		fopt := opt
		fopt.Name = path
		data, err := readFile(path, fopt)
		if err != nil {
			return nil, err
		}
		art, ad, res, err := parseArchiveFile(data, fopt)
		if err != nil {
			return nil, err
		}
		encodings[res.Encoding] = true
		if is.Encoding == "" {
			is.Encoding = res.Encoding
		}
		is.Invalid += res.Invalid
		if f.page > is.Pages {
			is.Pages = f.page
		}
		sec := &Section{Page: f.page}
		if n := len(is.Sections); n > 0 && is.Sections[n-1].Page == f.page {
			sec = &is.Sections[n-1]
		} else {
			is.Sections = append(is.Sections, *sec)
			sec = &is.Sections[len(is.Sections)-1]
		}
		switch {
		case ad:
			if len(sec.Articles) == 0 && len(sec.Repeats) == 0 {
				sec.Ad, sec.Name = true, "广告"
			}
		case art != nil:
			key := articleKey(art)
			if first, ok := seen[key]; ok {
				// Printed again in full: kept once, where it first stood;
				// this page says where.
				if first.Page != f.page {
					sec.Repeats = append(sec.Repeats, first)
					if sec.Ad {
						sec.Ad, sec.Name = false, ""
					}
				}
				continue
			}
			seen[key] = Repeat{Page: f.page, Title: art.Headline()}
			if sec.Ad {
				sec.Ad, sec.Name = false, ""
			}
			sec.Articles = append(sec.Articles, *art)
		}
	}
	if len(encodings) > 1 {
		names := make([]string, 0, len(encodings))
		for e := range encodings {
			names = append(names, e)
		}
		sort.Strings(names)
		is.Encoding = strings.Join(names, "+")
	}
	// Pages left with nothing (every file a duplicate of one on the same
	// page) go.
	secs := is.Sections[:0]
	for _, s := range is.Sections {
		if len(s.Articles) > 0 || s.Ad || len(s.Repeats) > 0 {
			secs = append(secs, s)
		}
	}
	is.Sections = secs
	if !opt.noStitch {
		stitch(is)
	}
	is.normalise()
	if is.Count() == 0 {
		return nil, fmt.Errorf("%s: %w", opt.name(), ErrNoArticles)
	}
	return is, nil
}

// articleKey identifies an article's text, to find one stored twice.
func articleKey(a *Article) string {
	var b strings.Builder
	b.WriteString(a.Kicker)
	b.WriteByte(0)
	b.WriteString(a.Title)
	b.WriteByte(0)
	b.WriteString(a.Subtitle)
	b.WriteByte(0)
	b.WriteString(a.Byline)
	for _, p := range a.Paragraphs {
		b.WriteByte(0)
		b.WriteString(p)
	}
	return b.String()
}

// parseArchiveFile reads one file of the archive form (data is owned: it
// is never modified afterwards): line 1 the kicker
// (often empty), line 2 the title, line 3 the subtitle (often empty), then
// one paragraph per line. A file that holds only 广告 is an ad (ad true,
// art nil). A header line that is indented is already body text.
func parseArchiveFile(data []byte, opt Options) (art *Article, ad bool, res decodeResult, err error) {
	res, err = DecodeBytes(data, opt.Encoding)
	if err != nil {
		return nil, false, res, fmt.Errorf("%s: %w", opt.name(), err)
	}
	text := unsafe.String(unsafe.SliceData(res.Text), len(res.Text)) // data is owned: read from a file
	if t := trimSpace(text); isAdName(t) {
		return nil, true, res, nil
	}
	lines := splitLines(text)
	var head [3]string
	body := 0
	for body < 3 && body < len(lines) && !lines[body].indent() {
		head[body] = lines[body].text()
		body++
	}
	if body < 3 {
		// Fewer than three header lines: the last one read is the title.
		switch body {
		case 1:
			head = [3]string{"", head[0], ""}
		case 2:
			head = [3]string{head[0], head[1], ""}
		}
	}
	bk := blocker{lines: lines}
	blocks := bk.run(body)
	d := &draft{a: Article{Kicker: head[0], Title: head[1], Subtitle: head[2]}, byHeader: true}
	p := &parser{opt: opt, is: &Issue{}, indentStyle: true, cur: d, secs: []*secDraft{{arts: []*draft{d}}}}
	for i := range blocks {
		b := &blocks[i]
		switch b.kind {
		case bPara, bPage:
			d.addPara(b.text, b.spans(), b.indent || b.sep)
		case bHeading:
			d.addBlock(Block{Kind: BlockHeading, Text: b.text})
		case bMeta:
		default:
			p.addStructural(b)
		}
	}
	finishArticle(d, true, true)
	if d.empty() {
		return nil, false, res, nil
	}
	if d.a.Title == "" && d.a.Kicker != "" && d.a.Subtitle == "" {
		d.a.Title, d.a.Kicker = d.a.Kicker, ""
	}
	if isAdName(d.a.Title) && len(d.a.Paragraphs) == 0 && len(d.a.Blocks) == 0 {
		return nil, true, res, nil
	}
	if d.a.Jumps == nil {
		d.a.Jumps = []Jump{}
	}
	if d.a.Paragraphs == nil {
		d.a.Paragraphs = []string{}
	}
	return &d.a, false, res, nil
}

// Merge joins issues read from separate files of one issue (one file per
// page, or per article) into one: the masthead of the first part that has
// one, the sections in the order given (a section of the same page as the
// one before it joins it), continuations across parts stitched, the
// articles numbered anew. The parts are not modified.
func Merge(parts ...*Issue) *Issue {
	out := &Issue{}
	head := false
	for _, p := range parts {
		if p == nil {
			continue
		}
		if !head && (p.Paper != "" || p.Date != "" || len(p.Masthead) > 0) {
			*out = Issue{
				Paper: p.Paper, PaperEn: p.PaperEn, Date: p.Date, Weekday: p.Weekday, Lunar: p.Lunar,
				Number: p.Number, Pages: out.Pages, Serial: p.Serial, Website: p.Website,
				Supervisor: p.Supervisor, Sponsor: p.Sponsor, Publisher: p.Publisher,
				Masthead: append([]string(nil), p.Masthead...),
				Encoding: out.Encoding, Invalid: out.Invalid, Sections: out.Sections,
			}
			head = true
		}
		switch {
		case out.Encoding == "":
			out.Encoding = p.Encoding
		case p.Encoding != "" && !strings.Contains("+"+out.Encoding+"+", "+"+p.Encoding+"+"):
			out.Encoding += "+" + p.Encoding
		}
		out.Invalid += p.Invalid
		if p.Pages > out.Pages {
			out.Pages = p.Pages
		}
		for _, s := range p.Sections {
			arts := make([]Article, len(s.Articles))
			for i := range s.Articles {
				arts[i] = s.Articles[i].clone()
			}
			s.Articles = arts
			s.Repeats = append([]Repeat(nil), s.Repeats...)
			if n := len(out.Sections); n > 0 && samePage(&out.Sections[n-1], &s) {
				// Files of one article each: a page's articles join.
				last := &out.Sections[n-1]
				if last.Name == "" {
					last.Name = s.Name
				}
				last.Articles = append(last.Articles, s.Articles...)
				last.Repeats = append(last.Repeats, s.Repeats...)
				last.Ad = last.Ad && s.Ad
				continue
			}
			out.Sections = append(out.Sections, s)
		}
	}
	stitch(out)
	out.normalise()
	return out
}

// samePage reports whether b, of the part after a's, is more of the page
// a is: the same page number and name (or no name), or both of unknown
// page and the same name.
func samePage(a, b *Section) bool {
	return a.Page == b.Page && (a.Name == b.Name || a.Name == "" || b.Name == "") && !a.TitlesOnly && !b.TitlesOnly
}

// clone copies an article and the slices it holds.
func (a *Article) clone() Article {
	c := *a
	c.Paragraphs = append([]string(nil), a.Paragraphs...)
	c.Jumps = append([]Jump(nil), a.Jumps...)
	c.Cut = append([]int(nil), a.Cut...)
	c.Continued = append([]int(nil), a.Continued...)
	c.Spans = append([]Span(nil), a.Spans...)
	c.Blocks = make([]Block, len(a.Blocks))
	for i, b := range a.Blocks {
		b.Items = append([]string(nil), b.Items...)
		b.Levels = append([]int(nil), b.Levels...)
		b.Spans = append([]Span(nil), b.Spans...)
		rows := make([][]string, len(b.Rows))
		for r := range b.Rows {
			rows[r] = append([]string(nil), b.Rows[r]...)
		}
		b.Rows = rows
		c.Blocks[i] = b
	}
	if a.Blocks == nil {
		c.Blocks = nil
	}
	return c
}
