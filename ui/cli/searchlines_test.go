package cli

import (
	"math/rand/v2"
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
		"发展\x1b", "\ue40c",
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
			*h = shelf.Hit{Entry: entries[rng.IntN(2)], Page: rng.IntN(3), N: rng.IntN(4), Title: pick(), Line: pick()}
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
		// LINEs on one line as a search makes them: the same lines.
		var sl searchLines
		var byWorkers []byte
		want = want[:0]
		var prevOne shelf.Hit
		for i, h := range hits {
			h.Line = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(h.Line)
			byWorkers = sl.AppendHit(byWorkers, shelf.TextOf(&h, i == 0))
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
