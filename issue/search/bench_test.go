package search

import (
	"testing"

	"dubao/issue/internal/issuegen"
)

// BenchmarkFinder finds every match of a word in every article of a
// generated issue (in every article: 发展; rarer: 云岭; Latin: GDP), one
// Finder per text, as a shelf search does.
func BenchmarkFinder(b *testing.B) {
	text := string(issuegen.Issue(1 << 20))
	for _, w := range []string{"发展", "云岭", "GDP"} {
		b.Run(w, func(b *testing.B) {
			q := New(w)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				f := q.In(text)
				for from := 0; ; {
					_, end := f.Next(from)
					if end < 0 {
						break
					}
					from = end
				}
			}
		})
	}
}
