package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dubao/issue"
)

func TestFindAll(t *testing.T) {
	tests := []struct {
		name, query, text string
		want              []string // matched substrings of text
	}{
		{"han", "衡阳", "衡阳日报讯衡阳", []string{"衡阳", "衡阳"}},
		{"full-width query, half-width text", "ＡＢＣ１２３", "xxABC123yy", []string{"ABC123"}},
		{"half-width query, full-width text", "abc123", "ＡＢＣ１２３", []string{"ＡＢＣ１２３"}},
		{"comma forms", "合作,共赢", "合作，共赢与合作,共赢", []string{"合作，共赢", "合作,共赢"}},
		{"latin case", "gdp", "GDP增长,Gdp", []string{"GDP", "Gdp"}},
		{"padded name", "李舸", "本报记者  李  舸摄", []string{"李  舸"}},
		{"U+3000 and nbsp ignored", "新华社北京", "新华社\u00a0北京\u3000", []string{"新华社\u00a0北京"}},
		{"query spaces ignored", "习 近平", "习近平", []string{"习近平"}},
		{"no overlap", "aa", "aaaa", []string{"aa", "aa"}},
		{"no match", "上海", "北京", nil},
		{"empty query", "  ", "北京", nil},
		{"half-width katakana", "ｶﾀｶﾅ", "カタカナ", []string{"カタカナ"}},
		{"yen sign", "￥5", "¥5", []string{"¥5"}},
		{"greek case", "Δ", "δ值", []string{"δ"}},
		{"match at end", "报", "日报", []string{"报"}},
		{"curly and straight quotes", `"微改造"`, "“微改造”与‘微’", []string{"“微改造”"}},
		{"straight single quote", "'微'", "“微改造”与‘微’", []string{"‘微’"}},
		{"partial at end", "日报社", "日报", nil},
		{"Simplified query, Traditional text", "苹果", "蘋果和苹果", []string{"蘋果", "苹果"}},
		{"Traditional query, Simplified text", "發展", "经济发展，發展", []string{"发展", "發展"}},
		{"one form of many", "头发", "頭髮、頭發、头发", []string{"頭髮", "頭發", "头发"}},
		{"regional variants", "里面", "裡面和裏面", []string{"裡面", "裏面"}},
		{"variant after the first character", "面包", "麪包麵包", []string{"麪包", "麵包"}},
		{"other forms absent", "發", "发发发", []string{"发", "发", "发"}},
		{"different words stay apart", "发", "法", nil},
		{"Traditional with width folding", "蘋果ＡＢ", "苹果ab", []string{"苹果ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range New(tt.query).FindAll(tt.text) {
				got = append(got, tt.text[r[0]:r[1]])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindAll(%q, %q) = %q, want %q", tt.query, tt.text, got, tt.want)
			}
		})
	}
}

func TestIssue(t *testing.T) {
	is := &issue.Issue{Sections: []issue.Section{
		{Page: 1, Articles: []issue.Article{
			{N: 1, Title: "青溪大桥通车", Paragraphs: []string{"大桥全长1,200米。", "通车首日车流平稳。"}},
		}},
		{Page: 2, Articles: []issue.Article{
			{N: 2, Kicker: "大桥之后", Title: "新区规划", Paragraphs: []string{"规划与大桥衔接。"},
				Blocks: []issue.Block{{After: 1, Kind: issue.BlockTable, Rows: [][]string{{"项目", "大桥"}}}}},
		}},
	}}
	got := Issue(is, New("大桥"))
	type hit struct {
		n    int
		kind issue.PieceKind
		text string
	}
	var hits []hit
	for _, m := range got {
		a, _ := is.Article(m.N)
		p := a.Pieces()[m.Piece]
		if p.Text[m.Start:m.End] != "大桥" {
			t.Fatalf("match %+v covers %q", m, p.Text[m.Start:m.End])
		}
		hits = append(hits, hit{m.N, m.Kind, p.Text})
	}
	want := []hit{
		{1, issue.PieceTitle, "青溪大桥通车"},
		{1, issue.PieceParagraph, "大桥全长1,200米。"},
		{2, issue.PieceKicker, "大桥之后"},
		{2, issue.PieceParagraph, "规划与大桥衔接。"},
		{2, issue.PieceCell, "大桥"},
	}
	if !slices.Equal(hits, want) {
		t.Errorf("hits = %v\nwant  %v", hits, want)
	}
}

// naiveFindAll is a reference implementation: fold the whole text into
// runes, remember where each came from, and search the folded runes.
func naiveFindAll(q Query, text string) [][2]int {
	if q.Empty() {
		return nil
	}
	var runes []rune
	var starts, ends []int
	for i, r := range text {
		if f := Fold(r); f != 0 {
			runes = append(runes, f)
			starts = append(starts, i)
			ends = append(ends, i+utf8.RuneLen(r))
		}
	}
	if !utf8.ValidString(text) {
		return nil
	}
	var out [][2]int
	for i := 0; i+len(q.folded) <= len(runes); {
		if slices.Equal(runes[i:i+len(q.folded)], q.folded) {
			out = append(out, [2]int{starts[i], ends[i+len(q.folded)-1]})
			i += len(q.folded)
			continue
		}
		i++
	}
	return out
}

func FuzzFindAll(f *testing.F) {
	f.Add("大桥", "青溪大桥通车，大桥全长")
	f.Add("ＡＢ c", "xab C ＡＢｃ")
	f.Add("a", "aaaa")
	f.Add("苹果", "蘋果与苹果、蘋菓")
	f.Add("發 展", "发展發展")
	f.Fuzz(func(t *testing.T, query, text string) {
		if !utf8.ValidString(text) || !utf8.ValidString(query) {
			t.Skip()
		}
		q := New(query)
		got := q.FindAll(text)
		want := naiveFindAll(q, text)
		if len(got) != len(want) || (len(got) > 0 && !slices.Equal(got, want)) {
			t.Fatalf("FindAll(%q, %q) = %v, reference %v", query, text, got, want)
		}
		for _, r := range got {
			if strings.TrimSpace(text[r[0]:r[1]]) == "" {
				t.Fatalf("empty match %v", r)
			}
		}
	})
}

func BenchmarkIndex(b *testing.B) {
	text := strings.Repeat("会议强调，要深入学习贯彻重要讲话精神，扎实打好今年收官战、谋好明年开局篇。GDP增长5.8%。", 2000)
	for _, query := range []string{"开局", "發展", "GDP"} {
		b.Run(query, func(b *testing.B) {
			q := New(query) // 开 and 發 have other forms (開, 发 髮) to look for too
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				_ = q.FindAll(text)
			}
		})
	}
}

// TestIndexFrom checks Index from every offset of a text where the forms
// of the query's first character alternate.
func TestIndexFrom(t *testing.T) {
	text := "蘋果苹果x蘋果"
	q := New("苹果")
	want := [][2]int{{0, 6}, {6, 12}, {6, 12}, {6, 12}, {6, 12}, {6, 12}, {6, 12}, {13, 19}}
	for from := range want {
		s, e := q.Index(text, from)
		if s != want[from][0] || e != want[from][1] {
			t.Errorf("Index(%q, %d) = %d, %d, want %v", text, from, s, e, want[from])
		}
	}
	if s, _ := q.Index(text, 14); s != -1 {
		t.Errorf("Index(%q, 14) = %d, want -1", text, s)
	}
}

// TestCutsWord checks what a cut may not split.
func TestCutsWord(t *testing.T) {
	for _, tc := range []struct {
		s    string
		i    int
		want bool
	}{
		{"2,861.3", 1, true}, {"2,861.3", 2, true}, {"2,861.3", 5, true},
		{"5.8%。", 3, true}, {"5.8%。", 4, false},
		{"亿元,GDP", 7, false}, {"GDP", 1, true}, {"A型", 1, false},
		{"１２", 3, true}, {"10:30", 2, true}, {"值:6", 4, false},
		{"CRH380A型", 7, false}, {"CRH380A型", 3, true}, {"", 0, false}, {"12", 0, false}, {"12", 2, false},
	} {
		if got := CutsWord(tc.s, tc.i); got != tc.want {
			t.Errorf("CutsWord(%q, %d) = %v, want %v", tc.s, tc.i, got, tc.want)
		}
	}
}

// TestCutsWordFast: CutsWord, which passes over a CJK character on
// either side at once, answers as the rune-by-rune rule (cutsWordRunes) at
// every byte of random texts of digits, letters, joiners, CJK text and
// punctuation, full-width forms and broken UTF-8.
func TestCutsWordFast(t *testing.T) {
	pieces := []string{"1", "a", "Z", ".", ",", "%", "％", "１", "ｚ", "．", "发", "。", "—", "\u2000", "\u3000", "é", "😀", "\xe5", "\x80", " "}
	r := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			if got, want := CutsWord(s, i), cutsWordRunes(s, i); got != want {
				t.Fatalf("CutsWord(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	}
}

// TestIndexChar checks indexChar against strings.Index on texts made of
// characters that share lead and continuation bytes with the one looked
// for, at every start.
func TestIndexChar(t *testing.T) {
	// 發, 一 and 𠀋 are found by a byte before their last (see contFreq),
	// the others by their last: 癸 has 發's middle byte, 仙 ends with it,
	// 丑 has 一's middle byte.
	chars := []string{"云", "雲", "岭", "会", "丑", "a", "\n", "，", "𠀋", "發", "癸", "一", "仙", "é"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(chars[r.IntN(len(chars))])
		}
		text := b.String()
		for _, lit := range chars {
			for from := 0; from <= len(text); from++ {
				if got, want := indexChar(text[from:], lit), strings.Index(text[from:], lit); got != want {
					t.Fatalf("indexChar(%q, %q) = %d, want %d", text[from:], lit, got, want)
				}
			}
		}
	}
}

// TestLoose: a loose query passes over the marks a parse drops between
// its characters (emphasis, code, links, blockquotes, escapes), but not
// a mark it holds itself.
func TestLoose(t *testing.T) {
	for _, tc := range []struct {
		q, text string
		strict  bool
		loose   bool
	}{
		{"云岭", "到云**岭**去", false, true},
		{"云岭", "到云岭去", true, true},
		{"云岭", "到`云`_岭_去", false, true},
		{"a*b", "xa*by", true, true},
		{"a*b", "xa**by", false, true},
		{"云岭", "云 山 岭", false, false},
		// The other marks a parse drops: a link's brackets and address,
		// a blockquote's > on the line a paragraph goes on, an autolink's
		// angle brackets, a backslash escape.
		{"云岭", "见[云](http://x.cn/(a))岭", false, true},
		{"云岭", "见云[岭](x)", false, true},
		{"云岭", "图片云![岭](a.png)", false, true},
		{"云岭", "> 老街云\n> 岭", false, true},
		{"cn见", "<https://a.cn>见", false, true},
		{"a*b", `a\*b`, false, true},
		{"云岭", "云(x)岭", false, false},
		{"云岭", "云[山](x)岭", false, false},
	} {
		q := New(tc.q)
		if s, _ := q.Index(tc.text, 0); (s >= 0) != tc.strict {
			t.Errorf("Index(%q, %q) = %d", tc.q, tc.text, s)
		}
		if s, _ := q.Loose().Index(tc.text, 0); (s >= 0) != tc.loose {
			t.Errorf("Loose().Index(%q, %q) = %d", tc.q, tc.text, s)
		}
	}
}

// TestNarrowed: a query narrowed to the forms of its first character a
// text holds finds in it what the query finds, on texts made of the
// forms of 发 (发 發 髮), of 苹 and others; a form the text lacks is not
// looked for, and a query is kept whole when none or all are there.
func TestNarrowed(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 17))
	alphabet := []string{"发", "發", "髮", "展", "苹", "蘋", "果", "，", "*", "a", " ", "\n", "发展", "發展", "髮展"}
	for _, query := range []string{"发展", "發展", "苹果", "发", "展", "a发"} {
		q := New(query)
		for range 300 {
			var b strings.Builder
			for range r.IntN(40) {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			text := b.String()
			present := func(c rune) bool { return strings.ContainsRune(text, c) }
			for _, qq := range []Query{q, q.Loose()} {
				n := qq.Narrowed(present)
				if got, want := n.FindAll(text), qq.FindAll(text); !slices.Equal(got, want) {
					t.Fatalf("%q narrowed, in %q: %v, want %v", query, text, got, want)
				}
				for _, f := range n.firsts {
					if c, _ := utf8.DecodeRuneInString(f); !present(c) && len(n.firsts) < len(qq.firsts) {
						t.Fatalf("%q narrowed to %q, in %q: looks for %q", query, n.firsts, text, f)
					}
				}
			}
		}
	}
	q := New("发展")
	if n := q.Narrowed(func(c rune) bool { return c == '发' }); !slices.Equal(n.firsts, []string{"发"}) {
		t.Errorf("发展 narrowed to 发: looks for %q", n.firsts)
	}
	if n := q.Narrowed(func(rune) bool { return false }); len(n.firsts) != len(q.firsts) {
		t.Errorf("发展 narrowed to nothing: looks for %q, want every form", n.firsts)
	}
}

// TestASCIIVariants: asciiVariants lists, for each ASCII character, every
// character of Unicode that Fold turns into it, and only those — fewer
// than the eight forms firstFinder follows.
func TestASCIIVariants(t *testing.T) {
	var want [utf8.RuneSelf][]rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if f := Fold(r); f > 0 && f < utf8.RuneSelf && utf8.ValidRune(r) {
			want[f] = append(want[f], r)
		}
	}
	got := asciiVariants()
	for c := range want {
		if !slices.Equal(got[c], want[c]) {
			t.Errorf("the characters that fold to %q: %q, Fold says %q", rune(c), got[c], want[c])
		}
		if len(got[c]) > len(firstFinder{}.next) {
			t.Errorf("%d characters fold to %q, more than firstFinder follows", len(got[c]), rune(c))
		}
	}
	for _, c := range "gk\"'5" {
		t.Logf("%q: %q", c, got[c])
	}
}

// TestIndexLatin holds the byte search of a query that starts with an
// ASCII character (by the characters that fold to it) to the character
// by character one it replaced (a Query without firsts): random texts of
// Latin in both cases and widths, digits, quotes, Han, the Kelvin sign,
// İ and broken UTF-8, queries of one to three such characters, loose
// too, every match from every place.
func TestIndexLatin(t *testing.T) {
	parts := []string{"g", "G", "ｇ", "Ｇ", "d", "D", "ｄ", "p", "k", "K", "\u212a", "ｋ", "i", "İ", "I", "5", "５",
		"\"", "“", "”", "＂", "'", "’", " ", "\u3000", "\n", "*", "[", "]", "(", ")", "发", "展", "。", "\xff", "\xe4\xb8", "é"}
	queries := []string{"g", "GDP", "gdp", "ｇｄｐ", "g d", "k", "K", "i", "5G", "５ｇ", "\"", "”", "'", "g*d", "k发", "ip"}
	rng := rand.New(rand.NewPCG(17, 5))
	for range 800 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		for _, qs := range queries {
			for _, q := range []Query{New(qs), New(qs).Loose()} {
				if len(q.firsts) == 0 {
					t.Fatalf("%q: no byte search", qs)
				}
				slow := q
				slow.firsts, slow.needles = nil, nil
				f, sf := q.In(text), slow.In(text)
				for from := 0; from <= len(text); from++ {
					s, e := q.Index(text, from)
					ws, we := slow.Index(text, from)
					if s != ws || e != we {
						t.Fatalf("%q.Index(%q, %d) = %d, %d; character by character %d, %d", qs, text, from, s, e, ws, we)
					}
				}
				for from := 0; ; {
					s, e := f.Next(from)
					ws, we := sf.Next(from)
					if s != ws || e != we {
						t.Fatalf("%q: Finder.Next(%d) in %q = %d, %d; character by character %d, %d", qs, from, text, s, e, ws, we)
					}
					if s < 0 {
						break
					}
					from = e
				}
			}
		}
	}
}

// TestMatchForms holds matchAt's comparison of the next character's
// three-byte forms (Query.forms) to the character-by-character reading
// it falls back on: random texts of the queries' characters, their
// Traditional and other forms, a radical and a compatibility form that
// fold elsewhere, spaces, line breaks, loose marks and broken bytes;
// every place, strict and loose. It fails when no match is found by the
// forms (the test would test nothing).
//
// The Finder's test of the first forms of a query's other characters
// (Query.rest) is held to matchAt's character by character too.
func TestMatchForms(t *testing.T) {
	queries := []string{"发展", "發展", "里程", "中里", "中国家", "中里程", "云 岭", "国家发展", "g发", "发G"}
	parts := []string{"发", "發", "髮", "展", "里", "裏", "裡", "程", "中", "国", "國", "家", "云", "雲", "岭", "嶺",
		"⻆", "里"[:2], "\u2f25", "\uf9e9", " ", "\u3000", "\n", "*", "**", "[", "](x)", "\xe5", "a", "G", "ｇ"}
	rng := rand.New(rand.NewPCG(3, 17))
	byForms, byRest := 0, 0
	for _, qs := range queries {
		for _, loose := range []bool{false, true} {
			q := New(qs)
			if loose {
				q = q.Loose()
			}
			slow := q
			slow.forms, slow.rest = nil, ""
			for range 3000 {
				var b strings.Builder
				for n := rng.IntN(20); n > 0; n-- {
					b.WriteString(parts[rng.IntN(len(parts))])
				}
				text := b.String()
				// The Finder's own test of the query's other characters
				// (rest) finds what matchAt finds character by character.
				got, want := q.FindAll(text), slow.FindAll(text)
				if !slices.Equal(got, want) {
					t.Fatalf("%q (loose %v) FindAll(%q) = %v, want %v", qs, loose, text, got, want)
				}
				if q.rest != "" && len(got) > 0 {
					byRest++
				}
				for i := 0; i <= len(text); i++ {
					got, want := q.matchAt(text, i), slow.matchAt(text, i)
					if got != want {
						t.Fatalf("%q (loose %v) matchAt(%q, %d) = %d, want %d", qs, loose, text, i, got, want)
					}
					if got >= 0 && q.forms != nil {
						byForms++
					}
				}
			}
		}
	}
	if byForms == 0 || byRest == 0 {
		t.Fatalf("matches found by the forms: %d, with the first forms (rest): %d", byForms, byRest)
	}
}

// TestFinderValue: a Finder made by Query.Finder finds what one made by
// In finds, match after match (and from places inside matches); the zero
// Finder finds nothing.
func TestFinderValue(t *testing.T) {
	text := "发展　發展，发 展。GDP增长，gdp、ＧＤＰ；云岭云**岭**"
	for _, qs := range []string{"发展", "GDP", "云岭", "展", "，"} {
		for _, q := range []Query{New(qs), New(qs).Loose()} {
			in, val := q.In(text), q.Finder(text)
			for from := 0; from <= len(text); from++ {
				s1, e1 := in.Next(from)
				s2, e2 := val.Next(from)
				if s1 != s2 || e1 != e2 {
					t.Fatalf("%q: Next(%d) = %d, %d by Query.Finder, %d, %d by In", qs, from, s2, e2, s1, e1)
				}
			}
		}
	}
	var zero Finder
	if s, e := zero.Next(0); s != -1 || e != -1 {
		t.Fatalf("zero Finder: Next(0) = %d, %d", s, e)
	}
}

// TestFinderNextAt checks that NextAt(at) finds what Next(at) does, and
// leaves the Finder finding what it would: at every at, whether a form of
// the first character starts there or not, in a fresh Finder and in one
// that has searched before.
func TestFinderNextAt(t *testing.T) {
	text := "发展发展　發展，发 展。发**展**发发展發發展GDP增长，gdp、ＧＤＰ；云岭云**岭**云云岭发"
	// Narrowed to one form of 发, as a search of Simplified text (or of
	// Traditional) is: NextAt then tries the match at at.
	simp := func(r rune) bool { return r != '發' && r != '髮' }
	trad := func(r rune) bool { return r == '發' }
	for _, qs := range []string{"发展", "發展", "GDP", "云岭", "展", "发", "，", "发展发"} {
		for _, q := range []Query{New(qs), New(qs).Loose(), New(qs).Narrowed(simp), New(qs).Narrowed(simp).Loose(), New(qs).Narrowed(trad)} {
			rest := func(f *Finder, s, e int) [][2]int {
				out := [][2]int{{s, e}}
				for s >= 0 {
					s, e = f.Next(e)
					out = append(out, [2]int{s, e})
				}
				return out
			}
			for before := -1; before <= len(text); before++ {
				for at := max(before, 0); at <= len(text); at++ {
					f1, f2 := q.Finder(text), q.Finder(text)
					if before >= 0 {
						f1.Next(before)
						f2.Next(before)
					}
					s1, e1 := f1.Next(at)
					s2, e2 := f2.NextAt(at)
					want, got := rest(&f1, s1, e1), rest(&f2, s2, e2)
					if !slices.Equal(got, want) {
						t.Fatalf("%q (loose %v), after Next(%d): NextAt(%d) and on = %v, Next: %v", qs, q.loose, before, at, got, want)
					}
				}
			}
		}
	}
	var zero Finder
	if s, e := zero.NextAt(0); s != -1 || e != -1 {
		t.Fatalf("zero Finder: NextAt(0) = %d, %d", s, e)
	}
}
