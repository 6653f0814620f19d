package cli

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"dubao/issue/script"
	"dubao/issue/shelf"
)

// TestShelfLines holds the lines of a shelf's search (shelfLines: the
// start of a line made once per article, the LINEs of an issue checked
// for the terminal at once) to appendSearchLine with listField on each
// field, line by line: the same lines, the same left out. The texts mix
// clean lines with controls, escape sequences, tabs, line breaks,
// invalid bytes, bidirectional controls, spaces at the ends and pieces of
// a character split over two LINEs (valid only together), so that an
// issue whose one LINE is not clean has the others' checked all the same.
// searchLines, which the search's workers make the lines with hit by
// hit, is held to the same on the same hits.
func TestShelfLines(t *testing.T) {
	texts := []string{
		"发展冠军居民老师，了活动", "GDP增长5.2%，", "…居民发展活动。", " 发展 ", "\u3000发展\u3000",
		strings.Repeat("发展中国家，", 30), "é发展😀", "a", "",
		"\x1b[31m发展", "发展\x1b]8;;http://x\x07链接", "发\t展", "发\n展", "发\r展", "\x00",
		"\x7f", "\u009b2J", "\u202e发展", "\u2028", "\ufeff发展", "\xe5", "\x8f\x91发展", "\xff",
		"发展\x1b", "\ue40c", "\xe5\t发展\xff",
	}
	dates := []string{"2023-12-29", "2024-01-01"}
	rng := rand.New(rand.NewPCG(17, 6))
	var lines shelfLines
	for round := range 3000 {
		entries := []*shelf.Entry{{Date: dates[round%2]}, {Date: dates[(round+1)%2]}}
		n := rng.IntN(12)
		hits := make([]shelf.Hit, n)
		for i := range hits {
			h := &hits[i]
			if i > 0 && rng.IntN(3) > 0 {
				*h = hits[i-1] // the same article: often the same LINE too
				if rng.IntN(2) == 0 {
					h.Line = texts[rng.IntN(len(texts))]
				}
				continue
			}
			// Mostly clean texts, some of every kind.
			pick := func() string {
				if rng.IntN(4) > 0 {
					return texts[rng.IntN(9)]
				}
				return texts[rng.IntN(len(texts))]
			}
			*h = shelf.Hit{Entry: entries[rng.IntN(2)], Page: []int{0, 1, 2, 9, 10, 25, -3}[rng.IntN(7)], N: rng.IntN(4), Title: pick(), Line: pick()}
		}
		var want, got []byte
		var prev shelf.Hit
		for i, h := range hits {
			if i > 0 && h.N == prev.N && h.Line == prev.Line {
				continue
			}
			prev = h
			want = appendSearchLine(want, h.Entry.Date, h.Page, h.N, listField(h.Title), listField(h.Line))
		}
		var cv *script.Converter
		lines.add(hits, cv)
		for i := range hits {
			if lines.kept(i) {
				got = lines.append(got, &hits[i], i)
			}
		}
		if string(got) != string(want) {
			t.Fatalf("round %d, hits %+v:\n got %q\nwant %q", round, hits, got, want)
		}
		// The workers' maker (searchLines) on the same hits, their
		// LINEs given as their text has them (HitText.AppendText) and
		// made one line as a search makes them (AppendLine): the same
		// lines. A hit of the article before (the same issue, page,
		// number and title) is not the first of its article.
		var sl searchLines
		var byWorkers []byte
		want = want[:0]
		var prevOne shelf.Hit
		for i, h := range hits {
			ht := shelf.TextOf(&h, i == 0)
			ht.Article = i == 0 || h.Entry != hits[i-1].Entry || h.Page != hits[i-1].Page || h.N != hits[i-1].N || h.Title != hits[i-1].Title
			byWorkers = sl.AppendHit(byWorkers, ht)
			h.Line = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(h.Line)
			if i > 0 && h.N == prevOne.N && h.Line == prevOne.Line {
				continue
			}
			prevOne = h
			want = appendSearchLine(want, h.Entry.Date, h.Page, h.N, listField(h.Title), listField(h.Line))
		}
		if len(byWorkers) > 0 {
			byWorkers = sl.EndIssue(byWorkers)
		}
		if string(byWorkers) != string(want) {
			t.Fatalf("round %d, hits %+v, by searchLines:\n got %q\nwant %q", round, hits, byWorkers, want)
		}
		for _, l := range strings.SplitAfter(string(got), "\n") {
			if strings.Count(l, "\t") != 4 && l != "" || strings.ContainsAny(l, "\x1b\r\x00\x7f\u009b\u202e\ufeff") {
				t.Fatalf("round %d: line %q", round, l)
			}
		}
	}
}

// TestAppendInt: appendInt writes every number as strconv does: the
// small ones it writes itself, at their edges, and others.
func TestAppendInt(t *testing.T) {
	vs := []int{-1, -9, -10, -999, -1000, 1000, 1001, 9999, 123456, math.MaxInt, math.MinInt}
	for v := range 1100 {
		vs = append(vs, v)
	}
	for _, v := range vs {
		if got, want := appendInt([]byte("x"), v), strconv.AppendInt([]byte("x"), int64(v), 10); string(got) != string(want) {
			t.Errorf("%d: %q, want %q", v, got, want)
		}
	}
}

// TestKeepsEnds: keepsEnds never reports a text trimSpace would trim
// (random texts of Han characters, sentence ends, spaces of every kind,
// halves of characters and invalid bytes at either end), and reports
// the common LINEs.
func TestKeepsEnds(t *testing.T) {
	parts := []string{"发", "展", "。", "！", "；", "…", " ", "\u3000", "\u00a0", "\u2003", "\t", "\n", "a", "\xe4", "\xe5\x8f", "\x80", "\xe4 ", "\xe9\xbf\xbf", "\xe4\x80\x80", "”", "\u0085", ""}
	rng := rand.New(rand.NewPCG(8, 17))
	kept := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if keepsEnds(s) {
			kept++
			if trimSpace(s) != s {
				t.Fatalf("keepsEnds(%q), trimSpace makes it %q", s, trimSpace(s))
			}
		}
	}
	for _, s := range []string{"发展。", "发展！", "发展；", "发展…", "发展", "发"} {
		if !keepsEnds(s) {
			t.Errorf("keepsEnds(%q) false", s)
		}
	}
	if kept == 0 {
		t.Fatal("no text kept")
	}
}
